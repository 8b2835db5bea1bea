// TIMEX3 extraction and normalisation (see timex.h): a token scanner, an extraction grammar tried
// longest-first at each token, and normalisation against the document creation time.
#include "engine/time/timex.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "engine/extract/time_resolver.h"  // calendar helpers

namespace claimgraph::engine::time {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrevs = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 20> kSmallNumbers = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 10> kOrdinals = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};

// ------------------------------------------------------------------------------------------
// Tokens

struct Tok {
  size_t begin = 0, end = 0;
  std::string low;   // ASCII lower case; curly apostrophes as '
  bool num = false;  // all digits
  bool cap = false;  // starts with an upper-case ASCII letter
  bool punct = false;
  int sentence = 0;
  bool space_before = true;  // white space between this token and the previous one
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Length of a UTF-8 apostrophe at text[i] (' or ’), 0 if none.
size_t ApostropheAt(std::string_view text, size_t i) {
  if (i < text.size() && text[i] == '\'') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x99" || text.substr(i, 3) == "\xE2\x80\x98") return 3;
  return 0;
}

// Multibyte punctuation that must not glue onto words: curly quotes, dashes, ellipsis, nbsp.
size_t PunctuationAt(std::string_view text, size_t i) {
  static constexpr std::string_view kMarks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94",
                                                "\xE2\x80\x93", "\xE2\x80\xA6", "\xC2\xA0",
                                                "\xE2\x80\x99", "\xE2\x80\x98"};
  for (std::string_view m : kMarks) {
    if (text.substr(i, m.size()) == m) return m.size();
  }
  return 0;
}

std::vector<Tok> Scan(std::string_view text) {
  std::vector<Tok> toks;
  int sentence = 0;
  bool space = true;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++sentence;
      ++i;
      space = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      space = true;
      continue;
    }
    Tok t;
    t.begin = i;
    t.space_before = space;
    space = false;
    const size_t ap = ApostropheAt(text, i);
    const size_t pm = ap ? 0 : PunctuationAt(text, i);
    if (ap && i + ap < text.size() && std::isdigit(static_cast<unsigned char>(text[i + ap]))) {
      i += ap;  // '90s
      t.low = "'";
    } else if (pm || ap || !IsWordByte(c)) {
      const size_t n = pm ? pm : (ap ? ap : 1);
      t.low = ap ? "'" : std::string(text.substr(i, n));
      t.end = i + n;
      t.punct = true;
      t.sentence = sentence;
      i += n;
      toks.push_back(std::move(t));
      // A sentence ends at . ! ? before white space and a capital letter or digit.
      if (toks.back().low == "." || toks.back().low == "!" || toks.back().low == "?") {
        size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '"')) ++j;
        if (j > i && j < text.size() && (std::isupper(static_cast<unsigned char>(text[j])))) {
          // not after abbreviations such as "Oct." or single initials
          const Tok* prev = toks.size() >= 2 ? &toks[toks.size() - 2] : nullptr;
          const bool abbrev = prev && !prev->punct && prev->end == toks.back().begin &&
                              prev->low.size() <= 4 && prev->cap;
          if (!abbrev) ++sentence;
        }
      }
      continue;
    }
    while (i < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[i]);
      if (d >= 0x80 && PunctuationAt(text, i)) {
        // an apostrophe inside a word ("Clinton’s") stays part of it
        const size_t a = ApostropheAt(text, i);
        if (a && i + a < text.size() && std::isalpha(static_cast<unsigned char>(text[i + a]))) {
          t.low += '\'';
          i += a;
          continue;
        }
        break;
      }
      if (IsWordByte(d)) {
        t.low += static_cast<char>(std::tolower(d));
        ++i;
      } else if (d == '\'' && i + 1 < text.size() &&
                 std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
        t.low += '\'';
        ++i;
      } else if (d == '.' && i + 1 < text.size() &&
                 std::isalpha(static_cast<unsigned char>(text[i + 1])) && i + 2 < text.size() &&
                 text[i + 2] == '.') {
        t.low += '.';  // a.m., p.m., U.S.
        ++i;
      } else {
        break;
      }
    }
    t.end = i;
    // A possessive "'s" is a token of its own ("Friday's", "last year's").
    if (t.low.size() > 2 && t.low.ends_with("'s")) {
      const size_t cut = text.substr(t.begin, t.end - t.begin).rfind('s') - 1 -
                         (text.substr(t.begin, t.end - t.begin).ends_with("\xE2\x80\x99s") ? 2 : 0);
      Tok poss;
      poss.begin = t.begin + cut;
      poss.end = t.end;
      poss.low = "'s";
      poss.space_before = false;
      poss.sentence = sentence;
      t.low.resize(t.low.size() - 2);
      t.end = poss.begin;
      t.num = false;
      t.cap = text[t.begin] >= 'A' && text[t.begin] <= 'Z';
      t.sentence = sentence;
      toks.push_back(std::move(t));
      toks.push_back(std::move(poss));
      continue;
    }
    if (t.low.size() >= 2 && t.low.back() != '.' && i < text.size() && text[i] == '.' &&
        t.low.find('.') != std::string::npos) {
      t.low += '.';  // the final '.' of a.m.
      t.end = ++i;
    }
    t.num = !t.low.empty() &&
            std::all_of(t.low.begin(), t.low.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    t.cap = text[t.begin] >= 'A' && text[t.begin] <= 'Z';
    t.sentence = sentence;
    toks.push_back(std::move(t));
  }
  return toks;
}

// ------------------------------------------------------------------------------------------
// Calendar

struct Day {
  int y = 0, m = 0, d = 0;
};

long ToDays(const Day& d) { return DaysFromCivil(d.y, d.m, d.d); }
Day FromDays(long n) {
  Day d;
  CivilFromDays(n, &d.y, &d.m, &d.d);
  return d;
}
int WeekdayOf(long days) {  // 0 = Monday; 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}
void IsoWeek(long days, int* year, int* week) {
  const long thursday = days - WeekdayOf(days) + 3;
  const Day t = FromDays(thursday);
  *year = t.y;
  *week = static_cast<int>((thursday - DaysFromCivil(t.y, 1, 1)) / 7 + 1);
}
std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}
std::string DayValue(long days) {
  const Day d = FromDays(days);
  return FormatIsoDate(d.y, d.m, d.d);
}
std::string WeekValue(long days) {
  int y, w;
  IsoWeek(days, &y, &w);
  return Fmt("%04d-W%02d", y, w);
}
std::string MonthValue(int y, int m) {
  while (m < 1) m += 12, --y;
  while (m > 12) m -= 12, ++y;
  return Fmt("%04d-%02d", y, m);
}

enum class Tense { kNone, kPast, kPresent, kFuture };

// ------------------------------------------------------------------------------------------
// The grammar

struct Match {
  size_t end = 0;  // one past the last token
  TimexType type = TimexType::kDate;
  std::string value;
  std::string mod;
};

struct UnitInfo {
  char code = 0;  // S M H (time) D W M Y Q; 'E' decade, 'C' century, 'K' weekend
  bool time = false;
  bool plural = false;
};

class Grammar {
 public:
  Grammar(std::string_view text, std::string_view dct) : text_(text), toks_(Scan(text)) {
    int y, m, d;
    if (ParseIsoDate(dct, &y, &m, &d)) {
      have_dct_ = true;
      dct_ = {y, m, d};
      dct_days_ = ToDays(dct_);
    }
  }

