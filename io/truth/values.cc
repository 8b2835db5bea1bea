#include "io/truth/values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>
#include <vector>

#include "engine/stance/stance_lexicon.h"
#include "engine/truth/source_report.h"

namespace claimgraph::io::truth {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<std::string_view, 14> kNoiseWords = {
    "unknown", "edited", "editor", "editors", "by", "and",    "et",
    "al",      "phd",    "ph",     "jr",      "sr", "author", "eds"};

// Short forms of given names and their full form, sorted by short form: sources write "Art" and
// "Wm. Arthur", "Josh" and "Joshua", "Dan" and "Daniel" for one author. Only short forms that
// stand for one full name are listed ("Chris", "Pat", "Sam", "Al" could be several; "Ed" is also
// the editor abbreviation). The abbreviations are those of old bibliographic records ("Wm.",
// "Chas.", "Thos.").
constexpr std::array<std::pair<std::string_view, std::string_view>, 47> kGivenNameForms = {{
    {"abe", "abraham"},    {"alex", "alexander"}, {"andy", "andrew"},    {"art", "arthur"},
    {"ben", "benjamin"},   {"benj", "benjamin"},  {"bernie", "bernard"}, {"bill", "william"},
    {"billy", "william"},  {"bob", "robert"},     {"bobby", "robert"},   {"charlie", "charles"},
    {"chas", "charles"},   {"chuck", "charles"},  {"dan", "daniel"},     {"danny", "daniel"},
    {"dave", "david"},     {"dick", "richard"},   {"don", "donald"},     {"doug", "douglas"},
    {"fred", "frederick"}, {"geo", "george"},     {"geoff", "geoffrey"}, {"greg", "gregory"},
    {"jas", "james"},      {"jeff", "jeffrey"},   {"jim", "james"},      {"jimmy", "james"},
    {"joe", "joseph"},     {"josh", "joshua"},    {"ken", "kenneth"},    {"larry", "lawrence"},
    {"matt", "matthew"},   {"mike", "michael"},   {"nick", "nicholas"},  {"pete", "peter"},
    {"phil", "philip"},    {"rich", "richard"},   {"rick", "richard"},   {"rob", "robert"},
    {"robt", "robert"},    {"ron", "ronald"},     {"thos", "thomas"},    {"tim", "timothy"},
    {"tom", "thomas"},     {"tony", "anthony"},   {"wm", "william"},
}};

// The full form of a lower-case given name, or the name itself.
std::string_view FullGivenName(std::string_view word) {
  const auto it =
      std::lower_bound(kGivenNameForms.begin(), kGivenNameForms.end(), word,
                       [](const auto& entry, std::string_view w) { return entry.first < w; });
  return it != kGivenNameForms.end() && it->first == word ? it->second : word;
}

// Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without their accents; '*' = keep.
constexpr std::string_view kLatin1Base =
    "AAAAAAACEEEEIIIIDNOOOOO*OUUUUY**aaaaaaaceeeeiiiidnooooo*ouuuuy*y";

// Reads an HTML entity name at the start of `s` ("uuml;", "apos;", "#39;"): returns its length
// with the ';' (0 if none) and what it stands for: an accented letter's base letter, '\'' for an
// apostrophe, or ' ' for any other entity (&amp;, &nbsp;, &quot;, &copy;, ...).
size_t ReadEntity(std::string_view s, char* replacement) {
  const size_t semi = s.substr(0, 10).find(';');
  if (semi == std::string_view::npos || semi == 0) return 0;
  const std::string_view name = s.substr(0, semi);
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '#') return 0;
  if (name == "apos" || name == "#39" || name == "rsquo" || name == "lsquo") {
    *replacement = '\'';
  } else if (std::isalpha(static_cast<unsigned char>(name[0])) && name.size() > 1 && [&] {
               for (std::string_view accent :
                    {"acute", "grave", "uml", "circ", "tilde", "cedil", "ring", "slash"})
                 if (name.substr(1) == accent) return true;
               return false;
             }()) {
    *replacement = name[0];
  } else {
    *replacement = ' ';
  }
  return semi + 1;
}

