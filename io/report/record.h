// One record (a row of CSV, a node or edge of a graph export) built in a reused buffer and
// written to the stream in one call. The exports hold millions of records, and a stream insertion
// and a temporary string per field cost more than the bytes themselves. Fields are appended with
// <<: text and integers as they are, and the wrappers below escaped for their format.
#pragma once

#include <charconv>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "io/report/escape.h"

namespace claimgraph::io::report {

struct Xml {  // XmlEscape
  std::string_view text;
};
struct Dot {  // DotEscape
  std::string_view text;
};
struct Csv {  // CsvField
  std::string_view text;
};
struct Number {  // printf's %.6g
  double value;
};
// Reasons "; "-joined, then escaped for XML, DOT or CSV.
struct XmlReasons {
  const std::vector<std::string>* reasons;
};
struct DotReasons {
  const std::vector<std::string>* reasons;
};
struct CsvReasons {
  const std::vector<std::string>* reasons;
};

class Record {
 public:
  explicit Record(std::ostream& out) : out_(out) {}

  Record& operator<<(std::string_view s) {
    line_.append(s);
    return *this;
  }
  Record& operator<<(char c) {
    line_.push_back(c);
    return *this;
  }
  template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, char> && !std::is_same_v<T, bool>) Record&
  operator<<(T v) {
    char buf[24];
    line_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    return *this;
  }
  Record& operator<<(Xml x) {
    AppendXmlEscaped(&line_, x.text);
    return *this;
  }
  Record& operator<<(Dot x) {
    AppendDotEscaped(&line_, x.text);
    return *this;
  }
  Record& operator<<(Csv x) {
    AppendCsvField(&line_, x.text);
    return *this;
  }
  Record& operator<<(Number x) {
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%.6g", x.value);
    line_.append(buf, static_cast<size_t>(n));
    return *this;
  }
  Record& operator<<(XmlReasons r) { return *this << Xml{Join(*r.reasons)}; }
  Record& operator<<(DotReasons r) { return *this << Dot{Join(*r.reasons)}; }
  Record& operator<<(CsvReasons r) { return *this << Csv{Join(*r.reasons)}; }

  // Writes the record and starts the next.
  void End() {
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    line_.clear();
  }

 private:
  std::string_view Join(const std::vector<std::string>& reasons) {
    joined_.clear();
    for (const std::string& r : reasons) {
      if (!joined_.empty()) joined_ += "; ";
      joined_ += r;
    }
    return joined_;
  }

  std::ostream& out_;
  std::string line_, joined_;
};

}  // namespace claimgraph::io::report
