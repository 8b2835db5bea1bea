// CSV exports (RFC 4180, header row, LF line ends): one row per claim, per claim-claim link, or
// per source. Spreadsheet-friendly companions of the JSON export; streamed row by row.
#pragma once

#include <ostream>

#include "engine/analysis.h"

namespace claimgraph::io::report {

class ReportData;

// id,document,source,speaker,speaker_role,date,polarity,modality,proposition,span_start,span_end,
// title,url,text
void WriteClaimsCsv(const engine::AnalysisResult& result, std::ostream& out);

// a,b,relation,score,reasons,a_source,b_source,a_date,b_date  (reasons "; "-joined)
void WriteEdgesCsv(const engine::AnalysisResult& result, std::ostream& out);

// name,reliability,uncertainty,claims,corroborated,contradicted,agreements,contradictions
void WriteSourcesCsv(const engine::AnalysisResult& result, std::ostream& out);
// The same from a report index already built over the result (building one costs a pass over
// every claim and link).
void WriteSourcesCsv(const ReportData& data, std::ostream& out);

}  // namespace claimgraph::io::report
