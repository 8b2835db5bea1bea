// `claimgraph ingest PATH... --db FILE [--format auto|text|newsplease|csv] [--source NAME]
// [--date YYYY-MM-DD] [--strict] [--column FIELD=NAME]`: reads documents into the store in one
// transaction, prints each diagnostic and a summary. Ctrl-C rolls the whole ingest back.
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/ingest_flags.h"
#include "io/ingest.h"
#include "io/report/escape.h"
#include "io/progress.h"
#include "io/store/store.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

int IngestCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph ingest PATH... --db FILE [options]\n\n"
      "Reads documents (files, or directories walked recursively) into the store. Re-ingesting\n"
      "a document already stored (same bytes) is a no-op. One ingest is one transaction: an\n"
      "interrupted ingest (Ctrl-C) stores nothing.\n\noptions");
  std::string db;
  IngestFlags flags;
  bool quiet = false;
  visible.add_options()("help,h", "show this help")("db", po::value(&db)->value_name("FILE"),
                                                    "the store (created if missing)")(
      "quiet,q", po::bool_switch(&quiet), "no progress on standard error");
  flags.Add(&visible);
  po::options_description hidden;
  std::vector<std::string> paths;
  hidden.add_options()("path", po::value(&paths));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  const po::variables_map vm = ParseCommandLine(args, all, &positional);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (paths.empty()) throw UsageError("no PATH to ingest");
  if (db.empty()) throw UsageError("--db FILE is required");

  io::IngestOptions options = flags.ToOptions();

  std::unique_ptr<io::Store> store = io::OpenStore(db);
  io::ScopedInterruptHandler interrupt;
  options.cancel = &io::ScopedInterruptHandler::flag();
  io::ProgressReporter progress = io::ProgressReporter::ForStderr(quiet);
  io::AttachProgress(&progress, paths, &options);
  const io::IngestResult result = io::Ingest(paths, store.get(), options);
  progress.EndStage();

  for (const engine::Diagnostic& d : result.diagnostics) {
    std::cerr << io::report::TerminalSafe(d.ToString()) << "\n";
  }
  std::cout << "ingest into " << db << ": " << io::SummarizeIngest(result) << "\n";
  if (const std::string skipped = io::SummarizeSkipped(result); !skipped.empty()) {
    std::cout << skipped << "\n";
  }
  if (result.interrupted) return 1;
  if (options.strict && result.skipped > 0) {
    std::cerr << "claimgraph ingest: " << result.skipped
              << " input(s) skipped; failing because of --strict\n";
    return 1;
  }
  return 0;
}

}  // namespace claimgraph::cli
