// Source-to-source agreement and contradiction per time window, read off the claim graph: every
// agree or contradict edge between claims of two different sources counts once for that pair of
// sources in the window of the edge's date. Updates and copies are not counted: an update is not
// a disagreement, and a copy is not independent agreement.
#pragma once

#include <string>
#include <vector>

#include "graph/claim_graph.h"

namespace claimgraph::graph {

enum class WindowSize { kYear, kMonth };

struct SourcePairCount {
  std::string window;    // "2025" or "2025-11"
  std::string source_a;  // source_a < source_b
  std::string source_b;
  int agreements = 0;
  int contradictions = 0;
};

// Sorted by window, then source names. Edges without a date fall in the window "undated".
std::vector<SourcePairCount> CountSourcePairs(const ClaimGraph& graph, WindowSize size);

}  // namespace claimgraph::graph
