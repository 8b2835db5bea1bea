// CsvScanner: splits CSV text held in memory into records of string_view fields, for the claim
// readers (io/truth/claim_readers.h), which load hundreds of thousands of records per file. The
// rules are those of io/csv_reader.h, record for record: RFC 4180 quoted fields may hold
// separators, doubled quotes and newlines; a CR outside quotes is dropped and CRLF inside quotes
// becomes LF; blank lines are skipped; a UTF-8 byte-order mark at the start is skipped; a quote
// opens a quoted field only at the start of a field; each record carries the 1-based line on
// which it starts. Unlike CsvReader, a field is a view into the text whenever its characters are
// contiguous there (no per-field allocation); only fields that lose characters (quotes, doubled
// quotes, CRs) are copied, into a buffer the scanner owns. Records on one line without quotes or
// CRs (nearly all of a claims file) take a fast path that finds separators eight bytes at a time.
// Not thread-safe; one scanner per text. The text must outlive the scanner.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io::truth {

class CsvScanner {
 public:
  // `name` is used in error messages (usually the file path).
  CsvScanner(std::string_view text, std::string name, char separator = ',');

  // Reads the next record: *fields point into the text or into the scanner and stay valid until
  // the next call; *line is the line on which the record starts. Returns false at the end.
  // Throws std::runtime_error naming the file and line for a quoted field that never closes.
  bool Next(std::vector<std::string_view>* fields, size_t* line);
  // Whether the last record read lay whole in the text (its fields point into the text, not
  // into the scanner, and stay valid after the next call).
  bool last_in_text() const { return plain_; }

 private:
  // The common case: a record on one line without quotes or CRs, split in one pass over the line
  // (eight bytes at a time). Returns false, having consumed nothing, when the record is not plain.
  bool NextPlain(std::vector<std::string_view>* fields, size_t* line);

  struct Field {
    bool copied;  // begin indexes scratch_ (else text_)
    size_t begin, size;
  };

  std::string_view text_;
  std::string name_;
  char sep_;
  size_t pos_ = 0;
  size_t line_ = 1;
  bool plain_ = false;
  std::string scratch_;
  std::vector<Field> spans_;
};

}  // namespace claimgraph::io::truth
