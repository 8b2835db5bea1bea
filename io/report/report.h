// Reports and exports of one analysis run: start here. An engine::AnalysisResult (loaded from the
// store, or fresh from the pipeline) goes in; files come out:
//   - the source-reliability report (Markdown, self-contained HTML, JSON),
//   - the narrative comparison of two or more sources (compare_report.h),
//   - exports: JSON per DESIGN.md's contract, GraphML, GEXF 1.3, Graphviz DOT, CSV.
// WriteAllReports writes the whole set into a directory (what `claimgraph run` leaves behind).
// Writers stream to std::ostream; environment failures (a file that cannot be written) throw
// std::runtime_error naming the file.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis.h"
#include "io/report/report_data.h"

namespace claimgraph::io::report {

enum class ReportFormat { kMarkdown, kHtml, kJson };
// "md" / "markdown", "html", "json". Returns false for anything else.
bool ParseReportFormat(std::string_view name, ReportFormat* out);

enum class ExportFormat { kJson, kGraphMl, kGexf, kDot, kClaimsCsv, kEdgesCsv, kSourcesCsv };
// "json", "graphml", "gexf", "dot", "csv" (= claims CSV). Returns false for anything else.
bool ParseExportFormat(std::string_view name, ExportFormat* out);

void WriteReport(const engine::AnalysisResult& result, ReportFormat format, std::ostream& out,
                 const ReportOptions& options = {});

// The narrative comparison of `sources` (two or more; see compare_report.h). Throws
// std::invalid_argument for an unknown source or fewer than two.
void WriteComparison(const engine::AnalysisResult& result, const std::vector<std::string>& sources,
                     ReportFormat format, std::ostream& out, const ReportOptions& options = {});

void WriteExport(const engine::AnalysisResult& result, ExportFormat format, std::ostream& out);

// The exports `run` writes beside the reports when asked (the JSON export always).
struct ExtraExports {
  bool graphml = false;
  bool gexf = false;
  bool dot = false;
  bool csv = false;  // claims.csv, edges.csv, sources.csv
  bool any() const { return graphml || gexf || dot || csv; }
};
// "graphml,gexf,dot,csv" (any subset, comma-separated), "all" or "none". Returns false and names
// the first unknown entry in *bad otherwise.
bool ParseExportList(std::string_view list, ExtraExports* out, std::string* bad);

// Writes into `out_dir` (created if missing): report.md, report.html, report.json (the bounded
// reports) and claims.json (the contract export), then those of claims.csv, edges.csv,
// sources.csv, graph.gexf, graph.graphml and graph.dot that `extra` asks for. Returns the paths
// written, in that order. Throws std::runtime_error if a file cannot be written. The files are
// written on two threads.
std::vector<std::string> WriteAllReports(const engine::AnalysisResult& result,
                                         const std::string& out_dir,
                                         const ReportOptions& options = {},
                                         const ExtraExports& extra = {});

// Opens `path` for writing (truncating), runs `write` on it, and checks the stream; throws
// std::runtime_error naming the file on failure. "-" writes to std::cout.
void WriteToFile(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace claimgraph::io::report
