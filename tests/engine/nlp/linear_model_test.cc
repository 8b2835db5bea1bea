#include "engine/nlp/linear_model.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace claimgraph::engine::nlp;

namespace {

// A toy tagging problem: the class of a "word" is decided by its last letter, with a shared
// bias feature and a distractor; the perceptron must learn it exactly.
struct Example {
  std::vector<uint64_t> features;
  int label;
};

std::vector<Example> ToyData(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  const std::string letters = "abcdef";
  std::vector<Example> data;
  for (int i = 0; i < n; ++i) {
    const char last = letters[rng() % letters.size()];
    const char noise = letters[rng() % letters.size()];
    Example e;
    e.features = {FeatureHash(1, std::string(1, last)), FeatureHash(2, std::string(1, noise)),
                  FeatureHash(3, "bias")};
    e.label = (last - 'a') % 3;
    data.push_back(e);
  }
  return data;
}

LinearModel Train(const std::vector<Example>& data) {
  LinearModelTrainer trainer({"x", "y", "z"});
  std::vector<float> scores(3);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (const Example& e : data) {
      trainer.Score(e.features, scores.data());
      int guess = 0;
      for (int c = 1; c < 3; ++c) {
        if (scores[c] > scores[guess]) guess = c;
      }
      trainer.Update(e.features, e.label, guess);
      trainer.Tick();
    }
  }
  return trainer.Finish();
}

}  // namespace

TEST_CASE("LinearModel learns a separable problem and scores unknown features as zero",
          "[engine][nlp][linear_model]") {
  const auto data = ToyData(300, 7);
  const LinearModel model = Train(data);
  REQUIRE(model.num_classes() == 3);
  CHECK(model.ClassIndex("y") == 1);
  CHECK(model.ClassIndex("w") == -1);
  std::vector<float> scores(3);
  int correct = 0;
  for (const Example& e : ToyData(200, 99))
    correct += model.Predict(e.features, scores.data()) == e.label;
  CHECK(correct == 200);
  const std::vector<uint64_t> unknown = {FeatureHash(9, "never seen")};
  model.Score(unknown, scores.data());
  CHECK(scores == std::vector<float>{0, 0, 0});
}

TEST_CASE("LinearModel training is deterministic and round-trips its file format",
          "[engine][nlp][linear_model]") {
  const auto data = ToyData(300, 7);
  const LinearModel a = Train(data);
  const LinearModel b = Train(data);
  const std::string bytes = a.Serialize();
  CHECK(bytes == b.Serialize());
  CHECK(bytes.substr(0, 4) == "CGLM");

  size_t offset = 0;
  const std::string two = bytes + bytes;
  const LinearModel c = LinearModel::Parse(two, &offset, "toy");
  CHECK(offset == bytes.size());
  const LinearModel d = LinearModel::Parse(two, &offset, "toy");
  CHECK(offset == two.size());
  CHECK(c.Serialize() == bytes);
  CHECK(d.num_weights() == a.num_weights());
  std::vector<float> sa(3), sc(3);
  for (const Example& e : ToyData(50, 3)) {
    a.Score(e.features, sa.data());
    c.Score(e.features, sc.data());
    CHECK(sa == sc);
  }
}

TEST_CASE("LinearModel rejects a wrong magic, another version and a truncated file",
          "[engine][nlp][linear_model]") {
  const std::string bytes = Train(ToyData(100, 1)).Serialize();
  size_t offset = 0;
  std::string wrong_version = bytes;
  wrong_version[4] = 9;
  CHECK_THROWS_WITH(LinearModel::Parse(wrong_version, &offset, "m.bin"),
                    Catch::Contains("m.bin") && Catch::Contains("version 9"));
  offset = 0;
  std::string wrong_magic = bytes;
  wrong_magic[0] = 'X';
  CHECK_THROWS_WITH(LinearModel::Parse(wrong_magic, &offset, "m.bin"), Catch::Contains("magic"));
  offset = 0;
  CHECK_THROWS_WITH(LinearModel::Parse(bytes.substr(0, bytes.size() - 3), &offset, "m.bin"),
                    Catch::Contains("truncated"));
}

