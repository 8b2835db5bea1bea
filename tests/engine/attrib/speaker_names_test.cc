#include "engine/attrib/speaker_names.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using claimgraph::engine::Claim;
using claimgraph::engine::attrib::UnifySpeakerNames;

namespace {

std::vector<Claim> ClaimsBy(const std::vector<std::pair<std::string, int>>& speakers) {
  std::vector<Claim> out;
  for (const auto& [name, n] : speakers)
    for (int i = 0; i < n; ++i) {
      Claim c;
      c.speaker = name;
      out.push_back(c);
    }
  return out;
}

size_t Count(const std::vector<Claim>& claims, const std::string& name) {
  size_t n = 0;
  for (const Claim& c : claims) n += c.speaker == name;
  return n;
}

}  // namespace

TEST_CASE("Speaker names are unified across a run", "[engine][attrib][speaker_names]") {
  // The splits seen in a run over the PolNeAR articles.
  std::vector<Claim> claims = ClaimsBy({{"Barack Obama", 20},
                                        {"Obama", 10},
                                        {"Hillary Clinton", 30},
                                        {"Bill Clinton", 5},
                                        {"Clinton", 4},
                                        {"Hillary Rodham Clinton", 3},
                                        {"Donald Trump", 12},
                                        {"Ivanka Trump", 4},
                                        {"Trump", 6},
                                        {"Democrats", 7},
                                        {"", 9}});
  CHECK(UnifySpeakerNames(&claims) == 10 + 4 + 3);
  CHECK(Count(claims, "Barack Obama") == 30);
  CHECK(Count(claims, "Hillary Clinton") == 30 + 4 + 3);  // 30 >= 4 x 5 (Bill Clinton)
  CHECK(Count(claims, "Bill Clinton") == 5);
  // Donald Trump has 12 claims, Ivanka Trump 4: not dominant enough, "Trump" stays.
  CHECK(Count(claims, "Trump") == 6);
  CHECK(Count(claims, "Democrats") == 7);  // no full name ends with it
  CHECK(Count(claims, "") == 9);
}

TEST_CASE("Speaker names: a short first name joins the full one when never together",
          "[engine][attrib][speaker_names]") {
  struct Case {
    const char *a, *b;
    bool same_document;
    const char* expect_a;  // what `a` (the rarer) becomes
  };
  const Case cases[] = {
      {"Joe Biden", "Joseph Biden", false, "Joseph Biden"},  // outlets spell it differently
      {"Tim Kaine", "Timothy Kaine", false, "Timothy Kaine"},
      {"Jeb Bush", "Jenna Bush", true, "Jeb Bush"},       // named together: two people
      {"Mary Kelly", "Mark Kelly", false, "Mary Kelly"},  // same length: not a short form
      {"Bill Clinton", "Hillary Clinton", false, "Bill Clinton"},
      {"Joe Biden", "Jill Biden", false, "Joe Biden"},
  };
  for (const Case& c : cases) {
    INFO(c.a << " / " << c.b);
    std::vector<Claim> claims;
    for (int i = 0; i < 2; ++i) {
      Claim x;
      x.speaker = c.a;
      x.document = 1;
      claims.push_back(x);
    }
    for (int i = 0; i < 3; ++i) {
      Claim x;
      x.speaker = c.b;
      x.document = c.same_document ? 1 : 2 + i;
      claims.push_back(x);
    }
    UnifySpeakerNames(&claims);
    CHECK(claims[0].speaker == c.expect_a);
    CHECK(claims[2].speaker == c.b);
  }
}
