// Document readers: front-matter text, news-please JSON / JSONL, CSV; directory walking and
// format detection.
#include "io/readers/document_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/text/utf8.h"
#include "io/csv_reader.h"
#include "io/readers/bounded_json.h"
#include "io/readers/date_normalize.h"
#include "io/readers/metadata.h"
#include "io/readers/sha256.h"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using engine::Diagnostic;
using engine::Diagnostics;
using engine::Document;
using Json = nlohmann::json;

void AddDiag(Diagnostics* diags, Diagnostic::Severity severity, const std::string& file,
             size_t line, std::string message) {
  if (!diags) return;
  diags->push_back({severity, file, line, std::move(message)});
}
void Error(Diagnostics* d, const std::string& file, size_t line, std::string message) {
  AddDiag(d, Diagnostic::Severity::kError, file, line, std::move(message));
}
void Warn(Diagnostics* d, const std::string& file, size_t line, std::string message) {
  AddDiag(d, Diagnostic::Severity::kWarning, file, line, std::move(message));
}

// Counts one skipped record or file under `reason` (the run-end summary).
void Skip(ReadStats* stats, std::string_view reason) {
  ++stats->skipped;
  ++stats->skipped_by_reason[std::string(reason)];
}

// Sets *reason (if wanted) and returns false: the tail of every "record skipped" path.
bool Reject(std::string* reason, std::string_view why) {
  if (reason) *reason = std::string(why);
  return false;
}

// An exception thrown by the sink (the store), carried through the readers' catch-all handlers:
// bad input becomes a diagnostic, a failing store must still fail the ingest.
struct SinkFailure {
  std::exception_ptr error;
};

bool CallSink(const DocumentSink& sink, Document&& doc) {
  try {
    return sink(std::move(doc));
  } catch (...) {
    throw SinkFailure{std::current_exception()};
  }
}

// The offset of the first NUL byte, or npos: a file with one is binary, not an article.
size_t FindNul(std::string_view bytes) { return bytes.find('\0'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Extension(const std::string& path) {
  return Lower(fs::path(path).extension().string());
}

// Strips one pair of matching surrounding quotes (YAML-style header values).
std::string Unquote(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 &&
      ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

// "a, b" or "[a, b]" or "- a" (one per value) -> list.
std::vector<std::string> SplitAuthors(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= v.size()) {
    size_t end = v.find_first_of(",;", start);
    if (end == std::string_view::npos) end = v.size();
    std::string a = Unquote(v.substr(start, end - start));
    if (!a.empty()) out.push_back(std::move(a));
    start = end + 1;
  }
  return out;
}

// Describes an invalid UTF-8 byte for a message: "invalid UTF-8 (byte 0xE9 at column 12)".
std::string Utf8Message(std::string_view bytes, size_t offset) {
  size_t line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (offset == 0) line_start = 0;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[offset]));
  return std::string("invalid UTF-8 (byte ") + hex + " at column " +
         std::to_string(offset - line_start + 1) + "); convert the file to UTF-8";
}

// Fills source and date from the options or by inference when the record has none. Returns
// false (with an error) if a default date is malformed.
void CompleteMetadata(Document* doc, const ReaderOptions& options, const std::string& file,
                      size_t line, Diagnostics* diags) {
  if (doc->source.empty()) {
    if (!options.default_source.empty()) {
      doc->source = options.default_source;
    } else if (auto s = InferSource(doc->text, doc->url)) {
      doc->source = *s;
      doc->source_inferred = true;
    } else {
      doc->source = "unknown";
      doc->source_inferred = true;
      Warn(diags, file, line,
           "no source in the input, none given with --source, none found in the text; "
           "recorded as 'unknown'");
    }
  }
  if (doc->date.empty()) {
    if (!options.default_date.empty()) {
      doc->date = options.default_date;
    } else if (auto d = InferDate(doc->text, doc->url)) {
      doc->date = *d;
      doc->date_inferred = true;
    } else {
      Warn(diags, file, line,
           "no date in the input, none given with --date, none found in the text; left empty");
    }
  }
}

