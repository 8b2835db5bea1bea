#include "engine/stance/stance_dataset.h"

#include <algorithm>
#include <random>
#include <thread>
#include <unordered_map>

#include "engine/stance/stance_features.h"

namespace claimgraph::engine {

void StanceDataset::Append(const StanceDataset& more, float weight) {
  const auto claim_base = static_cast<uint32_t>(claims.size());
  const auto other_base = static_cast<uint32_t>(others.size());
  claims.insert(claims.end(), more.claims.begin(), more.claims.end());
  others.insert(others.end(), more.others.begin(), more.others.end());
  for (Pair p : more.pairs) {
    p.claim += claim_base;
    p.other += other_base;
    p.weight *= weight;
    pairs.push_back(p);
  }
}

std::vector<int> AssignFolds(const StanceDataset& dataset, int folds, uint64_t seed) {
  std::vector<uint32_t> groups;
  for (const auto& p : dataset.pairs) groups.push_back(p.group);
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  std::mt19937_64 rng(seed);
  for (size_t i = groups.size(); i > 1; --i) std::swap(groups[i - 1], groups[rng() % i]);
  std::unordered_map<uint32_t, int> fold;
  for (size_t i = 0; i < groups.size(); ++i) {
    fold[groups[i]] = static_cast<int>(i % static_cast<size_t>(std::max(1, folds)));
  }
  std::vector<int> out;
  for (const auto& p : dataset.pairs) out.push_back(fold[p.group]);
  return out;
}

StanceDataset Subset(const StanceDataset& dataset, const std::vector<bool>& keep) {
  StanceDataset out;
  std::unordered_map<uint32_t, uint32_t> claims, others;
  for (size_t i = 0; i < dataset.pairs.size(); ++i) {
    if (!keep[i]) continue;
    StanceDataset::Pair p = dataset.pairs[i];
    auto [c, new_claim] = claims.emplace(p.claim, static_cast<uint32_t>(out.claims.size()));
    if (new_claim) out.claims.push_back(dataset.claims[p.claim]);
    auto [o, new_other] = others.emplace(p.other, static_cast<uint32_t>(out.others.size()));
    if (new_other) out.others.push_back(dataset.others[p.other]);
    p.claim = c->second;
    p.other = o->second;
    out.pairs.push_back(p);
  }
  return out;
}

void AddUnrelatedPairs(StanceDataset* dataset, int per_pair, uint64_t seed) {
  const size_t n = dataset->pairs.size();
  std::mt19937_64 rng(seed);
  for (size_t i = 0; i < n; ++i) {
    const StanceDataset::Pair p = dataset->pairs[i];
    for (int k = 0; k < per_pair; ++k) {
      // A few draws suffice unless one group holds nearly everything.
      for (int attempt = 0; attempt < 20; ++attempt) {
        const StanceDataset::Pair q = dataset->pairs[rng() % n];
        if (q.group == p.group) continue;
        dataset->pairs.push_back({p.claim, q.other, StanceLabel::kUnrelated, p.group, p.weight});
        break;
      }
    }
  }
}

// Runs fn(i) for i in [0, n) on `threads` workers, each taking a contiguous block.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  const size_t t = static_cast<size_t>(std::max(1, threads));
  if (t == 1 || n < 64) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::vector<std::thread> workers;
  for (size_t w = 0; w < t; ++w) {
    workers.emplace_back([&, w] {
      for (size_t i = n * w / t; i < n * (w + 1) / t; ++i) fn(i);
    });
  }
  for (auto& th : workers) th.join();
}

std::vector<StancePrediction> PredictStances(const StanceModel& model, const StanceDataset& dataset,
                                             int threads) {
  const StanceFeaturizer& f = model.featurizer();
  std::vector<AnalyzedText> claims(dataset.claims.size()), others(dataset.others.size());
  ParallelFor(claims.size(), threads, [&](size_t i) { claims[i] = f.Analyze(dataset.claims[i]); });
  ParallelFor(others.size(), threads, [&](size_t i) { others[i] = f.Analyze(dataset.others[i]); });
  std::vector<StancePrediction> out(dataset.pairs.size());
  ParallelFor(out.size(), threads, [&](size_t i) {
    const auto& p = dataset.pairs[i];
    out[i] = model.PredictAnalyzed(claims[p.claim], others[p.other], false);
  });
  return out;
}

}  // namespace claimgraph::engine
