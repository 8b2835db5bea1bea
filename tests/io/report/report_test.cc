#include "io/report/report.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/csv_reader.h"
#include "io/report/report_data.h"
#include "tests/io/report/report_fixture.h"

namespace claimgraph::io::report {
namespace {

using nlohmann::json;
using testing::MakeFixture;

std::string Render(const engine::AnalysisResult& r, ReportFormat f) {
  std::ostringstream out;
  WriteReport(r, f, out);
  return out.str();
}

std::string Export(const engine::AnalysisResult& r, ExportFormat f) {
  std::ostringstream out;
  WriteExport(r, f, out);
  return out.str();
}

TEST_CASE("ReportData derives each source's evidence from the links", "[io][report]") {
  const engine::AnalysisResult r = MakeFixture();
  const ReportData data(r);
  CHECK(data.dangling_links() == 1);
  CHECK(data.links(engine::Relation::kContradict).size() == 1);
  CHECK(data.links(engine::Relation::kAgree).size() == 2);
  struct Row {
    const char* source;
    int claims, corroborated, contradicted, agreements, contradictions;
  };
  // Rudaw's claim 12 is agreed with only by its own syndicated copy (Kurdistan24): not
  // corroboration. Its claim 15 agrees with The Cradle's claim 11: corroboration for both.
  const Row rows[] = {
      {"The Cradle", 1, 1, 1, 1, 1},
      {"Rudaw", 2, 1, 1, 2, 1},
      {"Kurdistan24", 1, 0, 0, 1, 0},
      {"Al-Monitor", 1, 0, 0, 0, 0},
  };
  for (const Row& row : rows) {
    INFO(row.source);
    const Evidence* e = data.source(row.source);
    REQUIRE(e != nullptr);
    REQUIRE(e->score != nullptr);
    CHECK(e->claims == row.claims);
    CHECK(e->corroborated == row.corroborated);
    CHECK(e->contradicted == row.contradicted);
    CHECK(e->agreements == row.agreements);
    CHECK(e->contradictions == row.contradictions);
  }
  CHECK(data.sources().front().name == "Rudaw");  // most claims first
  REQUIRE(data.timelines().size() == 1);
  CHECK(data.timelines()[0].claims.front()->id == 13);  // 2021 first
  CHECK(data.timelines()[0].contradictions == 1);
  CHECK(data.timelines()[0].updates == 1);
}

TEST_CASE("DescribeTimeRelation orders the claims and names the gap", "[io][report]") {
  const engine::AnalysisResult r = MakeFixture();
  const TimeRelation t = DescribeTimeRelation(r.claims[0], r.claims[2]);
  CHECK(t.earlier->id == 13);
  CHECK(t.later->id == 11);
  CHECK(t.text.find("2021-12-09 → 2025-11-17 (3 years 11 months later)") == 0);
  CHECK(t.text.find("\"next year\" (2022-01-01..2022-12-31)") != std::string::npos);
}

TEST_CASE("JSON export has every contract field with the right type", "[io][report][json]") {
  const engine::AnalysisResult r = MakeFixture();
  const json j = json::parse(Export(r, ExportFormat::kJson));
  REQUIRE(j.at("documents").size() == 4);
  for (const json& d : j["documents"]) {
    CHECK(d.at("id").is_number_integer());
    CHECK(d.at("source").is_string());
    CHECK(d.at("date").is_string());
    CHECK(d.at("title").is_string());
    CHECK(d.at("url").is_string());
  }
  REQUIRE(j.at("claims").size() == 5);
  std::set<int64_t> claim_ids;
  for (const json& c : j["claims"]) {
    CHECK(c.at("id").is_number_integer());
    claim_ids.insert(c["id"].get<int64_t>());
    CHECK(c.at("document").is_number_integer());
    CHECK(c.at("source").is_string());
    CHECK((c.at("speaker").is_string() || c.at("speaker").is_null()));
    CHECK(c.at("text").is_string());
    REQUIRE(c.at("span").is_array());
    REQUIRE(c["span"].size() == 2);
    CHECK(c["span"][0].is_number_integer());
    CHECK(c["span"][1].is_number_integer());
    CHECK(c["span"][0].get<int>() < c["span"][1].get<int>());
    CHECK(c.at("date").is_string());
    CHECK((c.at("polarity") == "affirmed" || c.at("polarity") == "negated"));
    CHECK(c.at("modality").is_string());
    CHECK(c.at("proposition").is_string());
  }
  const json& c11 = j["claims"][0];
  CHECK(c11["speaker"] == "Qais al-Muhammadawi");
  CHECK(c11["span"] == json::array({120, 160}));
  CHECK(c11["text"] == r.claims[0].text);
  CHECK(j["claims"][3]["speaker"].is_null());  // Kurdistan24's own claim

  // Copy links stay out of "edges" (relation must be agree|contradict|update), and links to
  // claims that are not in the run are dropped.
  REQUIRE(j.at("edges").size() == 4);
  for (const json& e : j["edges"]) {
    CHECK(claim_ids.count(e.at("a").get<int64_t>()));
    CHECK(claim_ids.count(e.at("b").get<int64_t>()));
    const std::string rel = e.at("relation");
    CHECK((rel == "agree" || rel == "contradict" || rel == "update"));
    CHECK(e.at("score").is_number());
    REQUIRE(e.at("reasons").is_array());
    for (const json& reason : e["reasons"]) CHECK(reason.is_string());
  }
  CHECK(j["edges"][0]["relation"] == "contradict");
  CHECK(j["edges"][1]["earlier"] == 13);
  REQUIRE(j.at("claim_copies").size() == 1);

  REQUIRE(j.at("sources").size() == 4);
  for (const json& s : j["sources"]) {
    CHECK(s.at("name").is_string());
    REQUIRE(s.at("reliability").is_number());
    CHECK(s["reliability"].get<double>() >= 0);
    CHECK(s["reliability"].get<double>() <= 1);
    CHECK(s.at("claims").is_number_integer());
    CHECK(s.at("agreements").is_number_integer());
    CHECK(s.at("contradictions").is_number_integer());
    // The interval and the evidence behind the score.
    REQUIRE(s.at("interval").size() == 2);
    CHECK(s["interval"][0].get<double>() <= s["reliability"].get<double>());
    CHECK(s["reliability"].get<double>() <= s["interval"][1].get<double>());
    CHECK(s.at("evidence").get<int>() == static_cast<int>(s["reliability"].get<double>() * 10));
  }
  REQUIRE(j.at("copies").size() == 1);
  CHECK(j["copies"][0].at("a") == "Rudaw");
  CHECK(j["copies"][0].at("b") == "Kurdistan24");
  CHECK(j["copies"][0].at("score").is_number());
  CHECK(j["run"]["config"]["window"] == "year");
}

TEST_CASE("JSON report adds contradictions, updates and timelines", "[io][report][json]") {
  const json j = json::parse(Render(MakeFixture(), ReportFormat::kJson));
  // Bounded: the whole graph is the export's.
  CHECK(!j.contains("claims"));
  CHECK(!j.contains("edges"));
  CHECK(j["report"]["top"] == 50);
  CHECK(j["sources"].size() == 4);
  REQUIRE(j.at("contradictions").size() == 1);
  CHECK(j["contradictions"][0]["a"]["speaker"] == "Qais al-Muhammadawi");
  CHECK(j["contradictions"][0]["b"]["title"] == "Militia leader: the Americans never left");
  REQUIRE(j.at("updates").size() == 1);
  CHECK(j["updates"][0]["earlier"] == 13);
  CHECK(j["updates"][0]["time_relation"].get<std::string>().find("3 years 11 months") !=
        std::string::npos);
  REQUIRE(j.at("timelines").size() == 1);
  CHECK(j["timelines"][0]["claims"].size() == 5);
}

TEST_CASE("Markdown report shows both sentences of a contradiction", "[io][report][md]") {
  const engine::AnalysisResult r = MakeFixture();
  const std::string md = Render(r, ReportFormat::kMarkdown);
  const size_t contradictions = md.find("## Contradictions (1)");
  const size_t updates = md.find("## Updates (1)");
  REQUIRE(contradictions != std::string::npos);
  REQUIRE(updates != std::string::npos);
  const std::string section = md.substr(contradictions, updates - contradictions);
  CHECK_THAT(section, Catch::Contains("> " + r.claims[0].text));
  CHECK_THAT(section, Catch::Contains("> " + r.claims[1].text));
  CHECK_THAT(section, Catch::Contains("**Qais al-Muhammadawi (deputy commander, Joint Operations "
                                      "Command)**, reported by **The Cradle**, 2025-11-17"));
  CHECK_THAT(section, Catch::Contains("**Qais al-Khazali**, reported by **Rudaw**, 2025-11-18"));
  CHECK_THAT(section, Catch::Contains("characters 120–160"));
  CHECK_THAT(section, Catch::Contains("negation: 'no withdrawal'; same proposition"));
  // The 2021 forecast is an update, not a contradiction.
  CHECK_THAT(section, !Catch::Contains("2,500"));
  const std::string after = md.substr(updates);
  CHECK_THAT(after, Catch::Contains("2021-12-09 → 2025-11-17 (3 years 11 months later)"));
  CHECK_THAT(after, Catch::Contains("> About 2,500 US troops will stay in Iraq next year."));
  // The unsafe URL is not linked.
  CHECK_THAT(md, !Catch::Contains("javascript:"));
  // Claim text cannot inject markup.
  CHECK_THAT(md, Catch::Contains("\\<b\\>\"final stage\"\\</b\\>"));
  // The calibrated score with its evidence count beside it, and its 95% interval.
  CHECK_THAT(md, Catch::Contains("| Rudaw | 0.60 (n=6) | 0.50–0.70 | 2 | 1 | 1 | 2 | 1 | 0 |"));
}

TEST_CASE("Reports show narrative camps and the most contested claims", "[io][report]") {
  engine::AnalysisResult r = MakeFixture();
  // Kurdistan24 sides with Rudaw against The Cradle, whose claim 11 is now in two
  // contradictions.
  r.links.push_back({11, 14, engine::Relation::kContradict, 0.8, {"negation: 'no withdrawal'"}});
  r.source_windows.push_back({"2025", "Kurdistan24", "The Cradle", 0, 1});
  r.source_windows.push_back({"2025", "Kurdistan24", "Rudaw", 2, 0});
  const ReportData data(r);
  const graph::SourceNetwork& net = data.network();
  REQUIRE(net.sources.size() == 3);
  CHECK(net.camps == 2);
  CHECK(net.frustration == 0);  // Rudaw - The Cradle is 1 agreement, 1 contradiction: weight 0
  REQUIRE(data.contested().size() == 1);
  CHECK(data.contested()[0].claim->id == 11);
  CHECK(data.contested()[0].contradictions == 2);

  const std::string md = Render(r, ReportFormat::kMarkdown);
  CHECK_THAT(md, Catch::Contains("## Narrative camps"));
  CHECK_THAT(md, Catch::Contains("2 camps among 3 linked sources. The split is balanced"));
  CHECK_THAT(md, Catch::Contains("| 2 | The Cradle | 2 | 1 | 2 | 0.00 |"));
  CHECK_THAT(md, Catch::Contains("### K1. The Cradle — in 2 contradictions: [C1](#c1), [C2](#c2)"));
  const std::string html = Render(r, ReportFormat::kHtml);
  CHECK_THAT(html, Catch::Contains("<h2 id=\"camps\">Narrative camps</h2>"));
  CHECK_THAT(html, Catch::Contains("<a href=\"#c2\">C2</a>"));
  const json j = json::parse(Render(r, ReportFormat::kJson));
  CHECK(j["source_network"]["camps"] == 2);
  REQUIRE(j["source_network"]["sources"].size() == 3);
  REQUIRE(j["contested"].size() == 1);
  CHECK(j["contested"][0]["claim"]["id"] == 11);
  CHECK(j["contested"][0]["contradictions"] == 2);
}

TEST_CASE("HTML report escapes claim text and is self-contained", "[io][report][html]") {
  const std::string html = Render(MakeFixture(), ReportFormat::kHtml);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_THAT(html, Catch::Contains("Officials said the &lt;b&gt;&quot;final stage&quot;&lt;/b&gt; "
                                   "&amp; &#39;handover&#39; is done."));
  CHECK_THAT(html, !Catch::Contains("<b>\"final stage\"</b>"));
  CHECK_THAT(html, !Catch::Contains("'handover'"));
  CHECK_THAT(html, !Catch::Contains("javascript:"));
  // One inline script (the filter box), nothing loaded from elsewhere.
  CHECK(html.find("<script") == html.rfind("<script"));
  CHECK_THAT(html, Catch::Contains("<script>"));
  CHECK_THAT(html, !Catch::Contains("<link"));
  CHECK_THAT(html, !Catch::Contains("src="));
  CHECK_THAT(html, !Catch::Contains("http://www.w3.org/1999/xlink"));
  // Both sentences of the contradiction, with the evidence link from the table.
  CHECK_THAT(html, Catch::Contains("All coalition forces have now left federal Iraq for the "
                                   "Kurdistan Region."));
  CHECK_THAT(html, Catch::Contains("There has been no withdrawal and the Americans are still at "
                                   "Ain al-Asad."));
  CHECK_THAT(html, Catch::Contains("id=\"c1\""));
  CHECK_THAT(html, Catch::Contains("<a href=\"#c1\">C1</a>"));
  CHECK_THAT(html, Catch::Contains("<a href=\"https://example.org/cradle/1\""));
}

TEST_CASE("CSV exports read back with the project's CSV reader", "[io][report][csv]") {
  const engine::AnalysisResult r = MakeFixture();
  const std::string claims = Export(r, ExportFormat::kClaimsCsv);
  const auto rows = ParseCsv(claims, "claims.csv");
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].fields.front() == "id");
  CHECK(rows[0].fields.back() == "text");
  for (const auto& row : rows) CHECK(row.fields.size() == rows[0].fields.size());
  CHECK(rows[5].fields.back() == r.claims[4].text);
  CHECK(rows[1].fields[3] == "Qais al-Muhammadawi");
  CHECK(rows[1].fields[9] == "120");
  const auto edges = ParseCsv(Export(r, ExportFormat::kEdgesCsv), "edges.csv");
  REQUIRE(edges.size() == 1 + r.links.size());
  CHECK(edges[1].fields[2] == "contradict");
  CHECK(edges[1].fields[4] == "negation: 'no withdrawal'; same proposition");
}

