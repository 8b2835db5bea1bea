// `claimgraph eval stance` and `claimgraph train stance`: measure the stance model on FNC-1 or
// Emergent files, and rebuild the shipped model (engine/stance/default_model.bin) from the FNC-1
// training files. The FNC-1 dev split (fold 0 of 5 by Body ID, fixed seed) is shared by
// `train --exclude-dev` and `eval --dev`, so the two measure a model on bodies it never saw.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <unordered_set>

#include "engine/stance/stance_dataset.h"
#include "engine/stance/stance_metrics.h"
#include "engine/stance/stance_model.h"
#include "engine/stance/stance_trainer.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/stance/stance_readers.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
using engine::StanceDataset;
using engine::StanceLabel;

constexpr int kDevFolds = 5;
constexpr uint64_t kDevSplitSeed = 1234;  // as the official FNC-1 baseline's hold-out split
constexpr uint64_t kCvSeed = 4321;
// Emergent's claim-vs-headline pairs are the claim-vs-claim case the pipeline needs, and a
// twentieth of FNC-1's size: each counts this many FNC-1 pairs in training.
constexpr float kEmergentWeight = 3;
// Emergent has related pairs only; each gets one unrelated partner drawn with this seed.
constexpr uint64_t kUnrelatedSeed = 2016;

po::variables_map Parse(const std::vector<std::string>& args, const po::options_description& desc,
                        const std::string& usage) {
  if (args.empty() || args[0] != "stance") throw UsageError("expected `stance`: " + usage);
  return ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc);
}

// Prints the diagnostics; returns how many were errors.
size_t Report(const engine::Diagnostics& diagnostics) {
  size_t errors = 0;
  for (const auto& d : diagnostics) {
    std::cerr << d.ToString() << "\n";
    if (d.severity == engine::Diagnostic::Severity::kError) ++errors;
  }
  return errors;
}

// The pairs of `data` in (dev = true) or out of the FNC-1 dev split.
StanceDataset DevSplit(const StanceDataset& data, bool dev) {
  const std::vector<int> fold = engine::AssignFolds(data, kDevFolds, kDevSplitSeed);
  std::vector<bool> keep(fold.size());
  for (size_t i = 0; i < fold.size(); ++i) keep[i] = (fold[i] == 0) == dev;
  return engine::Subset(data, keep);
}

void AddTrainerOptions(po::options_description* desc, engine::StanceTrainerOptions* o,
                       float* emergent_weight) {
  // clang-format off
  desc->add_options()
      ("emergent-weight", po::value(emergent_weight)->default_value(*emergent_weight),
       "training weight of an Emergent pair relative to an FNC-1 pair")
      ("epochs", po::value(&o->epochs)->default_value(o->epochs), "training epochs")
      ("hidden", po::value(&o->hidden)->default_value(o->hidden), "hidden units")
      ("vocabulary", po::value(&o->features.vocabulary_size)
           ->default_value(o->features.vocabulary_size), "stems per term-frequency block")
      ("class-weight-power", po::value(&o->class_weight_power)
           ->default_value(o->class_weight_power), "class weights (n / 4 n_c)^power")
      ("seed", po::value(&o->seed)->default_value(o->seed), "random seed")
      ("threads", po::value(&o->threads)->default_value(o->threads), "featurizing threads");
  // clang-format on
}

void PrintScores(const engine::StanceConfusion& c, bool fnc) {
  std::printf("pairs: %ld\n", c.Total());
  if (fnc) {
    std::printf("fnc_score: %.4f\n", c.RelativeFncScore());
    std::printf("fnc_raw: %.2f of %.2f\n", c.FncScore(), c.MaxFncScore());
  }
  std::printf("accuracy: %.4f\n", c.Accuracy());
  std::fputs(c.Report().c_str(), stdout);
}

}  // namespace

