// Readers of labelled sentence pairs (io/pairs/pair_readers.h): SICK's layout with CRLF line
// ends and its portions, the team's a/b/label TSV, and diagnostics naming file and line.
#include "io/pairs/pair_readers.h"

#include <catch2/catch.hpp>

using namespace claimgraph;

TEST_CASE("SICK pairs: labels, portions, CRLF and bad rows", "[io][pairs]") {
  const std::string text =
      "pair_ID\tsentence_A\tsentence_B\tentailment_label\trelatedness_score\tSemEval_set\r\n"
      "1\tA man is playing a guitar\tA man is playing an instrument\tENTAILMENT\t4.5\tTRAIN\r\n"
      "2\tA man is playing a guitar\tNobody is playing a guitar\tCONTRADICTION\t3.6\tTRIAL\r\n"
      "3\tA dog runs\tA cat sleeps\tNEUTRAL\t1.2\tTRIAL\r\n"
      "4\tA dog runs\tA dog runs\tMAYBE\t5\tTRIAL\r\n"
      "5\ttoo few fields\r\n";
  const auto all = io::ParseSickPairs(text, "SICK.txt");
  REQUIRE(all.pairs.size() == 3);
  CHECK(all.pairs[0].label == engine::PairRelation::kAgree);
  CHECK(all.pairs[1].label == engine::PairRelation::kContradict);
  CHECK(all.pairs[2].label == engine::PairRelation::kRelated);
  CHECK(all.pairs[2].b == "A cat sleeps");  // no '\r' left
  REQUIRE(all.diagnostics.size() == 2);
  CHECK(all.diagnostics[0].ToString().find("SICK.txt:5") != std::string::npos);
  CHECK(all.diagnostics[1].line == 6);
  const auto trial = io::ParseSickPairs(text, "SICK.txt", {"TRIAL"});
  CHECK(trial.pairs.size() == 2);
  CHECK_THROWS_AS(io::ParseSickPairs("a\tb\n1\t2\n", "x.txt"), std::runtime_error);
}

TEST_CASE("TSV pairs: the five labels and diagnostics", "[io][pairs]") {
  const std::string text =
      "a\tb\tlabel\n"
      "Clinton leads.\tClinton trails.\tcontradict\n"
      "x\ty\tupdate\n"
      "x\ty\tdisagree\n"
      "only one field\n";
  const auto data = io::ParseTsvPairs(text, "pairs.tsv");
  REQUIRE(data.pairs.size() == 2);
  CHECK(data.pairs[0].label == engine::PairRelation::kContradict);
  CHECK(data.pairs[1].label == engine::PairRelation::kUpdate);
  REQUIRE(data.diagnostics.size() == 2);
  CHECK(data.diagnostics[0].ToString() ==
        "pairs.tsv:4: error: unknown label 'disagree' (agree, contradict, update, related, "
        "unrelated)");
  CHECK_THROWS_AS(io::ParseTsvPairs("x\ty\tz\n", "bad.tsv"), std::runtime_error);
}
