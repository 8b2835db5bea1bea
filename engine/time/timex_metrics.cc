#include "engine/time/timex_metrics.h"

namespace claimgraph::engine::time {

void ScoreDocument(const std::vector<Timex>& gold, const std::vector<Timex>& system,
                   TimexScores* s) {
  for (PrfCounts* c : {&s->strict, &s->relaxed, &s->type, &s->value}) {
    c->gold += gold.size();
    c->system += system.size();
  }
  std::vector<bool> used(system.size(), false);
  // Both lists are in text order and do not overlap among themselves: walk them together.
  size_t first = 0;
  for (const Timex& g : gold) {
    while (first < system.size() && system[first].end <= g.begin) ++first;
    for (size_t k = first; k < system.size() && system[k].begin < g.end; ++k) {
      if (used[k] || system[k].end <= g.begin) continue;
      used[k] = true;
      const Timex& t = system[k];
      s->relaxed.correct_gold++;
      s->relaxed.correct_system++;
      if (t.begin == g.begin && t.end == g.end) {
        s->strict.correct_gold++;
        s->strict.correct_system++;
      }
      if (t.type == g.type) {
        s->type.correct_gold++;
        s->type.correct_system++;
      }
      if (t.value == g.value) {
        s->value.correct_gold++;
        s->value.correct_system++;
      }
      break;
    }
  }
}

}  // namespace claimgraph::engine::time
