#include "io/report/graph_export.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "engine/claim_graph_builder.h"
#include "tests/io/report/report_fixture.h"
#include "tests/io/report/xml_check.h"

namespace claimgraph::io::report {
namespace {

struct V {
  std::string kind, label, date, key;
  long ref = 0;
};
struct E {
  std::string relation, reasons, date;
  double score = 0;
};
using ParsedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, V, E>;

TEST_CASE("GraphML export is well-formed and reads back with boost::read_graphml",
          "[io][report][graphml]") {
  const engine::AnalysisResult r = testing::MakeFixture();
  const graph::ClaimGraph g = engine::BuildClaimGraph(r);
  std::ostringstream out;
  WriteGraphMl(g, out);
  const std::string xml = out.str();
  CHECK(testing::CheckXml(xml) == "");
  CHECK_THAT(xml, Catch::Contains("<key id=\"score\" for=\"edge\" attr.name=\"score\" "
                                  "attr.type=\"double\"/>"));
  // Claim text with markup arrives escaped.
  CHECK_THAT(xml, Catch::Contains("&lt;b&gt;&quot;final stage&quot;&lt;/b&gt; &amp;"));

  ParsedGraph parsed;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("kind", boost::get(&V::kind, parsed));
  dp.property("label", boost::get(&V::label, parsed));
  dp.property("date", boost::get(&V::date, parsed));
  dp.property("key", boost::get(&V::key, parsed));
  dp.property("ref", boost::get(&V::ref, parsed));
  dp.property("relation", boost::get(&E::relation, parsed));
  dp.property("reasons", boost::get(&E::reasons, parsed));
  dp.property("score", boost::get(&E::score, parsed));
  std::istringstream in(xml);
  boost::read_graphml(in, parsed, dp);
  REQUIRE(boost::num_vertices(parsed) == g.num_nodes());
  REQUIRE(boost::num_edges(parsed) == g.num_edges());

  std::map<std::string, int> kinds;
  for (auto [it, end] = boost::vertices(parsed); it != end; ++it) ++kinds[parsed[*it].kind];
  CHECK(kinds["claim"] == 5);
  CHECK(kinds["source"] == 4);
  CHECK(kinds["speaker"] == 3);
  CHECK(kinds["proposition"] == 1);
  bool found = false;
  for (auto [it, end] = boost::edges(parsed); it != end; ++it) {
    const E& e = parsed[*it];
    if (e.relation != "contradict") continue;
    found = true;
    CHECK(e.score == Approx(0.91));
    CHECK(e.reasons == "negation: 'no withdrawal'; same proposition");
    CHECK(parsed[boost::source(*it, parsed)].ref == 11);
    CHECK(parsed[boost::target(*it, parsed)].label == r.claims[1].text);
  }
  CHECK(found);
}

TEST_CASE("GEXF export is well-formed GEXF 1.3 with dynamic claim dates", "[io][report][gexf]") {
  const graph::ClaimGraph g = engine::BuildClaimGraph(testing::MakeFixture());
  std::ostringstream out;
  WriteGexf(g, out);
  const std::string xml = out.str();
  CHECK(testing::CheckXml(xml) == "");
  CHECK_THAT(xml, Catch::Contains("<gexf xmlns=\"http://gexf.net/1.3\""));
  CHECK_THAT(xml, Catch::Contains("version=\"1.3\""));
  CHECK_THAT(xml, Catch::Contains("mode=\"dynamic\""));
  CHECK_THAT(xml, Catch::Contains("timeformat=\"date\""));
  const graph::NodeId n = g.Find(graph::NodeKind::kClaim, "13");
  CHECK_THAT(xml, Catch::Contains("<node id=\"n" + std::to_string(n) +
                                  "\" label=\"About 2,500 US "
                                  "troops will stay in Iraq next year.\" start=\"2021-12-09\">"));
  // Sources have no start: they exist throughout.
  const graph::NodeId s = g.Find(graph::NodeKind::kSource, "Rudaw");
  CHECK_THAT(xml, Catch::Contains("<node id=\"n" + std::to_string(s) + "\" label=\"Rudaw\">"));
  CHECK_THAT(xml, Catch::Contains("label=\"contradict\" weight=\"0.91\" start=\"2025-11-18\""));
}

TEST_CASE("DOT export escapes labels and colours relations", "[io][report][dot]") {
  const graph::ClaimGraph g = engine::BuildClaimGraph(testing::MakeFixture());
  std::ostringstream out;
  WriteDot(g, out);
  const std::string dot = out.str();
  CHECK(dot.rfind("digraph claimgraph {", 0) == 0);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
  CHECK_THAT(dot, Catch::Contains("<b>\\\"final stage\\\"</b>"));
  CHECK_THAT(dot, Catch::Contains("[relation=\"contradict\", color=red"));
  // Quotes balance on every line: no label can break out of its string.
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    size_t quotes = 0;
    for (size_t i = 0; i < line.size(); ++i)
      if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) ++quotes;
    INFO(line);
    CHECK(quotes % 2 == 0);
  }
}

}  // namespace
}  // namespace claimgraph::io::report
