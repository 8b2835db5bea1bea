// CSV reader (RFC 4180) used by every tabular input: FNC-1 and Emergent stance files, truth
// discovery claims and gold, and CSV document ingest. Quoted fields may hold separators, doubled
// quotes and newlines; lines may end in LF or CRLF; a UTF-8 byte-order mark is skipped.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io {

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;  // 1-based line on which the record starts
};

// Reads records one at a time from a stream.
// Not thread-safe; one reader per stream.
class CsvReader {
 public:
  // `name` is used in error messages (usually the file path).
  CsvReader(std::istream& in, std::string name, char separator = ',');

  // Reads the next record into *record. Returns false at end of input. Blank lines are skipped.
  // Throws std::runtime_error naming the file and line for a quoted field that never closes.
  bool Next(CsvRecord* record);

  const std::string& name() const { return name_; }

 private:
  bool Fill();  // refills buf_; returns false at end of input

  std::istream& in_;
  std::string name_;
  char sep_;
  std::string buf_;
  size_t pos_ = 0;
  size_t line_ = 1;
  bool bom_checked_ = false;
};

// Opens `path` and reads all records. Throws std::runtime_error if the file cannot be opened.
std::vector<CsvRecord> ReadCsvFile(const std::string& path, char separator = ',');

// Parses CSV held in memory (for tests and small inputs).
std::vector<CsvRecord> ParseCsv(std::string_view text, std::string name = "<memory>",
                                char separator = ',');

}  // namespace claimgraph::io
