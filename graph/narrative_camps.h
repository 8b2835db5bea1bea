// Narrative camps: sources split into groups that agree within and contradict across, by signed
// graph clustering. Each pair of sources gets the weight agreements - contradictions (over all
// windows); the partition minimises frustration — the total weight of negative pairs inside a camp
// and positive pairs across camps (Doreian & Mrvar 1996, "A partitioning approach to structural
// balance"). Method: a 2-colouring along a maximum spanning forest of |weight| (the balanced
// solution when one exists), then single-source moves while they lower frustration. Deviation:
// at most two camps per connected group of sources, which is what a comparison of narratives needs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/source_windows.h"

namespace claimgraph::graph {

struct CampResult {
  std::map<std::string, int> camp;  // source -> camp number (0, 1, 2, ...)
  double frustration = 0;           // total weight of violated pairs after the moves
  int moves = 0;                    // single-source moves made by the local search
};

CampResult FindNarrativeCamps(const std::vector<SourcePairCount>& pairs);

// Frustration of a given partition (the verifier for FindNarrativeCamps).
double Frustration(const std::vector<SourcePairCount>& pairs,
                   const std::map<std::string, int>& camp);

}  // namespace claimgraph::graph
