#include "graph/claim_graph.h"

#include <catch2/catch.hpp>

#include "graph/narrative_camps.h"
#include "graph/source_windows.h"

using namespace claimgraph::graph;

namespace {

// Adds a claim published by `source` on `date` and returns its node.
NodeId AddClaim(ClaimGraph& g, int id, const std::string& source, const std::string& date) {
  const NodeId c = g.AddNode({NodeKind::kClaim, id, std::to_string(id), "claim", date});
  const NodeId s = g.AddNode({NodeKind::kSource, 0, source, source, ""});
  g.AddEdge(c, s, {EdgeKind::kPublishedBy, 1, {}, ""});
  return c;
}

}  // namespace

TEST_CASE("ClaimGraph deduplicates nodes by kind and key", "[graph]") {
  ClaimGraph g;
  const NodeId a = g.AddNode({NodeKind::kSource, 0, "Atalayar", "Atalayar", ""});
  const NodeId b = g.AddNode({NodeKind::kSource, 0, "Atalayar", "again", ""});
  const NodeId c = g.AddNode({NodeKind::kSpeaker, 0, "Atalayar", "speaker", ""});
  CHECK(a == b);
  CHECK(a != c);
  CHECK(g.num_nodes() == 2);
  CHECK(g.Find(NodeKind::kSpeaker, "Atalayar") == c);
  CHECK(g.Find(NodeKind::kClaim, "Atalayar") == ClaimGraph::npos);
  CHECK_THROWS_AS(g.AddEdge(a, 7, {}), std::invalid_argument);
}

TEST_CASE("Source pairs are counted per window, updates and same-source edges ignored", "[graph]") {
  ClaimGraph g;
  const NodeId c1 = AddClaim(g, 1, "Cradle", "2025-11-17");
  const NodeId c2 = AddClaim(g, 2, "Atalayar", "2025-11-20");
  const NodeId c3 = AddClaim(g, 3, "Atalayar", "2021-12-11");
  const NodeId c4 = AddClaim(g, 4, "Cradle", "2025-11-18");
  g.AddEdge(c1, c2, {EdgeKind::kContradict, 0.9, {"negation"}, "2025-11-20"});
  g.AddEdge(c4, c2, {EdgeKind::kAgree, 0.8, {}, "2025-11-20"});
  g.AddEdge(c1, c3, {EdgeKind::kUpdate, 0.8, {}, "2025-11-17"});
  g.AddEdge(c1, c4, {EdgeKind::kAgree, 0.8, {}, "2025-11-18"});       // same source
  g.AddEdge(c2, c3, {EdgeKind::kContradict, 0.8, {}, "2025-11-20"});  // same source

  const auto years = CountSourcePairs(g, WindowSize::kYear);
  REQUIRE(years.size() == 1);
  CHECK(years[0].window == "2025");
  CHECK(years[0].source_a == "Atalayar");
  CHECK(years[0].source_b == "Cradle");
  CHECK(years[0].agreements == 1);
  CHECK(years[0].contradictions == 1);
  CHECK(CountSourcePairs(g, WindowSize::kMonth)[0].window == "2025-11");
}

TEST_CASE("Narrative camps reach the minimum frustration on small signed graphs", "[graph]") {
  auto pair = [](const char* a, const char* b, int agree, int contra) {
    return SourcePairCount{"2025", a, b, agree, contra};
  };
  // Balanced: A and B agree, both contradict C and D, C and D agree.
  const std::vector<SourcePairCount> balanced = {pair("A", "B", 3, 0), pair("A", "C", 0, 2),
                                                 pair("B", "D", 0, 1), pair("C", "D", 2, 0),
                                                 pair("B", "C", 0, 1)};
  auto r = FindNarrativeCamps(balanced);
  CHECK(r.frustration == 0);
  CHECK(r.camp["A"] == r.camp["B"]);
  CHECK(r.camp["C"] == r.camp["D"]);
  CHECK(r.camp["A"] != r.camp["C"]);

  // Verifier: brute force over every 2-partition of an unbalanced graph.
  const std::vector<SourcePairCount> frustrated = {
      pair("A", "B", 0, 2), pair("B", "C", 0, 2), pair("A", "C", 0, 1), pair("C", "D", 3, 0),
      pair("A", "D", 1, 0), pair("B", "E", 2, 0), pair("D", "E", 0, 1)};
  const std::vector<std::string> names = {"A", "B", "C", "D", "E"};
  double best = 1e9;
  for (int mask = 0; mask < 32; ++mask) {
    std::map<std::string, int> camp;
    for (int i = 0; i < 5; ++i) camp[names[i]] = (mask >> i) & 1;
    best = std::min(best, Frustration(frustrated, camp));
  }
  r = FindNarrativeCamps(frustrated);
  CHECK(r.frustration == Approx(best));
  CHECK(best > 0);
}
