// Extraction listing and throughput. Two modes:
//   extract_bench --list DIR [--trace]   prints every claim of the front-matter files under DIR
//                                        (document, speaker, role, polarity, modality, times,
//                                        quantities, entities, text); --trace also prints why
//                                        every other paragraph or sentence was dropped.
//   extract_bench --speed DIR [--copies N] [--threads T]
//                                        extracts N copies of the corpus spread over 500
//                                        outlets (article lines made unique per copy, page
//                                        furniture left repeating) and prints MB/s and
//                                        documents/s, for the pre-pass and for extraction.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "engine/extract/claim_extractor.h"
#include "tests/engine/extract/seed_documents.h"

using claimgraph::engine::BoilerplateIndex;
using claimgraph::engine::Claim;
using claimgraph::engine::ClaimExtractor;
using claimgraph::engine::Document;

namespace {

void List(const std::vector<Document>& docs, bool trace) {
  BoilerplateIndex index;
  for (const Document& d : docs) index.Add(d);
  index.Finalize();
  ClaimExtractor extractor({}, &index);
  for (const Document& d : docs) {
    const auto result = extractor.ExtractWithTrace(d);
    size_t named = 0;
    for (const Claim& c : result.claims) named += c.speaker.empty() ? 0 : 1;
    std::printf("=== %s (%s, %s): %zu claims, %zu attributed to a speaker\n", d.path.c_str(),
                d.source.c_str(), d.date.c_str(), result.claims.size(), named);
    if (trace) {
      for (const auto& t : result.trace)
        std::printf("  [%s] %.110s\n", t.verdict.c_str(), t.text.c_str());
      continue;
    }
    int i = 0;
    for (const Claim& c : result.claims) {
      std::printf("%3d. speaker: %s%s%s | %s | %s | date %s\n", ++i,
                  c.speaker.empty() ? "(outlet)" : c.speaker.c_str(),
                  c.speaker_role.empty() ? "" : " -- ", c.speaker_role.c_str(),
                  std::string(ToString(c.polarity)).c_str(),
                  std::string(ToString(c.modality)).c_str(), c.date.c_str());
      std::printf("     text: %s\n", c.text.c_str());
      std::string extra;
      for (const auto& t : c.about) extra += " [" + t.text + " = " + t.begin + ".." + t.end + "]";
      for (const auto& q : c.quantities)
        extra += " {" + q.text + " = " + std::to_string(q.low) + ".." + std::to_string(q.high) +
                 " " + q.unit + "}";
      if (!c.entities.empty()) {
        extra += " entities:";
        for (const auto& e : c.entities) extra += " " + e + ";";
      }
      if (!extra.empty()) std::printf("    %s\n", extra.c_str());
    }
  }
}

void Speed(const std::vector<Document>& seeds, int copies, int threads) {
  std::vector<Document> docs;
  size_t bytes = 0;
  for (int k = 0; k < copies; ++k)
    for (const Document& s : seeds) {
      Document d = s;
      d.id = static_cast<int64_t>(docs.size()) + 1;
      d.source = "Outlet #" + std::to_string(k % 500);
      // Each copy's lines differ ("... (k)"), except the related-story lists and prompts after
      // the first "0 Comments"/"LATEST CONTENT"-style line, which repeat across a source's pages
      // as they do on real sites.
      std::string text;
      size_t start = 0;
      bool furniture = false;
      while (start < s.text.size()) {
        size_t nl = s.text.find('\n', start);
        if (nl == std::string::npos) nl = s.text.size();
        const std::string line = s.text.substr(start, nl - start);
        if (line == "0 Comments" || line == "No comments:" || line == "Envíanos tus noticias")
          furniture = true;
        text += line;
        if (!furniture && line.size() > 30) text += " (" + std::to_string(k) + ")";
        text += '\n';
        start = nl + 1;
      }
      d.text = std::move(text);
      bytes += d.text.size();
      docs.push_back(std::move(d));
    }
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<BoilerplateIndex> shards(threads);
  {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (size_t i = t; i < docs.size(); i += threads) shards[t].Add(docs[i]);
      });
    for (auto& th : pool) th.join();
  }
  BoilerplateIndex index;
  for (const auto& s : shards) index.Merge(s);
  index.Finalize();
  const auto t1 = std::chrono::steady_clock::now();
  timespec cpu0, cpu1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0);
  ClaimExtractor extractor({}, &index);
  std::vector<size_t> claims(threads);
  {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (size_t i = t; i < docs.size(); i += threads)
          claims[t] += extractor.Extract(docs[i]).size();
      });
    for (auto& th : pool) th.join();
  }
  const auto t2 = std::chrono::steady_clock::now();
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1);
  const double cpu = (cpu1.tv_sec - cpu0.tv_sec) + 1e-9 * (cpu1.tv_nsec - cpu0.tv_nsec);
  const double pre = std::chrono::duration<double>(t1 - t0).count();
  const double ext = std::chrono::duration<double>(t2 - t1).count();
  size_t total = 0;
  for (size_t c : claims) total += c;
  const double mb = bytes / 1e6;
  std::printf("documents: %zu  text: %.1f MB  threads: %d  claims: %zu\n", docs.size(), mb, threads,
              total);
  std::printf("boilerplate pre-pass: %.2f s  %.1f MB/s  %.0f docs/s  (%zu index entries)\n", pre,
              mb / pre, docs.size() / pre, index.entries());
  std::printf("extraction:           %.2f s  %.2f MB/s  %.0f docs/s  (%.2f MB/s per thread)\n", ext,
              mb / ext, docs.size() / ext, mb / ext / threads);
  std::printf("extraction CPU time:  %.2f s  %.2f MB per CPU-second  %.0f docs per CPU-second\n",
              cpu, mb / cpu, docs.size() / cpu);
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode, dir;
  bool trace = false;
  int copies = 1000, threads = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--list" || a == "--speed") && i + 1 < argc) {
      mode = a;
      dir = argv[++i];
    } else if (a == "--trace") {
      trace = true;
    } else if (a == "--copies" && i + 1 < argc) {
      copies = std::atoi(argv[++i]);
    } else if (a == "--threads" && i + 1 < argc) {
      threads = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(
          stderr,
          "usage: extract_bench --list DIR [--trace] | --speed DIR [--copies N] [--threads T]\n");
      return 2;
    }
  }
  if (mode.empty()) {
    std::fprintf(
        stderr,
        "usage: extract_bench --list DIR [--trace] | --speed DIR [--copies N] [--threads T]\n");
    return 2;
  }
  const std::vector<Document> docs = claimgraph::testing::ReadSeedDocuments(dir);
  if (docs.empty()) {
    std::fprintf(stderr, "no front-matter .txt files under %s\n", dir.c_str());
    return 1;
  }
  if (mode == "--list")
    List(docs, trace);
  else
    Speed(docs, copies, threads);
  return 0;
}
