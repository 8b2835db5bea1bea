#include "engine/truth/latent_truth.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <unordered_map>

namespace claimgraph::engine::truth {
namespace {

// One observation of a fact: source `source` states it (value 1) or denies it (0), with the
// weight of the source's record.
struct Observation {
  int source;
  float weight;
  uint8_t value;
};

// log p(t_f = 1) - log p(t_f = 0), from the products of the count ratios of a fact's
// observations, taken a few factors at a time (one log per block keeps them in double range).
class LogOdds {
 public:
  explicit LogOdds(double prior) : log_odds_(prior) {}
  // One observation: p(o | t = 1) ~ num1 / den1, p(o | t = 0) ~ num0 / den0, seen `weight` times.
  void Add(double num1, double den1, double num0, double den0, float weight = 1.0f) {
    if (weight != 1.0f) {
      log_odds_ += weight * std::log((num1 * den0) / (num0 * den1));
      return;
    }
    block_[1] *= num1 * den0;
    block_[0] *= num0 * den1;
    if (++in_block_ == 6) {
      log_odds_ += std::log(block_[1] / block_[0]);
      block_[0] = block_[1] = 1;
      in_block_ = 0;
    }
  }
  // The same for a unit weight, with the two products num1 * den0 and num0 * den1 given.
  void AddFactors(double true_factor, double false_factor) {
    block_[1] *= true_factor;
    block_[0] *= false_factor;
    if (++in_block_ == 6) {
      log_odds_ += std::log(block_[1] / block_[0]);
      block_[0] = block_[1] = 1;
      in_block_ = 0;
    }
  }
  double Finish() const { return log_odds_ + std::log(block_[1] / block_[0]); }

