// The reliability check's reproducers through the real binary (issue 13): a hostile file among
// good ones loses only itself, the run ends with a summary of what was skipped by reason,
// --strict turns any skip into exit 1, and nothing raw reaches the terminal or a spreadsheet.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_support.h"

namespace {

using claimgraph::testing::RunClaimgraph;
using claimgraph::testing::TempDir;

const char kGood[] =
    "---\nsource: Harbor Post\ndate: 2025-01-02\ntitle: Bridge closed\n---\n"
    "The mayor said the bridge is closed until March.\n";

std::string Q(const std::string& s) { return "'" + s + "'"; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// True if `s` holds no control character other than LF and tab.
bool TerminalClean(const std::string& s) {
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("ingest survives deep nesting and out-of-range numbers beside good files",
          "[io][harden][cli]") {
  TempDir dir("harden_cli");
  const std::string good = dir.Write("good.txt", kGood);
  const std::string deep = dir.Write("n.json", std::string(100000, '[') + std::string(100000, ']'));
  const std::string big = dir.Write("big.jsonl", "{\"maintext\":\"x\",\"x\":1e999}\n");
  const std::string db = dir / "x.db";
  auto r = RunClaimgraph("ingest " + Q(deep) + " " + Q(big) + " " + Q(good) + " --db " + Q(db));
  INFO(r.text);
  CHECK(r.status == 0);
  CHECK(r.text.find("n.json:1: error: malformed JSON: nesting deeper than 64 levels") !=
        std::string::npos);
  CHECK(r.text.find("big.jsonl:1: error: malformed JSON: number overflow") != std::string::npos);
  CHECK(r.text.find("added 1") != std::string::npos);
  CHECK(r.text.find("skipped 2 inputs: JSON nesting too deep 1, JSON number out of range 1") !=
        std::string::npos);

  // --strict: the same inputs fail the command (and the good file is stored, as documented).
  auto s = RunClaimgraph("ingest " + Q(deep) + " " + Q(good) + " --strict --db " + Q(dir / "y.db"));
  CHECK(s.status == 1);
  CHECK(s.text.find("--strict") != std::string::npos);
}

TEST_CASE("run ends with the skip summary and --strict fails on any skip", "[io][harden][cli]") {
  TempDir dir("harden_run");
  dir.Write("corpus/good.txt", kGood);
  dir.Write("corpus/empty.json", "");
  dir.Write("corpus/nul.txt", std::string(300, '\0'));
  const std::string corpus = dir / "corpus";
  auto r = RunClaimgraph("run " + Q(corpus) + " --out " + Q(dir / "out"));
  INFO(r.text);
  CHECK(r.status == 0);
  const size_t summary = r.text.rfind("skipped 2 inputs:");
  CHECK(summary != std::string::npos);
  CHECK(r.text.find("binary file 1", summary) != std::string::npos);
  CHECK(r.text.find("empty file 1", summary) != std::string::npos);
  auto s = RunClaimgraph("run " + Q(corpus) + " --strict --out " + Q(dir / "out2"));
  CHECK(s.status == 1);
}

TEST_CASE("truth refuses a binary file and prints no raw bytes", "[io][harden][cli]") {
  // Reproducer 9: `truth --format dafna /bin/ls` read 23 claims and exited 0.
  TempDir dir("harden_truth");
  std::string binary =
      "\x7F"
      "ELF\x02\x01\x01";
  binary += std::string(40, '\0');
  for (int i = 0; i < 50; ++i) binary += "a|\x1b[2J|b|c|\x07|\xff|t|\n";
  const std::string path = dir.Write("ls.bin", binary);
  auto r = RunClaimgraph("truth --format dafna --input " + Q(path));
  INFO(r.text);
  CHECK(r.status == 1);
  CHECK(r.text.find("not a text claim file") != std::string::npos);
  CHECK(TerminalClean(r.text));
}

TEST_CASE("exports are safe for spreadsheets, Graphviz and XML on hostile metadata",
          "[io][harden][cli]") {
  // Reproducers 4, 5, 6: a formula title, a NUL-laden claim, a URL with line breaks.
  TempDir dir("harden_export");
  dir.Write("corpus/a.txt",
            "---\nsource: =HYPERLINK(\"http://x\",\"y\")\ndate: 2025-01-02\n"
            "title: =HYPERLINK(\"http://x\",\"y\")\nurl: https://ok.example/a%0A#x\n---\n"
            "The mayor said the bridge is closed until March.\n");
  dir.Write("corpus/b.jsonl",
            "{\"maintext\": \"@SUM(1+1) The council said\\u0000 the bridge\\u001b[2J is open.\", "
            "\"title\": \"-2+3\", \"source_domain\": \"+evil.example\", \"date_publish\": "
            "\"2025-01-03\", \"url\": \"https://ok.example/a\\n\\n#\\tInjected\"}\n");
  const std::string out = dir / "out";
  auto r = RunClaimgraph("run " + Q(dir / "corpus") + " --out " + Q(out));
  INFO(r.text);
  REQUIRE(r.status == 0);
  CHECK(TerminalClean(r.text));
  const std::string db = out + "/claimgraph.db";
  for (const char* table : {"claims", "sources"}) {
    const std::string csv = dir / (std::string(table) + ".csv");
    auto e =
        RunClaimgraph("export --db " + Q(db) + " --format csv --table " + table + " -o " + Q(csv));
    REQUIRE(e.status == 0);
    const std::string text = Slurp(csv);
    INFO(text);
    // No cell begins with a formula character: after a separator or a line start, = + - @ come
    // only behind the apostrophe.
    for (size_t i = 0; i < text.size(); ++i) {
      const bool cell_start =
          i == 0 || text[i - 1] == ',' || text[i - 1] == '\n' ||
          (text[i - 1] == '"' && (i < 2 || text[i - 2] == ',' || text[i - 2] == '\n'));
      if (cell_start) CHECK(std::string("=+-@").find(text[i]) == std::string::npos);
    }
    CHECK(text.find('\0') == std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
  }
  CHECK(Slurp(dir / "claims.csv").find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") !=
        std::string::npos);
  // The Markdown report: the URL's line breaks are percent-encoded, no heading is injected.
  const std::string md = Slurp(out + "/report.md");
  CHECK(md.find("\n#\tInjected") == std::string::npos);
  CHECK(md.find("\n# Injected") == std::string::npos);
  // DOT without control characters, and parseable by Graphviz when it is installed.
  const std::string dot = dir / "graph.dot";
  REQUIRE(RunClaimgraph("export --db " + Q(db) + " --format dot -o " + Q(dot)).status == 0);
  CHECK(TerminalClean(Slurp(dot)));
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    CHECK(std::system(("dot -Tsvg " + Q(dot) + " -o /dev/null 2>/dev/null").c_str()) == 0);
  } else {
    WARN("Graphviz dot not installed: DOT parse check skipped");
  }
  // GraphML and GEXF well-formed by xmllint when it is installed.
  for (const char* format : {"graphml", "gexf"}) {
    const std::string xml = dir / (std::string("graph.") + format);
    REQUIRE(
        RunClaimgraph("export --db " + Q(db) + " --format " + format + " -o " + Q(xml)).status ==
        0);
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
      INFO(format);
      CHECK(std::system(("xmllint --noout " + Q(xml) + " 2>/dev/null").c_str()) == 0);
    } else {
      WARN("xmllint not installed: XML check skipped");
    }
  }
}
