// Time expressions the TimeML way: finds TIMEX3 expressions in text and normalises them to TimeML
// values, anchored on the document creation time (the publication date) and the tense of the
// sentence — DATE ("Friday" -> 2013-03-22, "this week" -> 2013-W12, "last month" -> 2013-02,
// "the third quarter" -> 2012-Q3, "now" -> PRESENT_REF), TIME ("10:35 a.m." ->
// 2013-03-22T10:35, "this morning" -> 2013-03-22TMO), DURATION ("five months" -> P5M, "24
// hours" -> PT24H, "several years" -> PXY) and SET ("daily" -> P1D, "every week" -> P1W).
//
// Method: HeidelTime's (Strötgen & Gertz 2010, 2013) — an extraction grammar over tokens, longest
// match first, then normalisation with the document creation time as reference; relative
// expressions whose direction is open (a weekday, a month without a year) take it from the tense
// of the nearest verb before the expression in its sentence (after it when none precedes).
// Deviations: the grammar is compiled C++ rather than rule files; the tense is read from
// function words and verb morphology (will / 'll / going to; was / had / -ed forms) so that the
// module needs no tagger; a weekday equal to the creation day's is that day.
//
// Tuned on TempEval-3's TimeBank and AQUAINT training documents (a fixed train / dev split by
// document, see docs/EVALUATION.md); `claimgraph eval time` scores it as TempEval-3 does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine::time {

enum class TimexType { kDate, kTime, kDuration, kSet };
std::string_view ToString(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

struct Timex {
  size_t begin = 0;  // byte offsets into the text searched
  size_t end = 0;
  TimexType type = TimexType::kDate;
  std::string value;  // TimeML value: "2013-03-22", "2013-W11", "P1M", "PAST_REF", ...
  std::string mod;    // TimeML mod when stated: "START", "MID", "END", "APPROX", "MORE_THAN", ...
};

// Finds the time expressions of `text`, in order, not overlapping. `dct` is the document creation
// time as ISO "YYYY-MM-DD"; when empty or malformed, expressions that need it (relative ones) get
// values with X placeholders ("XXXX-03"), and absolute ones keep their full value.
// Work is linear in the length of the text.
std::vector<Timex> FindTimexes(std::string_view text, std::string_view dct);

// The calendar range a DATE or TIME value denotes, as ISO days: "2013-03" -> 2013-03-01 ..
// 2013-03-31, "2013-W11" -> 2013-03-11 .. 2013-03-17, "2013-Q1", "2013-SU", "201" (a decade),
// "2013-03-22T10:35" -> that day. `mod` narrows it ("END" of a year: its last quarter; of a month:
// its last ten days). Returns false for durations, sets, references (PRESENT_REF) and values with
// X placeholders.
bool ValueToRange(std::string_view value, std::string_view mod, std::string* begin,
                  std::string* end);

}  // namespace claimgraph::engine::time
