// MinHash signatures and LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of
// Massive Datasets", ch. 3): finds pairs of texts with high Jaccard resemblance of their word
// shingles without comparing all pairs. Used for syndicated copies between documents and for
// near-identical claims.
//
// Banding: with b bands of r rows, a pair of resemblance s becomes a candidate with probability
// 1 - (1 - s^r)^b; candidates are then checked with the full signature estimate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph::engine {

struct MinHashOptions {
  int shingle = 5;  // words per shingle
  int bands = 16;
  int rows = 4;  // signature length = bands * rows
  uint64_t seed = 0x9E3779B97F4A7C15ull;
};

using MinHashSignature = std::vector<uint32_t>;

// Signature of the word shingles of `words` (already tokenized and normalised). Texts shorter
// than one shingle use the whole text as a single shingle. An empty input gives an empty signature.
MinHashSignature ComputeMinHash(const std::vector<std::string>& words,
                                const MinHashOptions& options);

// Fraction of equal positions: an unbiased estimate of the Jaccard resemblance.
double EstimateResemblance(const MinHashSignature& a, const MinHashSignature& b);

struct SimilarPair {
  size_t a;  // index into the signatures passed in, a < b
  size_t b;
  double resemblance;
};

// Pairs whose estimated resemblance is at least `threshold`, found through LSH buckets. Buckets
// larger than `max_bucket` (boilerplate shared by very many texts) are skipped, so the cost stays
// near-linear in the number of signatures. Pairs are unique and sorted by (a, b).
std::vector<SimilarPair> FindSimilar(const std::vector<MinHashSignature>& signatures,
                                     const MinHashOptions& options, double threshold,
                                     size_t max_bucket = 200);

}  // namespace claimgraph::engine
