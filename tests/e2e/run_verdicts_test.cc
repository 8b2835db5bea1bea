// End to end: `claimgraph run --verdicts` with a schema.org ClaimReview file and a CSV on the Iraq
// sample story: the verdicts that match claims fix their propositions and move the sources'
// calibrated reliability; the bad ones are diagnostics with file and line; the run succeeds.
#include <catch2/catch.hpp>

#include "tests/e2e/e2e_support.h"

using namespace claimgraph::e2e;
using nlohmann::json;

namespace {

double ReliabilityOf(const json& claims, const std::string& source) {
  for (const json& s : claims["sources"])
    if (s["name"] == source) return s["reliability"].get<double>();
  FAIL("no source " << source);
  return 0;
}

}  // namespace

TEST_CASE("run --verdicts: ClaimReview and CSV verdicts calibrate the sources", "[e2e][verdicts]") {
  TempDir dir("verdicts");
  const std::string reviews = dir.Write("reviews.jsonld", R"({
  "@context": "https://schema.org",
  "@graph": [
    {"@type": "ClaimReview", "datePublished": "2022-01-15",
     "claimReviewed": "In reality, American troops have not left Iraq.",
     "itemReviewed": {"@type": "Claim", "author": {"name": "Crossroads Policy Journal"}},
     "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1}},
    {"@type": "ClaimReview", "claimReviewed": "The moon is made of cheese.",
     "reviewRating": {"@type": "Rating", "alternateName": "False"}},
    {"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}}
  ]
})");
  const std::string csv =
      dir.Write("verdicts.csv", "claim,verdict\ncombat|forc|iraq|leav,false\n");
  const std::string story = "'" + SourceDir() + "/samples/iraq-withdrawal'";
  const auto plain = RunClaimgraph("run " + story + " -q --out '" + (dir / "plain") + "'");
  REQUIRE(plain.status == 0);
  const auto checked = RunClaimgraph("run " + story + " -q --out '" + (dir / "checked") +
                                     "' --verdicts '" + reviews + "' --verdicts '" + csv + "'");
  INFO(checked.text);
  REQUIRE(checked.status == 0);
  // The ClaimReview without claimReviewed (line 10) and the claim nobody made (line 8).
  CHECK(checked.text.find(reviews + ":10: error: ClaimReview without claimReviewed") !=
        std::string::npos);
  CHECK(checked.text.find(reviews + ":8: warning: verdict matches no claim") != std::string::npos);
  CHECK(checked.text.find("verdicts: 2 matched claims of the run") != std::string::npos);
  const json before = ReadJson(dir / "plain/claims.json");
  const json after = ReadJson(dir / "checked/claims.json");
  // The troops proposition is false: the outlet that asserted it loses, the one that denied it
  // ("have not left") gains.
  CHECK(ReliabilityOf(after, "Tigris Ledger") < ReliabilityOf(before, "Tigris Ledger") - 0.05);
  CHECK(ReliabilityOf(after, "Crossroads Policy Journal") >
        ReliabilityOf(before, "Crossroads Policy Journal"));
  int verdicts = 0;
  const json report = ReadJson(dir / "checked/report.json");
  INFO(report["sources"].dump());
  for (const json& s : report["sources"]) {
    verdicts += s["verdicts"].get<int>();
    CHECK(s["interval"][0].get<double>() <= s["reliability"].get<double>());
    CHECK(s["reliability"].get<double>() <= s["interval"][1].get<double>());
  }
  CHECK(verdicts > 0);
}
