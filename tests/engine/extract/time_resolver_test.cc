#include "engine/extract/time_resolver.h"

#include <catch2/catch.hpp>

using namespace claimgraph::engine;

TEST_CASE("FindTimes resolves expressions against the publication date",
          "[engine][extract][time]") {
  struct Case {
    const char* text;
    const char* published;
    const char* written;
    const char* begin;
    const char* end;
  };
  const Case cases[] = {
      // 2025-08-20 is a Wednesday.
      {"he said last Sunday that", "2025-08-20", "last Sunday", "2025-08-17", "2025-08-17"},
      {"they will finish next month", "2025-08-20", "next month", "2025-09-01", "2025-09-30"},
      {"the date will be next year", "2024-09-08", "next year", "2025-01-01", "2025-12-31"},
      {"complete by September 2026", "2025-11-17", "by September 2026", "2026-09-01", "2026-09-30"},
      {"remain until the end of 2026", "2024-09-08", "until the end of 2026", "2026-10-01",
       "2026-12-31"},
      {"announced on December 9 the deal", "2022-01-16", "on December 9", "2021-12-09",
       "2021-12-09"},
      {"the decision on Thursday was", "2021-12-11", "on Thursday", "2021-12-09", "2021-12-09"},
      {"Thursday's decision", "2021-12-11", "Thursday's", "2021-12-09", "2021-12-09"},
      {"said earlier this month that", "2025-11-17", "this month", "2025-11-01", "2025-11-17"},
      {"In early November, a spokesperson", "2025-11-17", "early November", "2025-11-01",
       "2025-11-10"},
      {"border in January 2024.", "2025-11-17", "January 2024", "2024-01-01", "2024-01-31"},
      {"December 31, 2021 was the deadline", "2022-01-16", "December 31, 2021", "2021-12-31",
       "2021-12-31"},
      {"On 2 November, the minister", "2025-11-17", "On 2 November", "2025-11-02", "2025-11-02"},
      {"also on Friday January 7 announced", "2022-01-16", "on Friday January 7", "2022-01-07",
       "2022-01-07"},
      {"interrupted in August last year", "2025-08-20", "August last year", "2024-08-01",
       "2024-08-31"},
      {"agreed at the White House last July", "2021-12-11", "last July", "2021-07-01",
       "2021-07-31"},
      {"which began in 2014 with", "2025-08-20", "2014", "2014-01-01", "2014-12-31"},
      {"an operation three days ago", "2024-09-08", "three days ago", "2024-09-05", "2024-09-05"},
      {"an incident at the end of July", "2025-08-20", "the end of July", "2025-07-22",
       "2025-07-31"},
      {"would end by 31 December.", "2021-12-11", "by 31 December", "2021-12-31", "2021-12-31"},
      {"on Saturday that the president", "2024-09-08", "on Saturday", "2024-09-07", "2024-09-07"},
  };
  for (const Case& c : cases) {
    INFO(c.text << " published " << c.published);
    const auto times = FindTimes(c.text, c.published);
    REQUIRE(times.size() == 1);
    CHECK(times[0].ref.text == c.written);
    CHECK(times[0].ref.begin == c.begin);
    CHECK(times[0].ref.end == c.end);
  }
}

TEST_CASE("FindTimes ignores numbers and words that are not times", "[engine][extract][time]") {
  for (const char* text : {"2,500 troops remain", "they may leave", "the march began",
                           "one of the most prominent groups"}) {
    INFO(text);
    CHECK(FindTimes(text, "2025-01-01").empty());
  }
  // A vague past ("a few days ago" is PAST_REF in TimeML) has no calendar range.
  CHECK(FindTimes("an operation a few days ago", "2024-09-08").empty());
  // Without a publication date, only explicit years resolve.
  CHECK(FindTimes("next month", "").empty());
  CHECK(FindTimes("in January 2024", "").size() == 1);
}

TEST_CASE("Calendar helpers round-trip", "[engine][extract][time]") {
  for (long d : {-1000L, 0L, 18000L, 20000L, 20454L}) {
    int y, m, dd;
    CivilFromDays(d, &y, &m, &dd);
    CHECK(DaysFromCivil(y, m, dd) == d);
  }
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2100, 2) == 28);
  int y, m, d;
  CHECK_FALSE(ParseIsoDate("2025-02-30", &y, &m, &d));
  CHECK(ParseIsoDate("2025-11-17", &y, &m, &d));
}
