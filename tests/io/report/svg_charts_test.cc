#include "io/report/svg_charts.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/io/report/xml_check.h"

namespace claimgraph::io::report::svg {
namespace {

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

const char* kHostile = "<script>alert('x')</script> & \"q\"\x01";

void CheckSafe(const std::string& svg) {
  INFO(svg);
  CHECK(testing::CheckXml(svg) == "");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.size() >= 6);
  CHECK(svg.substr(svg.size() - 6) == "</svg>");
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find('\x01') == std::string::npos);
  CHECK(svg.find("http://", 50) == std::string::npos);  // only the namespace names a URL
}

TEST_CASE("ParseDay reads the date forms claims carry", "[io][report][svg]") {
  struct Case {
    const char* date;
    std::optional<long> day;
  } cases[] = {
      {"1970-01-01", 0},     {"1970-01-02", 1},  {"1969-12-31", -1}, {"2000-03-01", 11017},
      {"2024-02-29", 19782}, {"2023-02-29", {}}, {"2021-13-01", {}}, {"2021", 18628},
      {"2021-12", 18962},    {"", {}},           {"21-12-09", {}},   {"2021-12-9", {}},
      {"2021/12/09", {}},
  };
  for (const Case& c : cases) {
    INFO(c.date);
    CHECK(ParseDay(c.date) == c.day);
  }
}

TEST_CASE("ReliabilityChart draws one mark per row with its interval", "[io][report][svg]") {
  const std::string svg = ReliabilityChart({{"Tigris Ledger", 0.8, 0.7, 0.9, 12},
                                            {kHostile, 1.4, 0.9, -0.2, 1},
                                            {"C", 0.5, 0.5, 0.5, 0}},
                                           {"Reliability", 600});
  CheckSafe(svg);
  CHECK(Count(svg, "class=\"mark reliability\"") == 3);
  CHECK(svg.find("aria-label=\"Reliability\"") != std::string::npos);
  CHECK(svg.find("Tigris Ledger: 0.80 (0.70–0.90), 12 claims") != std::string::npos);
  // Out-of-range values are clamped and the interval put in order.
  CHECK(svg.find(": 1.00 (0.00–0.90), 1 claim<") != std::string::npos);
  CHECK(svg.find("&lt;script&gt;") != std::string::npos);
  CHECK(svg.find("n=12") != std::string::npos);
  // Same values, same bytes.
  CHECK(svg == ReliabilityChart({{"Tigris Ledger", 0.8, 0.7, 0.9, 12},
                                 {kHostile, 1.4, 0.9, -0.2, 1},
                                 {"C", 0.5, 0.5, 0.5, 0}},
                                {"Reliability", 600}));
}

TEST_CASE("WindowReliabilityChart draws a point per known value", "[io][report][svg]") {
  const std::string svg = WindowReliabilityChart(
      {"2021", "2022", "2023"},
      {{"A", {0.9, std::nullopt, 0.7}}, {kHostile, {0.2, 0.3, 0.4}}, {"short", {0.5}}});
  CheckSafe(svg);
  CHECK(Count(svg, "class=\"mark point\"") == 6);
  // A's missing 2022 breaks its line into two moves.
  const size_t a = svg.find("<path d=\"M");
  REQUIRE(a != std::string::npos);
  const std::string path = svg.substr(a, svg.find('"', a + 9) - a);
  CHECK(Count(path, "M") == 2);
  CHECK(svg.find("A, 2023: 0.70") != std::string::npos);
}

TEST_CASE("TimelineChart places claims, links and deadlines", "[io][report][svg]") {
  const std::vector<TimelinePoint> points = {
      {"2021-12-09", "Tigris Ledger", "troops leave by December", false, false, ""},
      {"2021-12-11", "Euphrates Post", "troops do not leave", true, false, ""},
      {"2022-03-01", "Tigris Ledger", "withdrawal by September 2026", false, true, "2026-09-30"},
      {"", "Undated Daily", "no date", false, false, ""},
      {"2022-04-01", kHostile, kHostile, false, false, ""},
  };
  const std::vector<TimelineLink> links = {
      {0, 1, LinkKind::kContradict}, {0, 2, LinkKind::kUpdate},
      {1, 4, LinkKind::kAgree},      {0, 3, LinkKind::kAgree},  // to the undated claim: skipped
      {0, 99, LinkKind::kAgree},                                // out of range: skipped
  };
  const std::string svg = TimelineChart(points, links, {"Timeline", 700});
  CheckSafe(svg);
  CHECK(Count(svg, "class=\"mark point affirmed\"") == 2);
  CHECK(Count(svg, "class=\"mark point negated\"") == 1);
  CHECK(Count(svg, "class=\"mark point forecast\"") == 1);
  CHECK(Count(svg, "class=\"mark link contradict\"") == 1);
  CHECK(Count(svg, "class=\"mark link update\"") == 1);
  CHECK(Count(svg, "class=\"mark link agree\"") == 1);
  CHECK(Count(svg, "class=\"mark deadline\"") == 1);
  CHECK(svg.find("1 undated claim not plotted") != std::string::npos);
  // Lanes in order of first appearance; the undated claim's source gets none.
  CHECK(svg.find("Tigris Ledger</text>") < svg.find("Euphrates Post</text>"));
  CHECK(svg.find("Undated Daily</text>") == std::string::npos);
  // The axis spans the deadline: its last tick is the deadline's day.
  CHECK(svg.find(">2026-09-30</text>") != std::string::npos);
}

TEST_CASE("SourceMatrixChart fills both halves of each linked pair", "[io][report][svg]") {
  const std::string svg = SourceMatrixChart(
      {"A", "B", kHostile},
      {{0, 1, 3, 0}, {1, 0, 1, 0}, {1, 2, 0, 5}, {2, 2, 1, 1}, {0, 7, 1, 1}, {0, 2, 0, 0}});
  CheckSafe(svg);
  // A-B (summed from both orders) and B-C twice each, C-C once; the empty and the
  // out-of-range pair draw nothing.
  CHECK(Count(svg, "class=\"mark cell\"") == 5);
  CHECK(svg.find("A – B: 4 agreements, 0 contradictions") != std::string::npos);
  CHECK(svg.find("fill=\"#2a9d3a\"") != std::string::npos);  // all agreements: green
  CHECK(svg.find("fill=\"#d62728\"") != std::string::npos);  // all contradictions: red
}

TEST_CASE("CampGraphChart draws every source and the edges between them", "[io][report][svg]") {
  const std::string svg = CampGraphChart({{"A", 0, 10}, {"B", 0, 5}, {"C", 1, 1}, {kHostile, 1, 0}},
                                         {{0, 1, 4, 0}, {1, 2, 0, 3}, {2, 3, 2, 1}, {3, 3, 1, 0}});
  CheckSafe(svg);
  CHECK(Count(svg, "class=\"mark node\"") == 4);
  CHECK(Count(svg, "class=\"mark edge agree\"") == 2);
  CHECK(Count(svg, "class=\"mark edge contradict\"") == 1);
  CHECK(svg.find(">Camp 1</text>") != std::string::npos);
  CHECK(svg.find(">Camp 2</text>") != std::string::npos);
  CHECK(CampGraphChart({}, {}).find("</svg>") != std::string::npos);
}

}  // namespace
}  // namespace claimgraph::io::report::svg