// Sets doc->date from a raw value; false (with an error diagnostic) if it cannot be parsed.
bool SetDate(std::string_view raw, Document* doc, const std::string& file, size_t line,
             const char* field, Diagnostics* diags) {
  std::string why;
  auto iso = NormalizeDate(raw, &why);
  if (!iso) {
    Error(diags, file, line,
          std::string("unparseable ") + field + " '" + std::string(Trim(raw)) + "': " + why +
              "; record skipped");
    return false;
  }
  doc->date = *iso;
  return true;
}

// Removes leading blank lines and trailing white space.
std::string TidyBody(std::string_view body) {
  size_t start = 0;
  for (;;) {
    size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) break;
    if (!Trim(body.substr(start, nl - start)).empty()) break;
    start = nl + 1;
  }
  body = body.substr(std::min(start, body.size()));
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) {
    body.remove_suffix(1);
  }
  return std::string(body);
}

bool IsFenceLine(std::string_view line, std::string_view fence) {
  return Trim(line) == fence && line.substr(0, fence.size()) == fence;
}

// Removes control characters from the metadata fields (metadata.h); each reader does the same
// to the body before tidying it.
void RemoveControls(Document* doc) {
  doc->title = RemoveControlChars(doc->title);
  doc->url = RemoveControlChars(doc->url);
  doc->language = RemoveControlChars(doc->language);
  doc->source = RemoveControlChars(doc->source);
  for (std::string& a : doc->authors) a = RemoveControlChars(a);
}

// --- news-please -------------------------------------------------------------------------------

std::string JsonString(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number() || it->is_boolean()) return it->dump();
  return "";
}

bool ParseNewsPleaseObject(const Json& obj, const std::string& hash, const std::string& file,
                           size_t line, const ReaderOptions& options, Document* doc,
                           Diagnostics* diags, std::string* reason) {
  if (!obj.is_object()) {
    Error(diags, file, line, "news-please record is not a JSON object; record skipped");
    return Reject(reason, "not a JSON object");
  }
  *doc = Document{};
  doc->content_hash = hash;
  doc->path = line > 0 ? file + ":" + std::to_string(line) : file;
  doc->text = TidyBody(RemoveControlChars(NormalizeLineEndings(JsonString(obj, "maintext"))));
  if (doc->text.empty()) {
    // Some crawls leave maintext empty and put the lead in description.
    doc->text = TidyBody(RemoveControlChars(NormalizeLineEndings(JsonString(obj, "description"))));
    if (doc->text.empty()) {
      Error(diags, file, line, "news-please record has no 'maintext'; record skipped");
      return Reject(reason, "no body text");
    }
    Warn(diags, file, line, "news-please record has no 'maintext'; using its 'description'");
  }
  doc->title = std::string(Trim(NormalizeLineEndings(JsonString(obj, "title"))));
  doc->url = std::string(Trim(JsonString(obj, "url")));
  doc->language = std::string(Trim(JsonString(obj, "language")));
  doc->source = std::string(Trim(JsonString(obj, "source_domain")));
  if (auto it = obj.find("authors"); it != obj.end()) {
    if (it->is_array()) {
      for (const auto& a : *it) {
        if (a.is_string() && !Trim(a.get<std::string>()).empty()) {
          doc->authors.push_back(std::string(Trim(a.get<std::string>())));
        }
      }
    } else if (it->is_string()) {
      doc->authors = SplitAuthors(it->get<std::string>());
    }
  }
  const std::string date = JsonString(obj, "date_publish");
  if (!Trim(date).empty() && !SetDate(date, doc, file, line, "date_publish", diags)) {
    return Reject(reason, "unparseable date");
  }
  RemoveControls(doc);
  CompleteMetadata(doc, options, file, line, diags);
  return true;
}

bool HandleJsonLine(std::string_view line_text, const std::string& path, size_t line,
                    const ReaderOptions& options, const DocumentSink& sink, Diagnostics* diags,
                    ReadStats* stats) {
  if (!line_text.empty() && line_text.back() == '\r') line_text.remove_suffix(1);
  if (Trim(line_text).empty()) return true;
  Document doc;
  std::string reason;
  if (!ParseNewsPleaseRecord(line_text, path, line, options, &doc, diags, &reason)) {
    Skip(stats, reason);
    return true;
  }
  ++stats->documents;
  return CallSink(sink, std::move(doc));
}

// --- CSV ---------------------------------------------------------------------------------------

