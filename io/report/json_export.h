// The JSON export and the JSON report. The export follows DESIGN.md's contract (documents, claims,
// edges, sources, copies) and adds fields (run, speakers, propositions, claim_copies,
// source_windows, and more per object); docs/FORMATS.md describes every field. The report is
// bounded: the run, the sources, the source network, and the top N (JsonOptions::max_items) of the
// speakers, copies, source windows and the report's sections (contradictions, updates and
// agreements with both claims inline, contested claims, timelines); it leaves out the whole graph
// (documents, claims, edges, propositions), which is the export's.
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
  bool report_sections = false;  // the bounded report instead of the export (see above)
  size_t max_items = 0;          // the report's top N per list; 0 = no cap
};

void WriteJson(const ReportData& data, std::ostream& out, const JsonOptions& options = {});

// The contract export (report_sections = false).
void WriteJsonExport(const engine::AnalysisResult& result, std::ostream& out);

}  // namespace claimgraph::io::report
