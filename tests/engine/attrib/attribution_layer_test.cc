// The attribution layer on analysed text: coreference (engine/nlp/coreference.h), the learned
// attribution model with speaker naming (engine/attrib/attribution_model.h, speaker_resolver.h)
// and claim frames (engine/attrib/claim_frame.h), on a hand-parsed passage in CoreNLP's CoNLL
// layout, and an accuracy floor on a fixed slice of the PolNeAR dev split.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/attrib/attribution_metrics.h"
#include "engine/attrib/attribution_model.h"
#include "engine/attrib/claim_frame.h"
#include "engine/attrib/speaker_resolver.h"
#include "engine/nlp/coreference.h"
#include "io/attribution/polnear_reader.h"
#include "io/nlp/conll_reader.h"

namespace claimgraph::engine::attrib {
namespace {

constexpr std::string_view kText =
    "Sen. Tim Kaine said he would win. The senator did not comment. Hillary Clinton smiled. "
    "She won.";
constexpr std::string_view kConll =
    "# sent_id = 1\n"
    "1\tSen.\tSen.\tNNP\tO\t0\t4\t3\tcompound\n"
    "2\tTim\tTim\tNNP\tPERSON\t5\t8\t3\tcompound\n"
    "3\tKaine\tKaine\tNNP\tPERSON\t9\t14\t4\tnsubj\n"
    "4\tsaid\tsay\tVBD\tO\t15\t19\t0\troot\n"
    "5\the\the\tPRP\tO\t20\t22\t7\tnsubj\n"
    "6\twould\twould\tMD\tO\t23\t28\t7\taux\n"
    "7\twin\twin\tVB\tO\t29\t32\t4\tccomp\n"
    "8\t.\t.\t.\tO\t32\t33\t4\tpunct\n"
    "\n"
    "# sent_id = 2\n"
    "1\tThe\tthe\tDT\tO\t34\t37\t2\tdet\n"
    "2\tsenator\tsenator\tNN\tO\t38\t45\t5\tnsubj\n"
    "3\tdid\tdo\tVBD\tO\t46\t49\t5\taux\n"
    "4\tnot\tnot\tRB\tO\t50\t53\t5\tneg\n"
    "5\tcomment\tcomment\tVB\tO\t54\t61\t0\troot\n"
    "6\t.\t.\t.\tO\t61\t62\t5\tpunct\n"
    "\n"
    "# sent_id = 3\n"
    "1\tHillary\tHillary\tNNP\tPERSON\t63\t70\t2\tcompound\n"
    "2\tClinton\tClinton\tNNP\tPERSON\t71\t78\t3\tnsubj\n"
    "3\tsmiled\tsmile\tVBD\tO\t79\t85\t0\troot\n"
    "4\t.\t.\t.\tO\t85\t86\t3\tpunct\n"
    "\n"
    "# sent_id = 4\n"
    "1\tShe\tshe\tPRP\tO\t87\t90\t2\tnsubj\n"
    "2\twon\twin\tVBD\tO\t91\t94\t0\troot\n"
    "3\t.\t.\t.\tO\t94\t95\t2\tpunct\n";

nlp::AnnotatedDocument Passage() {
  Diagnostics d;
  nlp::AnnotatedDocument doc = io::ParseConll(kConll, "passage.conll", &d, kText);
  REQUIRE(d.empty());
  return doc;
}

std::string EntityOf(const nlp::CorefResult& r, size_t token) {
  const int e = r.entity_of_token[token];
  return e < 0 ? "" : r.entities[static_cast<size_t>(e)].name;
}

TEST_CASE("Coreference: pronouns, titles and definite descriptions find the named person",
          "[engine][attrib][coref]") {
  const nlp::AnnotatedDocument doc = Passage();
  const nlp::CorefResult r = nlp::ResolveCoreference(doc);
  // Tokens: Sen.0 Tim1 Kaine2 said3 he4 would5 win6 .7 The8 senator9 did10 not11 comment12 .13
  // Hillary14 Clinton15 smiled16 .17 She18 won19 .20
  CHECK(EntityOf(r, 2) == "Tim Kaine");
  CHECK(EntityOf(r, 0) == "");  // the title is not the entity's name
  CHECK(EntityOf(r, 4) == "Tim Kaine");
  CHECK(EntityOf(r, 9) == "Tim Kaine");         // "the senator" through the title "Sen."
  CHECK(EntityOf(r, 18) == "Hillary Clinton");  // "She": Kaine is "he"
  const int kaine = r.entity_of_token[2];
  REQUIRE(kaine >= 0);
  CHECK(r.entities[static_cast<size_t>(kaine)].role == "Sen.");
}

TEST_CASE("Claim frames: subject through coreference, predicate, modal, negation",
          "[engine][attrib][frame]") {
  const nlp::AnnotatedDocument doc = Passage();
  const nlp::CorefResult r = nlp::ResolveCoreference(doc);
  struct Case {
    size_t begin, end;
    const char *subject, *subject_text, *predicate, *negation, *scope, *modal;
  };
  const Case cases[] = {
      {20, 32, "Tim Kaine", "he", "win", "", "", "would"},
      {34, 61, "Tim Kaine", "The senator", "comment", "not", "comment", ""},
      {87, 94, "Hillary Clinton", "She", "win", "", "", ""},
  };
  for (const Case& c : cases) {
    Claim claim;
    claim.byte_begin = c.begin;
    claim.byte_end = c.end;
    FillClaimFrame(doc, r, &claim);
    INFO(kText.substr(c.begin, c.end - c.begin));
    CHECK(claim.subject == c.subject);
    CHECK(claim.subject_text == c.subject_text);
    CHECK(claim.predicate == c.predicate);
    CHECK(claim.negation == c.negation);
    CHECK(claim.negation_scope == c.scope);
    CHECK(claim.modal == c.modal);
  }
}

TEST_CASE("Attribution model: 'X said (that) C' with the speaker named in full",
          "[engine][attrib]") {
  const nlp::AnnotatedDocument doc = Passage();
  const nlp::CorefResult r = nlp::ResolveCoreference(doc);
  const auto found = AttributionModel::Default().Predict(doc);
  const TokenAttribution* said = nullptr;
  for (const TokenAttribution& a : found)
    if (a.cue == 3) said = &a;
  REQUIRE(said != nullptr);
  REQUIRE(said->spans.content.size() == 1);
  CHECK(kText.substr(said->spans.content[0].begin, said->spans.content[0].size()) ==
        "he would win");
  const ResolvedSpeaker sp = ResolveSpeaker(doc, r, *said);
  CHECK(sp.name == "Tim Kaine");
  CHECK(sp.role == "Sen.");
  // "smiled" and "won" are not cues.
  for (const TokenAttribution& a : found) CHECK((a.cue != 16 && a.cue != 19));
}

TEST_CASE("Attribution model round-trips and rejects other files", "[engine][attrib]") {
  const std::string bytes = AttributionModel::Default().Serialize();
  CHECK(AttributionModel::Parse(bytes, "x").Serialize() == bytes);
  CHECK_THROWS_WITH(AttributionModel::Parse("CGLM....", "x.bin"),
                    Catch::Contains("not an attribution model"));
  CHECK_THROWS(AttributionModel::Parse(bytes.substr(0, bytes.size() / 2), "x.bin"));
}

// Accuracy floor on a fixed slice of the PolNeAR dev split (the first 20 articles in name order)
// with CoreNLP's annotations; measured 2026-12-02 (docs/EVALUATION.md, "Attribution").
TEST_CASE("Attribution model: accuracy floor on a PolNeAR dev slice", "[engine][attrib][data]") {
  const std::string shared = CLAIMGRAPH_SOURCE_DIR "/../shared/data";
  if (!std::filesystem::exists(shared + "/attribution/polnear/dev")) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const std::string dev = shared + "/attribution/polnear/dev";
  const io::PolnearCorpus corpus = io::ReadPolnearDirectory(dev);
  AttributionScorer scorer;
  size_t n = 0;
  for (const io::PolnearDocument& p : corpus.documents) {
    const std::string conll_path = shared + "/syntax/polnear-corenlp/dev/" + p.name + ".conll";
    if (!std::filesystem::exists(conll_path)) continue;
    std::ifstream in(conll_path);
    std::stringstream s;
    s << in.rdbuf();
    const nlp::AnnotatedDocument doc = io::ParseConll(s.str(), p.name, nullptr, p.text);
    const nlp::CorefResult coref = nlp::ResolveCoreference(doc);
    std::vector<AttributionSpan> predicted;
    for (TokenAttribution& a : AttributionModel::Default().Predict(doc)) {
      a.spans.resolved_source = ResolveSpeaker(doc, coref, a).name;
      predicted.push_back(std::move(a.spans));
    }
    scorer.Add(p.text, p.attributions, predicted);
    if (++n == 20) break;
  }
  REQUIRE(n == 20);
  const AttributionScores& r = scorer.scores();
  CHECK(r.attribution.f1() >= 0.62);
  CHECK(r.cue_overlap.f1() >= 0.68);
  CHECK(r.named_source_right() >= 0.88);
}

}  // namespace
}  // namespace claimgraph::engine::attrib
