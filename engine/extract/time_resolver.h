// Times a claim is about, as calendar ranges for the claim (engine::TimeRef): the DATE and TIME
// expressions that engine/time/timex.h finds and normalises the TimeML way, turned into first and
// last day ("September 2026" -> 2026-09-01 .. 2026-09-30, "this week" -> its Monday .. Sunday, "the
// end of 2026" -> its last quarter), with the preposition that makes a deadline or a start kept in
// the text ("by September 2026", "until the end of 2026", "since 2014", "on Thursday"), "earlier
// this month" ending at the publication date. Durations, sets and vague references ("recently",
// "now") have no range and are left out here. The calendar helpers below are shared by the engine.
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
