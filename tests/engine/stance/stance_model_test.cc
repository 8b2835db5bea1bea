#include "engine/stance/stance_model.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "engine/stance/stance_dataset.h"
#include "engine/stance/stance_features.h"
#include "engine/stance/stance_trainer.h"

namespace {

using namespace claimgraph::engine;

// A tiny training set: agreeing restatements, refutations, hedged reports and unrelated pairs.
StanceDataset TinySet() {
  StanceDataset d;
  d.claims = {"Apple will sell 19 million watches in 2015", "Troops will withdraw from Iraq",
              "A meteorite crashed in Managua"};
  d.others = {
      "Apple will sell 19 million watches in 2015, analysts confirmed.",
      "Apple denied it will sell 19 million watches; the report is a hoax.",
      "Apple may reportedly sell watches, according to unconfirmed claims.",
      "Troops will withdraw from Iraq, the coalition confirmed.",
      "The coalition denied that troops will withdraw from Iraq. It is false.",
      "Troops could reportedly withdraw from Iraq, sources claim.",
      "A meteorite crashed in Managua, officials confirmed.",
      "Officials denied a meteorite crashed in Managua; it was a hoax.",
      "A meteorite may have crashed in Managua, reports claim.",
  };
  for (uint32_t c = 0; c < 3; ++c) {
    d.pairs.push_back({c, 3 * c + 0, StanceLabel::kAgree, c});
    d.pairs.push_back({c, 3 * c + 1, StanceLabel::kDisagree, c});
    d.pairs.push_back({c, 3 * c + 2, StanceLabel::kDiscuss, c});
    for (uint32_t o = 0; o < 9; ++o) {
      if (o / 3 != c) d.pairs.push_back({c, o, StanceLabel::kUnrelated, c});
    }
  }
  return d;
}

StanceTrainerOptions TinyOptions() {
  StanceTrainerOptions o;
  o.hidden = 8;
  o.epochs = 60;
  o.batch_size = 4;
  o.learning_rate = 0.01f;
  o.dropout = 0;
  o.features.vocabulary_size = 30;
  o.features.min_document_frequency = 1;
  o.threads = 1;
  return o;
}

}  // namespace

TEST_CASE("Stance labels parse and print", "[engine][stance]") {
  for (int c = 0; c < kNumStanceLabels; ++c) {
    const auto label = static_cast<StanceLabel>(c);
    CHECK(ParseStanceLabel(StanceLabelName(label)) == label);
  }
  CHECK_FALSE(ParseStanceLabel("for").has_value());
  CHECK_FALSE(ParseStanceLabel("Agree").has_value());
}

TEST_CASE("Training is deterministic and learns a tiny set", "[engine][stance]") {
  const StanceDataset d = TinySet();
  const auto a = TrainStanceModel(d, TinyOptions());
  StanceTrainerOptions two_threads = TinyOptions();
  two_threads.threads = 2;
  const auto b = TrainStanceModel(d, two_threads);
  std::ostringstream sa, sb;
  a.model.Save(sa);
  b.model.Save(sb);
  CHECK(sa.str() == sb.str());
  CHECK(a.epochs == 60);
  CHECK(a.epoch_loss.back() < a.epoch_loss.front());
  const auto predictions = PredictStances(a.model, d, 2);
  int right = 0;
  for (size_t i = 0; i < d.pairs.size(); ++i) right += predictions[i].label == d.pairs[i].label;
  CHECK(right >= static_cast<int>(d.pairs.size()) * 9 / 10);

  // Save and load give the same predictions.
  std::istringstream in(sa.str());
  const StanceModel loaded = StanceModel::Load(in, "tiny");
  const auto p1 = a.model.Predict(d.claims[0], d.others[1]);
  const auto p2 = loaded.Predict(d.claims[0], d.others[1]);
  CHECK(p1.probabilities == p2.probabilities);
  CHECK(p1.reasons == p2.reasons);
}

TEST_CASE("Loading rejects what is not a model", "[engine][stance]") {
  std::istringstream junk("hello world");
  CHECK_THROWS_WITH(StanceModel::Load(junk, "junk.bin"), Catch::Contains("junk.bin"));
  std::istringstream future("claimgraph-stance-model 99\n");
  CHECK_THROWS_WITH(StanceModel::Load(future, "f.bin"), Catch::Contains("format 99"));
  CHECK_THROWS(StanceModel::LoadFile("/nonexistent/model.bin"));
}

TEST_CASE("The shipped model scores claim pairs and explains itself", "[engine][stance]") {
  const StanceModel& model = DefaultStanceModel();
  CHECK(&model == &DefaultStanceModel());

  const auto unrelated =
      model.Predict("US troops will withdraw from Iraq by September 2025",
                    "A small meteorite crashed into a wooded area in Nicaragua.");
  CHECK(unrelated.label == StanceLabel::kUnrelated);
  double sum = 0;
  for (double p : unrelated.probabilities) sum += p;
  CHECK(sum == Approx(1.0));
  CHECK(unrelated.score == Approx(unrelated.probabilities[3]));

  const auto refuted = model.Predict(
      "Apple will sell 19 million Apple Watches in 2015",
      "Apple denied reports that it will sell 19 million Apple Watches in 2015, calling the "
      "claim a hoax. The report is false, a spokesman said.");
  CHECK(refuted.label == StanceLabel::kDisagree);
  CHECK(refuted.RelatedLabel() == StanceLabel::kDisagree);
  REQUIRE_FALSE(refuted.reasons.empty());
  CHECK_THAT(refuted.reasons[0], Catch::Contains("'denied'") || Catch::Contains("'hoax'") ||
                                     Catch::Contains("'false'"));
  // No cue word is given twice.
  for (size_t i = 1; i < refuted.reasons.size(); ++i) {
    CHECK(refuted.reasons[i].substr(0, 20) != refuted.reasons[i - 1].substr(0, 20));
  }

  const auto negated = model.Predict(
      "All coalition forces are now in the Kurdistan Region",
      "There has been no withdrawal of coalition forces to the Kurdistan Region, the militia "
      "leader said.");
  CHECK(negated.RelatedLabel() == StanceLabel::kDisagree);

  const auto same = model.Predict("Apple will sell 19 million Apple Watches in 2015",
                                  "Apple will sell 19 million Apple Watches in 2015");
  CHECK(same.label != StanceLabel::kUnrelated);
  CHECK(same.label != StanceLabel::kDisagree);
  // The refutation is more likely a disagreement than the restatement is.
  CHECK(refuted.probabilities[1] > 2 * same.probabilities[1]);
}
