#include "engine/truth/crh.h"

#include <algorithm>
#include <cmath>

namespace claimgraph::engine::truth {

void Crh::Iterate(TruthResult* r) {
  const int max_iterations = MaxIterations(100);
  const double tolerance = Tolerance(1e-6);
  const int S = m_.num_sources(), C = m_.num_claims(), O = m_.num_objects();
  const SparseMatrix cs = m_.sc.transpose();  // claims x sources

  // Continuous objects and their spread.
  std::vector<double> spread(O, 0);  // 0 = categorical
  for (int o = 0; o < O; ++o) {
    bool numeric = true;
    double n = 0, sum = 0, sum2 = 0;
    for (int c = m_.object_begin[o]; c < m_.object_begin[o + 1] && numeric; ++c) {
      if (std::isnan(m_.numbers[c])) numeric = false;
      for (SparseMatrix::InnerIterator e(cs, c); e; ++e) {
        n += e.value();
        sum += e.value() * m_.numbers[c];
        sum2 += e.value() * m_.numbers[c] * m_.numbers[c];
      }
    }
    if (!numeric || n == 0) continue;
    const double var = std::max(0.0, sum2 / n - (sum / n) * (sum / n));
    spread[o] = var > 1e-12 ? std::sqrt(var) : 1;
  }

  Eigen::VectorXd w = Eigen::VectorXd::Ones(S);
  Eigen::VectorXd support = Eigen::VectorXd::Zero(C);
  std::vector<int> truth(O, -1);
  Eigen::VectorXd votes(C);
  const std::vector<int8_t>& known = options_.known;
  auto choose = [&]() {
    votes = cs * w;
    for (int o = 0; o < O; ++o) {
      const int begin = m_.object_begin[o], end = m_.object_begin[o + 1];
      // Kernel support for continuous objects; quadratic in the object's values, so very large
      // objects fall back to plain weighted votes.
      const bool kernel = spread[o] > 0 && end - begin <= 512;
      for (int c = begin; c < end; ++c) {
        if (!kernel) {
          support[c] = votes[c];
          continue;
        }
        double v = 0;
        for (int d = begin; d < end; ++d)
          v += votes[d] * std::exp(-std::abs(m_.numbers[c] - m_.numbers[d]) / spread[o]);
        support[c] = v;
      }
      int best = -1;
      for (int c = begin; c < end; ++c) {
        const int8_t k = c < static_cast<int>(known.size()) ? known[c] : 0;
        if (k > 0) {  // a known value is the truth; a value known false never is
          best = c;
          break;
        }
        if (k == 0 && (best < 0 || support[c] > support[best])) best = c;
      }
      truth[o] = best;
    }
  };
  choose();
  r->residual = 1;
  for (int it = 0; it < max_iterations; ++it) {
    // Mean loss of each source against the current truths.
    Eigen::VectorXd loss = Eigen::VectorXd::Zero(S), weight = Eigen::VectorXd::Zero(S);
    for (int s = 0; s < S; ++s) {
      for (SparseMatrix::InnerIterator e(m_.sc, s); e; ++e) {
        const int c = e.col(), o = m_.claim_object[c];
        double l;
        if (spread[o] == 0 || truth[o] < 0)  // (no truth: every value is known false)
          l = c == truth[o] ? 0 : 1;
        else
          l = std::min(1.0, std::abs(m_.numbers[c] - m_.numbers[truth[o]]) / spread[o]);
        loss[s] += e.value() * l;
        weight[s] += e.value();
      }
      if (weight[s] > 0) loss[s] /= weight[s];
    }
    const double total = loss.sum();
    Eigen::VectorXd next = Eigen::VectorXd::Zero(S);
    if (total > 0) {
      const double floor = total * 1e-6;  // a perfect source: finite weight
      for (int s = 0; s < S; ++s)
        if (weight[s] > 0) next[s] = -std::log(std::max(loss[s], floor) / total);
    } else {
      for (int s = 0; s < S; ++s) next[s] = weight[s] > 0 ? 1 : 0;
    }
    Eigen::VectorXd a = next, b = w;
    NormalizeByMax(&a);
    NormalizeByMax(&b);
    r->residual = (a - b).lpNorm<1>();
    w = std::move(next);
    choose();
    r->iterations = it + 1;
    if (r->residual < tolerance) {
      r->converged = true;
      break;
    }
  }
  r->trust = w;
  NormalizeByMax(&r->trust);
  r->belief = support;
  for (int o = 0; o < O; ++o) {
    const int begin = m_.object_begin[o], end = m_.object_begin[o + 1];
    const double sum = support.segment(begin, end - begin).sum();
    if (sum > 0) r->belief.segment(begin, end - begin) /= sum;
  }
  ClampKnown(known, 0.0, 1.0, &r->belief);
}

}  // namespace claimgraph::engine::truth
