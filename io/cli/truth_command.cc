// `claimgraph truth`: truth discovery on structured claims (DESIGN.md, Command line). Reads claims
// (DAFNA, source,object,value[,time] CSV, or joesingo's claim matrix), runs one method, prints a
// summary (and `accuracy: <0..1>` against --truth), and writes the JSON result with -o.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#endif
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "engine/truth/accu.h"
#include "engine/truth/calibrated_reliability.h"
#include "engine/truth/source_report.h"
#include "engine/truth/truth_discovery.h"
#include "engine/truth/truth_finder.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/report/escape.h"
#include "io/truth/claim_readers.h"
#include "io/truth/gold.h"
#include "io/truth/result_json.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
namespace et = engine::truth;
namespace it = io::truth;

// `omitted`: diagnostics counted but not composed (beyond the limit, never printed).
void PrintDiagnostics(const engine::Diagnostics& diagnostics, size_t limit, size_t omitted) {
  for (size_t i = 0; i < diagnostics.size() && i < limit; ++i)
    std::cerr << io::report::TerminalSafe(diagnostics[i].ToString()) << "\n";
  const size_t total = diagnostics.size() + omitted;
  if (total > limit) std::cerr << "... and " << total - limit << " more diagnostic(s)\n";
}

// Loading frees big arrays (the builder's records, the build's scratch) and allocates others after
// them. Keeps freed memory in the process for reuse rather than returning it to the system, where
// every fresh 4 KB page costs a page fault (a fifth of the time of a Weather run). With
// `expected_bytes` of heap to come (a few times the input), also grows the heap by that much at
// once and asks for transparent huge pages there (madvise; used when the system allows them for
// such regions, as Debian's default "madvise" mode does): one fault per 2 MB instead of 512,
// which took 10,900 page faults and a third of the CPU time off `claimgraph truth` on Weather
// (the same as glibc's own glibc.malloc.hugetlb=1 tunable). Untouched memory costs nothing.
void PrepareMemory(size_t expected_bytes) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: blocks below it come from the heap
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  constexpr size_t kBlock = 16 << 20, kHuge = 2 << 20;
  if (expected_bytes < 2 * kBlock) return;
  expected_bytes = std::min<size_t>(expected_bytes, size_t{4} << 30);
  std::vector<void*> blocks;
  uintptr_t low = UINTPTR_MAX, high = 0;
  for (size_t got = 0; got < expected_bytes; got += kBlock) {
    void* p = std::malloc(kBlock);  // from the heap, below the mmap threshold; never touched
    if (!p) break;
    blocks.push_back(p);
    low = std::min(low, reinterpret_cast<uintptr_t>(p));
    high = std::max(high, reinterpret_cast<uintptr_t>(p) + kBlock);
  }
  const uintptr_t begin = (low + kHuge - 1) & ~(kHuge - 1), end = high & ~(kHuge - 1);
  // Only where the blocks lie back to back (the heap grew by them alone).
  if (end > begin && high - low <= blocks.size() * (kBlock + 4096))
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  for (void* p : blocks) std::free(p);  // back to the heap's top, kept there (trim threshold)
#else
  (void)expected_bytes;
#endif
}

// CPU time of the process so far (user + system), in seconds: the stage figures printed beside
// the wall-clock ones, steadier on a shared machine.
double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

}  // namespace

