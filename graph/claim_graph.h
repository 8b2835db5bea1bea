// ClaimGraph: the graph over claims, propositions, speakers and sources that the link stage builds
// and the scoring, reports and exports read. Claim-claim edges carry the relation (agree,
// contradict, update, copy), a score, the reasons and a time; structural edges tie a claim to the
// speaker who said it, the source that published it and the proposition it states.
//
// Backed by a Boost.Graph adjacency_list; this header speaks only the project's types. Node and
// edge ids are dense indices in insertion order. Not thread-safe for writes; concurrent reads are
// safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::graph {

enum class NodeKind { kClaim, kProposition, kSpeaker, kSource };
enum class EdgeKind {
  kAgree,
  kContradict,
  kUpdate,
  kCopy,
  kSaidBy,       // claim -> speaker
  kPublishedBy,  // claim -> source
  kStates,       // claim -> proposition
};

std::string_view ToString(NodeKind k);
std::string_view ToString(EdgeKind k);

struct Node {
  NodeKind kind = NodeKind::kClaim;
  int64_t ref = 0;    // Claim::id for claims; 0 otherwise
  std::string key;    // unique within its kind: claim id, proposition key, speaker or source name
  std::string label;  // readable text (claim text, proposition label, name)
  std::string date;   // ISO date for claims; empty otherwise
};

struct Edge {
  EdgeKind kind = EdgeKind::kAgree;
  double score = 1;
  std::vector<std::string> reasons;
  std::string date;  // the later of the two claims' dates, for claim-claim edges
};

using NodeId = size_t;
using EdgeId = size_t;

struct EdgeRef {
  EdgeId id;
  NodeId from;
  NodeId to;
  const Edge* edge;
};

class ClaimGraph {
 public:
  ClaimGraph();
  ~ClaimGraph();
  ClaimGraph(ClaimGraph&&) noexcept;
  ClaimGraph& operator=(ClaimGraph&&) noexcept;

  // Adds a node, or returns the existing node of the same kind and key.
  NodeId AddNode(Node node);
  // Returns the node of this kind and key, or npos.
  NodeId Find(NodeKind kind, std::string_view key) const;
  EdgeId AddEdge(NodeId from, NodeId to, Edge edge);

  size_t num_nodes() const;
  size_t num_edges() const;
  const Node& node(NodeId id) const;
  // Every edge, in insertion order.
  std::vector<EdgeRef> Edges() const;
  // Edges touching `id` (as from or to).
  std::vector<EdgeRef> IncidentEdges(NodeId id) const;
  // Nodes of one kind, in insertion order.
  std::vector<NodeId> NodesOfKind(NodeKind kind) const;

  static constexpr NodeId npos = static_cast<NodeId>(-1);

  struct Impl;  // public so graph algorithms in graph/ can reach the Boost graph
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimgraph::graph
