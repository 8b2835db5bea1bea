// Labelled stance pairs as the engine sees them — distinct claim texts, distinct other texts
// (bodies, headlines) and (claim, other, label) triples — and batch prediction over them. io's
// FNC-1 and Emergent readers (io/stance/) fill it; the trainer and the evaluation read it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/stance/stance_model.h"

namespace claimgraph::engine {

struct StanceDataset {
  struct Pair {
    uint32_t claim = 0;  // index into claims
    uint32_t other = 0;  // index into others
    StanceLabel label = StanceLabel::kUnrelated;
    uint32_t group = 0;  // what cross-validation folds keep together (Body ID, claim id)
    float weight = 1;    // training weight, on top of the class weight
  };
  std::vector<std::string> claims;
  std::vector<std::string> others;
  std::vector<Pair> pairs;

  // Appends the pairs of `more`, re-indexing its texts and multiplying their weights by `weight`.
  void Append(const StanceDataset& more, float weight = 1);
};

// Assigns each group (Body ID, claim) to one of `folds` folds: the distinct groups, sorted, are
// shuffled with `seed` (a fixed, portable shuffle) and dealt out in turn. Returns the fold of
// each pair. The FNC-1 dev split is fold 0 of 5 (a fifth of the bodies).
std::vector<int> AssignFolds(const StanceDataset& dataset, int folds, uint64_t seed);

// The pairs whose entry in `keep` is true, with only the texts they use.
StanceDataset Subset(const StanceDataset& dataset, const std::vector<bool>& keep);

// Adds, for each existing pair, `per_pair` pairs of its claim with an `other` text drawn (with
// `seed`) from a pair of a different group, labelled unrelated — how FNC-1 made its unrelated
// pairs. For data sets of related pairs only (Emergent), so the model also learns that a short
// text about something else is unrelated.
void AddUnrelatedPairs(StanceDataset* dataset, int per_pair, uint64_t seed);

// Predicts every pair, analysing each distinct text once; `threads` workers (>= 1). Reasons are
// not filled. The result is in the order of dataset.pairs and does not depend on `threads`.
std::vector<StancePrediction> PredictStances(const StanceModel& model, const StanceDataset& dataset,
                                             int threads = 2);

}  // namespace claimgraph::engine
