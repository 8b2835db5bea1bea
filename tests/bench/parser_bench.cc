// Dependency parser speed: parses every sentence of the PolNeAR dev articles (CoreNLP's POS
// tags; the tokens and tags are read before the clock starts) with the shipped model, on one
// thread, several passes.
// usage: parser_bench [DIR] [PASSES]   (default ../shared/data/syntax/polnear-corenlp/dev, 3)
// Prints words per CPU second (and per wall second: on a shared machine wall time also counts
// the neighbours' work) and the moves and weight lookups per word.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "engine/nlp/dependency_parser.h"
#include "io/nlp/conll_reader.h"

int main(int argc, char** argv) {
  using namespace claimgraph;
  const std::string dir = argc > 1 ? argv[1] : "../shared/data/syntax/polnear-corenlp/dev";
  const int passes = argc > 2 ? std::stoi(argv[2]) : 3;
  auto docs = io::ReadConllDirectory(dir).documents;
  const auto& model = engine::nlp::DefaultParserModel();
  engine::nlp::ParseStats stats;
  const auto wall0 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  for (int pass = 0; pass < passes; ++pass) {
    for (auto& doc : docs) engine::nlp::ParseDocument(model, doc, &stats);
  }
  const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  std::printf("documents: %zu, sentences: %zu, words: %zu (%d passes)\n", docs.size(),
              stats.sentences, stats.words, passes);
  std::printf("parse: %.0f words/CPU-second, %.0f words/wall-second\n", stats.words / cpu,
              stats.words / wall);
  std::printf("moves per word: %.3f, weight lookups per word: %.1f\n",
              static_cast<double>(stats.moves) / stats.words,
              static_cast<double>(stats.feature_lookups) / stats.words);
  return 0;
}
