#include "engine/link/candidate_index.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace claimgraph::engine {
namespace {

// idf^2 summed over the terms two sorted lists share, by merging them; *shared counts those terms.
double SharedWeight(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y,
                    const std::vector<double>& idf, size_t* shared,
                    const std::vector<uint8_t>* key_term = nullptr, size_t* shared_keys = nullptr,
                    size_t* shared_figures = nullptr) {
  double d = 0;
  *shared = 0;
  if (shared_keys) *shared_keys = 0;
  if (shared_figures) *shared_figures = 0;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      d += idf[x[i]] * idf[x[i]];
      ++*shared;
      if (shared_keys && (*key_term)[x[i]]) ++*shared_keys;
      if (shared_figures && (*key_term)[x[i]] == 2) ++*shared_figures;
      ++i;
      ++j;
    }
  }
  return d;
}

}  // namespace

std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<std::string>>& terms,
                                              const CandidateOptions& options) {
  // Dense term ids, in order of first appearance.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> term_ids(terms.size());
  std::vector<uint8_t> key_term;
  bool any_key = false;
  for (size_t i = 0; i < terms.size(); ++i) {
    for (const auto& t : terms[i]) {
      const auto [it, fresh] = ids.emplace(t, static_cast<uint32_t>(ids.size()));
      if (fresh) {
        key_term.push_back(t.starts_with("key:fig:") ? 2 : t.starts_with("key:") ? 1 : 0);
        any_key = any_key || key_term.back();
      }
      term_ids[i].push_back(it->second);
    }
  }
  if (!any_key) key_term.clear();
  return FindCandidatePairs(std::move(term_ids), ids.size(), options, key_term);
}

