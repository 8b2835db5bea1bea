#include "engine/truth/investment.h"

#include <cmath>

namespace claimgraph::engine::truth {
namespace {

// a ./ b with 0 where b is 0.
Eigen::VectorXd SafeDivide(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  Eigen::VectorXd out(a.size());
  for (Eigen::Index i = 0; i < a.size(); ++i) out[i] = b[i] > 0 ? a[i] / b[i] : 0;
  return out;
}

// Per claim: the sum of x over the claims of its object.
Eigen::VectorXd ObjectSums(const ClaimMatrix& m, const Eigen::VectorXd& x) {
  Eigen::VectorXd out(x.size());
  for (int o = 0; o < m.num_objects(); ++o) {
    const int begin = m.object_begin[o], end = m.object_begin[o + 1];
    const double sum = x.segment(begin, end - begin).sum();
    out.segment(begin, end - begin).setConstant(sum);
  }
  return out;
}

}  // namespace

void Investment::Iterate(TruthResult* r) {
  const int max_iterations = MaxIterations(pooled_ ? 10 : 20);
  const double tolerance = Tolerance(0);
  const double g = pooled_ ? options_.pooled_investment_g : options_.investment_g;
  const Eigen::VectorXd counts = ClaimCounts(m_);
  Eigen::VectorXd trust = Eigen::VectorXd::Ones(m_.num_sources());
  Eigen::VectorXd belief;
  if (pooled_) {
    belief = SafeDivide(Eigen::VectorXd::Ones(m_.num_claims()),
                        ObjectSums(m_, Eigen::VectorXd::Ones(m_.num_claims())));
  } else {
    const Eigen::VectorXd voters = SourceCounts(m_);
    belief = SafeDivide(voters, ObjectSums(m_, voters));
  }
  for (int it = 0; it < max_iterations; ++it) {
    const Eigen::VectorXd invested = SafeDivide(trust, counts);
    const Eigen::VectorXd claim_investment = m_.sc.transpose() * invested;
    Eigen::VectorXd t = invested.cwiseProduct(m_.sc * SafeDivide(belief, claim_investment));
    const Eigen::VectorXd h = m_.sc.transpose() * SafeDivide(t, counts);
    Eigen::VectorXd b;
    if (pooled_) {
      const Eigen::VectorXd grown = h.array().pow(g).matrix();
      b = h.cwiseProduct(SafeDivide(grown, ObjectSums(m_, grown)));
    } else {
      b = h.array().pow(g).matrix();
    }
    if (!NormalizeByMax(&t) || !NormalizeByMax(&b)) {
      r->notes.push_back("all investments became 0");
      r->iterations = it + 1;
      break;
    }
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
