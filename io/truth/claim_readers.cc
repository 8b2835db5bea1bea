#include "io/truth/claim_readers.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "engine/text/utf8.h"
#include "engine/truth/source_report.h"
#include "io/truth/csv_scanner.h"
#include "io/truth/mapped_file.h"

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

// A normalised name or value, and its number in the builder once a record using it is accepted.
struct Normalized {
  std::string key;  // empty = missing
  double number = engine::truth::kNoNumber;
  int id = -1;
};

// Raw text -> its normalisation, computed once per distinct raw text. Where raw texts rarely
// repeat (Population: a new object and a new number on almost every line) the cache costs more
// than it saves, so after kProbe look-ups with more misses than hits it stops caching and
// normalises every time; the results are the same either way. The probe starts with the first
// file, or with the second when the first is one of several: names often repeat only across files
// (Weather: one file per source, each naming every object once).
class NormalizeCache {
 public:
  // Returns the entry of `raw`, filling it with make() (a Normalized) the first time. The pointer
  // stays valid until the next call.
  // Starts (or restarts) the probe: the next kProbe look-ups decide whether caching pays.
  void Probe(bool on) {
    probing_ = on;
    lookups_ = misses_ = 0;
  }

  template <class Make>
  Normalized* Get(std::string_view raw, Make make) {
    if (!caching_) {
      scratch_ = make();
      return &scratch_;
    }
    const auto [id, added] = raw_.InternNew(raw);
    if (added) entries_.push_back(make());
    if (!probing_) return &entries_[id];
    if (added) ++misses_;
    if (++lookups_ == kProbe && misses_ * 2 > lookups_) {
      caching_ = false;
      scratch_ = entries_[id];
      raw_.clear();
      entries_ = {};
      return &scratch_;
    }
    return &entries_[id];
  }

 private:
  static constexpr int kProbe = 4096;
  engine::truth::InternTable raw_;
  std::vector<Normalized> entries_;
  Normalized scratch_;
  int lookups_ = 0, misses_ = 0;
  bool caching_ = true, probing_ = true;
};

// DAFNA objects: (objectId, property) fields -> ObjectKey(objectId, property), cached and judged
// as NormalizeCache does. The lines of one objectId usually come together (Weather: one line per
// property of an observation), so the objectId is looked up once per run of such lines and the
// property among the few seen with that objectId (a chain of entries): one hash look-up of a short
// name per run instead of one of the whole object span per line.
class DafnaObjectCache {
 public:
  void Probe(bool on) {
    probing_ = on;
    lookups_ = misses_ = 0;
  }

  // Returns the entry of (object, property), trimmed fields; the pointer stays valid until the
  // next call.
  Normalized* Get(std::string_view object, std::string_view property) {
    if (!caching_) {
      scratch_ = Normalized{ObjectKey(object, property)};
      return &scratch_;
    }
    if (run_ < 0 || ids_[run_] != object) {
      run_ = ids_.Intern(object);
      if (static_cast<size_t>(run_) == first_.size()) first_.push_back(-1);
    }
    const int p = PropertyId(property);
    int* link = &first_[run_];
    while (*link >= 0 && entries_[*link].property != p) link = &entries_[*link].next;
    const bool added = *link < 0;
    if (added) {
      *link = static_cast<int>(entries_.size());  // before the push may move the entries
      entries_.push_back({p, -1, Normalized{ObjectKey(object, property)}});
    }
    Normalized* entry = added ? &entries_.back().object : &entries_[*link].object;
    if (!probing_) return entry;
    if (added) ++misses_;
    if (++lookups_ == kProbe && misses_ * 2 > lookups_) {
      caching_ = false;
      scratch_ = *entry;
      ids_.clear();
      properties_.clear();
      recent_ = {};
      first_ = {};
      entries_ = {};
      run_ = -1;
      return &scratch_;
    }
    return entry;
  }

