// Scores of the linguistic layer against reference annotations (CoreNLP's, for PolNeAR):
// tokenisation and sentence agreement by byte offsets, POS and lemma accuracy on the reference
// tokens, entity-level NER precision / recall / F1 (an entity is a maximal run of tokens of one
// type, as CoreNLP writes types per token; a match needs the same span and type, as in CoNLL
// 2003), and unlabelled / labelled attachment for parsed tokens. `claimgraph eval syntax` prints
// them; the parser adds its figures through the same struct.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

struct PRF {
  size_t gold = 0, system = 0, correct = 0;
  double Precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double Recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct SyntaxScores {
  size_t tokens = 0;  // reference tokens tagged
  size_t pos_correct = 0;
  size_t lemma_correct = 0;
  PRF entities;                        // all types
  std::map<std::string, PRF> by_type;  // per entity type
  PRF token_spans;                     // tokens with the same byte span
  PRF sentence_spans;                  // sentences with the same first and last token offsets
  size_t attached = 0;                 // tokens whose predicted head was scored
  size_t heads_correct = 0;
  size_t labels_correct = 0;  // head and relation right

  double PosAccuracy() const { return tokens ? static_cast<double>(pos_correct) / tokens : 0.0; }
  double LemmaAccuracy() const {
    return tokens ? static_cast<double>(lemma_correct) / tokens : 0.0;
  }
  double Uas() const { return attached ? static_cast<double>(heads_correct) / attached : 0.0; }
  double Las() const { return attached ? static_cast<double>(labels_correct) / attached : 0.0; }
};

struct EntitySpan {
  size_t first = 0;  // token indices, last inclusive
  size_t last = 0;
  std::string type;
  bool operator<(const EntitySpan& o) const {
    return first != o.first ? first < o.first : last != o.last ? last < o.last : type < o.type;
  }
  bool operator==(const EntitySpan& o) const {
    return first == o.first && last == o.last && type == o.type;
  }
};

// Maximal runs of tokens with the same type other than "O" (within a sentence).
std::vector<EntitySpan> Entities(const AnnotatedDocument& doc);

// Adds the tagging scores of `system` against `gold`. REQUIRES: the same tokens and sentences
// (the system tagged the reference tokens). Lemmas are scored where the system has one, heads
// where the system parsed (head != -1).
void ScoreTagging(const AnnotatedDocument& gold, const AnnotatedDocument& system,
                  SyntaxScores* scores);

// Adds the token and sentence agreement of `system` (own tokenisation of gold.text) with `gold`.
void ScoreSegmentation(const AnnotatedDocument& gold, const AnnotatedDocument& system,
                       SyntaxScores* scores);

}  // namespace claimgraph::engine::nlp