  std::vector<Timex> Run() {
    std::vector<Timex> out;
    for (size_t i = 0; i < toks_.size();) {
      std::optional<Match> best = Longest(i);
      // "the end of 2026", "the beginning of next year", "the middle of the quarter"
      size_t after = i;
      std::string mod;
      if (Is(after, "the")) ++after;
      if ((Is(after, "end") || Is(after, "beginning") || Is(after, "start") ||
           Is(after, "middle")) &&
          Is(after + 1, "of")) {
        mod = Is(after, "end") ? "END" : Is(after, "middle") ? "MID" : "START";
        if (std::optional<Match> inner = Longest(after + 2);
            inner && (!best || inner->end > best->end) && inner->type == TimexType::kDate) {
          if (inner->mod.empty()) inner->mod = mod;
          best = std::move(inner);
        }
      }
      if (!best) {
        ++i;
        continue;
      }
      if (best->value.size() == 7 && best->value[5] == 'Q') {
        for (size_t k = i; k < best->end; ++k)
          if (Is(k, "quarter")) last_quarter_ = best->value;  // a quarter named, not derived
      }
      Timex t;
      t.begin = toks_[i].begin;
      t.end = toks_[best->end - 1].end;
      t.type = best->type;
      t.value = std::move(best->value);
      t.mod = std::move(best->mod);
      out.push_back(std::move(t));
      i = best->end;
    }
    return out;
  }

 private:
  // The longest expression starting at token i, if any.
  std::optional<Match> Longest(size_t i) const {
    std::optional<Match> best;
    if (i >= toks_.size()) return best;
    auto consider = [&](std::optional<Match> m) {
      if (m && m->end > i && (!best || m->end > best->end)) best = std::move(m);
    };
    consider(NumericDate(i));
    consider(MonthDate(i));
    consider(YearLike(i));
    consider(Quarter(i));
    consider(BareQuarter(i));
    consider(WeekdayDate(i));
    consider(Deictic(i));
    consider(Weekend(i));
    consider(Relative(i));
    consider(Ago(i));
    consider(Reference(i));  // before Duration: "recent years" is PAST_REF, not PXY
    consider(Duration(i));
    consider(ClockTime(i));
    consider(Set(i));
    return best;
  }