TEST_CASE("Half-precision conversion rounds to nearest and keeps specials",
          "[engine][nlp][linear_model]") {
  CHECK(HalfToFloat(FloatToHalf(1.0f)) == 1.0f);
  CHECK(HalfToFloat(FloatToHalf(-2.5f)) == -2.5f);
  CHECK(HalfToFloat(FloatToHalf(0.0f)) == 0.0f);
  CHECK(FloatToHalf(1.0f) == 0x3c00);
  CHECK(FloatToHalf(65504.0f) == 0x7bff);
  CHECK(std::isinf(HalfToFloat(FloatToHalf(1e6f))));
  // Subnormals survive the round trip.
  const float tiny = HalfToFloat(0x0001);
  CHECK(tiny == Approx(5.96046e-8f));
  CHECK(FloatToHalf(tiny) == 0x0001);
  // Every half converts back to itself.
  for (uint32_t h = 0; h < 0x7c00; h += 7)
    CHECK(FloatToHalf(HalfToFloat(static_cast<uint16_t>(h))) == h);
  // Relative error stays within half an ulp (2^-11) for normal numbers.
  for (float f : {0.1f, 0.3333f, 3.14159f, 123.456f, -0.007f}) {
    CHECK(std::fabs(HalfToFloat(FloatToHalf(f)) - f) <= std::fabs(f) * 0x1p-11f);
  }
}

TEST_CASE("FeatureHash separates templates and value boundaries", "[engine][nlp][linear_model]") {
  CHECK(FeatureHash(1, "ing") != FeatureHash(2, "ing"));
  CHECK(FeatureHash(1, "ab", "c") != FeatureHash(1, "a", "bc"));
  CHECK(FeatureHash(1, "x") == FeatureHash(1, "x"));
  CHECK(FeatureHash(0, "") != 0);
}

TEST_CASE("LinearModel pruning after training equals pruning while training",
          "[engine][nlp][linear_model]") {
  // Many classes (the class-id row layout) and a few (the bit-mask layout).
  for (const int classes : {3, 40, 300}) {
    std::vector<std::string> names;
    for (int c = 0; c < classes; ++c) names.push_back(std::to_string(c));
    LinearModelTrainer trainer(names);
    std::mt19937 rng(5);
    std::vector<float> scores(classes);
    for (int step = 0; step < 3000; ++step) {
      const int label = static_cast<int>(rng() % classes);
      const std::vector<uint64_t> features = {FeatureHash(1, std::to_string(label)),
                                              FeatureHash(2, std::to_string(rng() % 50)),
                                              FeatureHash(3, "bias")};
      trainer.Score(features, scores.data());
      int guess = 0;
      for (int c = 1; c < classes; ++c) {
        if (scores[c] > scores[guess]) guess = c;
      }
      trainer.Update(features, label, guess);
      trainer.Tick();
    }
    const LinearModel full = trainer.Finish();
    const LinearModel pruned = trainer.Finish(0.5f);
    CHECK(pruned.num_weights() < full.num_weights());
    CHECK(full.Pruned(0.5f).Serialize() == pruned.Serialize());
    size_t offset = 0;
    const std::string bytes = pruned.Serialize();
    const LinearModel back = LinearModel::Parse(bytes, &offset, "toy");
    CHECK(offset == bytes.size());
    CHECK(back.Serialize() == bytes);
    // The label feature decides: the quantised model still predicts (nearly) every class.
    int correct = 0;
    for (int c = 0; c < classes; ++c) {
      const std::vector<uint64_t> features = {FeatureHash(1, std::to_string(c)),
                                              FeatureHash(3, "bias")};
      correct += back.Predict(features, scores.data()) == c;
    }
    CHECK(correct >= classes * 95 / 100);
  }
}
