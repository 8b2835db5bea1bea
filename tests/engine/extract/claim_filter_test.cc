#include "engine/extract/claim_filter.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/extract/claim_extractor.h"
#include "engine/nlp/annotator.h"
#include "engine/nlp/coreference.h"
#include "engine/nlp/nlp_models.h"
#include "engine/pipeline.h"

using namespace claimgraph::engine;

namespace {

// The reason a one-sentence text is not a claim (the whole text is sentence and content), read
// by the built-in layer.
std::string Reason(const std::string& text, size_t content_begin = 0, size_t content_end = 0) {
  const nlp::AnnotatedDocument doc = nlp::Annotate(text, nlp::DefaultNlpModels());
  const nlp::CorefResult coref = nlp::ResolveCoreference(doc);
  ClaimFilterInput in;
  in.doc = &doc;
  in.coref = &coref;
  in.sentence_begin = 0;
  in.sentence_end = text.size();
  in.content_begin = content_begin;
  in.content_end = content_end ? content_end : text.size();
  return NotAClaimReason(in);
}

}  // namespace

TEST_CASE("Sentences of real news that are not claims, read from tags and parse",
          "[engine][extract][claim_filter]") {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case cases[] = {
      // Claims (quoted from PolNeAR articles and the issue).
      {"The Trump campaign said Tuesday that it would release the records.", ""},
      {"President Barack Obama on Tuesday accused Republican Donald Trump of lying about the "
       "economy.",
       ""},
      {"Trump has praised Putin as a strong leader.", ""},
      {"There were 11,000 more votes cast in the county than in 2012.", ""},
      // Not claims.
      {"[Goldman Sachs Builders and Innovators Summit, 10/29/13.]", "citation"},
      {"(Photo: Getty Images)", "citation"},
      {"(Reporting by Valerie Volcovici; Editing by Will Dunham.)", "citation"},
      // A parenthesis with a finite verb is an aside that asserts something.
      {"(Mr. Podesta is now the chairman of Mrs. Clinton's presidential campaign.)", ""},
      {"Battleground state Florida is nearly 3% Polish American.", ""},
      {"In July, the NAACP called for a moratorium on charter schools.", ""},
      {"is African American turnout.", "fragment: no subject"},
      {"and said he would not release his tax returns.", "fragment: no subject"},
      {"Is African American turnout a problem for Clinton?", "question"},
      {"Photo by Chip Somodevilla/Getty Images", "fragment: no finite verb"},
      {"By Jonathan Martin and Alexander Burns", "fragment: no finite verb"},
      {"Related coverage: the race for the White House", "fragment: no finite verb"},
      // Imperatives (share prompts): a base-form verb, no finite one.
      {"Click here to share this story on Facebook.", "fragment: no finite verb"},
      {"Follow the latest election news on our live blog.", "fragment: no finite verb"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Reason(c.text) == c.reason);
  }
}

TEST_CASE("A quoted question is not a claim", "[engine][extract][claim_filter]") {
  const std::string text = "“Who is going to pay for the wall?” Trump asked the crowd.";
  CHECK(Reason(text, 3, text.find("?”") + 1) == "question");
}

TEST_CASE("A quotation whose content is only an unresolved pronoun is not a claim",
          "[engine][extract][claim_filter]") {
  const std::string text = "“This just isn’t right,” Warren said.";
  CHECK(Reason(text, 3, text.find(",”")) == "pronoun only");
  // A named subject, or a noun of its own, makes it a claim.
  const std::string named = "“The plan is simply not true to our values,” he said.";
  CHECK(Reason(named, 3, named.find(",”")) == "");
}

TEST_CASE("The pipeline reads every document with the layer and says which are not English",
          "[engine][extract][claim_filter]") {
  std::vector<Document> docs(2);
  docs[0].id = 1;
  docs[0].source = "Capitol Wire";
  docs[0].date = "2016-10-11";
  docs[0].language = "en";
  docs[0].path = "en.txt";
  docs[0].text =
      "Republican nominee Donald Trump said Tuesday that he would win the state of Ohio.\n"
      "Click here to share this story on Facebook.\n"
      "[Goldman Sachs Builders and Innovators Summit, 10/29/13.]\n";
  docs[1].id = 2;
  docs[1].source = "Diario";
  docs[1].date = "2016-10-11";
  docs[1].language = "es";
  docs[1].path = "es.txt";
  docs[1].text =
      "El presidente del gobierno anunció ayer que las elecciones se celebrarán en otoño, según "
      "fuentes de su partido.\n";
  VectorDocumentSource source(docs);
  PipelineOptions options;
  options.threads = 1;
  options.use_stance_model = false;
  PipelineStats stats;
  const AnalysisResult run = Analyze(source, options, &stats);
  CHECK(stats.tokens > 20);
  CHECK(stats.not_english == std::vector<std::string>{"es.txt"});
  size_t english = 0, spanish = 0;
  for (const Claim& c : run.claims) {
    INFO(c.text);
    if (c.document == 1) {
      ++english;
      CHECK(c.speaker == "Donald Trump");
      CHECK(c.text == "he would win the state of Ohio");
      CHECK(c.predicate == "win");
    } else {
      ++spanish;  // kept, in the outlet's voice, with no English structure
      CHECK(c.speaker.empty());
      CHECK(c.own_voice);
      CHECK(c.predicate.empty());
      CHECK(c.subject.empty());
    }
  }
  CHECK(english == 1);  // the share prompt and the citation label are gone
  CHECK(spanish == 1);
}
