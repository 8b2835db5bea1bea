// `claimgraph diff --db FILE [--run A --run B] [--format md|json] [-o FILE]`: what changed between
// two recorded runs (by default the two newest): claims and links added or gone, sources whose
// reliability moved, with the sentences behind each change.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/report_common.h"
#include "io/report/run_diff.h"
#include "io/store/store.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

int DiffCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph diff --db FILE [--run A --run B] [--format md|json] [-o FILE]\n\n"
      "Shows what changed from run A to run B (default: the two newest runs): documents,\n"
      "claims and links added or gone, and the sources whose reliability moved, with the\n"
      "sentences behind each change. Claims are matched by document and position, links by\n"
      "their two claims and relation. `claimgraph runs` lists the run ids.\n\noptions");
  std::string db, format = "md", output;
  std::vector<int64_t> run_ids;
  io::report::DiffOptions options;
  visible.add_options()("help,h", "show this help")("db", po::value(&db)->value_name("FILE"),
                                                    "the store")(
      "run", po::value(&run_ids)->value_name("ID")->composing(),
      "a run to compare (give two: the earlier, then the later)")(
      "format", po::value(&format)->value_name("FMT"), "md (default) or json")(
      "output,o", po::value(&output)->value_name("FILE"), "write here (default: standard output)")(
      "top", po::value(&options.max_items)->value_name("N")->default_value(options.max_items),
      "list at most N entries per section (0 = all)")(
      "min-change",
      po::value(&options.min_reliability_change)
          ->value_name("X")
          ->default_value(options.min_reliability_change),
      "a source moved when its reliability changed by at least X");
  const po::variables_map vm = ParseCommandLine(args, visible);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (db.empty()) throw UsageError("--db FILE is required");
  if (format != "md" && format != "markdown" && format != "json")
    throw UsageError("unknown --format '" + format + "' (md, json)");
  if (run_ids.size() == 1 || run_ids.size() > 2)
    throw UsageError("give --run twice (the two runs to compare), or not at all");
  if (options.min_reliability_change < 0) throw UsageError("--min-change must not be negative");
  if (run_ids.empty()) {
    if (!std::filesystem::exists(db)) throw std::runtime_error(db + ": no such store");
    const std::vector<io::RunInfo> runs = io::OpenStore(db)->ListRuns();
    if (runs.size() < 2)
      throw std::runtime_error(db + ": the store holds " + std::to_string(runs.size()) +
                               " run(s); diff needs two");
    run_ids = {runs[1].id, runs[0].id};
  }
  const engine::AnalysisResult a = LoadRunFromStore(db, run_ids[0]);
  const engine::AnalysisResult b = LoadRunFromStore(db, run_ids[1]);
  const io::report::RunDiff diff = io::report::DiffRuns(a, b, options);
  WriteOutput("diff", output, [&](std::ostream& out) {
    if (format == "json")
      io::report::WriteDiffJson(diff, out, options);
    else
      io::report::WriteDiffMarkdown(diff, out, options);
  });
  return 0;
}

}  // namespace claimgraph::cli
