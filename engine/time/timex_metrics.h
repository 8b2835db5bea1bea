// Scoring time expressions as TempEval-3 task A does (UzZaman et al. 2013): span precision,
// recall and F1 with strict (same extent) and relaxed (overlapping) matching, and attribute F1
// for type and value, where an attribute counts as correct when a relaxed match carries the gold
// attribute: attribute P = correct / system, R = correct / gold (so attribute F1 is relaxed F1
// times the attribute's accuracy on the matches).
#pragma once

#include <cstddef>
#include <vector>

#include "engine/time/timex.h"

namespace claimgraph::engine::time {

struct PrfCounts {
  size_t correct_system = 0;  // system items that count as correct
  size_t correct_gold = 0;    // gold items found
  size_t system = 0;
  size_t gold = 0;
  double Precision() const { return system ? static_cast<double>(correct_system) / system : 0; }
  double Recall() const { return gold ? static_cast<double>(correct_gold) / gold : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct TimexScores {
  PrfCounts strict;
  PrfCounts relaxed;
  PrfCounts type;
  PrfCounts value;
};

// Adds one document's comparison to `scores`. Relaxed matches pair each gold expression with
// the first overlapping system expression not yet paired (one-to-one); strict matches need the
// same byte extent.
void ScoreDocument(const std::vector<Timex>& gold, const std::vector<Timex>& system,
                   TimexScores* scores);

}  // namespace claimgraph::engine::time
