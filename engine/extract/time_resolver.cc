#include "engine/extract/time_resolver.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

constexpr std::string_view kMonthNames[] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};
constexpr std::string_view kMonthAbbrev[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

struct Range {
  long begin = 0, end = 0;  // days since epoch, inclusive
};

class Matcher {
 public:
  Matcher(std::string_view text, std::string_view pub) : text_(text), tokens_(Tokenize(text)) {
    int y, m, d;
    if (ParseIsoDate(pub, &y, &m, &d)) {
      pub_ = DaysFromCivil(y, m, d);
      pub_year_ = y;
      pub_month_ = m;
    }
  }

  std::vector<TimeMention> Run() {
    std::vector<TimeMention> out;
    for (size_t i = 0; i < tokens_.size();) {
      size_t end = i;
      std::optional<Range> r = Match(i, &end);
      if (!r) {
        ++i;
        continue;
      }
      size_t first = i;
      if (first > 0) {
        const std::string& p = tokens_[first - 1].text;
        if (p == "by" || p == "until" || p == "till" || p == "before" || p == "since" ||
            p == "after")
          --first;
      }
      TimeMention m;
      m.byte_begin = tokens_[first].begin;
      m.byte_end = tokens_[end - 1].end;
      m.ref.text = std::string(text_.substr(m.byte_begin, m.byte_end - m.byte_begin));
      int y, mo, d;
      CivilFromDays(r->begin, &y, &mo, &d);
      m.ref.begin = FormatIsoDate(y, mo, d);
      CivilFromDays(r->end, &y, &mo, &d);
      m.ref.end = FormatIsoDate(y, mo, d);
      m.day_precise = r->begin == r->end;
      out.push_back(std::move(m));
      i = end;
    }
    return out;
  }

 private:
  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < tokens_.size() ? tokens_[i].text : kEmpty;
  }
  bool Capital(size_t i) const {
    return i < tokens_.size() && std::isupper(static_cast<unsigned char>(text_[tokens_[i].begin]));
  }
  int Month(size_t i) const {
    if (i >= tokens_.size() || !Capital(i)) return 0;
    for (int m = 0; m < 12; ++m)
      if (W(i) == kMonthNames[m] || (W(i) == kMonthAbbrev[m] && W(i) != "may") ||
          (W(i) == "sept" && m == 8))
        return m + 1;
    return 0;
  }
  int Weekday(size_t i) const {  // 0 = Monday
    if (i >= tokens_.size()) return -1;
    for (int d = 0; d < 7; ++d)
      if (W(i) == kWeekdays[d]) return d;
    return -1;
  }
  int Year(size_t i) const {
    if (i >= tokens_.size() || !tokens_[i].numeric) return 0;
    const std::string_view raw = text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
    if (raw.size() != 4) return 0;
    const int y = std::atoi(tokens_[i].text.c_str());
    return (y >= 1900 && y <= 2100) ? y : 0;
  }
  int Day(size_t i) const {
    if (i >= tokens_.size() || !tokens_[i].numeric) return 0;
    std::string t = tokens_[i].text;
    const int d = std::atoi(t.c_str());
    return (d >= 1 && d <= 31 && t.size() <= 2) ? d : 0;
  }
  // Day of a "1st", "2nd", "9th" token.
  int OrdinalDay(size_t i) const {
    if (i >= tokens_.size()) return 0;
    const std::string& t = tokens_[i].text;
    if (t.size() < 3 || t.size() > 4 || !std::isdigit(static_cast<unsigned char>(t[0]))) return 0;
    const std::string suffix = t.substr(t.size() - 2);
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
    const int d = std::atoi(t.c_str());
    return (d >= 1 && d <= 31) ? d : 0;
  }

  static Range MonthRange(int y, int m) {
    return {DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m))};
  }
  static Range YearRange(int y) { return {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31)}; }

  // Year that puts month m (day d) nearest to the publication date.
  int NearestYear(int m, int d) const {
    int best = pub_year_;
    long best_gap = -1;
    for (int y = pub_year_ - 1; y <= pub_year_ + 1; ++y) {
      const long gap = std::labs(DaysFromCivil(y, m, std::min(d, DaysInMonth(y, m))) - pub_);
      if (best_gap < 0 || gap < best_gap) {
        best_gap = gap;
        best = y;
      }
    }
    return best;
  }

  bool HavePub() const { return pub_year_ != 0; }

  // Sub-range of a month or year: early / mid / late / end / beginning.
  static Range Part(Range r, const std::string& part) {
    const long len = r.end - r.begin + 1;
    if (part == "early" || part == "beginning" || part == "start")
      return {r.begin, r.begin + std::max(0L, len / 3 - 1)};
    if (part == "mid" || part == "middle") return {r.begin + len / 3, r.begin + 2 * len / 3 - 1};
    if (part == "late") return {r.begin + 2 * len / 3, r.end};
    if (part == "end") {
      if (len > 31) {  // the end of a year: its last month
        int y, m, d;
        CivilFromDays(r.end, &y, &m, &d);
        return MonthRange(y, 12);
      }
      return {r.end - std::min(10L, len - 1), r.end};
    }
    return r;
  }

  // A month or year at i (optionally with a year, "last year" / "next year"), for "early X" etc.
  std::optional<Range> Period(size_t i, size_t* end) const {
    if (const int y = Year(i)) {
      *end = i + 1;
      return YearRange(y);
    }
    if (const int m = Month(i)) {
      if (const int y = Year(i + 1)) {
        *end = i + 2;
        return MonthRange(y, m);
      }
      if (!HavePub()) return std::nullopt;
      if ((W(i + 1) == "last" || W(i + 1) == "next" || W(i + 1) == "this") && W(i + 2) == "year") {
        const int y = pub_year_ + (W(i + 1) == "last" ? -1 : W(i + 1) == "next" ? 1 : 0);
        *end = i + 3;
        return MonthRange(y, m);
      }
      *end = i + 1;
      return MonthRange(NearestYear(m, 15), m);
    }
    if (!HavePub()) return std::nullopt;
    if ((W(i) == "the" || W(i) == "this") && (W(i + 1) == "year" || W(i + 1) == "month")) {
      *end = i + 2;
      return W(i + 1) == "year" ? YearRange(pub_year_) : MonthRange(pub_year_, pub_month_);
    }
    return std::nullopt;
  }

  std::optional<Range> Match(size_t i, size_t* end) const {
    const std::string& w = W(i);
    // "early November", "the end of 2026", "end of the year", "mid-2025", "beginning of 2020".
    {
      size_t j = i;
      if (W(j) == "the") ++j;
      std::string part = W(j);
      if (part == "early" || part == "mid" || part == "late" || part == "end" ||
          part == "beginning" || part == "start" || part == "middle") {
        size_t k = j + 1;
        if (W(k) == "of") ++k;
        if (part == "end" || part == "beginning" || part == "start" || part == "middle") {
          if (W(j + 1) != "of") k = std::string::npos;
        }
        if (k != std::string::npos) {
          if (auto r = Period(k, end)) return Part(*r, part);
        }
      }
    }
    // Relative days.
    if (HavePub()) {
      if (w == "yesterday") {
        *end = i + 1;
        return Range{pub_ - 1, pub_ - 1};
      }
      if (w == "today" || w == "tonight") {
        *end = i + 1;
        return Range{pub_, pub_};
      }
      // "a few days ago", "three weeks ago"
      {
        size_t j = i;
        double n = 0;
        bool few = false;
        if (W(j) == "a" && W(j + 1) == "few") {
          few = true;
          j += 2;
        } else if (W(j) == "few" || W(j) == "several") {
          few = true;
          ++j;
        } else if (tokens_.size() > j && tokens_[j].numeric && Day(j)) {
          n = Day(j);
          ++j;
        } else if (j < tokens_.size()) {
          static const std::pair<std::string_view, int> kSmall[] = {
              {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"a", 1}, {"one", 1}};
          for (const auto& [word, v] : kSmall)
            if (W(j) == word) {
              n = v;
              ++j;
              break;
            }
        }
        if ((few || n > 0) && W(j + 1) == "ago") {
          const std::string& unit = W(j);
          long days = 0;
          if (unit == "day" || unit == "days") days = 1;
          if (unit == "week" || unit == "weeks") days = 7;
          if (unit == "month" || unit == "months") days = 30;
          if (unit == "year" || unit == "years") days = 365;
          if (days) {
            *end = j + 2;
            if (few) return Range{pub_ - days * 7, pub_ - 1};
            const long at = pub_ - static_cast<long>(n) * days;
            return Range{at, at};
          }
        }
      }
      // "last week", "next month", "this year", "earlier this month", "later this year".
      {
        size_t j = i;
        std::string rel = W(j);
        if ((rel == "earlier" || rel == "later") && W(j + 1) == "this") ++j;
        const std::string& unit = W(j + 1);
        if ((rel == "last" || rel == "next" || rel == "this" || rel == "past" || rel == "coming" ||
             rel == "earlier" || rel == "later") &&
            (unit == "week" || unit == "month" || unit == "year")) {
          *end = j + 2;
          const int dir = (rel == "last" || rel == "past")     ? -1
                          : (rel == "next" || rel == "coming") ? 1
                                                               : 0;
          if (unit == "week") {
            if (rel == "earlier") return Range{pub_ - 7, pub_};
            return Range{pub_ + 7 * dir - 3, pub_ + 7 * dir + 3};
          }
          if (unit == "month") {
            int y = pub_year_, m = pub_month_ + dir;
            if (m == 0) {
              m = 12;
              --y;
            } else if (m == 13) {
              m = 1;
              ++y;
            }
            Range r = MonthRange(y, m);
            if (rel == "earlier") r.end = pub_;
            if (rel == "later") r.begin = pub_;
            return r;
          }
          Range r = YearRange(pub_year_ + dir);
          if (rel == "earlier") r.end = pub_;
          if (rel == "later") r.begin = pub_;
          return r;
        }
        // "last July", "next September"
        if ((rel == "last" || rel == "next" || rel == "this") && Month(i + 1) && !Year(i + 2)) {
          const int m = Month(i + 1);
          int y = pub_year_;
          if (rel == "last" && m >= pub_month_) --y;
          if (rel == "next" && m <= pub_month_) ++y;
          *end = i + 2;
          return MonthRange(y, m);
        }
        // "last Sunday", "next Friday", "on Thursday", "Thursday's", "Friday January 7".
        int wd = Weekday(i);
        size_t after = i + 1;
        int dir = -1;
        if (wd < 0 && (rel == "last" || rel == "next" || rel == "this" || rel == "coming" ||
                       rel == "on" || rel == "past")) {
          wd = Weekday(i + 1);
          after = i + 2;
          if (rel == "next" || rel == "coming") dir = 1;
          if (wd >= 0 && rel == "on") {
            // "on Friday January 7": let the date rule take it after the weekday.
            if (Month(i + 2) || Day(i + 2)) {
              *end = i + 2;
              if (auto r = Match(i + 2, end)) return r;
            }
          }
        } else if (wd >= 0 && (Month(i + 1) || (Day(i + 1) && Month(i + 2)))) {
          if (auto r = Match(i + 1, end)) return r;
        }
        if (wd >= 0 && Capital(after - 1)) {
          // Weekday of the publication date: 1970-01-01 was a Thursday (3).
          const int pub_wd = static_cast<int>(((pub_ % 7) + 7 + 3) % 7);
          long day;
          if (dir < 0) {
            int back = (pub_wd - wd + 7) % 7;
            if (back == 0) back = 7;
            day = pub_ - back;
          } else {
            int fwd = (wd - pub_wd + 7) % 7;
            if (fwd == 0) fwd = 7;
            day = pub_ + fwd;
          }
          *end = after;
          return Range{day, day};
        }
      }
    }
    // "December 31, 2021", "December 9", "January 2024", "December".
    if (const int m = Month(i)) {
      int d = Day(i + 1);
      if (!d) d = OrdinalDay(i + 1);
      if (d) {
        int y = Year(i + 2);
        if (y) {
          *end = i + 3;
        } else {
          if (!HavePub()) return std::nullopt;
          y = NearestYear(m, d);
          *end = i + 2;
        }
        if (d > DaysInMonth(y, m)) return std::nullopt;
        const long day = DaysFromCivil(y, m, d);
        return Range{day, day};
      }
      // A month alone needs a cue before it ("in", "by", "since", "of", "until") or a year.
      const std::string& prev = i > 0 ? W(i - 1) : std::string();
      if (Year(i + 1) || W(i + 1) == "last" || W(i + 1) == "next" || prev == "in" || prev == "by" ||
          prev == "since" || prev == "until" || prev == "of" || prev == "during" ||
          prev == "from" || prev == "before" || prev == "after") {
        return Period(i, end);
      }
    }
    // "2 November", "31 December 2021", "9th December".
    if (int d = Day(i) ? Day(i) : OrdinalDay(i)) {
      if (const int m = Month(i + 1)) {
        int y = Year(i + 2);
        if (y) {
          *end = i + 3;
        } else {
          if (!HavePub()) return std::nullopt;
          y = NearestYear(m, d);
          *end = i + 2;
        }
        if (d > DaysInMonth(y, m)) return std::nullopt;
        const long day = DaysFromCivil(y, m, d);
        return Range{day, day};
      }
    }
    // A year: "in 2014", "2019".
    if (const int y = Year(i)) {
      *end = i + 1;
      return YearRange(y);
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  long pub_ = 0;
  int pub_year_ = 0, pub_month_ = 0;
};

}  // namespace

bool ParseIsoDate(std::string_view iso, int* year, int* month, int* day) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return false;
  *year = std::atoi(std::string(iso.substr(0, 4)).c_str());
  *month = std::atoi(std::string(iso.substr(5, 2)).c_str());
  *day = std::atoi(std::string(iso.substr(8, 2)).c_str());
  return *month >= 1 && *month <= 12 && *day >= 1 && *day <= DaysInMonth(*year, *month);
}

std::string FormatIsoDate(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* year, int* month, int* day) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(y + (*month <= 2));
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

std::vector<TimeMention> FindTimes(std::string_view text, std::string_view publication_date) {
  return Matcher(text, publication_date).Run();
}

}  // namespace claimgraph::engine
