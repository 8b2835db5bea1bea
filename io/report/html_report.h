// The source-reliability report as one self-contained HTML file (inline style sheet, no scripts,
// no external assets): the same sections as the Markdown report, with every count in the
// reliability table linked to the contradictions and agreements behind it. All text from the
// corpus is HTML-escaped; document links are emitted only for http(s) URLs.
#pragma once

#include <ostream>

#include "io/report/report_data.h"

namespace claimgraph::io::report {

void WriteHtmlReport(const ReportData& data, std::ostream& out, const ReportOptions& options = {});

}  // namespace claimgraph::io::report
