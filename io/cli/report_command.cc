// `claimgraph report --db FILE [--run ID] --format html|md|json [-o FILE]`: the source-reliability
// report of a recorded run (the newest by default), written to FILE or standard output.
#include <boost/program_options.hpp>
#include <iostream>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/report_common.h"
#include "io/report/report.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

int ReportCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph report --db FILE [--run ID] --format html|md|json [-o FILE]\n\n"
      "Writes the source-reliability report of an analysis run: the reliability table (with\n"
      "per-window values), the top N contradictions with both sentences, speakers, outlets,\n"
      "dates, reasons and character spans, updates apart from contradictions, copies, camps and\n"
      "timelines of the main propositions. HTML is one self-contained file with inline SVG\n"
      "charts, a filter box and sortable tables.\n\noptions");
  std::string db, format_name, output, title;
  int64_t run_id = 0;
  size_t max_items = io::report::ReportOptions().max_items;
  visible.add_options()("help,h", "show this help")("db", po::value(&db)->value_name("FILE"),
                                                    "the store")(
      "run", po::value(&run_id)->value_name("ID"), "the run to report on (default: the newest)")(
      "format", po::value(&format_name)->value_name("FMT"),
      "html, md or json (default: from the -o extension, else md)")(
      "output,o", po::value(&output)->value_name("FILE"), "write here (default: standard output)")(
      "title", po::value(&title)->value_name("TEXT"), "the report's title")(
      "top", po::value(&max_items)->value_name("N"),
      "list the top N entries of each section (default 50; 0 = all)")(
      "max-items", po::value(&max_items)->value_name("N"), "the same as --top");
  const po::variables_map vm = ParseCommandLine(args, visible);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (db.empty()) throw UsageError("--db FILE is required");
  if (format_name.empty()) {
    const size_t dot = output.rfind('.');
    format_name = dot == std::string::npos ? "md" : output.substr(dot + 1);
    if (format_name == "htm") format_name = "html";
    if (format_name != "html" && format_name != "json") format_name = "md";
  }
  io::report::ReportFormat format;
  if (!io::report::ParseReportFormat(format_name, &format))
    throw UsageError("unknown --format '" + format_name + "' (html, md, json)");

  const engine::AnalysisResult result =
      LoadRunFromStore(db, vm.count("run") ? std::optional<int64_t>(run_id) : std::nullopt);
  io::report::ReportOptions options;
  options.title = title;
  options.max_items = max_items;
  WriteOutput("report", output,
              [&](std::ostream& out) { io::report::WriteReport(result, format, out, options); });
  return 0;
}

}  // namespace claimgraph::cli
