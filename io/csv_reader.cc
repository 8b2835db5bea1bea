#include "io/csv_reader.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace claimgraph::io {

CsvReader::CsvReader(std::istream& in, std::string name, char separator)
    : in_(in), name_(std::move(name)), sep_(separator) {}

bool CsvReader::Fill() {
  if (!in_) return false;
  buf_.erase(0, pos_);
  pos_ = 0;
  char chunk[1 << 16];
  in_.read(chunk, sizeof chunk);
  const std::streamsize got = in_.gcount();
  if (got <= 0) return false;
  buf_.append(chunk, static_cast<size_t>(got));
  if (!bom_checked_) {
    if (buf_.size() < 3 && in_) return true;  // wait for more bytes before deciding
    bom_checked_ = true;
    if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }
  return true;
}

bool CsvReader::Next(CsvRecord* record) {
  record->fields.clear();
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // current field began with a quote
  bool any = false;         // saw any character of this record
  size_t start_line = line_;
  auto at_end = [&] { return pos_ >= buf_.size() && !Fill(); };
  if (!bom_checked_) Fill();
  for (;;) {
    if (at_end()) break;
    const char c = buf_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (!at_end() && buf_[pos_] == '"') {
          field.push_back('"');
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        if (c == '\r' && !at_end() && buf_[pos_] == '\n') continue;  // CRLF inside quotes -> LF
        field.push_back(c);
      }
      continue;
    }
    if (c == '\r') continue;  // CR of CRLF, or a stray CR
    if (c == '\n') {
      ++line_;
      if (!any) {  // blank line: skip
        start_line = line_;
        continue;
      }
      break;
    }
    any = true;
    if (c == sep_) {
      record->fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else {
      field.push_back(c);
    }
  }
  if (quoted)
    throw std::runtime_error(name_ + ":" + std::to_string(start_line) +
                             ": quoted field is never closed");
  if (!any) return false;
  record->fields.push_back(std::move(field));
  record->line = start_line;
  return true;
}

std::vector<CsvRecord> ReadCsvFile(const std::string& path, char separator) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open file");
  CsvReader reader(in, path, separator);
  std::vector<CsvRecord> records;
  CsvRecord r;
  while (reader.Next(&r)) records.push_back(std::move(r));
  return records;
}

std::vector<CsvRecord> ParseCsv(std::string_view text, std::string name, char separator) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in, std::move(name), separator);
  std::vector<CsvRecord> records;
  CsvRecord r;
  while (reader.Next(&r)) records.push_back(std::move(r));
  return records;
}

}  // namespace claimgraph::io