  // ---- token predicates
  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < toks_.size() ? toks_[i].low : kEmpty;
  }
  bool Is(size_t i, std::string_view w) const { return i < toks_.size() && toks_[i].low == w; }
  bool Adjacent(size_t i) const { return i < toks_.size() && !toks_[i].space_before; }
  // Skips an optional hyphen joining two words ("third-quarter", "two-day").
  size_t SkipHyphen(size_t i) const {
    return (Is(i, "-") && Adjacent(i) && Adjacent(i + 1)) ? i + 1 : i;
  }
  size_t SkipPeriod(size_t i) const { return (Is(i, ".") && Adjacent(i)) ? i + 1 : i; }
  size_t SkipComma(size_t i) const { return Is(i, ",") ? i + 1 : i; }

  int MonthAt(size_t i, size_t* next) const {
    if (i >= toks_.size() || !toks_[i].cap) return 0;
    for (int m = 0; m < 12; ++m) {
      if (W(i) == kMonths[m]) {
        *next = i + 1;
        return m + 1;
      }
    }
    // Abbreviations need their period ("Oct."), except "Sept" and four-letter ones.
    for (int m = 0; m < 12; ++m) {
      if ((W(i) == kMonthAbbrevs[m] || (m == 8 && W(i) == "sept")) && m != 4) {
        if (Is(i + 1, ".") && Adjacent(i + 1)) {
          *next = i + 2;
          return m + 1;
        }
      }
    }
    return 0;
  }
  int WeekdayAt(size_t i) const {
    for (int d = 0; d < 7; ++d) {
      if (W(i) == kWeekdays[d]) return d;
    }
    return -1;
  }
  // "23", "23rd"
  int DayNumberAt(size_t i) const {
    if (i >= toks_.size()) return 0;
    std::string s = toks_[i].low;
    if (s.size() > 2 &&
        (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th"))) {
      s.resize(s.size() - 2);
    }
    if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), ::isdigit)) return 0;
    const int d = std::atoi(s.c_str());
    return d >= 1 && d <= 31 ? d : 0;
  }
  int YearAt(size_t i) const {
    if (i >= toks_.size() || !toks_[i].num || toks_[i].low.size() != 4) return 0;
    if (i > 0 && (Is(i - 1, "$") || (Is(i - 1, ",") && Adjacent(i)))) return 0;
    if (Is(i + 1, "%") || (Is(i + 1, ",") && Adjacent(i + 1) && i + 2 < toks_.size() &&
                           toks_[i + 2].num && Adjacent(i + 2))) {
      return 0;
    }
    const int y = std::atoi(toks_[i].low.c_str());
    return y >= 1900 && y <= 2099 ? y : 0;
  }
  // "nineteen ninety-seven", "nineteen seventy-nine", "two thousand": a year in words, as
  // broadcast transcripts write them.
  int SpelledYearAt(size_t i, size_t* next) const {
    if (Is(i, "two") && Is(i + 1, "thousand")) {
      size_t k = i + 2;
      if (Is(k, "and")) ++k;
      for (size_t u = 1; u < kSmallNumbers.size(); ++u) {
        if (W(k) == kSmallNumbers[u]) {
          *next = k + 1;
          return 2000 + static_cast<int>(u);
        }
      }
      *next = i + 2;
      return 2000;
    }
    if (!Is(i, "nineteen")) return 0;
    for (size_t t = 0; t < kTens.size(); ++t) {
      if (W(i + 1) != kTens[t]) continue;
      int y = 1900 + 20 + 10 * static_cast<int>(t);
      size_t k = i + 2;
      const size_t h = SkipHyphen(k);
      for (size_t u = 1; u < 10; ++u) {
        if (W(h) == kSmallNumbers[u]) {
          y += static_cast<int>(u);
          k = h + 1;
          break;
        }
      }
      *next = k;
      return y;
    }
    return 0;
  }

  // A cardinal: digits, number words ("twenty four"), "a"/"an"/"one". Returns -1 for vague
  // quantities ("several", "a few", "some"); 0 for none.
  double NumberAt(size_t i, size_t* next) const {
    if (i >= toks_.size()) return 0;
    const std::string& w = toks_[i].low;
    if (toks_[i].num && w.size() <= 4) {
      *next = i + 1;
      if (Is(i + 1, "1") && Is(i + 2, "/") && Is(i + 3, "2") && Adjacent(i + 2)) {
        *next = i + 4;  // "5 1/2"
        return std::atof(w.c_str()) + 0.5;
      }
      return std::atof(w.c_str());
    }
    if (w == "a" || w == "an") {
      if (Is(i + 1, "few") || Is(i + 1, "couple")) {
        *next = Is(i + 2, "of") ? i + 3 : i + 2;
        return -1;
      }
      *next = i + 1;
      return 1;
    }
    if (w == "several" || w == "few" || w == "some" || w == "many" || w == "recent" ||
        w == "coming") {
      *next = i + 1;
      return -1;
    }
    if (w == "half") {
      if (Is(i + 1, "a") || Is(i + 1, "an")) {
        *next = i + 2;
        return 0.5;
      }
    }
    if (w == "dozen") {
      *next = i + 1;
      return 12;
    }
    for (size_t t = 0; t < kTens.size(); ++t) {
      if (w == kTens[t]) {
        double v = 20 + 10 * static_cast<double>(t);
        size_t j = SkipHyphen(i + 1);
        for (size_t u = 1; u < 10; ++u) {
          if (W(j) == kSmallNumbers[u]) {
            *next = j + 1;
            return v + static_cast<double>(u);
          }
        }
        *next = i + 1;
        return v;
      }
    }
    for (size_t u = 1; u < kSmallNumbers.size(); ++u) {
      if (w == kSmallNumbers[u]) {
        *next = i + 1;
        return static_cast<double>(u);
      }
    }
    return 0;
  }
  bool UnitAt(size_t i, UnitInfo* u) const {
    if (i >= toks_.size()) return false;
    std::string w = toks_[i].low;
    u->plural = w.size() > 3 && w.back() == 's' && w != "hours" ? true : w == "hours";
    if (u->plural) w.pop_back();
    if (w == "centurie") w = "century";
    static const std::pair<std::string_view, UnitInfo> kUnits[] = {
        {"second", {'S', true}},   {"minute", {'M', true}},  {"hour", {'H', true}},
        {"day", {'D', false}},     {"week", {'W', false}},   {"month", {'M', false}},
        {"year", {'Y', false}},    {"decade", {'E', false}}, {"century", {'C', false}},
        {"quarter", {'Q', false}}, {"weekend", {'K', false}}};
    for (const auto& [name, info] : kUnits) {
      if (w == name) {
        const bool plural = u->plural;
        *u = info;
        u->plural = plural;
        return true;
      }
    }
    return false;
  }

  // ---- tense of the sentence around token i
  Tense TenseAround(size_t i) const {
    const int s = i < toks_.size() ? toks_[i].sentence : 0;
    for (size_t j = i; j-- > 0 && toks_[j].sentence == s;) {
      const Tense t = TenseOf(j);
      if (t != Tense::kNone) return t;
    }
    for (size_t j = i; j < toks_.size() && toks_[j].sentence == s; ++j) {
      const Tense t = TenseOf(j);
      if (t != Tense::kNone) return t;
    }
    return Tense::kNone;
  }
  Tense TenseOf(size_t j) const {
    const std::string& w = toks_[j].low;
    static constexpr std::string_view kFuture[] = {"will", "'ll", "shall", "won't", "wo"};
    static constexpr std::string_view kPast[] = {
        "was",    "were",   "had",    "did",     "said",  "told", "went",    "came",  "made",
        "took",   "gave",   "got",    "saw",     "began", "fell", "rose",    "won",   "lost",
        "sold",   "bought", "left",   "met",     "held",  "paid", "ran",     "spent", "became",
        "hadn't", "didn't", "wasn't", "weren't", "ago",   "knew", "thought", "found", "brought"};
    static constexpr std::string_view kPresent[] = {"is",     "are",     "am",    "has",
                                                    "have",   "'s",      "isn't", "aren't",
                                                    "hasn't", "haven't", "does",  "do"};
    for (std::string_view f : kFuture) {
      if (w == f) return Tense::kFuture;
    }
    if (w == "going" && Is(j + 1, "to")) return Tense::kFuture;
    // Plans and expectations look forward, in reported speech too ("said it would", "is expected
    // to", "scheduled a news conference Thursday", "postponed until Tuesday").
    if (w == "would" || w == "'d" || w == "until" || w == "expected" || w == "scheduled" ||
        w == "plans" || w == "plan" || w == "planned" || w == "upcoming" || w == "expects" ||
        w == "expect" || w == "intends" || w == "aims" || w == "hopes" ||
        (w == "due" && !Is(j + 1, "to")) || (w == "set" && Is(j + 1, "to")) ||
        (w == "as" && Is(j + 1, "soon")))
      return Tense::kFuture;
    for (std::string_view p : kPast) {
      if (w == p) return PastOrAuxiliary(j);
    }
    for (std::string_view p : kPresent) {
      if (w == p) return Tense::kPresent;
    }
    // Regular past forms: "announced", "reported"; not adjectives in -ed after a determiner.
    if (w.size() > 4 && w.ends_with("ed") && !toks_[j].cap && w != "need" && w != "indeed" &&
        w != "hundred" && w != "speed" && w != "based" && w != "expected" && w != "scheduled") {
      if (j > 0 && (Is(j - 1, "the") || Is(j - 1, "a") || Is(j - 1, "an") || Is(j - 1, "has") ||
                    Is(j - 1, "have") || Is(j - 1, "is") || Is(j - 1, "are") || Is(j - 1, "be") ||
                    Is(j - 1, "been"))) {
        return Tense::kNone;
      }
      return PastOrAuxiliary(j);
    }
    return Tense::kNone;
  }
  // A past form after an auxiliary takes the auxiliary's tense: "will be held" looks forward,
  // "has been held" is present perfect.
  Tense PastOrAuxiliary(size_t j) const {
    for (size_t k = j; k-- > 0 && k + 3 >= j;) {
      const std::string& a = toks_[k].low;
      if (a == "will" || a == "'ll" || a == "shall" || a == "would") return Tense::kFuture;
      if (a == "be" && k > 0 && (Is(k - 1, "to") || Is(k - 1, "will"))) return Tense::kFuture;
      if (a == "has" || a == "have" || a == "is" || a == "are") return Tense::kPresent;
      if (a == "had" || a == "was" || a == "were") return Tense::kPast;
      if (toks_[k].punct) break;
    }
    return Tense::kPast;
  }
  bool Future(size_t i) const { return TenseAround(i) == Tense::kFuture; }

  // ---- resolution of underspecified dates
  // Year of month m (day d, 0 = whole month) mentioned without a year. A day within a month of
  // the creation time is the nearest such day (news speaks of the days around it); otherwise the
  // sentence's tense gives the direction, and without a tense the last such month or day before
  // the creation time unless the next one is within a month (news reports more than it forecasts).
  int YearFor(int m, int d, size_t at) const {
    const int y = dct_.y;
    int nearest = y;
    long nearest_diff = 0;
    for (int cand = y - 1; cand <= y + 1; ++cand) {
      const long mid = d == 0 ? DaysFromCivil(cand, m, 15)
                              : DaysFromCivil(cand, m, std::min(d, DaysInMonth(cand, m)));
      const long diff = mid - dct_days_;
      if (cand == y - 1 || std::labs(diff) < std::labs(nearest_diff)) {
        nearest = cand;
        nearest_diff = diff;
      }
    }
    if (std::labs(nearest_diff) <= (d != 0 ? 30 : 31)) return nearest;
    const Tense t = TenseAround(at);
    const int cmp =
        m != dct_.m ? (m < dct_.m ? -1 : 1) : (d == 0 || d == dct_.d ? 0 : (d < dct_.d ? -1 : 1));
    if (t == Tense::kFuture) return cmp < 0 ? y + 1 : y;
    if (t == Tense::kPast) return cmp > 0 ? y - 1 : y;
    return cmp > 0 ? y - 1 : y;
  }
  std::string YearPrefix(int y) const { return y > 0 ? Fmt("%04d", y) : "XXXX"; }

  // ---- extraction rules, each returning the longest match at i

  // 1998-01-08, 01/08/1998, 1/8/98
  std::optional<Match> NumericDate(size_t i) const {
    if (!toks_[i].num) return std::nullopt;
    if (toks_[i].low.size() == 4 && Is(i + 1, "-") && Adjacent(i + 1) && Adjacent(i + 2) &&
        i + 2 < toks_.size() && toks_[i + 2].num && Is(i + 3, "-") && Adjacent(i + 3) &&
        Adjacent(i + 4) && i + 4 < toks_.size() && toks_[i + 4].num) {
      const int y = std::atoi(W(i).c_str()), m = std::atoi(W(i + 2).c_str()),
                d = std::atoi(W(i + 4).c_str());
      if (m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m))
        return Match{i + 5, TimexType::kDate, FormatIsoDate(y, m, d), ""};
    }
    if (toks_[i].low.size() <= 2 && Is(i + 1, "/") && Adjacent(i + 1) && i + 2 < toks_.size() &&
        toks_[i + 2].num && Adjacent(i + 2) && Is(i + 3, "/") && Adjacent(i + 3) &&
        i + 4 < toks_.size() && toks_[i + 4].num && Adjacent(i + 4)) {
      const int m = std::atoi(W(i).c_str()), d = std::atoi(W(i + 2).c_str());
      int y = std::atoi(W(i + 4).c_str());
      if (W(i + 4).size() == 2) y += y < 50 ? 2000 : 1900;
      if (m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m))
        return Match{i + 5, TimexType::kDate, FormatIsoDate(y, m, d), ""};
    }
    return std::nullopt;
  }

  // [Weekday[,]] Month Day[, Year] | Day Month [Year] | Month [of|,] Year | [early|mid|late] Month
  std::optional<Match> MonthDate(size_t i) const {
    size_t j = i;
    std::string mod;
    bool the = false;
    if (Is(j, "the")) {
      the = true;
      ++j;
    }
    if ((W(j) == "end" || W(j) == "beginning" || W(j) == "start" || W(j) == "middle") &&
        Is(j + 1, "of")) {
      mod = W(j) == "end" ? "END" : W(j) == "middle" ? "MID" : "START";
      j += 2;
    } else if (the) {
      return std::nullopt;
    }
    if (W(j) == "early" || W(j) == "late" || W(j) == "mid") {
      mod = W(j) == "early" ? "START" : W(j) == "late" ? "END" : "MID";
      j = SkipHyphen(j + 1);
    }
    int dir = 2;  // "last July", "this September", "next March"; 2 = not said
    if (mod.empty() && !the) {
      if (Is(j, "last"))
        dir = -1;
      else if (Is(j, "this"))
        dir = 0;
      else if (Is(j, "next"))
        dir = 1;
      if (dir != 2) {
        size_t after;
        if (MonthAt(j + 1, &after) && !DayNumberAt(after))
          ++j;
        else
          dir = 2;
      }
    }
    if (WeekdayAt(j) >= 0) {
      const size_t k = SkipComma(j + 1);
      size_t after;
      if (MonthAt(k, &after) && DayNumberAt(after)) j = k;
    }
    size_t k;
    if (const int m = MonthAt(j, &k)) {
      if (const int d = DayNumberAt(k)) {
        size_t e = k + 1;
        int y = 0;
        const size_t c = SkipComma(e);
        if (const int yy = YearAt(c)) {
          y = yy;
          e = c + 1;
        } else if (have_dct_) {
          y = YearFor(m, d, i);
        }
        if (y && d > DaysInMonth(y, m)) return std::nullopt;
        return Match{e, TimexType::kDate, YearPrefix(y) + Fmt("-%02d-%02d", m, d), mod};
      }
      size_t c = SkipComma(k);
      if (Is(c, "of")) ++c;
      if (const int y = YearAt(c)) return Match{c + 1, TimexType::kDate, MonthValue(y, m), mod};
      size_t spelled_end;
      if (const int y = SpelledYearAt(c, &spelled_end))
        return Match{spelled_end, TimexType::kDate, MonthValue(y, m), mod};
      if (have_dct_ && dir == 2 && (Is(k, "this") || Is(k, "last") || Is(k, "next")) &&
          Is(k + 1, "year")) {  // "June last year"
        const int y = dct_.y + (Is(k, "last") ? -1 : Is(k, "next") ? 1 : 0);
        return Match{k + 2, TimexType::kDate, MonthValue(y, m), mod};
      }
      if (have_dct_ && dir != 2) {
        int y = dct_.y;
        if (dir < 0 && m >= dct_.m) --y;
        if (dir > 0 && m <= dct_.m) ++y;
        return Match{k, TimexType::kDate, MonthValue(y, m), mod};
      }
      // A month alone: full names only, "May" only after a preposition or modifier.
      if (W(j).size() <= 4 && W(j) != "june" && W(j) != "july") {
        if (W(j) != "may" ||
            !(j > 0 && (Is(j - 1, "in") || Is(j - 1, "since") || Is(j - 1, "until") ||
                        Is(j - 1, "of") || !mod.empty() || Is(j - 1, "last") || Is(j - 1, "next"))))
          return std::nullopt;
      }
      if (k > j + 1) return std::nullopt;  // an abbreviation alone is too vague
      const int y = have_dct_ ? YearFor(m, 0, i) : 0;
      return Match{k, TimexType::kDate, y ? MonthValue(y, m) : Fmt("XXXX-%02d", m), mod};
    }
    // 8 January [1998]
    if (const int d = DayNumberAt(j)) {
      size_t after = SkipComma(j + 1);
      if (Is(after, "of")) ++after;
      if (const int m = MonthAt(after, &k)) {
        int y = 0;
        size_t e = k;
        if (const int yy = YearAt(SkipComma(k))) {
          y = yy;
          e = SkipComma(k) + 1;
        } else if (have_dct_) {
          y = YearFor(m, d, i);
        }
        if (y && d > DaysInMonth(y, m)) return std::nullopt;
        return Match{e, TimexType::kDate, YearPrefix(y) + Fmt("-%02d-%02d", m, d), mod};
      }
    }
    return std::nullopt;
  }

  // 1994, fiscal 1997, the 1990s, the mid-1980s, the '90s, the 20th century
  std::optional<Match> YearLike(size_t i) const {
    size_t j = i;
    std::string mod;
    if (Is(j, "the")) ++j;
    if (W(j) == "early" || W(j) == "late" || W(j) == "mid") {
      mod = W(j) == "early" ? "START" : W(j) == "late" ? "END" : "MID";
      j = SkipHyphen(j + 1);
    }
    const std::string& w = W(j);
    // Decades
    if (w.size() == 5 && w.back() == 's' && std::all_of(w.begin(), w.end() - 1, ::isdigit) &&
        w[3] == '0') {
      return Match{j + 1, TimexType::kDate, w.substr(0, 3), mod};
    }
    if (Is(j, "'") && j + 1 < toks_.size()) {
      const std::string& d = W(j + 1);
      if (d.size() == 3 && d[1] == '0' && d[2] == 's' &&
          std::isdigit(static_cast<unsigned char>(d[0])))
        return Match{j + 2, TimexType::kDate, std::string("19") + d[0], mod};
    }
    static constexpr std::pair<std::string_view, char> kDecadeWords[] = {
        {"twenties", '2'}, {"thirties", '3'},  {"forties", '4'},  {"fifties", '5'},
        {"sixties", '6'},  {"seventies", '7'}, {"eighties", '8'}, {"nineties", '9'}};
    if (j > i) {
      for (const auto& [name, digit] : kDecadeWords) {
        if (w == name) return Match{j + 1, TimexType::kDate, std::string("19") + digit, mod};
      }
    }
    // Centuries: "the 20th century", "the twentieth century"
    if (j > i && Is(j + 1, "century")) {
      int n = DayNumberAt(j);
      static constexpr std::string_view kCenturyWords[] = {"nineteenth", "twentieth",
                                                           "twenty-first"};
      for (int c = 0; c < 2; ++c)
        if (w == kCenturyWords[c]) n = 19 + c;
      if (n >= 1 && n <= 21) return Match{j + 2, TimexType::kDate, Fmt("%02d", n - 1), mod};
    }
    if (Is(j, "year") && j > i) {  // "the year two thousand"
      size_t e;
      if (const int y = SpelledYearAt(j + 1, &e))
        return Match{e, TimexType::kDate, Fmt("%04d", y), mod};
    }
    {
      size_t e;
      if (const int y = SpelledYearAt(j, &e))
        return Match{e, TimexType::kDate, Fmt("%04d", y), mod};
    }
    size_t y_at = j;
    if (w == "fiscal" || w == "calendar") y_at = j + 1;
    if (const int y = YearAt(y_at)) {
      if (j > i && y_at == j && mod.empty()) return std::nullopt;  // "the 1998 budget"
      return Match{y_at + 1, TimexType::kDate, Fmt("%04d", y), mod};
    }
    return std::nullopt;
  }

  // The quarter a financial report speaks of: the one that has ended last when the creation
  // time is within 45 days of its end, else the current one.
  void ReportedQuarter(int* year, int* quarter) const {
    int q = (dct_.m - 1) / 3 + 1, y = dct_.y;
    const long start = DaysFromCivil(y, 3 * q - 2, 1);
    if (dct_days_ - start < 45) {
      if (--q == 0) q = 4, --y;
    }
    *year = y;
    *quarter = q;
  }

  // the quarter, the latest quarter, this quarter, the year-ago quarter, the 1988 quarter
  std::optional<Match> BareQuarter(size_t i) const {
    size_t j = i;
    if (!Is(j, "the") && !Is(j, "this")) return std::nullopt;
    ++j;
    int back = 0;  // years back
    int year = 0;
    if (Is(j, "latest") || Is(j, "current") || Is(j, "recent") || Is(j, "same")) {
      ++j;
    } else if ((Is(j, "year") && Is(j + 1, "-") && (Is(j + 2, "ago") || Is(j + 2, "earlier")))) {
      back = 1;
      j += 3;
    } else if (Is(j, "comparable") || Is(j, "corresponding")) {
      ++j;
      if (Is(j, "year") && Is(j + 1, "-") && (Is(j + 2, "ago") || Is(j + 2, "earlier")))
        back = 1, j += 3;
    } else if (YearAt(j)) {
      year = YearAt(j++);
    }
    int q = 0;
    for (int n = 0; n < 4; ++n) {
      if (W(j) == kOrdinals[n]) q = n + 1;
    }
    if (q) j = SkipHyphen(j + 1);
    if (!Is(j, "quarter") && !Is(j, "period")) return std::nullopt;
    if (Is(j, "period") && back == 0) return std::nullopt;
    if (!have_dct_) return std::nullopt;
    int y, rq;
    ReportedQuarter(&y, &rq);
    if (q) {
      if (q > rq) --y;
      rq = q;
    }
    if (year) y = year;
    return Match{j + 1, TimexType::kDate, Fmt("%04d-Q%d", y - back, rq), ""};
  }

  // the third quarter, third-quarter, the fourth quarter of 1997, the first half
  std::optional<Match> Quarter(size_t i) const {
    size_t j = i;
    if (Is(j, "the")) ++j;
    int q = 0;
    for (int n = 0; n < 4; ++n) {
      if (W(j) == kOrdinals[n] || W(j) == Fmt("%d", n + 1) + (n == 0   ? "st"
                                                              : n == 1 ? "nd"
                                                              : n == 2 ? "rd"
                                                                       : "th"))
        q = n + 1;
    }
    bool half = false;
    if (!q) return std::nullopt;
    size_t k = SkipHyphen(j + 1);
    if (W(k) == "half" && q <= 2) {
      half = true;
    } else if (W(k) != "quarter") {
      return std::nullopt;
    }
    size_t e = k + 1;
    int y = 0;
    if (Is(e, "of") && YearAt(e + 1)) {
      y = YearAt(e + 1);
      e += 2;
    } else if (YearAt(e) && !half) {
      y = YearAt(e);  // "third quarter 1997"
      ++e;
    } else if (have_dct_) {
      // Quarters and halves are reported after they end: one later in the year than the
      // creation time's is last year's (the tense says little here: "will report its third
      // quarter" is still this year's); "next year's first quarter" is next year's.
      const int cq = half ? (dct_.m - 1) / 6 + 1 : (dct_.m - 1) / 3 + 1;
      y = dct_.y;
      if (q > cq) --y;
      if (i >= 3 && Is(i - 1, "'s") && Is(i - 2, "year") && Is(i - 3, "next")) y = dct_.y + 1;
    }
    return Match{e, TimexType::kDate, YearPrefix(y) + (half ? Fmt("-H%d", q) : Fmt("-Q%d", q)), ""};
  }

  // [last|next|this|coming] Weekday [morning|afternoon|evening|night]
  std::optional<Match> WeekdayDate(size_t i) const {
    size_t j = i;
    int dir = 0;  // -1 last, +1 next, 0 by tense
    bool explicit_this = false;
    if (Is(j, "last") || Is(j, "past"))
      dir = -1, ++j;
    else if (Is(j, "next") || Is(j, "coming"))
      dir = 1, ++j;
    else if (Is(j, "this"))
      explicit_this = true, ++j;
    const int wd = WeekdayAt(j);
    if (wd < 0) return std::nullopt;
    size_t e = j + 1;
    if (Is(e, "'s") || (Is(e, "'") && Is(e + 1, "s"))) {
      // "Friday's vote": the date only
    }
    std::string part = PartOfDay(e);
    if (!part.empty()) ++e;
    std::string value = "XXXX-XX-XX";
    if (have_dct_) {
      const int today = WeekdayOf(dct_days_);
      long day;
      if (dir == 0 && !explicit_this && wd == today) {
        day = dct_days_;
      } else {
        const bool forward = dir > 0 || (dir == 0 && Future(i)) || (explicit_this && wd > today);
        if (forward) {
          day = dct_days_ + ((wd - today + 7) % 7 == 0 ? 7 : (wd - today + 7) % 7);
        } else {
          day = dct_days_ - ((today - wd + 7) % 7 == 0 ? 7 : (today - wd + 7) % 7);
        }
      }
      value = DayValue(day);
    }
    // "Friday morning", "Friday night": TimeBank and AQUAINT annotate them mostly as the day.
    return Match{e, TimexType::kDate, value, ""};
  }
  // "the weekend", "this weekend", "last weekend": the weekend of the creation time's week, or
  // of the week before when the sentence speaks of the past and the weekend has not come yet.
  std::optional<Match> Weekend(size_t i) const {
    size_t j = i;
    int dir = 2;  // by tense
    if (Is(j, "the"))
      ++j;
    else if (Is(j, "this"))
      dir = 0, ++j;
    else if (Is(j, "last") || Is(j, "past"))
      dir = -1, ++j;
    else if (Is(j, "next") || Is(j, "coming"))
      dir = 1, ++j;
    else
      return std::nullopt;
    if (!Is(j, "weekend")) return std::nullopt;
    if (!have_dct_) return Match{j + 1, TimexType::kDate, "XXXX-WXX-WE", ""};
    if (dir == 2) {
      const int today = WeekdayOf(dct_days_);
      dir = (TenseAround(i) == Tense::kPast && today < 5) ? -1 : 0;
    }
    return Match{j + 1, TimexType::kDate, WeekValue(dct_days_ + 7 * dir) + "-WE", ""};
  }
  std::string PartOfDay(size_t i) const {
    const std::string& w = W(i);
    if (w == "morning") return "MO";
    if (w == "afternoon") return "AF";
    if (w == "evening") return "EV";
    if (w == "night") return "NI";
    return "";
  }

  // today, yesterday, tomorrow, tonight, last night, this morning, the day before yesterday
  std::optional<Match> Deictic(size_t i) const {
    const std::string& w = W(i);
    auto day = [&](long offset) { return have_dct_ ? DayValue(dct_days_ + offset) : "XXXX-XX-XX"; };
    if (w == "today") return Match{i + 1, TimexType::kDate, day(0), ""};
    if (w == "yesterday") {
      const std::string part = PartOfDay(i + 1);
      if (!part.empty()) return Match{i + 2, TimexType::kTime, day(-1) + "T" + part, ""};
      return Match{i + 1, TimexType::kDate, day(-1), ""};
    }
    if (w == "tomorrow") {
      const std::string part = PartOfDay(i + 1);
      if (!part.empty()) return Match{i + 2, TimexType::kTime, day(1) + "T" + part, ""};
      return Match{i + 1, TimexType::kDate, day(1), ""};
    }
    if (w == "tonight") return Match{i + 1, TimexType::kTime, day(0) + "TNI", ""};
    if (w == "overnight") return Match{i + 1, TimexType::kTime, day(0) + "TNI", ""};
    if (w == "last" && Is(i + 1, "night"))
      return Match{i + 2, TimexType::kTime, day(-1) + "TNI", ""};
    if ((w == "this" || w == "earlier" || w == "later") && !PartOfDay(i + 1).empty() &&
        W(i + 1) != "night")
      return Match{i + 2, TimexType::kTime, day(0) + "T" + PartOfDay(i + 1), ""};
    if (w == "the" && Is(i + 1, "day") && Is(i + 2, "before") && Is(i + 3, "yesterday"))
      return Match{i + 4, TimexType::kDate, day(-2), ""};
    if (w == "the" && Is(i + 1, "day") && Is(i + 2, "after") && Is(i + 3, "tomorrow"))
      return Match{i + 4, TimexType::kDate, day(2), ""};
    return std::nullopt;
  }

  // last week, this month, next year, earlier this year, the past four months, the coming weeks
  std::optional<Match> Relative(size_t i) const {
    size_t j = i;
    std::string mod;
    // "earlier" and "later" qualify the expression but are not part of it ("earlier [this
    // week]"): the expression is found at the next token.
    if (W(j) == "earlier" || W(j) == "later") return std::nullopt;
    if (W(j) == "early")
      mod = "START", ++j;
    else if (W(j) == "late")
      mod = "END", ++j;
    else if (W(j) == "mid")
      mod = "MID", j = SkipHyphen(j + 1);
    bool the = false;
    if (Is(j, "the")) the = true, ++j;
    int dir = 0;
    bool span = false;  // "the past", "the last", "the next": a period up to or from now
    const std::string& w = W(j);
    if (w == "last" || w == "past" || w == "previous")
      dir = -1;
    else if (w == "next" || w == "coming" || w == "following")
      dir = 1;
    else if (w == "this" || w == "current")
      dir = 0;
    else
      return std::nullopt;
    if (Is(j, "this") && Is(j + 1, "past")) ++j;  // "this past spring"
    if (the && w != "following" && w != "previous") span = true;
    if (the && (w == "this")) return std::nullopt;
    ++j;
    // "the past four months", "the next few days": a duration
    size_t after_number = j;
    const double n = (span || dir != 0) ? NumberAt(j, &after_number) : 0;
    if (n != 0 && after_number > j) {
      size_t k = SkipHyphen(after_number);
      if (Is(k, "or") || Is(k, "to")) return std::nullopt;
      UnitInfo u;
      if (UnitAt(k, &u) && (n != 1 || !u.plural || true)) {
        return Match{k + 1, TimexType::kDuration, DurationValue(n, u), ""};
      }
      return std::nullopt;
    }
    UnitInfo u;
    std::string season;
    if (!UnitAt(j, &u)) {
      season = SeasonAt(j);
      if (season.empty()) return std::nullopt;
    }
    if (!season.empty()) {
      if (!have_dct_) return Match{j + 1, TimexType::kDate, "XXXX-" + season, mod};
      int y = dct_.y;
      const int smonth = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
      if (dir < 0 && dct_.m < smonth + 3) --y;
      if (dir > 0 && dct_.m >= smonth) ++y;
      return Match{j + 1, TimexType::kDate, Fmt("%04d-", y) + season, mod};
    }
    if (u.plural) {
      // "the coming weeks", "recent months": a vague duration
      if (span || dir != 0) return Match{j + 1, TimexType::kDuration, DurationValue(-1, u), ""};
      return std::nullopt;
    }
    if (span && mod.empty()) {
      // "the past year", "the last week": the period up to now
      return Match{j + 1, TimexType::kDuration, DurationValue(1, u), ""};
    }
    if (!have_dct_) return std::nullopt;
    std::string value;
    switch (u.code) {
      case 'D':
        if (u.time) return std::nullopt;
        value = DayValue(dct_days_ + dir);
        break;
      case 'W':
        value = WeekValue(dct_days_ + 7 * dir);
        break;
      case 'K':
        value = WeekValue(dct_days_ + 7 * dir) + "-WE";
        break;
      case 'M':
        if (u.time) return std::nullopt;
        value = MonthValue(dct_.y, dct_.m + dir);
        break;
      case 'Y':
        value = Fmt("%04d", dct_.y + dir);
        break;
      case 'Q': {
        int q = (dct_.m - 1) / 3 + 1 + dir, y = dct_.y;
        if (q < 1) q = 4, --y;
        if (q > 4) q = 1, ++y;
        value = Fmt("%04d-Q%d", y, q);
        break;
      }
      case 'E':
        value = Fmt("%03d", dct_.y / 10 + dir);
        break;
      case 'C':
        value = Fmt("%02d", dct_.y / 100 + dir);
        break;
      default:
        return std::nullopt;
    }
    return Match{j + 1, TimexType::kDate, value, mod};
  }
  std::string SeasonAt(size_t i) const {
    const std::string& w = W(i);
    if (w == "spring") return "SP";
    if (w == "summer") return "SU";
    if (w == "fall" || w == "autumn") return "FA";
    if (w == "winter") return "WI";
    return "";
  }

  // two years ago, six weeks ago, a decade ago, several years ago
  std::optional<Match> Ago(size_t i) const {
    size_t j = i;
    std::string mod;
    if (Is(j, "more") && Is(j + 1, "than"))
      mod = "MORE_THAN", j += 2;
    else if (Is(j, "about") || Is(j, "nearly") || Is(j, "almost") || Is(j, "some") ||
             Is(j, "roughly") || Is(j, "around"))
      mod = "APPROX", ++j;
    size_t k;
    const double n = NumberAt(j, &k);
    if (n == 0) return std::nullopt;
    UnitInfo u;
    // "two years ago"; "a year earlier" of a financial report is also counted from the creation
    // time (TimeBank anchors it there or on the reported period).
    if (!UnitAt(k, &u) || !(Is(k + 1, "ago") || (Is(k + 1, "earlier") && u.code == 'Y')))
      return std::nullopt;
    const size_t e = k + 2;
    if (n < 0 || !have_dct_) return Match{e, TimexType::kDate, "PAST_REF", mod};
    const long amount = static_cast<long>(n);
    // In a report on a quarter, "a year ago" / "a year earlier" is that quarter a year before.
    if (u.code == 'Y' && amount == 1 && !last_quarter_.empty()) {
      const int qy = std::atoi(last_quarter_.substr(0, 4).c_str());
      return Match{e, TimexType::kDate, Fmt("%04d", qy - 1) + last_quarter_.substr(4), mod};
    }
    std::string value;
    switch (u.code) {
      case 'D':
        value = u.time ? DayValue(dct_days_) : DayValue(dct_days_ - amount);
        break;
      case 'W':
        value = WeekValue(dct_days_ - 7 * amount);
        break;
      case 'M':
        value =
            u.time ? DayValue(dct_days_) : MonthValue(dct_.y, dct_.m - static_cast<int>(amount));
        break;
      case 'Y':
        value = Fmt("%04d", dct_.y - static_cast<int>(amount));
        break;
      case 'E':
        value = Fmt("%04d", dct_.y - 10 * static_cast<int>(amount));
        break;
      case 'C':
        value = Fmt("%02d", (dct_.y - 100 * static_cast<int>(amount)) / 100);
        break;
      default:
        value = DayValue(dct_days_);
    }
    return Match{e, TimexType::kDate, value, mod};
  }

  static std::string DurationValue(double n, const UnitInfo& u) {
    std::string amount;
    char code = u.code;
    double v = n;
    if (code == 'E') code = 'Y', v = n > 0 ? n * 10 : n;
    if (code == 'C') code = 'Y', v = n > 0 ? n * 100 : n;
    if (code == 'K') code = 'D', v = n > 0 ? n * 2 : n;
    if (v < 0) {
      amount = "X";
    } else if (v != static_cast<long>(v)) {
      // A fraction is written in the next smaller unit: 5 1/2 hours = PT5H30M, 1.5 years = P18M.
      const long whole = static_cast<long>(v);
      switch (code) {
        case 'H':
          return "PT" + (whole ? std::to_string(whole) + "H" : "") +
                 std::to_string(static_cast<long>((v - whole) * 60 + 0.5)) + "M";
        case 'Y':
          return "P" + std::to_string(static_cast<long>(v * 12 + 0.5)) + "M";
        case 'D':
          return "PT" + std::to_string(static_cast<long>(v * 24 + 0.5)) + "H";
        case 'W':
          return "P" + std::to_string(static_cast<long>(v * 7 + 0.5)) + "D";
        default:
          amount = std::to_string(static_cast<long>(v + 0.5));
      }
    } else {
      amount = std::to_string(static_cast<long>(v));
    }
    return std::string(u.time ? "PT" : "P") + amount + code;
  }

  // five months, 24 hours, a year, two-day, several years, more than four decades, years
  std::optional<Match> Duration(size_t i) const {
    size_t j = i;
    std::string mod;
    if (Is(j, "more") && Is(j + 1, "than"))
      mod = "MORE_THAN", j += 2;
    else if (Is(j, "less") && Is(j + 1, "than"))
      mod = "LESS_THAN", j += 2;
    else if (Is(j, "at") && Is(j + 1, "least"))
      mod = "EQUAL_OR_MORE", j += 2;
    else if (Is(j, "nearly") || Is(j, "almost") || Is(j, "about") || Is(j, "roughly") ||
             Is(j, "approximately") || Is(j, "around"))
      mod = "APPROX", ++j;
    else if (Is(j, "over") || Is(j, "within") || Is(j, "only") || Is(j, "just"))
      ++j;
    size_t k;
    double n = NumberAt(j, &k);
    UnitInfo u;
    if (n == 0) {
      // A bare plural unit: "years", "decades", "months" (but not "days" after a number word)
      if (UnitAt(j, &u) && u.plural && u.code != 'Q' && u.code != 'K' && j == i &&
          (u.code == 'Y' || u.code == 'E' || u.code == 'C') && !toks_[j].cap)
        return Match{j + 1, TimexType::kDuration, DurationValue(-1, u), ""};
      return std::nullopt;
    }
    k = SkipHyphen(k);
    if (!UnitAt(k, &u) || u.code == 'Q' || u.code == 'K') return std::nullopt;
    size_t e = k + 1;
    // "a year" must not be a rate ("$5 a year"): that is a set
    if (n == 1 && (W(j) == "a" || W(j) == "an") && i > 0 &&
        (toks_[i - 1].num || W(i - 1) == "times" || W(i - 1) == "percent")) {
      return Match{e, TimexType::kSet, DurationValue(1, u), ""};
    }
    // An age ("a 6-year-old boy", "52 years old") is not a time expression in TimeML.
    if ((Is(e, "-") && Adjacent(e) && Is(e + 1, "old")) || Is(e, "old")) return std::nullopt;
    if (Is(e, "-") && Adjacent(e) && Is(e + 1, "long")) e += 2;
    return Match{e, TimexType::kDuration, DurationValue(n, u), mod};
  }

  // 10:35 a.m., 6 a.m., 5 p.m. EST, noon, midnight; with a following day when written
  std::optional<Match> ClockTime(size_t i) const {
    size_t j = i;
    int h = -1, m = 0;
    if (Is(j, "noon") || Is(j, "midday")) {
      h = 12;
      ++j;
    } else if (Is(j, "midnight")) {
      h = 24;
      ++j;
    } else if (toks_[j].num && toks_[j].low.size() <= 2) {
      h = std::atoi(W(j).c_str());
      ++j;
      if (Is(j, ":") && Adjacent(j) && j + 1 < toks_.size() && toks_[j + 1].num &&
          W(j + 1).size() == 2) {
        m = std::atoi(W(j + 1).c_str());
        j += 2;
      }
      const std::string& ap = W(j);
      if (ap == "a.m." || ap == "am" || ap == "a.m") {
        if (h == 12) h = 0;
        ++j;
      } else if (ap == "p.m." || ap == "pm" || ap == "p.m") {
        if (h < 12) h += 12;
        ++j;
      } else if (Is(j, "o'clock")) {
        ++j;
      } else {
        return std::nullopt;
      }
      if (h > 24 || m > 59) return std::nullopt;
    } else {
      return std::nullopt;
    }
    static constexpr std::string_view kZones[] = {"est", "edt", "cst", "cdt", "mst", "mdt",
                                                  "pst", "pdt", "gmt", "utc", "et",  "bst"};
    for (std::string_view z : kZones) {
      if (Is(j, z)) {
        ++j;
        break;
      }
    }
    std::string date = have_dct_ ? DayValue(dct_days_) : "XXXX-XX-XX";
    size_t e = j;
    if (auto wd = WeekdayDate(j); wd && wd->type == TimexType::kDate) {
      date = wd->value;
      e = wd->end;
    } else if (auto dd = Deictic(j); dd && dd->type == TimexType::kDate) {
      date = dd->value;
      e = dd->end;
    }
    return Match{e, TimexType::kTime, date + Fmt("T%02d:%02d", h, m), ""};
  }

  // daily, weekly, annually, every day, each year, every Monday
  std::optional<Match> Set(size_t i) const {
    const std::string& w = W(i);
    static constexpr std::pair<std::string_view, std::string_view> kAdverbs[] = {
        {"daily", "P1D"},  {"weekly", "P1W"},  {"monthly", "P1M"}, {"annually", "P1Y"},
        {"yearly", "P1Y"}, {"hourly", "PT1H"}, {"nightly", "P1D"}};
    for (const auto& [name, value] : kAdverbs) {
      if (w == name) return Match{i + 1, TimexType::kSet, std::string(value), ""};
    }
    if (w == "every" || w == "each") {
      UnitInfo u;
      if (UnitAt(i + 1, &u) && !u.plural) {
        return Match{i + 2, TimexType::kSet, DurationValue(1, u), ""};
      }
      const int wd = WeekdayAt(i + 1);
      if (wd >= 0) return Match{i + 2, TimexType::kSet, Fmt("XXXX-WXX-%d", wd + 1), ""};
      const std::string part = PartOfDay(i + 1);
      if (!part.empty()) return Match{i + 2, TimexType::kSet, "XXXX-XX-XXT" + part, ""};
    }
    return std::nullopt;
  }

  // now, the past, recently, the future, currently
  std::optional<Match> Reference(size_t i) const {
    const std::string& w = W(i);
    if (w == "now" && !Is(i + 1, "that")) return Match{i + 1, TimexType::kDate, "PRESENT_REF", ""};
    if (w == "currently" || w == "nowadays")
      return Match{i + 1, TimexType::kDate, "PRESENT_REF", ""};
    if (w == "current" && i + 1 < toks_.size() && !toks_[i + 1].punct && !Is(i + 1, "account") &&
        !Is(i + 1, "and") && !Is(i + 1, "or"))
      return Match{i + 1, TimexType::kDate, "PRESENT_REF", ""};
    if (w == "these" && Is(i + 1, "days")) return Match{i + 2, TimexType::kDate, "PRESENT_REF", ""};
    if (w == "soon" && !Is(i + 1, "after") && !Is(i + 1, "as") && !(i > 0 && Is(i - 1, "as")))
      return Match{i + 1, TimexType::kDate, "FUTURE_REF", ""};
    if (w == "as" && Is(i + 1, "soon") && Is(i + 2, "as") && Is(i + 3, "possible"))
      return Match{i + 4, TimexType::kDate, "FUTURE_REF", ""};
    if (w == "the" && Is(i + 1, "near") && (Is(i + 2, "term") || Is(i + 2, "future")))
      return Match{i + 3, TimexType::kDate, "FUTURE_REF", ""};
    if (w == "future" && i > 0 && !Is(i - 1, "the") && !Is(i - 1, "near") &&
        !Is(i - 1, "foreseeable") && i + 1 < toks_.size() && !toks_[i + 1].punct)
      return Match{i + 1, TimexType::kDate, "FUTURE_REF", ""};
    if ((w == "recent" || w == "past") && i > 0 && !Is(i - 1, "the") && !Is(i - 1, "most")) {
      UnitInfo u;
      if (UnitAt(i + 1, &u) && u.plural && (u.code == 'Y' || u.code == 'E'))
        return Match{i + 2, TimexType::kDate, "PAST_REF", ""};
      if (w == "recent" && !UnitAt(i + 1, &u))
        return Match{i + 1, TimexType::kDate, "PAST_REF", ""};
    }
    // "the year": this year, or a fiscal year ("the year ended March 31") as a duration
    if (w == "the" && Is(i + 1, "year") && have_dct_ && !Is(i + 2, "-") && !Is(i + 2, "before") &&
        !Is(i + 2, "after") && !Is(i + 2, "earlier")) {
      if (Is(i + 2, "ended") || Is(i + 2, "ending") || Is(i + 2, "to"))
        return Match{i + 2, TimexType::kDuration, "P1Y", ""};
      return Match{i + 2, TimexType::kDate, Fmt("%04d", dct_.y), ""};
    }
    if (w == "recently") return Match{i + 1, TimexType::kDate, "PAST_REF", ""};
    if (w == "the" && Is(i + 1, "past")) {
      UnitInfo u;
      size_t k;
      if (!UnitAt(i + 2, &u) && NumberAt(i + 2, &k) == 0)
        return Match{i + 2, TimexType::kDate, "PAST_REF", ""};
    }
    if (w == "the" && Is(i + 1, "future")) return Match{i + 2, TimexType::kDate, "FUTURE_REF", ""};
    if (w == "future" && i > 0 && (Is(i - 1, "near") || Is(i - 1, "foreseeable")))
      return Match{i + 1, TimexType::kDate, "FUTURE_REF", ""};
    if (w == "the" && Is(i + 1, "present") && !Is(i + 2, "day"))
      return Match{i + 2, TimexType::kDate, "PRESENT_REF", ""};
    return std::nullopt;
  }
  std::string_view text_;
  std::vector<Tok> toks_;
  std::string last_quarter_;  // the last quarter the document spoke of ("1989-Q3"), if any
  bool have_dct_ = false;
  Day dct_;
  long dct_days_ = 0;
};