 private:
  // The number of a property: the last few distinct ones are compared first (the lines of an
  // objectId name the same few properties again and again), the table is asked otherwise.
  int PropertyId(std::string_view property) {
    for (const Recent& r : recent_)
      if (r.id >= 0 && r.text.size() == property.size() &&
          engine::truth::SameBytes(r.text.data(), property.data(), property.size()))
        return r.id;
    const int id = properties_.Intern(property);
    Recent& r = recent_[next_recent_++ % recent_.size()];
    r.text.assign(property);
    r.id = id;
    return id;
  }

  struct Recent {
    std::string text;
    int id = -1;
  };
  struct Entry {
    int property;  // number in properties_
    int next;      // the next entry of the same objectId, -1 = none
    Normalized object;
  };
  static constexpr int kProbe = 4096;
  engine::truth::InternTable ids_, properties_;  // raw objectIds, raw properties
  std::vector<int> first_;                       // per objectId: its first entry, -1 = none
  std::vector<Entry> entries_;
  int run_ = -1;  // the objectId of the previous call
  std::array<Recent, 8> recent_;
  size_t next_recent_ = 0;
  Normalized scratch_;
  int lookups_ = 0, misses_ = 0;
  bool caching_ = true, probing_ = true;
};

}  // namespace

// Where records go: normalises names and values and adds records to the builder. Caches what
// it has normalised across files, so that a name or value seen before costs one hash lookup;
// names are interned in the builder only when a record is accepted, in the order source, object,
// value, as ClaimMatrixBuilder::Add does, so the numbering is that of adding records one by one.
class RecordSink {
 public:
  RecordSink(ClaimMatrixBuilder* builder, Diagnostics* d, const ClaimReadOptions& options)
      : builder_(builder), d_(d), options_(options) {}

  // With several files to come, the caches decide whether they pay on the second file.
  void ExpectFiles(size_t files) {
    defer_probe_ = files > 1;
    Probe(!defer_probe_);
  }

  // Makes room in the builder for `records` more records, growing by half at least.
  void ExpectRecords(size_t records) {
    const size_t needed = builder_->size() + records;
    if (needed > builder_->capacity())
      builder_->reserve(std::max(needed, builder_->capacity() + builder_->capacity() / 2));
  }

  void StartFile(std::string_view name) {
    if (++files_started_ == 2 && defer_probe_) Probe(true);
    name_ = name;
    file_ = builder_->FileId(name);
    last_time_raw_.clear();
    last_time_ = engine::truth::kNoNumber;
  }
  std::string_view name() const { return name_; }
  Diagnostics* diagnostics() const { return d_; }

  // Starts loading what interning the object `key` will look at (a reader's look-ahead).
  void PrefetchObject(std::string_view key) const { builder_->PrefetchObject(key); }
  // An object name taken as it is (the claim matrix's column numbers).
  Normalized* VerbatimObject(std::string_view raw) {
    return verbatim_objects_.Get(raw, [&] { return Normalized{std::string(raw)}; });
  }
  // A DAFNA object, from its trimmed objectId and property fields: ObjectKey(object, property).
  Normalized* DafnaObject(std::string_view object, std::string_view property) {
    return dafna_objects_.Get(object, property);
  }
  // The same for DAFNA fields read as CSV (a cache of its own: the formats never share entries).
  Normalized* DafnaCsvObject(std::string_view object, std::string_view property) {
    return dafna_csv_objects_.Get(object, property);
  }

  // Adds one record; returns false (with a diagnostic) if a field is missing.
  bool Add(std::string_view source, Normalized* object, std::string_view raw_value,
           std::string_view time, size_t line) {
    source = Trim(source);
    if (source.empty()) {
      Warn(d_, name_, line, "missing source; record skipped");
      return false;
    }
    if (object->key.empty()) {
      Warn(d_, name_, line, "missing object; record skipped");
      return false;
    }
    raw_value = Trim(raw_value);
    Normalized* value = values_.Get(raw_value, [&] {
      NormalizedValue v = NormalizeValue(raw_value, options_.values);
      return Normalized{std::move(v.key), v.number};
    });
    if (value->key.empty()) {
      Warn(d_, name_, line, "missing value; record skipped");
      return false;
    }
    double t = engine::truth::kNoNumber;
    const std::string_view tt = Trim(time);
    if (!tt.empty() && tt != "null") {
      if (tt != last_time_raw_) {  // records of one observation share their time
        last_time_raw_.assign(tt);
        last_time_ = ParseTime(tt);
      }
      t = last_time_;
      if (std::isnan(t))
        Warn(d_, name_, line, "unreadable time '" + std::string(tt) + "'; ignored");
    }
    const int s = builder_->SourceId(source);
    if (object->id < 0) object->id = builder_->ObjectId(object->key);
    if (value->id < 0) value->id = builder_->ValueId(value->key, value->number);
    builder_->AddIds(s, object->id, value->id, t, 1.0, file_, line);
    return true;
  }

