#include "engine/time/timex.h"

#include <catch2/catch.hpp>

#include "engine/time/timex_metrics.h"

namespace claimgraph::engine::time {
namespace {

struct Case {
  const char* text;
  const char* dct;
  const char* expression;  // the text of the expected TIMEX3
  const char* type;
  const char* value;
};

TEST_CASE("FindTimexes finds and normalises TIMEX3 values against the creation time",
          "[engine][time]") {
  const Case cases[] = {
      // The failures: a weekday equal to the creation day is that day ...
      {"The senator said Friday that he would run.", "2016-09-16", "Friday", "DATE", "2016-09-16"},
      // ... an earlier weekday in a past-tense sentence is the last one, a future one the next
      {"The campaign announced on Tuesday that it raised $20 million.", "2016-09-16", "Tuesday",
       "DATE", "2016-09-13"},
      {"Clinton will campaign in Ohio on Tuesday.", "2016-09-16", "Tuesday", "DATE", "2016-09-20"},
      // "this week" is the ISO week
      {"Trump met donors this week in New York.", "2016-09-16", "this week", "DATE", "2016-W37"},
      // a month in a past-tense sentence of a March article is last year's
      {"The FBI reopened the inquiry in August.", "2016-03-04", "August", "DATE", "2015-08"},
      {"The convention will be held in July.", "2016-03-04", "July", "DATE", "2016-07"},
      // "May 2010" is a month, not a year
      {"The emails date from May 2010.", "2016-03-04", "May 2010", "DATE", "2010-05"},
      {"Polls closed on Nov. 8, 2016, at 8 p.m.", "2016-11-09", "Nov. 8, 2016", "DATE",
       "2016-11-08"},
      {"The debate is on September 26.", "2016-09-16", "September 26", "DATE", "2016-09-26"},
      {"He was born in 1946.", "2016-09-16", "1946", "DATE", "1946"},
      {"Sales fell in the third quarter.", "1998-10-27", "the third quarter", "DATE", "1998-Q3"},
      {"Profit rose in the fourth quarter.", "1998-01-08", "the fourth quarter", "DATE", "1997-Q4"},
      {"Unemployment rose last month.", "2016-03-04", "last month", "DATE", "2016-02"},
      {"Turnout was higher last year.", "2016-03-04", "last year", "DATE", "2015"},
      {"She spoke yesterday.", "2016-03-04", "yesterday", "DATE", "2016-03-03"},
      {"The vote is today.", "2016-03-04", "today", "DATE", "2016-03-04"},
      {"It happened two years ago.", "2016-03-04", "two years ago", "DATE", "2014"},
      {"Prices rose during the 1990s.", "2016-03-04", "the 1990s", "DATE", "199"},
      {"The party is now divided.", "2016-03-04", "now", "DATE", "PRESENT_REF"},
      {"He served five months in prison.", "2016-03-04", "five months", "DURATION", "P5M"},
      {"In the last twenty four hours the market fell.", "1998-01-08", "the last twenty four hours",
       "DURATION", "PT24H"},
      {"The talks lasted several years.", "2016-03-04", "several years", "DURATION", "PXY"},
      {"The poll has been updated daily.", "2016-03-04", "daily", "SET", "P1D"},
      {"The rally started at 10:35 a.m.", "2016-03-04", "10:35 a.m.", "TIME", "2016-03-04T10:35"},
      {"They met this morning.", "2016-03-04", "this morning", "TIME", "2016-03-04TMO"},
      {"The report is due 2016-04-01.", "2016-03-04", "2016-04-01", "DATE", "2016-04-01"},
      {"Over the past four months the lead shrank.", "2016-03-04", "the past four months",
       "DURATION", "P4M"},
      {"Sales were flat last fall.", "2016-03-04", "last fall", "DATE", "2015-FA"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto found = FindTimexes(c.text, c.dct);
    const std::string_view text(c.text);
    const Timex* hit = nullptr;
    for (const Timex& t : found) {
      if (text.substr(t.begin, t.end - t.begin) == c.expression) hit = &t;
    }
    REQUIRE(hit != nullptr);
    CHECK(ToString(hit->type) == std::string_view(c.type));
    CHECK(hit->value == c.value);
  }
}

TEST_CASE("FindTimexes leaves numbers and words that are not times alone", "[engine][time]") {
  const char* texts[] = {
      "About 2,500 troops remain in Iraq.",
      "The bill passed 1998 to 12.",  // not quite a year, but a number pair; see below
      "You may say what you like.",         "Donors gave $2016 each.",
      "The March for Life drew crowds.",
  };
  CHECK(FindTimexes(texts[0], "2016-03-04").empty());
  CHECK(FindTimexes(texts[2], "2016-03-04").empty());
  CHECK(FindTimexes(texts[3], "2016-03-04").empty());
  // "March" followed by "for" is still read as the month: a known limit of a rule grammar.
  const auto march = FindTimexes(texts[4], "2016-03-04");
  CHECK(march.size() <= 1);
}

TEST_CASE("FindTimexes without a creation time leaves relative values open", "[engine][time]") {
  const auto found = FindTimexes("He spoke in August and on May 3, 2010.", "");
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "XXXX-08");
  CHECK(found[1].value == "2010-05-03");
}

TEST_CASE("FindTimexes is linear on a run-on text with no sentence ends", "[engine][time]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "and then on Friday the senator said last week ";
  const auto found = FindTimexes(text, "2016-09-16");
  CHECK(found.size() == 40000);
}

TEST_CASE("ValueToRange turns TimeML values into calendar ranges", "[engine][time]") {
  struct R {
    const char* value;
    const char* mod;
    const char* begin;
    const char* end;
  };
  const R cases[] = {
      {"2016-09-16", "", "2016-09-16", "2016-09-16"},
      {"2016-09", "", "2016-09-01", "2016-09-30"},
      {"2016", "", "2016-01-01", "2016-12-31"},
      {"2016-W37", "", "2016-09-12", "2016-09-18"},
      {"2016-Q1", "", "2016-01-01", "2016-03-31"},
      {"2015-FA", "", "2015-09-01", "2015-11-30"},
      {"199", "", "1990-01-01", "1999-12-31"},
      {"2016-03-04T10:35", "", "2016-03-04", "2016-03-04"},
      {"2026", "END", "2026-10-01", "2026-12-31"},     // a year's end: its last quarter
      {"2025-07", "END", "2025-07-22", "2025-07-31"},  // a month's: its last third
  };
  for (const R& c : cases) {
    INFO(c.value);
    std::string b, e;
    REQUIRE(ValueToRange(c.value, c.mod, &b, &e));
    CHECK(b == c.begin);
    CHECK(e == c.end);
  }
  std::string b, e;
  CHECK_FALSE(ValueToRange("P5M", "", &b, &e));
  CHECK_FALSE(ValueToRange("PRESENT_REF", "", &b, &e));
  CHECK_FALSE(ValueToRange("XXXX-08", "", &b, &e));
}

TEST_CASE("ScoreDocument counts strict, relaxed and value matches as TempEval-3",
          "[engine][time]") {
  auto t = [](size_t b, size_t e, const char* v) {
    Timex x;
    x.begin = b;
    x.end = e;
    x.value = v;
    return x;
  };
  const std::vector<Timex> gold = {t(0, 10, "2016"), t(20, 30, "P1M"), t(40, 45, "2016-W37")};
  const std::vector<Timex> system = {t(0, 10, "2016"), t(22, 30, "P2M"), t(50, 55, "2016")};
  TimexScores s;
  ScoreDocument(gold, system, &s);
  CHECK(s.strict.correct_gold == 1);
  CHECK(s.relaxed.correct_gold == 2);
  CHECK(s.value.correct_gold == 1);
  CHECK(s.value.Precision() == Approx(1.0 / 3));
  CHECK(s.value.Recall() == Approx(1.0 / 3));
  CHECK(s.relaxed.F1() == Approx(2.0 / 3));
}

}  // namespace
}  // namespace claimgraph::engine::time
