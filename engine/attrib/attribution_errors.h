// Error analysis for attribution in the pipeline: why a gold attribution (PolNeAR's scheme,
// attribution_span.h) is not covered by claims with a speaker, and why a claim with a speaker is
// wrong. `claimgraph eval attribution --errors FILE` writes one line per miss and prints the
// table of causes; docs/EVALUATION.md ("Attribution", error analysis) records it.
//
// A missed gold attribution (claims with a speaker cover less than half of its content, the
// recall rule of attribution_metrics.h) gets the first cause that holds, following the content
// from the model to the claims:
//   model: cue missed            no model attribution's cue overlaps the gold cue, and the
//                                model's contents cover less than half of the gold content;
//   model: content               the model has the cue but its contents cover less than half;
//   model: no speaker            the model's contents cover the gold content but none of the
//                                covering attributions has a speaker (the source a pronoun the
//                                resolver did not link, no source found, a bare title);
//   pipeline: dropped            the model's spoken contents cover it, the claims (with or
//                                without speaker) do not, and most of the gold content lies in
//                                sentences the extractor dropped (the verdict names why);
//   pipeline: no speaker         claims cover it but without a speaker (the sentence took
//                                another attribution, or none);
//   pipeline: claims short       claims with a speaker cover some of it, less than half.
// Each cause is split by whether the gold content lies in one pipeline sentence or several.
// A wrong claim with a speaker (less than half inside gold content) is "outside gold" (no byte
// inside) or "partly inside".
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/attrib/attribution_span.h"

namespace claimgraph::engine::attrib {

// A claim of the pipeline: its bytes and whether it has a speaker.
struct ClaimExtent {
  ByteRange range;
  bool has_speaker = false;
};

// A sentence or paragraph the extractor considered, with its verdict ("claim ...", or why it was
// dropped: "too short", "question", "furniture: ...").
struct SentenceVerdict {
  ByteRange range;
  std::string verdict;
};

struct AttributionErrorInput {
  std::string_view text;
  const std::vector<AttributionSpan>* gold = nullptr;
  // The model's own attributions, `resolved_source` set when it names a speaker.
  const std::vector<AttributionSpan>* model = nullptr;
  const std::vector<ClaimExtent>* claims = nullptr;
  const std::vector<SentenceVerdict>* sentences = nullptr;  // may be null
};

struct AttributionMiss {
  size_t gold = 0;          // index into the gold attributions
  std::string cause;        // "model: cue missed", ... (see above)
  std::string detail;       // finer cause: the drop verdict, the model's source, the sentence count
  double model_cover = 0;   // share of the gold content covered by model contents with a speaker
  double claims_cover = 0;  // ... by claims with a speaker
  long model_best = -1;     // the model attribution whose content overlaps it most, or -1
};

struct AttributionErrors {
  std::vector<AttributionMiss> misses;
  size_t wrong_outside = 0;   // claims with a speaker with no byte inside gold content
  size_t wrong_partial = 0;   // ... some, less than half
  std::vector<size_t> wrong;  // indices into the claims of both kinds, in order
};

// The misses of one document, in gold order. Thread-safe (pure).
AttributionErrors AnalyseAttributionErrors(const AttributionErrorInput& in);

// Counts by cause and by "cause / detail", over any number of documents.
class AttributionErrorTable {
 public:
  void Add(const AttributionErrors& e);
  const std::map<std::string, size_t>& causes() const { return causes_; }
  const std::map<std::string, size_t>& details() const { return details_; }
  size_t misses() const { return misses_; }
  size_t wrong_outside() const { return wrong_outside_; }
  size_t wrong_partial() const { return wrong_partial_; }

 private:
  std::map<std::string, size_t> causes_, details_;
  size_t misses_ = 0, wrong_outside_ = 0, wrong_partial_ = 0;
};

}  // namespace claimgraph::engine::attrib
