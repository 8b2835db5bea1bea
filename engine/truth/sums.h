// Sums and AverageLog: mutual reinforcement between source trust and claim belief.
//
// Sums is Kleinberg's Hubs and Authorities ("Authoritative sources in a hyperlinked environment",
// JACM 46(5), 1999) as adapted to truth discovery by Pasternack & Roth ("Knowing what to believe
// (when you already know something)", COLING 2010): T(s) = sum of B over the claims of s,
// B(c) = sum of T over the sources of c, both divided by their maximum after each iteration.
// AverageLog (Pasternack & Roth 2010) scales a source's sum by ln|C_s| / |C_s|.
//
// Defaults follow joesingo/truthdiscovery: prior belief 0.5, 20 fixed iterations.
// Deviations: entries carry weights (decay, copies, bootstrap counts), so sums are weighted; the
// AverageLog factor uses the number of distinct claims of s, never a weighted count (a weight
// below 1 would make ln negative). A source with no claim gets trust 0.
#pragma once

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

class Sums : public TruthAlgorithm {
 public:
  Sums(const ClaimMatrix& m, const TruthOptions& o, bool average_log = false)
      : TruthAlgorithm(m, o), average_log_(average_log) {}
  std::string_view name() const override { return average_log_ ? "average-log" : "sums"; }

 protected:
  void Iterate(TruthResult* result) override;

 private:
  bool average_log_;
};

}  // namespace claimgraph::engine::truth