// First and last day of a period value, or false.
bool PeriodRange(std::string_view v, long* first, long* last) {
  auto digits = [&](size_t at, size_t n, int* out) {
    if (v.size() < at + n) return false;
    int x = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (v[k] < '0' || v[k] > '9') return false;
      x = x * 10 + (v[k] - '0');
    }
    *out = x;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (v.size() == 2 && digits(0, 2, &y)) {  // century "19" = 1900-1999
    *first = DaysFromCivil(y * 100, 1, 1);
    *last = DaysFromCivil(y * 100 + 99, 12, 31);
    return true;
  }
  if (v.size() == 3 && digits(0, 3, &y)) {  // decade "199"
    *first = DaysFromCivil(y * 10, 1, 1);
    *last = DaysFromCivil(y * 10 + 9, 12, 31);
    return true;
  }
  if (!digits(0, 4, &y)) return false;
  if (v.size() == 4) {
    *first = DaysFromCivil(y, 1, 1);
    *last = DaysFromCivil(y, 12, 31);
    return true;
  }
  if (v[4] != '-') return false;
  const std::string_view rest = v.substr(5);
  if (rest.size() >= 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    const int q = rest[1] - '0';
    *first = DaysFromCivil(y, 3 * q - 2, 1);
    *last = DaysFromCivil(y, 3 * q, DaysInMonth(y, 3 * q));
    return true;
  }
  if (rest.size() >= 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
    const int h = rest[1] - '0';
    *first = DaysFromCivil(y, 6 * h - 5, 1);
    *last = DaysFromCivil(y, 6 * h, DaysInMonth(y, 6 * h));
    return true;
  }
  if (rest.size() >= 3 && rest[0] == 'W' && std::isdigit(static_cast<unsigned char>(rest[1]))) {
    int w = 0;
    if (!digits(6, 2, &w)) return false;
    const long jan4 = DaysFromCivil(y, 1, 4);
    const long monday = jan4 - WeekdayOf(jan4) + 7L * (w - 1);
    if (rest.size() >= 6 && rest.substr(3) == "-WE") {
      *first = monday + 5;
      *last = monday + 6;
    } else {
      *first = monday;
      *last = monday + 6;
    }
    return true;
  }
  static constexpr std::pair<std::string_view, int> kSeasons[] = {
      {"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
  for (const auto& [code, start] : kSeasons) {
    if (rest == code) {
      *first = DaysFromCivil(y, start, 1);
      const int end_month = start + 2 > 12 ? start + 2 - 12 : start + 2;
      const int end_year = start + 2 > 12 ? y + 1 : y;
      *last = DaysFromCivil(end_year, end_month, DaysInMonth(end_year, end_month));
      return true;
    }
  }
  if (!digits(5, 2, &m) || m < 1 || m > 12) return false;
  if (v.size() == 7) {
    *first = DaysFromCivil(y, m, 1);
    *last = DaysFromCivil(y, m, DaysInMonth(y, m));
    return true;
  }
  if (v.size() < 10 || v[7] != '-' || !digits(8, 2, &d) || d < 1 || d > DaysInMonth(y, m))
    return false;
  *first = *last = DaysFromCivil(y, m, d);
  return v.size() == 10 || v[10] == 'T';
}

}  // namespace

std::string_view ToString(TimexType t) {
  switch (t) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

std::vector<Timex> FindTimexes(std::string_view text, std::string_view dct) {
  return Grammar(text, dct).Run();
}

bool ValueToRange(std::string_view value, std::string_view mod, std::string* begin,
                  std::string* end) {
  long first = 0, last = 0;
  if (!PeriodRange(value, &first, &last)) return false;
  const long length = last - first + 1;
  if (value.size() == 4 && (mod == "START" || mod == "MID" || mod == "END")) {
    // a year's start, middle and end: its first quarter, the two between, its last quarter
    const int y = std::atoi(std::string(value).c_str());
    if (mod == "START")
      last = DaysFromCivil(y, 3, 31);
    else if (mod == "END")
      first = DaysFromCivil(y, 10, 1);
    else
      first = DaysFromCivil(y, 4, 1), last = DaysFromCivil(y, 9, 30);
  } else if (length > 1) {
    const long part = std::max(1L, length / 3);
    if (mod == "START")
      last = first + part - 1;
    else if (mod == "END")
      first = last - part + 1;
    else if (mod == "MID")
      first += part, last -= part;
  }
  *begin = DayValue(first);
  *end = DayValue(last);
  return true;
}

}  // namespace claimgraph::engine::time