int TruthCommand(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string format = "dafna", algorithm, truth_file, truth_format = "auto", output, values,
              implication = "none", known_file, known_format = "auto";
  int max_iterations = 0, bootstrap = 0, max_diagnostics = 20;
  double truthfinder_max_trust = 0.995;
  double tolerance = -1, half_life = 0;
  bool windows = false;
  et::TruthOptions defaults;
  double accu_prior_weight = defaults.accu_accuracy_prior_weight,
         accu_prior = defaults.accu_prior_accuracy;
  bool accu_negative = defaults.accu_negative_votes, accu_copies = defaults.accu_copy_detection,
       accu_known = defaults.accu_known_accuracy;
  et::CalibrationOptions calibration;
  calibration.prior_mean = 0;  // pooled from the evidence
  po::options_description options(
      "claimgraph truth --input FILE... [--format dafna|csv|matrix] --algorithm NAME "
      "[--truth GOLD] [-o FILE]\n\nTruth discovery on structured claims. Options");
  options.add_options()("help,h", "show this help")("input,i", po::value(&inputs)->multitoken(),
                                                    "claim file(s); all are read into one matrix")(
      "format,f", po::value(&format)->default_value("dafna"),
      "dafna | csv (source,object,value[,time] with a header) | matrix (rows = sources, columns "
      "= variables, as joesingo/truthdiscovery)")(
      "algorithm,a", po::value(&algorithm)->default_value("truthfinder"),
      "voting | sums | average-log | investment | pooled-investment | truthfinder | crh | accu | "
      "ltm (Latent Truth Model; with --values authors, author by author). The default, "
      "truthfinder, is the one method at or above voting on every set in docs/EVALUATION.md")(
      "truth,t", po::value(&truth_file), "gold file; prints accuracy: <0..1>")(
      "known", po::value(&known_file),
      "known verdicts (semi-supervised): objects whose true value is known, in a gold format "
      "(object,value with a header, ...); their values are held true, the objects' other values "
      "false, and sources' trust is learned from them and the rest")(
      "known-format", po::value(&known_format)->default_value("auto"),
      "the --known file's format, as --truth-format")(
      "truth-format", po::value(&truth_format)->default_value("auto"),
      "auto | csv (object,value with a header) | dafna | population (popAnswersOut.txt) | book "
      "(book_golden.csv)")(
      "values", po::value(&values)->default_value("auto"),
      "auto (numbers as numbers, text folded) | authors (author lists as sets of names, Book)")(
      "output,o", po::value(&output), "write the result as JSON")(
      "truthfinder-max-trust", po::value(&truthfinder_max_trust)->default_value(0.995),
      "truthfinder: a source's trust is held at or below this (1 = unbounded, as the paper and "
      "joesingo/truthdiscovery; the bound keeps groups of copiers whose trust saturates near 1 "
      "from being ranked by its last digits)")(
      "implication", po::value(&implication)->default_value("none"),
      "truthfinder's implication between values of an object: none | gaussian "
      "(exp(-0.5 d^2) between numbers) | jaccard (word overlap - 0.5) | containment (share of a's "
      "words in b - 0.5)")("max-iterations", po::value(&max_iterations),
                           "iteration limit (default: the method's)")(
      "tolerance", po::value(&tolerance),
      "stop when the residual falls below this (default: the method's; 0 = fixed iterations)")(
      "bootstrap", po::value(&bootstrap),
      "resamples for each source's trust uncertainty in the -o result (default 0: none; they "
      "run two at a time)")("windows", po::bool_switch(&windows),
                            "also score each calendar year of the claims' times")(
      "half-life", po::value(&half_life),
      "time decay: a claim's weight halves every this many days before the latest claim")(
      "max-diagnostics", po::value(&max_diagnostics)->default_value(20),
      "how many diagnostics to print")(
      "accu-prior-weight", po::value(&accu_prior_weight),
      "accu: pseudo-claims at the prior accuracy in each source's accuracy")(
      "accu-prior-accuracy", po::value(&accu_prior),
      "accu: every source's accuracy at the start (default 0.8)")(
      "accu-negative-votes", po::value(&accu_negative),
      "accu: a source worse than chance votes against its value (true | false)")(
      "accu-copy-detection", po::value(&accu_copies), "accu: detect copying (true | false)")(
      "accu-known-accuracy", po::value(&accu_known),
      "accu with --known: each source's accuracy from its claims with a verdict only (true | "
      "false)")(
      "reliability-prior-weight", po::value(&calibration.prior_weight)->default_value(2),
      "the -o result's calibrated reliability per source (sources[].reliability, interval): "
      "pseudo-claims at the prior mean in its Beta posterior")(
      "reliability-prior-mean", po::value(&calibration.prior_mean)->default_value(0),
      "the prior mean of that posterior (0 = the share of all evidence that holds)");
  const po::variables_map vm = ParseCommandLine(args, options);
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (inputs.empty()) throw UsageError("--input is required");
  if (!(calibration.prior_weight > 0) || !(calibration.prior_mean >= 0) ||
      !(calibration.prior_mean < 1))
    throw UsageError(
        "--reliability-prior-weight must be > 0 and --reliability-prior-mean in [0, 1)");
  const auto& names = et::AlgorithmNames();
  if (std::find(names.begin(), names.end(), algorithm) == names.end())
    throw UsageError("unknown --algorithm '" + algorithm + "'");
  it::ClaimFormat claim_format;
  if (!it::ParseClaimFormat(format, &claim_format))
    throw UsageError("unknown --format '" + format + "'");
  it::GoldFormat gold_format;
  if (!it::ParseGoldFormat(truth_format, &gold_format))
    throw UsageError("unknown --truth-format '" + truth_format + "'");
  it::ClaimReadOptions read_options;
  if (values == "authors")
    read_options.values = it::ValueKind::kAuthorList;
  else if (values != "auto")
    throw UsageError("unknown --values '" + values + "'");
  if (half_life < 0) throw UsageError("--half-life must be positive");
  if (bootstrap < 0) throw UsageError("--bootstrap must be 0 or more");
  it::GoldFormat known_gold_format;
  if (!it::ParseGoldFormat(known_format, &known_gold_format))
    throw UsageError("unknown --known-format '" + known_format + "'");

  {
    size_t input_bytes = 0;
    for (const std::string& path : inputs) {
      std::error_code ec;
      const uintmax_t size = std::filesystem::file_size(path, ec);
      if (!ec) input_bytes += static_cast<size_t>(size);
    }
    PrepareMemory(3 * input_bytes);
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const double cpu0 = ProcessCpuSeconds();
  engine::Diagnostics diagnostics;
  et::ClaimMatrixBuilder builder;
  const size_t bytes =
      it::ReadClaimFiles(inputs, claim_format, &builder, &diagnostics, read_options).bytes;
  // Only the first max_diagnostics diagnostics are printed: the warnings about repeated objects
  // (34,128 on Weather) are composed up to that many, the rest only counted.
  const size_t print_limit = static_cast<size_t>(std::max(0, max_diagnostics));
  size_t omitted_diagnostics = 0;
  et::ClaimMatrix matrix = builder.Build(&diagnostics, print_limit, &omitted_diagnostics);
  if (half_life > 0) matrix = et::Decayed(matrix, half_life);
  const auto t1 = Clock::now();
  const double cpu1 = ProcessCpuSeconds();

  et::TruthOptions truth_options;
  truth_options.max_iterations = max_iterations;
  truth_options.tolerance = tolerance;
  truth_options.set_values = read_options.values == it::ValueKind::kAuthorList;
  truth_options.accu_accuracy_prior_weight = accu_prior_weight;
  truth_options.accu_prior_accuracy = accu_prior;
  truth_options.accu_negative_votes = accu_negative;
  truth_options.accu_copy_detection = accu_copies;
  truth_options.accu_known_accuracy = accu_known;
  if (!(truthfinder_max_trust > 0) || truthfinder_max_trust > 1)
    throw UsageError("--truthfinder-max-trust must be in (0, 1]");
  truth_options.truthfinder_max_trust = truthfinder_max_trust;
  if (implication == "gaussian")
    truth_options.implications = et::GaussianImplications(matrix);
  else if (implication == "jaccard")
    truth_options.implications = et::JaccardImplications(matrix);
  else if (implication == "containment")
    truth_options.implications = et::ContainmentImplications(matrix);
  else if (implication != "none")
    throw UsageError("unknown --implication '" + implication + "'");
  int known_objects = 0;
  if (!known_file.empty()) {
    const it::Gold known =
        it::ReadGold(known_file, known_gold_format, read_options.values, &diagnostics);
    truth_options.known = it::KnownFromGold(matrix, known, &diagnostics, &known_objects);
  }
  auto method = et::MakeAlgorithm(algorithm, matrix, truth_options);
  const et::TruthResult result = method->Run();
  const auto t2 = Clock::now();

  int single_claim_sources = 0, single_value_objects = 0;
  for (int s = 0; s < matrix.num_sources(); ++s)
    if (matrix.sc.outerIndexPtr()[s + 1] - matrix.sc.outerIndexPtr()[s] == 1)
      ++single_claim_sources;
  for (int o = 0; o < matrix.num_objects(); ++o)
    if (matrix.ObjectSize(o) == 1) ++single_value_objects;

  std::cout << "claims: " << matrix.entries.size() << "\nsources: " << matrix.num_sources() << " ("
            << single_claim_sources << " with one claim)\nobjects: " << matrix.num_objects() << " ("
            << single_value_objects << " with one value)\n"
            << "algorithm: " << result.method << "\niterations: " << result.iterations
            << "\nconverged: " << (result.converged ? "true" : "false")
            << "\nresidual: " << result.residual << "\n";
  if (!known_file.empty()) std::cout << "known_objects: " << known_objects << "\n";
  for (const std::string& note : result.notes) std::cout << "note: " << note << "\n";
  const double load_s = std::chrono::duration<double>(t1 - t0).count();
  const double run_s = std::chrono::duration<double>(t2 - t1).count();
  std::cout << std::fixed << std::setprecision(3) << "load_seconds: " << load_s
            << "\nload_mb_per_s: " << (load_s > 0 ? bytes / 1e6 / load_s : 0)
            << "\nload_cpu_seconds: " << cpu1 - cpu0
            << "\nload_cpu_mb_per_s: " << (cpu1 > cpu0 ? bytes / 1e6 / (cpu1 - cpu0) : 0)
            << "\nrun_seconds: " << run_s << "\n"
            << std::defaultfloat;

  int status = 0;
  if (!truth_file.empty()) {
    const it::Gold gold = it::ReadGold(truth_file, gold_format, read_options.values, &diagnostics);
    const it::Accuracy accuracy =
        it::MeasureAccuracy(matrix, result, gold, &diagnostics, truth_options.set_values);
    if (accuracy.evaluated == 0) {
      diagnostics.push_back({engine::Diagnostic::Severity::kError, truth_file, 0,
                             "no gold object has claims: accuracy cannot be measured"});
      status = 1;
    } else {
      std::cout << "gold_objects: " << accuracy.evaluated << " (" << accuracy.unknown_objects
                << " without claims)\ncorrect: " << accuracy.correct << "\n"
                << std::setprecision(4) << std::fixed << "accuracy: " << accuracy.accuracy << "\n";
      if (accuracy.items)
        std::cout << "item_precision: " << accuracy.item_precision
                  << "\nitem_recall: " << accuracy.item_recall << "\nitems: " << accuracy.true_items
                  << " right, " << accuracy.false_items << " wrong, " << accuracy.missed_items
                  << " missed\n";
      std::cout << std::defaultfloat;
    }
  }

  if (!output.empty()) {
    Eigen::VectorXd sd;
    if (bootstrap > 1) sd = et::BootstrapTrust(matrix, algorithm, truth_options, {bootstrap, 1});
    std::vector<et::WindowTrust> years;
    if (windows) years = et::TrustByYear(matrix, algorithm, truth_options);
    const auto t3 = Clock::now();
    const double cpu3 = ProcessCpuSeconds();
    const size_t written =
        it::WriteTruthResultJson(output, matrix, *method, result, sd, windows ? &years : nullptr,
                                 truth_options.known, calibration);
    const double write_s = std::chrono::duration<double>(Clock::now() - t3).count();
    const double write_cpu = ProcessCpuSeconds() - cpu3;
    std::cout << std::fixed << std::setprecision(3) << "write_seconds: " << write_s
              << "\nwrite_mb_per_s: " << (write_s > 0 ? written / 1e6 / write_s : 0)
              << "\nwrite_cpu_seconds: " << write_cpu
              << "\nwrite_cpu_mb_per_s: " << (write_cpu > 0 ? written / 1e6 / write_cpu : 0) << "\n"
              << std::defaultfloat;
  }
  PrintDiagnostics(diagnostics, print_limit, omitted_diagnostics);
  if (matrix.entries.empty()) {
    std::cerr << "claimgraph truth: error: no claims were read\n";
    return 1;
  }
  return status;
}

}  // namespace claimgraph::cli
