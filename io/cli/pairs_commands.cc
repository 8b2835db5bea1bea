// `claimgraph eval pairs` and `claimgraph train pairs`: measure and rebuild the pair model
// (engine/proposition/pair_model.h) on labelled sentence pairs — SICK (--format sick) and the
// team's real news pairs (--format tsv: a, b, label; samples/polnear_pairs.py writes them).
#include <array>
#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "engine/proposition/pair_model.h"
#include "engine/proposition/proposition.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/pairs/pair_readers.h"
#include "io/stance/stance_readers.h"
#include "io/wordnet_loader.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
using engine::PairRelation;
constexpr int kK = engine::kNumPairRelations;

size_t PrintDiagnostics(const engine::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.ToString() << "\n";
  return diagnostics.size();
}

io::PairData ReadPairs(const std::string& format, const std::string& path,
                       const std::vector<std::string>& portions) {
  if (format == "sick") return io::ReadSickPairs(path, portions);
  if (format == "tsv") return io::ReadTsvPairs(path);
  throw UsageError(format.empty() ? "--format is required (sick or tsv)"
                                  : "unknown --format '" + format + "' (sick or tsv)");
}

engine::Alignment AlignTexts(const std::string& a, const std::string& b,
                             const engine::WordNet& wn) {
  return engine::Align(engine::BuildProposition(a, &wn), engine::BuildProposition(b, &wn), &wn);
}

void PrintScores(const std::array<std::array<long, kK>, kK>& confusion) {
  long total = 0, right = 0;
  for (int g = 0; g < kK; ++g)
    for (int q = 0; q < kK; ++q) total += confusion[g][q], right += g == q ? confusion[g][q] : 0;
  std::printf("pairs: %ld\n", total);
  std::printf("accuracy: %.4f\n", total ? static_cast<double>(right) / total : 0.0);
  std::printf("%-11s %9s %9s %9s %7s\n", "class", "precision", "recall", "f1", "gold");
  for (int k = 0; k < kK; ++k) {
    long gold = 0, pred = 0;
    for (int j = 0; j < kK; ++j) gold += confusion[k][j], pred += confusion[j][k];
    if (gold == 0 && pred == 0) continue;
    const double p = pred ? static_cast<double>(confusion[k][k]) / pred : 0;
    const double r = gold ? static_cast<double>(confusion[k][k]) / gold : 0;
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("%-11s %9.4f %9.4f %9.4f %7ld\n",
                std::string(engine::ToString(static_cast<PairRelation>(k))).c_str(), p, r, f1,
                gold);
  }
  std::printf(
      "confusion (rows gold, columns predicted: agree contradict update related "
      "unrelated)\n");
  for (int g = 0; g < kK; ++g) {
    std::printf("%-11s", std::string(engine::ToString(static_cast<PairRelation>(g))).c_str());
    for (int q = 0; q < kK; ++q) std::printf(" %6ld", confusion[g][q]);
    std::printf("\n");
  }
}

}  // namespace

int EvalPairsCommand(const std::vector<std::string>& args) {
  const std::string usage =
      "claimgraph eval pairs --format sick|tsv --input FILE [--portion TRAIN|TRIAL] "
      "[--model FILE] [--show N]";
  std::string format, input, model_path;
  std::vector<std::string> portions;
  int show = 0;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("format", po::value(&format), "sick (SICK.txt) or tsv (a, b, label)")
      ("input", po::value(&input), "the pairs file")
      ("portion", po::value(&portions)->multitoken(),
       "SICK only: keep rows of these SemEval_set portions (TRAIN, TRIAL)")
      ("model", po::value(&model_path), "pair model file (default: the shipped model)")
      ("show", po::value(&show)->default_value(0), "print the first N wrong predictions");
  // clang-format on
  const auto vm = ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc);
  if (vm.count("help")) {
    std::cout << usage << "\n\n" << desc;
    return 0;
  }
  if (input.empty()) throw UsageError("--input is required: " + usage);
  const io::PairData data = ReadPairs(format, input, portions);
  const size_t bad = PrintDiagnostics(data.diagnostics);
  engine::PairModel loaded;
  if (!model_path.empty()) {
    std::ifstream in(model_path);
    if (!in) throw std::runtime_error(model_path + ": cannot open");
    loaded = engine::PairModel::Load(in, model_path);
  }
  const engine::PairModel& model = model_path.empty() ? engine::DefaultPairModel() : loaded;
  const engine::WordNet& wn = io::SharedWordNet();
  if (wn.empty()) std::cerr << "warning: WordNet not found in " << io::DefaultWordNetDir() << "\n";
  const bool sick = format == "sick";
  std::array<std::array<long, kK>, kK> confusion{};
  int shown = 0;
  for (const auto& p : data.pairs) {
    const engine::Alignment al = AlignTexts(p.a, p.b, wn);
    engine::PairDecision d = engine::DecidePair(al, model);
    PairRelation predicted = d.relation;
    if (sick && (predicted == PairRelation::kUpdate || predicted == PairRelation::kUnrelated))
      predicted = PairRelation::kRelated;  // SICK knows entailment, contradiction, neutral
    ++confusion[static_cast<int>(p.label)][static_cast<int>(predicted)];
    if (predicted != p.label && shown < show) {
      ++shown;
      std::cout << input << ":" << p.line << ": gold " << engine::ToString(p.label)
                << ", predicted " << engine::ToString(predicted) << "\n  A: " << p.a
                << "\n  B: " << p.b << "\n";
      for (const auto& r : d.reasons) std::cout << "  - " << r << "\n";
      std::cout << "  A = " << engine::BuildProposition(p.a, &wn).Summary()
                << "\n  B = " << engine::BuildProposition(p.b, &wn).Summary() << "\n";
    }
  }
  PrintScores(confusion);
  return bad > 0 && data.pairs.empty() ? 1 : 0;
}