TEST_CASE("WriteAllReports writes the whole set into a directory", "[io][report]") {
  const auto dir = std::filesystem::temp_directory_path() / "claimgraph_report_test_out";
  std::filesystem::remove_all(dir);
  // By default the reports and the JSON export only.
  auto paths = WriteAllReports(MakeFixture(), (dir / "sub").string());
  REQUIRE(paths.size() == 4);
  CHECK(std::filesystem::path(paths[0]).filename() == "report.md");
  CHECK(std::filesystem::path(paths[3]).filename() == "claims.json");
  CHECK(!std::filesystem::exists(dir / "sub" / "graph.graphml"));
  std::ifstream f(dir / "sub" / "claims.json");
  const json j = json::parse(f);
  CHECK(j["claims"].size() == 5);
  // The other exports when asked.
  ExtraExports extra;
  std::string bad;
  REQUIRE(ParseExportList("graphml, dot,csv", &extra, &bad));
  CHECK((extra.graphml && extra.dot && extra.csv && !extra.gexf));
  paths = WriteAllReports(MakeFixture(), (dir / "all").string(), {}, extra);
  REQUIRE(paths.size() == 9);
  for (const std::string& p : paths) {
    INFO(p);
    CHECK(std::filesystem::file_size(p) > 100);
  }
  CHECK(std::filesystem::exists(dir / "all" / "graph.dot"));
  CHECK(!std::filesystem::exists(dir / "all" / "graph.gexf"));
  CHECK(!ParseExportList("graphml,pdf", &extra, &bad));
  CHECK(bad == "pdf");
  REQUIRE(ParseExportList("all", &extra, &bad));
  CHECK((extra.graphml && extra.gexf && extra.dot && extra.csv));
  std::filesystem::remove_all(dir);
  CHECK_THROWS_WITH(WriteAllReports(MakeFixture(), "/proc/claimgraph-no-such-dir"),
                    Catch::Contains("/proc/claimgraph-no-such-dir"));
}