int EvalCommand(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "pairs") return EvalPairsCommand(args);
  const std::string usage =
      "claimgraph eval stance --format fnc1 --bodies FILE --stances FILE [--model FILE]\n"
      "       claimgraph eval stance --format emergent --input FILE [--model FILE]";
  std::string format, bodies, stances, input, model_path;
  bool dev = false;
  int cv = 0;
  engine::StanceTrainerOptions trainer;
  float emergent_weight = kEmergentWeight;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("format", po::value(&format), "fnc1 or emergent")
      ("bodies", po::value(&bodies), "FNC-1 bodies CSV (Body ID, articleBody)")
      ("stances", po::value(&stances), "FNC-1 stances CSV (Headline, Body ID, Stance)")
      ("input", po::value(&input),
       "Emergent CSV (claimHeadline, articleHeadline, articleHeadlineStance, claimId)")
      ("model", po::value(&model_path), "stance model file (default: the built-in model)")
      ("dev", po::bool_switch(&dev), "fnc1: score only the dev split (a fifth of the Body IDs)")
      ("cv", po::value(&cv)->default_value(0),
       "emergent: K-fold cross-validation by claim, training a model per fold on the other "
       "folds (plus FNC-1 --bodies/--stances if given)");
  // clang-format on
  AddTrainerOptions(&desc, &trainer, &emergent_weight);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  const po::variables_map vm = Parse(args, desc, usage);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  auto load_model = [&] {
    return model_path.empty() ? engine::DefaultStanceModel()
                              : engine::StanceModel::LoadFile(model_path);
  };
  if (format == "fnc1") {
    if (bodies.empty() || stances.empty())
      throw UsageError("--format fnc1 needs --bodies and --stances");
    io::StanceData data = io::ReadFnc1(bodies, stances);
    const size_t errors = Report(data.diagnostics);
    StanceDataset set = dev ? DevSplit(data.dataset, true) : std::move(data.dataset);
    if (set.pairs.empty()) throw std::runtime_error(stances + ": no pairs to score");
    const engine::StanceModel model = load_model();
    const auto predictions = engine::PredictStances(model, set, trainer.threads);
    engine::StanceConfusion confusion;
    for (size_t i = 0; i < set.pairs.size(); ++i)
      confusion.Add(set.pairs[i].label, predictions[i].label);
    PrintScores(confusion, true);
    return errors > 0 ? 1 : 0;
  }
  if (format == "emergent") {
    if (input.empty()) throw UsageError("--format emergent needs --input");
    io::StanceData data = io::ReadEmergent(input);
    size_t errors = Report(data.diagnostics);
    const StanceDataset& set = data.dataset;
    if (set.pairs.empty()) throw std::runtime_error(input + ": no pairs to score");
    engine::StanceConfusion confusion(3);
    if (cv <= 0) {
      const engine::StanceModel model = load_model();
      const auto predictions = engine::PredictStances(model, set, trainer.threads);
      for (size_t i = 0; i < set.pairs.size(); ++i) {
        confusion.Add(set.pairs[i].label, predictions[i].RelatedLabel());
      }
    } else {
      if (cv < 2) throw UsageError("--cv needs at least 2 folds");
      StanceDataset fnc;
      if (!bodies.empty() || !stances.empty()) {
        if (bodies.empty() || stances.empty())
          throw UsageError("--cv with FNC-1 needs --bodies and --stances");
        io::StanceData f = io::ReadFnc1(bodies, stances);
        errors += Report(f.diagnostics);
        fnc = std::move(f.dataset);
      }
      const std::vector<int> fold = engine::AssignFolds(set, cv, kCvSeed);
      for (int k = 0; k < cv; ++k) {
        std::vector<bool> train_keep(fold.size()), test_keep(fold.size());
        std::unordered_set<std::string> held_out;
        for (size_t i = 0; i < fold.size(); ++i) {
          train_keep[i] = fold[i] != k;
          test_keep[i] = fold[i] == k;
          if (test_keep[i]) {
            held_out.insert(set.claims[set.pairs[i].claim]);
            held_out.insert(set.others[set.pairs[i].other]);
          }
        }
        // FNC-1 headlines are Emergent article headlines: leave out those of held-out claims.
        std::vector<bool> fnc_keep(fnc.pairs.size());
        for (size_t i = 0; i < fnc.pairs.size(); ++i) {
          fnc_keep[i] = held_out.count(fnc.claims[fnc.pairs[i].claim]) == 0;
        }
        StanceDataset train = engine::Subset(fnc, fnc_keep);
        StanceDataset emergent_train = engine::Subset(set, train_keep);
        engine::AddUnrelatedPairs(&emergent_train, 1, kUnrelatedSeed);
        train.Append(emergent_train, emergent_weight);
        const StanceDataset test = engine::Subset(set, test_keep);
        const auto trained = engine::TrainStanceModel(train, trainer);
        const auto predictions = engine::PredictStances(trained.model, test, trainer.threads);
        engine::StanceConfusion fold_confusion(3);
        for (size_t i = 0; i < test.pairs.size(); ++i) {
          confusion.Add(test.pairs[i].label, predictions[i].RelatedLabel());
          fold_confusion.Add(test.pairs[i].label, predictions[i].RelatedLabel());
        }
        std::printf("fold %d: pairs %ld accuracy %.4f (trained on %zu pairs)\n", k,
                    fold_confusion.Total(), fold_confusion.Accuracy(), train.pairs.size());
      }
    }
    PrintScores(confusion, false);
    return errors > 0 ? 1 : 0;
  }
  throw UsageError(format.empty() ? "--format is required (fnc1 or emergent)"
                                  : "unknown --format '" + format + "' (fnc1 or emergent)");
}

