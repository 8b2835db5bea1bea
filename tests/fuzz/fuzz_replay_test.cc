// Replays the fuzz corpora in `make test` (issue 13): every file of tests/fuzz/corpus/<target>/
// (seeds and what fuzzing kept) and tests/fuzz/regressions/<target>/ (inputs that once crashed)
// goes through its target, built here with g++ and, in `make test`, ASan and UBSan. A target
// aborts on a broken invariant, so a regression input that crashes again fails the test run.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/fuzz/fuzz_targets.h"

namespace fs = std::filesystem;

TEST_CASE("every fuzz corpus and regression input replays cleanly", "[fuzz][harden]") {
  const fs::path root = fs::path(CLAIMGRAPH_SOURCE_DIR) / "tests" / "fuzz";
  for (const claimgraph::fuzz::FuzzTarget& target : claimgraph::fuzz::FuzzTargets()) {
    size_t files = 0;
    for (const char* kind : {"corpus", "regressions"}) {
      const fs::path dir = root / kind / target.name;
      if (!fs::is_directory(dir)) continue;
      for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string input = bytes.str();
        INFO(target.name << ": " << e.path().filename().string());
        CHECK(target.run(reinterpret_cast<const uint8_t*>(input.data()), input.size()) == 0);
        ++files;
      }
    }
    INFO(target.name);
    CHECK(files > 0);  // every target has a seed corpus
  }
}