 private:
  ClaimMatrixBuilder* builder_;
  Diagnostics* d_;
  ClaimReadOptions options_;
  std::string_view name_;
  int file_ = -1;
  std::string last_time_raw_;
  double last_time_ = engine::truth::kNoNumber;
  DafnaObjectCache dafna_objects_, dafna_csv_objects_;
  NormalizeCache verbatim_objects_, values_;
  void Probe(bool on) {
    dafna_objects_.Probe(on);
    dafna_csv_objects_.Probe(on);
    for (NormalizeCache* c : {&verbatim_objects_, &values_}) c->Probe(on);
  }
  size_t files_started_ = 0;
  bool defer_probe_ = false;
};

namespace {

// Positions of the bytes equal to '|' in the eight bytes at `p`, as bit 7 of each such byte
// (exact: no false positives, unlike the usual has-zero-byte test).
inline uint64_t BarBytes(const char* p) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kBars = 0x7C7C7C7C7C7C7C7Cull;  // '|' = 0x7C
  uint64_t word;
  std::memcpy(&word, p, 8);
  const uint64_t x = word ^ kBars;  // zero bytes where the bars are
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Splits `row` at '|' into at most `max` fields (the last holds the rest of the row only if it
// has no more bars; text after the max-th bar is ignored), as a loop over memchr would.
// Returns the number of fields; an empty remainder after the last bar is no field.
size_t SplitBars(std::string_view row, std::string_view* fields, size_t max) {
  size_t n = 0, start = 0, pos = 0;
  if constexpr (std::endian::native == std::endian::little) {
    // Eight bytes at a time; each bar found ends a field.
    for (; pos + 8 <= row.size() && n < max; pos += 8)
      for (uint64_t bars = BarBytes(row.data() + pos); bars != 0 && n < max; bars &= bars - 1) {
        const size_t b = pos + static_cast<size_t>(std::countr_zero(bars)) / 8;
        fields[n++] = row.substr(start, b - start);
        start = b + 1;
      }
  }
  for (; pos < row.size() && n < max; ++pos)
    if (row[pos] == '|') {
      fields[n++] = row.substr(start, pos - start);
      start = pos + 1;
    }
  if (n < max && start < row.size()) fields[n++] = row.substr(start);
  return n;
}

// The number of lines: LFs, plus one; eight bytes at a time.
size_t CountLines(std::string_view text) {
  size_t n = 1, pos = 0;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kLf = 0x0A0A0A0A0A0A0A0Aull;
    for (; pos + 8 <= text.size(); pos += 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      const uint64_t x = word ^ kLf;
      // One bit (bit 7) per LF byte: their count, summed byte by byte by a multiply.
      const uint64_t bits = ~(((x & kLow7) + kLow7) | x | kLow7) >> 7;
      n += static_cast<size_t>((bits * 0x0101010101010101ull) >> 56);
    }
  }
  for (; pos < text.size(); ++pos) n += text[pos] == '\n';
  return n;
}

// The pipe-separated DAFNA format: `claimId|<TAB>|<TAB>objectId|<TAB>property|<TAB>value|<TAB>
// source|<TAB>timestamp|`; fields are trimmed of blanks, up to 8 are read.
void ParseDafna(std::string_view text, RecordSink* sink, ClaimReadStats* stats) {
  constexpr size_t kMaxFields = 8;
  std::array<std::string_view, kMaxFields> f;
  const char* const data = text.data();
  size_t pos = 0, line = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(data + pos, '\n', text.size() - pos);
    const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) : text.size();
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (Trim(row).empty()) continue;
    const size_t n = SplitBars(row, f.data(), kMaxFields);
    if (n < 6) {
      Warn(sink->diagnostics(), sink->name(), line,
           "missing fields (" + std::to_string(n) + " of 7); record skipped");
      ++stats->skipped;
      continue;
    }
    Normalized* object = sink->DafnaObject(Trim(f[2]), Trim(f[3]));
    if (sink->Add(Trim(f[5]), object, Trim(f[4]), n > 6 ? Trim(f[6]) : std::string_view(), line))
      ++stats->records;
    else
      ++stats->skipped;
  }
}

