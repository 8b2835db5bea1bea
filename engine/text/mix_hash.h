// splitmix64's finaliser (Steele, Lea & Flood 2014): spreads a 64-bit value over the whole word,
// so that nearby inputs (FNV sums, byte offsets, ids) give unrelated hashes. Shared by the
// boilerplate index and the store's diff keys, whose stored digests depend on these exact bits.
#pragma once

#include <cstdint>

namespace claimgraph::engine {

inline uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace claimgraph::engine
