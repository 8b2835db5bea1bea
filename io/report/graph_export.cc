#include "io/report/graph_export.h"

#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/report/escape.h"
#include "io/report/record.h"

namespace claimgraph::io::report {
namespace {

using graph::EdgeKind;
using graph::NodeKind;

// True for a full ISO date "YYYY-MM-DD", the only form GEXF's timeformat="date" accepts.
bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool IsLink(EdgeKind k) {
  return k == EdgeKind::kAgree || k == EdgeKind::kContradict || k == EdgeKind::kUpdate ||
         k == EdgeKind::kCopy;
}

graph::EdgeKind KindOf(engine::Relation r) {
  switch (r) {
    case engine::Relation::kAgree:
      return EdgeKind::kAgree;
    case engine::Relation::kContradict:
      return EdgeKind::kContradict;
    case engine::Relation::kUpdate:
      return EdgeKind::kUpdate;
    case engine::Relation::kCopy:
      return EdgeKind::kCopy;
  }
  return EdgeKind::kAgree;
}

}  // namespace

void ClaimGraphListing::ForEachNode(const std::function<void(size_t, const NodeView&)>& fn) const {
  for (graph::NodeId i = 0; i < g_.num_nodes(); ++i) {
    const graph::Node& n = g_.node(i);
    fn(i, {n.kind, n.ref, n.key, n.label, n.date});
  }
}

void ClaimGraphListing::ForEachEdge(const std::function<void(const EdgeView&)>& fn) const {
  for (const graph::EdgeRef& e : g_.Edges())
    fn({e.id, e.from, e.to, e.edge->kind, e.edge->score, &e.edge->reasons, e.edge->date});
}

// Mirrors engine::BuildClaimGraph step by step (same nodes, same edges, same order); the
// graph-export tests compare the two listings' files byte for byte.
ResultGraph::ResultGraph(const engine::AnalysisResult& result) : result_(result) {
  using engine::Claim;
  std::unordered_map<std::string_view, uint32_t> sources, propositions, speakers;
  std::unordered_map<int64_t, uint32_t> claim_nodes;
  claim_nodes.reserve(result.claims.size());
  nodes_.reserve(result.claims.size() + result.propositions.size());
  edges_.reserve(result.claims.size() * 3 + result.links.size() + result.copies.size());
  auto add_node = [&](std::unordered_map<std::string_view, uint32_t>* index, std::string_view key,
                      Node node) {
    auto [it, added] = index->emplace(key, static_cast<uint32_t>(nodes_.size()));
    if (added) nodes_.push_back(node);
    return it->second;
  };
  auto source_node = [&](const std::string& name) {
    return add_node(&sources, name, {graph::NodeKind::kSource, &name, nullptr, nullptr});
  };
  auto add_edge = [&](uint32_t from, uint32_t to, graph::EdgeKind kind, Origin origin,
                      size_t index) {
    edges_.push_back({from, to, kind, origin, static_cast<uint32_t>(index)});
  };

  for (const engine::Document& d : result.documents)
    if (!d.source.empty()) source_node(d.source);
  for (const engine::Proposition& p : result.propositions)
    add_node(&propositions, p.key, {graph::NodeKind::kProposition, nullptr, nullptr, &p});

  auto add_states = [&](uint32_t claim_node, size_t claim_index, const std::string& key) {
    const uint32_t p =
        add_node(&propositions, key, {graph::NodeKind::kProposition, &key, nullptr, nullptr});
    add_edge(claim_node, p, graph::EdgeKind::kStates, Origin::kClaim, claim_index);
  };
  for (size_t i = 0; i < result.claims.size(); ++i) {
    const Claim& c = result.claims[i];
    auto [it, added] = claim_nodes.emplace(c.id, static_cast<uint32_t>(nodes_.size()));
    if (added) nodes_.push_back({graph::NodeKind::kClaim, nullptr, &c, nullptr});
    const uint32_t n = it->second;
    if (!c.source.empty())
      add_edge(n, source_node(c.source), graph::EdgeKind::kPublishedBy, Origin::kClaim, i);
    if (!c.speaker.empty()) {
      const uint32_t s =
          add_node(&speakers, c.speaker, {graph::NodeKind::kSpeaker, &c.speaker, &c, nullptr});
      add_edge(n, s, graph::EdgeKind::kSaidBy, Origin::kClaim, i);
    }
    if (!c.proposition.empty()) add_states(n, i, c.proposition);
  }
  // Members listed only in Proposition::claims (not through Claim::proposition), once each.
  std::unordered_set<int64_t> listed;
  for (const engine::Proposition& p : result.propositions) {
    listed.clear();
    for (int64_t id : p.claims) {
      auto it = claim_nodes.find(id);
      if (it == claim_nodes.end()) continue;
      const Claim* c = nodes_[it->second].claim;
      if (c->proposition == p.key) continue;
      if (listed.insert(id).second)
        add_states(it->second, static_cast<size_t>(c - result.claims.data()), p.key);
    }
  }

  for (size_t i = 0; i < result.links.size(); ++i) {
    const engine::ClaimLink& link = result.links[i];
    auto a = claim_nodes.find(link.a);
    auto b = claim_nodes.find(link.b);
    if (a == claim_nodes.end() || b == claim_nodes.end()) continue;
    const Claim* ca = nodes_[a->second].claim;
    const Claim* cb = nodes_[b->second].claim;
    uint32_t from = a->second, to = b->second;
    // An update runs from the earlier claim to the later one.
    if (link.relation == engine::Relation::kUpdate && !ca->date.empty() && !cb->date.empty() &&
        cb->date < ca->date) {
      std::swap(from, to);
    }
    add_edge(from, to, KindOf(link.relation), Origin::kLink, i);
  }

  for (size_t i = 0; i < result.copies.size(); ++i) {
    const engine::CopyPair& cp = result.copies[i];
    if (cp.source_a.empty() || cp.source_b.empty()) continue;
    const uint32_t a = source_node(cp.source_a);
    const uint32_t b = source_node(cp.source_b);
    add_edge(a, b, graph::EdgeKind::kCopy, Origin::kCopy, i);
  }
}

void ResultGraph::ForEachNode(const std::function<void(size_t, const NodeView&)>& fn) const {
  std::string key, label;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    switch (n.kind) {
      case graph::NodeKind::kClaim:
        key = std::to_string(n.claim->id);
        fn(i, {n.kind, n.claim->id, key, n.claim->text, n.claim->date});
        break;
      case graph::NodeKind::kProposition:
        if (n.proposition) {
          const engine::Proposition& p = *n.proposition;
          fn(i, {n.kind, 0, p.key, p.label.empty() ? p.key : p.label, ""});
        } else {
          fn(i, {n.kind, 0, *n.name, *n.name, ""});
        }
        break;
      case graph::NodeKind::kSpeaker:
        label = n.claim->speaker;
        if (!n.claim->speaker_role.empty()) label += " (" + n.claim->speaker_role + ")";
        fn(i, {n.kind, 0, *n.name, label, ""});
        break;
      case graph::NodeKind::kSource:
        fn(i, {n.kind, 0, *n.name, *n.name, ""});
        break;
    }
  }
}

