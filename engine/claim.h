// Claim and ClaimLink: what extraction produces and linking connects. These are the values that
// flow from engine to graph, score and io; every field here is stored and exported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine {

enum class Polarity { kAffirmed, kNegated };

// How the claim is put forward (DESIGN.md, Extract).
enum class Modality {
  kAsserted,  // stated as fact by the speaker
  kReported,  // the outlet relays what someone else said
  kForecast,  // about the future: forecast, promise, plan, deadline
  kHedged,    // reportedly, allegedly, may, might, could
  kDenial,    // the speaker denies or rejects something
  kQuestion,
};

std::string_view ToString(Polarity p);
std::string_view ToString(Modality m);
// Returns false if `name` is not one of ToString's results.
bool ParsePolarity(std::string_view name, Polarity* out);
bool ParseModality(std::string_view name, Modality* out);

// A quantity mentioned in a claim: "2,500 troops" -> {2500, 2500, "troops"};
// "four to five personnel" -> {4, 5, "personnel"}; "hundreds of soldiers" -> {200, 999,
// "soldiers"}.
struct Quantity {
  double low = 0;
  double high = 0;
  std::string unit;  // lower-case head noun after the number, may be empty
  std::string text;  // as written
  // What the number measures, from the parse: the counted noun with its modifiers and the
  // thing it belongs to ("US troops in Iraq", "Clinton's share"); empty when not found.
  std::string measure;
  // How the figure is stated (issue 10): "about" ("roughly $1 billion"), "more than", "less
  // than", "range" ("four to five"), or empty for a plain figure.
  std::string approximation;
};

// A time the claim is about, resolved against the publication date. Dates are ISO "YYYY-MM-DD";
// a month or year resolves to its first and last day ("by September 2026" ->
// 2026-09-01..2026-09-30).
struct TimeRef {
  std::string begin;
  std::string end;
  std::string text;  // as written
};

struct Claim {
  int64_t id = 0;        // store id; 0 until stored
  int64_t document = 0;  // Document::id
  std::string source;    // the outlet that published it
  std::string speaker;   // the person or body whose words these are; empty = the outlet itself
  std::string speaker_role;
  std::string text;  // the exact sentence or clause, as in the document
  // Offsets into Document::text: bytes, and Unicode code points (the exported "span").
  size_t byte_begin = 0, byte_end = 0;
  size_t char_begin = 0, char_end = 0;
  std::string date;            // when the claim was made (publication date or a date in the text)
  std::vector<TimeRef> about;  // times the claim is about
  Polarity polarity = Polarity::kAffirmed;
  Modality modality = Modality::kAsserted;
  std::vector<Quantity> quantities;
  std::vector<std::string> entities;  // canonical names after alias resolution ("Ain al-Asad")
  std::string proposition;            // key of the proposition the claim belongs to; may be empty

  // Attribution (issue 9): the reporting cue as written ("said", "according to", "accused");
  // empty for the outlet's own voice. `own_voice` is true when no one else is speaking: the
  // outlet asserts the claim itself.
  std::string cue;
  bool own_voice = true;

  // The claim read as a proposition, from the dependency parse of its content clause. Empty
  // strings where the parse gives nothing.
  std::string subject;       // subject entity, resolved through coreference and the alias table
                             // ("Donald Trump" for "he" or "Mr. Trump"); else the subject phrase
  std::string subject_text;  // the subject as written in the claim ("he", "the senator")
  std::string predicate;     // lemma of the main predicate ("withdraw", "be")
  // The predicate's sense class: WordNet synset or domain concept, so that "leave", "exit" and
  // "pull out" share one ("withdraw"). Filled by the link stage (issue 10).
  std::string predicate_class;
  std::string object;          // object or complement as written ("its forces", "in Iraq")
  std::string negation;        // the negator as written ("not", "never", "no"); empty if none
  std::string negation_scope;  // lemma of the word the negation scopes over: the predicate when
                               // it negates the clause, a noun for "no troops"
  std::string modal;           // the modal auxiliary or hedge ("may", "will", "could")
};

enum class Relation { kAgree, kContradict, kUpdate, kCopy };
std::string_view ToString(Relation r);
bool ParseRelation(std::string_view name, Relation* out);

// A scored link between two claims, found by the linker. `a` and `b` index the claim vector
// handed to the linker (not store ids) until io maps them.
struct ClaimLink {
  int64_t a = 0;
  int64_t b = 0;
  Relation relation = Relation::kAgree;
  double score = 0;  // 0..1, confidence in `relation`
  std::vector<std::string>
      reasons;  // short, human-readable: "negation: 'not'", "date: 2021 vs 2025"
};

}  // namespace claimgraph::engine
