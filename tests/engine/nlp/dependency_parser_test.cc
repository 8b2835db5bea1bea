#include "engine/nlp/dependency_parser.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace claimgraph::engine::nlp {
namespace {

// A document of one sentence from (form, POS, head (-2 root), relation) rows.
struct Row {
  const char* form;
  const char* pos;
  int head;
  const char* deprel;
};
AnnotatedDocument Doc(const std::vector<Row>& rows) {
  AnnotatedDocument doc;
  for (const Row& r : rows) {
    Token t;
    t.form = r.form;
    t.pos = r.pos;
    t.head = r.head;
    t.deprel = r.deprel;
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({0, doc.tokens.size(), 0, 0});
  return doc;
}

// "Clinton said she thinks America is strongest ." (CoreNLP's parse of a PolNeAR dev sentence)
// and "Johnson did not identify a location in his remarks ."
std::vector<AnnotatedDocument> TinyCorpus() {
  return {Doc({{"Clinton", "NNP", 1, "nsubj"},
               {"said", "VBD", -2, "root"},
               {"she", "PRP", 3, "nsubj"},
               {"thinks", "VBZ", 1, "ccomp"},
               {"America", "NNP", 6, "nsubj"},
               {"is", "VBZ", 6, "cop"},
               {"strongest", "JJS", 3, "ccomp"},
               {".", ".", 1, "punct"}}),
          Doc({{"Johnson", "NNP", 3, "nsubj"},
               {"did", "VBD", 3, "aux"},
               {"not", "RB", 3, "neg"},
               {"identify", "VB", -2, "root"},
               {"a", "DT", 5, "det"},
               {"location", "NN", 3, "dobj"},
               {"in", "IN", 8, "case"},
               {"his", "PRP$", 8, "nmod:poss"},
               {"remarks", "NNS", 5, "nmod"},
               {".", ".", 3, "punct"}})};
}

// Verifier: every word has a head inside the sentence or is the one root, and every word
// reaches the root without a cycle.
bool IsTree(const AnnotatedDocument& doc, size_t s) {
  const Sentence& sentence = doc.sentences[s];
  const int n = static_cast<int>(sentence.count);
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const int h = doc.tokens[sentence.first + i].head;
    if (h == -2)
      ++roots;
    else if (h < 0 || h >= n || h == i)
      return false;
  }
  if (roots != 1) return false;
  for (int i = 0; i < n; ++i) {
    int t = i;
    for (int steps = 0; steps <= n && doc.tokens[sentence.first + t].head != -2; ++steps) {
      t = doc.tokens[sentence.first + t].head;
    }
    if (doc.tokens[sentence.first + t].head != -2) return false;
  }
  return true;
}

TEST_CASE("a parser trained on two sentences parses them back", "[engine][nlp][parser]") {
  ParserTrainOptions options;
  options.epochs = 10;
  options.prune = 0;  // keep every weight: two sentences give small ones
  const auto corpus = TinyCorpus();
  const ParserTrainResult result = TrainParser(corpus, options);
  CHECK(result.trained_sentences == 2);
  CHECK(result.non_projective == 0);
  for (const AnnotatedDocument& gold : corpus) {
    AnnotatedDocument doc = gold;
    for (Token& t : doc.tokens) t.head = -1, t.deprel.clear();
    ParseStats stats;
    ParseSentence(result.model, doc, 0, &stats);
    CHECK(stats.moves == 2 * doc.tokens.size());
    AttachmentScores scores;
    ScoreAttachment(gold, doc, &scores);
    CHECK(scores.all.uas() == 1.0);
    CHECK(scores.all.las() == 1.0);
  }
}

TEST_CASE("training leaves out non-projective and malformed sentences and says so",
          "[engine][nlp][parser]") {
  auto corpus = TinyCorpus();
  // The arc c -> a spans b, whose head is d: crossing.
  corpus.push_back(Doc({{"a", "DT", 2, "det"},
                        {"b", "NN", 3, "dep"},
                        {"c", "NN", 3, "dep"},
                        {"d", "VBD", -2, "root"}}));
  corpus.push_back(Doc({{"x", "NN", -2, "root"}, {"y", "NN", -2, "root"}}));  // two roots
  ParserTrainOptions options;
  options.epochs = 1;
  const ParserTrainResult result = TrainParser(corpus, options);
  CHECK(result.sentences == 4);
  CHECK(result.non_projective == 1);
  CHECK(result.malformed == 1);
  CHECK(result.trained_sentences == 2);
}

TEST_CASE("the model format round-trips byte for byte and rejects damage",
          "[engine][nlp][parser]") {
  ParserTrainOptions options;
  options.epochs = 3;
  options.prune = 0;
  const ParserModel model = TrainParser(TinyCorpus(), options).model;
  const std::string bytes = model.Serialize();
  const ParserModel back = ParserModel::Deserialize(bytes);
  CHECK(back.Serialize() == bytes);
  CHECK(back.labels() == model.labels());
  CHECK(back.move_rows() == model.move_rows());
  CHECK_THROWS_AS(ParserModel::Deserialize(bytes.substr(0, bytes.size() - 3)),
                  std::invalid_argument);
  CHECK_THROWS_AS(ParserModel::Deserialize(bytes + "x"), std::invalid_argument);
  std::string other_version = bytes;
  other_version[4] = 99;
  CHECK_THROWS_AS(ParserModel::Deserialize(other_version), std::invalid_argument);
  CHECK_THROWS_AS(ParserModel::Deserialize("CGDX1234"), std::invalid_argument);
}

TEST_CASE("training is deterministic", "[engine][nlp][parser]") {
  ParserTrainOptions options;
  options.epochs = 4;
  options.prune = 0;
  CHECK(TrainParser(TinyCorpus(), options).model.Serialize() ==
        TrainParser(TinyCorpus(), options).model.Serialize());
  ParserTrainOptions other = options;
  other.seed = 2;
  // The seed reaches the shuffle: the model is still a valid one.
  CHECK_FALSE(TrainParser(TinyCorpus(), other).model.empty());
}

// A 2,000-word run-on sentence and a 3,000-cell table flattened into one line parse in 2n moves
// with a bounded number of weight lookups per word, into a tree.
TEST_CASE("the shipped parser runs in linear time on very long sentences",
          "[engine][nlp][parser]") {
  const ParserModel& model = DefaultParserModel();
  REQUIRE_FALSE(model.empty());
  std::vector<Row> clause = {{"Clinton", "NNP", 0, ""}, {"said", "VBD", 0, ""},
                             {"that", "IN", 0, ""},     {"Trump", "NNP", 0, ""},
                             {"lied", "VBD", 0, ""},    {"and", "CC", 0, ""}};
  std::vector<Row> run_on;
  while (run_on.size() < 2000) run_on.push_back(clause[run_on.size() % clause.size()]);
  std::vector<Row> table;
  const std::vector<Row> cells = {{"Ohio", "NNP", 0, ""}, {"|", "NN", 0, ""},
                                  {"48.1", "CD", 0, ""},  {"%", "NN", 0, ""},
                                  {"|", "NN", 0, ""},     {"1,204", "CD", 0, ""}};
  while (table.size() < 3000) table.push_back(cells[table.size() % cells.size()]);
  // Words per lookup on a short sentence: two scorings of the move features and at most one
  // of the label features per word.
  AnnotatedDocument short_doc = Doc(clause);
  ParseStats short_stats;
  ParseSentence(model, short_doc, 0, &short_stats);
  const size_t short_per_word = short_stats.feature_lookups / clause.size();
  CHECK(short_per_word <= 3 * 96);
  for (const auto& rows : {run_on, table}) {
    AnnotatedDocument doc = Doc(rows);
    ParseStats stats;
    ParseSentence(model, doc, 0, &stats);
    CHECK(stats.words == rows.size());
    CHECK(stats.moves == 2 * rows.size());
    // The work per word does not grow with the sentence's length.
    CHECK(stats.feature_lookups / rows.size() <= short_per_word + 8);
    CHECK(IsTree(doc, 0));
  }
}

}  // namespace
}  // namespace claimgraph::engine::nlp
