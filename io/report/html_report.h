// The source-reliability report as one self-contained HTML file (inline style sheet, inline SVG
// charts, a few lines of inline script for the filter box and sortable tables; nothing fetched):
// the same sections as the Markdown report, bounded to the top N of each list (ReportOptions),
// with charts of reliability, camps, source pairs and timelines, and every count in the
// reliability table linked to the contradictions and agreements behind it. All text from the
// corpus is HTML-escaped; document links are emitted only for http(s) URLs.
#pragma once

#include <ostream>

#include "io/report/report_data.h"

namespace claimgraph::io::report {

void WriteHtmlReport(const ReportData& data, std::ostream& out, const ReportOptions& options = {});

}  // namespace claimgraph::io::report
