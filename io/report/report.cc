#include "io/report/report.h"

#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

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
  const ResultGraph g(result);
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
  // Files run to gigabytes: a large buffer writes them in few system calls (set before opening,
  // as libstdc++ requires).
  std::vector<char> buffer(1 << 20);
  std::ofstream f;
  f.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  f.open(path, std::ios::binary | std::ios::trunc);
  if (!f) throw std::runtime_error(path + ": cannot open for writing");
  write(f);
  f.close();
  if (!f) throw std::runtime_error(path + ": write failed");
}

namespace {

// Runs the tasks on up to two threads (the files are independent and only read the result); the
// first exception a task throws is rethrown here after all have finished.
void RunInParallel(const std::vector<std::function<void()>>& tasks) {
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i]();
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

std::vector<std::string> WriteAllReports(const engine::AnalysisResult& result,
                                         const std::string& out_dir, const ReportOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error(out_dir + ": cannot create directory: " + ec.message());
  const char* kNames[] = {"report.md",     "report.html", "report.json", "claims.json",
                          "graph.graphml", "graph.gexf",  "graph.dot",   "claims.csv",
                          "edges.csv",     "sources.csv"};
  std::vector<std::string> written;
  for (const char* name : kNames) written.push_back((fs::path(out_dir) / name).string());
  auto file = [&](size_t i, std::function<void(std::ostream&)> write) {
    return [&written, i, write = std::move(write)] { WriteToFile(written[i], write); };
  };
  // Two phases, each on two threads: the report index with the reports and the flat exports,
  // then the graph listing with its three exports; the index and the listing are never held
  // together, and neither copies a claim's text or a link's reasons.
  {
    const ReportData data(result);
    RunInParallel({
        file(3, [&](std::ostream& o) { WriteJson(data, o); }),
        file(2,
             [&](std::ostream& o) {
               WriteJson(data, o, {true, options.max_items});
             }),
        file(0, [&](std::ostream& o) { WriteMarkdownReport(data, o, options); }),
        file(1, [&](std::ostream& o) { WriteHtmlReport(data, o, options); }),
        file(8, [&](std::ostream& o) { WriteEdgesCsv(result, o); }),
        file(7, [&](std::ostream& o) { WriteClaimsCsv(result, o); }),
        file(9, [&](std::ostream& o) { WriteSourcesCsv(data, o); }),
    });
  }
  {
    const ResultGraph g(result);
    RunInParallel({
        file(5, [&](std::ostream& o) { WriteGexf(g, o); }),
        file(4, [&](std::ostream& o) { WriteGraphMl(g, o); }),
        file(6, [&](std::ostream& o) { WriteDot(g, o); }),
    });
  }
  return written;
}

}  // namespace claimgraph::io::report
