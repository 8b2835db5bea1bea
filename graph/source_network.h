// The network of sources behind a run: a vertex per source whose claims are linked to another
// source's claims, an edge per such pair of sources with their agreements and contradictions over
// all time windows (source_windows.h). On it, what a reader asks of the coverage as a whole:
//   - narrative camps: the sources split into groups that agree within and contradict across
//     (narrative_camps.h, signed clustering);
//   - degree: how many other sources a source's claims are linked to;
//   - betweenness (Freeman 1977; computed with Brandes' algorithm, 2001, via Boost.Graph): the
//     share of shortest paths between two other sources that pass through this one, an edge's
//     length being 1 / (agreements + contradictions), so that sources bound by many links are
//     close. A source with high betweenness carries the links between parts of the coverage that
//     are otherwise apart, often the outlet both camps argue with. Normalised to 0..1 by the
//     (n - 1)(n - 2) / 2 pairs of other sources.
#pragma once

#include <string>
#include <vector>

#include "graph/source_windows.h"

namespace claimgraph::graph {

struct SourceNode {
  std::string source;
  int camp = 0;            // narrative camp, 0, 1, ...
  int partners = 0;        // other sources linked to (degree)
  int agreements = 0;      // agree links with other sources' claims
  int contradictions = 0;  // contradict links with other sources' claims
  double betweenness = 0;  // 0..1
};

struct SourceNetwork {
  std::vector<SourceNode> sources;  // by camp, then most links first, then name
  int camps = 0;
  // Weight (|agreements - contradictions| of a pair) of the pairs the split into camps does not
  // explain: agreeing pairs across camps and contradicting pairs within one; 0 = balanced.
  double frustration = 0;
  double total_weight = 0;  // the same summed over every pair, for scale
};

SourceNetwork AnalyzeSourceNetwork(const std::vector<SourcePairCount>& pairs);

}  // namespace claimgraph::graph
