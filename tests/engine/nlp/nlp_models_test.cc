#include "engine/nlp/nlp_models.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "io/nlp/conll_reader.h"

using namespace claimgraph::engine::nlp;

namespace {

// A small hand-made training set in the CoNLL layout of ../shared/data/syntax/polnear-corenlp.
const char* kConll =
    "# sent_id = 1\n"
    "1\tObama\tObama\tNNP\tPERSON\t0\t5\t2\tnsubj\n"
    "2\tsaid\tsay\tVBD\tO\t6\t10\t0\troot\n"
    "3\ton\ton\tIN\tO\t11\t13\t4\tcase\n"
    "4\tTuesday\tTuesday\tNNP\tDATE\t14\t21\t2\tnmod\n"
    "5\t.\t.\t.\tO\t21\t22\t2\tpunct\n"
    "\n"
    "# sent_id = 2\n"
    "1\tThe\tthe\tDT\tO\t23\t26\t2\tdet\n"
    "2\tsenators\tsenator\tNNS\tO\t27\t35\t3\tnsubj\n"
    "3\tvoted\tvote\tVBD\tO\t36\t41\t0\troot\n"
    "4\t.\t.\t.\tO\t41\t42\t3\tpunct\n";

NlpModels TrainSmall(const std::vector<AnnotatedDocument>& docs) {
  TaggerTrainOptions options;
  options.epochs = 3;
  options.tagdict_min_count = 2;
  NlpModels m;
  m.pos = SequenceTagger::Train(TagLayer::kPos, docs, options);
  m.ner = SequenceTagger::Train(TagLayer::kNer, docs, options);
  m.lemmatizer.LearnExceptions(docs, 1);
  return m;
}

std::vector<AnnotatedDocument> SmallDocs() {
  claimgraph::engine::Diagnostics diagnostics;
  std::vector<AnnotatedDocument> docs;
  for (int i = 0; i < 3; ++i)
    docs.push_back(claimgraph::io::ParseConll(kConll, "t.conll", &diagnostics));
  REQUIRE(diagnostics.empty());
  return docs;
}

}  // namespace

TEST_CASE("NLP models train deterministically, tag their training data and round-trip",
          "[engine][nlp][models]") {
  const auto docs = SmallDocs();
  const NlpModels a = TrainSmall(docs);
  const std::string bytes = a.Serialize();
  CHECK(TrainSmall(docs).Serialize() == bytes);
  CHECK(bytes.substr(0, 4) == "CGNL");

  const NlpModels b = NlpModels::Parse(bytes, "m.bin");
  CHECK(b.Serialize() == bytes);
  AnnotatedDocument doc = docs[0];
  for (Token& t : doc.tokens) t.pos = t.ner = t.lemma = "";
  b.pos.Tag(&doc);
  b.lemmatizer.Lemmatize(&doc);
  b.ner.Tag(&doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    INFO(doc.tokens[i].form);
    CHECK(doc.tokens[i].pos == docs[0].tokens[i].pos);
    CHECK(doc.tokens[i].ner == docs[0].tokens[i].ner);
  }
  // The learned lemma table holds what the rules cannot know ("said" -> "say" without WordNet).
  CHECK(b.lemmatizer.Lemmatize("said", "VBD") == "say");
}

TEST_CASE("NLP model files reject another version, a wrong magic and truncation",
          "[engine][nlp][models]") {
  const std::string bytes = TrainSmall(SmallDocs()).Serialize();
  std::string other = bytes;
  other[4] = 9;
  CHECK_THROWS_WITH(NlpModels::Parse(other, "m.bin"),
                    Catch::Contains("m.bin") && Catch::Contains("version 9"));
  CHECK_THROWS_WITH(NlpModels::Parse("XXXX" + bytes.substr(4), "m.bin"), Catch::Contains("magic"));
  CHECK_THROWS_AS(NlpModels::Parse(bytes.substr(0, bytes.size() / 2), "m.bin"), std::runtime_error);
  CHECK_THROWS_WITH(NlpModels::Parse(bytes + "x", "m.bin"), Catch::Contains("trailing"));
}

TEST_CASE("The built-in NLP model loads", "[engine][nlp][models]") {
  const NlpModels& m = DefaultNlpModels();
  CHECK(m.pos.layer() == TagLayer::kPos);
  CHECK(m.ner.layer() == TagLayer::kNer);
  CHECK(m.pos.model().ClassIndex("NNP") >= 0);
  CHECK(m.ner.model().ClassIndex("PERSON") >= 0);
}

TEST_CASE("Lemmatizer without WordNet files fails with the path", "[engine][nlp][models]") {
  CHECK_THROWS_WITH(
      Lemmatizer::FromWordNet("/nonexistent/wordnet"),
      Catch::Contains("/nonexistent/wordnet/noun.exc") && Catch::Contains("wordnet-base"));
}
