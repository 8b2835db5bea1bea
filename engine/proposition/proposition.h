// Claims as propositions, and the alignment of two propositions (issue 10).
//
// A proposition is what a claim asserts, in parts: the subject (a named entity where the text
// names one, else the head of the phrase before the predicate), the predicate (its WordNet lemma
// and sense class: "left", "withdrawal" and "pulled out" read as one class), the object or
// complement (the content words after the predicate), the quantities with what they measure
// ("46 percent" of "Latino voters", held by "Clinton") and how exactly they are stated ("about",
// "more than", ranges), the times it names, polarity with its scope (a negation counts for the
// predicate only when it governs it), modality, and attribution (who is reported to say it).
//
// Method: built on the tokenizer and WordNet (wordnet.h), without a parser yet; the analysis of
// issue 9 (dependency parse, coreference) will replace the positional heuristics below with
// parse queries. Alignment follows de Marneffe, Rafferty & Manning (2008, "Finding Contradictions
// in Text"): contradiction features count only on aligned parts — same subject referent, aligned
// predicate or measure, overlapping times — and a claim that reports a view does not assert it.
//
// Thread safety: all functions are pure; a WordNet is read-only once built.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/proposition/wordnet.h"

namespace claimgraph::engine {

// A quantity with what it measures: "more than 95 percent of club employees".
struct MeasuredQuantity {
  double low = 0, high = 0;          // the value as stated, widened by its approximation
  double value = 0;                  // the stated value (the low end of a range)
  std::string unit;                  // unit class: "percent", "usd", "personnel", "delegate", ...
  std::vector<std::string> measure;  // stems of what is counted ("latino", "voter")
  std::string measure_text;          // ... as written ("of Latino voters")
  std::string holder;                // the entity it belongs to ("Clinton"), may be empty
  std::string approximation;         // "", "about", "more than", "less than", "range"
  std::string text;                  // as written
};

struct PropositionFrame {
  std::string subject;  // "Donald Trump", "troops"; "" when only a pronoun
  std::vector<std::string> subject_stems;
  bool subject_named = false;             // the subject is a name (or the speaker of "I")
  bool pronoun_subject = false;           // "he", "she", "it", "they": unresolved here
  std::string predicate;                  // lemma: "withdraw", "be", "lead"
  std::string predicate_class;            // WordNet class name or the domain concept
  std::vector<std::string> object_stems;  // sorted content stems after the predicate
  std::string object_text;                // the object or complement as written
  std::vector<MeasuredQuantity> quantities;
  std::vector<std::string> times;  // "2016", "2016-04", "april" as named in the text
  bool negated = false;            // a negation governs the predicate
  std::string negator;             // the word: "not", "never", "no"
  Modality modality = Modality::kAsserted;
  bool conditional = false;   // an if-clause: nothing asserted outside it
  std::string attribution;    // who is reported to say it ("Comey"), "" for the outlet itself
  bool reports_view = false;  // "X said that ...", "according to X": the outlet reports a view
  bool denies = false;        // the predicate denies or disputes (deny, reject, dispute, false)
  std::vector<std::string> entities;  // names in the text, as written
  std::vector<std::string> content;   // sorted distinct content stems (predicate lemma folded in)
  size_t tokens = 0;
  bool fragment = false;  // too short or without a predicate to assert anything

  // One line for reports and JSON: "Trump | lead (lead) | NOT | poll Iowa | 46 percent ...".
  std::string Summary() const;
};

// Builds the proposition of `text`. `wordnet` may be null or empty (lemmas then fall back to
// Snowball stems and the domain concept table). `speaker`, when the extractor already found one,
// is the attribution.
PropositionFrame BuildProposition(std::string_view text, const WordNet* wordnet,
                                  std::string_view speaker = {});

// The same for an extracted claim: its speaker, modality, polarity and times are used.
PropositionFrame BuildProposition(const Claim& claim, const WordNet* wordnet);

// The relation two propositions stand in (issue 10's five).
enum class PairRelation { kAgree = 0, kContradict = 1, kUpdate = 2, kRelated = 3, kUnrelated = 4 };
inline constexpr int kNumPairRelations = 5;
std::string_view ToString(PairRelation r);
bool ParsePairRelation(std::string_view name, PairRelation* out);

inline constexpr int kNumAlignmentFeatures = 40;

// How the parts of two propositions align, with the dense features the learned pair model reads
// and the rules' verdict (precision first: a contradiction only on aligned parts).
struct Alignment {
  enum class Match { kSame, kDifferent, kUnknown };
  Match subject = Match::kUnknown;
  bool predicate_same = false;            // same lemma or sense class
  bool predicate_opposed = false;         // WordNet antonyms or a domain opposition
  bool polarity_on_aligned = false;       // one negates the aligned predicate, the other affirms it
  bool measure_aligned = false;           // a quantity of one measure, unit and holder in both
  bool measure_agrees = false;            // ... with values within tolerance
  bool measure_differs = false;           // ... with values outside it
  bool measure_same_holder = false;       // an agreeing measure whose holder is named in both
  bool same_figure_other_holder = false;  // the same amount said of different subjects
  bool times_differ = false;
  bool times_overlap = false;
  bool denial = false;    // one denies what the other asserts
  bool fragment = false;  // either side a fragment or with an unresolved pronoun subject
  double overlap = 0;     // content overlap, the smaller of the two directions
  std::array<float, kNumAlignmentFeatures> features{};
  // The rules' verdict: kContradict / kUpdate / kAgree only on aligned parts, else kRelated or
  // kUnrelated; `rule_fired` is false when the rules found nothing specific.
  PairRelation rule = PairRelation::kRelated;
  bool rule_fired = false;
  double rule_score = 0;
  std::vector<std::string> reasons;  // "same subject: Trump", "same measure: percent latino"
  // Contradiction allowed at all: same subject referent (or one unnamed subject in the same
  // measure), aligned predicate or measure, overlapping or unknown times, neither a fragment.
  bool may_contradict = false;
  // The same, whatever the times: a pair that would contradict at one time is an update across
  // two.
  bool aligned = false;
};

// Fills the claim's proposition fields (claim.h: subject, predicate, predicate_class, object,
// negation, negation_scope, modal; each quantity's measure and approximation) from its
// proposition. Fields the dependency parse already filled are kept (BuildProposition reads them);
// the subject is resolved through the alias table ("Mr. Trump" -> "Donald Trump" where known).
void FillPropositionFields(Claim* claim, const WordNet* wordnet);

// The claim's proposition in one line, from its stored fields only (so a loaded run renders the
// same): "Donald Trump · NOT leave (withdraw) · Iraq · 2,500 troops [US troops in Iraq] · about
// 2021-01 · per Joe Biden (reported)".
std::string DescribeProposition(const Claim& claim);

// The keys that make two claims candidates (issue 10, §2): "sp:" subject entity and predicate
// class, "sm:" subject and measure, "ev:" the event (predicate class and object head; and the
// verb class of a nominalised subject or object head: "the withdrawal of coalition forces" and
// "troops have not left" are both "ev:withdraw" with WordNet), "fig:" a figure with its unit
// ("2,500 troops"). Empty keys are left out. Sorted, unique.
std::vector<std::string> PropositionKeys(const Claim& claim, const WordNet* wordnet = nullptr);

// `with_features` = false skips what only the learned pair model reads (the WordNet antonyms
// among all content words, the costly part); the parts, reasons and rules are the same.
Alignment Align(const PropositionFrame& a, const PropositionFrame& b, const WordNet* wordnet,
                bool with_features = true);

}  // namespace claimgraph::engine
