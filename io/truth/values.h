// Value normalisation for truth discovery: two sources agree when their values are equal after
// this, and accuracy compares the chosen value with gold after this. Numbers are numbers ("10",
// "10.0" and "10.00" are one value, written in the shortest form that reads back the same);
// clock times are times ("7:15 PM", "7:15 p.m." and "19:15" are "19:15", their number the
// minutes after midnight); dates, with or without a clock time, are dates ("12/01/2011 7:15 PM",
// "Dec 1, 2011 19:15" and "2011-12-01 19:15" are "2011-12-01 19:15"); other text has its case
// folded (ASCII) and runs of white space folded to one space. Author lists (Book) become the sorted
// set of the name words in them, so that "Haag, Stephen; Perry, James T." and "STEPHEN HAAG, JAMES
// T PERRY" are one value.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::io::truth {

enum class ValueKind {
  kAuto,        // a number when it reads as one, else folded text
  kAuthorList,  // a set of names (Book)
};

struct NormalizedValue {
  std::string key;  // empty when the value is missing ("", "null", "not available")
  double number;    // NaN unless the value is a number
};

NormalizedValue NormalizeValue(std::string_view raw, ValueKind kind = ValueKind::kAuto);

// Reads a whole string as a number (leading / trailing blanks allowed, no thousands separators).
// Returns false if it is not one.
bool ParseNumber(std::string_view text, double* out);

// Reads a whole string as a clock time: H:MM or HH:MM, optional :SS, optional am / pm / a.m. /
// p.m. (hours 1-12 then; 0-23 without). Returns false if it is not one; *seconds = after midnight.
bool ParseClockTime(std::string_view text, int* seconds);

// Reads a whole (folded, lower-case) string as a date with an optional clock time:
// "2011-12-01 7:15 pm", "12/01/2011 19:15" (month first), "dec 1, 2011 7:15 pm", "7:15 pm dec 01",
// "thu dec 1". *key is "2011-12-01 19:15" ("--12-01 19:15" when no year is given, no time part
// without a clock time); *minutes the minutes since 1970-01-01 (NaN without a year). False, and
// nothing written, when the string is anything else.
bool ParseDateTime(std::string_view text, std::string* key, double* minutes);

// Trims blanks and folds case and inner white space.
std::string FoldText(std::string_view raw);
// The same into *out (its capacity reused: no allocation once it is large enough).
void FoldTextInto(std::string_view raw, std::string* out);

// Returns the author list as sorted, unique name words joined by ' ': lower case, accents (HTML
// entities or Latin-1 letters) folded, other HTML entities read as blanks, apostrophes dropped
// ("O'Leary" = "OLeary"), punctuation and one-letter initials dropped, noise words
// ("unknown", "edited", "by", "ph.d", ...) removed, and short forms of given names written out
// ("Art", "Wm." -> "arthur", "william"; only short forms of a single full name).
std::string NormalizeAuthorList(std::string_view raw);

}  // namespace claimgraph::io::truth
