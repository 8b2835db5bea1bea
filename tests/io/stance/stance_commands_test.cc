// End-to-end: the real `claimgraph eval stance` / `train stance` on small files.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/test_support.h"

namespace {

using claimgraph::testing::RunClaimgraph;

std::string Write(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "claimgraph_stance_cli_test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const char* kBodies =
    "Body ID,articleBody\n"
    "1,\"Apple denied reports that it will sell 19 million watches in 2015.\n\n"
    "The company called the claim a hoax.\"\n"
    "2,\"A small meteorite crashed near Managua, officials said.\"\n";
const char* kStances =
    "Headline,Body ID,Stance\n"
    "Apple will sell 19 million watches in 2015,1,disagree\n"
    "Apple will sell 19 million watches in 2015,2,unrelated\n"
    "Meteorite crashes in Managua,2,agree\n"
    "Meteorite crashes in Managua,1,unrelated\n";

}  // namespace

TEST_CASE("eval stance --format fnc1 prints the FNC score and per-class figures", "[io][stance]") {
  const std::string bodies = Write("bodies.csv", kBodies);
  const std::string stances = Write("stances.csv", kStances);
  const auto r =
      RunClaimgraph("eval stance --format fnc1 --bodies " + bodies + " --stances " + stances);
  INFO(r.text);
  CHECK(r.status == 0);
  CHECK_THAT(r.text, Catch::Contains("fnc_score: ") && Catch::Contains("disagree") &&
                         Catch::Contains("confusion") && Catch::Contains("pairs: 4"));
}

TEST_CASE("eval stance --format emergent prints accuracy", "[io][stance]") {
  const std::string input = Write(
      "emergent.csv",
      ",claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
      "0,Apple will sell 19 million watches,Apple denies it will sell 19 million watches,against,"
      "a,c\n"
      "1,Apple will sell 19 million watches,Apple may sell 19 million watches: report,observing,"
      "b,c\n");
  const auto r = RunClaimgraph("eval stance --format emergent --input " + input);
  INFO(r.text);
  CHECK(r.status == 0);
  CHECK_THAT(r.text, Catch::Contains("accuracy: ") && Catch::Contains("pairs: 2"));
  CHECK_THAT(r.text, !Catch::Contains("unrelated"));
}

TEST_CASE("eval stance names bad rows and fails; bad usage exits 2", "[io][stance]") {
  const std::string bodies = Write("bodies2.csv", kBodies);
  const std::string stances =
      Write("stances2.csv", std::string(kStances) + "A headline,77,agree\nX,1,maybe\n");
  const auto r =
      RunClaimgraph("eval stance --format fnc1 --bodies " + bodies + " --stances " + stances);
  CHECK(r.status == 1);
  CHECK_THAT(r.text, Catch::Contains("stances2.csv:6: error: Body ID 77 not found"));
  CHECK_THAT(r.text, Catch::Contains("stances2.csv:7: error: unknown stance 'maybe'"));
  CHECK_THAT(r.text, Catch::Contains("fnc_score: "));

  CHECK(RunClaimgraph("eval stance --format nope").status == 2);
  CHECK(RunClaimgraph("eval stance --format fnc1").status == 2);
  CHECK(RunClaimgraph("eval stance --bogus").status == 2);
  CHECK(RunClaimgraph("eval stance --help").status == 0);
  CHECK(RunClaimgraph("train stance").status == 2);
  CHECK(
      RunClaimgraph("eval stance --format fnc1 --bodies /nonexistent.csv --stances x.csv").status ==
      1);
}

TEST_CASE("train stance writes a model that eval reads, byte-identical on rerun", "[io][stance]") {
  const std::string bodies = Write("bodies3.csv", kBodies);
  const std::string stances = Write("stances3.csv", kStances);
  const std::string m1 = Write("m1.bin", ""), m2 = Write("m2.bin", "");
  const std::string common = "train stance --bodies " + bodies + " --stances " + stances +
                             " --epochs 3 --hidden 4 --vocabulary 20 -o ";
  const auto t1 = RunClaimgraph(common + m1);
  INFO(t1.text);
  REQUIRE(t1.status == 0);
  REQUIRE(RunClaimgraph(common + m2).status == 0);
  std::ifstream f1(m1, std::ios::binary), f2(m2, std::ios::binary);
  const std::string b1((std::istreambuf_iterator<char>(f1)), {});
  const std::string b2((std::istreambuf_iterator<char>(f2)), {});
  CHECK(!b1.empty());
  CHECK(b1 == b2);
  const auto e = RunClaimgraph("eval stance --format fnc1 --bodies " + bodies + " --stances " +
                               stances + " --model " + m1);
  CHECK(e.status == 0);
  CHECK_THAT(e.text, Catch::Contains("fnc_score: "));
}