void ResultGraph::ForEachEdge(const std::function<void(const EdgeView&)>& fn) const {
  static const std::vector<std::string> kNoReasons;
  std::vector<std::string> copy_reasons(1);
  for (size_t i = 0; i < edges_.size(); ++i) {
    const Edge& e = edges_[i];
    switch (e.origin) {
      case Origin::kClaim:
        fn({i, e.from, e.to, e.kind, 1.0, &kNoReasons, result_.claims[e.index].date});
        break;
      case Origin::kLink: {
        const engine::ClaimLink& l = result_.links[e.index];
        const std::string& da = nodes_[e.from].claim->date;
        const std::string& db = nodes_[e.to].claim->date;
        fn({i, e.from, e.to, e.kind, l.score, &l.reasons, da < db ? db : da});
        break;
      }
      case Origin::kCopy: {
        const engine::CopyPair& cp = result_.copies[e.index];
        copy_reasons[0] =
            "documents " + std::to_string(cp.document_a) + " and " + std::to_string(cp.document_b);
        fn({i, e.from, e.to, e.kind, cp.score, &copy_reasons, ""});
        break;
      }
    }
  }
}

void WriteGraphMl(const GraphListing& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
         "  <key id=\"ref\" for=\"node\" attr.name=\"ref\" attr.type=\"long\"/>\n"
         "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
         "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
         "  <key id=\"score\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>\n"
         "  <key id=\"reasons\" for=\"edge\" attr.name=\"reasons\" attr.type=\"string\"/>\n"
         "  <key id=\"edate\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n"
         "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n";
  Record r(out);
  g.ForEachNode([&](size_t i, const GraphListing::NodeView& n) {
    r << "    <node id=\"n" << i << "\"><data key=\"kind\">" << graph::ToString(n.kind)
      << "</data><data key=\"label\">" << Xml{n.label} << "</data><data key=\"date\">"
      << Xml{n.date} << "</data><data key=\"ref\">" << n.ref << "</data><data key=\"key\">"
      << Xml{n.key} << "</data></node>\n";
    r.End();
  });
  g.ForEachEdge([&](const GraphListing::EdgeView& e) {
    r << "    <edge id=\"e" << e.id << "\" source=\"n" << e.from << "\" target=\"n" << e.to
      << "\"><data key=\"relation\">" << graph::ToString(e.kind) << "</data><data key=\"score\">"
      << Number{e.score} << "</data><data key=\"reasons\">" << XmlReasons{e.reasons}
      << "</data><data key=\"edate\">" << Xml{e.date} << "</data></edge>\n";
    r.End();
  });
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(const GraphListing& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n"
         "  <meta><creator>claimgraph</creator><description>claims, speakers, sources and "
         "propositions with agree / contradict / update / copy links</description></meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"1\" title=\"date\" type=\"string\"/>\n"
         "      <attribute id=\"2\" title=\"ref\" type=\"long\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"0\" title=\"relation\" type=\"string\"/>\n"
         "      <attribute id=\"1\" title=\"reasons\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  Record r(out);
  g.ForEachNode([&](size_t i, const GraphListing::NodeView& n) {
    r << "      <node id=\"n" << i << "\" label=\"" << Xml{n.label} << '"';
    if (IsIsoDate(n.date)) r << " start=\"" << n.date << '"';
    r << "><attvalues><attvalue for=\"0\" value=\"" << graph::ToString(n.kind)
      << "\"/><attvalue for=\"1\" value=\"" << Xml{n.date} << "\"/><attvalue for=\"2\" value=\""
      << n.ref << "\"/></attvalues></node>\n";
    r.End();
  });
  out << "    </nodes>\n    <edges>\n";
  g.ForEachEdge([&](const GraphListing::EdgeView& e) {
    r << "      <edge id=\"e" << e.id << "\" source=\"n" << e.from << "\" target=\"n" << e.to
      << "\" label=\"" << graph::ToString(e.kind) << "\" weight=\"" << Number{e.score} << '"';
    if (IsIsoDate(e.date)) r << " start=\"" << e.date << '"';
    r << "><attvalues><attvalue for=\"0\" value=\"" << graph::ToString(e.kind)
      << "\"/><attvalue for=\"1\" value=\"" << XmlReasons{e.reasons} << "\"/></attvalues></edge>\n";
    r.End();
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteDot(const GraphListing& g, std::ostream& out) {
  out << "digraph claimgraph {\n"
         "  graph [overlap=false, splines=true];\n"
         "  node [fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  Record r(out);
  g.ForEachNode([&](size_t i, const GraphListing::NodeView& n) {
    const char* shape = "box";
    const char* color = "black";
    switch (n.kind) {
      case NodeKind::kClaim:
        shape = "note";
        break;
      case NodeKind::kProposition:
        shape = "hexagon";
        color = "darkgreen";
        break;
      case NodeKind::kSpeaker:
        shape = "ellipse";
        color = "navy";
        break;
      case NodeKind::kSource:
        shape = "doubleoctagon";
        color = "purple";
        break;
    }
    std::string label = Truncate(n.label, 80);
    if (!n.date.empty()) {
      label += '\n';
      label += n.date;
    }
    r << "  n" << i << " [label=\"" << Dot{label} << "\", tooltip=\"" << Dot{n.label}
      << "\", shape=" << shape << ", color=" << color << ", kind=\"" << graph::ToString(n.kind)
      << "\"];\n";
    r.End();
  });
  g.ForEachEdge([&](const GraphListing::EdgeView& e) {
    const EdgeKind k = e.kind;
    const char* color = "gray50";
    const char* style = "solid";
    switch (k) {
      case EdgeKind::kAgree:
        color = "forestgreen";
        break;
      case EdgeKind::kContradict:
        color = "red";
        break;
      case EdgeKind::kUpdate:
        color = "orange";
        break;
      case EdgeKind::kCopy:
        color = "purple";
        style = "dashed";
        break;
      default:
        style = "dotted";
    }
    r << "  n" << e.from << " -> n" << e.to << " [relation=\"" << graph::ToString(k)
      << "\", color=" << color << ", style=" << style;
    if (IsLink(k)) {
      r << ", label=\"" << graph::ToString(k) << ' ' << Number{e.score} << "\", tooltip=\""
        << DotReasons{e.reasons} << '"';
      if (k == EdgeKind::kAgree || k == EdgeKind::kContradict) r << ", dir=none";
    }
    r << "];\n";
    r.End();
  });
  out << "}\n";
}

void WriteGraphMl(const graph::ClaimGraph& g, std::ostream& out) {
  WriteGraphMl(ClaimGraphListing(g), out);
}

void WriteGexf(const graph::ClaimGraph& g, std::ostream& out) {
  WriteGexf(ClaimGraphListing(g), out);
}

void WriteDot(const graph::ClaimGraph& g, std::ostream& out) {
  WriteDot(ClaimGraphListing(g), out);
}

}  // namespace claimgraph::io::report
