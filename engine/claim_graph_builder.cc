#include "engine/claim_graph_builder.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace claimgraph::engine {
namespace {

graph::EdgeKind KindOf(Relation r) {
  switch (r) {
    case Relation::kAgree:
      return graph::EdgeKind::kAgree;
    case Relation::kContradict:
      return graph::EdgeKind::kContradict;
    case Relation::kUpdate:
      return graph::EdgeKind::kUpdate;
    case Relation::kCopy:
      return graph::EdgeKind::kCopy;
  }
  return graph::EdgeKind::kAgree;
}

graph::NodeId SourceNode(graph::ClaimGraph* g, const std::string& name) {
  return g->AddNode({graph::NodeKind::kSource, 0, name, name, ""});
}

}  // namespace

graph::ClaimGraph BuildClaimGraph(const AnalysisResult& result) {
  graph::ClaimGraph g;
  for (const Document& d : result.documents)
    if (!d.source.empty()) SourceNode(&g, d.source);

  std::unordered_map<std::string, const Proposition*> propositions;
  for (const Proposition& p : result.propositions) {
    propositions.emplace(p.key, &p);
    g.AddNode({graph::NodeKind::kProposition, 0, p.key, p.label.empty() ? p.key : p.label, ""});
  }

  std::unordered_map<int64_t, std::pair<graph::NodeId, const Claim*>> claim_nodes;
  claim_nodes.reserve(result.claims.size());
  auto add_states = [&](graph::NodeId claim_node, const Claim& c, const std::string& key) {
    // Returns the existing node when the proposition is listed in result.propositions.
    const graph::NodeId p = g.AddNode({graph::NodeKind::kProposition, 0, key, key, ""});
    g.AddEdge(claim_node, p, {graph::EdgeKind::kStates, 1, {}, c.date});
  };

  for (const Claim& c : result.claims) {
    const graph::NodeId n =
        g.AddNode({graph::NodeKind::kClaim, c.id, std::to_string(c.id), c.text, c.date});
    claim_nodes.emplace(c.id, std::make_pair(n, &c));
    if (!c.source.empty()) {
      g.AddEdge(n, SourceNode(&g, c.source), {graph::EdgeKind::kPublishedBy, 1, {}, c.date});
    }
    if (!c.speaker.empty()) {
      std::string label = c.speaker;
      if (!c.speaker_role.empty()) label += " (" + c.speaker_role + ")";
      const graph::NodeId s = g.AddNode({graph::NodeKind::kSpeaker, 0, c.speaker, label, ""});
      g.AddEdge(n, s, {graph::EdgeKind::kSaidBy, 1, {}, c.date});
    }
    if (!c.proposition.empty()) add_states(n, c, c.proposition);
  }
  // Members listed only in Proposition::claims (not through Claim::proposition), once each.
  std::unordered_set<int64_t> listed;
  for (const Proposition& p : result.propositions) {
    listed.clear();
    for (int64_t id : p.claims) {
      auto it = claim_nodes.find(id);
      if (it == claim_nodes.end() || it->second.second->proposition == p.key) continue;
      if (listed.insert(id).second) add_states(it->second.first, *it->second.second, p.key);
    }
  }

  for (const ClaimLink& link : result.links) {
    auto a = claim_nodes.find(link.a);
    auto b = claim_nodes.find(link.b);
    if (a == claim_nodes.end() || b == claim_nodes.end()) continue;
    const Claim* ca = a->second.second;
    const Claim* cb = b->second.second;
    graph::NodeId from = a->second.first, to = b->second.first;
    // An update runs from the earlier claim to the later one.
    if (link.relation == Relation::kUpdate && !ca->date.empty() && !cb->date.empty() &&
        cb->date < ca->date) {
      std::swap(from, to);
    }
    const std::string& later = ca->date < cb->date ? cb->date : ca->date;
    g.AddEdge(from, to, {KindOf(link.relation), link.score, link.reasons, later});
  }

  for (const CopyPair& cp : result.copies) {
    if (cp.source_a.empty() || cp.source_b.empty()) continue;
    const graph::NodeId a = SourceNode(&g, cp.source_a);
    const graph::NodeId b = SourceNode(&g, cp.source_b);
    g.AddEdge(
        a, b,
        {graph::EdgeKind::kCopy,
         cp.score,
         {"documents " + std::to_string(cp.document_a) + " and " + std::to_string(cp.document_b)},
         ""});
  }
  return g;
}

}  // namespace claimgraph::engine
