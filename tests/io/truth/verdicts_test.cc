// Verdict files for `--verdicts`: CSV keyed by claim text or proposition, and schema.org
// ClaimReview JSON-LD (one object, an array, @graph), with bad input as diagnostics naming the
// file and line.
#include "io/truth/verdicts.h"

#include <catch2/catch.hpp>

namespace claimgraph::io::truth {
namespace {

using engine::Diagnostic;

bool HasDiagnostic(const engine::Diagnostics& d, size_t line, const std::string& words) {
  for (const Diagnostic& x : d)
    if (x.line == line && x.file == "f" && x.message.find(words) != std::string::npos) return true;
  return false;
}

TEST_CASE("Verdicts: CSV by claim text or proposition", "[io][truth][verdicts]") {
  engine::Diagnostics d;
  const auto v = ParseVerdicts(
      "claim,verdict,author\n"
      "\"The coalition has left Iraq, officials said.\",false,The Cradle\n"
      "withdraw|coalition|iraq,TRUE,\n"
      "Troops number 2500,Mostly True,\n"
      ",true,\n"
      "Something,perhaps,\n"
      "Half of it,half true,\n",
      "f", &d);
  REQUIRE(v.size() == 3);
  CHECK(v[0].key == "The coalition has left Iraq, officials said.");
  CHECK_FALSE(v[0].holds);
  CHECK(v[0].author == "The Cradle");
  CHECK(v[0].line == 2);
  CHECK(v[1].holds);
  CHECK(v[2].holds);
  CHECK(v[2].line == 4);
  CHECK(HasDiagnostic(d, 5, "no claim text"));
  CHECK(HasDiagnostic(d, 6, "unreadable verdict 'perhaps'"));
  CHECK(HasDiagnostic(d, 7, "neither true nor false"));

  engine::Diagnostics bad;
  CHECK(ParseVerdicts("source,object\nA,b\n", "f", &bad).empty());
  CHECK(HasDiagnostic(bad, 1, "header"));
}

TEST_CASE("Verdicts: schema.org ClaimReview JSON-LD", "[io][truth][verdicts]") {
  SECTION("one object, numeric rating on the schema.org default scale") {
    engine::Diagnostics d;
    const auto v = ParseVerdicts(R"({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  "datePublished": "2025-11-20",
  "claimReviewed": "All coalition forces are now in the Kurdistan Region",
  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "J. Doe"}},
  "reviewRating": {"@type": "Rating", "ratingValue": "2", "bestRating": 5, "worstRating": 1}
})",
                                 "f", &d);
    CHECK(d.empty());
    REQUIRE(v.size() == 1);
    CHECK(v[0].key == "All coalition forces are now in the Kurdistan Region");
    CHECK_FALSE(v[0].holds);
    CHECK(v[0].author == "J. Doe");
    CHECK(v[0].date == "2025-11-20");
    CHECK(v[0].line == 1);
  }
  SECTION("an array and @graph; labels win over numbers; bad reviews are diagnostics") {
    engine::Diagnostics d;
    const auto v = ParseVerdicts(R"([
  {"@type": "ClaimReview", "claimReviewed": "A",
   "reviewRating": {"ratingValue": 1, "bestRating": 5, "alternateName": "True"}},
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "name": "x"},
    {"@type": ["ClaimReview"], "claimReviewed": "B",
     "reviewRating": {"ratingValue": 9, "bestRating": 10, "worstRating": 0}},
    {"@type": "ClaimReview",
     "reviewRating": {"alternateName": "False"}},
    {"@type": "ClaimReview", "claimReviewed": "C",
     "reviewRating": {"alternateName": "Wobbly"}},
    {"@type": "ClaimReview", "claimReviewed": "D",
     "reviewRating": {"ratingValue": 3}},
    {"@type": "ClaimReview", "claimReviewed": "E",
     "reviewRating": {"ratingValue": 7, "bestRating": 5}},
    {"@type": "ClaimReview", "claimReviewed": "F", "reviewRating": "False"}
  ]}
])",
                                 "f", &d);
    REQUIRE(v.size() == 2);
    CHECK(v[0].key == "A");
    CHECK(v[0].holds);  // the label, not the low number
    CHECK(v[0].line == 2);
    CHECK(v[1].key == "B");
    CHECK(v[1].holds);
    CHECK(v[1].line == 6);
    CHECK(HasDiagnostic(d, 8, "without claimReviewed"));
    CHECK(HasDiagnostic(d, 10, "nor a numeric ratingValue"));
    CHECK(HasDiagnostic(d, 12, "neither true nor false"));  // the middle of 1..5
    CHECK(HasDiagnostic(d, 14, "outside"));
    CHECK(HasDiagnostic(d, 16, "without a reviewRating"));
  }
  SECTION("JSON that does not parse, and JSON without a ClaimReview") {
    engine::Diagnostics d;
    CHECK(ParseVerdicts("{\n  \"@type\": \"ClaimReview\",\n  \"claimReviewed\": \n}", "f", &d)
              .empty());
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 4);
    CHECK(d[0].message.find("not valid JSON") != std::string::npos);
    engine::Diagnostics none;
    CHECK(ParseVerdicts("[{\"@type\": \"Article\"}]", "f", &none).empty());
    CHECK(HasDiagnostic(none, 1, "no schema.org ClaimReview"));
  }
  CHECK(RatingVerdict("Pants on Fire!") == -1);
  CHECK(RatingVerdict("mostly-true") == 1);
  bool known = true;
  CHECK(RatingVerdict("banana", &known) == 0);
  CHECK_FALSE(known);
  CHECK_THROWS_AS(ReadVerdicts("/nonexistent/verdicts.csv", nullptr), std::runtime_error);
}

}  // namespace
}  // namespace claimgraph::io::truth