bool ReadCsvStream(std::istream& in, const std::string& path, const ReaderOptions& options,
                   const DocumentSink& sink, Diagnostics* diags, ReadStats* stats) {
  CsvReader reader(in, path);
  CsvRecord header;
  try {
    if (!reader.Next(&header)) {
      Error(diags, path, 0, "empty CSV file; skipped");
      Skip(stats, "empty file");
      return true;
    }
  } catch (const std::exception& e) {
    Error(diags, path, 1, std::string(e.what()) + "; file skipped");
    Skip(stats, "unclosed CSV quote");
    return true;
  }
  // Resolve the column of each field.
  std::map<std::string, int> column;
  std::vector<std::string> names;
  for (const auto& f : header.fields) names.push_back(Lower(Trim(f)));
  auto find = [&](const std::string& name) -> int {
    const std::string want = Lower(name);
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == want) return static_cast<int>(i);
    }
    return -1;
  };
  for (const auto& [field, candidates] : DefaultCsvColumns()) {
    int col = -1;
    if (auto it = options.csv_columns.find(field); it != options.csv_columns.end()) {
      col = find(it->second);
      if (col < 0) {
        Error(diags, path, header.line,
              "CSV has no column '" + it->second + "' (mapped to " + field + "); file skipped");
        Skip(stats, "CSV column missing");
        return true;
      }
    } else {
      for (const auto& c : candidates) {
        if ((col = find(c)) >= 0) break;
      }
    }
    if (col >= 0) column[field] = col;
  }
  if (!column.count("text")) {
    Error(diags, path, header.line,
          "CSV has no text column (tried text, maintext, body, content, article, articleBody); "
          "name one with --column text=NAME; file skipped");
    Skip(stats, "CSV column missing");
    return true;
  }
  CsvRecord rec;
  for (;;) {
    try {
      if (!reader.Next(&rec)) break;
    } catch (const std::exception& e) {
      Error(diags, path, 0, std::string(e.what()) + "; rest of the file skipped");
      Skip(stats, "unclosed CSV quote");
      break;
    }
    if (rec.fields.size() != header.fields.size()) {
      Error(diags, path, rec.line,
            "row has " + std::to_string(rec.fields.size()) + " fields, the header " +
                std::to_string(header.fields.size()) + "; row skipped");
      Skip(stats, "CSV row width");
      continue;
    }
    bool bad_utf8 = false;
    Sha256 hasher;
    for (const auto& f : rec.fields) {
      size_t off = 0;
      if (!engine::IsValidUtf8(f, &off)) {
        Error(diags, path, rec.line + engine::LineOfOffset(f, off) - 1,
              Utf8Message(f, off) + "; row skipped");
        bad_utf8 = true;
        break;
      }
      hasher.Update(f);
      hasher.Update(std::string_view("\x1f", 1));
    }
    if (bad_utf8) {
      Skip(stats, "invalid UTF-8");
      continue;
    }
    const auto digest = hasher.Final();
    std::string hash;
    static constexpr char kHex[] = "0123456789abcdef";
    for (uint8_t b : digest) {
      hash += kHex[b >> 4];
      hash += kHex[b & 15];
    }
    auto get = [&](const char* field) -> std::string {
      auto it = column.find(field);
      return it == column.end() ? std::string() : rec.fields[it->second];
    };
    Document doc;
    doc.content_hash = hash;
    doc.path = path + ":" + std::to_string(rec.line);
    doc.text = TidyBody(RemoveControlChars(NormalizeLineEndings(get("text"))));
    if (doc.text.empty()) {
      Error(diags, path, rec.line, "row has an empty text column; row skipped");
      Skip(stats, "no body text");
      continue;
    }
    doc.title = std::string(Trim(get("title")));
    doc.url = std::string(Trim(get("url")));
    doc.language = std::string(Trim(get("language")));
    doc.source = std::string(Trim(get("source")));
    doc.authors = SplitAuthors(get("authors"));
    const std::string date = get("date");
    if (!Trim(date).empty() && !SetDate(date, &doc, path, rec.line, "date", diags)) {
      Skip(stats, "unparseable date");
      continue;
    }
    RemoveControls(&doc);
    CompleteMetadata(&doc, options, path, rec.line, diags);
    ++stats->documents;
    if (!CallSink(sink, std::move(doc))) return false;
  }
  return true;
}

