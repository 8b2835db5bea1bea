// The linear model every trained component of the linguistic layer scores with: the part-of-speech
// tagger, the named-entity tagger and the dependency parser's transition classifier. Features are
// 64-bit hashes (FeatureHash) of a template id and its values; a model maps each feature it knows
// to a short row of per-class weights, and a class's score is the sum of its weights over the
// features present.
//
// Method: the averaged perceptron (Collins 2002, "Discriminative training methods for hidden
// Markov models"; Freund & Schapire 1999); an update costs the features touched, not the model.
// Rows are sparse: a feature keeps a weight for a class only if its average is non-zero and not
// pruned, which keeps models a few MB.
//
// Layout for speed: an open-addressing table of feature hashes, each slot pointing to its row's
// (class, weight) entries in one contiguous array (weights[feature][class], sparse). Score() adds
// the rows of a feature list into a caller buffer: one probe and one short contiguous run per
// feature.
//
// Training (LinearModelTrainer) keeps dense rows (every class's weight and its running total for
// each feature seen in an update) in one flat open-addressing table: the parser's 17 million
// moves and the taggers' 4 million tokens train in a few CPU minutes. Averaging is Daume's trick
// (average = w - u / clock, u accumulating clock * delta), exact and O(1) per update.
//
// Size: weights are quantised to 8 bits on a logarithmic scale per class (sign + 7-bit magnitude
// between 2^-12 of the class's largest weight and that weight: +-3.4% relative error; smaller
// weights are dropped), which keeps accuracy where a linear int8 scale would zero the many small
// weights. Finish() applies the quantisation, so a trained model scores exactly as its saved
// copy does, and Finish(x) is Finish(0).Pruned(x) byte for byte.
//
// File format (little-endian), versioned: magic "CGLM", version 2 (u32), class count (u32), class
// names (u32 length + bytes each), per class the low and high of its magnitude scale (two
// float32), row count (u32), then per row in increasing feature order: the feature (its hash's
// low 40 bits; 0 read as 1) as a LEB128 varint of its difference from the previous row's; then, for
// models of at most 8 classes, a byte with one bit per class present followed by one code byte per
// present class in class order, otherwise a varint entry count followed by (class: u8 if there are
// at most 256 classes else u16, code: u8) per entry. A code's bit 7 is the sign, bits 0-6 the step
// k of the magnitude lo * (hi / lo)^(k / 126). Serialize() of the same model gives the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine::nlp {

// Hash of a feature template and its value ("suffix3" + "ing"). Stable across runs and platforms
// (FNV-1a over the bytes, then a 64-bit finaliser), so models trained once score anywhere.
uint64_t FeatureHash(uint64_t template_id, std::string_view value);
// Combines a feature hash with another value (a second word, a tag id).
uint64_t FeatureHash(uint64_t template_id, std::string_view a, std::string_view b);
uint64_t MixHash(uint64_t h, uint64_t value);

// A trained model. Immutable; Score() is const and thread-safe.
class LinearModel {
 public:
  LinearModel() = default;

  size_t num_classes() const { return classes_.size(); }
  const std::vector<std::string>& classes() const { return classes_; }
  // Index of `name` among the classes, or -1.
  int ClassIndex(std::string_view name) const;
  size_t num_features() const { return num_rows_; }
  size_t num_weights() const { return entries_.size(); }

  // scores[0, num_classes()) = sum over `features` of their weights. Unknown features add nothing.
  // REQUIRES: `scores` holds num_classes() floats (they are overwritten).
  void Score(const uint64_t* features, size_t count, float* scores) const;
  void Score(const std::vector<uint64_t>& features, float* scores) const {
    Score(features.data(), features.size(), scores);
  }
  // The class with the highest score (the lowest index on ties).
  int Predict(const std::vector<uint64_t>& features, float* scores) const;

  // The versioned binary form described above, and back. Parse throws std::runtime_error naming
  // `what` on a wrong magic, an unknown version or a truncated file. `offset` is advanced past the
  // model so several models can share one file.
  std::string Serialize() const;
  void SerializeTo(std::string* out) const;
  static LinearModel Parse(std::string_view bytes, size_t* offset, const std::string& what);

  static constexpr uint32_t kVersion = 2;

  // A copy without the weights whose magnitude is below `min_weight` (features left without
  // weights are dropped); the quantisation scales are kept.
  LinearModel Pruned(float min_weight) const;

 private:
  friend class LinearModelTrainer;
  struct Slot {
    uint64_t feature = 0;  // 0 = empty (FeatureHash never returns 0)
    uint32_t first = 0;    // entries_[first, first + count)
    uint32_t count = 0;
  };
  struct Entry {
    uint16_t cls;
    uint8_t code;  // the quantised weight (see the file format)
    float weight;  // its value, Dequantize(cls, code)
  };
  float Dequantize(int cls, uint8_t code) const;
  uint8_t Quantize(int cls, float weight) const;
  // Builds the hash table from rows given in increasing feature order.
  void Build(const std::vector<uint64_t>& features, const std::vector<uint32_t>& row_begin);
  const Slot* Find(uint64_t feature) const;

  std::vector<std::string> classes_;
  std::vector<Slot> slots_;  // power-of-two size, load <= 1/2
  uint64_t mask_ = 0;
  size_t num_rows_ = 0;
  std::vector<Entry> entries_;
  std::vector<float> low_, high_;  // per class: smallest and largest kept magnitude
};

// Trains a LinearModel by the averaged perceptron. The caller drives the loop (Score with the
// current weights, Update on a mistake, Tick after every example) so that greedy taggers and
// transition parsers train with the features of their own predictions. Deterministic: the same
// calls give the same model bytes.
class LinearModelTrainer {
 public:
  explicit LinearModelTrainer(std::vector<std::string> classes);

  size_t num_classes() const { return classes_.size(); }
  const std::vector<std::string>& classes() const { return classes_; }
  int ClassIndex(std::string_view name) const;
  // Scores with the current (not averaged) weights. REQUIRES: scores holds num_classes() floats.
  void Score(const uint64_t* features, size_t count, float* scores) const;
  void Score(const std::vector<uint64_t>& features, float* scores) const {
    Score(features.data(), features.size(), scores);
  }
  // Perceptron update: +1 to `truth`, -1 to `guess` (if >= 0) for every feature. No-op if they
  // are equal.
  void Update(const std::vector<uint64_t>& features, int truth, int guess);
  // Ends one example: the averaging clock advances.
  void Tick() { ++clock_; }
  size_t num_features() const { return keys_.size(); }  // features seen in an update

  // The averaged model, quantised. Weights with |w| < min_weight are dropped (0 keeps every
  // non-zero one).
  LinearModel Finish(float min_weight = 0.0f) const;

 private:
  int64_t Find(uint64_t key) const;
  size_t FindOrAdd(uint64_t key);
  void Grow(size_t slots);

  std::vector<std::string> classes_;
  double clock_ = 1.0;
  size_t mask_ = 0;
  std::vector<uint64_t> slot_key_;  // 0 = empty
  std::vector<uint32_t> slot_row_;
  std::vector<uint64_t> keys_;  // row -> feature
  std::vector<float> w_;        // row * classes + class: current weight
  std::vector<double> u_;       // ... and the sum of clock * delta over its updates
};

// IEEE 754 half-precision conversions (round to nearest even), used by the file format.
uint16_t FloatToHalf(float f);
float HalfToFloat(uint16_t h);

}  // namespace claimgraph::engine::nlp
