// End-to-end tests of `claimgraph report`, `compare` and `export` on a store holding the fixture
// run: exit codes, and that each output parses and carries the run's claims.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "io/store/store.h"
#include "tests/io/report/report_fixture.h"
#include "tests/io/report/xml_check.h"

namespace claimgraph::io::report {
namespace {

namespace fs = std::filesystem;

struct CliDir {
  fs::path dir;
  std::string db;
  CliDir() {
    dir = fs::temp_directory_path() / ("claimgraph_report_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    db = (dir / "store.db").string();
    engine::AnalysisResult r = testing::MakeFixture();
    r.links.pop_back();  // the dangling link: the store refuses it
    r.run_id = 0;
    auto store = OpenStore(db);
    std::map<int64_t, int64_t> ids;
    for (engine::Document& d : r.documents) {
      const int64_t old = d.id;
      d.text = "Text of document " + std::to_string(old) + ".";
      d.content_hash = std::string(63, '0') + std::to_string(old);
      d.path = "doc" + std::to_string(old) + ".txt";
      store->PutDocument(&d);
      ids[old] = d.id;
    }
    for (engine::Claim& c : r.claims) c.document = ids.at(c.document);
    for (engine::CopyPair& c : r.copies) {
      c.document_a = ids.at(c.document_a);
      c.document_b = ids.at(c.document_b);
    }
    store->SaveRun(&r);
  }
  ~CliDir() { fs::remove_all(dir); }

  // Runs `claimgraph ARGS`, standard output to `out` (under dir); returns the exit status.
  int Run(const std::string& args, const std::string& out = "stdout.txt") const {
    const std::string cmd = std::string(CLAIMGRAPH_BINARY) + " " + args + " > " +
                            (dir / out).string() + " 2> " + (dir / "stderr.txt").string();
    const int status = std::system(cmd.c_str());
    return WEXITSTATUS(status);
  }
  std::string Read(const std::string& name) const {
    std::ifstream f(dir / name);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
  }
};

TEST_CASE("report, compare and export read the newest run from the store", "[io][report][cli]") {
  const CliDir t;
  const std::string db = " --db " + t.db;

  REQUIRE(t.Run("report" + db + " --format md") == 0);
  const std::string md = t.Read("stdout.txt");
  CHECK_THAT(md, Catch::Contains("## Contradictions (1)"));
  CHECK_THAT(md, Catch::Contains("> All coalition forces have now left federal Iraq for the "
                                 "Kurdistan Region."));

  REQUIRE(t.Run("report" + db + " -o " + (t.dir / "r.html").string()) == 0);  // format from -o
  CHECK_THAT(t.Read("r.html"), Catch::StartsWith("<!DOCTYPE html>"));

  REQUIRE(t.Run("report" + db + " --format json --run 1") == 0);
  const nlohmann::json report = nlohmann::json::parse(t.Read("stdout.txt"));
  CHECK(report["contradictions"].size() == 1);
  CHECK(report["run"]["id"] == 1);

  REQUIRE(t.Run("export" + db + " --format json") == 0);
  const nlohmann::json exported = nlohmann::json::parse(t.Read("stdout.txt"));
  CHECK(exported["claims"].size() == 5);
  CHECK(exported["edges"].size() == 4);
  CHECK(exported["copies"][0]["a"] == "Rudaw");

  for (const char* f : {"graphml", "gexf"}) {
    REQUIRE(t.Run("export" + db + " --format " + f) == 0);
    CHECK(testing::CheckXml(t.Read("stdout.txt")) == "");
  }
  REQUIRE(t.Run("export" + db + " --format dot") == 0);
  CHECK_THAT(t.Read("stdout.txt"), Catch::StartsWith("digraph claimgraph {"));
  REQUIRE(t.Run("export" + db + " --format csv --table edges") == 0);
  CHECK_THAT(t.Read("stdout.txt"), Catch::StartsWith("a,b,relation,score,reasons"));
  REQUIRE(t.Run("export" + db + " --format csv -o " + t.dir.string()) == 0);
  CHECK(fs::exists(t.dir / "claims.csv"));
  CHECK(fs::exists(t.dir / "sources.csv"));

  REQUIRE(t.Run("compare" + db + " --source 'The Cradle' --source Rudaw --format json") == 0);
  const nlohmann::json cmp = nlohmann::json::parse(t.Read("stdout.txt"));
  REQUIRE(cmp["contradictions"].size() == 1);
  CHECK(cmp["contradictions"][0]["b"]["speaker"] == "Qais al-Khazali");
}

TEST_CASE("report, compare and export exit 2 on usage errors and 1 on a missing store",
          "[io][report][cli]") {
  const CliDir t;
  const std::string db = " --db " + t.db;
  CHECK(t.Run("report" + db + " --format pdf") == 2);
  CHECK(t.Run("export" + db) == 2);
  CHECK(t.Run("export" + db + " --format xml") == 2);
  CHECK(t.Run("compare" + db + " --source Rudaw") == 2);
  CHECK(t.Run("compare" + db + " --source Rudaw --source 'Nowhere News'") == 2);
  CHECK_THAT(t.Read("stderr.txt"), Catch::Contains("unknown source 'Nowhere News'"));
  CHECK(t.Run("report --db " + (t.dir / "missing.db").string()) == 1);
  CHECK_THAT(t.Read("stderr.txt"), Catch::Contains("missing.db: no such store"));
  CHECK(!fs::exists(t.dir / "missing.db"));
  CHECK(t.Run("report" + db + " --run 99") == 1);
  CHECK(t.Run("report --help") == 0);
  CHECK_THAT(t.Read("stdout.txt"), Catch::Contains("--format"));
}

}  // namespace
}  // namespace claimgraph::io::report