size_t CountOf(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

TEST_CASE("HTML report draws its charts and marks items for the filter", "[io][report][html]") {
  engine::AnalysisResult r = MakeFixture();
  r.source_windows.push_back({"2025", "Kurdistan24", "Rudaw", 2, 0});
  const std::string html = Render(r, ReportFormat::kHtml);
  // Reliability (one mark per scored source), camps, matrix and one timeline.
  CHECK(CountOf(html, "<svg ") == 5);
  CHECK(CountOf(html, "class=\"mark reliability\"") == 4);
  CHECK(CountOf(html, "class=\"mark node\"") == 3);
  CHECK(CountOf(html, "class=\"mark link contradict\"") == 1);
  CHECK(CountOf(html, "class=\"mark link update\"") == 1);
  CHECK_THAT(html, Catch::Contains("<div id=\"filters\" hidden>"));
  CHECK_THAT(html, Catch::Contains("<option>The Cradle</option>"));
  // The contradiction is filterable by both its sources and speakers.
  CHECK_THAT(html, Catch::Contains("<section class=\"fi pair contradict\" id=\"c1\" "
                                   "data-source=\"The Cradle|Rudaw\" data-speaker=\"Qais "
                                   "al-Muhammadawi|Qais al-Khazali\">"));
  CHECK_THAT(html, Catch::Contains("<table class=\"sortable\">"));
}

TEST_CASE("Reports keep the top N of each list", "[io][report]") {
  engine::AnalysisResult r = MakeFixture();
  // Many more contradictions than the cap.
  for (int i = 0; i < 30; ++i)
    r.links.push_back({11, 12, engine::Relation::kContradict, 0.5, {"negation"}});
  ReportOptions options;
  options.max_items = 5;
  std::ostringstream html, md, js;
  WriteReport(r, ReportFormat::kHtml, html, options);
  WriteReport(r, ReportFormat::kMarkdown, md, options);
  WriteReport(r, ReportFormat::kJson, js, options);
  CHECK(CountOf(html.str(), "<section class=\"fi pair contradict\"") == 5);
  CHECK_THAT(html.str(), Catch::Contains("26 more contradictions not shown"));
  CHECK(CountOf(md.str(), "### C") == 5);
  CHECK(json::parse(js.str())["contradictions"].size() == 5);
}

}  // namespace
}  // namespace claimgraph::io::report
