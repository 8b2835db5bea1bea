#include "engine/truth/truth_finder.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

namespace claimgraph::engine::truth {

std::vector<Implication> GaussianImplications(const ClaimMatrix& m, int max_values) {
  std::vector<Implication> out;
  for (int o = 0; o < m.num_objects(); ++o) {
    const int begin = m.object_begin[o], end = m.object_begin[o + 1];
    if (end - begin > max_values) continue;
    for (int a = begin; a < end; ++a)
      for (int b = begin; b < end; ++b) {
        if (a == b || std::isnan(m.numbers[a]) || std::isnan(m.numbers[b])) continue;
        const double d = m.numbers[a] - m.numbers[b];
        out.push_back({a, b, std::exp(-0.5 * d * d)});
      }
  }
  return out;
}

namespace {

std::vector<std::string> Words(const std::string& v) {
  std::vector<std::string> w;
  size_t start = 0;
  while (start <= v.size()) {
    size_t space = v.find(' ', start);
    if (space == std::string::npos) space = v.size();
    if (space > start) w.push_back(v.substr(start, space - start));
    start = space + 1;
  }
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());
  return w;
}

// imp(a -> b) from the word sets of a and b, for every ordered pair of values of an object.
template <typename Score>
std::vector<Implication> WordImplications(const ClaimMatrix& m, int max_values, Score score) {
  std::vector<Implication> out;
  std::vector<std::vector<std::string>> words;
  std::vector<std::string> common;
  for (int o = 0; o < m.num_objects(); ++o) {
    const int begin = m.object_begin[o], end = m.object_begin[o + 1];
    if (end - begin > max_values || end - begin < 2) continue;
    words.clear();
    for (int c = begin; c < end; ++c) words.push_back(Words(m.values[c]));
    for (int a = begin; a < end; ++a)
      for (int b = begin; b < end; ++b) {
        if (a == b) continue;
        const auto& x = words[a - begin];
        const auto& y = words[b - begin];
        common.clear();
        std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
        const double imp = score(x.size(), y.size(), common.size());
        if (imp != 0) out.push_back({a, b, imp});
      }
  }
  return out;
}

}  // namespace

std::vector<Implication> JaccardImplications(const ClaimMatrix& m, double base, int max_values) {
  return WordImplications(m, max_values, [base](size_t x, size_t y, size_t common) {
    const double uni = static_cast<double>(x + y - common);
    return (uni > 0 ? common / uni : 0) - base;
  });
}

std::vector<Implication> ContainmentImplications(const ClaimMatrix& m, double base,
                                                 int max_values) {
  return WordImplications(m, max_values, [base](size_t x, size_t, size_t common) {
    return (x > 0 ? static_cast<double>(common) / x : 0) - base;
  });
}

void TruthFinder::Iterate(TruthResult* r) {
  const int max_iterations = MaxIterations(100);
  const double tolerance = Tolerance(0.001);
  const double gamma = options_.truthfinder_gamma;
  const double rho = options_.truthfinder_rho;
  const Eigen::VectorXd counts = ClaimCounts(m_);

  // imp^T as a sparse claims x claims matrix: row c holds imp(c' -> c).
  SparseMatrix imp_t(m_.num_claims(), m_.num_claims());
  if (!options_.implications.empty()) {
    std::vector<Eigen::Triplet<double, int>> triplets;
    for (const Implication& i : options_.implications)
      if (i.from >= 0 && i.to >= 0 && i.from < m_.num_claims() && i.to < m_.num_claims() &&
          i.from != i.to)
        triplets.emplace_back(i.to, i.from, i.weight);
    imp_t.setFromTriplets(triplets.begin(), triplets.end());
  }

  Eigen::VectorXd trust =
      Eigen::VectorXd::Constant(m_.num_sources(), options_.truthfinder_initial_trust);
  Eigen::VectorXd belief = Eigen::VectorXd::Zero(m_.num_claims());
  r->residual = 1;
  for (int it = 0; it < max_iterations; ++it) {
    if ((trust.array() >= 1).any()) {
      r->notes.push_back("stopped early: a source's trust reached 1");
      r->converged = true;
      break;
    }
    const Eigen::VectorXd tau = -(1 - trust.array()).log();
    Eigen::VectorXd sigma = m_.sc.transpose() * tau;
    if (imp_t.nonZeros() > 0) sigma += rho * (imp_t * sigma);
    belief = (1 / (1 + (-gamma * sigma.array()).exp())).matrix();
    // Known claims: certain, but short of 1, where a source's trust would end the run.
    ClampKnown(options_.known, 0.001, 0.999, &belief);
    Eigen::VectorXd t(m_.num_sources());
    const Eigen::VectorXd sums = m_.sc * belief;
    for (int s = 0; s < m_.num_sources(); ++s) t[s] = counts[s] > 0 ? sums[s] / counts[s] : 0;
    if (options_.truthfinder_max_trust < 1) t = t.cwiseMin(options_.truthfinder_max_trust);
    const double n1 = t.norm(), n2 = trust.norm();
    r->residual = (n1 == 0 || n2 == 0) ? 1 : 1 - t.dot(trust) / (n1 * n2);
    trust = std::move(t);
    r->iterations = it + 1;
    if (r->residual < tolerance) {
      r->converged = true;
      break;
    }
  }
  r->trust = std::move(trust);
  r->belief = std::move(belief);
}

}  // namespace claimgraph::engine::truth
