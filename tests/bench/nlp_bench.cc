// Throughput of the linguistic layer's token level on real news (Google Benchmark):
//   nlp_bench [--benchmark_filter=...]      (run from the repository root; needs ../shared/data)
// Reads the PolNeAR dev articles and reports tokens/s (items_per_second) and MB/s
// (bytes_per_second) for tokenisation alone, POS tagging alone (on our own tokens), and the
// whole Annotate() (tokens, sentences, POS, lemmas, NER), each on one core.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/nlp/annotator.h"
#include "engine/nlp/ptb_tokenizer.h"

using namespace claimgraph::engine::nlp;

namespace {

const std::vector<std::string>& Articles() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir = "../shared/data/attribution/polnear/dev/text";
    if (!std::filesystem::exists(dir)) return out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }();
  return texts;
}

size_t Bytes(const std::vector<std::string>& texts) {
  size_t n = 0;
  for (const auto& t : texts) n += t.size();
  return n;
}

void BM_Tokenize(benchmark::State& state) {
  const auto& texts = Articles();
  if (texts.empty()) return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      const AnnotatedDocument d = TokenizeDocument(t);
      tokens += d.tokens.size();
      benchmark::DoNotOptimize(d.tokens.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
  state.SetBytesProcessed(static_cast<int64_t>(Bytes(texts) * state.iterations()));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_PosTag(benchmark::State& state) {
  const auto& texts = Articles();
  if (texts.empty()) return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  std::vector<AnnotatedDocument> docs;
  size_t per_pass = 0;
  for (const auto& t : texts) {
    docs.push_back(TokenizeDocument(t));
    per_pass += docs.back().tokens.size();
  }
  const NlpModels& models = DefaultNlpModels();
  SequenceTagger::Scratch scratch;
  for (auto _ : state) {
    for (AnnotatedDocument& d : docs) {
      for (const Sentence& s : d.sentences) models.pos.Tag(&d, s, &scratch);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(per_pass * state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(Bytes(texts) * state.iterations()));
}
BENCHMARK(BM_PosTag)->Unit(benchmark::kMillisecond);

void BM_Annotate(benchmark::State& state) {
  const auto& texts = Articles();
  if (texts.empty()) return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  const NlpModels& models = DefaultNlpModels();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      const AnnotatedDocument d = Annotate(t, models);
      tokens += d.tokens.size();
      benchmark::DoNotOptimize(d.tokens.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
  state.SetBytesProcessed(static_cast<int64_t>(Bytes(texts) * state.iterations()));
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