// "St&uuml;tzle" and "Stützle" -> "Stutzle": HTML entities are decoded (accented letters to their
// base letter, other entities to a blank), Latin-1 accented letters lose their accents, so that
// sources that encode names differently agree. Book's pages also carry entities whose '&' was
// spelled out ("O'Leary" as "Oandapos;Leary"): "and" before apos; / amp; / quot; / nbsp; or an
// accent entity is read as '&'.
std::string FoldAccents(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    char replacement = 0;
    if (c == '&') {
      if (size_t n = ReadEntity(raw.substr(i + 1), &replacement)) {
        out.push_back(replacement);
        i += n;
        continue;
      }
    }
    if ((c == 'a' || c == 'A') && raw.substr(i + 1, 2) == "nd") {
      const std::string_view rest = raw.substr(i + 3);
      if (size_t n = ReadEntity(rest, &replacement)) {
        const std::string_view name = rest.substr(0, n - 1);
        if (name == "apos" || name == "amp" || name == "quot" || name == "nbsp" ||
            replacement != ' ') {
          out.push_back(replacement);
          i += 2 + n;
          continue;
        }
      }
    }
    if (c == 0xC3 && i + 1 < raw.size()) {
      const unsigned char d = static_cast<unsigned char>(raw[i + 1]);
      if (d >= 0x80 && d <= 0xBF && kLatin1Base[d - 0x80] != '*') {
        out.push_back(kLatin1Base[d - 0x80]);
        ++i;
        continue;
      }
    }
    out.push_back(raw[i]);
  }
  return out;
}

// Month 1-12 of a month name, full or abbreviated, with an optional '.' ("dec.", "sept",
// "december"); 0 for any other word. The engine's table reads "may" as the verb; in a value it is
// the month.
int ValueMonth(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w == "may" ? 5 : engine::MonthNumber(w);
}

