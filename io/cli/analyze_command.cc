// `claimgraph analyze`: extract, link and score the documents in a store; records a run.
#include <boost/program_options.hpp>
#include <iostream>

#include "io/analysis_runner.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/pipeline_flags.h"
#include "io/progress.h"

namespace po = boost::program_options;

namespace claimgraph::cli {

int AnalyzeCommand(const std::vector<std::string>& args) {
  std::string db;
  std::vector<std::string> sources;
  std::string from, to;
  PipelineFlags flags;
  bool quiet = false;
  po::options_description desc("claimgraph analyze --db FILE [options]");
  desc.add_options()("help,h", "show this help")("db", po::value(&db), "the store (SQLite file)")(
      "source", po::value(&sources)->composing(), "analyse only this source (repeatable)")(
      "from", po::value(&from), "only documents published on or after YYYY-MM-DD")(
      "to", po::value(&to), "only documents published on or before YYYY-MM-DD")(
      "quiet,q", po::bool_switch(&quiet), "no progress on standard error");
  flags.Add(&desc);
  const po::variables_map vm = ParseCommandLine(args, desc);
  if (vm.count("help")) {
    std::cout << desc;
    return 0;
  }
  if (db.empty()) throw UsageError("--db is required");
  engine::PipelineOptions options = flags.ToOptions();

  auto store = io::OpenStore(db);
  io::DocumentQuery query;
  query.sources = sources;
  query.date_from = from;
  query.date_to = to;
  engine::PipelineStats stats;
  io::ProgressReporter progress = io::ProgressReporter::ForStderr(quiet);
  const bool everything = sources.empty() && from.empty() && to.empty();
  io::AttachProgress(&progress, everything ? static_cast<size_t>(store->CountDocuments()) : 0,
                     &options);
  const auto result = io::AnalyzeAndRecordWhile(
      store.get(), query, options, &stats, [&](const engine::AnalysisResult& run) {
        progress.Update("save", run.claims.size(), 0, "claims");
      });
  progress.EndStage();
  if (result.documents.empty()) {
    std::cerr << "claimgraph analyze: " << db << ": no documents match; nothing to analyse\n";
    return 1;
  }
  std::cout << io::SummarizeRun(result, &stats);
  return 0;
}

}  // namespace claimgraph::cli
