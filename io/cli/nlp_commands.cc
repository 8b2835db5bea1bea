// `claimgraph train nlp` and `claimgraph eval syntax`: rebuild the linguistic layer's token-level
// models (engine/nlp/nlp_models.h) from CoreNLP's CoNLL annotations of the PolNeAR training
// articles and WordNet, and measure tokens, sentences, POS, lemmas and NER (and attachment, once
// a parser fills heads) against the dev articles.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "engine/nlp/annotator.h"
#include "engine/nlp/nlp_models.h"
#include "engine/nlp/ptb_tokenizer.h"
#include "engine/nlp/syntax_eval.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/subcommands.h"
#include "io/nlp/conll_reader.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
using engine::nlp::AnnotatedDocument;

size_t Report(const engine::Diagnostics& diagnostics) {
  size_t errors = 0;
  for (const auto& d : diagnostics) {
    std::cerr << d.ToString() << "\n";
    if (d.severity == engine::Diagnostic::Severity::kError) ++errors;
  }
  return errors;
}

bool WantsHelp(const std::vector<std::string>& args) {
  return !args.empty() && (args[0] == "--help" || args[0] == "-h");
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int TrainNlpCommand(const std::vector<std::string>& args) {
  const std::string usage =
      "claimgraph train nlp --conll DIR [--text DIR] [--wordnet DIR] [-o MODEL]";
  std::string conll, text, wordnet = "/usr/share/wordnet", output = "nlp-model.bin";
  engine::nlp::TaggerTrainOptions pos_options, ner_options;
  int lemma_min_count = 2;
  std::vector<float> alternative_prunes;
  bool verbose = false;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("conll", po::value(&conll), "directory of CoreNLP CoNLL files to train on")
      ("text", po::value(&text), "directory of the articles (NAME.txt) the CoNLL offsets point into")
      ("wordnet", po::value(&wordnet)->default_value(wordnet),
       "WordNet dictionary directory (noun.exc, index.noun, ...; Debian wordnet-base)")
      ("output,o", po::value(&output)->default_value(output), "model file to write")
      ("pos-epochs", po::value(&pos_options.epochs)->default_value(pos_options.epochs),
       "POS tagger training epochs")
      ("ner-epochs", po::value(&ner_options.epochs)->default_value(ner_options.epochs),
       "NER tagger training epochs")
      ("seed", po::value(&pos_options.seed)->default_value(pos_options.seed),
       "seed of the sentence order")
      ("pos-prune", po::value(&pos_options.prune)->default_value(pos_options.prune),
       "drop POS weights smaller than this")
      ("ner-prune", po::value(&ner_options.prune)->default_value(ner_options.prune),
       "drop NER weights smaller than this")
      ("also-prune", po::value(&alternative_prunes)->multitoken(),
       "also write MODEL.prune-X for each X (both taggers of the same run pruned at X)")
      ("lemma-min-count", po::value(&lemma_min_count)->default_value(lemma_min_count),
       "corpus occurrences for a learned lemma exception")
      ("verbose,v", po::bool_switch(&verbose), "print training accuracy per epoch");
  // clang-format on
  if (WantsHelp(args)) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  ParseCommandLine(args, desc);
  if (conll.empty()) throw UsageError("--conll is required");
  ner_options.seed = pos_options.seed;
  if (verbose) pos_options.log = ner_options.log = &std::cerr;

  const auto start = std::chrono::steady_clock::now();
  io::ConllDocuments data = io::ReadConllDirectory(conll, text);
  const size_t errors = Report(data.diagnostics);
  size_t tokens = 0, sentences = 0;
  for (const AnnotatedDocument& d : data.documents) {
    tokens += d.tokens.size();
    sentences += d.sentences.size();
  }
  if (tokens == 0) throw std::runtime_error(conll + ": no training tokens");

  engine::nlp::NlpModels models;
  models.pos =
      engine::nlp::SequenceTagger::Train(engine::nlp::TagLayer::kPos, data.documents, pos_options);
  models.ner =
      engine::nlp::SequenceTagger::Train(engine::nlp::TagLayer::kNer, data.documents, ner_options);
  models.lemmatizer = engine::nlp::Lemmatizer::FromWordNet(wordnet);
  models.lemmatizer.LearnExceptions(data.documents, lemma_min_count);
  const std::string bytes = models.Serialize();

  // Written beside the target and renamed over it: a failed run leaves the old model intact.
  const auto write = [](const std::string& path, const std::string& contents) {
    const std::string temporary = path + ".tmp";
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
      if (!out.flush()) throw std::runtime_error("cannot write " + temporary);
    }
    std::filesystem::rename(temporary, path);
  };
  write(output, bytes);
  for (const float prune : alternative_prunes) {
    engine::nlp::NlpModels pruned = models;
    pruned.pos = models.pos.Pruned(prune);
    pruned.ner = models.ner.Pruned(prune);
    const std::string path = output + ".prune-" + std::to_string(prune);
    const std::string alternative = pruned.Serialize();
    write(path, alternative);
    std::printf("alternative: %s (pos_weights %zu, ner_weights %zu, %zu bytes)\n", path.c_str(),
                pruned.pos.model().num_weights(), pruned.ner.model().num_weights(),
                alternative.size());
  }
  std::printf(
      "documents: %zu\nsentences: %zu\ntokens: %zu\npos_classes: %zu\npos_weights: %zu\n"
      "pos_tagdict: %zu\nner_classes: %zu\nner_weights: %zu\nlemma_exceptions_learned: %zu\n"
      "model_bytes: %zu\ntrain_seconds: %.1f\nmodel: %s\n",
      data.documents.size(), sentences, tokens, models.pos.model().num_classes(),
      models.pos.model().num_weights(), models.pos.tagdict_size(), models.ner.model().num_classes(),
      models.ner.model().num_weights(), models.lemmatizer.table_size(), bytes.size(),
      Seconds(start), output.c_str());
  return errors > 0 ? 1 : 0;
}

