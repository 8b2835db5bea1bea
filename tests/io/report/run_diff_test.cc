#include "io/report/run_diff.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/io/report/report_fixture.h"

namespace claimgraph::io::report {
namespace {

using testing::MakeFixture;

TEST_CASE("DiffRuns finds claims, links and sources that changed", "[io][report][diff]") {
  engine::AnalysisResult a = MakeFixture();
  a.run_id = 1;
  engine::AnalysisResult b = MakeFixture();
  b.run_id = 2;
  // Run B numbers its claims differently: the matching is by document and span.
  for (engine::Claim& c : b.claims) c.id += 100;
  for (engine::ClaimLink& l : b.links) {
    l.a += 100;
    l.b += 100;
  }
  // Claim 15 (Rudaw) is gone, with its agreement; a new claim arrives with a contradiction.
  b.claims.erase(b.claims.begin() + 4);
  b.claims.push_back(b.claims[0]);
  b.claims.back().id = 200;
  b.claims.back().char_begin = b.claims.back().byte_begin = 500;
  b.claims.back().byte_end = 540;
  b.claims.back().text = "A new sentence.";
  b.links.push_back({200, 112, engine::Relation::kContradict, 0.99, {"new"}});
  // The same pair under another relation: one link gone, one added.
  for (engine::ClaimLink& l : b.links)
    if (l.a == 113 && l.b == 111) l.relation = engine::Relation::kContradict;
  b.sources[1].reliability = 0.4;  // Rudaw 0.6 -> 0.4
  b.sources[1].claims = 1;
  b.sources[0].reliability = 0.805;  // The Cradle: below the threshold
  b.sources.pop_back();              // Kurdistan24 no longer scored

  const RunDiff d = DiffRuns(a, b);
  CHECK(d.claims_kept == 4);
  REQUIRE(d.claims_added.size() == 1);
  CHECK(d.claims_added[0]->text == "A new sentence.");
  REQUIRE(d.claims_gone.size() == 1);
  CHECK(d.claims_gone[0]->id == 15);
  // Gone: the agreement of 15 and the update 13-11; added: the new contradiction (score 0.99
  // first) and 13-11 as a contradiction. The dangling link is in neither run's index.
  REQUIRE(d.links_added.size() == 2);
  CHECK(d.links_added[0].link->score == 0.99);
  CHECK(d.links_added[1].link->relation == engine::Relation::kContradict);
  REQUIRE(d.links_gone.size() == 2);
  CHECK(d.links_kept == 3);
  REQUIRE(d.sources.size() == 2);
  CHECK(d.sources[0].name == "Rudaw");
  CHECK(d.sources[0].change == Approx(-0.2));
  CHECK(d.sources[1].name == "Kurdistan24");
  CHECK(d.sources[1].after == nullptr);
  CHECK(d.documents_added == 0);

  std::ostringstream md;
  WriteDiffMarkdown(d, md);
  CHECK_THAT(md.str(), Catch::Contains("# Changes from run 1 to run 2"));
  CHECK_THAT(md.str(), Catch::Contains("Claims: 1 added, 1 gone, 4 in both. Links: 2 added, 2 "
                                       "gone, 3 in both."));
  CHECK_THAT(md.str(), Catch::Contains("| Rudaw | 0.60 ±0.10 | 0.40 ±0.10 | -0.20 | 0 → 1 |"));
  CHECK_THAT(md.str(), Catch::Contains("| Kurdistan24 | 0.50 ±0.30 | – | dropped |"));
  CHECK_THAT(md.str(), Catch::Contains("> A new sentence."));
  // Claim text is escaped in Markdown.
  CHECK_THAT(md.str(), !Catch::Contains("<b>"));

  std::ostringstream js;
  DiffOptions capped;
  capped.max_items = 1;
  WriteDiffJson(d, js, capped);
  const nlohmann::json j = nlohmann::json::parse(js.str());
  CHECK(j["a"]["id"] == 1);
  CHECK(j["links"]["added"] == 2);
  CHECK(j["links"]["added_list"].size() == 1);
  CHECK(j["links"]["added_list"][0]["relation"] == "contradict");
  CHECK(j["sources"].size() == 1);
  CHECK(j["sources"][0]["change"].get<double>() == Approx(-0.2));
}

TEST_CASE("DiffRuns of a run with itself finds nothing", "[io][report][diff]") {
  const engine::AnalysisResult a = MakeFixture();
  const RunDiff d = DiffRuns(a, a);
  CHECK(d.claims_added.empty());
  CHECK(d.claims_gone.empty());
  CHECK(d.links_added.empty());
  CHECK(d.links_gone.empty());
  CHECK(d.sources.empty());
  CHECK(d.claims_kept == a.claims.size());
}

}  // namespace
}  // namespace claimgraph::io::report
