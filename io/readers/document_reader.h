// Document readers: the first stage of the pipeline. They turn input files into engine::Documents
// with normalised metadata (ISO dates, LF line ends, valid UTF-8) and a content hash, one document
// at a time, so a 100,000-record JSONL file never sits in memory as documents.
//
// Formats (docs/FORMATS.md): the front-matter text format of DESIGN.md, news-please JSON (an
// object or an array of objects) and JSONL, and CSV with a column mapping. Bad records are data: a
// record that cannot be read (invalid UTF-8, an unterminated header, a malformed JSON line, an
// unparseable date) is skipped with one diagnostic naming its file and line, and reading goes on.
// Untrusted bytes cannot take a batch down: JSON nesting is bounded (bounded_json.h), every
// exception a reader throws on a record becomes that record's (or file's) diagnostic, files with
// NUL bytes are skipped as binary, control characters are removed from every field kept, and an
// unreadable directory is reported and counted like any other skipped input.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/document.h"

namespace claimgraph::io {

enum class InputFormat { kAuto, kText, kNewsPlease, kCsv };

// "auto", "text", "newsplease", "csv". Returns false for another name.
bool ParseInputFormat(std::string_view name, InputFormat* out);
std::string_view ToString(InputFormat format);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // Used when a document carries no source / date of its own (not marked inferred).
  std::string default_source;
  std::string default_date;  // "YYYY-MM-DD"
  // CSV: document field -> column header. Fields: title, text, date, source, url, language,
  // authors. Unmapped fields are looked up under their usual names (DefaultCsvColumns).
  std::map<std::string, std::string> csv_columns;
};

// Counts of what a read produced.
struct ReadStats {
  int64_t documents = 0;  // handed to the sink
  int64_t skipped = 0;    // records or files rejected with an error diagnostic
  int64_t ignored = 0;    // files in a walked directory that are not an input type (warning)
  int64_t files = 0;      // files opened
  int64_t bytes = 0;      // bytes read
  // Skipped records and files by reason ("malformed JSON", "empty file", "unreadable directory",
  // ...): the run-end summary. The counts add up to `skipped`.
  std::map<std::string, int64_t> skipped_by_reason;
};

// Receives each document read. Returning false stops reading (e.g. on interrupt).
using DocumentSink = std::function<bool(engine::Document&&)>;

// Reads one file (format from options, or detected from its extension and first bytes), calling
// sink per document and appending problems to *diags. Never throws for bad input: a file that
// cannot be opened is a diagnostic too. Returns false if the sink asked to stop.
bool ReadFile(const std::string& path, const ReaderOptions& options, const DocumentSink& sink,
              engine::Diagnostics* diags, ReadStats* stats);

// Reads each path: a file as ReadFile, a directory walked recursively in sorted order (hidden
// entries skipped; in auto format only .txt .md .text .json .jsonl .ndjson .csv files are read,
// others are counted as ignored with a warning, and so are README / LICENSE / CHANGELOG files).
// A missing path is an error diagnostic.
// Returns false if the sink asked to stop.
bool ReadPaths(const std::vector<std::string>& paths, const ReaderOptions& options,
               const DocumentSink& sink, engine::Diagnostics* diags, ReadStats* stats);

// --- Format parsers on bytes in memory (used by ReadFile; public for tests) -----------------

// Parses one front-matter text document. `bytes` is the whole file. Returns false (with one
// error diagnostic in *diags, and the skip reason in *reason if given) when the document must be
// skipped; warnings may be added either way.
bool ParseFrontMatterDocument(std::string_view bytes, const std::string& path,
                              const ReaderOptions& options, engine::Document* doc,
                              engine::Diagnostics* diags, std::string* reason = nullptr);

// Parses one news-please record (a JSON object already parsed from `record_text`). `line` is
// the 1-based line the record starts on (for diagnostics and Document::path).
bool ParseNewsPleaseRecord(std::string_view record_text, const std::string& path, size_t line,
                           const ReaderOptions& options, engine::Document* doc,
                           engine::Diagnostics* diags, std::string* reason = nullptr);

// Reads news-please records from a whole file's bytes: JSONL (one object per line), one JSON
// object, or a JSON array of objects. An empty file is skipped with a diagnostic. Returns false if
// the sink asked to stop.
bool ReadNewsPleaseBytes(std::string_view bytes, const std::string& path,
                         const ReaderOptions& options, const DocumentSink& sink,
                         engine::Diagnostics* diags, ReadStats* stats);

// Reads CSV documents (one per row, header first) from a whole file's bytes.
bool ReadCsvDocumentBytes(std::string_view bytes, const std::string& path,
                          const ReaderOptions& options, const DocumentSink& sink,
                          engine::Diagnostics* diags, ReadStats* stats);

// Column names tried for each field when the mapping does not name one.
const std::map<std::string, std::vector<std::string>>& DefaultCsvColumns();

}  // namespace claimgraph::io
