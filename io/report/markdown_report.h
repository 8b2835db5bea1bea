// The source-reliability report in Markdown: the run, the reliability table (with per-window
// values), speakers, every contradiction with both exact sentences, who said them, which outlet,
// the dates, the reasons and the character spans, updates apart from contradictions with their
// time relation, agreements, source pairs over time, copies, a timeline per proposition, the
// evidence behind each source's counts, and the documents. Reads well as plain text and renders
// on any CommonMark viewer; claim text is escaped so it cannot inject markup.
#pragma once

#include <ostream>

#include "io/report/report_data.h"

namespace claimgraph::io::report {

void WriteMarkdownReport(const ReportData& data, std::ostream& out,
                         const ReportOptions& options = {});

}  // namespace claimgraph::io::report
