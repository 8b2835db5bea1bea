// `claimgraph run`: the main job — ingest corpora, analyse them, record the run and write the
// reports (bounded to the top N of each list) and the JSON export into an output directory, the
// other exports when asked; progress on standard error.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "io/analysis_runner.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/ingest_flags.h"
#include "io/cli/pipeline_flags.h"
#include "io/ingest.h"
#include "io/report/escape.h"
#include "io/progress.h"
#include "io/report/index_page.h"
#include "io/report/report.h"

namespace po = boost::program_options;

namespace claimgraph::cli {

namespace {

struct RunSettings {
  io::Store* store;
  engine::PipelineOptions pipeline;
  io::IngestOptions ingest;
  io::report::ReportOptions report;
  io::report::ExtraExports extra;
  io::ProgressReporter* progress;
};

// A corpus's directory name for --each: its last path component, with anything but letters,
// digits, '.', '_' and '-' turned into '-'.
std::string DirectoryName(const std::string& corpus) {
  std::string name = std::filesystem::path(corpus).lexically_normal().filename().string();
  if (name.empty() || name == "." || name == "..")
    name = std::filesystem::path(corpus).lexically_normal().parent_path().filename().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '-';
  if (name.empty() || name == "." || name == "..") name = "corpus";
  return name;
}

// Ingests `corpora`, analyses what was read as one run, and writes its reports into `out`.
// Keeps the run in *kept when given. Returns the exit status.
int RunOne(const std::vector<std::string>& corpora, const std::string& out, RunSettings& settings,
           engine::AnalysisResult* kept) {
  io::ProgressReporter& progress = *settings.progress;
  io::IngestOptions ingest_options = settings.ingest;
  io::IngestResult ingested;
  {
    io::ScopedInterruptHandler interrupt;
    ingest_options.cancel = &io::ScopedInterruptHandler::flag();
    io::AttachProgress(&progress, corpora, &ingest_options);
    ingested = io::Ingest(corpora, settings.store, ingest_options);
    progress.EndStage();
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
  engine::PipelineOptions options = settings.pipeline;
  io::AttachProgress(&progress, query.ids.size(), &options);
  // The reports are written while the run is saved (they need only its id and time stamp).
  std::vector<std::string> written;
  char line[128] = "";
  auto result = io::AnalyzeAndRecordWhile(
      settings.store, query, options, &stats, [&](const engine::AnalysisResult& run) {
        const auto t0 = std::chrono::steady_clock::now();
        progress.Update("save and write reports", run.claims.size(), 0, "claims");
        written = io::report::WriteAllReports(run, out, settings.report, settings.extra);
        std::snprintf(line, sizeof line, "reports: %.2fs, peak memory %.0f MiB\n",
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                      static_cast<double>(engine::PeakResidentBytes()) / (1024 * 1024));
      });
  progress.EndStage();
  std::cout << io::SummarizeRun(result, &stats);
  std::cout << line;
  for (const auto& path : written) std::cout << "  " << path << "\n";
  // The run ends with what it left out, counted by reason (the diagnostics scrolled by long ago).
  if (const std::string skipped = io::SummarizeSkipped(ingested); !skipped.empty()) {
    std::cout << skipped << "\n";
  }
  if (kept) *kept = std::move(result);
  if (!ingested.ok()) {
    std::cerr << "claimgraph run: " << ingested.skipped << " input(s) skipped under --strict\n";
    return 1;
  }
  return 0;
}

}  // namespace

int RunCommand(const std::vector<std::string>& args) {
  std::vector<std::string> corpora;
  std::string db, out = "claimgraph-out", exports, title;
  size_t top = io::report::ReportOptions().max_items;
  bool quiet = false, each = false;
  IngestFlags ingest_flags;
  PipelineFlags flags;
  po::options_description desc("claimgraph run CORPUS... [--db FILE] [--out DIR] [options]");
  desc.add_options()("help,h", "show this help")("db", po::value(&db),
                                                 "the store (default: DIR/claimgraph.db)")(
      "out", po::value(&out)->default_value(out), "directory for the reports")(
      "top", po::value(&top)->default_value(top),
      "the reports list the top N of each section (0 = all; the reports then grow with the run)")(
      "export", po::value(&exports)->value_name("LIST"),
      "also write these exports: graphml,gexf,dot,csv or all (claims.json is always written)")(
      "title", po::value(&title), "the reports' title")("quiet,q", po::bool_switch(&quiet),
                                                        "no progress on standard error")(
      "each", po::bool_switch(&each),
      "one run per CORPUS (one story each), in DIR/<corpus name>/, with DIR/index.html linking "
      "them");
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
  engine::PipelineOptions options = flags.ToOptions();
  io::IngestOptions ingest_options = ingest_flags.ToOptions();
  io::report::ExtraExports extra;
  std::string bad;
  if (!io::report::ParseExportList(exports, &extra, &bad))
    throw UsageError("unknown export '" + bad + "' in --export (graphml, gexf, dot, csv, all)");
  io::report::ReportOptions report_options;
  report_options.max_items = top;
  report_options.title = title;
  io::ProgressReporter progress = io::ProgressReporter::ForStderr(quiet);

  std::filesystem::create_directories(out);
  if (db.empty()) db = (std::filesystem::path(out) / "claimgraph.db").string();
  auto store = io::OpenStore(db);
  RunSettings settings{store.get(), options, ingest_options, report_options, extra, &progress};
  if (!each) {
    engine::AnalysisResult run;
    const int status = RunOne(corpora, out, settings, &run);
    if (run.run_id) std::cout << "store: " << db << " (run " << run.run_id << ")\n";
    return status;
  }
  // One run per corpus, each in its own directory, and an index page linking them.
  std::vector<engine::AnalysisResult> runs;
  runs.reserve(corpora.size());
  std::vector<io::report::IndexEntry> entries;
  std::set<std::string> dirs;
  int status = 0;
  for (const std::string& corpus : corpora) {
    std::string dir = DirectoryName(corpus);
    for (int k = 2; !dirs.insert(dir).second; ++k)
      dir = DirectoryName(corpus) + "-" + std::to_string(k);
    std::cout << "== " << corpus << " -> " << (std::filesystem::path(out) / dir).string() << "\n";
    runs.emplace_back();
    settings.report.title =
        (title.empty() ? std::string("Source-reliability report") : title) + ": " + dir;
    const int one =
        RunOne({corpus}, (std::filesystem::path(out) / dir).string(), settings, &runs.back());
    status = std::max(status, one);
    if (runs.back().run_id) entries.push_back({corpus, dir, &runs.back()});
  }
  const std::string index = (std::filesystem::path(out) / "index.html").string();
  io::report::WriteToFile(index, [&](std::ostream& o) {
    io::report::WriteIndexPage(entries, title.empty() ? "claimgraph runs" : title, o);
  });
  std::cout << "index: " << index << "\nstore: " << db << " (`claimgraph runs --db " << db
            << "` lists the runs)\n";
  return status;
}

}  // namespace claimgraph::cli
