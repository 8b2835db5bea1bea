// The fast claim loading path against plain references: CsvScanner against io::CsvReader,
// ClaimLoader / ReadClaimFiles against a reader written the slow way (io::ParseCsv or string
// splitting, one ClaimMatrixBuilder::Add per record, as the readers did before they cached), and
// ClaimMatrixBuilder::Build against a sort-based build over std::map. Every case must give the
// same matrix (names, numbering, claims, entries, incidence) and the same diagnostics, line for
// line.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "engine/truth/claim_matrix.h"
#include "engine/truth/string_index.h"
#include "io/csv_reader.h"
#include "io/truth/claim_readers.h"
#include "io/truth/csv_scanner.h"
#include "io/truth/values.h"
#include "tests/test_support.h"

namespace claimgraph::io::truth {
namespace {

using engine::Diagnostic;
using engine::Diagnostics;
using engine::truth::ClaimMatrix;
using engine::truth::ClaimMatrixBuilder;
using engine::truth::kNoNumber;

// ---- the reference reader: plain and slow -------------------------------------------------------

std::string_view RefTrim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void RefWarn(Diagnostics* d, size_t line, std::string message) {
  d->push_back({Diagnostic::Severity::kWarning, "in.txt", line, std::move(message)});
}

bool RefAdd(std::string source, std::string object, std::string raw_value, std::string time,
            size_t line, ClaimMatrixBuilder* b, Diagnostics* d, ValueKind kind) {
  source = std::string(RefTrim(source));
  if (source.empty()) {
    RefWarn(d, line, "missing source; record skipped");
    return false;
  }
  if (object.empty()) {
    RefWarn(d, line, "missing object; record skipped");
    return false;
  }
  const NormalizedValue v = NormalizeValue(raw_value, kind);
  if (v.key.empty()) {
    RefWarn(d, line, "missing value; record skipped");
    return false;
  }
  double t = kNoNumber;
  const std::string tt(RefTrim(time));
  if (!tt.empty() && tt != "null") {
    t = ParseTime(tt);
    if (std::isnan(t)) RefWarn(d, line, "unreadable time '" + tt + "'; ignored");
  }
  b->Add(source, object, v.key, v.number, t, 1.0, "in.txt", line);
  return true;
}

std::vector<std::string> SplitBars(const std::string& row) {
  std::vector<std::string> f;
  size_t start = 0;
  while (f.size() < 8) {
    const size_t bar = row.find('|', start);
    if (bar == std::string::npos) {
      if (start < row.size()) f.emplace_back(RefTrim(row.substr(start)));
      break;
    }
    f.emplace_back(RefTrim(row.substr(start, bar - start)));
    start = bar + 1;
  }
  return f;
}

void RefParse(const std::string& text, ClaimFormat format, ClaimMatrixBuilder* b, Diagnostics* d,
              ValueKind kind) {
  if (RefTrim(text).empty()) {
    RefWarn(d, 0, "empty file: no claims");
    return;
  }
  const size_t first = text.find_first_not_of(" \xEF\xBB\xBF");
  if (format == ClaimFormat::kDafna && (first == std::string::npos || text[first] != '"')) {
    size_t line = 0, pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string row = text.substr(pos, end - pos);
      pos = end + 1;
      ++line;
      if (!row.empty() && row.back() == '\r') row.pop_back();
      if (RefTrim(row).empty()) continue;
      const std::vector<std::string> f = SplitBars(row);
      if (f.size() < 6) {
        RefWarn(d, line, "missing fields (" + std::to_string(f.size()) + " of 7); record skipped");
        continue;
      }
      RefAdd(f[5], ObjectKey(f[2], f[3]), f[4], f.size() > 6 ? f[6] : "", line, b, d, kind);
    }
    return;
  }
  const std::vector<CsvRecord> records = ParseCsv(text, "in.txt");
  if (format == ClaimFormat::kDafna) {
    for (size_t i = 0; i < records.size(); ++i) {
      const auto& f = records[i].fields;
      if (i == 0 && !f.empty() && FoldText(f[0]).find("claimid") != std::string::npos) continue;
      if (f.size() < 6) {
        RefWarn(d, records[i].line, "missing fields; record skipped");
        continue;
      }
      RefAdd(f[5], ObjectKey(f[2], f[3]), f[4], f.size() > 6 ? f[6] : "", records[i].line, b, d,
             kind);
    }
  } else if (format == ClaimFormat::kCsv) {
    if (records.empty()) {
      RefWarn(d, 0, "empty file: no header, no claims");
      return;
    }
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < records[0].fields.size(); ++i)
      column.emplace(FoldText(records[0].fields[i]), i);
    const size_t s = column.at("source"), o = column.at("object"), v = column.at("value");
    const size_t t = column.count("time") ? column.at("time") : std::string::npos;
    for (size_t i = 1; i < records.size(); ++i) {
      const auto& f = records[i].fields;
      if (f.size() < std::max({s, o, v}) + 1) {
        RefWarn(d, records[i].line, "missing fields; record skipped");
        continue;
      }
      RefAdd(f[s], ObjectKey(f[o]), f[v], t < f.size() ? f[t] : "", records[i].line, b, d, kind);
    }
  } else {
    for (size_t row = 0; row < records.size(); ++row) {
      const auto& f = records[row].fields;
      for (size_t j = 0; j < f.size(); ++j) {
        const std::string cell(RefTrim(f[j]));
        if (cell.empty()) continue;
        double number;
        if (!ParseNumber(cell, &number)) {
          RefWarn(
              d, records[row].line,
              "column " + std::to_string(j + 1) + ": '" + cell + "' is not a number; cell skipped");
          continue;
        }
        RefAdd(std::to_string(row), std::to_string(j), cell, "", records[row].line, b, d, kind);
      }
    }
  }
}

