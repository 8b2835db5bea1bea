#include "engine/truth/sums.h"

#include <cmath>

namespace claimgraph::engine::truth {

void Sums::Iterate(TruthResult* r) {
  const int max_iterations = MaxIterations(20);
  const double tolerance = Tolerance(0);
  Eigen::VectorXd factor;
  if (average_log_) {
    factor = Eigen::VectorXd::Zero(m_.num_sources());
    for (int s = 0; s < m_.num_sources(); ++s) {
      const double n = m_.sc.outerIndexPtr()[s + 1] - m_.sc.outerIndexPtr()[s];
      if (n > 0) factor[s] = std::log(n) / n;
    }
  }
  Eigen::VectorXd belief = Eigen::VectorXd::Constant(m_.num_claims(), 0.5);
  ClampKnown(options_.known, 0.0, 1.0, &belief);
  Eigen::VectorXd trust = Eigen::VectorXd::Zero(m_.num_sources());
  for (int it = 0; it < max_iterations; ++it) {
    Eigen::VectorXd t = m_.sc * belief;
    if (average_log_) t = t.cwiseProduct(factor);
    Eigen::VectorXd b = m_.sc.transpose() * t;
    if (!NormalizeByMax(&t) || !NormalizeByMax(&b)) {
      r->notes.push_back("all scores became 0 (every source has a single claim?)");
      trust = t;
      belief = b;
      r->iterations = it + 1;
      break;
    }
    ClampKnown(options_.known, 0.0, 1.0, &b);
    r->residual = (t - trust).lpNorm<1>();
    trust = std::move(t);
    belief = std::move(b);
    r->iterations = it + 1;
    if (tolerance > 0 && r->residual < tolerance) break;
  }
  r->converged = r->residual < (tolerance > 0 ? tolerance : 1e-6);
  r->trust = std::move(trust);
  r->belief = std::move(belief);
}

}  // namespace claimgraph::engine::truth
