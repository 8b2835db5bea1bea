// The index page of a multi-story run (`claimgraph run --each`, `make demo`): one row per story's
// run with its counts, its most and least reliable sources and a small reliability chart, and
// links to that run's reports in its own directory. Self-contained HTML like the reports.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "engine/analysis.h"

namespace claimgraph::io::report {

struct IndexEntry {
  std::string name;                             // the story (the corpus's name)
  std::string dir;                              // its reports' directory, relative to the index
  const engine::AnalysisResult* run = nullptr;  // must outlive the call
};

void WriteIndexPage(const std::vector<IndexEntry>& entries, const std::string& title,
                    std::ostream& out);

// `segment` percent-encoded for a relative URL path: every byte but A-Z a-z 0-9 - . _ ~.
std::string EncodePathSegment(const std::string& segment);

}  // namespace claimgraph::io::report
