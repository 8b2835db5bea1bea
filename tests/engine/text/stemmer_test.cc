#include "engine/text/stemmer.h"

#include <catch2/catch.hpp>

using claimgraph::engine::Stem;

TEST_CASE("Stem brings inflections of one word together", "[engine][text]") {
  const std::vector<std::vector<std::string>> groups = {
      {"withdrawal", "withdrawing", "withdrew", "withdrawn", "withdraw", "withdrawals"},
      {"announce", "announced", "announcing", "announcement"},
      {"complete", "completed", "completion"},
      {"leave", "leaving", "left", "leaves"},
      {"force", "forces"},
      {"base", "bases"},
      {"stop", "stopped", "stopping"},
      {"deny", "denied", "denies"},
  };
  for (const auto& g : groups) {
    for (const auto& w : g) {
      INFO(w << " vs " << g.front());
      CHECK(Stem(w) == Stem(g.front()));
    }
  }
}

TEST_CASE("Stem keeps short words, numbers and distinct words apart", "[engine][text]") {
  CHECK(Stem("us") == "us");
  CHECK(Stem("2500") == "2500");
  CHECK(Stem("press") == "press");
  CHECK(Stem("status") == "status");
  CHECK(Stem("troop") != Stem("trope"));
  CHECK(Stem("iraq") == "iraq");
}
