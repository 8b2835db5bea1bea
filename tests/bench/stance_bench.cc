// Stance model speed: training on all FNC-1 training pairs, and scoring headline-body pairs.
// usage: stance_bench [--skip-train] [BODIES STANCES]
//        (default: ../shared/data/stance/fnc1/train_*.csv, relative to the working directory)
// Prints: training seconds (featurize + network), pairs per second for Predict() on raw text
// (one thread, reasons included), and for PredictStances() (each text analysed once, 2 threads).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "engine/stance/stance_dataset.h"
#include "engine/stance/stance_model.h"
#include "engine/stance/stance_trainer.h"
#include "io/stance/stance_readers.h"

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// CPU seconds of this process (all threads): on a shared machine, wall time also counts the
// neighbours' work.
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  using namespace claimgraph;
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool skip_train = !args.empty() && args[0] == "--skip-train";
  if (skip_train) args.erase(args.begin());
  const std::string root = "../shared/data/stance/fnc1/";
  const std::string bodies = args.size() >= 2 ? args[0] : root + "train_bodies.csv";
  const std::string stances = args.size() >= 2 ? args[1] : root + "train_stances.csv";
  const auto data = io::ReadFnc1(bodies, stances);
  const engine::StanceDataset& set = data.dataset;
  std::printf("pairs: %zu, bodies: %zu, headlines: %zu\n", set.pairs.size(), set.others.size(),
              set.claims.size());

  auto t = std::chrono::steady_clock::now();
  if (!skip_train) {
    const double cpu0 = CpuSeconds();
    const engine::StanceTrainerOptions options;  // the shipped model's settings
    const auto trained = engine::TrainStanceModel(set, options);
    std::printf(
        "train: %.1f s wall, %.1f s CPU (featurize %.1f s, network %.1f s wall; %d epochs, "
        "%d threads)\n",
        Since(t), CpuSeconds() - cpu0, trained.featurize_seconds, trained.train_seconds,
        trained.epochs, options.threads);
  }

  const engine::StanceModel& model = engine::DefaultStanceModel();
  const size_t n = std::min<size_t>(set.pairs.size(), 5000);
  t = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  size_t reasons = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto& p = set.pairs[i];
    reasons += model.Predict(set.claims[p.claim], set.others[p.other]).reasons.size();
  }
  const double raw = Since(t), raw_cpu = CpuSeconds() - cpu;
  std::printf(
      "Predict(raw text): %zu pairs in %.2f s wall = %.0f pairs/s; %.2f s CPU = %.0f "
      "pairs/CPU-s (1 thread, %zu reasons)\n",
      n, raw, static_cast<double>(n) / raw, raw_cpu, static_cast<double>(n) / raw_cpu, reasons);

  t = std::chrono::steady_clock::now();
  cpu = CpuSeconds();
  const auto predictions = engine::PredictStances(model, set, 2);
  const double batch = Since(t), batch_cpu = CpuSeconds() - cpu;
  std::printf("PredictStances: %zu pairs in %.2f s wall = %.0f pairs/s (2 threads); %.2f s CPU\n",
              predictions.size(), batch, static_cast<double>(predictions.size()) / batch,
              batch_cpu);
  return 0;
}
