// Small formatting helpers the report renderers share: fixed-precision numbers, and the
// relation names used in headings.
#pragma once

#include <cstdio>
#include <string>

#include "engine/analysis.h"
#include "engine/claim.h"

namespace claimgraph::io::report {

inline std::string Fixed(double x, int digits = 2) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

// A calibrated reliability with its evidence count beside it: "0.71 (n=7)"; n = the claims that
// carry evidence (engine::ReliabilityScore::evidence).
inline std::string ScoreWithEvidence(const engine::ReliabilityScore& s) {
  return Fixed(s.reliability) + " (n=" + std::to_string(s.evidence) + ")";
}

// Its 95% credible interval: "0.52–0.86".
inline std::string IntervalText(const engine::ReliabilityScore& s) {
  return Fixed(s.low) + "–" + Fixed(s.high);
}

// "12 contradictions" / "1 contradiction"
inline std::string Plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

inline std::string StanceLabel(const engine::Claim& c) {
  return std::string(engine::ToString(c.polarity)) + ", " +
         std::string(engine::ToString(c.modality));
}

}  // namespace claimgraph::io::report
