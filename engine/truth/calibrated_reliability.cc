#include "engine/truth/calibrated_reliability.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <stdexcept>

namespace claimgraph::engine::truth {

double PriorMean(const std::vector<ReliabilityEvidence>& evidence,
                 const CalibrationOptions& options) {
  if (options.prior_mean > 0 && options.prior_mean < 1) return options.prior_mean;
  double holds = 0, claims = 0;
  for (const ReliabilityEvidence& e : evidence) {
    holds += e.holds;
    claims += e.claims;
  }
  if (claims <= 0) return 0.5;
  // Kept off 0 and 1 so that the prior stays a proper Beta.
  return std::clamp(holds / claims, 0.01, 0.99);
}

CalibratedReliability Calibrate(const ReliabilityEvidence& evidence, double prior_mean,
                                const CalibrationOptions& options) {
  if (!(prior_mean > 0 && prior_mean < 1) || !(options.prior_weight > 0) ||
      !(options.level > 0 && options.level < 1))
    throw std::invalid_argument("Calibrate: prior mean and level must lie in (0, 1), weight > 0");
  const double holds = std::clamp(evidence.holds, 0.0, static_cast<double>(evidence.claims));
  const double a = options.prior_weight * prior_mean + holds;
  const double b = options.prior_weight * (1 - prior_mean) + (evidence.claims - holds);
  CalibratedReliability out;
  out.reliability = a / (a + b);
  const double tail = (1 - options.level) / 2;
  out.low = boost::math::ibeta_inv(a, b, tail);
  out.high = boost::math::ibeta_inv(a, b, 1 - tail);
  out.evidence = evidence.claims;
  out.verdicts = evidence.verdicts;
  return out;
}

std::vector<double> ClaimProbabilities(const ClaimMatrix& m, const TruthResult& result,
                                       const std::vector<int8_t>& known) {
  std::vector<double> p(m.num_claims(), 0);
  for (int o = 0; o < m.num_objects(); ++o) {
    const int begin = m.object_begin[o], end = m.object_begin[o + 1];
    double sum = 0;
    for (int c = begin; c < end; ++c)
      if (c < result.belief.size() && std::isfinite(result.belief[c]))
        sum += std::max(0.0, result.belief[c]);
    for (int c = begin; c < end; ++c) {
      const double b = c < result.belief.size() && std::isfinite(result.belief[c])
                           ? std::max(0.0, result.belief[c])
                           : 0.0;
      p[c] = sum > 0 ? std::clamp(b / sum, 0.0, 1.0) : 1.0 / (end - begin);
      if (!known.empty() && known[c] != 0) p[c] = known[c] > 0 ? 1 : 0;
    }
  }
  return p;
}

std::vector<ReliabilityEvidence> MatrixEvidence(const ClaimMatrix& m, const TruthResult& result,
                                                const std::vector<int8_t>& known) {
  const std::vector<double> p = ClaimProbabilities(m, result, known);
  // Sources per object: the first source seen and whether another one follows.
  std::vector<int> first(m.num_objects(), -1);
  std::vector<bool> shared(m.num_objects(), false);
  for (const ClaimEntry& e : m.entries) {
    const int o = m.claim_object[e.claim];
    if (first[o] < 0)
      first[o] = e.source;
    else if (first[o] != e.source)
      shared[o] = true;
  }
  std::vector<ReliabilityEvidence> out(m.num_sources());
  for (const ClaimEntry& e : m.entries) {
    const bool verdict = !known.empty() && known[e.claim] != 0;
    if (!verdict && !shared[m.claim_object[e.claim]]) continue;
    out[e.source].Add(p[e.claim], verdict);
  }
  return out;
}

}  // namespace claimgraph::engine::truth
