// Calibrated reliability (Beta posterior with a credible interval): checked against an independent
// verifier (the Beta density integrated numerically, the quantile found by bisection), and on
// the evidence of a small claim matrix.
#include "engine/truth/calibrated_reliability.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace claimgraph::engine::truth {
namespace {

// Verifier: the p-quantile of Beta(a, b) by the trapezoid rule on a fine grid and bisection;
// nothing shared with the code under test.
double BetaQuantileVerifier(double a, double b, double p) {
  const int n = 200000;
  std::vector<double> cdf(n + 1, 0);
  auto density = [&](double x) {
    if (x <= 0 || x >= 1) return 0.0;
    return std::exp((a - 1) * std::log(x) + (b - 1) * std::log(1 - x));
  };
  for (int i = 1; i <= n; ++i)
    cdf[i] = cdf[i - 1] + 0.5 * (density((i - 1.0) / n) + density(static_cast<double>(i) / n)) / n;
  for (double& c : cdf) c /= cdf[n];
  int lo = 0, hi = n;
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    (cdf[mid] < p ? lo : hi) = mid;
  }
  return static_cast<double>(hi) / n;
}

TEST_CASE("Calibrated reliability: the Beta posterior and its interval",
          "[engine][truth][calibration]") {
  CalibrationOptions options;  // prior 0.5, weight 2, 95%
  struct Case {
    double holds;
    int claims;
  };
  for (const Case& c : {Case{0, 0}, Case{3, 4}, Case{30, 40}, Case{1.5, 6}, Case{0, 10}}) {
    INFO(c.holds << " of " << c.claims);
    ReliabilityEvidence e;
    e.holds = c.holds;
    e.claims = c.claims;
    const CalibratedReliability r = Calibrate(e, 0.5, options);
    const double a = 1 + c.holds, b = 1 + c.claims - c.holds;
    CHECK(r.reliability == Approx(a / (a + b)));
    CHECK(r.low == Approx(BetaQuantileVerifier(a, b, 0.025)).margin(2e-4));
    CHECK(r.high == Approx(BetaQuantileVerifier(a, b, 0.975)).margin(2e-4));
    CHECK(r.low <= r.reliability);
    CHECK(r.reliability <= r.high);
    CHECK(r.evidence == c.claims);
  }
  // No evidence: the prior, with the widest interval; the same share on ten times the evidence
  // gives a narrower one.
  ReliabilityEvidence none, thin, thick;
  thin.holds = 3;
  thin.claims = 4;
  thick.holds = 30;
  thick.claims = 40;
  const auto n = Calibrate(none, 0.6, options), t = Calibrate(thin, 0.6, options),
             k = Calibrate(thick, 0.6, options);
  CHECK(n.reliability == Approx(0.6));
  CHECK(n.high - n.low > t.high - t.low);
  CHECK(t.high - t.low > 2 * (k.high - k.low));
  CHECK(k.reliability == Approx((30 + 1.2) / 42.0));
  // Bad options throw; a sum of p outside 0..claims is clamped, never NaN.
  CHECK_THROWS_AS(Calibrate(thin, 1.0, options), std::invalid_argument);
  ReliabilityEvidence odd;
  odd.holds = 9;
  odd.claims = 3;
  CHECK(std::isfinite(Calibrate(odd, 0.5, options).reliability));
}

TEST_CASE("Calibrated reliability: evidence of a claim matrix", "[engine][truth][calibration]") {
  // A and B agree on x; C contradicts them; only A speaks to y (no evidence); z has a verdict.
  ClaimMatrixBuilder builder;
  builder.Add("A", "x", "1");
  builder.Add("B", "x", "1");
  builder.Add("C", "x", "2");
  builder.Add("A", "y", "5");
  builder.Add("C", "z", "7");
  Diagnostics diagnostics;
  const ClaimMatrix m = builder.Build(&diagnostics);
  TruthResult r;
  r.belief = Eigen::VectorXd::Zero(m.num_claims());
  const int x1 = m.FindClaim(m.FindObject("x"), "1"), x2 = m.FindClaim(m.FindObject("x"), "2");
  const int z7 = m.FindClaim(m.FindObject("z"), "7");
  r.belief[x1] = 3;
  r.belief[x2] = 1;
  std::vector<int8_t> known(m.num_claims(), 0);
  known[z7] = -1;
  const auto e = MatrixEvidence(m, r, known);
  auto source = [&](const char* name) {
    return static_cast<int>(std::find(m.sources.begin(), m.sources.end(), name) -
                            m.sources.begin());
  };
  CHECK(e[source("A")].claims == 1);  // y carries no evidence
  CHECK(e[source("A")].holds == Approx(0.75));
  CHECK(e[source("B")].holds == Approx(0.75));
  CHECK(e[source("C")].claims == 2);
  CHECK(e[source("C")].holds == Approx(0.25));  // x: 0.25, z: known false
  CHECK(e[source("C")].verdicts == 1);
  CHECK(PriorMean(e, {0, 2, 0.95}) == Approx((0.75 + 0.75 + 0.25) / 4));
  CHECK(PriorMean(e, {0.7, 2, 0.95}) == Approx(0.7));
  // All beliefs zero: a uniform share.
  r.belief.setZero();
  CHECK(MatrixEvidence(m, r, {})[source("B")].holds == Approx(0.5));
}

}  // namespace
}  // namespace claimgraph::engine::truth
