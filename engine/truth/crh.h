// CRH: Conflict Resolution on Heterogeneous data (Li, Li, Gao, Su, Zhao, Fan & Han, "Resolving
// conflicts in heterogeneous data by truth discovery and source reliability estimation",
// SIGMOD 2014). Alternates two steps:
//   truths:  per object, the value minimising the weighted loss of the sources' claims;
//   weights: w_s = -ln( sum of s's losses / sum of all sources' losses ).
// Objects whose values are all numbers are continuous (loss |v - v*| / std of the object's
// values); others are categorical (0-1 loss, truth = weighted vote).
// Deviations: for continuous objects the paper takes the weighted median (absolute loss) or mean
// (squared loss); we take the claimed value with the largest weighted support
// sum_s w_s exp(-|v_s - v| / std), a mode-seeking choice that keeps the truth one of the claimed
// values, so that belief and accuracy are per claim, and resists a cluster of outliers. A source's
// losses are averaged over its claims (the paper sums them), so that sources with few claims are
// not rewarded for saying little; trust is w_s divided by its maximum. A claim's belief is its
// weighted support divided by the object's total support.
#pragma once

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

class Crh : public TruthAlgorithm {
 public:
  using TruthAlgorithm::TruthAlgorithm;
  std::string_view name() const override { return "crh"; }

 protected:
  void Iterate(TruthResult* result) override;
};

}  // namespace claimgraph::engine::truth
