#include "engine/link/candidate_index.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace claimgraph::engine {

std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<std::string>>& terms,
                                              const CandidateOptions& options) {
  const size_t n = terms.size();
  // Dense term ids and per-claim unique term lists.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> claim_terms(n);
  std::vector<uint32_t> df;
  for (size_t i = 0; i < n; ++i) {
    auto& list = claim_terms[i];
    for (const auto& t : terms[i]) {
      auto [it, inserted] = ids.emplace(t, static_cast<uint32_t>(df.size()));
      if (inserted) df.push_back(0);
      list.push_back(it->second);
    }
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    for (uint32_t t : list) ++df[t];
  }
  std::vector<double> idf(df.size());
  for (size_t t = 0; t < df.size(); ++t)
    idf[t] = std::log(1.0 + static_cast<double>(n) / static_cast<double>(df[t]));
  std::vector<double> norm(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t : claim_terms[i]) norm[i] += idf[t] * idf[t];
    norm[i] = std::sqrt(norm[i]);
  }
  const size_t df_cap = std::min<size_t>(
      options.max_df, std::max<size_t>(2, static_cast<size_t>(options.max_df_fraction * n)));

  std::vector<std::vector<uint32_t>> postings(df.size());
  for (size_t i = 0; i < n; ++i)
    for (uint32_t t : claim_terms[i])
      if (df[t] >= 2 && df[t] <= df_cap) postings[t].push_back(static_cast<uint32_t>(i));

  // Claims sharing a rare term become partners; their similarity is then computed over all
  // shared terms, rare and common.
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> touched;
  std::vector<CandidatePair> out;
  for (size_t a = 0; a < n; ++a) {
    touched.clear();
    for (uint32_t t : claim_terms[a]) {
      for (uint32_t b : postings[t]) {
        if (b == a) continue;
        if (shared[b] == 0) touched.push_back(b);
        ++shared[b];
      }
    }
    std::vector<CandidatePair> mine;
    for (uint32_t b : touched) {
      // Exact weighted overlap on all terms, by merging the two sorted lists.
      const auto& x = claim_terms[a];
      const auto& y = claim_terms[b];
      double d = 0;
      size_t common = 0;
      for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] < y[j]) {
          ++i;
        } else if (y[j] < x[i]) {
          ++j;
        } else {
          d += idf[x[i]] * idf[x[i]];
          ++common;
          ++i;
          ++j;
        }
      }
      shared[b] = 0;
      if (common < options.min_shared_terms || norm[a] == 0 || norm[b] == 0) continue;
      const double sim = d / (norm[a] * norm[b]);
      if (sim >= options.min_similarity)
        mine.push_back({std::min<size_t>(a, b), std::max<size_t>(a, b), sim});
    }
    if (mine.size() > options.max_per_claim) {
      std::partial_sort(mine.begin(), mine.begin() + options.max_per_claim, mine.end(),
                        [](const auto& p, const auto& q) { return p.similarity > q.similarity; });
      mine.resize(options.max_per_claim);
    }
    out.insert(out.end(), mine.begin(), mine.end());
  }
  std::sort(out.begin(), out.end(),
            [](const auto& p, const auto& q) { return p.a != q.a ? p.a < q.a : p.b < q.b; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& p, const auto& q) { return p.a == q.a && p.b == q.b; }),
            out.end());
  return out;
}

}  // namespace claimgraph::engine
