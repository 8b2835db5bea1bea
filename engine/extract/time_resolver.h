// Time expressions in a claim, resolved against the publication date into engine::TimeRef ranges:
// absolute dates ("December 31, 2021", "2 November", "Friday January 7", "January 2024", "in
// 2014"), deadlines ("by September 2026", "until the end of 2026"), parts of periods ("in early
// November", "end of July", "the end of the year"), relative days ("last Sunday", "on Thursday",
// "Thursday's decision", "yesterday", "a few days ago") and relative periods ("next month", "next
// year", "earlier this month", "last July", "August last year").
//
// A month or day without a year takes the year that puts it nearest the publication date
// ("December 9" in an article of 2022-01-16 is 2021-12-09). A weekday alone is the last such day
// before the publication date, or the next one after "next" / "coming". Rule-based, in the spirit
// of HeidelTime (Strötgen & Gertz 2010) but without its rule files: one table of patterns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"

namespace claimgraph::engine {

struct TimeMention {
  TimeRef ref;
  size_t byte_begin = 0, byte_end = 0;  // into the text searched
  bool day_precise = false;             // begin == end, a single day
};

// Finds and resolves the times in `text`. `publication_date` is ISO "YYYY-MM-DD"; when it is
// empty or malformed, only expressions with an explicit year resolve.
std::vector<TimeMention> FindTimes(std::string_view text, std::string_view publication_date);

// Calendar helpers (proleptic Gregorian). Days are counted from 1970-01-01.
bool ParseIsoDate(std::string_view iso, int* year, int* month, int* day);
std::string FormatIsoDate(int year, int month, int day);
long DaysFromCivil(int year, int month, int day);
void CivilFromDays(long days, int* year, int* month, int* day);
int DaysInMonth(int year, int month);

}  // namespace claimgraph::engine
