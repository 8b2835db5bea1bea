// Truth-discovery benchmark: loading DAFNA / CSV claims (MB/s), each method's run time on the
// loaded matrix, and memory per claim. Plain main; prints one line per figure. Both wall-clock and
// process CPU time are printed because the development machine is shared.
//
// usage: truth_bench [--format dafna|csv|matrix] [--repeat N] [--method NAME]... [--write FILE]
//                    FILE...
//   e.g. build/bench/tests/bench/truth_bench ../shared/data/truth/weather/dafna_format/claims/*.txt
// With --write FILE, each method's JSON result (as `claimgraph truth -o`) is also written to FILE
// and the writing timed on its own (MB/s of JSON).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "engine/truth/calibrated_reliability.h"
#include "engine/truth/truth_discovery.h"
#include "io/truth/claim_readers.h"
#include "io/truth/result_json.h"

namespace {

namespace et = claimgraph::engine::truth;
namespace it = claimgraph::io::truth;

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  double Wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double Cpu() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  it::ClaimFormat format = it::ClaimFormat::kDafna;
  int repeat = 3;
  std::vector<std::string> files, methods;
  std::string write_path;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--format") && i + 1 < argc) {
      if (!it::ParseClaimFormat(argv[++i], &format)) {
        std::fprintf(stderr, "unknown format %s\n", argv[i]);
        return 2;
      }
    } else if (!std::strcmp(argv[i], "--method") && i + 1 < argc) {
      methods.push_back(argv[++i]);
    } else if (!std::strcmp(argv[i], "--write") && i + 1 < argc) {
      write_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      files.push_back(argv[i]);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr,
                 "usage: truth_bench [--format dafna|csv|matrix] [--repeat N] [--method NAME]... "
                 "[--write FILE] FILE...\n");
    return 2;
  }
  const long rss_before = PeakRssKb();
  std::vector<std::string> bytes;
  size_t total = 0;
  for (const std::string& f : files) {
    bytes.push_back(it::ReadFileBytes(f));
    total += bytes.back().size();
  }
  const long rss_files = PeakRssKb();

  // Loading: parse + normalise + build the sparse matrix (file reading excluded: it is the disk).
  // Peak memory is taken after the first load, while only its builder and matrix were alive.
  et::ClaimMatrix m;
  long rss_loaded = 0;
  double best_wall = 1e9, best_cpu = 1e9;
  for (int r = 0; r < repeat; ++r) {
    if (r > 0) m = et::ClaimMatrix();
    Clock c;
    et::ClaimMatrixBuilder builder;
    claimgraph::engine::Diagnostics d;
    size_t lines = 0;  // a record a line at most, as ClaimLoader::Read reserves
    for (const std::string& b : bytes) lines += std::count(b.begin(), b.end(), '\n') + 1;
    builder.reserve(lines);
    it::ClaimLoader loader(&builder, &d);
    loader.ExpectFiles(files.size());
    for (size_t i = 0; i < files.size(); ++i) loader.Parse(bytes[i], files[i], format);
    m = builder.Build(&d);
    best_wall = std::min(best_wall, c.Wall());
    best_cpu = std::min(best_cpu, c.Cpu());
    if (r == 0) rss_loaded = PeakRssKb();
  }
  std::printf("input: %zu files, %.1f MB, %zu claim records, %d sources, %d objects, %d values\n",
              files.size(), total / 1e6, m.entries.size(), m.num_sources(), m.num_objects(),
              m.num_claims());
  std::printf("load: %.3f s wall (%.1f MB/s), %.3f s cpu (%.1f MB/s), best of %d\n", best_wall,
              total / 1e6 / best_wall, best_cpu, total / 1e6 / best_cpu, repeat);
  std::printf(
      "memory: peak RSS %ld KB; loading added %ld KB = %.0f bytes per claim record "
      "(input bytes held: %ld KB)\n",
      rss_loaded, rss_loaded - rss_files,
      m.entries.empty() ? 0.0 : (rss_loaded - rss_files) * 1024.0 / m.entries.size(),
      rss_files - rss_before);

  for (const std::string& name : et::AlgorithmNames()) {
    if (!methods.empty() && std::find(methods.begin(), methods.end(), name) == methods.end())
      continue;
    double wall = 1e9, cpu = 1e9;
    et::TruthResult result;
    std::unique_ptr<et::TruthAlgorithm> method;
    for (int r = 0; r < repeat; ++r) {
      Clock c;
      method = et::MakeAlgorithm(name, m, {});
      result = method->Run();
      wall = std::min(wall, c.Wall());
      cpu = std::min(cpu, c.Cpu());
    }
    std::printf("%-18s %.4f s wall  %.4f s cpu  %3d iterations  converged=%s\n", name.c_str(), wall,
                cpu, result.iterations, result.converged ? "true" : "false");
    if (write_path.empty()) continue;
    // Writing the JSON result, as `claimgraph truth -o` does (no bootstrap, no windows).
    double write_wall = 1e9, write_cpu = 1e9;
    size_t written = 0;
    et::CalibrationOptions calibration;
    calibration.prior_mean = 0;
    for (int r = 0; r < repeat; ++r) {
      Clock c;
      written = it::WriteTruthResultJson(write_path, m, *method, result, Eigen::VectorXd(), nullptr,
                                         {}, calibration);
      write_wall = std::min(write_wall, c.Wall());
      write_cpu = std::min(write_cpu, c.Cpu());
    }
    std::printf("%-18s write %.1f MB: %.4f s wall (%.1f MB/s), %.4f s cpu (%.1f MB/s)\n", "",
                written / 1e6, write_wall, written / 1e6 / write_wall, write_cpu,
                written / 1e6 / write_cpu);
  }
  return 0;
}