bool ReadWholeFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = std::string("read error: ") + std::strerror(errno);
    return false;
  }
  *out = std::move(ss).str();
  return true;
}

// README.md, LICENSE.txt, CHANGELOG, CONTRIBUTING...: files that sit beside a corpus.
bool IsProjectFile(const std::string& name) {
  const std::string stem = Lower(fs::path(name).stem().string());
  for (const char* p : {"readme", "license", "licence", "changelog", "contributing", "copying"}) {
    if (stem == p) return true;
  }
  return false;
}

bool IsInputExtension(const std::string& ext) {
  static const char* kExt[] = {".txt", ".md", ".text", ".json", ".jsonl", ".ndjson", ".csv"};
  return std::find_if(std::begin(kExt), std::end(kExt), [&](const char* e) { return ext == e; }) !=
         std::end(kExt);
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* out) {
  if (name == "auto") {
    *out = InputFormat::kAuto;
  } else if (name == "text") {
    *out = InputFormat::kText;
  } else if (name == "newsplease" || name == "news-please" || name == "json" || name == "jsonl") {
    *out = InputFormat::kNewsPlease;
  } else if (name == "csv") {
    *out = InputFormat::kCsv;
  } else {
    return false;
  }
  return true;
}

std::string_view ToString(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kNewsPlease:
      return "newsplease";
    case InputFormat::kCsv:
      return "csv";
  }
  return "auto";
}

const std::map<std::string, std::vector<std::string>>& DefaultCsvColumns() {
  static const std::map<std::string, std::vector<std::string>> kColumns = {
      {"title", {"title", "headline"}},
      {"text", {"text", "maintext", "body", "content", "article", "articlebody"}},
      {"date", {"date", "date_publish", "published", "publication_date", "pubdate"}},
      {"source", {"source", "source_domain", "outlet", "publisher", "site"}},
      {"url", {"url", "link"}},
      {"language", {"language", "lang"}},
      {"authors", {"authors", "author", "byline"}},
  };
  return kColumns;
}

