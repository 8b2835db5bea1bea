// Attribution spans in the PolNeAR scheme (Newell, Margolin & Ruths 2018; Pareti 2012's PARC):
// an attribution joins a source (who), a cue (the reporting word: "said", "according to",
// "accused") and a content (what they said), each a set of byte ranges of the document text
// (discontinuous when the source and cue interrupt the content: “We will win,” he said, “in
// November.”). The same type holds gold annotations (io/attribution/polnear_reader.h) and the
// system's predictions (attribution_model.h), so the metrics (attribution_metrics.h) compare like
// with like.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimgraph::engine::attrib {

struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end > begin ? end - begin : 0; }
  bool operator==(const ByteRange&) const = default;
};

// Ranges in increasing order, not overlapping. Empty = the role is absent (PolNeAR allows an
// attribution without a source: "It is believed that ...").
using ByteRanges = std::vector<ByteRange>;

struct AttributionSpan {
  ByteRanges source;
  ByteRanges cue;
  ByteRanges content;
  // The speaker's name as the system resolved it ("Donald Trump" for a source "he"); empty in
  // gold annotations and when unresolved.
  std::string resolved_source;
};

// Total bytes of `r`.
size_t TotalSize(const ByteRanges& r);
// Bytes shared by `a` and `b`.
size_t OverlapSize(const ByteRanges& a, const ByteRanges& b);
// Sorts and merges touching or overlapping ranges; drops empty ones.
void Normalize(ByteRanges* r);

}  // namespace claimgraph::engine::attrib
