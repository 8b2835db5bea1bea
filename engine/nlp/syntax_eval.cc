// Scoring the linguistic layer against reference annotations.
#include "engine/nlp/syntax_eval.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

namespace claimgraph::engine::nlp {

std::vector<EntitySpan> Entities(const AnnotatedDocument& doc) {
  std::vector<EntitySpan> out;
  for (const Sentence& s : doc.sentences) {
    size_t i = s.first;
    const size_t end = s.first + s.count;
    while (i < end) {
      const std::string& type = doc.tokens[i].ner;
      if (type.empty() || type == "O") {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < end && doc.tokens[j].ner == type) ++j;
      out.push_back({i, j - 1, type});
      i = j;
    }
  }
  return out;
}

void ScoreTagging(const AnnotatedDocument& gold, const AnnotatedDocument& system,
                  SyntaxScores* scores) {
  if (gold.tokens.size() != system.tokens.size()) {
    throw std::invalid_argument("ScoreTagging: " + gold.name + ": token counts differ");
  }
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const Token& g = gold.tokens[i];
    const Token& s = system.tokens[i];
    ++scores->tokens;
    scores->pos_correct += g.pos == s.pos;
    scores->lemma_correct += g.lemma == s.lemma;
    if (s.head != -1 && g.head != -1) {
      ++scores->attached;
      if (g.head == s.head) {
        ++scores->heads_correct;
        scores->labels_correct += g.deprel == s.deprel;
      }
    }
  }
  const std::vector<EntitySpan> g = Entities(gold);
  const std::vector<EntitySpan> s = Entities(system);
  const std::set<EntitySpan> gs(g.begin(), g.end());
  scores->entities.gold += g.size();
  scores->entities.system += s.size();
  for (const EntitySpan& e : g) ++scores->by_type[e.type].gold;
  for (const EntitySpan& e : s) {
    ++scores->by_type[e.type].system;
    if (gs.count(e)) {
      ++scores->entities.correct;
      ++scores->by_type[e.type].correct;
    }
  }
}

void ScoreSegmentation(const AnnotatedDocument& gold, const AnnotatedDocument& system,
                       SyntaxScores* scores) {
  std::set<std::pair<size_t, size_t>> gold_tokens;
  for (const Token& t : gold.tokens) gold_tokens.emplace(t.begin, t.end);
  scores->token_spans.gold += gold.tokens.size();
  scores->token_spans.system += system.tokens.size();
  for (const Token& t : system.tokens)
    scores->token_spans.correct += gold_tokens.count({t.begin, t.end});

  auto spans = [](const AnnotatedDocument& d) {
    std::set<std::pair<size_t, size_t>> out;
    for (const Sentence& s : d.sentences) {
      if (s.count == 0) continue;
      out.emplace(d.tokens[s.first].begin, d.tokens[s.first + s.count - 1].end);
    }
    return out;
  };
  const auto gs = spans(gold);
  const auto ss = spans(system);
  scores->sentence_spans.gold += gs.size();
  scores->sentence_spans.system += ss.size();
  for (const auto& s : ss) scores->sentence_spans.correct += gs.count(s);
}

}  // namespace claimgraph::engine::nlp
