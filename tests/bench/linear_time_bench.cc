// Linear time as a tested property (issue 13): doubles a document's length — as one line (one
// paragraph), as one sentence per line, and as more paragraphs of fixed length — and measures
// the time per MB of ingest (read + hash + store), extraction, and the whole run (ingest, then
// every analysis stage). Per-sentence work must not depend on how much text came before, so the
// time per MB must stay flat: the program exits 1 if, for any shape and stage, the time per MB at
// some size exceeds the least time per MB at a smaller size by more than --tolerance (1.5).
//
//   linear_time_bench [--from-mb 0.25] [--doublings 3] [--repeat 3] [--tolerance 1.5]
//                     [--stages ingest,extract,run] [--shapes one-line,lines,paragraphs]
//
// Each figure is the CPU time of the process, the fastest of --repeat runs (the machine is shared:
// CPU time and the minimum are the least disturbed by other jobs). Text: ordinary news sentences
// from templates, with speakers, quotations, numbers and dates, and a fresh name every few
// sentences so the speaker memory keeps growing.
#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/extract/claim_extractor.h"
#include "engine/pipeline.h"
#include "io/ingest.h"
#include "io/store/store.h"

namespace {

using claimgraph::engine::Document;

const char* const kFirst[] = {"Amira", "Karim", "Laila", "Omar",  "Sara",   "Yusuf", "Hana",
                              "Tariq", "Noor",  "Sami",  "Rania", "Faisal", "Dina",  "Bilal"};
const char* const kLast[] = {"Haddad",  "Mansour", "Khalil", "Nasser", "Saleh", "Aziz",   "Barakat",
                             "Darwish", "Farouk",  "Ghanem", "Hamdan", "Jaber", "Kassem", "Lutfi"};
const char* const kRoles[] = {"the defence minister", "a military spokesperson",
                              "the provincial governor", "an adviser to the prime minister",
                              "the commander of the coalition"};
const char* const kPlaces[] = {"Ain al-Asad", "Erbil", "Baghdad", "the Harbor Bridge", "Basra"};
const char* const kMonths[] = {"January", "March", "May", "September", "November"};

// Sentence i of the generated text: different names, numbers and places, so neither the
// extractor nor the linker sees one sentence repeated. Every number occurs once: with numbers
// from a fixed set (as before), a longer text repeats each number more often, so each claim has
// more true near-duplicates and the run finds more candidate pairs and links per claim (1.4 links
// per claim at 1 MB, 3.1 at 4 MB, up to the candidate search's cap of 10 per claim) — more output
// per MB, which no linear-time pipeline can write in flat time per MB.
std::string Sentence(size_t i) {
  const std::string name = std::string(kFirst[i % 14]) + " " + kLast[(i / 14) % 14] +
                           (i >= 196 ? " " + std::to_string(i / 196) : "");
  const std::string place = kPlaces[i % 5];
  const std::string month = kMonths[(i / 5) % 5];
  const std::string n = std::to_string(100 + i);
  switch (i % 6) {
    case 0:
      return name + ", " + kRoles[i % 5] + ", said on Monday that " + n + " troops would leave " +
             place + " by " + month + " 2026.";
    case 1:
      return "\xE2\x80\x9CWe have not withdrawn from " + place + ",\xE2\x80\x9D he added.";
    case 2:
      return "According to officials, the base at " + place + " hosted " + n + " personnel in " +
             month + ".";
    case 3:
      return "The spokesperson denied that the forces had left " + place + " before " + month + ".";
    case 4:
      return "Analysts said the move was not a withdrawal but a shift of " + n + " soldiers.";
    default:
      return "Local residents reported that roads near " + place + " reopened on " + month + " " +
             std::to_string(1 + i % 28) + ".";
  }
}

enum class Shape { kOneLine, kLinePerSentence, kParagraphs };

// About `bytes` of body text in the given shape (paragraphs: eight sentences each).
std::string Body(size_t bytes, Shape shape) {
  std::string out;
  out.reserve(bytes + 256);
  for (size_t i = 0; out.size() < bytes; ++i) {
    if (i > 0) {
      if (shape == Shape::kOneLine) {
        out += ' ';
      } else if (shape == Shape::kLinePerSentence) {
        out += '\n';
      } else {
        out += i % 8 == 0 ? "\n\n" : " ";
      }
    }
    out += Sentence(i);
  }
  out += '\n';
  return out;
}

std::string FrontMatter(const std::string& body) {
  return "---\nsource: Bench Post\ndate: 2025-11-17\ntitle: Linear time\n---\n" + body;
}

// CPU time of the process (all threads): on a machine shared by many jobs, wall-clock time
// measures the others' load as much as ours.
double Now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The fastest of `repeat` calls of fn, which returns the seconds it measured.
double Best(const std::function<double()>& fn, int repeat) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) best = std::min(best, fn());
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  // Large blocks from the heap and freed memory kept: otherwise whether a size's buffers come
  // fresh from mmap (page faults, expensive on a virtual machine) depends on what ran before, and
  // the step it makes in the time per MB says nothing about the algorithms (as `truth` does).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  double from_mb = 0.25, tolerance = 1.5;
  int doublings = 3, repeat = 3;
  std::string stages = "ingest,extract,run", shapes = "one-line,lines,paragraphs";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--from-mb"))
      from_mb = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--doublings"))
      doublings = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--repeat"))
      repeat = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--tolerance"))
      tolerance = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--stages"))
      stages = argv[i + 1];
    else if (!std::strcmp(argv[i], "--shapes"))
      shapes = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("claimgraph_linear_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const claimgraph::engine::ClaimExtractor extractor;
  bool flat = true;
  std::printf("%-18s %-8s %8s %10s %10s\n", "shape", "stage", "MB", "seconds", "s/MB");
  for (const auto& [shape, shape_name, key] :
       {std::tuple{Shape::kOneLine, "one line", "one-line"},
        std::tuple{Shape::kLinePerSentence, "line/sentence", "lines"},
        std::tuple{Shape::kParagraphs, "paragraphs", "paragraphs"}}) {
    if (shapes.find(key) == std::string::npos) continue;
    for (const std::string stage : {"ingest", "extract", "run"}) {
      if (stages.find(stage) == std::string::npos) continue;
      // Growth: the most the time per MB at a size exceeds the least at any smaller size. Linear
      // work keeps it near 1 (fixed costs make small sizes dearer, never larger ones);
      // quadratic work doubles it at each doubling.
      double lo = 1e300, growth = 1;
      for (int k = 0; k <= doublings; ++k) {
        const size_t bytes = static_cast<size_t>(from_mb * (1 << k) * 1e6);
        const std::string text = FrontMatter(Body(bytes, shape));
        const std::string path = (dir / "doc.txt").string();
        std::ofstream(path, std::ios::binary) << text;
        double seconds = 0;
        size_t claims = 0, links = 0;  // what the whole run found
        if (stage == "ingest") {
          seconds = Best(
              [&] {
                auto store = claimgraph::io::OpenStore(":memory:");
                const double t0 = Now();
                const auto r = claimgraph::io::Ingest({path}, store.get(), {});
                if (r.added != 1) std::abort();
                return Now() - t0;
              },
              repeat);
        } else {
          Document doc;
          doc.id = 1;
          doc.source = "Bench Post";
          doc.date = "2025-11-17";
          doc.text = text.substr(text.find("---\n", 4) + 4);
          if (stage == "extract") {
            seconds = Best(
                [&] {
                  const double t0 = Now();
                  extractor.Extract(doc);
                  return Now() - t0;
                },
                repeat);
          } else {
            seconds = Best(
                [&] {
                  auto store = claimgraph::io::OpenStore(":memory:");
                  const double t0 = Now();
                  claimgraph::io::Ingest({path}, store.get(), {});
                  std::vector<Document> docs{doc};
                  claimgraph::engine::VectorDocumentSource source(docs);
                  const auto result = claimgraph::engine::Analyze(source, {});
                  const double t = Now() - t0;
                  claims = result.claims.size();
                  links = result.links.size();
                  return t;
                },
                repeat);
          }
        }
        const double mb = static_cast<double>(text.size()) / 1e6;
        const double per_mb = seconds / mb;
        if (lo < 1e300) growth = std::max(growth, per_mb / lo);
        lo = std::min(lo, per_mb);
        std::printf("%-18s %-8s %8.2f %10.3f %10.3f", shape_name, stage.c_str(), mb, seconds,
                    per_mb);
        if (claims) std::printf("   %zu claims, %zu links", claims, links);
        std::printf("\n");
        std::fflush(stdout);
      }
      const bool ok = growth <= tolerance;
      std::printf("%-18s %-8s growth %.2fx (limit %.2fx): %s\n", shape_name, stage.c_str(), growth,
                  tolerance, ok ? "flat" : "NOT FLAT");
      flat = flat && ok;
    }
  }
  std::filesystem::remove_all(dir);
  return flat ? 0 : 1;
}
