// Throughput of the linguistic layer on real news (Google Benchmark):
//   nlp_bench [--benchmark_filter=...]      (run from the repository root; needs ../shared/data)
// Reads the PolNeAR dev articles and reports tokens/s (items_per_second) and MB/s
// (bytes_per_second) on one core for: tokenisation alone, POS tagging alone (on our own tokens),
// the token level (tag + lemma + NER on our tokens), the whole Annotate() (tokens, sentences, POS,
// lemmas, NER) and dependency parsing (on our tokens and tags). Linear time: a run-on sentence of
// 1,000 / 2,000 / 4,000 dev words (tagged and parsed as one sentence) and a table of 10,000 /
// 20,000 tokens flattened into one line (Annotate + parse); items_per_second must not fall with
// the length.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/nlp/annotator.h"
#include "engine/nlp/dependency_parser.h"
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

// The dev articles tokenised by us.
std::vector<AnnotatedDocument> TokenizedArticles() {
  std::vector<AnnotatedDocument> docs;
  for (const auto& t : Articles()) docs.push_back(TokenizeDocument(t));
  return docs;
}

void BM_TokenLevel(benchmark::State& state) {
  const auto& texts = Articles();
  if (texts.empty()) return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  const std::vector<AnnotatedDocument> tokenized = TokenizedArticles();
  size_t per_pass = 0;
  for (const auto& d : tokenized) per_pass += d.tokens.size();
  const NlpModels& models = DefaultNlpModels();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<AnnotatedDocument> docs = tokenized;
    state.ResumeTiming();
    for (AnnotatedDocument& d : docs) AnnotateTokens(&d, models);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(per_pass * state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(Bytes(texts) * state.iterations()));
}
BENCHMARK(BM_TokenLevel)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  const auto& texts = Articles();
  if (texts.empty()) return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  std::vector<AnnotatedDocument> docs;
  size_t per_pass = 0;
  for (const auto& t : texts) {
    docs.push_back(Annotate(t, DefaultNlpModels()));
    if (docs.back().language != "en")
      docs.pop_back();  // not tagged: the parser needs tags
    else
      per_pass += docs.back().tokens.size();
  }
  const ParserModel& model = DefaultParserModel();
  for (auto _ : state) {
    for (AnnotatedDocument& d : docs) ParseDocument(model, d);
  }
  state.SetItemsProcessed(static_cast<int64_t>(per_pass * state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(Bytes(texts) * state.iterations()));
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

// One sentence of the first `words` tokens of the dev articles, sentence-final punctuation left
// out: a run-on sentence of real words.
AnnotatedDocument RunOnSentence(size_t words) {
  AnnotatedDocument doc;
  for (const AnnotatedDocument& d : TokenizedArticles()) {
    for (const Token& t : d.tokens) {
      if (t.form == "." || t.form == "?" || t.form == "!") continue;
      if (doc.tokens.size() == words) break;
      doc.tokens.push_back(t);
    }
  }
  doc.sentences.push_back(Sentence{0, doc.tokens.size(), 0, 0});
  return doc;
}

void BM_RunOnSentenceTag(benchmark::State& state) {
  if (Articles().empty()) {
    return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  }
  const AnnotatedDocument sentence = RunOnSentence(static_cast<size_t>(state.range(0)));
  const NlpModels& models = DefaultNlpModels();
  for (auto _ : state) {
    state.PauseTiming();
    AnnotatedDocument doc = sentence;
    state.ResumeTiming();
    AnnotateTokens(&doc, models);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentence.tokens.size() * state.iterations()));
}
BENCHMARK(BM_RunOnSentenceTag)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMicrosecond);

void BM_RunOnSentenceParse(benchmark::State& state) {
  if (Articles().empty()) {
    return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  }
  AnnotatedDocument doc = RunOnSentence(static_cast<size_t>(state.range(0)));
  AnnotateTokens(&doc, DefaultNlpModels());
  const ParserModel& model = DefaultParserModel();
  for (auto _ : state) ParseDocument(model, doc);
  state.SetItemsProcessed(static_cast<int64_t>(doc.tokens.size() * state.iterations()));
}
BENCHMARK(BM_RunOnSentenceParse)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMicrosecond);

// A table of `tokens` tokens flattened into one line: "| Ohio | 2,841,005 | 52.1% | Clinton |"
// rows without a line break (no sentence end in it).
std::string OneLineTable(size_t tokens) {
  static const char* const kNames[] = {"Ohio", "Florida", "Clinton", "Trump", "Iowa", "Nevada"};
  std::string line;
  for (size_t row = 0; 10 * row < tokens; ++row) {
    line += "| ";
    line += kNames[row % 6];
    line += " | " + std::to_string(1000003 * (row + 1) % 9000000);
    line += " | " + std::to_string(row % 100) + "." + std::to_string(row % 10) + "% | ";
    line += kNames[(row + 3) % 6];
    line += " | ";
  }
  return line;
}

void BM_OneLineTable(benchmark::State& state) {
  if (Articles().empty()) {
    return state.SkipWithError("../shared/data/attribution/polnear/dev absent");
  }
  const std::string text = OneLineTable(static_cast<size_t>(state.range(0)));
  const NlpModels& models = DefaultNlpModels();
  const ParserModel& model = DefaultParserModel();
  size_t tokens = 0, longest = 0;
  bool english = true;
  SequenceTagger::Scratch scratch;
  for (auto _ : state) {
    AnnotatedDocument doc = Annotate(text, models);
    if (doc.language != "en") {
      // The language check turns a table of names and numbers away; tag it anyway, so that the
      // parser's time on a 20,000-token sentence is measured.
      english = false;
      for (const Sentence& s : doc.sentences) models.pos.Tag(&doc, s, &scratch);
    }
    ParseDocument(model, doc);
    tokens += doc.tokens.size();
    for (const Sentence& s : doc.sentences) longest = std::max(longest, s.count);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
  state.counters["longest_sentence"] = static_cast<double>(longest);
  state.counters["english"] = english ? 1 : 0;
}
BENCHMARK(BM_OneLineTable)->Arg(10000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
