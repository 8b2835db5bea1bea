// The candidate index against an exhaustive verifier: on random corpora full of ties (claims
// repeated word for word, as syndicated stories are) every claim's partners are computed by
// comparing it with every other claim, and the index's pairs must be exactly a best-k selection
// for some claim of each pair, with every partner strictly above a claim's cut kept.
#include "engine/link/candidate_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace claimgraph::engine;

namespace {

struct Partner {
  size_t other;
  double similarity;
};

// Every valid partner of every claim, by comparing all pairs (fine for a few hundred claims).
std::vector<std::vector<Partner>> AllPartners(const std::vector<std::vector<uint32_t>>& terms,
                                              size_t num_terms, const CandidateOptions& o) {
  const size_t n = terms.size();
  std::vector<std::set<uint32_t>> sets(n);
  std::vector<double> df(num_terms, 0);
  for (size_t i = 0; i < n; ++i) {
    sets[i].insert(terms[i].begin(), terms[i].end());
    for (uint32_t t : sets[i]) ++df[t];
  }
  const size_t cap =
      std::min<size_t>(o.max_df, std::max<size_t>(2, static_cast<size_t>(o.max_df_fraction * n)));
  auto idf2 = [&](uint32_t t) {
    const double v = std::log(1.0 + static_cast<double>(n) / df[t]);
    return v * v;
  };
  std::vector<double> norm(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t : sets[i]) norm[i] += idf2(t);
    norm[i] = std::sqrt(norm[i]);
  }
  std::vector<std::vector<Partner>> out(n);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      bool rare = false;
      double dot = 0;
      size_t common = 0;
      for (uint32_t t : sets[a]) {
        if (!sets[b].count(t)) continue;
        rare = rare || (df[t] >= 2 && df[t] <= cap);
        dot += idf2(t);
        ++common;
      }
      if (!rare || common < o.min_shared_terms) continue;
      const double sim = dot / (norm[a] * norm[b]);
      if (sim >= o.min_similarity) out[a].push_back({b, sim});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Candidate index keeps each claim's best partners, as an exhaustive search does",
          "[engine][link]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    // 300 claims over 60 stories; a third of them restate an earlier claim word for word.
    const size_t n = 300, vocabulary = 400;
    std::vector<std::vector<uint32_t>> terms;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && rng() % 3 == 0) {
        terms.push_back(terms[rng() % i]);
        continue;
      }
      const uint32_t story = rng() % 60;
      std::vector<uint32_t> t = {story, 60 + story % 7};  // story term, a broader theme
      for (int k = 0, words = 3 + rng() % 6; k < words; ++k)
        t.push_back(67 + rng() % (rng() % 2 ? 20 : vocabulary));  // common and rare words
      terms.push_back(t);
    }
    CandidateOptions o;
    o.max_df = 12 + round;  // so that some words are too common to find partners
    o.max_per_claim = 1 + round % 6;
    o.threads = 1 + round % 2;
    const auto reference = AllPartners(terms, 67 + vocabulary, o);
    const auto pairs = FindCandidatePairs(terms, 67 + vocabulary, o);

    // Each claim's cut: its k-th best similarity (none if it has k partners or fewer).
    std::vector<double> cut(n, -1);
    std::map<std::pair<size_t, size_t>, double> valid;
    for (size_t a = 0; a < n; ++a) {
      std::vector<double> sims;
      for (const auto& p : reference[a]) {
        sims.push_back(p.similarity);
        valid[{std::min(a, p.other), std::max(a, p.other)}] = p.similarity;
      }
      std::sort(sims.rbegin(), sims.rend());
      if (sims.size() > o.max_per_claim) cut[a] = sims[o.max_per_claim - 1];
    }
    std::set<std::pair<size_t, size_t>> found;
    for (const auto& p : pairs) {
      REQUIRE(p.a < p.b);
      REQUIRE(found.insert({p.a, p.b}).second);  // no pair twice
      const auto it = valid.find({p.a, p.b});
      REQUIRE(it != valid.end());
      CHECK(p.similarity == Approx(it->second).epsilon(1e-12));
      // Kept by a claim for which it is among the best k.
      CHECK((p.similarity >= cut[p.a] - 1e-12 || p.similarity >= cut[p.b] - 1e-12));
    }
    // Every partner strictly above a claim's cut is kept, and each claim keeps k (or all).
    for (size_t a = 0; a < n; ++a) {
      size_t kept_at_or_above = 0;
      for (const auto& p : reference[a]) {
        const bool in = found.count({std::min(a, p.other), std::max(a, p.other)}) > 0;
        if (p.similarity > cut[a] + 1e-12) CHECK(in);
        if (in && p.similarity >= cut[a] - 1e-12) ++kept_at_or_above;
      }
      CHECK(kept_at_or_above >= std::min(o.max_per_claim, reference[a].size()));
    }
  }
}
