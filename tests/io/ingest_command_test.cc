// Runs the real `claimgraph ingest` binary: summary, diagnostics, exit codes, --strict.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/store/store.h"
#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;
using claimgraph::testing::CommandOutput;
using claimgraph::testing::RunClaimgraph;
using claimgraph::testing::TempDir;

}  // namespace

TEST_CASE("claimgraph ingest reports added, present and skipped, and --strict fails",
          "[io][ingest][cli]") {
  TempDir dir;
  dir.Write("in/a.txt", "---\nsource: A\ndate: 2025-01-01\n---\nAlpha said so.\n");
  dir.Write("in/b.txt", "---\ntitle: no source or date\n---\nBeta.\n");
  dir.Write("in/feed.jsonl",
            "{\"maintext\": \"Gamma.\", \"source_domain\": \"g.org\", \"date_publish\": "
            "\"2024-02-03T10:00:00Z\"}\n{\"maintext\": \"broken\"\n");
  const std::string in = (dir.path / "in").string();
  const std::string db = (dir.path / "s.db").string();

  CommandOutput first =
      RunClaimgraph("ingest " + in + " --db " + db + " --source Fallback --date 2020-05-06");
  INFO(first.text);
  CHECK(first.status == 0);
  CHECK_THAT(first.text, Catch::Contains("added 3, already present 0, skipped 1"));
  CHECK_THAT(first.text, Catch::Contains("feed.jsonl:2: error: malformed JSON"));

  CommandOutput strict = RunClaimgraph("ingest " + in + " --db " + db + " --strict");
  INFO(strict.text);
  CHECK(strict.status == 1);
  CHECK_THAT(strict.text, Catch::Contains("added 0, already present 3, skipped 1"));
  CHECK_THAT(strict.text, Catch::Contains("--strict"));

  auto store = claimgraph::io::OpenStore(db);
  CHECK(store->CountDocuments() == 3);
  bool found_b = false;
  store->ForEachDocument({}, [&](claimgraph::engine::Document&& d) {
    if (d.text == "Beta.") {
      found_b = true;
      CHECK(d.source == "Fallback");
      CHECK(d.date == "2020-05-06");
      CHECK_FALSE(d.source_inferred);
    }
    if (d.text == "Gamma.") CHECK(d.date == "2024-02-03");
    return true;
  });
  CHECK(found_b);
}

TEST_CASE("claimgraph ingest usage errors exit 2", "[io][ingest][cli]") {
  TempDir dir;
  const std::string db = (dir.path / "s.db").string();
  CHECK(RunClaimgraph("ingest --db " + db).status == 2);                      // no path
  CHECK(RunClaimgraph("ingest " + dir.path.string()).status == 2);            // no --db
  CHECK(RunClaimgraph("ingest x --db " + db + " --format xml").status == 2);  // bad format
  CHECK(RunClaimgraph("ingest x --db " + db + " --date 03/04/2025").status == 2);
  CHECK(RunClaimgraph("ingest x --db " + db + " --column nope=x").status == 2);
  CommandOutput help = RunClaimgraph("ingest --help");
  CHECK(help.status == 0);
  CHECK_THAT(help.text, Catch::Contains("--strict") && Catch::Contains("--format"));
  // A store that cannot be opened is a failure of the work (1), naming the file.
  CommandOutput bad = RunClaimgraph("ingest " + dir.path.string() + " --db " + dir.path.string());
  CHECK(bad.status == 1);
  CHECK_THAT(bad.text, Catch::Contains(dir.path.string()));
}
