// Helpers shared by the fuzz targets: the input as bytes, a variant selector, and the abort that
// reports a broken invariant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace claimgraph::fuzz {

inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void Fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// The first byte chooses a variant; the rest is the input.
inline unsigned char Selector(std::string_view* in) {
  if (in->empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(in->front());
  in->remove_prefix(1);
  return c;
}

}  // namespace claimgraph::fuzz
