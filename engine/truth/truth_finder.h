// TruthFinder (Yin, Han & Yu, "Truth discovery with multiple conflicting information providers on
// the web", KDD 2007 / TKDE 20(6), 2008). A source's trust t(s) is the mean confidence of its
// claims; a claim's confidence is a dampened logistic of the summed trust scores
// tau(s) = -ln(1 - t(s)) of its sources, adjusted by related claims:
//   sigma(c)  = sum_{s in S_c} tau(s)
//   sigma*(c) = sigma(c) + rho * sum_{c'} imp(c' -> c) * sigma(c')
//   s(c)      = 1 / (1 + exp(-gamma * sigma*(c)))
// The implication imp comes from TruthOptions::implications; in the text pipeline these are the
// claim graph's agree (+) and contradict (-) edges (text_reliability.h).
// As joesingo/truthdiscovery: initial trust 0.9, gamma 0.3, rho 0.5, stop when
// 1 - cosine(t_new, t_old) < 0.001, or when a trust reaches exactly 1 (tau would be infinite;
// the run keeps the last finite state).
// Deviations: the sums over S_c are weighted by the entries' weights; the paper's extra
// similarity function between values is left to the implications the caller provides.
#pragma once

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

// Implications between the claims of each object, for TruthOptions::implications:
//   Gaussian  imp(a -> b) = exp(-0.5 (x_a - x_b)^2) between numeric values (what
//             joesingo/truthdiscovery's regression test uses);
//   Jaccard   imp(a -> b) = J(words of a, words of b) - base, the paper's "similarity minus base
//             similarity" for text values such as author lists.
// Objects with more than `max_values` values are skipped (the work is quadratic per object).
std::vector<Implication> GaussianImplications(const ClaimMatrix& m, int max_values = 512);
std::vector<Implication> JaccardImplications(const ClaimMatrix& m, double base = 0.5,
                                             int max_values = 512);
//   Containment imp(a -> b) = |words of a in b| / |words of a| - base: a partial value (one author
//             of a list) supports the fuller values that contain it, not the other way round.
std::vector<Implication> ContainmentImplications(const ClaimMatrix& m, double base = 0.5,
                                                 int max_values = 512);

class TruthFinder : public TruthAlgorithm {
 public:
  using TruthAlgorithm::TruthAlgorithm;
  std::string_view name() const override { return "truthfinder"; }

 protected:
  void Iterate(TruthResult* result) override;
};

}  // namespace claimgraph::engine::truth
