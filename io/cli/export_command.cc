// `claimgraph export --db FILE --format json|graphml|gexf|dot|csv [-o FILE] [--run ID]`: the claim
// graph of a recorded run (the newest by default) as JSON (DESIGN.md's contract), GraphML, GEXF,
// Graphviz DOT or CSV. Streams, so it scales to large runs.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/report_common.h"
#include "io/report/report.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

int ExportCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph export --db FILE --format json|graphml|gexf|dot|csv [-o FILE] [--run ID]\n"
      "                         [--table claims|edges|sources]\n\n"
      "Exports a run's claims and links. json: documents, claims, edges, sources, copies (see\n"
      "docs/FORMATS.md). graphml (Gephi, yEd), gexf (GEXF 1.3 with dates, Gephi's timeline),\n"
      "dot (Graphviz): claims, propositions, speakers and sources as nodes. csv: one table, the\n"
      "claims by default; with -o DIR (an existing directory) all three tables as\n"
      "DIR/claims.csv, DIR/edges.csv and DIR/sources.csv.\n\noptions");
  std::string db, format_name, output, table = "claims";
  int64_t run_id = 0;
  visible.add_options()("help,h", "show this help")("db", po::value(&db)->value_name("FILE"),
                                                    "the store")(
      "format", po::value(&format_name)->value_name("FMT"), "json, graphml, gexf, dot or csv")(
      "output,o", po::value(&output)->value_name("FILE"), "write here (default: standard output)")(
      "run", po::value(&run_id)->value_name("ID"), "the run to export (default: the newest)")(
      "table", po::value(&table)->value_name("NAME"), "csv: claims (default), edges or sources");
  const po::variables_map vm = ParseCommandLine(args, visible);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (db.empty()) throw UsageError("--db FILE is required");
  if (format_name.empty()) throw UsageError("--format is required (json, graphml, gexf, dot, csv)");
  io::report::ExportFormat format;
  if (!io::report::ParseExportFormat(format_name, &format))
    throw UsageError("unknown --format '" + format_name + "' (json, graphml, gexf, dot, csv)");
  if (format == io::report::ExportFormat::kClaimsCsv) {
    if (table == "edges") {
      format = io::report::ExportFormat::kEdgesCsv;
    } else if (table == "sources") {
      format = io::report::ExportFormat::kSourcesCsv;
    } else if (table != "claims") {
      throw UsageError("unknown --table '" + table + "' (claims, edges, sources)");
    }
  } else if (vm.count("table")) {
    throw UsageError("--table applies to --format csv only");
  }

  const engine::AnalysisResult result =
      LoadRunFromStore(db, vm.count("run") ? std::optional<int64_t>(run_id) : std::nullopt);
  if (format_name == "csv" && !output.empty() && std::filesystem::is_directory(output)) {
    const std::pair<const char*, io::report::ExportFormat> tables[] = {
        {"claims.csv", io::report::ExportFormat::kClaimsCsv},
        {"edges.csv", io::report::ExportFormat::kEdgesCsv},
        {"sources.csv", io::report::ExportFormat::kSourcesCsv}};
    for (const auto& [name, f] : tables) {
      WriteOutput("export", (std::filesystem::path(output) / name).string(),
                  [&](std::ostream& out) { io::report::WriteExport(result, f, out); });
    }
    return 0;
  }
  WriteOutput("export", output,
              [&](std::ostream& out) { io::report::WriteExport(result, format, out); });
  return 0;
}

}  // namespace claimgraph::cli
