// ACCU with copy detection (Dong, Berti-Equille & Srivastava, "Integrating conflicting data: the
// role of source dependence", VLDB 2009). Bayesian: a source of accuracy A(s) votes
// A'(s) = ln(n A(s) / (1 - A(s))) for its value (n = number of false values per object); a value's
// probability is exp(C(v)) / sum over the object's values (and the n - k unseen false values) of
// exp(C(v')); A(s) is the mean probability of its claims. With copy detection, each pair of
// sources that share objects gets a posterior probability of dependence from how many true values
// they share (k_t), false values they share (k_f) and values they differ on (k_d):
//   independent:  P_t = A1 A2,  P_f = (1 - A1)(1 - A2) / n,  P_d = 1 - P_t - P_f
//   S1 copies S2: (A2 c + P_t (1 - c))^k_t ((1 - A2) c + P_f (1 - c))^k_f (P_d (1 - c))^k_d
// with prior alpha for copying; a source's vote for v is discounted by
// I(s, v) = prod over sources s' ahead of s that also give v of (1 - c P(s ~ s')).
// Deviations: a vote A'(s) is never negative (a source less accurate than chance is ignored,
// not read as evidence against its value); the paper orders the providers of a value greedily by
// dependence; we order them by accuracy (most accurate first, which counts the likely original in
// full). Pairs of sources are only those that share an object (found per object, never all pairs);
// pairs sharing fewer than 2 objects are left independent, and objects with more than 256 providers
// are not used for pair counts (bounded work). Dependence uses the current value probabilities (>
// 0.5 = true); it is first found after the first round of votes, which are then taken again with
// the copiers discounted (else the largest group of copiers wins the first round, and with the
// accuracy that gives it, every round after). Options (truth_discovery.h): accuracy shrunk toward
// the prior by pseudo-claims, negative votes (the paper's form), known verdicts held fixed.
#pragma once

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

class Accu : public TruthAlgorithm {
 public:
  using TruthAlgorithm::TruthAlgorithm;
  std::string_view name() const override { return "accu"; }

  // After Run(): the source pairs found dependent (probability > 0.5), as (a, b, probability).
  struct Dependence {
    int a, b;
    double probability;
  };
  const std::vector<Dependence>& dependences() const { return dependences_; }

 protected:
  void Iterate(TruthResult* result) override;

 private:
  std::vector<Dependence> dependences_;
};

}  // namespace claimgraph::engine::truth
