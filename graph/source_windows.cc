#include "graph/source_windows.h"

#include <map>
#include <tuple>

namespace claimgraph::graph {
namespace {

// The source node a claim node was published by, or npos.
NodeId SourceOf(const ClaimGraph& g, NodeId claim) {
  for (const auto& e : g.IncidentEdges(claim)) {
    if (e.edge->kind != EdgeKind::kPublishedBy) continue;
    return e.from == claim ? e.to : e.from;
  }
  return ClaimGraph::npos;
}

}  // namespace

std::vector<SourcePairCount> CountSourcePairs(const ClaimGraph& graph, WindowSize size) {
  std::map<std::tuple<std::string, std::string, std::string>, SourcePairCount> counts;
  for (const auto& e : graph.Edges()) {
    const bool agree = e.edge->kind == EdgeKind::kAgree;
    if (!agree && e.edge->kind != EdgeKind::kContradict) continue;
    const NodeId sa = SourceOf(graph, e.from), sb = SourceOf(graph, e.to);
    if (sa == ClaimGraph::npos || sb == ClaimGraph::npos || sa == sb) continue;
    std::string a = graph.node(sa).key, b = graph.node(sb).key;
    if (b < a) std::swap(a, b);
    const std::string& date = e.edge->date;
    std::string window = "undated";
    if (date.size() >= 7)
      window = date.substr(0, size == WindowSize::kYear ? 4 : 7);
    else if (date.size() >= 4)
      window = date.substr(0, 4);
    auto& c = counts[{window, a, b}];
    c.window = window;
    c.source_a = a;
    c.source_b = b;
    (agree ? c.agreements : c.contradictions) += 1;
  }
  std::vector<SourcePairCount> out;
  out.reserve(counts.size());
  for (auto& [key, c] : counts) out.push_back(std::move(c));
  return out;
}

}  // namespace claimgraph::graph
