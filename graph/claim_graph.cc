#include "graph/claim_graph.h"

#include <stdexcept>

#include "graph/claim_graph_impl.h"

namespace claimgraph::graph {

std::string_view ToString(NodeKind k) {
  switch (k) {
    case NodeKind::kClaim:
      return "claim";
    case NodeKind::kProposition:
      return "proposition";
    case NodeKind::kSpeaker:
      return "speaker";
    case NodeKind::kSource:
      return "source";
  }
  return "unknown";
}

std::string_view ToString(EdgeKind k) {
  switch (k) {
    case EdgeKind::kAgree:
      return "agree";
    case EdgeKind::kContradict:
      return "contradict";
    case EdgeKind::kUpdate:
      return "update";
    case EdgeKind::kCopy:
      return "copy";
    case EdgeKind::kSaidBy:
      return "said_by";
    case EdgeKind::kPublishedBy:
      return "published_by";
    case EdgeKind::kStates:
      return "states";
  }
  return "unknown";
}

ClaimGraph::ClaimGraph() : impl_(std::make_unique<Impl>()) {}
ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;

NodeId ClaimGraph::AddNode(Node node) {
  auto key = std::make_pair(node.kind, node.key);
  if (auto it = impl_->index.find(key); it != impl_->index.end()) return it->second;
  const NodeId id = boost::add_vertex(impl_->g);
  impl_->nodes.push_back(std::move(node));
  impl_->index.emplace(std::move(key), id);
  return id;
}

NodeId ClaimGraph::Find(NodeKind kind, std::string_view key) const {
  auto it = impl_->index.find(std::make_pair(kind, std::string(key)));
  return it == impl_->index.end() ? npos : it->second;
}

EdgeId ClaimGraph::AddEdge(NodeId from, NodeId to, Edge edge) {
  if (from >= num_nodes() || to >= num_nodes())
    throw std::invalid_argument("ClaimGraph::AddEdge: node id out of range");
  const EdgeId id = impl_->edges.size();
  boost::add_edge(from, to, EdgeProps{id}, impl_->g);
  impl_->edges.push_back({from, to, std::move(edge)});
  return id;
}

size_t ClaimGraph::num_nodes() const { return impl_->nodes.size(); }
size_t ClaimGraph::num_edges() const { return impl_->edges.size(); }
const Node& ClaimGraph::node(NodeId id) const { return impl_->nodes.at(id); }

std::vector<EdgeRef> ClaimGraph::Edges() const {
  std::vector<EdgeRef> out;
  out.reserve(impl_->edges.size());
  for (EdgeId i = 0; i < impl_->edges.size(); ++i) {
    const auto& s = impl_->edges[i];
    out.push_back({i, s.from, s.to, &s.edge});
  }
  return out;
}

std::vector<EdgeRef> ClaimGraph::IncidentEdges(NodeId id) const {
  std::vector<EdgeRef> out;
  for (auto [it, end] = boost::out_edges(id, impl_->g); it != end; ++it) {
    const EdgeId e = impl_->g[*it].id;
    const auto& s = impl_->edges[e];
    out.push_back({e, s.from, s.to, &s.edge});
  }
  return out;
}

std::vector<NodeId> ClaimGraph::NodesOfKind(NodeKind kind) const {
  std::vector<NodeId> out;
  for (NodeId i = 0; i < impl_->nodes.size(); ++i)
    if (impl_->nodes[i].kind == kind) out.push_back(i);
  return out;
}

}  // namespace claimgraph::graph
