// Hand-written scanner rather than std::regex: it runs once per ingested document (100,000s) and
// must tell "no date" from "ambiguous date" from "no such day".
#include "io/readers/date_normalize.h"

#include <cctype>
#include <cstdio>

namespace claimgraph::io {
namespace {

constexpr const char* kMonths[12] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};
constexpr const char* kWeekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Month number (1..12) of a full or abbreviated (3+ letters, "sept") English month name, or 0.
int MonthOf(std::string_view word) {
  if (word.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = kMonths[m];
    if (word.size() > name.size()) continue;
    if (name.compare(0, word.size(), word) != 0) continue;
    // Abbreviations: the first three letters, or "sept"; full names otherwise.
    if (word.size() == 3 || word.size() == name.size() || (m == 8 && word == "sept")) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  if (word.size() < 3) return false;
  for (const char* d : kWeekdays) {
    const std::string_view name = d;
    if (word.size() <= name.size() && name.compare(0, word.size(), word) == 0 &&
        (word.size() == 3 || word.size() == name.size() || word == "tues" || word == "thur" ||
         word == "thurs")) {
      return true;
    }
  }
  return false;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

std::string Iso(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct Scanner {
  std::string_view s;
  size_t i = 0;

  bool AtEnd() const { return i >= s.size(); }
  char Peek(size_t k = 0) const { return i + k < s.size() ? s[i + k] : '\0'; }
  // Reads a run of digits; returns its length (0 if none) and value in *v.
  size_t Digits(int* v) {
    size_t n = 0;
    long long value = 0;
    while (!AtEnd() && IsDigit(s[i]) && n < 9) {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    if (!AtEnd() && IsDigit(s[i])) return 0;  // too long to be a date part
    *v = static_cast<int>(value);
    return n;
  }
  std::string Word() {
    std::string w;
    while (!AtEnd() && IsAlpha(s[i])) w += Lower(s[i++]);
    return w;
  }
  void SkipSpace() {
    while (!AtEnd() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
  }
  // Skips spaces, commas and one period (after an abbreviation).
  void SkipSeparators() {
    while (!AtEnd() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '.' || s[i] == '-' ||
                        s[i] == '\n')) {
      ++i;
    }
  }
  void SkipOrdinal() {
    if (AtEnd()) return;
    const std::string_view rest = s.substr(i);
    for (std::string_view suf : {"st", "nd", "rd", "th"}) {
      if (rest.size() >= 2 && Lower(rest[0]) == suf[0] && Lower(rest[1]) == suf[1] &&
          (rest.size() == 2 || !IsAlpha(rest[2]))) {
        i += 2;
        return;
      }
    }
  }
};

enum class Result { kNone, kOk, kAmbiguous, kInvalid };

Result Finish(int y, int m, int d, std::string* out) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m)) {
    return Result::kInvalid;
  }
  *out = Iso(y, m, d);
  return Result::kOk;
}

// Parses a date at sc.i, leaving sc.i after it. `text_mode` refuses bare 8-digit numbers.
Result ParseAt(Scanner& sc, bool text_mode, std::string* out) {
  const size_t start = sc.i;
  if (IsAlpha(sc.Peek())) {
    std::string w = sc.Word();
    if (IsWeekday(w)) {
      sc.SkipSeparators();
      if (IsDigit(sc.Peek())) return ParseAt(sc, text_mode, out);
      w = sc.Word();
    }
    const int month = MonthOf(w);
    if (month == 0) {
      sc.i = start;
      return Result::kNone;
    }
    if (sc.Peek() == '.') ++sc.i;
    sc.SkipSpace();
    int day = 0, year = 0;
    const size_t nd = sc.Digits(&day);
    if (nd == 0 || nd > 2) return Result::kNone;
    sc.SkipOrdinal();
    sc.SkipSeparators();
    if (sc.Digits(&year) != 4) return Result::kNone;
    return Finish(year, month, day, out);
  }
  int a = 0;
  const size_t na = sc.Digits(&a);
  if (na == 4) {
    const char sep = sc.Peek();
    if (sep != '-' && sep != '/' && sep != '.') return Result::kNone;
    ++sc.i;
    int m = 0, d = 0;
    const size_t nm = sc.Digits(&m);
    if (nm == 0 || nm > 2 || sc.Peek() != sep) return Result::kNone;
    ++sc.i;
    const size_t nd = sc.Digits(&d);
    if (nd == 0 || nd > 2) return Result::kNone;
    return Finish(a, m, d, out);
  }
  if (na == 8 && !text_mode) return Finish(a / 10000, a / 100 % 100, a % 100, out);
  if (na == 0 || na > 2) return Result::kNone;
  // Day or month first.
  const char sep = sc.Peek();
  if ((sep == '/' || sep == '.' || sep == '-') && IsDigit(sc.Peek(1))) {
    ++sc.i;
    int b = 0, y = 0;
    const size_t nb = sc.Digits(&b);
    if (nb == 0 || nb > 2 || sc.Peek() != sep) return Result::kNone;
    ++sc.i;
    if (sc.Digits(&y) != 4) return Result::kNone;
    if (sep == '.' || sep == '-') return Finish(y, b, a, out);  // European day.month.year
    if (a > 12 && b <= 12) return Finish(y, b, a, out);
    if (b > 12 && a <= 12) return Finish(y, a, b, out);
    if (a == b) return Finish(y, a, b, out);
    return a > 12 ? Result::kInvalid : Result::kAmbiguous;
  }
  // "17 November 2025", "17th of Nov. 2025", "17-Nov-2025".
  sc.SkipOrdinal();
  sc.SkipSeparators();
  std::string w = sc.Word();
  if (w == "of") {
    sc.SkipSpace();
    w = sc.Word();
  }
  const int month = MonthOf(w);
  if (month == 0) return Result::kNone;
  sc.SkipSeparators();
  int y = 0;
  if (sc.Digits(&y) != 4) return Result::kNone;
  return Finish(y, month, a, out);
}

// True if `rest` (what follows a date) is empty or a time of day.
bool IsTimeTail(std::string_view rest) {
  size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',')) ++i;
  rest = rest.substr(i);
  if (rest.empty()) return true;
  if ((rest[0] == 'T' || rest[0] == 't') && rest.size() > 1 && IsDigit(rest[1])) return true;
  if (rest.size() > 3 && Lower(rest[0]) == 'a' && Lower(rest[1]) == 't' && rest[2] == ' ') {
    rest = rest.substr(3);
  }
  if (!rest.empty() && IsDigit(rest[0]) && rest.find(':') != std::string_view::npos) return true;
  return false;
}

}  // namespace