int TrainPairsCommand(const std::vector<std::string>& args) {
  const std::string usage =
      "claimgraph train pairs --sick FILE [--tsv FILE] [--emergent FILE] [-o MODEL]";
  std::string sick_path, tsv_path, emergent_path, output = "pair_model.txt";
  float tsv_weight = 4, emergent_weight = 0.5f;
  int cv = 0;
  engine::PairTrainerOptions o;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("sick", po::value(&sick_path), "SICK.txt: its TRAIN portion is used (TRIAL held out)")
      ("tsv", po::value(&tsv_path), "real news pairs (a, b, label): the dev part only")
      ("tsv-weight", po::value(&tsv_weight)->default_value(tsv_weight),
       "training weight of a real news pair relative to a SICK pair")
      ("emergent", po::value(&emergent_path), "Emergent train.csv (claim vs headline)")
      ("emergent-weight", po::value(&emergent_weight)->default_value(emergent_weight),
       "training weight of an Emergent pair")
      ("epochs", po::value(&o.epochs)->default_value(o.epochs), "training epochs")
      ("hidden", po::value(&o.hidden)->default_value(o.hidden), "hidden units")
      ("seed", po::value(&o.seed)->default_value(o.seed), "random seed")
      ("cv", po::value(&cv)->default_value(0),
       "instead of writing a model: K-fold cross-validation on the --tsv pairs (the other "
       "training sets always in), printing the pooled scores")
      ("output,o", po::value(&output)->default_value(output), "model file to write");
  // clang-format on
  const auto vm = ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc);
  if (vm.count("help")) {
    std::cout << usage << "\n\n" << desc;
    return 0;
  }
  if (sick_path.empty() && tsv_path.empty()) throw UsageError("--sick or --tsv is required");
  const engine::WordNet& wn = io::SharedWordNet();
  if (wn.empty()) std::cerr << "warning: WordNet not found in " << io::DefaultWordNetDir() << "\n";
  std::vector<engine::PairExample> examples;
  size_t bad = 0;
  auto add = [&](const io::PairData& data, float weight) {
    bad += PrintDiagnostics(data.diagnostics);
    for (const auto& p : data.pairs) {
      engine::PairExample e;
      e.features = AlignTexts(p.a, p.b, wn).features;
      e.label = p.label;
      e.weight = weight;
      examples.push_back(e);
    }
    return data.pairs.size();
  };
  if (!sick_path.empty())
    std::printf("sick pairs: %zu\n", add(io::ReadSickPairs(sick_path, {"TRAIN"}), 1));
  const size_t tsv_first = examples.size();
  std::vector<engine::Alignment> tsv_alignments;
  if (!tsv_path.empty()) {
    const io::PairData data = io::ReadTsvPairs(tsv_path);
    std::printf("tsv pairs: %zu\n", add(data, tsv_weight));
    for (const auto& p : data.pairs) tsv_alignments.push_back(AlignTexts(p.a, p.b, wn));
  }
  const size_t tsv_end = examples.size();
  if (!emergent_path.empty()) {
    const io::StanceData em = io::ReadEmergent(emergent_path);
    bad += PrintDiagnostics(em.diagnostics);
    io::PairData data;
    for (const auto& p : em.dataset.pairs) {
      io::LabelledPair lp;
      lp.a = em.dataset.claims[p.claim];
      lp.b = em.dataset.others[p.other];
      lp.label = p.label == engine::StanceLabel::kAgree      ? PairRelation::kAgree
                 : p.label == engine::StanceLabel::kDisagree ? PairRelation::kContradict
                                                             : PairRelation::kRelated;
      data.pairs.push_back(std::move(lp));
    }
    std::printf("emergent pairs: %zu\n", add(data, emergent_weight));
  }
  if (cv > 1) {
    // Fold k holds the real pairs with index % cv == k; each is predicted by a model that never
    // saw it.
    std::array<std::array<long, kK>, kK> confusion{};
    for (int k = 0; k < cv; ++k) {
      std::vector<engine::PairExample> train;
      for (size_t i = 0; i < examples.size(); ++i)
        if (i < tsv_first || i >= tsv_end || static_cast<int>((i - tsv_first) % cv) != k)
          train.push_back(examples[i]);
      const engine::PairModel fold_model = engine::PairModel::Train(train, o);
      for (size_t i = tsv_first; i < tsv_end; ++i) {
        if (static_cast<int>((i - tsv_first) % cv) != k) continue;
        const auto d = engine::DecidePair(tsv_alignments[i - tsv_first], fold_model);
        ++confusion[static_cast<int>(examples[i].label)][static_cast<int>(d.relation)];
      }
    }
    PrintScores(confusion);
    return 0;
  }
  std::vector<double> loss;
  const engine::PairModel model = engine::PairModel::Train(examples, o, &loss);
  std::ofstream out(output);
  if (!out) throw std::runtime_error(output + ": cannot write");
  model.Save(out);
  std::printf("epochs: %zu, last loss: %.4f\nmodel: %s\n", loss.size(),
              loss.empty() ? 0.0 : loss.back(), output.c_str());
  return 0;
}

}  // namespace claimgraph::cli