// DAFNA fields as quoted CSV (Book's claim1.txt), with an optional header line.
void ParseDafnaCsv(std::string_view text, RecordSink* sink, ClaimReadStats* stats) {
  CsvScanner scanner(text, std::string(sink->name()));
  std::vector<std::string_view> fields;
  size_t line = 0;
  bool first = true;
  while (scanner.Next(&fields, &line)) {
    if (first) {
      first = false;
      if (!fields.empty() && FoldText(fields[0]).find("claimid") != std::string::npos) continue;
    }
    if (fields.size() < 6) {
      Warn(sink->diagnostics(), sink->name(), line, "missing fields; record skipped");
      ++stats->skipped;
      continue;
    }
    Normalized* object = sink->DafnaCsvObject(fields[2], fields[3]);
    if (sink->Add(fields[5], object, fields[4], fields.size() > 6 ? fields[6] : std::string_view(),
                  line))
      ++stats->records;
    else
      ++stats->skipped;
  }
}

void ParseCsvClaims(std::string_view text, RecordSink* sink, ClaimReadStats* stats) {
  const std::string_view name = sink->name();
  CsvScanner scanner(text, std::string(name));
  std::vector<std::string_view> fields;
  size_t line = 0;
  if (!scanner.Next(&fields, &line)) {
    Warn(sink->diagnostics(), name, 0, "empty file: no header, no claims");
    return;
  }
  int source = -1, object = -1, value = -1, time = -1;
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string h = FoldText(fields[i]);
    if (h == "source") source = static_cast<int>(i);
    if (h == "object") object = static_cast<int>(i);
    if (h == "value") value = static_cast<int>(i);
    if (h == "time") time = static_cast<int>(i);
  }
  if (source < 0 || object < 0 || value < 0)
    throw std::runtime_error(std::string(name) + ":" + std::to_string(line) +
                             ": the header must name the columns source, object, value[, time]");
  const size_t needed = std::max({source, object, value}) + 1;
  // One record of look-ahead: the next record is split and its object folded, and the slot
  // where its look-up begins is loaded, while this record is added, so that the look-up of one
  // of a few hundred thousand objects does not wait for memory. Objects are folded (ObjectKey)
  // into a buffer per record and interned once, in the builder; no cache of raw names.
  struct Row {
    std::vector<std::string_view> fields;
    std::vector<std::string> owned;  // the fields, when they pointed into the scanner
    size_t line = 0;
    Normalized object;
  };
  Row rows[2];
  auto scan = [&](Row* r) {
    if (!scanner.Next(&r->fields, &r->line)) return false;
    if (!scanner.last_in_text()) {
      r->owned.assign(r->fields.begin(), r->fields.end());
      for (size_t i = 0; i < r->fields.size(); ++i) r->fields[i] = r->owned[i];
    }
    if (r->fields.size() >= needed) {
      FoldTextInto(r->fields[object], &r->object.key);
      r->object.id = -1;
      sink->PrefetchObject(r->object.key);
    }
    return true;
  };
  Row* row = &rows[0];
  Row* next = &rows[1];
  for (bool more = scan(row); more; std::swap(row, next)) {
    std::exception_ptr failure;  // a broken record after this one: this one is added first
    try {
      more = scan(next);
    } catch (...) {
      more = false;
      failure = std::current_exception();
    }
    const std::vector<std::string_view>& f = row->fields;
    if (f.size() < needed) {
      Warn(sink->diagnostics(), name, row->line, "missing fields; record skipped");
      ++stats->skipped;
    } else {
      std::string_view t;
      if (time >= 0 && static_cast<size_t>(time) < f.size()) t = f[time];
      if (sink->Add(f[source], &row->object, f[value], t, row->line))
        ++stats->records;
      else
        ++stats->skipped;
    }
    if (failure) std::rethrow_exception(failure);
  }
}

