// `claimgraph run`: the main job — ingest corpora, analyse them, record the run and write every
// report into an output directory.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "io/analysis_runner.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/ingest_flags.h"
#include "io/cli/pipeline_flags.h"
#include "io/ingest.h"
#include "io/report/escape.h"
#include "io/report/report.h"

namespace po = boost::program_options;

namespace claimgraph::cli {

int RunCommand(const std::vector<std::string>& args) {
  std::vector<std::string> corpora;
  std::string db, out = "claimgraph-out";
  IngestFlags ingest_flags;
  PipelineFlags flags;
  po::options_description desc("claimgraph run CORPUS... [--db FILE] [--out DIR] [options]");
  desc.add_options()("help,h", "show this help")("db", po::value(&db),
                                                 "the store (default: DIR/claimgraph.db)")(
      "out", po::value(&out)->default_value(out), "directory for the reports");
  ingest_flags.Add(&desc);
  flags.Add(&desc);
  po::options_description hidden;
  hidden.add_options()("corpus", po::value(&corpora));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("corpus", -1);
  const po::variables_map vm = ParseCommandLine(args, all, &positional);
  if (vm.count("help")) {
    std::cout << desc;
    return 0;
  }
  if (corpora.empty()) throw UsageError("name at least one corpus (file or directory)");
  const engine::PipelineOptions options = flags.ToOptions();
  io::IngestOptions ingest_options = ingest_flags.ToOptions();

  std::filesystem::create_directories(out);
  if (db.empty()) db = (std::filesystem::path(out) / "claimgraph.db").string();
  auto store = io::OpenStore(db);

  io::IngestResult ingested;
  {
    io::ScopedInterruptHandler interrupt;
    ingest_options.cancel = &io::ScopedInterruptHandler::flag();
    ingested = io::Ingest(corpora, store.get(), ingest_options);
  }
  for (const auto& d : ingested.diagnostics) {
    std::cerr << io::report::TerminalSafe(d.ToString()) << "\n";
  }
  std::cout << "ingest: " << io::SummarizeIngest(ingested) << "\n";
  if (ingested.interrupted) {
    std::cerr << "claimgraph run: interrupted; nothing of this ingest was stored\n";
    return 1;
  }
  if (ingested.document_ids.empty()) {
    if (const std::string skipped = io::SummarizeSkipped(ingested); !skipped.empty()) {
      std::cout << skipped << "\n";
    }
    std::cerr << "claimgraph run: no documents to analyse\n";
    return 1;
  }

  io::DocumentQuery query;
  query.ids = ingested.document_ids;
  engine::PipelineStats stats;
  // The reports are written while the run is saved (they need only its id and time stamp).
  std::vector<std::string> written;
  char line[128] = "";
  const auto result = io::AnalyzeAndRecordWhile(
      store.get(), query, options, &stats, [&](const engine::AnalysisResult& run) {
        const auto t0 = std::chrono::steady_clock::now();
        written = io::report::WriteAllReports(run, out);
        std::snprintf(line, sizeof line, "reports: %.2fs, peak memory %.0f MiB\n",
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                      static_cast<double>(engine::PeakResidentBytes()) / (1024 * 1024));
      });
  std::cout << io::SummarizeRun(result, &stats);
  std::cout << line;
  for (const auto& path : written) std::cout << "  " << path << "\n";
  std::cout << "store: " << db << " (run " << result.run_id << ")\n";
  // The run ends with what it left out, counted by reason (the diagnostics scrolled by long ago).
  if (const std::string skipped = io::SummarizeSkipped(ingested); !skipped.empty()) {
    std::cout << skipped << "\n";
  }
  if (!ingested.ok()) {
    std::cerr << "claimgraph run: " << ingested.skipped << " input(s) skipped under --strict\n";
    return 1;
  }
  return 0;
}

}  // namespace claimgraph::cli
