// Arithmetic on sets of byte ranges (see attribution_span.h).
#include "engine/attrib/attribution_span.h"

#include <algorithm>

namespace claimgraph::engine::attrib {

size_t TotalSize(const ByteRanges& r) {
  size_t n = 0;
  for (const ByteRange& x : r) n += x.size();
  return n;
}

size_t OverlapSize(const ByteRanges& a, const ByteRanges& b) {
  size_t n = 0;
  for (const ByteRange& x : a)
    for (const ByteRange& y : b) {
      const size_t lo = std::max(x.begin, y.begin), hi = std::min(x.end, y.end);
      if (hi > lo) n += hi - lo;
    }
  return n;
}

void Normalize(ByteRanges* r) {
  std::erase_if(*r, [](const ByteRange& x) { return x.size() == 0; });
  std::sort(r->begin(), r->end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  ByteRanges out;
  for (const ByteRange& x : *r) {
    if (!out.empty() && x.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, x.end);
    } else {
      out.push_back(x);
    }
  }
  *r = std::move(out);
}

}  // namespace claimgraph::engine::attrib