bool ParseFrontMatterDocument(std::string_view bytes, const std::string& path,
                              const ReaderOptions& options, Document* doc, Diagnostics* diags,
                              std::string* reason) {
  *doc = Document{};
  size_t bad = 0;
  if (!engine::IsValidUtf8(bytes, &bad)) {
    Error(diags, path, engine::LineOfOffset(bytes, bad),
          Utf8Message(bytes, bad) + "; file skipped");
    return Reject(reason, "invalid UTF-8");
  }
  if (const size_t nul = FindNul(bytes); nul != std::string_view::npos) {
    Error(diags, path, engine::LineOfOffset(bytes, nul),
          "binary file (a NUL byte), not a text document; file skipped");
    return Reject(reason, "binary file");
  }
  doc->content_hash = Sha256Hex(bytes);
  doc->path = path;
  const std::string text = NormalizeLineEndings(bytes);
  std::string_view body = text;
  size_t body_line = 1;  // line on which the body starts

  // Front matter: a first line "---", key: value lines, a closing "---" (or "...").
  const size_t first_nl = text.find('\n');
  const std::string_view first_line =
      std::string_view(text).substr(0, first_nl == std::string::npos ? text.size() : first_nl);
  if (IsFenceLine(first_line, "---")) {
    size_t pos = first_nl == std::string::npos ? text.size() : first_nl + 1;
    size_t line = 2;
    bool closed = false;
    std::map<std::string, size_t> seen;
    std::string date_raw;
    size_t date_line = 0;
    // Find the closing fence first: a header that never closes is reported as such, not by the
    // first body line that happens not to look like "key: value".
    bool has_close = false;
    for (size_t p = pos; p < text.size();) {
      size_t end = text.find('\n', p);
      if (end == std::string::npos) end = text.size();
      const std::string_view l = std::string_view(text).substr(p, end - p);
      if (IsFenceLine(l, "---") || IsFenceLine(l, "...")) {
        has_close = true;
        break;
      }
      p = end + 1;
    }
    if (!has_close) {
      Error(diags, path, 1,
            "unterminated header: '---' on line 1 is never closed by a '---' line; file skipped");
      return Reject(reason, "unterminated header");
    }
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      const std::string_view l = std::string_view(text).substr(pos, end - pos);
      pos = end + 1;
      if (IsFenceLine(l, "---") || IsFenceLine(l, "...")) {
        closed = true;
        body = std::string_view(text).substr(std::min(pos, text.size()));
        body_line = line + 1;
        break;
      }
      const std::string_view t = Trim(l);
      if (t.empty() || t.front() == '#') {
        ++line;
        continue;
      }
      const size_t colon = t.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        Error(diags, path, line,
              "header line is not 'key: value': '" + std::string(t.substr(0, 60)) +
                  "' (a header opened by '---' on line 1 must close with '---'); file skipped");
        return Reject(reason, "bad header line");
      }
      const std::string key = Lower(Trim(t.substr(0, colon)));
      const std::string value = Unquote(t.substr(colon + 1));
      if (seen.count(key)) {
        Warn(diags, path, line,
             "header key '" + key + "' repeated (first on line " + std::to_string(seen[key]) +
                 "); the first value is kept");
        ++line;
        continue;
      }
      seen[key] = line;
      if (key == "source" || key == "outlet" || key == "publisher" || key == "source_domain") {
        doc->source = value;
      } else if (key == "date" || key == "published" || key == "date_publish") {
        date_raw = value;
        date_line = line;
      } else if (key == "title") {
        doc->title = value;
      } else if (key == "url" || key == "link") {
        doc->url = value;
      } else if (key == "language" || key == "lang") {
        doc->language = value;
      } else if (key == "authors" || key == "author" || key == "byline") {
        doc->authors = SplitAuthors(value);
      } else {
        Warn(diags, path, line, "unknown header key '" + key + "' ignored");
      }
      ++line;
    }
    if (!closed) {
      Error(diags, path, 1,
            "unterminated header: '---' on line 1 is never closed by a '---' line; file skipped");
      return Reject(reason, "unterminated header");
    }
    if (!date_raw.empty() && !SetDate(date_raw, doc, path, date_line, "date", diags)) {
      return Reject(reason, "unparseable date");
    }
  }
  doc->text = TidyBody(RemoveControlChars(body));
  if (doc->text.empty()) {
    Error(diags, path, body_line, "document has no body text; file skipped");
    return Reject(reason, "no body text");
  }
  RemoveControls(doc);
  CompleteMetadata(doc, options, path, 0, diags);
  return true;
}

bool ParseNewsPleaseRecord(std::string_view record_text, const std::string& path, size_t line,
                           const ReaderOptions& options, Document* doc, Diagnostics* diags,
                           std::string* reason) {
  const size_t first_line = std::max<size_t>(line, 1);
  size_t bad = 0;
  if (!engine::IsValidUtf8(record_text, &bad)) {
    Error(diags, path, first_line + engine::LineOfOffset(record_text, bad) - 1,
          Utf8Message(record_text, bad) + "; record skipped");
    return Reject(reason, "invalid UTF-8");
  }
  Json obj;
  JsonProblem problem;
  if (!ParseBoundedJson(record_text, &obj, &problem)) {
    Error(diags, path, first_line + engine::LineOfOffset(record_text, problem.offset) - 1,
          "malformed JSON: " + problem.message + "; record skipped");
    return Reject(reason, problem.reason);
  }
  try {
    return ParseNewsPleaseObject(obj, Sha256Hex(record_text), path, line, options, doc, diags,
                                 reason);
  } catch (const std::exception& e) {
    Error(diags, path, first_line, std::string("unreadable record: ") + e.what() + "; skipped");
    return Reject(reason, "unreadable record");
  }
}

