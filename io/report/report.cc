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

bool ParseExportList(std::string_view list, ExtraExports* out, std::string* bad) {
  *out = {};
  size_t begin = 0;
  while (begin <= list.size()) {
    size_t comma = list.find(',', begin);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(begin, comma - begin);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "graphml") {
      out->graphml = true;
    } else if (name == "gexf") {
      out->gexf = true;
    } else if (name == "dot") {
      out->dot = true;
    } else if (name == "csv") {
      out->csv = true;
    } else if (name == "all") {
      *out = {true, true, true, true};
    } else if (name.empty() || name == "none" || name == "json") {  // JSON: always written
    } else {
      *bad = std::string(name);
      return false;
    }
    begin = comma + 1;
  }
  return true;
}

std::vector<std::string> WriteAllReports(const engine::AnalysisResult& result,
                                         const std::string& out_dir, const ReportOptions& options,
                                         const ExtraExports& extra) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error(out_dir + ": cannot create directory: " + ec.message());
  std::vector<std::string> written;
  auto path = [&](const char* name) {
    written.push_back((fs::path(out_dir) / name).string());
    return written.back();
  };
  auto file = [](std::string p, std::function<void(std::ostream&)> write) {
    return [p = std::move(p), write = std::move(write)] { WriteToFile(p, write); };
  };
  // Two phases, each on two threads: the report index with the reports and the flat exports,
  // then (when asked) the graph listing with its exports; the index and the listing are never
  // held together, and neither copies a claim's text or a link's reasons.
  {
    const ReportData data(result);
    std::vector<std::function<void()>> tasks;
    tasks.push_back(
        file(path("report.md"), [&](std::ostream& o) { WriteMarkdownReport(data, o, options); }));
    tasks.push_back(
        file(path("report.html"), [&](std::ostream& o) { WriteHtmlReport(data, o, options); }));
    tasks.push_back(file(path("report.json"), [&](std::ostream& o) {
      WriteJson(data, o, {true, options.max_items});
    }));
    tasks.push_back(file(path("claims.json"), [&](std::ostream& o) { WriteJson(data, o); }));
    if (extra.csv) {
      tasks.push_back(
          file(path("claims.csv"), [&](std::ostream& o) { WriteClaimsCsv(result, o); }));
      tasks.push_back(file(path("edges.csv"), [&](std::ostream& o) { WriteEdgesCsv(result, o); }));
      tasks.push_back(
          file(path("sources.csv"), [&](std::ostream& o) { WriteSourcesCsv(data, o); }));
    }
    // The largest file first, so the two threads finish together.
    std::swap(tasks[0], tasks[3]);
    RunInParallel(tasks);
  }
  if (extra.graphml || extra.gexf || extra.dot) {
    const ResultGraph g(result);
    std::vector<std::function<void()>> tasks;
    if (extra.gexf)
      tasks.push_back(file(path("graph.gexf"), [&](std::ostream& o) { WriteGexf(g, o); }));
    if (extra.graphml)
      tasks.push_back(file(path("graph.graphml"), [&](std::ostream& o) { WriteGraphMl(g, o); }));
    if (extra.dot)
      tasks.push_back(file(path("graph.dot"), [&](std::ostream& o) { WriteDot(g, o); }));
    RunInParallel(tasks);
  }
  return written;
}

}  // namespace claimgraph::io::report
