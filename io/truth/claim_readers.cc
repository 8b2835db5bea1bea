#include "io/truth/claim_readers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/truth/source_report.h"
#include "io/csv_reader.h"

namespace claimgraph::io::truth {
namespace {

using engine::Diagnostic;
using engine::Diagnostics;
using engine::truth::ClaimMatrixBuilder;

void Warn(Diagnostics* d, std::string_view file, size_t line, std::string message) {
  if (d)
    d->push_back({Diagnostic::Severity::kWarning, std::string(file), line, std::move(message)});
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Adds one record; returns false (with a diagnostic) if a field is missing.
bool AddRecord(std::string_view source, std::string_view object, std::string_view raw_value,
               std::string_view time, std::string_view file, size_t line,
               ClaimMatrixBuilder* builder, Diagnostics* d, const ClaimReadOptions& options) {
  source = Trim(source);
  if (source.empty()) {
    Warn(d, file, line, "missing source; record skipped");
    return false;
  }
  if (object.empty()) {
    Warn(d, file, line, "missing object; record skipped");
    return false;
  }
  const NormalizedValue v = NormalizeValue(raw_value, options.values);
  if (v.key.empty()) {
    Warn(d, file, line, "missing value; record skipped");
    return false;
  }
  double t = engine::truth::kNoNumber;
  const std::string_view tt = Trim(time);
  if (!tt.empty() && tt != "null") {
    t = ParseTime(tt);
    if (std::isnan(t)) Warn(d, file, line, "unreadable time '" + std::string(tt) + "'; ignored");
  }
  builder->Add(source, object, v.key, v.number, t, 1.0, file, line);
  return true;
}

void ParseDafna(std::string_view text, std::string_view name, ClaimMatrixBuilder* builder,
                Diagnostics* d, const ClaimReadOptions& options, ClaimReadStats* stats) {
  size_t pos = 0, line = 0;
  std::array<std::string_view, 8> f;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (Trim(row).empty()) continue;
    size_t n = 0, start = 0;
    while (n < f.size()) {
      const size_t bar = row.find('|', start);
      if (bar == std::string_view::npos) {
        if (start < row.size()) f[n++] = Trim(row.substr(start));
        break;
      }
      f[n++] = Trim(row.substr(start, bar - start));
      start = bar + 1;
    }
    if (n < 6) {
      Warn(d, name, line, "missing fields (" + std::to_string(n) + " of 7); record skipped");
      ++stats->skipped;
      continue;
    }
    if (AddRecord(f[5], ObjectKey(f[2], f[3]), f[4], n > 6 ? f[6] : std::string_view(), name, line,
                  builder, d, options))
      ++stats->records;
    else
      ++stats->skipped;
  }
}

// DAFNA fields as quoted CSV (Book's claim1.txt), with an optional header line.
void ParseDafnaCsv(std::string_view text, std::string_view name, ClaimMatrixBuilder* builder,
                   Diagnostics* d, const ClaimReadOptions& options, ClaimReadStats* stats) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in, std::string(name));
  CsvRecord r;
  bool first = true;
  while (reader.Next(&r)) {
    if (first) {
      first = false;
      if (!r.fields.empty() && FoldText(r.fields[0]).find("claimid") != std::string::npos) continue;
    }
    if (r.fields.size() < 6) {
      Warn(d, name, r.line, "missing fields; record skipped");
      ++stats->skipped;
      continue;
    }
    if (AddRecord(r.fields[5], ObjectKey(r.fields[2], r.fields[3]), r.fields[4],
                  r.fields.size() > 6 ? r.fields[6] : std::string(), name, r.line, builder, d,
                  options))
      ++stats->records;
    else
      ++stats->skipped;
  }
}

void ParseCsvClaims(std::string_view text, std::string_view name, ClaimMatrixBuilder* builder,
                    Diagnostics* d, const ClaimReadOptions& options, ClaimReadStats* stats) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in, std::string(name));
  CsvRecord r;
  if (!reader.Next(&r)) {
    Warn(d, name, 0, "empty file: no header, no claims");
    return;
  }
  int source = -1, object = -1, value = -1, time = -1;
  for (size_t i = 0; i < r.fields.size(); ++i) {
    const std::string h = FoldText(r.fields[i]);
    if (h == "source") source = static_cast<int>(i);
    if (h == "object") object = static_cast<int>(i);
    if (h == "value") value = static_cast<int>(i);
    if (h == "time") time = static_cast<int>(i);
  }
  if (source < 0 || object < 0 || value < 0)
    throw std::runtime_error(std::string(name) + ":" + std::to_string(r.line) +
                             ": the header must name the columns source, object, value[, time]");
  const size_t needed = std::max({source, object, value}) + 1;
  while (reader.Next(&r)) {
    if (r.fields.size() < needed) {
      Warn(d, name, r.line, "missing fields; record skipped");
      ++stats->skipped;
      continue;
    }
    // (A conditional with "" would make a temporary std::string and leave the view dangling.)
    std::string_view t;
    if (time >= 0 && static_cast<size_t>(time) < r.fields.size()) t = r.fields[time];
    if (AddRecord(r.fields[source], ObjectKey(r.fields[object]), r.fields[value], t, name, r.line,
                  builder, d, options))
      ++stats->records;
    else
      ++stats->skipped;
  }
}

