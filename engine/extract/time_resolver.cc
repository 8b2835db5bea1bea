#include "engine/extract/time_resolver.h"

#include <cstdio>

#include "engine/time/timex.h"

namespace claimgraph::engine {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The word that ends right before byte `at` (skipping white space), lower-cased.
std::string WordBefore(std::string_view text, size_t at, size_t* word_begin) {
  size_t e = at;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  size_t b = e;
  while (b > 0 && IsWordChar(text[b - 1])) --b;
  *word_begin = b;
  std::string w(text.substr(b, e - b));
  for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return w;
}

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
  std::vector<TimeMention> out;
  int py = 0, pm = 0, pd = 0;
  const bool have_pub = ParseIsoDate(publication_date, &py, &pm, &pd);
  for (const time::Timex& t : time::FindTimexes(text, publication_date)) {
    if (t.type != time::TimexType::kDate && t.type != time::TimexType::kTime) continue;
    TimeMention m;
    if (!time::ValueToRange(t.value, t.mod, &m.ref.begin, &m.ref.end)) continue;
    m.byte_begin = t.begin;
    m.byte_end = t.end;
    // The preposition that makes a deadline or a start ("by September 2026", "until the end of
    // 2026", "since 2014") or anchors a day ("on Thursday") belongs to what the claim says.
    size_t word_begin = 0;
    const std::string before = WordBefore(text, t.begin, &word_begin);
    if (before == "by" || before == "until" || before == "till" || before == "before" ||
        before == "since" || before == "after" || before == "on") {
      m.byte_begin = word_begin;
    }
    // "earlier this month" ends at the publication date; "later this year" starts there.
    if (have_pub && (before == "earlier" || before == "later")) {
      const std::string pub = FormatIsoDate(py, pm, pd);
      if (before == "earlier" && pub < m.ref.end && pub >= m.ref.begin) m.ref.end = pub;
      if (before == "later" && pub > m.ref.begin && pub <= m.ref.end) m.ref.begin = pub;
    }
    // A possessive stays with its day ("Thursday's decision").
    if (text.substr(m.byte_end, 2) == "'s")
      m.byte_end += 2;
    else if (text.substr(m.byte_end, 4) == "\xE2\x80\x99s")
      m.byte_end += 4;
    m.ref.text = std::string(text.substr(m.byte_begin, m.byte_end - m.byte_begin));
    m.day_precise = m.ref.begin == m.ref.end;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace claimgraph::engine