bool ReadNewsPleaseBytes(std::string_view bytes, const std::string& path,
                         const ReaderOptions& options, const DocumentSink& sink, Diagnostics* diags,
                         ReadStats* stats) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::string ext = Extension(path);
  const std::string_view trimmed = Trim(bytes);
  if (trimmed.empty()) {
    Error(diags, path, 0, "empty file: no news-please records; skipped");
    Skip(stats, "empty file");
    return true;
  }
  bool jsonl = ext == ".jsonl" || ext == ".ndjson";
  if (!jsonl) {
    // One document (an object) or several (an array), possibly spread over many lines. A file
    // with one complete object per line is JSONL whatever its extension.
    Json whole;
    JsonProblem problem;
    const bool parsed = ParseBoundedJson(bytes, &whole, &problem);
    if (!parsed) {
      // JSONL under another extension parses line by line; anything else is one bad file.
      const size_t nl = bytes.find('\n');
      Json first;
      JsonProblem ignored;
      const bool first_line_is_object =
          ParseBoundedJson(bytes.substr(0, nl == std::string_view::npos ? bytes.size() : nl),
                           &first, &ignored) &&
          first.is_object();
      if (!first_line_is_object) {
        size_t bad = 0;
        if (!engine::IsValidUtf8(bytes, &bad)) {
          Error(diags, path, engine::LineOfOffset(bytes, bad),
                Utf8Message(bytes, bad) + "; file skipped");
          Skip(stats, "invalid UTF-8");
        } else {
          Error(diags, path, engine::LineOfOffset(bytes, problem.offset),
                "malformed JSON: " + problem.message + "; file skipped");
          Skip(stats, problem.reason);
        }
        return true;
      }
    }
    if (parsed && whole.is_array()) {
      if (whole.empty()) {
        Error(diags, path, 1, "empty JSON array: no news-please records; skipped");
        Skip(stats, "empty file");
        return true;
      }
      size_t index = 0;
      for (const Json& rec : whole) {
        ++index;
        Document doc;
        // Records of an array have no line of their own; the path says which element.
        const std::string where = path + "[" + std::to_string(index) + "]";
        std::string reason;
        bool ok = false;
        try {
          ok = ParseNewsPleaseObject(rec, Sha256Hex(rec.dump()), where, 0, options, &doc, diags,
                                     &reason);
        } catch (const std::exception& e) {
          Error(diags, where, 0, std::string("unreadable record: ") + e.what() + "; skipped");
          reason = "unreadable record";
        }
        if (!ok) {
          Skip(stats, reason);
          continue;
        }
        ++stats->documents;
        if (!CallSink(sink, std::move(doc))) return false;
      }
      return true;
    }
    if (parsed) {
      return HandleJsonLine(bytes, path, 1, options, sink, diags, stats);
    }
    jsonl = true;  // not one JSON value: read it line by line, reporting each bad line
  }
  size_t start = 0, line = 1;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    if (!HandleJsonLine(bytes.substr(start, end - start), path, line, options, sink, diags,
                        stats)) {
      return false;
    }
    start = end + 1;
    ++line;
  }
  return true;
}

bool ReadCsvDocumentBytes(std::string_view bytes, const std::string& path,
                          const ReaderOptions& options, const DocumentSink& sink,
                          Diagnostics* diags, ReadStats* stats) {
  std::istringstream in{std::string(bytes)};
  return ReadCsvStream(in, path, options, sink, diags, stats);
}

namespace {

bool ReadFileUnguarded(const std::string& path, const ReaderOptions& options,
                       const DocumentSink& sink, Diagnostics* diags, ReadStats* stats) {
  InputFormat format = options.format;
  const std::string ext = Extension(path);
  if (format == InputFormat::kAuto) {
    if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") {
      format = InputFormat::kNewsPlease;
    } else if (ext == ".csv") {
      format = InputFormat::kCsv;
    }
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  ++stats->files;
  if (!ec) stats->bytes += static_cast<int64_t>(size);

  if (format == InputFormat::kCsv) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Error(diags, path, 0, std::string("cannot open: ") + std::strerror(errno) + "; skipped");
      Skip(stats, "cannot open");
      return true;
    }
    return ReadCsvStream(in, path, options, sink, diags, stats);
  }
  if (format == InputFormat::kNewsPlease && (ext == ".jsonl" || ext == ".ndjson")) {
    // Stream JSONL line by line: a file of 100,000 records is never held whole.
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Error(diags, path, 0, std::string("cannot open: ") + std::strerror(errno) + "; skipped");
      Skip(stats, "cannot open");
      return true;
    }
    const int64_t before = stats->documents + stats->skipped;
    std::string line_text;
    size_t line = 0;
    while (std::getline(in, line_text)) {
      ++line;
      std::string_view l = line_text;
      if (line == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
      if (!HandleJsonLine(l, path, line, options, sink, diags, stats)) return false;
    }
    if (in.bad()) {
      Error(diags, path, line + 1, "read error; rest of the file skipped");
      Skip(stats, "read error");
    } else if (stats->documents + stats->skipped == before) {
      Error(diags, path, 0, "empty file: no news-please records; skipped");
      Skip(stats, "empty file");
    }
    return true;
  }
  std::string bytes, error;
  if (!ReadWholeFile(path, &bytes, &error)) {
    Error(diags, path, 0, error + "; skipped");
    Skip(stats, "cannot open");
    return true;
  }
  if (format == InputFormat::kAuto) {
    // An explicitly named file with another extension: sniff JSON, else the text format.
    const std::string_view t = Trim(bytes);
    format = !t.empty() && (t.front() == '{' || t.front() == '[') ? InputFormat::kNewsPlease
                                                                  : InputFormat::kText;
  }
  if (format == InputFormat::kNewsPlease) {
    return ReadNewsPleaseBytes(bytes, path, options, sink, diags, stats);
  }
  Document doc;
  std::string reason;
  if (!ParseFrontMatterDocument(bytes, path, options, &doc, diags, &reason)) {
    Skip(stats, reason);
    return true;
  }
  ++stats->documents;
  return CallSink(sink, std::move(doc));
}

