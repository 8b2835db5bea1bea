#include "engine/nlp/annotator.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/nlp/nlp_models.h"
#include "engine/nlp/ptb_tokenizer.h"
#include "engine/nlp/syntax_eval.h"
#include "io/nlp/conll_reader.h"

using namespace claimgraph::engine::nlp;

namespace {

const std::string kShared = CLAIMGRAPH_SOURCE_DIR "/../shared/data";

}  // namespace

TEST_CASE("Annotate tags, lemmatises and finds entities in a news sentence",
          "[engine][nlp][annotator]") {
  const AnnotatedDocument doc = Annotate(
      "President Barack Obama on Tuesday accused Republican Donald Trump of lying about the "
      "economy.",
      DefaultNlpModels());
  CHECK(doc.language == "en");
  REQUIRE(doc.tokens.size() == 15);
  CHECK(doc.tokens[2].pos == "NNP");  // Obama
  CHECK(doc.tokens[5].pos == "VBD");  // accused
  CHECK(doc.tokens[12].pos == "DT");  // the
  CHECK(doc.tokens[13].pos == "NN");  // economy
  CHECK(doc.tokens[5].lemma == "accuse");
  CHECK(doc.tokens[10].lemma == "lie");  // lying
  CHECK(doc.tokens[2].lemma == "Obama");
  CHECK(doc.tokens[2].ner == "PERSON");
  CHECK(doc.tokens[8].ner == "PERSON");  // Trump
  CHECK(doc.tokens[4].ner == "DATE");    // Tuesday
  CHECK(doc.tokens[12].ner == "O");
  CHECK(!Entities(doc).empty());
}

TEST_CASE("Lemmas follow WordNet and the POS tag", "[engine][nlp][annotator]") {
  const Lemmatizer& l = DefaultNlpModels().lemmatizer;
  struct Case {
    const char* form;
    const char* pos;
    const char* lemma;
  };
  const std::vector<Case> cases = {
      {"said", "VBD", "say"},        {"senators", "NNS", "senator"},
      {"women", "NNS", "woman"},     {"tweeted", "VBD", "tweet"},
      {"running", "VBG", "run"},     {"Democrats", "NNPS", "Democrats"},
      {"was", "VBD", "be"},          {"'s", "VBZ", "be"},
      {"n't", "RB", "not"},          {"The", "DT", "the"},
      {"policies", "NNS", "policy"}, {"taxes", "NNS", "tax"},
      {"argued", "VBD", "argue"},    {"him", "PRP", "he"},
  };
  for (const Case& c : cases) {
    INFO(c.form << "/" << c.pos);
    CHECK(l.Lemmatize(c.form, c.pos) == c.lemma);
  }
}

TEST_CASE("Non-English text is marked, not tagged", "[engine][nlp][annotator]") {
  const AnnotatedDocument es = Annotate(
      "El presidente del gobierno anunció ayer que las elecciones se celebrarán en otoño, "
      "según fuentes de su partido.",
      DefaultNlpModels());
  CHECK(es.language == "und");
  CHECK(!es.tokens.empty());
  for (const Token& t : es.tokens) CHECK(t.pos.empty());
  const AnnotatedDocument ru =
      Annotate("Президент заявил во вторник, что выборы пройдут осенью.", DefaultNlpModels());
  CHECK(ru.language == "und");
  const AnnotatedDocument en =
      Annotate("The senator said on Monday that the bill would pass.", DefaultNlpModels());
  CHECK(en.language == "en");
}

TEST_CASE("Annotating a 2,000-word run-on sentence is linear", "[engine][nlp][annotator]") {
  // Every tagging stage looks at most two tokens away, and the sentence is cut into pieces of
  // at most max_sentence_tokens before parsing: the work is one step per token and layer,
  // whatever the sentence length. Counted, not timed.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += (i % 7 == 6 ? "and, " : "the voters said ");
  const AnnotatedDocument doc = Annotate(text, DefaultNlpModels());
  CHECK(doc.tokens.size() > 2000);
  REQUIRE(doc.sentences.size() >= 2000 / 150);
  size_t covered = 0;
  for (const Sentence& s : doc.sentences) {
    CHECK(s.count <= AnnotateOptions().max_sentence_tokens);
    CHECK(s.first == covered);  // consecutive pieces, no token lost
    covered += s.count;
    // A piece ends at a comma when one lies in its second half.
    if (s.first + s.count < doc.tokens.size()) CHECK(doc.tokens[s.first + s.count - 1].form == ",");
  }
  CHECK(covered == doc.tokens.size());
  size_t tagged = 0, parsed = 0;
  for (const Token& t : doc.tokens) {
    tagged += !t.pos.empty() && !t.ner.empty() && !t.lemma.empty();
    parsed += t.head != -1 && !t.deprel.empty();
  }
  CHECK(tagged == doc.tokens.size());
  CHECK(parsed == doc.tokens.size());
}

TEST_CASE("Annotate parses by default, and not when asked not to", "[engine][nlp][annotator]") {
  const std::string text = "The Trump campaign said Tuesday that it would release the records.";
  const AnnotatedDocument doc = Annotate(text, DefaultNlpModels());
  REQUIRE(doc.tokens.size() == 12);
  int roots = 0;
  for (const Token& t : doc.tokens) roots += t.head == -2;
  CHECK(roots == 1);
  CHECK(doc.tokens[3].deprel == "root");   // said
  CHECK(doc.tokens[2].deprel == "nsubj");  // campaign
  AnnotateOptions no_parse;
  no_parse.parse = false;
  for (const Token& t : Annotate(text, DefaultNlpModels(), no_parse).tokens) CHECK(t.head == -1);
  // Non-English text gets no parse either.
  for (const Token& t :
       Annotate("El presidente anunció ayer que las elecciones se celebrarán en otoño.",
                DefaultNlpModels())
           .tokens)
    CHECK(t.head == -1);
}

TEST_CASE("Accuracy floors on a fixed slice of the PolNeAR dev articles",
          "[engine][nlp][annotator]") {
  const std::string conll = kShared + "/syntax/polnear-corenlp/dev";
  const std::string text = kShared + "/attribution/polnear/dev/text";
  if (!std::filesystem::exists(conll)) {
    WARN("../shared/data absent: skipped");
    return;
  }
  claimgraph::io::ConllDocuments data = claimgraph::io::ReadConllDirectory(conll, text);
  REQUIRE(data.documents.size() >= 20);
  data.documents.resize(20);  // the first 20 dev files by name
  SyntaxScores scores;
  for (const AnnotatedDocument& gold : data.documents) {
    AnnotatedDocument system = gold;
    for (Token& t : system.tokens) t.pos = t.lemma = t.ner = "";
    AnnotateOptions tag_only;
    tag_only.parse = false;
    AnnotateTokens(&system, DefaultNlpModels(), tag_only);
    ScoreTagging(gold, system, &scores);
    ScoreSegmentation(gold, TokenizeDocument(gold.text), &scores);
  }
  INFO("tokens " << scores.tokens);
  CHECK(scores.tokens > 10000);
  // Measured on all 83 dev files: POS 0.981, lemma 0.992, NER F1 0.876, tokens F1 0.992,
  // sentences F1 0.900 (docs/EVALUATION.md); the floors leave room for the slice.
  CHECK(scores.PosAccuracy() >= 0.96);
  CHECK(scores.LemmaAccuracy() >= 0.98);
  CHECK(scores.entities.F1() >= 0.80);
  CHECK(scores.token_spans.F1() >= 0.98);
  CHECK(scores.sentence_spans.F1() >= 0.80);
}