void ParseMatrix(std::string_view text, std::string_view name, ClaimMatrixBuilder* builder,
                 Diagnostics* d, const ClaimReadOptions& options, ClaimReadStats* stats) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in, std::string(name));
  CsvRecord r;
  int row = 0;
  while (reader.Next(&r)) {
    for (size_t j = 0; j < r.fields.size(); ++j) {
      const std::string_view cell = Trim(r.fields[j]);
      if (cell.empty()) continue;
      double number;
      if (!ParseNumber(cell, &number)) {
        Warn(d, name, r.line,
             "column " + std::to_string(j + 1) + ": '" + std::string(cell) +
                 "' is not a number; cell skipped");
        ++stats->skipped;
        continue;
      }
      if (AddRecord(std::to_string(row), std::to_string(j), cell, {}, name, r.line, builder, d,
                    options))
        ++stats->records;
    }
    ++row;
  }
}

int MonthOf(std::string_view m) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  const char lower_chars[3] = {static_cast<char>(std::tolower(static_cast<unsigned char>(m[0]))),
                               static_cast<char>(std::tolower(static_cast<unsigned char>(m[1]))),
                               static_cast<char>(std::tolower(static_cast<unsigned char>(m[2])))};
  const std::string_view lower(lower_chars, 3);
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

// Reads an unsigned integer at *pos; returns -1 if there is none.
int ReadInt(std::string_view s, size_t* pos) {
  int v = 0;
  size_t start = *pos;
  while (*pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9' && *pos - start < 9)
    v = v * 10 + (s[(*pos)++] - '0');
  return *pos > start ? v : -1;
}

// "08:17:28" -> fraction of a day; 0 if unreadable.
double ClockFraction(std::string_view hms) {
  size_t pos = 0;
  const int h = ReadInt(hms, &pos);
  if (h < 0 || pos >= hms.size() || hms[pos] != ':') return 0;
  ++pos;
  const int m = ReadInt(hms, &pos);
  int s = 0;
  if (pos < hms.size() && hms[pos] == ':') {
    ++pos;
    s = std::max(0, ReadInt(hms, &pos));
  }
  return m < 0 ? 0 : (h * 3600 + m * 60 + s) / 86400.0;
}

}  // namespace

bool ParseClaimFormat(std::string_view name, ClaimFormat* out) {
  if (name == "dafna")
    *out = ClaimFormat::kDafna;
  else if (name == "csv")
    *out = ClaimFormat::kCsv;
  else if (name == "matrix")
    *out = ClaimFormat::kMatrix;
  else
    return false;
  return true;
}

std::string ObjectKey(std::string_view object, std::string_view property) {
  std::string key = FoldText(object);
  if (key.empty()) return key;
  const std::string p = FoldText(property);
  if (!p.empty()) {
    key.push_back('|');
    key.append(p);
  }
  return key;
}

double ParseTime(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text == "null") return engine::truth::kNoNumber;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    double day = engine::truth::DaysFromIsoDate(text.substr(0, 10));
    if (!std::isnan(day) && text.size() > 11 && (text[10] == 'T' || text[10] == ' '))
      day += ClockFraction(text.substr(11));
    return day;
  }
  double seconds;
  if (ParseNumber(text, &seconds)) return seconds / 86400.0;
  // "wed feb  3 08:17:28 2010": weekday, month, day, clock, year separated by blanks.
  std::array<std::string_view, 5> parts;
  size_t n = 0, pos = 0;
  while (pos < text.size() && n < parts.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] != ' ') ++pos;
    if (pos > start) parts[n++] = text.substr(start, pos - start);
  }
  if (n < 5) return engine::truth::kNoNumber;
  size_t p = 0, q = 0;
  const int m = MonthOf(parts[1]);
  const int day = ReadInt(parts[2], &p);
  const int year = ReadInt(parts[4], &q);
  if (m == 0 || day < 1 || day > 31 || year < 0 || p != parts[2].size() || q != parts[4].size())
    return engine::truth::kNoNumber;
  const double d = engine::truth::DaysFromDate(year, m, day);
  return std::isnan(d) ? d : d + ClockFraction(parts[3]);
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), size);
    bytes.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw std::runtime_error(path + ": read error");
  return bytes;
}

ClaimReadStats ParseClaims(std::string_view text, std::string_view name, ClaimFormat format,
                           ClaimMatrixBuilder* builder, Diagnostics* d,
                           const ClaimReadOptions& options) {
  ClaimReadStats stats;
  stats.bytes = text.size();
  if (Trim(text).empty()) {
    Warn(d, name, 0, "empty file: no claims");
    return stats;
  }
  switch (format) {
    case ClaimFormat::kDafna: {
      size_t start = 0;
      while (start < text.size() && (text[start] == ' ' || text[start] == '\xEF' ||
                                     text[start] == '\xBB' || text[start] == '\xBF'))
        ++start;
      if (start < text.size() && text[start] == '"')
        ParseDafnaCsv(text, name, builder, d, options, &stats);
      else
        ParseDafna(text, name, builder, d, options, &stats);
      break;
    }
    case ClaimFormat::kCsv:
      ParseCsvClaims(text, name, builder, d, options, &stats);
      break;
    case ClaimFormat::kMatrix:
      ParseMatrix(text, name, builder, d, options, &stats);
      break;
  }
  return stats;
}

ClaimReadStats ReadClaims(const std::string& path, ClaimFormat format, ClaimMatrixBuilder* builder,
                          Diagnostics* d, const ClaimReadOptions& options) {
  const std::string bytes = ReadFileBytes(path);
  return ParseClaims(bytes, path, format, builder, d, options);
}

}  // namespace claimgraph::io::truth
