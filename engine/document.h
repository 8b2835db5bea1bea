// Document: one article as the engine sees it, after ingest. The engine never reads files or the
// store; io builds Documents and hands them over as values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace claimgraph::engine {

struct Document {
  int64_t id = 0;      // store id; 0 until stored
  std::string source;  // outlet name ("The Cradle")
  bool source_inferred = false;
  std::string date;  // publication date, ISO "YYYY-MM-DD"; empty if unknown
  bool date_inferred = false;
  std::string title;
  std::string url;
  std::string language;  // BCP 47 tag, "en"
  std::vector<std::string> authors;
  std::string text;          // body, valid UTF-8, LF line ends
  std::string content_hash;  // hex SHA-256 of the file's bytes (or of the record for JSONL)
  std::string path;          // where it was read from, with ":line" for JSONL records
};

}  // namespace claimgraph::engine
