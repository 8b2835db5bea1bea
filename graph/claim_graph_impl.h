// Private to graph/: the Boost.Graph representation behind ClaimGraph, for the algorithms in this
// folder. Nothing outside graph/ includes it.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/claim_graph.h"

namespace claimgraph::graph {

struct EdgeProps {
  EdgeId id;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::no_property, EdgeProps>;

struct ClaimGraph::Impl {
  BoostGraph g;
  std::vector<Node> nodes;
  struct Stored {
    NodeId from;
    NodeId to;
    Edge edge;
  };
  std::vector<Stored> edges;
  std::map<std::pair<NodeKind, std::string>, NodeId, std::less<>> index;
};

}  // namespace claimgraph::graph
