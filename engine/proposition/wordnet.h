// WordNet (Miller 1995; Fellbaum 1998) for the proposition model: verb and adjective lemmas,
// their senses (synsets, most frequent first), direct hypernyms and antonyms. Read from the
// database files of WordNet 3.0 as Debian's wordnet-base installs them (index.verb, data.verb,
// verb.exc, index.adj, data.adj, adj.exc); the engine gets the bytes as streams (io opens the
// files: io/wordnet_loader.h), so it never touches the file system itself.
//
// Why our own reader rather than libwordnet (wordnet-dev): the C library keeps global state, is
// not thread-safe and searches the files on every call; the link stage asks millions of
// questions from two threads. The six files parse in a few tens of milliseconds into the tables
// below, and the format is simple and frozen (WordNet 3.0, wndb(5WN)).
//
// What the proposition model asks: the lemma of a word ("left" -> "leave", "withdrawal" ->
// "withdraw": inflections from the exception lists and the morphy detachment rules, plus the
// common nominal suffixes); whether two predicates share a sense class (a shared synset among
// their first senses, or one sense the direct hypernym of the other: "depart" is a kind of
// "exit"); whether they are antonyms ("arrive" / "leave", "open" / "closed").
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace claimgraph::engine {

class WordNet {
 public:
  enum Pos { kVerb = 0, kAdjective = 1 };

  WordNet() = default;
  // Reads one part of speech: its index, data and exception files. Malformed lines are skipped
  // (the format is frozen; only the licence header is not data). Returns the number of synsets
  // read.
  size_t Read(Pos pos, std::istream& index, std::istream& data, std::istream& exceptions);

  bool empty() const { return synsets_.empty(); }

  // The WordNet lemma of `word` (lower case) as `pos`, or "" if WordNet does not know it.
  // Verbs also accept nominalisations ("withdrawal", "departure", "completion").
  std::string Lemma(std::string_view word, Pos pos) const;

  // Synset ids of `lemma`'s first `max_senses` senses, most frequent first.
  std::vector<uint32_t> Senses(std::string_view lemma, Pos pos, size_t max_senses = 3) const;

  // Two lemmas of one sense class: a shared synset among their first three senses, or one's
  // sense the direct hypernym of the other's ("depart" -> "exit").
  bool SameClass(std::string_view a, std::string_view b, Pos pos) const;

  // WordNet lists the two lemmas as antonyms in one of their first three senses.
  bool Antonyms(std::string_view a, std::string_view b, Pos pos) const;

  // A short name for `lemma`'s sense class: the first lemma of its most frequent synset
  // ("pull out" -> "withdraw"?, "exit" -> "exit"); the lemma itself if WordNet lacks it.
  std::string ClassName(std::string_view lemma, Pos pos) const;

 private:
  struct Synset {
    std::vector<std::string> words;
    std::vector<uint32_t> hypernyms;
  };
  // Synset ids are (pos << 28) | index into synsets_, assigned in file order.
  std::vector<Synset> synsets_;
  std::unordered_map<uint64_t, uint32_t> by_offset_[2];  // file offset -> synset id
  std::unordered_map<std::string, std::vector<uint32_t>> index_[2];
  std::unordered_map<std::string, std::string> exceptions_[2];
  std::unordered_set<std::string> antonyms_[2];  // "a|b", both orders
};

}  // namespace claimgraph::engine
