// The JSON export and the JSON report. The export follows DESIGN.md's contract (documents, claims,
// edges, sources, copies) and adds fields (run, speakers, propositions, claim_copies,
// source_windows, and more per object); docs/FORMATS.md describes every field. The report is the
// same document plus the report's sections (contradictions and updates with both claims inline,
// timelines), so a reader of either finds the contract fields.
//
// Both are written as a stream, one array element at a time, so memory stays flat in the number
// of claims beyond the index the report needs.
#pragma once

#include <cstddef>
#include <ostream>

#include "engine/analysis.h"
#include "io/report/report_data.h"

namespace claimgraph::io::report {

struct JsonOptions {
  bool report_sections = false;  // add "contradictions", "updates", "timelines"
  size_t max_items = 0;          // cap on each report section's list; 0 = no cap
};

void WriteJson(const ReportData& data, std::ostream& out, const JsonOptions& options = {});

// The contract export (report_sections = false).
void WriteJsonExport(const engine::AnalysisResult& result, std::ostream& out);

}  // namespace claimgraph::io::report
