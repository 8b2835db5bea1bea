// Test and benchmark helper: reads the seed articles (front-matter text files, see DESIGN.md)
// into engine::Documents without the io library, so that extraction tests and the extraction
// benchmark do not depend on the ingest stage. Header-only; not part of any library.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/document.h"

namespace claimgraph::testing {

// Parses "---\nkey: value\n...\n---\nbody". Returns false if the header is missing.
inline bool ParseFrontMatter(const std::string& raw, engine::Document* doc) {
  if (raw.rfind("---\n", 0) != 0) return false;
  const size_t end = raw.find("\n---\n", 3);
  if (end == std::string::npos) return false;
  std::istringstream header(raw.substr(4, end - 4));
  std::string line;
  while (std::getline(header, line)) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    if (key == "source") doc->source = value;
    if (key == "date") doc->date = value;
    if (key == "title") doc->title = value;
    if (key == "url") doc->url = value;
    if (key == "language") doc->language = value;
  }
  doc->text = raw.substr(end + 5);
  return true;
}

// All *.txt files under `dir`, sorted by name, with ids 1, 2, ...
inline std::vector<engine::Document> ReadSeedDocuments(const std::string& dir) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<engine::Document> docs;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    engine::Document d;
    if (!ParseFrontMatter(ss.str(), &d)) continue;
    d.id = static_cast<int64_t>(docs.size()) + 1;
    d.path = p.filename().string();
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace claimgraph::testing