bool IsWeekday(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (std::string_view day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    if (w == day || (w.size() >= 3 && w.size() <= 4 && day.substr(0, w.size()) == w)) return true;
  return false;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A day of the month, "1" to "31", also "1st", "22nd", "3rd", "4th".
int DayNumber(std::string_view w) {
  if (w.size() > 2 &&
      (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")))
    w.remove_suffix(2);
  if (!AllDigits(w) || w.size() > 2) return 0;
  const int d = ToInt(w);
  return d >= 1 && d <= 31 ? d : 0;
}

bool ValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return !(month == 2 && day == 29 && year > 0 && !leap);
}

// Finds a clock time ("7:15", "07:15:30", "7:15 pm", "7:15p.m.") in `text`: its position and
// length, and its seconds after midnight. False if there is none.
bool FindClockTime(std::string_view text, size_t* begin, size_t* length, int* seconds) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  for (size_t colon = text.find(':'); colon != std::string_view::npos;
       colon = text.find(':', colon + 1)) {
    if (colon == 0 || !digit(colon - 1) || !digit(colon + 1) || !digit(colon + 2)) continue;
    size_t b = colon - 1;
    if (b > 0 && digit(b - 1)) --b;
    if (b > 0 && digit(b - 1)) continue;  // three digits before the colon
    size_t e = colon + 3;
    if (e < text.size() && text[e] == ':' && digit(e + 1) && digit(e + 2)) e += 3;
    if (digit(e)) continue;
    // an am / pm mark, after blanks or not, that ends the word
    size_t m = e;
    while (m < text.size() && text[m] == ' ') ++m;
    for (std::string_view mark : {"a.m.", "p.m.", "am", "pm", "a", "p"}) {
      if (text.substr(m, mark.size()) == mark) {
        const size_t after = m + mark.size();
        if (after == text.size() || !std::isalpha(static_cast<unsigned char>(text[after]))) {
          e = after;
          break;
        }
      }
    }
    if (!ParseClockTime(text.substr(b, e - b), seconds)) continue;
    *begin = b;
    *length = e - b;
    return true;
  }
  return false;
}

// Reads what is left of a date-time value once its clock time is taken out: one date in one of
// the forms "2011-12-01", "2011/12/01", "12/01/2011" (month first), "12/01/11", "dec 1",
// "dec 1, 2011", "1 dec 2011", with weekday names, "at", "on" and the separators , ( ) - allowed
// around it. year = 0 when the date names none.
bool ReadDate(std::string_view text, int* year, int* month, int* day) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '@') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '(' &&
           text[i] != ')' && text[i] != '@')
      ++i;
    const std::string_view w = text.substr(start, i - start);
    if (w == "-" || w == "at" || w == "on" || IsWeekday(w)) continue;
    words.push_back(w);
  }
  *year = 0;
  if (words.size() == 1) {
    // numeric: y-m-d, y/m/d, m/d/y
    const std::string_view w = words[0];
    const char sep = w.find('-') != std::string_view::npos ? '-' : '/';
    std::array<std::string_view, 3> f;
    size_t n = 0, pos = 0;
    while (n < 3) {
      const size_t next = w.find(sep, pos);
      f[n++] = w.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
      if (next == std::string_view::npos) break;
      pos = next + 1;
    }
    if (n != 3 || w.find(sep, pos) != std::string_view::npos) return false;
    for (std::string_view x : f)
      if (!AllDigits(x)) return false;
    if (f[0].size() == 4 && f[1].size() <= 2 && f[2].size() <= 2) {
      *year = ToInt(f[0]), *month = ToInt(f[1]), *day = ToInt(f[2]);
    } else if (sep == '/' && f[0].size() <= 2 && f[1].size() <= 2 &&
               (f[2].size() == 4 || f[2].size() == 2)) {
      *month = ToInt(f[0]), *day = ToInt(f[1]), *year = ToInt(f[2]);
      if (f[2].size() == 2) *year += *year < 70 ? 2000 : 1900;
    } else {
      return false;
    }
    return ValidDate(*year, *month, *day);
  }
  if (words.size() != 2 && words.size() != 3) return false;
  *month = ValueMonth(words[0]);
  *day = DayNumber(words[1]);
  if (*month == 0 || *day == 0) {  // "1 dec"
    *day = DayNumber(words[0]);
    *month = ValueMonth(words[1]);
    if (*month == 0 || *day == 0) return false;
  }
  if (words.size() == 3) {
    if (!AllDigits(words[2]) || words[2].size() != 4) return false;
    *year = ToInt(words[2]);
  }
  return ValidDate(*year, *month, *day);
}

}  // namespace

bool ParseNumber(std::string_view text, double* out) {
  text = Trim(text);
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

void FoldTextInto(std::string_view raw, std::string* out) {
  raw = Trim(raw);
  out->resize(raw.size());  // the folded text is never longer
  char* const begin = out->data();
  char* o = begin;
  bool blank = false;
  for (char c : raw) {
    if (IsBlank(c)) {
      blank = true;
      continue;
    }
    if (blank) *o++ = ' ';
    blank = false;
    *o++ = Lower(c);
  }
  out->resize(static_cast<size_t>(o - begin));
}

std::string FoldText(std::string_view raw) {
  std::string out;
  FoldTextInto(raw, &out);
  return out;
}

std::string NormalizeAuthorList(std::string_view raw_text) {
  const std::string folded = FoldAccents(raw_text);
  const std::string_view raw = folded;
  std::vector<std::string> words;
  std::string word;
  auto flush = [&]() {
    if (word.size() > 1 &&
        std::find(kNoiseWords.begin(), kNoiseWords.end(), word) == kNoiseWords.end())
      words.emplace_back(FullGivenName(word));
    word.clear();
  };
  for (char c : raw) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\'') {
      // "O'Leary" and "OLeary" are one name
    } else if (std::isalnum(u) || u >= 0x80 || c == '-') {
      word.push_back(Lower(c));
    } else if (c == '.') {
      // "ph.d" -> "phd"; "j." ends an initial
      flush();
    } else {
      flush();
    }
  }
  flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

