#include "engine/link/minhash.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace claimgraph::engine {
namespace {

uint64_t Fnv1a(const std::string& s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// SplitMix64: a fast, well-mixed 64-bit permutation used to derive the k hash functions.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

MinHashSignature ComputeMinHash(const std::vector<std::string>& words,
                                const MinHashOptions& options) {
  const size_t k = static_cast<size_t>(options.bands * options.rows);
  if (words.empty()) return {};
  MinHashSignature sig(k, std::numeric_limits<uint32_t>::max());
  const size_t n = static_cast<size_t>(options.shingle);
  const size_t count = words.size() >= n ? words.size() - n + 1 : 1;
  const size_t width = std::min(n, words.size());
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = 1469598103934665603ull;
    for (size_t j = 0; j < width; ++j) h = Fnv1a(words[i + j], h ^ 0x20);
    for (size_t f = 0; f < k; ++f) {
      const auto v = static_cast<uint32_t>(Mix(h ^ (options.seed + f * 0x632BE59BD9B4E019ull)));
      if (v < sig[f]) sig[f] = v;
    }
  }
  return sig;
}

double EstimateResemblance(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<SimilarPair> FindSimilar(const std::vector<MinHashSignature>& signatures,
                                     const MinHashOptions& options, double threshold,
                                     size_t max_bucket) {
  std::vector<std::pair<size_t, size_t>> candidates;
  const size_t rows = static_cast<size_t>(options.rows);
  for (int band = 0; band < options.bands; ++band) {
    std::unordered_map<uint64_t, std::vector<size_t>> buckets;
    for (size_t i = 0; i < signatures.size(); ++i) {
      const auto& sig = signatures[i];
      if (sig.empty()) continue;
      uint64_t h = Mix(static_cast<uint64_t>(band));
      for (size_t r = 0; r < rows; ++r) h = Mix(h ^ sig[band * rows + r]);
      buckets[h].push_back(i);
    }
    for (const auto& [hash, members] : buckets) {
      if (members.size() < 2 || members.size() > max_bucket) continue;
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y)
          candidates.emplace_back(members[x], members[y]);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<SimilarPair> out;
  for (const auto& [a, b] : candidates) {
    const double s = EstimateResemblance(signatures[a], signatures[b]);
    if (s >= threshold) out.push_back({a, b, s});
  }
  return out;
}

}  // namespace claimgraph::engine
