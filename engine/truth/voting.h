// Voting: the baseline every other method must beat. A claim's belief is the (weighted) number of
// sources that make it, divided by the largest such number; every source has trust 1.
// As joesingo/truthdiscovery's MajorityVoting (the regression figures in
// ../shared/data/truth/joesingo_regression/voting_results.json).
#pragma once

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

class Voting : public TruthAlgorithm {
 public:
  using TruthAlgorithm::TruthAlgorithm;
  std::string_view name() const override { return "voting"; }

 protected:
  void Iterate(TruthResult* result) override;
};

}  // namespace claimgraph::engine::truth
