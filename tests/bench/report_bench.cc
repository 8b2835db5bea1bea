// Report and export throughput on a synthetic analysis run: builds an AnalysisResult of N
// documents (10 claims each, one link per claim, 60 sources, 800 speakers), then times each
// writer into files under a temporary directory and prints seconds, MB written, MB/s and the
// peak resident set. Usage: report_bench [documents=100000] [out_dir=/tmp/claimgraph_report_bench]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "engine/claim_graph_builder.h"
#include "io/report/csv_export.h"
#include "io/report/graph_export.h"
#include "io/report/html_report.h"
#include "io/report/json_export.h"
#include "io/report/markdown_report.h"
#include "io/report/report.h"

using namespace claimgraph;

namespace {

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

engine::AnalysisResult Synthetic(int documents) {
  std::mt19937 rng(42);
  engine::AnalysisResult r;
  r.run_id = 1;
  r.reliability_method = "truthfinder";
  const int kSources = 60, kSpeakers = 800, kPropositions = documents / 4 + 1;
  for (int s = 0; s < kSources; ++s) {
    engine::ReliabilityScore score;
    score.name = "Outlet " + std::to_string(s);
    score.reliability = (s % 10) / 10.0;
    score.windows = {{"2024", 0.5, 10}, {"2025", 0.6, 12}};
    r.sources.push_back(score);
  }
  int64_t claim_id = 0;
  for (int d = 1; d <= documents; ++d) {
    engine::Document doc;
    doc.id = d;
    doc.source = "Outlet " + std::to_string(rng() % kSources);
    doc.date = "2025-" + std::to_string(10 + rng() % 3) + "-1" + std::to_string(rng() % 10);
    doc.title = "Article " + std::to_string(d) + " on the withdrawal";
    doc.url = "https://example.org/a/" + std::to_string(d);
    for (int k = 0; k < 10; ++k) {
      engine::Claim c;
      c.id = ++claim_id;
      c.document = d;
      c.source = doc.source;
      if (k % 2) c.speaker = "Speaker " + std::to_string(rng() % kSpeakers);
      c.text =
          "The coalition said on Tuesday that 2,500 troops would remain at the base "
          "until the end of 2026, according to officials & \"sources\" " +
          std::to_string(c.id) + ".";
      c.char_begin = 100 * k;
      c.char_end = c.char_begin + c.text.size();
      c.date = doc.date;
      c.polarity = rng() % 3 ? engine::Polarity::kAffirmed : engine::Polarity::kNegated;
      c.proposition = "p" + std::to_string(rng() % kPropositions);
      r.claims.push_back(std::move(c));
    }
    r.documents.push_back(std::move(doc));
  }
  std::uniform_int_distribution<int64_t> pick(1, claim_id);
  for (int64_t i = 0; i < claim_id; ++i) {
    const int kind = rng() % 10;
    const engine::Relation rel = kind < 6   ? engine::Relation::kAgree
                                 : kind < 8 ? engine::Relation::kContradict
                                 : kind < 9 ? engine::Relation::kUpdate
                                            : engine::Relation::kCopy;
    r.links.push_back(
        {pick(rng), pick(rng), rel, 0.5 + (rng() % 50) / 100.0, {"same proposition"}});
  }
  for (int i = 0; i < documents / 100; ++i)
    r.copies.push_back({i + 1, i + 2, r.documents[i].source, r.documents[i + 1].source, 0.9});
  return r;
}

// This thread's CPU seconds (user + system): on a shared machine, wall time also counts waiting.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

template <typename F>
void Time(const char* name, const std::filesystem::path& path, F&& write) {
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = CpuSeconds();
  io::report::WriteToFile(path.string(), write);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = CpuSeconds() - c0;
  const double mb = std::filesystem::file_size(path) / 1e6;
  std::printf("%-14s %8.2f s (CPU %6.2f s) %9.1f MB %8.1f MB/s  peak RSS %7.0f MB\n", name, s, cpu,
              mb, mb / s, PeakRssMb());
}

}  // namespace

int main(int argc, char** argv) {
  const int documents = argc > 1 ? std::stoi(argv[1]) : 100000;
  const std::filesystem::path dir = argc > 2 ? argv[2] : "/tmp/claimgraph_report_bench";
  std::filesystem::create_directories(dir);
  auto t0 = std::chrono::steady_clock::now();
  const engine::AnalysisResult r = Synthetic(documents);
  std::printf("run: %d documents, %zu claims, %zu links; built in %.2f s, peak RSS %.0f MB\n",
              documents, r.claims.size(), r.links.size(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
              PeakRssMb());
  t0 = std::chrono::steady_clock::now();
  const io::report::ReportData data(r);
  std::printf("%-14s %8.2f s                            peak RSS %7.0f MB\n", "index",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
              PeakRssMb());
  const io::report::ReportOptions options;
  Time("report.md", dir / "report.md",
       [&](std::ostream& o) { io::report::WriteMarkdownReport(data, o, options); });
  Time("report.html", dir / "report.html",
       [&](std::ostream& o) { io::report::WriteHtmlReport(data, o, options); });
  Time("report.json", dir / "report.json", [&](std::ostream& o) {
    io::report::WriteJson(data, o, {true, options.max_items});
  });
  Time("claims.json", dir / "claims.json",
       [&](std::ostream& o) { io::report::WriteJson(data, o); });
  t0 = std::chrono::steady_clock::now();
  const graph::ClaimGraph g = engine::BuildClaimGraph(r);
  std::printf("%-14s %8.2f s  %zu nodes, %zu edges       peak RSS %7.0f MB\n", "graph",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
              g.num_nodes(), g.num_edges(), PeakRssMb());
  Time("graph.graphml", dir / "graph.graphml",
       [&](std::ostream& o) { io::report::WriteGraphMl(g, o); });
  Time("graph.gexf", dir / "graph.gexf", [&](std::ostream& o) { io::report::WriteGexf(g, o); });
  Time("graph.dot", dir / "graph.dot", [&](std::ostream& o) { io::report::WriteDot(g, o); });
  Time("claims.csv", dir / "claims.csv",
       [&](std::ostream& o) { io::report::WriteClaimsCsv(r, o); });
  Time("edges.csv", dir / "edges.csv", [&](std::ostream& o) { io::report::WriteEdgesCsv(r, o); });
  std::filesystem::remove_all(dir);
  return 0;
}
