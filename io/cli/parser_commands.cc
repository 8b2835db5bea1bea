// `claimgraph train parser` and `claimgraph eval parser`: rebuild the dependency parser's model
// (engine/nlp/parser_model.bin) from CoreNLP's parses of the PolNeAR training articles, and
// measure a model's unlabelled and labelled attachment against CoreNLP on the dev articles.
#include <array>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "engine/nlp/dependency_parser.h"
#include "engine/nlp/nlp_models.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/nlp/conll_reader.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
using engine::nlp::AnnotatedDocument;

void PrintDiagnostics(const engine::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.ToString() << "\n";
}

std::vector<AnnotatedDocument> ReadDocuments(const std::string& dir, size_t limit) {
  io::ConllDocuments read = io::ReadConllDirectory(dir);
  PrintDiagnostics(read.diagnostics);
  if (limit > 0 && read.documents.size() > limit) read.documents.resize(limit);
  return std::move(read.documents);
}

engine::nlp::ParserModel LoadModel(const std::string& path) {
  if (path.empty()) return engine::nlp::DefaultParserModel();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the parser model");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return engine::nlp::ParserModel::Deserialize(bytes);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

// Writes `bytes` to `path` through a temporary file renamed into place.
void WriteFile(const std::string& path, const std::string& bytes) {
  {
    std::ofstream out(path + ".tmp", std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error(path + ": cannot write");
  }
  std::filesystem::rename(path + ".tmp", path);
}

// Replaces the documents' POS tags by the tagger's ("predicted"), or keeps CoreNLP's ("gold").
void ApplyTags(const std::string& tags, const std::string& nlp_model,
               std::vector<AnnotatedDocument>* docs) {
  if (tags == "gold") return;
  if (tags == "jackknife") {
    // Each quarter of the documents tagged by a POS tagger trained on the other three (with the
    // shipped tagger's options), so the parser learns from tagging errors like those it will see.
    constexpr size_t kFolds = 4;
    engine::nlp::TaggerTrainOptions options;
    options.prune = 1.0f;
    for (size_t fold = 0; fold < kFolds; ++fold) {
      std::vector<AnnotatedDocument> rest;
      for (size_t d = 0; d < docs->size(); ++d) {
        if (d % kFolds != fold) rest.push_back((*docs)[d]);
      }
      const auto tagger =
          engine::nlp::SequenceTagger::Train(engine::nlp::TagLayer::kPos, rest, options);
      for (size_t d = fold; d < docs->size(); d += kFolds) tagger.Tag(&(*docs)[d]);
    }
    return;
  }
  if (tags != "predicted") throw UsageError("--tags is gold, predicted or jackknife");
  const engine::nlp::NlpModels loaded =
      nlp_model.empty() ? engine::nlp::NlpModels() : engine::nlp::NlpModels::LoadFile(nlp_model);
  const engine::nlp::NlpModels& models =
      nlp_model.empty() ? engine::nlp::DefaultNlpModels() : loaded;
  for (AnnotatedDocument& doc : *docs) models.pos.Tag(&doc);
}

void PrintProgress(int epoch, size_t moves, size_t errors, void*) {
  std::fprintf(stderr, "epoch %d: %zu moves, %.2f%% wrong\n", epoch + 1, moves,
               moves ? 100.0 * errors / moves : 0.0);
}

}  // namespace

int TrainParserCommand(const std::vector<std::string>& args) {
  const std::string usage = "claimgraph train parser --train DIR [-o MODEL]";
  std::string train_dir, output = "parser-model.bin", tags = "gold", nlp_model;
  size_t limit = 0;
  engine::nlp::ParserTrainOptions options;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("train", po::value(&train_dir), "directory of CoNLL files (polnear-corenlp/train)")
      ("output,o", po::value(&output)->default_value(output), "model file to write")
      ("epochs", po::value(&options.epochs)->default_value(options.epochs), "training epochs")
      ("seed", po::value(&options.seed)->default_value(options.seed), "random seed")
      ("static-oracle", "train on the gold moves only (no exploration)")
      ("prune", po::value(&options.prune)->default_value(options.prune),
       "drop averaged weights smaller than this")
      ("limit", po::value(&limit)->default_value(0), "read only the first N files (0: all)")
      ("tags", po::value(&tags)->default_value(tags),
       "POS tags to train on: gold (CoreNLP's), predicted (the tagger's) or jackknife (4-fold)")
      ("nlp-model", po::value(&nlp_model), "NLP model whose tagger predicts (default: built-in)")
      ("also-prune", po::value(&options.alternative_prunes)->multitoken(),
       "also write MODEL.prune-X for each X (the same run pruned at X)");
  // clang-format on
  const po::variables_map vm =
      ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  if (train_dir.empty()) throw UsageError("--train is required");
  if (vm.count("static-oracle")) options.dynamic_oracle = false;
  options.progress = PrintProgress;
  auto docs = ReadDocuments(train_dir, limit);
  ApplyTags(tags, nlp_model, &docs);
  const auto start = std::chrono::steady_clock::now();
  const auto result = engine::nlp::TrainParser(docs, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string bytes = result.model.Serialize();
  WriteFile(output, bytes);
  for (const auto& [prune, model] : result.alternatives) {
    const std::string path = output + ".prune-" + std::to_string(prune);
    const std::string alternative = model.Serialize();
    WriteFile(path, alternative);
    std::printf("alternative: %s (%zu move features, %zu label features, %zu bytes)\n",
                path.c_str(), model.move_rows(), model.label_rows(), alternative.size());
  }
  std::printf(
      "sentences: %zu\nnon_projective_skipped: %zu\nmalformed_skipped: %zu\n"
      "trained_sentences: %zu\ntrained_words: %zu\nmove_features: %zu\nlabel_features: %zu\n"
      "labels: %zu\nbytes: %zu\ntrain_seconds: %.1f\nmodel: %s\n",
      result.sentences, result.non_projective, result.malformed, result.trained_sentences,
      result.trained_words, result.move_rows, result.label_rows, result.model.labels().size(),
      bytes.size(), seconds, output.c_str());
  return 0;
}

int EvalParserCommand(const std::vector<std::string>& args) {
  const std::string usage = "claimgraph eval parser --dev DIR [--model MODEL]";
  std::string dev_dir, model_path, tags = "gold", nlp_model;
  size_t limit = 0;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("dev", po::value(&dev_dir), "directory of CoNLL files (polnear-corenlp/dev)")
      ("model", po::value(&model_path), "parser model file (default: the built-in model)")
      ("limit", po::value(&limit)->default_value(0), "read only the first N files (0: all)")
      ("tags", po::value(&tags)->default_value(tags),
       "POS tags the parser sees: gold (CoreNLP's) or predicted (the tagger's)")
      ("nlp-model", po::value(&nlp_model), "NLP model whose tagger predicts (default: built-in)")
      ("by-relation", "also print attachment by CoreNLP's relation");
  // clang-format on
  const po::variables_map vm =
      ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  if (dev_dir.empty()) throw UsageError("--dev is required");
  const engine::nlp::ParserModel model = LoadModel(model_path);
  const auto gold = ReadDocuments(dev_dir, limit);
  auto predicted = gold;
  ApplyTags(tags, nlp_model, &predicted);
  for (auto& doc : predicted) {
    for (auto& t : doc.tokens) {
      t.head = -1;
      t.deprel.clear();
    }
  }
  engine::nlp::ParseStats stats;
  const auto start = std::chrono::steady_clock::now();
  for (auto& doc : predicted) engine::nlp::ParseDocument(model, doc, &stats);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  engine::nlp::AttachmentScores scores;
  for (size_t i = 0; i < gold.size(); ++i) ScoreAttachment(gold[i], predicted[i], &scores);
  std::printf(
      "documents: %zu\nsentences: %zu\nwords: %zu\nscored_words: %zu\n"
      "uas: %.4f\nlas: %.4f\nuas_with_punct: %.4f\nlas_with_punct: %.4f\n"
      "parse_seconds: %.2f\nwords_per_second: %.0f\n",
      gold.size(), stats.sentences, stats.words, scores.without_punctuation.words,
      scores.without_punctuation.uas(), scores.without_punctuation.las(), scores.all.uas(),
      scores.all.las(), seconds, seconds > 0 ? stats.words / seconds : 0.0);
  if (vm.count("by-relation")) {
    // relation -> (words, right head, right head and label)
    std::map<std::string, std::array<size_t, 3>> by;
    for (size_t d = 0; d < gold.size(); ++d) {
      for (size_t i = 0; i < gold[d].tokens.size(); ++i) {
        const auto& g = gold[d].tokens[i];
        const auto& p = predicted[d].tokens[i];
        auto& row = by[g.deprel];
        ++row[0];
        row[1] += g.head == p.head;
        row[2] += g.head == p.head && g.deprel == p.deprel;
      }
    }
    std::printf("relation\twords\tuas\tlas\n");
    for (const auto& [relation, row] : by) {
      std::printf("%s\t%zu\t%.4f\t%.4f\n", relation.c_str(), row[0],
                  static_cast<double>(row[1]) / row[0], static_cast<double>(row[2]) / row[0]);
    }
  }
  return 0;
}

}  // namespace claimgraph::cli