int TrainCommand(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "pairs") return TrainPairsCommand(args);
  const std::string usage =
      "claimgraph train stance --bodies FILE --stances FILE [--emergent FILE] [-o MODEL]";
  std::string bodies, stances, emergent, output = "stance-model.bin";
  bool exclude_dev = false;
  engine::StanceTrainerOptions trainer;
  float emergent_weight = kEmergentWeight;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("bodies", po::value(&bodies), "FNC-1 bodies CSV (Body ID, articleBody)")
      ("stances", po::value(&stances), "FNC-1 stances CSV (Headline, Body ID, Stance)")
      ("emergent", po::value(&emergent),
       "also train on this Emergent CSV (claim vs headline; each pair also gives an unrelated "
       "pair with another claim's headline)")
      ("output,o", po::value(&output)->default_value(output), "model file to write")
      ("exclude-dev", po::bool_switch(&exclude_dev),
       "leave out the FNC-1 dev split (for measuring with `eval stance --dev`)");
  // clang-format on
  AddTrainerOptions(&desc, &trainer, &emergent_weight);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  const po::variables_map vm = Parse(args, desc, usage);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  if (bodies.empty() || stances.empty()) throw UsageError("--bodies and --stances are required");
  io::StanceData data = io::ReadFnc1(bodies, stances);
  size_t errors = Report(data.diagnostics);
  StanceDataset train = exclude_dev ? DevSplit(data.dataset, false) : std::move(data.dataset);
  if (!emergent.empty()) {
    io::StanceData e = io::ReadEmergent(emergent);
    errors += Report(e.diagnostics);
    engine::AddUnrelatedPairs(&e.dataset, 1, kUnrelatedSeed);
    train.Append(e.dataset, emergent_weight);
  }
  if (train.pairs.empty()) throw std::runtime_error(stances + ": no training pairs");
  const auto result = engine::TrainStanceModel(train, trainer);
  result.model.SaveFile(output);
  std::printf(
      "pairs: %zu\nepochs: %d\nfinal_loss: %.4f\nfeaturize_seconds: %.1f\n"
      "train_seconds: %.1f\nmodel: %s\n",
      train.pairs.size(), result.epochs, result.epoch_loss.empty() ? 0.0 : result.epoch_loss.back(),
      result.featurize_seconds, result.train_seconds, output.c_str());
  return errors > 0 ? 1 : 0;
}

}  // namespace claimgraph::cli
