// `claimgraph truth`: truth discovery on structured claims (DESIGN.md, Command line). Reads claims
// (DAFNA, source,object,value[,time] CSV, or joesingo's claim matrix), runs one method, prints a
// summary (and `accuracy: <0..1>` against --truth), and writes the JSON result with -o.
#include <boost/program_options.hpp>
#include <chrono>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/truth/source_report.h"
#include "engine/truth/truth_discovery.h"
#include "engine/truth/truth_finder.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/report/escape.h"
#include "io/truth/claim_readers.h"
#include "io/truth/gold.h"

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
// every fresh 4 KB page costs a page fault (a fifth of the time of a Weather run).
void ReuseFreedMemory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: blocks below it come from the heap
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

// JSON numbers must be finite.
double Finite(double x) { return std::isfinite(x) ? x : 0.0; }

}  // namespace

int TruthCommand(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string format = "dafna", algorithm, truth_file, truth_format = "auto", output, values,
              implication = "none";
  int max_iterations = 0, bootstrap = -1, max_diagnostics = 20;
  double tolerance = -1, half_life = 0;
  bool windows = false;
  po::options_description options(
      "claimgraph truth --input FILE... [--format dafna|csv|matrix] --algorithm NAME "
      "[--truth GOLD] [-o FILE]\n\nTruth discovery on structured claims. Options");
  options.add_options()("help,h", "show this help")("input,i", po::value(&inputs)->multitoken(),
                                                    "claim file(s); all are read into one matrix")(
      "format,f", po::value(&format)->default_value("dafna"),
      "dafna | csv (source,object,value[,time] with a header) | matrix (rows = sources, columns "
      "= variables, as joesingo/truthdiscovery)")(
      "algorithm,a", po::value(&algorithm)->default_value("accu"),
      "voting | sums | average-log | investment | pooled-investment | truthfinder | crh | accu | "
      "ltm (Latent Truth Model; with --values authors, author by author). The default, accu, "
      "is above voting on every set in docs/EVALUATION.md")(
      "truth,t", po::value(&truth_file), "gold file; prints accuracy: <0..1>")(
      "truth-format", po::value(&truth_format)->default_value("auto"),
      "auto | csv (object,value with a header) | dafna | population (popAnswersOut.txt) | book "
      "(book_golden.csv)")(
      "values", po::value(&values)->default_value("auto"),
      "auto (numbers as numbers, text folded) | authors (author lists as sets of names, Book)")(
      "output,o", po::value(&output), "write the result as JSON")(
      "implication", po::value(&implication)->default_value("none"),
      "truthfinder's implication between values of an object: none | gaussian "
      "(exp(-0.5 d^2) between numbers) | jaccard (word overlap - 0.5) | containment (share of a's "
      "words in b - 0.5)")("max-iterations", po::value(&max_iterations),
                           "iteration limit (default: the method's)")(
      "tolerance", po::value(&tolerance),
      "stop when the residual falls below this (default: the method's; 0 = fixed iterations)")(
      "bootstrap", po::value(&bootstrap),
      "resamples for each source's trust uncertainty (default 10 with -o, else 0)")(
      "windows", po::bool_switch(&windows), "also score each calendar year of the claims' times")(
      "half-life", po::value(&half_life),
      "time decay: a claim's weight halves every this many days before the latest claim")(
      "max-diagnostics", po::value(&max_diagnostics)->default_value(20),
      "how many diagnostics to print");
  const po::variables_map vm = ParseCommandLine(args, options);
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (inputs.empty()) throw UsageError("--input is required");
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
  if (bootstrap < 0) bootstrap = output.empty() ? 0 : 10;

  ReuseFreedMemory();
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
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

  et::TruthOptions truth_options;
  truth_options.max_iterations = max_iterations;
  truth_options.tolerance = tolerance;
  truth_options.set_values = read_options.values == it::ValueKind::kAuthorList;
  if (implication == "gaussian")
    truth_options.implications = et::GaussianImplications(matrix);
  else if (implication == "jaccard")
    truth_options.implications = et::JaccardImplications(matrix);
  else if (implication == "containment")
    truth_options.implications = et::ContainmentImplications(matrix);
  else if (implication != "none")
    throw UsageError("unknown --implication '" + implication + "'");
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
  for (const std::string& note : result.notes) std::cout << "note: " << note << "\n";
  const double load_s = std::chrono::duration<double>(t1 - t0).count();
  const double run_s = std::chrono::duration<double>(t2 - t1).count();
  std::cout << std::fixed << std::setprecision(3) << "load_seconds: " << load_s
            << "\nload_mb_per_s: " << (load_s > 0 ? bytes / 1e6 / load_s : 0)
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
    nlohmann::json j;
    j["method"] = result.method;
    j["iterations"] = result.iterations;
    j["converged"] = result.converged;
    j["residual"] = Finite(result.residual);
    nlohmann::json trust = nlohmann::json::object(), belief = nlohmann::json::object(),
                   truth = nlohmann::json::object(), objects = nlohmann::json::object();
    for (int s = 0; s < matrix.num_sources(); ++s)
      trust[matrix.sources[s]] = Finite(result.trust[s]);
    for (int o = 0; o < matrix.num_objects(); ++o) {
      nlohmann::json b = nlohmann::json::object();
      for (int c = matrix.object_begin[o]; c < matrix.object_begin[o + 1]; ++c)
        b[matrix.values[c]] = Finite(result.belief[c]);
      belief[matrix.objects[o]] = std::move(b);
      if (result.truth[o] >= 0) {
        const std::string value = et::ChosenValue(matrix, result, o);
        truth[matrix.objects[o]] = value;
        objects[matrix.objects[o]] = {{"value", value},
                                      {"confidence", Finite(result.confidence[o])}};
      }
    }
    j["trust"] = std::move(trust);
    j["belief"] = std::move(belief);
    j["truth"] = std::move(truth);
    j["objects"] = std::move(objects);
    const auto evidence = et::CountEvidence(matrix, &result);
    Eigen::VectorXd sd;
    if (bootstrap > 1) sd = et::BootstrapTrust(matrix, algorithm, truth_options, {bootstrap, 1});
    nlohmann::json sources = nlohmann::json::array();
    for (int s = 0; s < matrix.num_sources(); ++s)
      sources.push_back({{"name", matrix.sources[s]},
                         {"trust", Finite(result.trust[s])},
                         {"uncertainty", sd.size() ? Finite(sd[s]) : 0.0},
                         {"claims", evidence[s].claims},
                         {"corroborated", evidence[s].corroborated},
                         {"contradicted", evidence[s].contradicted},
                         {"chosen", evidence[s].chosen}});
    j["sources"] = std::move(sources);
    if (windows) {
      nlohmann::json w = nlohmann::json::object();
      for (const et::WindowTrust& window : et::TrustByYear(matrix, algorithm, truth_options)) {
        nlohmann::json t = nlohmann::json::object();
        for (int s = 0; s < matrix.num_sources(); ++s)
          if (window.claims[s] > 0) t[matrix.sources[s]] = Finite(window.trust[s]);
        w[window.window] = std::move(t);
      }
      j["windows"] = std::move(w);
    }
    std::ofstream out(output);
    if (!out) throw std::runtime_error(output + ": cannot write");
    out << j.dump(1) << "\n";
    if (!out) throw std::runtime_error(output + ": write failed");
  }
  PrintDiagnostics(diagnostics, print_limit, omitted_diagnostics);
  if (matrix.entries.empty()) {
    std::cerr << "claimgraph truth: error: no claims were read\n";
    return 1;
  }
  return status;
}

}  // namespace claimgraph::cli