int EvalSyntaxCommand(const std::vector<std::string>& args) {
  const std::string usage = "claimgraph eval syntax --conll DIR [--text DIR] [--model FILE]";
  std::string conll, text, model_path;
  size_t limit = 0;
  bool by_type = false;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("conll", po::value(&conll), "directory of reference CoNLL files (CoreNLP's annotations)")
      ("text", po::value(&text),
       "directory of the articles (NAME.txt): also scores our own tokens and sentences")
      ("model", po::value(&model_path), "NLP model file (default: the built-in model)")
      ("limit", po::value(&limit)->default_value(0), "score only the first N files (0: all)")
      ("by-type", po::bool_switch(&by_type), "NER precision / recall / F1 per entity type");
  // clang-format on
  if (WantsHelp(args)) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  ParseCommandLine(args, desc);
  if (conll.empty()) throw UsageError("--conll is required");
  const engine::nlp::NlpModels loaded =
      model_path.empty() ? engine::nlp::NlpModels() : engine::nlp::NlpModels::LoadFile(model_path);
  const engine::nlp::NlpModels& models =
      model_path.empty() ? engine::nlp::DefaultNlpModels() : loaded;

  io::ConllDocuments data = io::ReadConllDirectory(conll, text);
  const size_t errors = Report(data.diagnostics);
  if (limit > 0 && data.documents.size() > limit) data.documents.resize(limit);
  engine::nlp::SyntaxScores scores;
  size_t not_english = 0, segmented = 0;
  for (const AnnotatedDocument& gold : data.documents) {
    AnnotatedDocument system = gold;
    for (engine::nlp::Token& t : system.tokens) {
      t.pos.clear();
      t.lemma.clear();
      t.ner.clear();
      t.head = -1;
      t.deprel.clear();
    }
    engine::nlp::AnnotateOptions tag_only;
    tag_only.parse = false;  // scored by `claimgraph eval parser`
    engine::nlp::AnnotateTokens(&system, models, tag_only);
    if (system.language != "en") ++not_english;
    engine::nlp::ScoreTagging(gold, system, &scores);
    if (!gold.text.empty()) {
      ++segmented;
      engine::nlp::ScoreSegmentation(gold, engine::nlp::TokenizeDocument(gold.text), &scores);
    }
  }
  std::printf("documents: %zu\ntokens: %zu\n", data.documents.size(), scores.tokens);
  std::printf("not_english_documents: %zu\n", not_english);
  if (segmented > 0) {
    std::printf("token_precision: %.4f\ntoken_recall: %.4f\ntoken_f1: %.4f\n",
                scores.token_spans.Precision(), scores.token_spans.Recall(),
                scores.token_spans.F1());
    std::printf("sentence_precision: %.4f\nsentence_recall: %.4f\nsentence_f1: %.4f\n",
                scores.sentence_spans.Precision(), scores.sentence_spans.Recall(),
                scores.sentence_spans.F1());
  }
  std::printf("pos_accuracy: %.4f\nlemma_accuracy: %.4f\n", scores.PosAccuracy(),
              scores.LemmaAccuracy());
  std::printf("ner_precision: %.4f\nner_recall: %.4f\nner_f1: %.4f\n", scores.entities.Precision(),
              scores.entities.Recall(), scores.entities.F1());
  if (by_type) {
    for (const auto& [type, prf] : scores.by_type) {
      std::printf("ner_%s: P %.4f R %.4f F1 %.4f (gold %zu)\n", type.c_str(), prf.Precision(),
                  prf.Recall(), prf.F1(), prf.gold);
    }
  }
  if (scores.attached > 0) std::printf("uas: %.4f\nlas: %.4f\n", scores.Uas(), scores.Las());
  return errors > 0 ? 1 : 0;
}

}  // namespace claimgraph::cli
