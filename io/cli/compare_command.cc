// `claimgraph compare --db FILE --source A --source B [...] [--format html|md|json] [-o FILE]`:
// the narrative comparison of two or more sources in a recorded run (the newest by default).
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/report_common.h"
#include "io/report/report.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

int CompareCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph compare --db FILE --source A --source B [...] [--format html|md|json]\n"
      "                          [-o FILE] [--run ID]\n\n"
      "Compares the narratives of two or more sources: where they agree, where they contradict\n"
      "each other, what each claims alone, and how that moved over time. Source names match\n"
      "exactly, else ignoring case.\n\noptions");
  std::string db, format_name, output;
  std::vector<std::string> sources;
  int64_t run_id = 0;
  size_t max_items = 1000;
  visible.add_options()("help,h", "show this help")("db", po::value(&db)->value_name("FILE"),
                                                    "the store")(
      "source", po::value(&sources)->value_name("NAME")->composing(),
      "a source to compare (give two or more)")(
      "format", po::value(&format_name)->value_name("FMT"),
      "html, md or json (default: from the -o extension, else md)")(
      "output,o", po::value(&output)->value_name("FILE"), "write here (default: standard output)")(
      "run", po::value(&run_id)->value_name("ID"), "the run to compare in (default: the newest)")(
      "max-items", po::value(&max_items)->value_name("N"),
      "list at most N entries per section (default 1000; 0 = all)");
  const po::variables_map vm = ParseCommandLine(args, visible);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (db.empty()) throw UsageError("--db FILE is required");
  if (sources.size() < 2) throw UsageError("give two or more --source NAME");
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
  options.max_items = max_items;
  // Check the names before opening the output, so a typo leaves no empty file behind.
  try {
    std::ostringstream discard;
    io::report::WriteComparison(result, sources, io::report::ReportFormat::kJson, discard, {"", 1});
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  WriteOutput("compare", output, [&](std::ostream& out) {
    io::report::WriteComparison(result, sources, format, out, options);
  });
  return 0;
}

}  // namespace claimgraph::cli
