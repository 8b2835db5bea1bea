#include "io/report/compare_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "io/report/report.h"
#include "tests/io/report/report_fixture.h"

namespace claimgraph::io::report {
namespace {

using nlohmann::json;

TEST_CASE("Compare finds the contradiction and agreement between two sources",
          "[io][report][compare]") {
  const engine::AnalysisResult r = testing::MakeFixture();
  const ReportData data(r);
  const Comparison c = Compare(data, {"The Cradle", "rudaw"});  // case-insensitive match
  CHECK(c.sources == std::vector<std::string>{"The Cradle", "Rudaw"});
  CHECK(c.claims.at("Rudaw") == 2);
  REQUIRE(c.contradictions.size() == 1);
  CHECK(c.contradictions[0]->a == 11);
  CHECK(c.contradictions[0]->b == 12);
  CHECK(c.agreements.size() == 1);
  CHECK(c.updates.empty());
  CHECK(c.alone.empty());  // every claim is linked across
  REQUIRE(c.over_time.size() == 1);
  CHECK(c.over_time[0].window == "2025");
  CHECK(c.over_time[0].a == "Rudaw");
  CHECK(c.over_time[0].contradictions == 1);
  CHECK(c.over_time[0].agreements == 1);
  REQUIRE(c.shared.size() == 1);
  CHECK(c.shared[0].claims.size() == 3);  // 11, 12, 15

  // Rudaw's own claims the 2021 source never answers are its alone; the forecast is an update.
  const Comparison d = Compare(data, {"Rudaw", "Al-Monitor"});
  CHECK(d.contradictions.empty());
  CHECK(d.updates.empty());
  const Comparison e = Compare(data, {"Al-Monitor", "The Cradle", "Kurdistan24"});
  REQUIRE(e.updates.size() == 1);
  CHECK(e.contradictions.empty());
}

TEST_CASE("Compare rejects unknown sources and single sources", "[io][report][compare]") {
  const engine::AnalysisResult r = testing::MakeFixture();
  const ReportData data(r);
  CHECK_THROWS_WITH(Compare(data, {"Rudaw", "Nowhere News"}),
                    Catch::Contains("unknown source 'Nowhere News'") &&
                        Catch::Contains("Al-Monitor, Kurdistan24, Rudaw, The Cradle"));
  CHECK_THROWS_WITH(Compare(data, {"Rudaw", "RUDAW"}), Catch::Contains("two or more"));
}

TEST_CASE("Comparison renders the contradiction in every format", "[io][report][compare]") {
  const engine::AnalysisResult r = testing::MakeFixture();
  const std::vector<std::string> sources = {"The Cradle", "Rudaw"};
  std::ostringstream md, html, js;
  WriteComparison(r, sources, ReportFormat::kMarkdown, md);
  WriteComparison(r, sources, ReportFormat::kHtml, html);
  WriteComparison(r, sources, ReportFormat::kJson, js);
  CHECK_THAT(md.str(), Catch::Contains("## Where they contradict each other (1)"));
  CHECK_THAT(md.str(), Catch::Contains("> " + r.claims[0].text));
  CHECK_THAT(md.str(), Catch::Contains("> " + r.claims[1].text));
  CHECK_THAT(html.str(), Catch::Contains("Where they contradict each other (1)"));
  CHECK_THAT(html.str(), Catch::Contains("&lt;b&gt;&quot;final stage&quot;"));
  const json j = json::parse(js.str());
  REQUIRE(j["contradictions"].size() == 1);
  CHECK(j["contradictions"][0]["a"]["text"] == r.claims[0].text);
  CHECK(j["contradictions"][0]["b"]["speaker"] == "Qais al-Khazali");
  CHECK(j["counts"]["agreements"] == 1);
}

}  // namespace
}  // namespace claimgraph::io::report