// ---- comparisons --------------------------------------------------------------------------------

bool SameNumber(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void RequireSameMatrix(const ClaimMatrix& a, const ClaimMatrix& b) {
  REQUIRE(a.sources == b.sources);
  REQUIRE(a.objects == b.objects);
  REQUIRE(a.values == b.values);
  REQUIRE(a.claim_object == b.claim_object);
  REQUIRE(a.object_begin == b.object_begin);
  REQUIRE(a.numbers.size() == b.numbers.size());
  for (size_t i = 0; i < a.numbers.size(); ++i) CHECK(SameNumber(a.numbers[i], b.numbers[i]));
  REQUIRE(a.entries.size() == b.entries.size());
  for (size_t i = 0; i < a.entries.size(); ++i) {
    CHECK(a.entries[i].source == b.entries[i].source);
    CHECK(a.entries[i].claim == b.entries[i].claim);
    CHECK(a.entries[i].weight == b.entries[i].weight);
    CHECK(SameNumber(a.entries[i].time, b.entries[i].time));
  }
  REQUIRE(a.sc.rows() == b.sc.rows());
  REQUIRE(a.sc.cols() == b.sc.cols());
  CHECK((Eigen::MatrixXd(a.sc) - Eigen::MatrixXd(b.sc)).norm() == 0);
  for (int o = 0; o < a.num_objects(); ++o) CHECK(a.FindObject(b.objects[o]) == o);
  CHECK(a.FindObject("no such object, surely") == -1);
}

std::vector<std::tuple<std::string, size_t, std::string>> Flat(const Diagnostics& d) {
  std::vector<std::tuple<std::string, size_t, std::string>> out;
  for (const Diagnostic& x : d) out.emplace_back(x.file, x.line, x.message);
  return out;
}

// Loads `text` both ways and requires the same matrix and diagnostics; returns the matrix.
ClaimMatrix LoadBothWays(const std::string& text, ClaimFormat format,
                         ValueKind kind = ValueKind::kAuto, Diagnostics* out = nullptr) {
  ClaimMatrixBuilder fast_builder, ref_builder;
  Diagnostics fast, ref;
  ClaimReadOptions options;
  options.values = kind;
  ParseClaims(text, "in.txt", format, &fast_builder, &fast, options);
  RefParse(text, format, &ref_builder, &ref, kind);
  const ClaimMatrix a = fast_builder.Build(&fast);
  const ClaimMatrix b = ref_builder.Build(&ref);
  RequireSameMatrix(a, b);
  CHECK(Flat(fast) == Flat(ref));
  if (out) *out = fast;
  return a;
}

bool Mentions(const Diagnostics& d, std::string_view what, size_t line) {
  for (const auto& x : d)
    if (x.message.find(what) != std::string::npos && x.line == line) return true;
  return false;
}

// ---- tests --------------------------------------------------------------------------------------

TEST_CASE("CsvScanner splits records exactly as CsvReader does", "[io][truth][loading]") {
  struct Case {
    std::string text;
    std::vector<std::vector<std::string>> fields;  // expected
  };
  const std::vector<Case> cases = {
      {"a,b,c\n1,2,3\n", {{"a", "b", "c"}, {"1", "2", "3"}}},
      {"a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}},                          // CRLF
      {"a,b\n1,2", {{"a", "b"}, {"1", "2"}}},                                // no final newline
      {"\"x, y\",z\n", {{"x, y", "z"}}},                                     // separator in quotes
      {"\"say \"\"hi\"\"\",z\n", {{"say \"hi\"", "z"}}},                     // doubled quotes
      {"\"two\nlines\",z\nnext,1\n", {{"two\nlines", "z"}, {"next", "1"}}},  // newline in quotes
      {"\"two\r\nlines\",z\r\n", {{"two\nlines", "z"}}},                     // CRLF in quotes -> LF
      {"a\rb,c\n", {{"ab", "c"}}},                                           // stray CR dropped
      {"\n\n  \na,b\n\n", {{"  "}, {"a", "b"}}},                             // blank lines skipped
      {"\xEF\xBB\xBFsource,object\n", {{"source", "object"}}},               // byte-order mark
      {"a,,c,\n", {{"a", "", "c", ""}}},                                     // empty fields
      {"ab\"c\",d\n", {{"ab\"c\"", "d"}}},                                   // quote inside a field
      {"\"ab\"c,d\n", {{"abc", "d"}}},      // text after the quotes
      {"\"\",\"\"\"\"\n", {{"", "\""}}},    // empty and quote-only
      {" \"a\" ,b\n", {{" \"a\" ", "b"}}},  // blank before a quote
      {"", {}},                             // empty text
      {"\r\n\r\n", {}},                     // only line ends
      // The fast path for plain records (eight bytes at a time): lines around eight bytes long,
      // a CR or quote in the word after the line end, a CR not before the LF, a lone CR line.
      {"abcdefg\n\"h,i\"\n", {{"abcdefg"}, {"h,i"}}},
      {"abcdef\r\n1234567\r\n", {{"abcdef"}, {"1234567"}}},
      {"abcdefg\r\nx,y\r\n", {{"abcdefg"}, {"x", "y"}}},
      {"a,bcdef\rg\n", {{"a", "bcdefg"}}},
      {"a,b\n\r\nc\r\r\n", {{"a", "b"}, {"c"}}},
      {"source,object,value\r\nalpha,beta|gamma,12.5\r\n",
       {{"source", "object", "value"}, {"alpha", "beta|gamma", "12.5"}}},
      {"a,b\r", {{"a", "b"}}},  // a CR at the very end
  };
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    const std::vector<CsvRecord> ref = ParseCsv(c.text, "t.csv");
    CsvScanner scanner(c.text, "t.csv");
    std::vector<std::string_view> fields;
    size_t line = 0, i = 0;
    std::vector<std::vector<std::string>> got;
    while (scanner.Next(&fields, &line)) {
      REQUIRE(i < ref.size());
      CHECK(line == ref[i].line);
      got.emplace_back(fields.begin(), fields.end());
      CHECK(got.back() == ref[i].fields);
      ++i;
    }
    CHECK(i == ref.size());
    CHECK(got == c.fields);
  }
  // Line numbers count the newlines inside quotes.
  CsvScanner scanner("\"a\nb\nc\",1\n\nx,2\n", "t.csv");
  std::vector<std::string_view> fields;
  size_t line = 0;
  REQUIRE(scanner.Next(&fields, &line));
  CHECK(line == 1);
  REQUIRE(scanner.Next(&fields, &line));
  CHECK(line == 5);
  CHECK(fields[0] == "x");
  // A quote that never closes is an error naming the file and the line the record starts on.
  CsvScanner open("a,b\n\"c,d\ne\n", "t.csv");
  REQUIRE(open.Next(&fields, &line));
  CHECK_THROWS_WITH(open.Next(&fields, &line), Catch::Contains("t.csv:2"));
  CHECK_THROWS(ParseCsv("a,b\n\"c,d\ne\n", "t.csv"));
}

TEST_CASE("CsvScanner agrees with CsvReader on random text of separators, quotes and line ends",
          "[io][truth][loading]") {
  // Random texts over a small alphabet, so that plain and quoted records, CRs, blank lines and
  // records that cross an eight-byte boundary anywhere all occur.
  std::mt19937 rng(23);
  const std::string alphabet = "ab,,,\n\n\r\"xyz|";
  for (int round = 0; round < 3000; ++round) {
    std::string text(rng() % 40, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    INFO("text: " << text);
    std::vector<CsvRecord> ref;
    bool ref_throws = false;
    try {
      ref = ParseCsv(text, "t.csv");
    } catch (const std::exception&) {
      ref_throws = true;
    }
    CsvScanner scanner(text, "t.csv");
    std::vector<std::string_view> fields;
    size_t line = 0, i = 0;
    bool throws = false;
    try {
      while (scanner.Next(&fields, &line)) {
        if (ref_throws) continue;  // CsvReader gives no records then; only the error is compared
        REQUIRE(i < ref.size());
        CHECK(line == ref[i].line);
        CHECK(std::vector<std::string>(fields.begin(), fields.end()) == ref[i].fields);
        ++i;
      }
    } catch (const std::exception&) {
      throws = true;
    }
    CHECK(throws == ref_throws);
    if (!throws) CHECK(i == ref.size());
  }
}

TEST_CASE("Fast DAFNA loading matches the plain reader, record for record",
          "[io][truth][loading]") {
  struct Case {
    const char* what;
    std::string text;
    size_t records;  // accepted
  };
  const std::vector<Case> cases = {
      {"basic, with repeats and a bad time",
       "1|\t|\tphoenix|\tTemperature|\t60|\taol|\twed feb  3 08:17:28 2010|\t\n"
       "2|\t|\tPhoenix|\tTemperature|\t60.0|\tcnn|\tnull|\t\n"
       "3|\t|\tphoenix|\tTemperature|\t61|\tmsn|\twed feb  3 08:17:28 2010|\t\n"
       "4|\t|\tphoenix|\tTemperature|\t62|\taol|\tthursday|\t\n"
       "5|\t|\tphoenix|\tTemperature|\t62|\taol|\tthursday|\t\n",
       5},
      {"CRLF line ends and blank lines",
       "1|\t|\tboston|\tHumidity|\t40|\ta|\tnull|\t\r\n\r\n   \r\n"
       "2|\t|\tboston|\tHumidity|\t41|\tb|\tnull|\t\r\n",
       2},
      {"missing fields, source, object and value",
       "1|\t|\tboston|\tHumidity\n"
       "2|\t|\tboston|\tHumidity|\t40|\t|\tnull|\t\n"
       "3|\t|\t |\t |\t40|\ta|\tnull|\t\n"
       "4|\t|\tboston|\tHumidity|\t null |\ta|\tnull|\t\n"
       "5|\t|\tboston|\tHumidity|\tNot Available|\ta|\tnull|\t\n"
       "6|\t|\tboston|\tHumidity|\t|\ta\n"
       "7|\t|\tboston|\tHumidity|\t40|\ta\n",
       1},
      {"numbers with blanks and in other spellings",
       "1|\t|\tx|\tp|\t 10 |\ta|\tnull|\t\n"
       "2|\t|\tx|\tp|\t10.00|\tb|\tnull|\t\n"
       "3|\t|\tx|\tp|\t+10|\tc|\tnull|\t\n"
       "4|\t|\tx|\tp|\t1 0|\td|\tnull|\t\n"
       "5|\t|\tx|\tp|\t1e1|\te|\tnull|\t\n"
       "6|\t|\tx|\tp|\t-0|\tf|\tnull|\t\n"
       "7|\t|\tx|\tp|\t1000000|\tg|\tnull|\t\n",
       7},
      {"object names folded; the same raw object in other spacing",
       "1|\t|\tNew  York|\tPopulation2006|\t8|\ta|\tnull|\t\n"
       "2|\t|\tnew york |\t population2006|\t8|\tb|\tnull|\t\n"
       "3|\t|\tNEW YORK|\tPOPULATION2006|\t9|\tc|\tnull|\t\n"
       "4|\t|\tnew york|\tpopulation2007|\t9|\tc|\tnull|\t\n",
       4},
      {"no trailing bar, extra fields, ISO and numeric times",
       "1|\t|\tx|\tp|\tv|\ta|\t2010-02-03T08:17:28\n"
       "2|\t|\tx|\tp|\tw|\tb|\t1265185048|\textra|\tmore|\tand more|\n"
       "3|\t|\tx|\tp|\tw|\tc\n",
       3},
      {"spaces only", "   \n\t\n", 0},
      {"empty", "", 0},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Diagnostics d;
    const ClaimMatrix m = LoadBothWays(c.text, ClaimFormat::kDafna, ValueKind::kAuto, &d);
    CHECK(m.entries.size() <= c.records);
  }
  // A few figures the cases must produce (so that the reference is not wrong with the loader).
  Diagnostics d;
  ClaimMatrix m = LoadBothWays(cases[3].text, ClaimFormat::kDafna, ValueKind::kAuto, &d);
  REQUIRE(m.num_objects() == 1);
  CHECK(m.FindClaim(0, "10") >= 0);
  CHECK(m.FindClaim(0, "1 0") >= 0);
  CHECK(m.FindClaim(0, "0") >= 0);
  CHECK(m.FindClaim(0, "1e+06") >= 0);
  CHECK(m.ObjectSize(0) == 4);
  m = LoadBothWays(cases[4].text, ClaimFormat::kDafna, ValueKind::kAuto, &d);
  CHECK(m.num_objects() == 2);
  CHECK(m.ObjectSize(m.FindObject("new york|population2006")) == 2);
  LoadBothWays(cases[2].text, ClaimFormat::kDafna, ValueKind::kAuto, &d);
  CHECK(Mentions(d, "missing fields (4 of 7)", 1));
  CHECK(Mentions(d, "missing source", 2));
  CHECK(Mentions(d, "missing object", 3));
  CHECK(Mentions(d, "missing value", 4));
  CHECK(Mentions(d, "missing value", 5));
  CHECK(Mentions(d, "missing value", 6));
  LoadBothWays(cases[0].text, ClaimFormat::kDafna, ValueKind::kAuto, &d);
  CHECK(Mentions(d, "unreadable time 'thursday'", 4));
  CHECK(Mentions(d, "unreadable time 'thursday'", 5));  // each record, though the time is cached
}

TEST_CASE("Fast CSV, DAFNA-as-CSV and matrix loading match the plain reader",
          "[io][truth][loading]") {
  struct Case {
    const char* what;
    ClaimFormat format;
    ValueKind kind;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"CSV with quotes, CRLF, a missing field, blanks around a number", ClaimFormat::kCsv,
       ValueKind::kAuto,
       "source,object,value,time\r\n"
       "a,\"Flight 1, departure\",10:05,2011-12-01\r\n"
       "\"b \"\"the\"\" source\",flight 1  DEPARTURE, 10:05 ,\r\n"
       "c,flight 1\r\n"
       "d,flight 2,\" 12 \",2011-12-02\r\n"
       "e,flight 2,12.0\r\n"
       "f,flight 2,\"multi\nline\",2011-12-03\r\n"},
      {"CSV columns in another order, BOM, extra columns", ClaimFormat::kCsv, ValueKind::kAuto,
       "\xEF\xBB\xBF"
       "Value,extra,OBJECT,Source\n1,x,o,s\n2,y,o,t\n,z,o,u\n1,w,,v\n"},
      {"CSV header only", ClaimFormat::kCsv, ValueKind::kAuto, "source,object,value\n"},
      {"CSV empty", ClaimFormat::kCsv, ValueKind::kAuto, ""},
      {"DAFNA as quoted CSV with author lists", ClaimFormat::kDafna, ValueKind::kAuthorList,
       "\"ClaimID\", \"Remove\", \"ObjectID\", PropertyID\", \"PropertyValue\", \"SourceID\", "
       "\"TimeStamp\" \r\n"
       "\"1\",\"\",\"978\",\"AuthorsNamesList\",\"Knuth, Donald E.\",\"A1Books\",\"null\"\r\n"
       "\"2\",\"\",\"978\",\"AuthorsNamesList\",\"DONALD E KNUTH\",\"Indoo.com\",\"null\"\r\n"
       "\"3\",\"\",\"978\",\"AuthorsNamesList\",\"Not Available\",\"eCampus.com\",\"null\"\r\n"
       "\"4\",\"\",\"978\"\r\n"
       "\"5\",\"\",\"979\",\"AuthorsNamesList\",\"Ullman, \"\"Jeff\"\"\",\"A1Books\"\r\n"},
      {"matrix with blanks, a number with blanks, a non-number", ClaimFormat::kMatrix,
       ValueKind::kAuto, "1.0,, 2 \r\n1,abc,\n\n,3,2.0\n"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    LoadBothWays(c.text, c.format, c.kind);
  }
  Diagnostics d;
  ClaimMatrix m = LoadBothWays(cases[0].text, ClaimFormat::kCsv, ValueKind::kAuto, &d);
  CHECK(m.sources[1] == "b \"the\" source");
  CHECK(m.ObjectSize(m.FindObject("flight 1 departure")) == 1);  // "10:05" and " 10:05 "
  CHECK(m.ObjectSize(m.FindObject("flight 2")) == 2);            // "12" = " 12 " = "12.0"
  CHECK(Mentions(d, "missing fields", 4));
  m = LoadBothWays(cases[1].text, ClaimFormat::kCsv, ValueKind::kAuto, &d);
  CHECK(m.entries.size() == 2);
  CHECK(Mentions(d, "missing value", 4));
  CHECK(Mentions(d, "missing object", 5));
  m = LoadBothWays(cases[5].text, ClaimFormat::kMatrix, ValueKind::kAuto, &d);
  CHECK(m.entries.size() == 5);
  CHECK(Mentions(d, "'abc' is not a number", 2));
  CHECK_THROWS_WITH(LoadBothWays("who,what\nx,y\n", ClaimFormat::kCsv),
                    Catch::Contains("in.txt:1"));
}

TEST_CASE("Mostly new names and values (the caches stop caching) match the plain reader",
          "[io][truth][loading]") {
  // 9,000 records: most objects and values new, some repeated, in every spelling, so that the
  // loader's caches see more misses than hits and switch to normalising every record.
  std::string pipe, csv = "source,object,value,time\n";
  for (int i = 0; i < 9000; ++i) {
    const int object = i % 7 == 0 ? i / 7 % 50 : i;  // every 7th record: one of 50 objects
    const std::string source = "s" + std::to_string(i % 37);
    const std::string value = i % 5 == 0 ? " " + std::to_string(i % 40) + ".0 " : std::to_string(i);
    const std::string name = (i % 3 ? "City " : "CITY  ") + std::to_string(object);
    pipe += std::to_string(i) + "|\t|\t" + name + "|\tPopulation|\t" + value + "|\t" + source +
            "|\t" + (i % 11 ? "null" : "2010-01-0" + std::to_string(i % 9 + 1)) + "|\t\n";
    csv += source + "," + name + "," + value + ",\n";
  }
  const ClaimMatrix a = LoadBothWays(pipe, ClaimFormat::kDafna);
  CHECK(a.num_objects() > 7000);
  CHECK(a.num_sources() == 37);
  const ClaimMatrix b = LoadBothWays(csv, ClaimFormat::kCsv);
  CHECK(b.num_objects() == a.num_objects());
  // One loader over both: the second text is read with caches already given up.
  ClaimMatrixBuilder fast_builder, ref_builder;
  Diagnostics fast, ref;
  ClaimLoader loader(&fast_builder, &fast);
  loader.Parse(pipe, "in.txt", ClaimFormat::kDafna);
  loader.Parse(csv, "in.txt", ClaimFormat::kCsv);
  RefParse(pipe, ClaimFormat::kDafna, &ref_builder, &ref, ValueKind::kAuto);
  RefParse(csv, ClaimFormat::kCsv, &ref_builder, &ref, ValueKind::kAuto);
  RequireSameMatrix(fast_builder.Build(&fast), ref_builder.Build(&ref));
  CHECK(Flat(fast) == Flat(ref));
}

TEST_CASE("One loader over several files: caches never mix the formats", "[io][truth][loading]") {
  // The same characters as a pipe-DAFNA object span and as DAFNA-as-CSV fields must not share a
  // cache entry: "3:ab|cdef" is object "3:ab", property "cdef" in the first file, and fields "ab|"
  // and "cdef" (cache key "3:ab|cdef") in the second.
  const std::string pipe = "1|\t|\t3:ab|cdef|\tv|\ts1|\tnull|\t\n";
  const std::string csv = "\"2\",\"\",\"ab|\",\"cdef\",\"v\",\"s2\",\"null\"\n";
  const std::string plain_csv = "source,object,value\ns3,3:ab|cdef,v\ns1,OTHER,1\n";
  ClaimMatrixBuilder fast_builder, ref_builder;
  Diagnostics fast, ref;
  ClaimLoader loader(&fast_builder, &fast);
  loader.Parse(pipe, "in.txt", ClaimFormat::kDafna);
  loader.Parse(csv, "in.txt", ClaimFormat::kDafna);
  loader.Parse(plain_csv, "in.txt", ClaimFormat::kCsv);
  RefParse(pipe, ClaimFormat::kDafna, &ref_builder, &ref, ValueKind::kAuto);
  RefParse(csv, ClaimFormat::kDafna, &ref_builder, &ref, ValueKind::kAuto);
  RefParse(plain_csv, ClaimFormat::kCsv, &ref_builder, &ref, ValueKind::kAuto);
  const ClaimMatrix a = fast_builder.Build(&fast);
  RequireSameMatrix(a, ref_builder.Build(&ref));
  CHECK(Flat(fast) == Flat(ref));
  CHECK(a.FindObject("3:ab|cdef") >= 0);
  CHECK(a.FindObject("ab||cdef") >= 0);
  CHECK(a.num_objects() == 3);

  // ReadClaimFiles reads files in order into one builder; a missing file throws with its name.
  testing::TempDir dir("truth_loading");
  const std::string f1 = dir.Write("a.txt", pipe), f2 = dir.Write("b.txt", csv);
  ClaimMatrixBuilder b;
  Diagnostics d;
  const ClaimReadStats stats = ReadClaimFiles({f1, f2}, ClaimFormat::kDafna, &b, &d);
  CHECK(stats.records == 2);
  CHECK(stats.bytes == pipe.size() + csv.size());
  CHECK(b.Build(&d).sources == std::vector<std::string>{"s1", "s2"});
  CHECK_THROWS_WITH(ReadClaimFiles({f1, dir / "missing.txt"}, ClaimFormat::kDafna, &b, &d),
                    Catch::Contains("missing.txt"));
}

TEST_CASE("Files read on two threads give the same matrix and diagnostics as in order",
          "[io][truth][loading]") {
  // Over 4 MB in five files, so that ReadClaimFiles splits them; names recur across the halves,
  // some first appear in the second half, sources repeat objects with other values (warnings at
  // build), and bad records (diagnostics with file and line) sit in both halves.
  testing::TempDir dir("truth_two_threads");
  std::vector<std::string> paths;
  std::mt19937 rng(7);
  size_t id = 0;
  for (int f = 0; f < 5; ++f) {
    std::string text;
    while (text.size() < 1'000'000) {
      const int source = static_cast<int>(rng() % (f < 3 ? 20 : 40));  // 20..39 only late
      const int object = static_cast<int>(rng() % 5000);
      const int value = static_cast<int>(rng() % 7);
      text += std::to_string(++id) + "|\t|\tcity" + std::to_string(object) + "|\tTemp|\t" +
              (rng() % 500 == 0 ? std::string("") : std::to_string(40 + value)) + "|\tsrc" +
              std::to_string(source) + "|\tnull|\t\n";
    }
    paths.push_back(dir.Write("part" + std::to_string(f) + ".txt", text));
  }
  ClaimMatrixBuilder threaded, ordered;
  Diagnostics dt, dord;
  ClaimReadOptions two_threads;
  two_threads.threads = 2;
  const ClaimReadStats ts = ReadClaimFiles(paths, ClaimFormat::kDafna, &threaded, &dt, two_threads);
  ClaimLoader loader(&ordered, &dord);
  size_t bytes = 0;
  for (const std::string& p : paths) bytes += loader.Read(p, ClaimFormat::kDafna).bytes;
  CHECK(ts.bytes == bytes);
  CHECK(ts.bytes > (4u << 20));
  CHECK(ts.skipped > 0);
  const ClaimMatrix a = threaded.Build(&dt), b = ordered.Build(&dord);
  RequireSameMatrix(a, b);
  CHECK(Flat(dt) == Flat(dord));
  CHECK(a.num_sources() == 40);
}

TEST_CASE("ClaimMatrixBuilder::Append equals adding the records in order", "[io][truth][loading]") {
  std::mt19937 rng(11);
  struct R {
    std::string s, o, v;
    double number, time, weight;
  };
  std::vector<R> records;
  for (int i = 0; i < 3000; ++i) {
    const int v = static_cast<int>(rng() % 9);
    // Weights other than 1 only from record 2000 on: some splits append weighted records to
    // unweighted ones, others unweighted to weighted.
    const double weight = i >= 2000 && rng() % 3 == 0 ? 0.25 * (1 + rng() % 8) : 1.0;
    records.push_back({"s" + std::to_string(rng() % 30), "o" + std::to_string(rng() % 400),
                       "v" + std::to_string(v), static_cast<double>(v),
                       rng() % 3 == 0 ? kNoNumber : static_cast<double>(rng() % 100), weight});
  }
  for (size_t split :
       {size_t{0}, size_t{1}, size_t{1500}, size_t{2500}, size_t{2999}, size_t{3000}}) {
    ClaimMatrixBuilder one, first, second;
    for (size_t i = 0; i < records.size(); ++i) {
      const R& r = records[i];
      one.Add(r.s, r.o, r.v, r.number, r.time, r.weight, i < 1500 ? "a.txt" : "b.txt", i + 1);
      (i < split ? first : second)
          .Add(r.s, r.o, r.v, r.number, r.time, r.weight, i < 1500 ? "a.txt" : "b.txt", i + 1);
    }
    first.Append(std::move(second));
    CHECK(second.size() == 0);
    Diagnostics d1, d2;
    RequireSameMatrix(one.Build(&d1), first.Build(&d2));
    CHECK(Flat(d1) == Flat(d2));
  }
}

TEST_CASE("Record weights reach the entries, from the first record on", "[io][truth][loading]") {
  // The builder keeps weights only once one is not 1; those before it are 1.
  for (const double first : {0.5, 1.0}) {
    ClaimMatrixBuilder b;
    b.Add("s1", "o1", "a", kNoNumber, kNoNumber, first);
    b.Add("s2", "o1", "b", kNoNumber, kNoNumber, 1.0);
    b.Add("s1", "o2", "a", kNoNumber, kNoNumber, 2.0);
    b.Add("s2", "o2", "a", kNoNumber, kNoNumber, 1.0);
    Diagnostics d;
    const ClaimMatrix m = b.Build(&d);
    REQUIRE(m.entries.size() == 4);
    std::map<std::pair<std::string, std::string>, double> weight;
    for (const auto& e : m.entries)
      weight[{m.sources[e.source], m.objects[m.claim_object[e.claim]]}] = e.weight;
    CHECK(weight.at({"s1", "o1"}) == first);
    CHECK(weight.at({"s2", "o1"}) == 1.0);
    CHECK(weight.at({"s1", "o2"}) == 2.0);
    CHECK(weight.at({"s2", "o2"}) == 1.0);
  }
}

// The build the linear one must match: sort all records by (source, object, time, order), keep
// the last of each (source, object), number claims by (object, value), entries by (source, claim).
struct RefRecord {
  std::string source, object, value;
  double number, time;
  size_t line;
};

ClaimMatrix RefBuild(const std::vector<RefRecord>& records, Diagnostics* d) {
  std::map<std::string, int> sid, oid, vid;
  std::vector<std::string> sources, objects, values;
  std::vector<double> numbers;
  auto intern = [](std::map<std::string, int>* ids, std::vector<std::string>* names,
                   const std::string& s) {
    auto [it, added] = ids->emplace(s, static_cast<int>(names->size()));
    if (added) names->push_back(s);
    return it->second;
  };
  struct R {
    int s, o, v;
    double time;
    size_t line, order;
  };
  std::vector<R> rs;
  for (size_t i = 0; i < records.size(); ++i) {
    const RefRecord& r = records[i];
    const int s = intern(&sid, &sources, r.source), o = intern(&oid, &objects, r.object);
    const size_t before = values.size();
    const int v = intern(&vid, &values, r.value);
    if (values.size() != before) numbers.push_back(r.number);
    rs.push_back({s, o, v, r.time, r.line, i});
  }
  std::stable_sort(rs.begin(), rs.end(), [](const R& x, const R& y) {
    if (x.s != y.s) return x.s < y.s;
    if (x.o != y.o) return x.o < y.o;
    if (!std::isnan(x.time) && !std::isnan(y.time) && x.time != y.time) return x.time < y.time;
    return x.order < y.order;
  });
  std::vector<R> kept;
  for (size_t i = 0; i < rs.size(); ++i) {
    if (i + 1 < rs.size() && rs[i + 1].s == rs[i].s && rs[i + 1].o == rs[i].o) {
      if (rs[i + 1].v != rs[i].v)
        d->push_back({Diagnostic::Severity::kWarning, "f", rs[i + 1].line,
                      "source '" + sources[rs[i].s] + "' gives object '" + objects[rs[i].o] +
                          "' two values ('" + values[rs[i].v] + "' and '" + values[rs[i + 1].v] +
                          "'); keeping the later one"});
      continue;
    }
    kept.push_back(rs[i]);
  }
  std::set<std::pair<int, int>> claims;
  for (const R& r : kept) claims.emplace(r.o, r.v);
  ClaimMatrix m;
  m.sources = sources;
  m.objects = objects;
  m.object_begin.assign(objects.size() + 1, 0);
  std::map<std::pair<int, int>, int> claim_id;
  for (const auto& [o, v] : claims) {
    claim_id[{o, v}] = static_cast<int>(m.values.size());
    m.values.push_back(values[v]);
    m.numbers.push_back(numbers[v]);
    m.claim_object.push_back(o);
    ++m.object_begin[o + 1];
  }
  for (size_t o = 0; o < objects.size(); ++o) m.object_begin[o + 1] += m.object_begin[o];
  for (const R& r : kept) m.entries.push_back({r.s, claim_id[{r.o, r.v}], 1.0, r.time});
  std::sort(m.entries.begin(), m.entries.end(), [](const auto& a, const auto& b) {
    return std::make_pair(a.source, a.claim) < std::make_pair(b.source, b.claim);
  });
  std::vector<Eigen::Triplet<double, int>> t;
  for (const auto& e : m.entries) t.emplace_back(e.source, e.claim, e.weight);
  m.sc = engine::truth::SparseMatrix(m.num_sources(), m.num_claims());
  m.sc.setFromTriplets(t.begin(), t.end());
  for (size_t o = 0; o < objects.size(); ++o) m.object_index.Insert(m.objects, static_cast<int>(o));
  return m;
}

TEST_CASE("The linear build matches a sort-based build on random records",
          "[engine][truth][loading]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    const int n = 1 + static_cast<int>(rng() % 400);
    const int sources = 1 + static_cast<int>(rng() % 12),
              objects = 1 + static_cast<int>(rng() % 30);
    const int values = 1 + static_cast<int>(rng() % 8);
    const bool timed = round % 2 == 0;  // all records timed (with ties), or none
    std::vector<RefRecord> records;
    for (int i = 0; i < n; ++i) {
      const int v = static_cast<int>(rng() % values);
      records.push_back({"s" + std::to_string(rng() % sources),
                         "o" + std::to_string(rng() % objects), "v" + std::to_string(v),
                         static_cast<double>(v), timed ? static_cast<double>(rng() % 5) : kNoNumber,
                         static_cast<size_t>(i + 1)});
    }
    ClaimMatrixBuilder b;
    for (const RefRecord& r : records)
      b.Add(r.source, r.object, r.value, r.number, r.time, 1.0, "f", r.line);
    CHECK(b.size() == records.size());
    Diagnostics fast, ref;
    const ClaimMatrix a = b.Build(&fast);
    RequireSameMatrix(a, RefBuild(records, &ref));
    CHECK(Flat(fast) == Flat(ref));
    CHECK(b.size() == 0);  // Build leaves the builder empty
  }
}

TEST_CASE("Build with a limit on repeat warnings: the first ones, the rest counted",
          "[engine][truth][loading]") {
  auto fill = [&](ClaimMatrixBuilder* b, unsigned seed) {
    std::mt19937 r(seed);
    for (int i = 0; i < 600; ++i)
      b->Add("s" + std::to_string(r() % 6), "o" + std::to_string(r() % 40),
             "v" + std::to_string(r() % 4), kNoNumber, kNoNumber, 1.0, "f", i + 1);
  };
  ClaimMatrixBuilder all_builder;
  fill(&all_builder, 3);
  Diagnostics all;
  const ClaimMatrix full = all_builder.Build(&all);
  REQUIRE(all.size() > 50);
  for (size_t limit :
       {size_t{0}, size_t{1}, size_t{20}, all.size() - 1, all.size(), all.size() + 5}) {
    ClaimMatrixBuilder b;
    fill(&b, 3);
    Diagnostics some = {{Diagnostic::Severity::kWarning, "earlier", 1, "kept"}};
    size_t omitted = 99;
    const ClaimMatrix m = b.Build(&some, limit, &omitted);
    RequireSameMatrix(m, full);
    const size_t shown = std::min(limit, all.size());
    REQUIRE(some.size() == 1 + shown);
    CHECK(omitted == all.size() - shown);
    for (size_t i = 0; i < shown; ++i) CHECK(some[1 + i].ToString() == all[i].ToString());
  }
}

TEST_CASE("RebuildIncidence: direct from sorted entries, summed triplets otherwise",
          "[engine][truth][loading]") {
  ClaimMatrixBuilder b;
  b.Add("a", "x", "1");
  b.Add("b", "x", "2");
  b.Add("b", "y", "3");
  ClaimMatrix m = b.Build(nullptr);
  REQUIRE(m.entries.size() == 3);
  const Eigen::MatrixXd before(m.sc);
  m.entries[1].weight = 0;  // left out
  m.RebuildIncidence();
  CHECK(m.sc.nonZeros() == 2);
  CHECK(Eigen::MatrixXd(m.sc)(1, 1) == 0);
  // Unsorted entries with a repeat are summed.
  m.entries = {{1, 2, 0.5, kNoNumber}, {0, 0, 1, kNoNumber}, {1, 2, 0.25, kNoNumber}};
  m.RebuildIncidence();
  CHECK(Eigen::MatrixXd(m.sc)(1, 2) == 0.75);
  CHECK(Eigen::MatrixXd(m.sc)(0, 0) == 1);
  CHECK(m.sc.nonZeros() == 2);
  CHECK(before(1, 2) == 1);
}

TEST_CASE("InternTable and StringIndex: ids in first-seen order, growth, odd keys",
          "[engine][truth][loading]") {
  engine::truth::InternTable table;
  const std::vector<std::string> keys = {"", "a", std::string("a\0b", 3), std::string("a\0c", 3),
                                         "a long name that does not fit a small string buffer"};
  for (size_t i = 0; i < keys.size(); ++i) CHECK(table.Intern(keys[i]) == static_cast<int>(i));
  for (int i = 0; i < 5000; ++i) CHECK(table.Intern("k" + std::to_string(i)) == 5 + i);
  for (size_t i = 0; i < keys.size(); ++i) {
    CHECK(table.Find(keys[i]) == static_cast<int>(i));
    CHECK(table[static_cast<int>(i)] == keys[i]);
    CHECK(table.InternNew(keys[i]) == std::make_pair(static_cast<int>(i), false));
  }
  CHECK(table.Find("k4999") == 5004);
  CHECK(table.Find("k5000") == -1);
  CHECK(table.Find(std::string("a\0d", 3)) == -1);
  std::vector<std::string> names;
  engine::truth::StringIndex index;
  table.MoveTo(&names, &index);
  CHECK(table.size() == 0);
  CHECK(table.Find("a") == -1);
  REQUIRE(names.size() == 5005);
  for (size_t i = 0; i < names.size(); i += 97)
    CHECK(index.Find(names, names[i]) == static_cast<int>(i));
  CHECK(index.Find(names, "nope") == -1);
  std::vector<std::string> more;
  engine::truth::StringIndex grown;
  for (int i = 0; i < 3000; ++i) CHECK(grown.Intern(&more, std::to_string(i)).first == i);
  CHECK(grown.Intern(&more, "17") == std::make_pair(17, false));
  CHECK(grown.size() == 3000);
}

}  // namespace
}  // namespace claimgraph::io::truth
