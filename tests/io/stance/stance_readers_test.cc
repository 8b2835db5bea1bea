#include "io/stance/stance_readers.h"

#include <catch2/catch.hpp>
#include <filesystem>

using claimgraph::engine::StanceLabel;
using claimgraph::io::ParseEmergent;
using claimgraph::io::ParseFnc1;

TEST_CASE("FNC-1 reader joins stances to quoted multi-line bodies, LF or CRLF", "[io][stance]") {
  const std::string bodies =
      "Body ID,articleBody\r\n"
      "7,\"First line.\r\n\r\nSecond \"\"quoted\"\" line.\"\r\n"
      "12,Short body\r\n";
  const std::string stances =
      "Headline,Body ID,Stance\n"
      "A claim,7,agree\n"
      "\"Another, claim\",12,disagree\n"
      "A claim,12,unrelated\n";
  const auto r = ParseFnc1(bodies, stances);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.dataset.others.size() == 2);
  // The CSV reader hands quoted line breaks over as "\n".
  CHECK(r.dataset.others[0] == "First line.\n\nSecond \"quoted\" line.");
  REQUIRE(r.dataset.claims.size() == 2);  // "A claim" is stored once
  REQUIRE(r.dataset.pairs.size() == 3);
  CHECK(r.dataset.pairs[1].label == StanceLabel::kDisagree);
  CHECK(r.dataset.claims[r.dataset.pairs[1].claim] == "Another, claim");
  CHECK(r.dataset.pairs[1].group == 12);
  CHECK(r.dataset.pairs[2].claim == r.dataset.pairs[0].claim);
}

TEST_CASE("FNC-1 reader reports bad rows with file and line and keeps the rest", "[io][stance]") {
  const std::string bodies = "Body ID,articleBody\n1,\"Body\none\"\n2\n";
  const std::string stances =
      "Headline,Body ID,Stance\n"
      "ok,1,discuss\n"
      "short row,1\n"
      "bad label,1,agrees\n"
      "missing body,99,agree\n";
  const auto r = ParseFnc1(bodies, stances, "b.csv", "s.csv");
  REQUIRE(r.diagnostics.size() == 4);
  CHECK_THAT(r.diagnostics[0].ToString(), Catch::StartsWith("b.csv:4: error: too few fields"));
  CHECK_THAT(r.diagnostics[1].ToString(), Catch::StartsWith("s.csv:3: error: too few fields"));
  CHECK_THAT(r.diagnostics[2].ToString(),
             Catch::StartsWith("s.csv:4: error: unknown stance 'agrees'"));
  CHECK_THAT(r.diagnostics[3].ToString(),
             Catch::StartsWith("s.csv:5: error: Body ID 99 not found in b.csv"));
  CHECK(r.dataset.pairs.size() == 1);
  CHECK_THROWS_WITH(ParseFnc1("Body,Text\n", stances, "b.csv"),
                    Catch::Contains("b.csv:1: no column 'Body ID'"));
}

TEST_CASE("Emergent reader maps for / against / observing and groups by claim", "[io][stance]") {
  const std::string csv =
      ",claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
      "0,Claim one,Headline a,for,x1,c1\n"
      "1,Claim one,Headline b,against,x2,c1\n"
      "2,Claim two,\"Headline, c\",observing,x3,c2\n"
      "3,Claim two,Headline d,ignoring,x4,c2\n"
      "4,Claim two,Headline e\n";
  const auto r = ParseEmergent(csv, "e.csv");
  REQUIRE(r.dataset.pairs.size() == 3);
  CHECK(r.dataset.pairs[0].label == StanceLabel::kAgree);
  CHECK(r.dataset.pairs[1].label == StanceLabel::kDisagree);
  CHECK(r.dataset.pairs[2].label == StanceLabel::kDiscuss);
  CHECK(r.dataset.pairs[0].group == r.dataset.pairs[1].group);
  CHECK(r.dataset.pairs[2].group != r.dataset.pairs[0].group);
  CHECK(r.dataset.others[r.dataset.pairs[2].other] == "Headline, c");
  REQUIRE(r.diagnostics.size() == 2);
  CHECK_THAT(r.diagnostics[0].ToString(), Catch::StartsWith("e.csv:5: error: unknown stance"));
  CHECK_THAT(r.diagnostics[1].ToString(), Catch::StartsWith("e.csv:6: error: too few fields"));
}

TEST_CASE("The shared FNC-1 and Emergent training files read without errors", "[io][stance]") {
  const std::string root = std::string(CLAIMGRAPH_SOURCE_DIR) + "/../shared/data/stance/";
  if (!std::filesystem::exists(root + "fnc1/train_stances.csv")) {
    WARN("shared data absent; skipped");
    return;
  }
  const auto fnc =
      claimgraph::io::ReadFnc1(root + "fnc1/train_bodies.csv", root + "fnc1/train_stances.csv");
  CHECK(fnc.diagnostics.empty());
  CHECK(fnc.dataset.pairs.size() == 49972);
  CHECK(fnc.dataset.others.size() == 1683);
  const auto emergent = claimgraph::io::ReadEmergent(root + "emergent/train.csv");
  CHECK(emergent.diagnostics.empty());
  CHECK(emergent.dataset.pairs.size() == 2071);
}
