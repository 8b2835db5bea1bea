// ingest_bench: throughput of the ingest and store stages, in process, on a corpus on disk (e.g.
// one written by synthetic_corpus). Prints one line per stage: documents/s, MB/s, CPU seconds and
// the process's peak resident memory so far (getrusage). A plain main (not Google Benchmark): each
// stage runs once on the whole corpus, as the pipeline does.
//
// usage: ingest_bench CORPUS... [--db FILE] [--claims-per-doc N] [--links-per-doc N]
// Stages: read (parse + hash, no store), ingest (one transaction into a fresh store), load
// (ForEachDocument with text), save-run / load-run (an AnalysisResult of N claims and M links per
// document whose texts are slices of the documents, like the extractor's).
#include <sys/resource.h>
#include <sys/time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "io/ingest.h"
#include "io/readers/document_reader.h"
#include "io/store/store.h"

namespace {

using claimgraph::engine::Document;
namespace io = claimgraph::io;

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double PeakMiB() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

class Stage {
 public:
  explicit Stage(const char* name) : name_(name), wall_(Now()), cpu_(CpuSeconds()) {}
  void Report(int64_t items, const char* unit, double bytes) const {
    const double wall = Now() - wall_;
    const double cpu = CpuSeconds() - cpu_;
    std::printf("%-10s %9lld %-6s %8.2f s wall %8.2f s cpu %10.0f %s/s", name_,
                static_cast<long long>(items), unit, wall, cpu, items / wall, unit);
    if (bytes > 0) std::printf(" %8.1f MB/s", bytes / 1e6 / wall);
    std::printf("   peak RSS %7.1f MiB\n", PeakMiB());
    std::fflush(stdout);
  }

 private:
  static double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  const char* name_;
  double wall_, cpu_;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> corpus;
  std::string db = (std::filesystem::temp_directory_path() / "claimgraph_ingest_bench.db").string();
  int claims_per_doc = 10, links_per_doc = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else if (a == "--claims-per-doc" && i + 1 < argc) {
      claims_per_doc = std::atoi(argv[++i]);
    } else if (a == "--links-per-doc" && i + 1 < argc) {
      links_per_doc = std::atoi(argv[++i]);
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr,
                   "usage: ingest_bench CORPUS... [--db FILE] [--claims-per-doc N] "
                   "[--links-per-doc N]\n");
      return 2;
    } else {
      corpus.push_back(a);
    }
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "ingest_bench: no corpus given\n");
    return 2;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());

  // 1. Read: walk, read, validate, parse, hash; documents are dropped.
  claimgraph::engine::Diagnostics diags;
  io::ReadStats stats;
  {
    Stage s("read");
    io::ReadPaths(
        corpus, {}, [](Document&&) { return true; }, &diags, &stats);
    s.Report(stats.documents, "docs", static_cast<double>(stats.bytes));
  }
  // 2. Ingest into a fresh store file: one transaction.
  auto store = io::OpenStore(db);
  {
    Stage s("ingest");
    const io::IngestResult r = io::Ingest(corpus, store.get(), {});
    s.Report(r.added, "docs", static_cast<double>(r.bytes));
  }
  // 3. Load for analysis: stream every document with its text.
  std::vector<Document> docs;  // metadata only, for the run below
  {
    Stage s("load");
    double bytes = 0;
    const int64_t n = store->ForEachDocument({}, [&](Document&& d) {
      bytes += static_cast<double>(d.text.size());
      d.text.resize(std::min<size_t>(d.text.size(), 2000));  // keep what the claims slice
      docs.push_back(std::move(d));
      return true;
    });
    s.Report(n, "docs", bytes);
  }
  // 4. Save and load a run the size of a real analysis of this corpus.
  claimgraph::engine::AnalysisResult run;
  run.config_json = "{\"bench\":true}";
  run.reliability_method = "truthfinder";
  int64_t next_id = 1;
  for (const Document& d : docs) {
    for (int k = 0; k < claims_per_doc; ++k) {
      claimgraph::engine::Claim c;
      c.id = next_id++;
      c.document = d.id;
      c.source = d.source;
      c.speaker = k % 2 ? "Speaker " + std::to_string(k) : "";
      const size_t begin = std::min<size_t>(d.text.size(), static_cast<size_t>(k) * 150);
      c.text = d.text.substr(begin, 150);
      c.byte_begin = c.char_begin = begin;
      c.byte_end = c.char_end = begin + c.text.size();
      c.date = d.date;
      c.about = {{d.date, d.date, "on Monday"}};
      c.quantities = {{2500, 2500, "troops", "2,500 troops"}};
      c.entities = {"coalition", "Iraq"};
      c.proposition = "withdraw|coalition|" + d.source.substr(0, 3);
      run.claims.push_back(std::move(c));
    }
  }
  const int64_t n_claims = static_cast<int64_t>(run.claims.size());
  for (int64_t i = 0; i < static_cast<int64_t>(docs.size()) * links_per_doc && n_claims > 1; ++i) {
    run.links.push_back({1 + i % n_claims,
                         1 + (i * 7919 + 13) % n_claims,
                         claimgraph::engine::Relation::kAgree,
                         0.7,
                         {"same proposition"}});
  }
  for (Document& d : docs) d.text.clear();
  run.documents = std::move(docs);
  {
    Stage s("save-run");
    store->SaveRun(&run);
    s.Report(n_claims, "claims", 0);
  }
  {
    Stage s("load-run");
    const auto loaded = store->LoadRun(run.run_id);
    s.Report(static_cast<int64_t>(loaded.claims.size()), "claims", 0);
  }
  std::printf("store file: %s (%.1f MB)\n", db.c_str(),
              static_cast<double>(std::filesystem::file_size(db)) / 1e6);
  if (!diags.empty()) std::printf("%zu diagnostics while reading\n", diags.size());
  return 0;
}