bool ParseClockTime(std::string_view text, int* seconds) {
  text = Trim(text);
  auto digits = [&](size_t* i, int max_len, int* out) {
    const size_t start = *i;
    int v = 0;
    while (*i < text.size() && *i - start < static_cast<size_t>(max_len) && text[*i] >= '0' &&
           text[*i] <= '9')
      v = v * 10 + (text[(*i)++] - '0');
    *out = v;
    return *i > start;
  };
  size_t i = 0;
  int h = 0, m = 0, sec = 0;
  if (!digits(&i, 2, &h) || i >= text.size() || text[i] != ':') return false;
  ++i;
  const size_t minute_start = i;
  if (!digits(&i, 2, &m) || i - minute_start != 2) return false;
  if (i < text.size() && text[i] == ':') {
    ++i;
    const size_t second_start = i;
    if (!digits(&i, 2, &sec) || i - second_start != 2) return false;
  }
  while (i < text.size() && IsBlank(text[i])) ++i;
  std::string suffix;
  for (; i < text.size(); ++i)
    if (text[i] != '.') suffix.push_back(Lower(text[i]));
  if (m > 59 || sec > 59) return false;
  if (suffix.empty()) {
    if (h > 23) return false;
  } else if (suffix == "am" || suffix == "a" || suffix == "pm" || suffix == "p") {
    if (h < 1 || h > 12) return false;
    h %= 12;
    if (suffix[0] == 'p') h += 12;
  } else {
    return false;
  }
  *seconds = h * 3600 + m * 60 + sec;
  return true;
}

bool ParseDateTime(std::string_view text, std::string* key, double* minutes) {
  text = Trim(text);
  if (text.size() > 48 || text.find_first_of("0123456789") == std::string_view::npos) return false;
  int seconds = -1;
  size_t begin = 0, length = 0;
  if (FindClockTime(text, &begin, &length, &seconds)) {
    // ISO's "2011-12-01t19:15" (folded): the 't' goes with the time
    if (begin >= 2 && text[begin - 1] == 't' && text[begin - 2] >= '0' && text[begin - 2] <= '9')
      --begin, ++length;
  }
  std::string rest(text.substr(0, begin));
  rest += ' ';
  rest += text.substr(begin + length);
  int year, month, day;
  if (!ReadDate(rest, &year, &month, &day)) return false;
  char buf[40];
  int n = year > 0 ? std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day)
                   : std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  if (seconds >= 0) {
    const int h = seconds / 3600, m = seconds / 60 % 60, sec = seconds % 60;
    n += sec != 0 ? std::snprintf(buf + n, sizeof buf - n, " %02d:%02d:%02d", h, m, sec)
                  : std::snprintf(buf + n, sizeof buf - n, " %02d:%02d", h, m);
  }
  key->assign(buf, n);
  *minutes =
      year > 0 ? engine::truth::DaysFromDate(year, month, day) * 1440 + std::max(seconds, 0) / 60.0
               : std::numeric_limits<double>::quiet_NaN();
  return true;
}

NormalizedValue NormalizeValue(std::string_view raw, ValueKind kind) {
  NormalizedValue v{{}, std::numeric_limits<double>::quiet_NaN()};
  std::string folded = FoldText(raw);
  if (folded.empty() || folded == "null" || folded == "not available" || folded == "n/a") return v;
  if (kind == ValueKind::kAuthorList) {
    v.key = NormalizeAuthorList(folded);
    return v;
  }
  double number;
  if (ParseNumber(folded, &number)) {
    if (number == 0) number = 0;  // no "-0"
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, number);
    v.key.assign(buf, p);
    v.number = number;
    return v;
  }
  int seconds;
  if (folded.find(':') != std::string::npos && ParseClockTime(folded, &seconds)) {
    char buf[16];
    const int h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    if (s != 0)
      std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
    else
      std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    v.key = buf;
    v.number = seconds / 60.0;
    return v;
  }
  if (ParseDateTime(folded, &v.key, &v.number)) return v;
  v.key = std::move(folded);
  return v;
}

}  // namespace claimgraph::io::truth