// Lists the files under `dir` (recursively; hidden entries skipped; symbolic links to
// directories not followed) into *files. A directory that cannot be read is an error diagnostic
// and counts as skipped; the walk goes on with the rest.
void WalkDirectory(const fs::path& dir, const ReaderOptions& options,
                   std::vector<std::string>* files, Diagnostics* diags, ReadStats* stats) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    Error(diags, dir.string(), 0, "cannot read directory: " + ec.message() + "; skipped");
    Skip(stats, "unreadable directory");
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  if (ec) {
    Error(diags, dir.string(), 0,
          "error while reading the directory: " + ec.message() + "; rest of it skipped");
    Skip(stats, "unreadable directory");
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path() < b.path();
            });
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    std::error_code e;
    if (!entry.is_symlink(e) && entry.is_directory(e)) {
      WalkDirectory(entry.path(), options, files, diags, stats);
      continue;
    }
    if (!entry.is_regular_file(e)) continue;
    const std::string file = entry.path().string();
    if (IsProjectFile(name)) {
      Warn(diags, file, 0,
           "looks like a project file, not an article (README, LICENSE...); "
           "ignored (name it on the command line to read it)");
      ++stats->ignored;
      continue;
    }
    if (options.format == InputFormat::kAuto && !IsInputExtension(Extension(file))) {
      Warn(diags, file, 0, "not an input type (.txt .md .text .json .jsonl .ndjson .csv); ignored");
      ++stats->ignored;
      continue;
    }
    files->push_back(file);
  }
}

}  // namespace

bool ReadFile(const std::string& path, const ReaderOptions& options, const DocumentSink& sink,
              Diagnostics* diags, ReadStats* stats) {
  ReadStats ignored_stats;
  if (!stats) stats = &ignored_stats;
  try {
    return ReadFileUnguarded(path, options, sink, diags, stats);
  } catch (const SinkFailure& f) {
    std::rethrow_exception(f.error);  // the store failed: not a problem of the input
  } catch (const std::exception& e) {
    // Whatever a reader throws on bad bytes is a diagnostic for this file; the batch goes on.
    Error(diags, path, 0, std::string("unreadable input: ") + e.what() + "; rest of file skipped");
    Skip(stats, "unreadable input");
    return true;
  }
}

bool ReadPaths(const std::vector<std::string>& paths, const ReaderOptions& options,
               const DocumentSink& sink, Diagnostics* diags, ReadStats* stats) {
  ReadStats ignored_stats;
  if (!stats) stats = &ignored_stats;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      Error(diags, path, 0, "no such file or directory; skipped");
      Skip(stats, "no such file");
      continue;
    }
    if (!fs::is_directory(st)) {
      if (!ReadFile(path, options, sink, diags, stats)) return false;
      continue;
    }
    // All files of the tree first, in sorted order, then read.
    std::vector<std::string> files;
    WalkDirectory(path, options, &files, diags, stats);
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      if (!ReadFile(file, options, sink, diags, stats)) return false;
    }
  }
  return true;
}

}  // namespace claimgraph::io
