// Investment and PooledInvestment (Pasternack & Roth, "Knowing what to believe (when you already
// know something)", COLING 2010). Sources invest their trust uniformly in their claims and are
// paid back in proportion to their share of each claim's investment; a claim's belief grows with
// a non-linear function G(x) = x^g of what was invested in it.
//   Investment:  T_i(s) = sum_{c in C_s} B_{i-1}(c) * (T_{i-1}(s)/|C_s|) / sum_{r in S_c}
//   T_{i-1}(r)/|C_r|
//                B_i(c)  = (sum_{s in S_c} T_i(s)/|C_s|)^g                        (g = 1.2)
//   PooledInvestment: H(c) = sum_{s in S_c} T_i(s)/|C_s|;
//                B_i(c)  = H(c) * H(c)^g / sum_{d in M_c} H(d)^g                  (g = 1.4)
// Both vectors are divided by their maximum after each iteration.
// Defaults follow joesingo/truthdiscovery: Investment starts from the voted prior
// |S_c| / sum_{d in M_c} |S_d| and runs 20 iterations; PooledInvestment from 1/|M_c| for 10.
// Deviations: weighted entries (|C_s| is the summed weight); a claim nobody invests in gets no
// return instead of a division by zero.
#pragma once

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

class Investment : public TruthAlgorithm {
 public:
  Investment(const ClaimMatrix& m, const TruthOptions& o, bool pooled = false)
      : TruthAlgorithm(m, o), pooled_(pooled) {}
  std::string_view name() const override { return pooled_ ? "pooled-investment" : "investment"; }

 protected:
  void Iterate(TruthResult* result) override;

 private:
  bool pooled_;
};

}  // namespace claimgraph::engine::truth
