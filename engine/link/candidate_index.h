// Candidate pairs of claims that may be about the same thing, from an inverted index over their
// content terms and entities — never by comparing all pairs. Each claim keeps only its best
// `max_per_claim` partners, and terms shared by more than `max_df` claims ("said", "Iraq" in an
// Iraq corpus) are not used to find partners, so the work is bounded by
// claims x max_df rather than claims^2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace claimgraph::engine {

struct CandidateOptions {
  size_t max_per_claim = 10;
  size_t max_df = 400;           // terms in more claims than this find no partners
  double max_df_fraction = 0.5;  // ... nor terms in more than this fraction of the claims
  double min_similarity = 0.15;  // idf-weighted cosine of the term sets
  size_t min_shared_terms = 2;
  // Issue 10, §2: candidates come from propositions. A pair that shares no key term (a claim's
  // proposition keys: subject and predicate class, subject and measure, event) needs this much
  // word overlap to be a candidate at all; a pair that shares one needs `min_similarity`. Used
  // only when the caller marks key terms.
  double fallback_min_similarity = 0.5;
  // A pair sharing a figure key (key_term 2: the same figure with its unit, "2,500 troops") needs
  // only this much: two reports of one figure share few other words.
  double figure_min_similarity = 0.05;
  int threads = 1;  // worker threads; the result does not depend on them
};

struct CandidatePair {
  size_t a;  // indices into the term lists, a < b
  size_t b;
  double similarity;
};

// `terms[i]` is the set of terms of claim i (content stems and entity keys); duplicates are
// ignored. Returns pairs sorted by (a, b).
// Terms starting with "key:" are proposition keys ("key:fig:" figure keys; see
// `fallback_min_similarity`, `figure_min_similarity`); without any,
// every pair is held to `min_similarity` only.
std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<std::string>>& terms,
                                              const CandidateOptions& options);

// The same on terms already numbered 0..num_terms-1 (duplicates ignored), for callers that intern
// terms as they go rather than hold every claim's terms as strings. Numbering the terms in order
// of first appearance (claim by claim) gives exactly the string version's result.
// `key_term[t]` is non-zero for the terms that are proposition keys (2 for figure keys); empty:
// none are.
std::vector<CandidatePair> FindCandidatePairs(std::vector<std::vector<uint32_t>> term_ids,
                                              size_t num_terms, const CandidateOptions& options,
                                              const std::vector<uint8_t>& key_term = {});

}  // namespace claimgraph::engine
