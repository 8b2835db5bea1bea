// Small formatting helpers the report renderers share: fixed-precision numbers, and the
// relation names used in headings.
#pragma once

#include <cstdio>
#include <string>

#include "engine/claim.h"

namespace claimgraph::io::report {

inline std::string Fixed(double x, int digits = 2) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
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
