#include "io/report/graph_export.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "io/report/escape.h"

namespace claimgraph::io::report {
namespace {

using graph::EdgeKind;
using graph::NodeKind;

std::string Reasons(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& r : reasons) {
    if (!out.empty()) out += "; ";
    out += r;
  }
  return out;
}

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

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

}  // namespace

void WriteGraphMl(const graph::ClaimGraph& g, std::ostream& out) {
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
  for (graph::NodeId i = 0; i < g.num_nodes(); ++i) {
    const graph::Node& n = g.node(i);
    out << "    <node id=\"n" << i << "\"><data key=\"kind\">" << graph::ToString(n.kind)
        << "</data><data key=\"label\">" << XmlEscape(n.label) << "</data><data key=\"date\">"
        << XmlEscape(n.date) << "</data><data key=\"ref\">" << n.ref << "</data><data key=\"key\">"
        << XmlEscape(n.key) << "</data></node>\n";
  }
  for (const graph::EdgeRef& e : g.Edges()) {
    out << "    <edge id=\"e" << e.id << "\" source=\"n" << e.from << "\" target=\"n" << e.to
        << "\"><data key=\"relation\">" << graph::ToString(e.edge->kind)
        << "</data><data key=\"score\">" << Number(e.edge->score) << "</data><data key=\"reasons\">"
        << XmlEscape(Reasons(e.edge->reasons)) << "</data><data key=\"edate\">"
        << XmlEscape(e.edge->date) << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(const graph::ClaimGraph& g, std::ostream& out) {
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
  for (graph::NodeId i = 0; i < g.num_nodes(); ++i) {
    const graph::Node& n = g.node(i);
    out << "      <node id=\"n" << i << "\" label=\"" << XmlEscape(n.label) << '"';
    if (IsIsoDate(n.date)) out << " start=\"" << n.date << '"';
    out << "><attvalues><attvalue for=\"0\" value=\"" << graph::ToString(n.kind)
        << "\"/><attvalue for=\"1\" value=\"" << XmlEscape(n.date)
        << "\"/><attvalue for=\"2\" value=\"" << n.ref << "\"/></attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (const graph::EdgeRef& e : g.Edges()) {
    out << "      <edge id=\"e" << e.id << "\" source=\"n" << e.from << "\" target=\"n" << e.to
        << "\" label=\"" << graph::ToString(e.edge->kind) << "\" weight=\"" << Number(e.edge->score)
        << '"';
    if (IsIsoDate(e.edge->date)) out << " start=\"" << e.edge->date << '"';
    out << "><attvalues><attvalue for=\"0\" value=\"" << graph::ToString(e.edge->kind)
        << "\"/><attvalue for=\"1\" value=\"" << XmlEscape(Reasons(e.edge->reasons))
        << "\"/></attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteDot(const graph::ClaimGraph& g, std::ostream& out) {
  out << "digraph claimgraph {\n"
         "  graph [overlap=false, splines=true];\n"
         "  node [fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  for (graph::NodeId i = 0; i < g.num_nodes(); ++i) {
    const graph::Node& n = g.node(i);
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
    if (!n.date.empty()) label += "\n" + n.date;
    out << "  n" << i << " [label=\"" << DotEscape(label) << "\", tooltip=\"" << DotEscape(n.label)
        << "\", shape=" << shape << ", color=" << color << ", kind=\"" << graph::ToString(n.kind)
        << "\"];\n";
  }
  for (const graph::EdgeRef& e : g.Edges()) {
    const EdgeKind k = e.edge->kind;
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
    out << "  n" << e.from << " -> n" << e.to << " [relation=\"" << graph::ToString(k)
        << "\", color=" << color << ", style=" << style;
    if (IsLink(k)) {
      out << ", label=\"" << graph::ToString(k) << ' ' << Number(e.edge->score) << "\", tooltip=\""
          << DotEscape(Reasons(e.edge->reasons)) << '"';
      if (k == EdgeKind::kAgree || k == EdgeKind::kContradict) out << ", dir=none";
    }
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace claimgraph::io::report
