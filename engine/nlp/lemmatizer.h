// Lemmas for the linguistic layer, guided by the part-of-speech tag: "said"/VBD -> "say",
// "senators"/NNS -> "senator", "better"/JJR -> "good", "Trump"/NNP -> "Trump".
//
// Method: WordNet's Morphy (Miller et al.; the morphy(7WN) manual page): the exception lists
// (noun.exc, verb.exc, adj.exc) first, then the detachment rules of the tag's part of speech
// ("-ies" -> "-y", "-ed" -> "", "-ed" -> "-e", ...), taking the first candidate that is a lemma in
// WordNet's index; with no indexed candidate, the first rule that applies (so unknown words such
// as "tweeted" still lose their inflection). CoreNLP (whose lemmas we are measured against) uses
// Minnen et al.'s morpha, which differs from Morphy on a small closed set (pronouns "our" -> "we",
// clitics "'s"/VBZ -> "be", "ca" -> "can", comparatives it keeps); those differences are learned
// from the training data as a table of (form, tag) -> lemma pairs where the corpus consistently
// disagrees with Morphy, so the table holds only what the rules get wrong.
//
// Decision: WordNet's files are read by `claimgraph train nlp` (from /usr/share/wordnet, Debian
// wordnet-base) and their content is stored in the model file compiled into the binary — the
// exception lists and the single-word index lemmas — so `claimgraph` needs no WordNet at run
// time and works on a machine without it, and the lemmas do not change with the installed
// WordNet version. Lemmatize() is const and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

class Lemmatizer {
 public:
  Lemmatizer() = default;

  // The lemma of `form` tagged `pos` (Penn tag).
  std::string Lemmatize(std::string_view form, std::string_view pos) const;
  // Fills Token::lemma of every token (reads Token::pos).
  void Lemmatize(AnnotatedDocument* doc) const;

  // Reads WordNet's noun/verb/adj .exc and index.* files from `wordnet_dir`. Throws
  // std::runtime_error naming the directory and the missing file.
  static Lemmatizer FromWordNet(const std::string& wordnet_dir);
  // Learns the corpus's (form, tag) -> lemma pairs that Morphy gets wrong (seen at least
  // `min_count` times, the lemma in at least half of them).
  void LearnExceptions(const std::vector<AnnotatedDocument>& docs, int min_count = 2);

  size_t table_size() const { return learned_.size(); }

  void SerializeTo(std::string* out) const;
  static Lemmatizer Parse(std::string_view bytes, size_t* offset, const std::string& what);

 private:
  enum Pos { kNoun = 0, kVerb = 1, kAdj = 2, kOther = 3 };
  std::string Morphy(const std::string& lower, Pos pos) const;
  std::string RuleLemma(std::string_view form, std::string_view tag) const;

  std::unordered_map<std::string, std::string> exceptions_[3];
  std::unordered_set<std::string> index_[3];
  std::unordered_map<std::string, std::string> learned_;  // lower form + '\t' + tag -> lemma
};

}  // namespace claimgraph::engine::nlp