std::vector<CandidatePair> FindCandidatePairs(std::vector<std::vector<uint32_t>> claim_terms,
                                              size_t num_terms, const CandidateOptions& options,
                                              const std::vector<uint8_t>& key_term) {
  const bool keyed = !key_term.empty();
  // The least similarity any pair may have: a shared figure lowers the bar.
  const double floor = keyed ? std::min(options.min_similarity, options.figure_min_similarity)
                             : options.min_similarity;
  const size_t n = claim_terms.size();
  if (options.max_per_claim == 0) return {};
  std::vector<uint32_t> df(num_terms, 0);
  for (size_t i = 0; i < n; ++i) {
    auto& list = claim_terms[i];
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    for (uint32_t t : list) ++df[t];
  }
  std::vector<double> idf(df.size());
  for (size_t t = 0; t < df.size(); ++t)
    idf[t] = std::log(1.0 + static_cast<double>(n) / static_cast<double>(df[t]));
  // Keys decide which pairs are candidates, not how similar they are: a key term weighs next to
  // nothing (but more than zero, so that its postings still find partners), and the similarity
  // handed on to the relation stage stays that of the words.
  if (keyed)
    for (size_t t = 0; t < df.size(); ++t)
      if (key_term[t]) idf[t] *= 1e-3;
  std::vector<double> norm(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t : claim_terms[i]) norm[i] += idf[t] * idf[t];
    norm[i] = std::sqrt(norm[i]);
  }
  const size_t df_cap = std::min<size_t>(
      options.max_df, std::max<size_t>(2, static_cast<size_t>(options.max_df_fraction * n)));

  // A key shared by more claims than the cap says nothing about a pair ("percent" of anything):
  // it neither finds partners nor lowers the bar.
  std::vector<uint8_t> key_of;
  if (keyed) {
    key_of.assign(key_term.begin(), key_term.end());
    for (size_t t = 0; t < df.size(); ++t)
      if (df[t] > df_cap) key_of[t] = 0;
  }
  std::vector<std::vector<uint32_t>> postings(df.size());
  for (size_t i = 0; i < n; ++i)
    for (uint32_t t : claim_terms[i])
      if (df[t] >= 2 && df[t] <= df_cap) postings[t].push_back(static_cast<uint32_t>(i));
  // Each claim's terms too common to have postings (sorted, as the claim's terms are).
  std::vector<std::vector<uint32_t>> common_terms(n);
  std::vector<double> common_weight(n, 0);  // idf^2 summed over them: the most they can add
  for (size_t i = 0; i < n; ++i)
    for (uint32_t t : claim_terms[i])
      if (df[t] > df_cap) {
        common_terms[i].push_back(t);
        common_weight[i] += idf[t] * idf[t];
      }

  // Claims sharing a rare term become partners; their similarity is then computed over all
  // shared terms, rare and common, by merging the two term lists. Each claim keeps its best
  // `max_per_claim` partners in a heap whose top is the weakest kept: a later partner replaces it
  // only when strictly more similar (which of several equally weak partners leaves is the heap's
  // choice, as it was std::partial_sort's before).
  // Merging every partner's list would be most of the work, and most partners cannot enter a full
  // heap: the rare terms' share of the dot product is summed while walking the postings, which
  // with the lighter side's common weight bounds the similarity, and with the common terms'
  // share from the two short lists of common terms estimates it to rounding error; only a partner
  // whose bound and estimate reach the weakest kept (and the minimum similarity) is merged for
  // its exact value. The kept set is the one an exhaustive search finds
  // (tested).
  // Each worker takes every `workers`-th claim; a claim's partners do not depend on the others'.
  const size_t workers = std::max<size_t>(1, std::min<size_t>(options.threads, n / 1024 + 1));
  const size_t keep = options.max_per_claim;
  const auto weaker = [](const CandidatePair& p, const CandidatePair& q) {
    return p.similarity > q.similarity;  // heap order: the top is the least similar
  };
  // The estimate differs from the merged value by rounding only (terms summed in another order);
  // a margin far above that keeps the skip exact.
  constexpr double kMargin = 1 + 1e-9;
  std::vector<std::vector<CandidatePair>> found(workers);
  auto work = [&](size_t w) {
    // Per partner: idf^2 summed over the shared rare terms; 0 for claims not yet met (an idf is
    // never 0, so a met partner's sum is positive).
    std::vector<double> rare_dot(n, 0);
    std::vector<uint32_t> touched;
    std::vector<CandidatePair> best;
    for (size_t a = w; a < n; a += workers) {
      touched.clear();
      for (uint32_t t : claim_terms[a]) {
        const double weight = idf[t] * idf[t];
        for (uint32_t b : postings[t]) {
          if (b == a) continue;
          if (rare_dot[b] == 0) touched.push_back(b);
          rare_dot[b] += weight;
        }
      }
      best.clear();
      for (uint32_t b : touched) {
        double estimate = rare_dot[b];
        rare_dot[b] = 0;
        if (norm[a] == 0 || norm[b] == 0) continue;
        // First a bound that needs no look at b's terms: all common terms of the lighter side
        // shared.
        const double bound = (estimate + std::min(common_weight[a], common_weight[b])) /
                             (norm[a] * norm[b]) * kMargin;
        if (bound < floor || (best.size() == keep && bound < best.front().similarity)) continue;
        size_t common = 0;
        estimate += SharedWeight(common_terms[a], common_terms[b], idf, &common);
        estimate = estimate / (norm[a] * norm[b]) * kMargin;
        if (estimate < floor || (best.size() == keep && estimate < best.front().similarity))
          continue;
        // Exact weighted overlap on all terms.
        size_t shared_keys = 0, shared_figures = 0;
        const double d =
            SharedWeight(claim_terms[a], claim_terms[b], idf, &common, keyed ? &key_of : nullptr,
                         keyed ? &shared_keys : nullptr, keyed ? &shared_figures : nullptr);
        const double sim = d / (norm[a] * norm[b]);
        if (shared_figures > 0) {
          if (sim < options.figure_min_similarity) continue;
        } else {
          if (common < options.min_shared_terms || sim < options.min_similarity) continue;
          // Word overlap alone is a fallback with a high bar.
          if (keyed && shared_keys == 0 && sim < options.fallback_min_similarity) continue;
        }
        const CandidatePair pair{std::min<size_t>(a, b), std::max<size_t>(a, b), sim};
        if (best.size() < keep) {
          best.push_back(pair);
          if (best.size() == keep) std::make_heap(best.begin(), best.end(), weaker);
        } else if (weaker(pair, best.front())) {
          best.push_back(pair);
          std::pop_heap(best.begin(), best.end(), weaker);  // the new pair in, the weakest out
          best.pop_back();
        }
      }
      found[w].insert(found[w].end(), best.begin(), best.end());
    }
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
  std::vector<CandidatePair> out;
  for (auto& f : found) {
    out.insert(out.end(), f.begin(), f.end());
    std::vector<CandidatePair>().swap(f);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& p, const auto& q) { return p.a != q.a ? p.a < q.a : p.b < q.b; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& p, const auto& q) { return p.a == q.a && p.b == q.b; }),
            out.end());
  return out;
}

}  // namespace claimgraph::engine