void ParseMatrix(std::string_view text, RecordSink* sink, ClaimReadStats* stats) {
  CsvScanner scanner(text, std::string(sink->name()));
  std::vector<std::string_view> fields;
  size_t line = 0;
  int row = 0;
  while (scanner.Next(&fields, &line)) {
    const std::string source = std::to_string(row);
    for (size_t j = 0; j < fields.size(); ++j) {
      const std::string_view cell = Trim(fields[j]);
      if (cell.empty()) continue;
      double number;
      if (!ParseNumber(cell, &number)) {
        Warn(sink->diagnostics(), sink->name(), line,
             "column " + std::to_string(j + 1) + ": '" + std::string(cell) +
                 "' is not a number; cell skipped");
        ++stats->skipped;
        continue;
      }
      if (sink->Add(source, sink->VerbatimObject(std::to_string(j)), cell, {}, line))
        ++stats->records;
    }
    ++row;
  }
}

// True if `head` (the first bytes of a file) is valid UTF-8, allowing a sequence cut at its end.
bool LooksLikeUtf8(std::string_view head, size_t* bad) {
  if (engine::IsValidUtf8(head, bad)) return true;
  return head.size() - *bad < 4 && head.size() == 64 * 1024;
}

// Parses one file's text into the sink.
ClaimReadStats ParseInto(std::string_view text, std::string_view name, ClaimFormat format,
                         RecordSink* sink) {
  ClaimReadStats stats;
  stats.bytes = text.size();
  sink->StartFile(name);
  if (Trim(text).empty()) {
    Warn(sink->diagnostics(), name, 0, "empty file: no claims");
    return stats;
  }
  // Claim files are text: a NUL byte or invalid UTF-8 near the start means a binary file (an
  // executable, an archive) that would otherwise yield garbage "claims" from its stray bars.
  const std::string_view head = text.substr(0, std::min<size_t>(text.size(), 64 * 1024));
  size_t bad = 0;
  const size_t nul = head.find('\0');
  if (nul != std::string_view::npos || !LooksLikeUtf8(head, &bad)) {
    const size_t at = nul != std::string_view::npos ? nul : bad;
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    if (sink->diagnostics()) {
      sink->diagnostics()->push_back(
          {Diagnostic::Severity::kError, std::string(name), line,
           std::string(nul != std::string_view::npos ? "a NUL byte" : "invalid UTF-8") +
               ": not a text claim file (binary?); file skipped"});
    }
    ++stats.skipped;
    return stats;
  }
  switch (format) {
    case ClaimFormat::kDafna: {
      size_t start = 0;
      while (start < text.size() && (text[start] == ' ' || text[start] == '\xEF' ||
                                     text[start] == '\xBB' || text[start] == '\xBF'))
        ++start;
      if (start < text.size() && text[start] == '"')
        ParseDafnaCsv(text, sink, &stats);
      else
        ParseDafna(text, sink, &stats);
      break;
    }
    case ClaimFormat::kCsv:
      ParseCsvClaims(text, sink, &stats);
      break;
    case ClaimFormat::kMatrix:
      ParseMatrix(text, sink, &stats);
      break;
  }
  return stats;
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
  // In double: fields of up to nine digits each would overflow int arithmetic.
  return m < 0 ? 0 : (h * 3600.0 + m * 60.0 + s) / 86400.0;
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

std::string ReadFileBytes(const std::string& path) { return std::string(MappedFile(path).bytes()); }

ClaimLoader::ClaimLoader(ClaimMatrixBuilder* builder, Diagnostics* d,
                         const ClaimReadOptions& options)
    : sink_(std::make_unique<RecordSink>(builder, d, options)) {}

ClaimLoader::~ClaimLoader() = default;

ClaimReadStats ClaimLoader::Parse(std::string_view text, std::string_view name,
                                  ClaimFormat format) {
  return ParseInto(text, name, format, sink_.get());
}

void ClaimLoader::ExpectFiles(size_t files) { sink_->ExpectFiles(files); }

ClaimReadStats ClaimLoader::Read(const std::string& path, ClaimFormat format) {
  const MappedFile file(path);
  // Room for one record a line (a CSV or DAFNA file has at most that many), so that the record
  // array is not copied, and its fresh pages faulted in twice, as it grows; counting the lines
  // of a mapped file costs about a millisecond per 15 MB.
  const std::string_view bytes = file.bytes();
  if (format != ClaimFormat::kMatrix) sink_->ExpectRecords(CountLines(bytes));
  return Parse(bytes, path, format);
}

ClaimReadStats ParseClaims(std::string_view text, std::string_view name, ClaimFormat format,
                           ClaimMatrixBuilder* builder, Diagnostics* d,
                           const ClaimReadOptions& options) {
  return ClaimLoader(builder, d, options).Parse(text, name, format);
}

ClaimReadStats ReadClaims(const std::string& path, ClaimFormat format, ClaimMatrixBuilder* builder,
                          Diagnostics* d, const ClaimReadOptions& options) {
  return ClaimLoader(builder, d, options).Read(path, format);
}

ClaimReadStats ReadClaimFiles(const std::vector<std::string>& paths, ClaimFormat format,
                              ClaimMatrixBuilder* builder, Diagnostics* d,
                              const ClaimReadOptions& options) {
  std::error_code ec;
  uintmax_t bytes = 0;
  std::vector<uintmax_t> sizes(paths.size(), 0);
  for (size_t i = 0; i < paths.size(); ++i) {
    const uintmax_t size = std::filesystem::file_size(paths[i], ec);
    sizes[i] = ec ? 0 : size;
    bytes += sizes[i];
  }
  auto read = [&](size_t begin, size_t end, ClaimMatrixBuilder* into, Diagnostics* diagnostics) {
    // Room for the records at one per kBytesPerRecord bytes (DAFNA Weather has 85, CSV 68), so
    // that the record array is not copied as it grows.
    constexpr uintmax_t kBytesPerRecord = 64;
    uintmax_t range = 0;
    for (size_t i = begin; i < end; ++i) range += sizes[i];
    into->reserve(into->size() + static_cast<size_t>(range / kBytesPerRecord));
    ClaimLoader loader(into, diagnostics, options);
    loader.ExpectFiles(end - begin);
    ClaimReadStats total;
    for (size_t i = begin; i < end; ++i) {
      const ClaimReadStats stats = loader.Read(paths[i], format);
      total.records += stats.records;
      total.skipped += stats.skipped;
      total.bytes += stats.bytes;
    }
    return total;
  };
  // Several files on two threads: the second half of the list goes into a builder of its own,
  // appended after the first, which gives the same matrix and diagnostics as reading in order.
  size_t split = paths.size();
  if (options.threads >= 2 && paths.size() >= 2 && bytes >= (4u << 20) &&
      std::thread::hardware_concurrency() >= 2) {
    uintmax_t first = 0;
    split = 0;
    while (split + 1 < paths.size() && (first + sizes[split]) * 2 <= bytes) first += sizes[split++];
    if (split == 0) split = 1;
  }
  if (split >= paths.size()) return read(0, paths.size(), builder, d);
  ClaimMatrixBuilder second;
  Diagnostics second_diagnostics;
  ClaimReadStats second_stats;
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      second_stats = read(split, paths.size(), &second, d ? &second_diagnostics : nullptr);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  ClaimReadStats total;
  try {
    total = read(0, split, builder, d);
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
  if (failure) std::rethrow_exception(failure);
  builder->Append(std::move(second));
  if (d) d->insert(d->end(), second_diagnostics.begin(), second_diagnostics.end());
  total.records += second_stats.records;
  total.skipped += second_stats.skipped;
  total.bytes += second_stats.bytes;
  return total;
}

}  // namespace claimgraph::io::truth