 private:
  double log_odds_;
  double block_[2] = {1, 1};
  int in_block_ = 0;
};

// The sampled truth: 1 when u < p1 = 1 / (1 + exp(-log_odds)), u uniform in [0, 1) in steps of
// 2^-53. Far from 0 the comparison is settled without exp: above 38, exp(-log_odds) < 2^-54, so
// 1 + exp(-log_odds) rounds to 1 and p1 is exactly 1 > u; below -38, 0 < p1 < 2^-54, which only
// u = 0 is below (left to the exact test).
int Draw(double log_odds, double u) {
  if (log_odds > 38) return 1;
  if (log_odds < -38 && u > 0) return 0;
  return u < 1 / (1 + std::exp(-log_odds)) ? 1 : 0;
}

// The draw of a fact from its observations' factors (unit weights; factors[(source * 4 +
// truth * 2 + value) * 2] = {num1 * den0, num0 * den1}), without log, exp or division: the
// products are carried as mantissas and a binary exponent, and u < p1 = R / (1 + R) is decided
// as u / (1 - u) < R for the odds R = prior_odds * prod num1 den0 / prod num0 den1. This R and
// exp(L) of LogOdds differ by rounding only, a few units in the last place per factor and per
// term, far below the relative margin 1e-9 (1 + n) allowed for n observations; Draw's own
// rounding of p1 adds 2^-52 R. Outside the margins the draw is that of Draw(L, u) ("sure");
// inside (about one draw in 10^8, and u = 0) the caller computes L as LogOdds does and calls
// Draw.
struct FastDraw {
  bool sure;
  int next;
};

// The factors {num1 * den0, num0 * den1} of a source for each truth i and observed value o, at
// out[(i * 2 + o) * 2], from its counts n = {n00, n01, n10, n11} (n[i * 2 + o]) with the fact's
// own observation taken out of n[i][o]. The counts are whole numbers, so (a - 1) + b equals
// (a + b) - 1 exactly and the sums are shared; each factor is the expression LogOdds::Add takes.
inline void SourceFactors(const double* n, const double (&prior)[2][2], const double* prior_total,
                          double* out) {
  const double den0[2] = {(n[0] + n[1] - 1) + prior_total[0], (n[0] + n[1]) + prior_total[0]};
  const double den1[2] = {(n[2] + n[3]) + prior_total[1], (n[2] + n[3] - 1) + prior_total[1]};
  for (int i = 0; i < 2; ++i)
    for (int o = 0; o < 2; ++o) {
      const double num1 = (n[2 + o] - i) + prior[1][o], num0 = (n[o] - (1 - i)) + prior[0][o];
      out[(i * 2 + o) * 2] = num1 * den0[i];
      out[(i * 2 + o) * 2 + 1] = num0 * den1[i];
    }
}

// Moves the binary exponent of x > 0 out (returned, biased) and leaves x in [1, 2); exact.
// Returns 0 or 0x7FF when x is not a normal number (x is then garbage).
inline int64_t TakeExponent(double* x) {
  constexpr uint64_t kExponentBits = 0x7FF0000000000000ull, kOne = 0x3FF0000000000000ull;
  uint64_t bits;
  std::memcpy(&bits, x, sizeof bits);
  const int64_t biased = static_cast<int64_t>((bits & kExponentBits) >> 52);
  bits = (bits & ~kExponentBits) | kOne;
  std::memcpy(x, &bits, sizeof bits);
  return biased;
}

// `factors` is offset for the fact's current truth, factor_of[k] is where observation k's two
// factors start. REQUIRES: factors positive and finite.
FastDraw DrawFast(double prior_odds, const double* factors, const uint32_t* factor_of, size_t n,
                  double u) {
  // Two products of each kind, over even and odd observations (two multiplications in flight).
  // Every block of twelve observations but the last is brought back to [1, 2) (six factors per
  // product stay far inside the range of double), its binary exponents summed in `exponent`.
  double m1[2] = {1, 1}, m0[2] = {1, 1};
  int64_t exponent = 0;
  bool normal = true;
  auto multiply_pair = [&](size_t j) {  // observations j (even products) and j + 1 (odd)
    const double* even = factors + factor_of[j];
    const double* odd = factors + factor_of[j + 1];
    m1[0] *= even[0];
    m0[0] *= even[1];
    m1[1] *= odd[0];
    m0[1] *= odd[1];
  };
  size_t k = 0;
  for (; n - k > 12; k += 12) {
    for (size_t j = k; j < k + 12; j += 2) multiply_pair(j);
    for (int j = 0; j < 2; ++j) {
      const int64_t e1 = TakeExponent(&m1[j]), e0 = TakeExponent(&m0[j]);
      normal = normal && e1 != 0 && e0 != 0 && e1 != 0x7FF && e0 != 0x7FF;
      exponent += e1 - e0;
    }
  }
  for (; k + 1 < n; k += 2) multiply_pair(k);
  if (k < n) {
    m1[0] *= factors[factor_of[k]];
    m0[0] *= factors[factor_of[k] + 1];
  }
  const double m1_product = m1[0] * m1[1], m0_product = m0[0] * m0[1];
  if (!normal || !std::isnormal(m1_product) || !std::isnormal(m0_product) || !(u > 0))
    return {false, 0};
  // The fact's odds R = prior_odds * (m1 / m0) * 2^exponent, and u < p1 = R / (1 + R) exactly
  // when u / (1 - u) < R, that is u m0 < prior_odds m1 2^exponent (1 - u) (1 - u is exact for u a
  // multiple of 2^-53).
  if (exponent > 1000 || exponent < -1000) return {false, 0};  // 2^exponent out of range
  const uint64_t bits = static_cast<uint64_t>(exponent + 1023) << 52;
  double scale;  // 2^exponent
  std::memcpy(&scale, &bits, sizeof scale);
  const double numerator = prior_odds * m1_product * scale;  // R = numerator / m0_product
  const double lhs = u * m0_product, rhs = numerator * (1 - u);
  if (!std::isnormal(numerator) || !std::isnormal(rhs)) return {false, 0};
  const double delta = 1e-9 * (1 + static_cast<double>(n));
  // R > 1e14: p1 > 1 - 1e-14 (also as Draw rounds it), above every u but the top few hundred.
  if (numerator > 1e14 * (1 + delta) * m0_product) return {u < 1 - 1.1e-14, 1};
  // Relative margin: the rounding here against LogOdds' (1e-9 per observation is far more), and
  // Draw's rounding of p1, 2^-52 absolute near p1 = 1, which is 2^-52 R relative (R itself only
  // where that term can matter).
  const double odds_bound =
      numerator > 1e6 * m0_product ? numerator / m0_product * (1 + delta) : 1e6;
  const double margin = delta + 1e-15 * (1 + odds_bound);
  if (lhs < rhs * (1 - margin)) return {true, 1};
  if (lhs > rhs * (1 + margin)) return {true, 0};
  return {false, 0};
}

}  // namespace

std::vector<std::string> ValueItems(const std::string& key, bool set_values) {
  std::vector<std::string> items;
  if (!set_values) {
    items.push_back(key);
    return items;
  }
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    if (end > start) items.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

void LatentTruth::Iterate(TruthResult* r) {
  const int sweeps = MaxIterations(100);
  const int burn_in = std::min(options_.ltm_burn_in, sweeps / 2);
  const int S = m_.num_sources(), O = m_.num_objects(), C = m_.num_claims();
  const SparseMatrix cs = m_.sc.transpose();  // claims x sources
  // prior[i][o]: alpha_{i,o}; i = the fact's truth, o = the observation.
  // Pseudo-counts must be positive for the ratios below to be defined.
  auto positive = [](double x) { return std::isfinite(x) && x > 1e-9 ? x : 1e-9; };
  const double prior[2][2] = {
      {positive(options_.ltm_alpha0_negative), positive(options_.ltm_alpha0_positive)},
      {positive(options_.ltm_alpha1_negative), positive(options_.ltm_alpha1_positive)}};
  const double prior_total[2] = {prior[0][0] + prior[0][1], prior[1][0] + prior[1][1]};
  const double log_beta[2] = {std::log(positive(options_.ltm_beta_false)),
                              std::log(positive(options_.ltm_beta_true))};

  // Facts and their observations, object by object. Per claim, the facts it states (sorted):
  // claim_fact_ids[claim_fact_begin[c], claim_fact_begin[c + 1]).
  facts_.clear();
  std::vector<int> fact_begin_of_object(O + 1, 0);
  std::vector<int> claim_fact_begin(C + 1, 0), claim_fact_ids;
  claim_fact_ids.reserve(C);
  auto claim_facts = [&](int c) {
    return std::pair<const int*, const int*>(claim_fact_ids.data() + claim_fact_begin[c],
                                             claim_fact_ids.data() + claim_fact_begin[c + 1]);
  };
  std::vector<size_t> obs_begin{0};
  std::vector<Observation> obs;
  {
    // Room for the observations of single values: per object, claims x records.
    size_t expected = 0;
    const int* claim_records = cs.outerIndexPtr();
    for (int o = 0; o < O; ++o) {
      const int b = m_.object_begin[o], e = m_.object_begin[o + 1];
      expected +=
          static_cast<size_t>(e - b) * static_cast<size_t>(claim_records[e] - claim_records[b]);
    }
    obs.reserve(expected);
  }
  std::unordered_map<std::string, int> item_fact;
  std::vector<int> items_of_claim;
  std::vector<std::pair<int, float>> covering;  // (source, weight) per claim of the object
  std::vector<int> covering_claim;
  for (int o = 0; o < O; ++o) {
    fact_begin_of_object[o] = static_cast<int>(facts_.size());
    item_fact.clear();
    covering.clear();
    covering_claim.clear();
    for (int c = m_.object_begin[o]; c < m_.object_begin[o + 1]; ++c) {
      if (!options_.set_values) {
        // The claims of an object are its distinct values: each is a fact of its own.
        claim_fact_ids.push_back(static_cast<int>(facts_.size()));
        facts_.push_back({o, m_.values[c], 0});
      } else {
        items_of_claim.clear();
        for (const std::string& item : ValueItems(m_.values[c], true)) {
          auto [it, fresh] = item_fact.emplace(item, static_cast<int>(facts_.size()));
          if (fresh) facts_.push_back({o, item, 0});
          items_of_claim.push_back(it->second);
        }
        std::sort(items_of_claim.begin(), items_of_claim.end());
        items_of_claim.erase(std::unique(items_of_claim.begin(), items_of_claim.end()),
                             items_of_claim.end());
        claim_fact_ids.insert(claim_fact_ids.end(), items_of_claim.begin(), items_of_claim.end());
      }
      claim_fact_begin[c + 1] = static_cast<int>(claim_fact_ids.size());
      for (SparseMatrix::InnerIterator e(cs, c); e; ++e) {
        covering.push_back({static_cast<int>(e.col()), static_cast<float>(e.value())});
        covering_claim.push_back(c);
      }
    }
    for (int f = fact_begin_of_object[o]; f < static_cast<int>(facts_.size()); ++f) {
      for (size_t k = 0; k < covering.size(); ++k) {
        const auto [stated_begin, stated_end] = claim_facts(covering_claim[k]);
        const bool states = std::binary_search(stated_begin, stated_end, f);
        obs.push_back({covering[k].first, covering[k].second, static_cast<uint8_t>(states)});
      }
      obs_begin.push_back(obs.size());
    }
  }
  fact_begin_of_object[O] = static_cast<int>(facts_.size());
  const int F = static_cast<int>(facts_.size());

  // Start from voting: a fact is true when at least half of the weight covering its object
  // states it.
  std::vector<uint8_t> truth(F, 0);
  for (int f = 0; f < F; ++f) {
    double stated = 0, total = 0;
    for (size_t k = obs_begin[f]; k < obs_begin[f + 1]; ++k) {
      total += obs[k].weight;
      if (obs[k].value) stated += obs[k].weight;
    }
    truth[f] = total > 0 && stated * 2 >= total;
  }
  // n[s][i][o], flattened.
  std::vector<double> n(static_cast<size_t>(S) * 4, 0.0);
  auto count = [&](int s, int i, int o) -> double& {
    return n[static_cast<size_t>(s) * 4 + i * 2 + o];
  };
  for (int f = 0; f < F; ++f)
    for (size_t k = obs_begin[f]; k < obs_begin[f + 1]; ++k)
      count(obs[k].source, truth[f], obs[k].value) += obs[k].weight;

  std::mt19937_64 rng(options_.ltm_seed);
  auto uniform = [&rng]() { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  std::vector<double> first_half(F, 0.0), second_half(F, 0.0);
  int samples_first = 0, samples_second = 0;
  const int kept = sweeps - burn_in;
  // With every weight 1 the counts are integers, so removing a fact's observations, sampling and
  // adding them back can be done in one pass: each observation's count is read less its own 1
  // (a source observes a fact once), and the counts change only when the fact's truth flips. The
  // arithmetic is the same as the three-pass form below, number for number.
  bool unit_weights = !options_.ltm_plain_sampler;
  if (unit_weights) {
    std::vector<int> seen(S, -1);  // the last fact each source was seen observing
    for (int f = 0; f < F && unit_weights; ++f)
      for (size_t k = obs_begin[f]; k < obs_begin[f + 1] && unit_weights; ++k) {
        unit_weights = obs[k].weight == 1.0f && seen[obs[k].source] != f;
        seen[obs[k].source] = f;
      }
  }
  // In that case an observation's two factors depend only on its source's counts, the fact's
  // truth and the observed value: they are kept in a table per source, computed by the same
  // expressions, and recomputed for the sources of a fact whose truth flips.
  std::vector<double> factors(unit_weights ? static_cast<size_t>(S) * 8 : 0);
  auto factor_index = [](int source, int truth_now, int value) {
    return (static_cast<size_t>(source) * 4 + truth_now * 2 + value) * 2;
  };
  auto update_factors = [&](int s) {
    SourceFactors(&n[static_cast<size_t>(s) * 4], prior, prior_total,
                  &factors[factor_index(s, 0, 0)]);
  };
  const double prior_odds = std::exp(log_beta[1] - log_beta[0]);
  // Per observation, where its factors start (for truth 0; +4 for truth 1): 4 bytes read per
  // observation and sweep instead of the 12 of an Observation.
  std::vector<uint32_t> factor_of(unit_weights ? obs.size() : 0);
  if (unit_weights) {
    for (int s = 0; s < S; ++s) update_factors(s);
    for (size_t k = 0; k < obs.size(); ++k)
      factor_of[k] = static_cast<uint32_t>(factor_index(obs[k].source, 0, obs[k].value));
  }
  std::vector<double> draws(F);  // a sweep's uniforms, drawn in fact order as they are used
  for (int sweep = 0; sweep < sweeps; ++sweep) {
    for (double& u : draws) u = uniform();
    for (int f = 0; f < F && unit_weights; ++f) {
      const int current = truth[f];
      const size_t begin = obs_begin[f], end = obs_begin[f + 1];
      // The log-odds with one log instead of one per six factors (the products carried as
      // mantissa and binary exponent), which decides the draw whenever u is not within the error
      // margin of p1; otherwise the log-odds are computed as before, block by block.
      const double u = draws[f];
      const FastDraw fast =
          DrawFast(prior_odds, factors.data() + current * 4, &factor_of[begin], end - begin, u);
      int next = fast.next;
      if (!fast.sure) {
        LogOdds odds(log_beta[1] - log_beta[0]);
        for (size_t k = begin; k < end; ++k) {
          const double* factor = &factors[factor_index(obs[k].source, current, obs[k].value)];
          odds.AddFactors(factor[0], factor[1]);
        }
        next = Draw(odds.Finish(), u);
      }
      if (next == current) continue;
      truth[f] = static_cast<uint8_t>(next);
      for (size_t k = begin; k < end; ++k) {  // a source observes a fact once
        const int source = static_cast<int>(factor_of[k] / 8), value = (factor_of[k] / 2) & 1;
        count(source, current, value) -= 1.0;
        count(source, next, value) += 1.0;
        update_factors(source);
      }
    }
    for (int f = 0; f < F && !unit_weights; ++f) {
      const int current = truth[f];
      for (size_t k = obs_begin[f]; k < obs_begin[f + 1]; ++k)
        count(obs[k].source, current, obs[k].value) -= obs[k].weight;
      LogOdds odds(log_beta[1] - log_beta[0]);
      for (size_t k = obs_begin[f]; k < obs_begin[f + 1]; ++k) {
        const Observation& ob = obs[k];
        const double* cs_n = &n[static_cast<size_t>(ob.source) * 4];
        odds.Add(cs_n[2 + ob.value] + prior[1][ob.value], cs_n[2] + cs_n[3] + prior_total[1],
                 cs_n[ob.value] + prior[0][ob.value], cs_n[0] + cs_n[1] + prior_total[0],
                 ob.weight);
      }
      const int next = Draw(odds.Finish(), draws[f]);
      truth[f] = static_cast<uint8_t>(next);
      for (size_t k = obs_begin[f]; k < obs_begin[f + 1]; ++k)
        count(obs[k].source, next, obs[k].value) += obs[k].weight;
    }
    if (sweep < burn_in) continue;
    const bool first = sweep - burn_in < kept / 2;
    auto& sums = first ? first_half : second_half;
    (first ? samples_first : samples_second) += 1;
    for (int f = 0; f < F; ++f) sums[f] += truth[f];
  }
  const int samples = samples_first + samples_second;
  r->iterations = sweeps;
  r->residual = 0;
  std::vector<double> smoothed(F);
  for (int f = 0; f < F; ++f) {
    facts_[f].probability = samples > 0 ? (first_half[f] + second_half[f]) / samples : truth[f];
    smoothed[f] = samples > 0 ? (first_half[f] + second_half[f] + 0.5) / (samples + 1)
                              : (truth[f] ? 0.75 : 0.25);
    if (samples_first > 0 && samples_second > 0)
      r->residual += std::abs(first_half[f] / samples_first - second_half[f] / samples_second) / F;
  }
  r->converged = r->residual < 0.01;

  // Source qualities from expected counts, and trust = expected precision.
  sensitivity_.assign(S, 0);
  false_positive_rate_.assign(S, 0);
  std::vector<double> expected(static_cast<size_t>(S) * 4, 0.0), stated(S, 0), stated_true(S, 0);
  for (int f = 0; f < F; ++f) {
    const double p = facts_[f].probability;
    for (size_t k = obs_begin[f]; k < obs_begin[f + 1]; ++k) {
      const Observation& ob = obs[k];
      const size_t base = static_cast<size_t>(ob.source) * 4;
      expected[base + 2 + ob.value] += ob.weight * p;
      expected[base + ob.value] += ob.weight * (1 - p);
      if (ob.value) {
        stated[ob.source] += ob.weight;
        stated_true[ob.source] += ob.weight * p;
      }
    }
  }
  for (int s = 0; s < S; ++s) {
    const double* e = &expected[static_cast<size_t>(s) * 4];
    sensitivity_[s] = (e[3] + prior[1][1]) / (e[2] + e[3] + prior[1][0] + prior[1][1]);
    false_positive_rate_[s] = (e[1] + prior[0][1]) / (e[0] + e[1] + prior[0][0] + prior[0][1]);
    r->trust[s] = stated[s] > 0 ? stated_true[s] / stated[s] : 0;
  }

  // A claim's belief: the probability that its set is exactly the true one.
  for (int o = 0; o < O; ++o) {
    const int fb = fact_begin_of_object[o], fe = fact_begin_of_object[o + 1];
    for (int c = m_.object_begin[o]; c < m_.object_begin[o + 1]; ++c) {
      double log_belief = 0;
      const auto [stated_begin, stated_end] = claim_facts(c);
      for (int f = fb; f < fe; ++f) {
        const bool in = std::binary_search(stated_begin, stated_end, f);
        log_belief += std::log(in ? smoothed[f] : 1 - smoothed[f]);
      }
      r->belief[c] = std::exp(log_belief);
    }
  }
  // The model's own answer for set values: the items believed true, in key order.
  if (options_.set_values) {
    r->built_values.assign(O, std::string());
    std::vector<std::string> items;
    for (int o = 0; o < O; ++o) {
      items.clear();
      for (int f = fact_begin_of_object[o]; f < fact_begin_of_object[o + 1]; ++f)
        if (facts_[f].probability > 0.5) items.push_back(facts_[f].item);
      std::sort(items.begin(), items.end());
      for (const std::string& item : items) {
        if (!r->built_values[o].empty()) r->built_values[o].push_back(' ');
        r->built_values[o] += item;
      }
    }
  }
}

}  // namespace claimgraph::engine::truth
