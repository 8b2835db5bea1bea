#include "engine/claim_graph_builder.h"

#include <catch2/catch.hpp>
#include <map>

#include "tests/io/report/report_fixture.h"

namespace claimgraph::engine {
namespace {

TEST_CASE("BuildClaimGraph makes claim, proposition, speaker and source nodes and their edges",
          "[engine][graph_builder]") {
  const AnalysisResult r = io::report::testing::MakeFixture();
  const graph::ClaimGraph g = BuildClaimGraph(r);
  CHECK(g.NodesOfKind(graph::NodeKind::kClaim).size() == 5);
  CHECK(g.NodesOfKind(graph::NodeKind::kSource).size() == 4);
  CHECK(g.NodesOfKind(graph::NodeKind::kSpeaker).size() == 3);  // outlet claims have none
  CHECK(g.NodesOfKind(graph::NodeKind::kProposition).size() == 1);

  std::map<graph::EdgeKind, int> kinds;
  for (const graph::EdgeRef& e : g.Edges()) ++kinds[e.edge->kind];
  CHECK(kinds[graph::EdgeKind::kPublishedBy] == 5);
  CHECK(kinds[graph::EdgeKind::kSaidBy] == 3);
  // Claim.proposition and Proposition::claims name the same pairs: one edge each.
  CHECK(kinds[graph::EdgeKind::kStates] == 5);
  CHECK(kinds[graph::EdgeKind::kContradict] == 1);
  CHECK(kinds[graph::EdgeKind::kUpdate] == 1);
  CHECK(kinds[graph::EdgeKind::kAgree] == 2);     // the dangling link is skipped
  CHECK(kinds[graph::EdgeKind::kCopy] == 1 + 1);  // claim copy + source-level copy
  CHECK(g.num_edges() == 19);

  const graph::NodeId c13 = g.Find(graph::NodeKind::kClaim, "13");
  const graph::NodeId c11 = g.Find(graph::NodeKind::kClaim, "11");
  REQUIRE(c13 != graph::ClaimGraph::npos);
  CHECK(g.node(c13).ref == 13);
  CHECK(g.node(c13).date == "2021-12-09");
  for (const graph::EdgeRef& e : g.Edges()) {
    if (e.edge->kind == graph::EdgeKind::kUpdate) {
      CHECK(e.from == c13);  // earlier -> later
      CHECK(e.to == c11);
      CHECK(e.edge->date == "2025-11-17");
      CHECK(e.edge->reasons == std::vector<std::string>{"date: 2021 vs 2025"});
    }
    if (e.edge->kind == graph::EdgeKind::kSaidBy && e.from == c11)
      CHECK(g.node(e.to).label ==
            "Qais al-Muhammadawi (deputy commander, Joint Operations Command)");
  }
  const graph::NodeId k24 = g.Find(graph::NodeKind::kSource, "Kurdistan24");
  bool source_copy = false;
  for (const graph::EdgeRef& e : g.IncidentEdges(k24))
    if (e.edge->kind == graph::EdgeKind::kCopy) source_copy = g.node(e.from).key == "Rudaw";
  CHECK(source_copy);
}

TEST_CASE("BuildClaimGraph of an empty run is empty", "[engine][graph_builder]") {
  const graph::ClaimGraph g = BuildClaimGraph(AnalysisResult{});
  CHECK(g.num_nodes() == 0);
  CHECK(g.num_edges() == 0);
}

}  // namespace
}  // namespace claimgraph::engine
