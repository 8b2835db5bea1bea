#include "engine/stance/stance_features.h"

#include <catch2/catch.hpp>

#include "engine/stance/stance_lexicon.h"

namespace {

using namespace claimgraph::engine;

const StanceFeaturizer& Featurizer() {
  static const StanceFeaturizer f = StanceFeaturizer::Fit(
      {"US troops will withdraw from Iraq by September 2025.",
       "The coalition said 2,500 troops remain in Iraq. Officials denied the report.",
       "A meteorite crashed near Managua, officials said.",
       "The fisherman was found alive after days at sea.", "Apple will sell watches in 2015."},
      StanceFeaturizerOptions{50, 3, 1});
  return f;
}

StanceFeatures Features(std::string_view a, std::string_view b) {
  const auto& f = Featurizer();
  return f.Featurize(f.Analyze(a), f.Analyze(b), true);
}

}  // namespace

TEST_CASE("LightStem folds common inflections", "[engine][stance]") {
  const std::pair<const char*, const char*> cases[] = {
      {"denies", "deny"},          {"denied", "deny"},       {"troops", "troop"},
      {"withdrawing", "withdraw"}, {"confirmed", "confirm"}, {"closes", "clos"},
      {"close", "clos"},           {"status", "status"},     {"glass", "glass"},
      {"reportedly", "report"},
  };
  for (const auto& [word, stem] : cases) {
    INFO(word);
    CHECK(LightStem(word) == stem);
  }
  CHECK(StemId("the") == 0);
  CHECK(StemId("troops") == StemId("troop"));
}

TEST_CASE("Stance lexicon knows refuting, hedging and negation cues", "[engine][stance]") {
  CHECK(IsRefutingWord("hoax"));
  CHECK(IsRefutingWord("denied"));
  CHECK_FALSE(IsRefutingWord("confirmed"));
  CHECK(IsHedgingWord("reportedly"));
  CHECK(IsConfirmingWord("confirmed"));
  CHECK(IsNegationWord("not"));
  CHECK(IsNegationWord("didn't"));
  CHECK(IsNegationWord("hasn't"));
  CHECK_FALSE(IsNegationWord("note"));
  CHECK(MonthNumber("september") == 9);
  CHECK(MonthNumber("may") == 0);
}

TEST_CASE("Analyze splits sentences at stops and line breaks, not abbreviations",
          "[engine][stance]") {
  const auto t = Featurizer().Analyze(
      "Mr. Smith met U.S. officials. They denied it!\nNew line here? \"Yes,\" he said.");
  REQUIRE(t.sentences.size() == 4);
  CHECK(t.words[t.sentences[1].first] == "they");
  CHECK(t.sentences[2].question);
  CHECK(t.sentences[3].quote);
}

TEST_CASE("Identical texts are maximally similar, disjoint ones not at all", "[engine][stance]") {
  const auto same =
      Features("US troops will withdraw from Iraq", "US troops will withdraw from Iraq");
  CHECK(same.dense[kCosineMax] == Approx(1.0f));
  CHECK(same.dense[kOverlapTop] == Approx(1.0f));
  CHECK(same.dense[kBigramOverlap] == Approx(1.0f));
  CHECK(same.dense[kShortB] == 1.0f);
  const auto other =
      Features("US troops will withdraw from Iraq", "A meteorite crashed near Managua");
  CHECK(other.dense[kCosineMax] == 0.0f);
  CHECK(other.dense[kOverlapWhole] == 0.0f);
}

TEST_CASE("Contradiction cues are found with their words", "[engine][stance]") {
  struct Case {
    const char* a;
    const char* b;
    int feature;
    const char* evidence;  // substring of the feature's evidence
  };
  const Case cases[] = {
      {"US troops will withdraw from Iraq", "US troops will not withdraw from Iraq",
       kNegatedSharedB, "'not' before 'withdraw' in B"},
      {"US troops will withdraw from Iraq", "US troops will not withdraw from Iraq",
       kPolarityMismatch, "polarity differs"},
      {"2,500 troops remain in Iraq", "Only 5 troops remain in Iraq", kNumberMismatch,
       "numbers differ: 2500 vs 5"},
      {"Troops leave Iraq by September 2025", "Troops leave Iraq by September 2026", kDateMismatch,
       "dates differ: 2025 vs 2026"},
      {"The fisherman was found alive", "The fisherman was found dead", kAntonymTop,
       "antonyms: 'alive' in A vs 'dead' in B"},
      {"Apple will sell watches", "Apple denied it will sell watches, calling it a hoax",
       kRefuteTop, "refuting word: 'denied' in B"},
      {"Apple will sell watches", "Apple denied it will sell watches", kRefuteNearShared,
       "'denied' near"},
      {"Apple will sell watches", "Apple reportedly will sell watches", kHedgeTop,
       "hedging: 'reportedly' in B"},
      {"Will Apple sell watches?", "Apple sells watches", kQuestionA, "question in A"},
  };
  for (const Case& c : cases) {
    INFO(c.a << " | " << c.b << " | " << DenseFeatureName(c.feature));
    const auto f = Features(c.a, c.b);
    CHECK(f.dense[c.feature] > 0);
    CHECK_THAT(f.evidence[c.feature], Catch::Contains(c.evidence));
  }
  // And not found where they are absent.
  const auto plain = Features("US troops will withdraw from Iraq", "US troops withdraw from Iraq");
  for (int feature : {kNegatedSharedB, kPolarityMismatch, kNumberMismatch, kDateMismatch,
                      kAntonymTop, kRefuteTop}) {
    INFO(DenseFeatureName(feature));
    CHECK(plain.dense[feature] == 0);
  }
}

TEST_CASE("Article features come from the sentences most related to the claim",
          "[engine][stance]") {
  const std::string article =
      "A meteorite crashed near Managua. Officials said nothing else. "
      "Separately, the coalition said US troops will not withdraw from Iraq.";
  const auto f = Features("US troops will withdraw from Iraq", article);
  CHECK(f.dense[kBestPosition] == Approx(1.0f));
  CHECK(f.dense[kNegatedSharedB] > 0);
  CHECK(f.dense[kLogSentencesB] == Approx(std::log1p(3.0f)));
}

TEST_CASE("Featurizer tables survive a save and load", "[engine][stance]") {
  std::stringstream s;
  Featurizer().Save(s);
  const StanceFeaturizer loaded = StanceFeaturizer::Load(s, "test");
  const auto a = Features("2,500 troops remain in Iraq", "Officials denied 2,500 troops remain");
  const auto b = loaded.Featurize(loaded.Analyze("2,500 troops remain in Iraq"),
                                  loaded.Analyze("Officials denied 2,500 troops remain"));
  CHECK(a.dense == b.dense);
  CHECK(a.sparse == b.sparse);
  std::stringstream bad("featurizer 1 2");
  CHECK_THROWS_WITH(StanceFeaturizer::Load(bad, "m.bin"), Catch::Contains("m.bin"));
}
