#include "engine/truth/accu.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace claimgraph::engine::truth {
namespace {

double LogSumExp(double a, double b) {
  const double m = std::max(a, b);
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

// Objects with more providers than this are left out of pair counting (quadratic per object).
constexpr size_t kMaxProvidersForPairs = 256;
// Up to this many sources, pair statistics live in dense tables (at most 2 x 4 MB).
constexpr int kDenseSources = 512;

struct PairCounts {
  double kt = 0, kf = 0, kd = 0;
};

uint64_t PairKey(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

}  // namespace

void Accu::Iterate(TruthResult* r) {
  const int max_iterations = MaxIterations(50);
  const double tolerance = Tolerance(1e-4);
  const int S = m_.num_sources(), C = m_.num_claims(), O = m_.num_objects();
  const SparseMatrix cs = m_.sc.transpose();  // claims x sources
  const double c_rate = options_.accu_copy_rate, alpha = options_.accu_copy_prior;

  std::vector<double> n(O);
  double n_mean = 0;
  for (int o = 0; o < O; ++o) {
    n[o] = options_.accu_false_values > 0 ? options_.accu_false_values
                                          : std::max(1, m_.ObjectSize(o) - 1);
    n_mean += n[o];
  }
  n_mean = O > 0 ? n_mean / O : 1;

  Eigen::VectorXd accuracy = Eigen::VectorXd::Constant(S, options_.accu_prior_accuracy);
  Eigen::VectorXd prob = Eigen::VectorXd::Zero(C);
  // Pair statistics: dense S x S tables when there are few sources, hash maps otherwise (memory
  // stays proportional to the pairs that share an object).
  const bool dense = S <= kDenseSources;
  std::unordered_map<uint64_t, double> dependence;  // pair -> P(dependent), only if > 1e-3
  std::vector<double> dense_dependence(dense ? static_cast<size_t>(S) * S : 0, 0.0);
  std::vector<PairCounts> dense_pairs(dense ? static_cast<size_t>(S) * S : 0);
  auto dependence_of = [&](int a, int b) -> double {
    if (dense) return dense_dependence[static_cast<size_t>(a) * S + b];
    auto d = dependence.find(PairKey(a, b));
    return d == dependence.end() ? 0.0 : d->second;
  };
  // Independence factor of each entry of cs (same order as cs's values).
  std::vector<double> independence(cs.nonZeros(), 1.0);

  // Pair counts that do not change between iterations: per pair of sources, the objects on which
  // they give different values (k_d) and the same value (k_t + k_f). Only k_t (the shared value
  // is currently believed true) is recounted each iteration, from the claims believed true.
  std::vector<char> pair_object(O, 0);             // objects small enough for pair counts
  std::unordered_map<uint64_t, PairCounts> pairs;  // sparse: kd, and kt + kf in kf
  if (options_.accu_copy_detection) {
    if (dense) std::fill(dense_pairs.begin(), dense_pairs.end(), PairCounts{});
    std::vector<std::pair<int, int>> providers;  // (source, claim) on one object
    for (int o = 0; o < O; ++o) {
      providers.clear();
      for (int c = m_.object_begin[o]; c < m_.object_begin[o + 1]; ++c)
        for (SparseMatrix::InnerIterator e(cs, c); e; ++e) providers.emplace_back(e.col(), c);
      if (providers.size() > kMaxProvidersForPairs) continue;  // bounded pair work per object
      pair_object[o] = 1;
      for (size_t i = 0; i < providers.size(); ++i)
        for (size_t j = i + 1; j < providers.size(); ++j) {
          int a = providers[i].first, b = providers[j].first;
          if (a > b) std::swap(a, b);
          PairCounts& p =
              dense ? dense_pairs[static_cast<size_t>(a) * S + b] : pairs[PairKey(a, b)];
          if (providers[i].second != providers[j].second)
            p.kd += 1;
          else
            p.kf += 1;  // shared value; split into kt / kf per iteration
        }
    }
  }
  std::vector<double> dense_true(dense ? static_cast<size_t>(S) * S : 0, 0.0);
  std::unordered_map<uint64_t, double> sparse_true;

  std::vector<double> log_n(O);
  for (int o = 0; o < O; ++o) log_n[o] = std::log(n[o]);
  const Eigen::VectorXd counts = ClaimCounts(m_);
  std::vector<double> logit(S);
  const bool negative = options_.accu_negative_votes;
  auto VoteOf = [negative](double ln_n, double logit_a) {
    return negative ? ln_n + logit_a : std::max(0.0, ln_n + logit_a);
  };
  r->residual = 1;
  // Value probabilities from discounted votes: ln(n A / (1 - A)) = ln n + logit(A).
  auto vote = [&] {
    for (int s = 0; s < S; ++s) {
      const double a = std::clamp(accuracy[s], 0.01, 0.99);
      logit[s] = std::log(a / (1 - a));
    }
    std::vector<double> votes;
    for (int o = 0; o < O; ++o) {
      const int begin = m_.object_begin[o], end = m_.object_begin[o + 1];
      double top = 0;
      votes.assign(end - begin, 0.0);
      for (int c = begin; c < end; ++c) {
        for (SparseMatrix::InnerIterator e(cs, c); e; ++e) {
          const size_t k = &e.value() - cs.valuePtr();
          votes[c - begin] += e.value() * independence[k] * VoteOf(log_n[o], logit[e.col()]);
        }
        top = std::max(top, votes[c - begin]);
      }
      const double unseen = std::max(0.0, n[o] + 1 - (end - begin));
      double sum = unseen * std::exp(-top);
      for (double& v : votes) {
        v = std::exp(v - top);
        sum += v;
      }
      for (int c = begin; c < end; ++c) prob[c] = votes[c - begin] / sum;
    }
    ClampKnown(options_.known, 0.0, 1.0, &prob);
  };
  // Copy detection from the current accuracies and value probabilities: sets `independence`.
  auto detect = [&] {
    {
      // Shared values currently believed true (> 0.5), per pair of sources.
      if (dense)
        std::fill(dense_true.begin(), dense_true.end(), 0.0);
      else
        sparse_true.clear();
      for (int c = 0; c < C; ++c) {
        if (!(prob[c] > 0.5) || !pair_object[m_.claim_object[c]]) continue;
        const int begin = cs.outerIndexPtr()[c], end = cs.outerIndexPtr()[c + 1];
        for (int i = begin; i < end; ++i)
          for (int j = i + 1; j < end; ++j) {
            int a = cs.innerIndexPtr()[i], b = cs.innerIndexPtr()[j];
            if (a > b) std::swap(a, b);
            if (dense)
              dense_true[static_cast<size_t>(a) * S + b] += 1;
            else
              sparse_true[PairKey(a, b)] += 1;
          }
      }
      // k_t and k_f of a pair from its fixed counts (kf holds k_t + k_f) and the true count.
      auto counts_of = [&](const PairCounts& fixed, double kt) {
        PairCounts p;
        p.kd = fixed.kd;
        p.kt = kt;
        p.kf = fixed.kf - kt;
        return p;
      };
      dependence.clear();
      std::fill(dense_dependence.begin(), dense_dependence.end(), 0.0);
      auto score = [&](int s1, int s2, const PairCounts& p) {
        if (p.kt + p.kf + p.kd < 2) return;
        const double a1 = std::clamp(accuracy[s1], 0.01, 0.99);
        const double a2 = std::clamp(accuracy[s2], 0.01, 0.99);
        const double pt = a1 * a2, pf = (1 - a1) * (1 - a2) / n_mean;
        const double pd = std::max(1e-12, 1 - pt - pf);
        const double ind =
            std::log(1 - alpha) + p.kt * std::log(pt) + p.kf * std::log(pf) + p.kd * std::log(pd);
        auto copy = [&](double a_orig) {
          return std::log(alpha / 2) + p.kt * std::log(a_orig * c_rate + pt * (1 - c_rate)) +
                 p.kf * std::log((1 - a_orig) * c_rate + pf * (1 - c_rate)) +
                 p.kd * std::log(pd * (1 - c_rate));
        };
        const double dep = LogSumExp(copy(a2), copy(a1));
        const double pdep = std::exp(dep - LogSumExp(dep, ind));
        if (pdep <= 1e-3) return;
        if (dense) {
          dense_dependence[static_cast<size_t>(s1) * S + s2] = pdep;
          dense_dependence[static_cast<size_t>(s2) * S + s1] = pdep;
        } else {
          dependence[PairKey(s1, s2)] = pdep;
        }
      };
      if (dense) {
        for (int a = 0; a < S; ++a)
          for (int b = a + 1; b < S; ++b) {
            const size_t k = static_cast<size_t>(a) * S + b;
            score(a, b, counts_of(dense_pairs[k], dense_true[k]));
          }
      } else {
        for (const auto& [key, fixed] : pairs) {
          const auto t = sparse_true.find(key);
          score(static_cast<int>(key >> 32), static_cast<int>(key & 0xffffffffu),
                counts_of(fixed, t == sparse_true.end() ? 0.0 : t->second));
        }
      }
      // Discount the votes of likely copiers: providers of a value in order of accuracy.
      std::vector<int> order;
      for (int c = 0; c < C; ++c) {
        const int begin = cs.outerIndexPtr()[c], end = cs.outerIndexPtr()[c + 1];
        // Without a dependent pair among the providers every factor is 1: no ordering needed.
        bool dependent = false;
        for (int i = begin; i < end && !dependent; ++i)
          for (int j = i + 1; j < end && !dependent; ++j)
            dependent = dependence_of(cs.innerIndexPtr()[i], cs.innerIndexPtr()[j]) != 0;
        if (!dependent) {
          std::fill(independence.begin() + begin, independence.begin() + end, 1.0);
          continue;
        }
        order.resize(end - begin);
        for (int k = begin; k < end; ++k) order[k - begin] = k;
        std::sort(order.begin(), order.end(), [&](int x, int y) {
          const double ax = accuracy[cs.innerIndexPtr()[x]], ay = accuracy[cs.innerIndexPtr()[y]];
          return ax != ay ? ax > ay : x < y;
        });
        for (size_t i = 0; i < order.size(); ++i) {
          double f = 1;
          for (size_t j = 0; j < i && f > 1e-9; ++j) {
            f *= 1 -
                 c_rate * dependence_of(cs.innerIndexPtr()[order[i]], cs.innerIndexPtr()[order[j]]);
          }
          independence[order[i]] = f;
        }
      }
    }
  };
  const double k0 = options_.accu_accuracy_prior_weight;
  // Accuracy from the known claims only (a weighted vote by each source's record on verdicts).
  const bool known_only = options_.accu_known_accuracy && !options_.known.empty();
  Eigen::VectorXd known_mask, known_counts;
  if (known_only) {
    known_mask = Eigen::VectorXd::Zero(C);
    for (int c = 0; c < C; ++c) known_mask[c] = options_.known[c] != 0 ? 1 : 0;
    known_counts = m_.sc * known_mask;
  }
  for (int it = 0; it < max_iterations; ++it) {
    vote();
    // The first votes count every source in full: a large group of copiers would win them and,
    // its accuracy raised by them, keep winning. Dependence is found from these first
    // probabilities, before any accuracy is learned, and the first votes are taken again.
    if (it == 0 && options_.accu_copy_detection) {
      detect();
      vote();
    }
    // Accuracy: mean probability of a source's claims, shrunk toward the prior accuracy by k0
    // pseudo-claims (a source with a handful of claims does not reach 0.99 on them).
    Eigen::VectorXd next = known_only ? Eigen::VectorXd(m_.sc * prob.cwiseProduct(known_mask))
                                      : Eigen::VectorXd(m_.sc * prob);
    const Eigen::VectorXd& n_s = known_only ? known_counts : counts;
    for (int s = 0; s < S; ++s)
      next[s] = n_s[s] + k0 > 0 ? (next[s] + k0 * options_.accu_prior_accuracy) / (n_s[s] + k0)
                                : options_.accu_prior_accuracy;
    r->residual = (next - accuracy).lpNorm<1>();
    accuracy = std::move(next);
    r->iterations = it + 1;
    if (options_.accu_copy_detection) detect();
    if (r->residual < tolerance) {
      r->converged = true;
      break;
    }
  }
  dependences_.clear();
  if (dense) {
    for (int a = 0; a < S; ++a)
      for (int b = a + 1; b < S; ++b)
        if (dependence_of(a, b) > 0.5) dependences_.push_back({a, b, dependence_of(a, b)});
  } else {
    for (const auto& [key, p] : dependence)
      if (p > 0.5)
        dependences_.push_back(
            {static_cast<int>(key >> 32), static_cast<int>(key & 0xffffffffu), p});
  }
  std::sort(dependences_.begin(), dependences_.end(), [](const Dependence& x, const Dependence& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  r->trust = accuracy;
  r->belief = prob;
}

}  // namespace claimgraph::engine::truth