bool IsIsoDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(iso[k])) return false;
  }
  std::string out;
  Scanner sc{iso};
  return ParseAt(sc, false, &out) == Result::kOk && sc.AtEnd() && out == iso;
}

std::optional<std::string> NormalizeDate(std::string_view text, std::string* error) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  auto fail = [&](const char* why) -> std::optional<std::string> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (text.empty()) return fail("empty date");
  Scanner sc{text};
  std::string out;
  switch (ParseAt(sc, false, &out)) {
    case Result::kOk:
      break;
    case Result::kAmbiguous:
      return fail("ambiguous day and month; write it as YYYY-MM-DD");
    case Result::kInvalid:
      return fail("no such day");
    case Result::kNone:
      return fail("not a date in a known form (e.g. 2025-11-17, 17 November 2025)");
  }
  if (!IsTimeTail(text.substr(sc.i))) return fail("unexpected text after the date");
  return out;
}

std::optional<std::string> FindDateInText(std::string_view text, size_t limit) {
  if (text.size() > limit) text = text.substr(0, limit);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!IsDigit(c) && !IsAlpha(c)) continue;
    if (i > 0 && (IsDigit(text[i - 1]) || IsAlpha(text[i - 1]))) continue;  // not a word start
    Scanner sc{text, i};
    std::string out;
    if (ParseAt(sc, true, &out) == Result::kOk &&
        (sc.AtEnd() || !(IsDigit(sc.Peek()) || IsAlpha(sc.Peek())))) {
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace claimgraph::io
