#include "io/report/report.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "engine/claim_graph_builder.h"
#include "io/report/compare_report.h"
#include "io/report/csv_export.h"
#include "io/report/graph_export.h"
#include "io/report/html_report.h"
#include "io/report/json_export.h"
#include "io/report/markdown_report.h"

namespace claimgraph::io::report {

bool ParseReportFormat(std::string_view name, ReportFormat* out) {
  if (name == "md" || name == "markdown") {
    *out = ReportFormat::kMarkdown;
  } else if (name == "html") {
    *out = ReportFormat::kHtml;
  } else if (name == "json") {
    *out = ReportFormat::kJson;
  } else {
    return false;
  }
  return true;
}

bool ParseExportFormat(std::string_view name, ExportFormat* out) {
  if (name == "json") {
    *out = ExportFormat::kJson;
  } else if (name == "graphml") {
    *out = ExportFormat::kGraphMl;
  } else if (name == "gexf") {
    *out = ExportFormat::kGexf;
  } else if (name == "dot") {
    *out = ExportFormat::kDot;
  } else if (name == "csv") {
    *out = ExportFormat::kClaimsCsv;
  } else {
    return false;
  }
  return true;
}

void WriteReport(const engine::AnalysisResult& result, ReportFormat format, std::ostream& out,
                 const ReportOptions& options) {
  const ReportData data(result);
  switch (format) {
    case ReportFormat::kMarkdown:
      WriteMarkdownReport(data, out, options);
      break;
    case ReportFormat::kHtml:
      WriteHtmlReport(data, out, options);
      break;
    case ReportFormat::kJson:
      WriteJson(data, out, {/*report_sections=*/true, options.max_items});
      break;
  }
}

void WriteComparison(const engine::AnalysisResult& result, const std::vector<std::string>& sources,
                     ReportFormat format, std::ostream& out, const ReportOptions& options) {
  const ReportData data(result);
  const Comparison c = Compare(data, sources);
  switch (format) {
    case ReportFormat::kMarkdown:
      WriteComparisonMarkdown(data, c, out, options);
      break;
    case ReportFormat::kHtml:
      WriteComparisonHtml(data, c, out, options);
      break;
    case ReportFormat::kJson:
      WriteComparisonJson(data, c, out, options);
      break;
  }
}

void WriteExport(const engine::AnalysisResult& result, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kJson:
      WriteJsonExport(result, out);
      return;
    case ExportFormat::kClaimsCsv:
      WriteClaimsCsv(result, out);
      return;
    case ExportFormat::kEdgesCsv:
      WriteEdgesCsv(result, out);
      return;
    case ExportFormat::kSourcesCsv:
      WriteSourcesCsv(result, out);
      return;
    default:
      break;
  }
  const graph::ClaimGraph g = engine::BuildClaimGraph(result);
  if (format == ExportFormat::kGraphMl) WriteGraphMl(g, out);
  if (format == ExportFormat::kGexf) WriteGexf(g, out);
  if (format == ExportFormat::kDot) WriteDot(g, out);
}

void WriteToFile(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return;
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) throw std::runtime_error(path + ": cannot open for writing");
  write(f);
  f.close();
  if (!f) throw std::runtime_error(path + ": write failed");
}

std::vector<std::string> WriteAllReports(const engine::AnalysisResult& result,
                                         const std::string& out_dir, const ReportOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error(out_dir + ": cannot create directory: " + ec.message());
  std::vector<std::string> written;
  auto file = [&](const char* name, const std::function<void(std::ostream&)>& write) {
    const std::string path = (fs::path(out_dir) / name).string();
    WriteToFile(path, write);
    written.push_back(path);
  };
  {
    const ReportData data(result);
    file("report.md", [&](std::ostream& o) { WriteMarkdownReport(data, o, options); });
    file("report.html", [&](std::ostream& o) { WriteHtmlReport(data, o, options); });
    file("report.json", [&](std::ostream& o) { WriteJson(data, o, {true, options.max_items}); });
    file("claims.json", [&](std::ostream& o) { WriteJson(data, o); });
  }
  {
    const graph::ClaimGraph g = engine::BuildClaimGraph(result);
    file("graph.graphml", [&](std::ostream& o) { WriteGraphMl(g, o); });
    file("graph.gexf", [&](std::ostream& o) { WriteGexf(g, o); });
    file("graph.dot", [&](std::ostream& o) { WriteDot(g, o); });
  }
  file("claims.csv", [&](std::ostream& o) { WriteClaimsCsv(result, o); });
  file("edges.csv", [&](std::ostream& o) { WriteEdgesCsv(result, o); });
  file("sources.csv", [&](std::ostream& o) { WriteSourcesCsv(result, o); });
  return written;
}

}  // namespace claimgraph::io::report
