// Attribution: who is speaking in a sentence, and which part of it is what they said.
//
// Cues, tried in this order on the words outside quotations:
//   - a reporting verb with its subject before it: "X said (that) ...", "X, ROLE, told Y that",
//     "“...,” he added", "“...,” General McKenzie maintained", "Alou is of the opinion that";
//   - a reporting verb with the speaker after it: "“...,” said X, ROLE", "..., added the advisor
//     of the Prime Minister, ...", "recalled the Bandawi";
//   - passive and prepositional cues: "as confirmed by X", "according to X", "in the words of X",
//     "X was quoted as saying:".
// The speaker phrase becomes a name (titles and middle initials dropped: "Kenneth F. McKenzie" ->
// "Kenneth McKenzie") and a role (apposition or title: "the commander of Iraq's Joint Operations
// Command", "Iraqi Defense Minister"), or, with no personal name, the noun phrase itself ("US
// State Department spokesperson", "Iraqi security sources"). References to speakers met earlier
// in the document resolve through SpeakerMemory: pronouns ("he added") to the last person named,
// surnames ("Al-Saadi stated", "the Bandawi", "Alo" for "Allou", up to one edit) to the person with
// that surname, and definite descriptions ("the spokesperson", "the lieutenant general") to the
// last speaker whose role has that head noun. A simplification of rule-based quotation
// attribution (Pareti et al. 2013; Muzny et al. 2017's sieve for quote-speaker links), without a
// parser: phrases are delimited by commas, quotes and function words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/extract/alias_table.h"
#include "engine/extract/lexer.h"

namespace claimgraph::engine {

struct KnownSpeaker {
  std::string name;  // as reported ("Kenneth McKenzie", "US State Department spokesperson")
  std::string role;
  bool person = false;
  bool group = false;       // a plural body ("some Shiite political groups"): "they"
  std::string description;  // titles and role words, for "the lieutenant general"
  size_t order = 0;         // position in the document (increasing)
};

// The speakers and persons of one document, in order of mention. Every look-up costs the same
// however many speakers came before (hash maps and recency-ordered maps, words tokenised once when
// a speaker is added), so attribution stays linear in the length of a document (issue 13).
// Pointers returned stay valid until the next Add.
class SpeakerMemory {
 public:
  void Add(KnownSpeaker s);
  // Last person (for "he", "she").
  const KnownSpeaker* LastPerson() const;
  // Last plural group named as an agent or speaker (for "they").
  const KnownSpeaker* LastGroup() const;
  // Last organisation or agency that spoke (for "the report", "the information").
  const KnownSpeaker* LastBody() const;
  // The speaker recorded under exactly this name, if any.
  const KnownSpeaker* ByName(std::string_view name) const;
  // The person whose surname matches `word` (folded, "al-" prefixes ignored, one edit allowed
  // for surnames of five letters or more, two for seven or more).
  const KnownSpeaker* BySurname(std::string_view word) const;
  // Last speaker whose name or role contains the head noun `head` (folded).
  const KnownSpeaker* ByHead(std::string_view head) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    KnownSpeaker speaker;
    uint64_t stamp = 0;                     // when last mentioned: larger is more recent
    std::unordered_set<std::string> words;  // tokens of name, role and description
    std::string surname;                    // SurnameKey of the name's last word
  };
  std::vector<Entry> entries_;                       // in order of first mention
  std::unordered_map<std::string, size_t> by_name_;  // name -> entry
  // word -> the most recently mentioned entry with that word (words only ever join an entry, and
  // a mention makes its entry the most recent, so updating on each mention keeps this exact).
  std::unordered_map<std::string, size_t> by_word_;
  std::unordered_map<std::string, size_t> by_surname_;    // persons' surname keys, the same way
  std::map<uint64_t, size_t> persons_, groups_, bodies_;  // stamp -> entry, per kind
  uint64_t clock_ = 0;
};

struct Attribution {
  enum Kind {
    kNone,
    kVerbThat,     // X said that C / X said C
    kVerbColon,    // X said: C   (speech may continue in the paragraph)
    kVerbQuote,    // X said, “C”
    kPostQuote,    // “C,” X said   /   “C,” said X
    kInverted,     // C, added X, C
    kAccordingTo,  // according to X, C   /   C, according to X
    kPassive,      // C, as confirmed by X
    kVerbObject,   // X announced / denied NP
  };
  Kind kind = kNone;
  std::string speaker;
  std::string role;
  bool person = false;
  bool group = false;
  std::string description;   // titles and role words seen with the speaker
  std::string verb;          // folded reporting verb or cue ("said", "according to")
  size_t cue = 0;            // lexeme index of the verb or cue
  size_t content_begin = 0;  // lexemes [content_begin, content_end) are what was said
  size_t content_end = 0;
  bool found() const { return kind != kNone; }
};

// True if `word` (folded) is a denial verb ("denied", "rejected", "dismissed").
bool IsDenialVerb(std::string_view word);

// Finds the attribution in one sentence. Lexemes inside quotations must have in_quote set.
// Resolves references through and records new speakers in `memory`.
Attribution Attribute(const std::vector<Lexeme>& lex, std::string_view text,
                      const AliasTable& aliases, SpeakerMemory* memory, size_t order);

// Records the persons named with a title in the sentence ("Prime Minister Mustafa Al-Kadhimi"),
// so that a later "he" can refer to them.
void NotePersons(const std::vector<Lexeme>& lex, std::string_view text, const AliasTable& aliases,
                 SpeakerMemory* memory, size_t order);

// "Kenneth F. McKenzie" -> "Kenneth McKenzie"; titles at the front dropped.
std::string CanonicalPersonName(std::string_view name);

}  // namespace claimgraph::engine
