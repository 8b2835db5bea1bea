// The linear model every trained component of the linguistic layer scores with: the part-of-speech
// tagger, the named-entity tagger and the dependency parser's transition classifier. Features are
// 64-bit hashes (FeatureHash) of a template id and its values; a model maps each feature it knows
// to a short row of per-class weights, and a class's score is the sum of its weights over the
// features present.
//
// Method: the averaged perceptron (Collins 2002, "Discriminative training methods for hidden
// Markov models"; Freund & Schapire 1999), with lazy averaging as in Honnibal's tagger (each
// weight keeps the step it last changed and its running total, so an update costs the features
// touched, not the model). Rows are sparse: a feature gets a weight for a class only when an update
// touched that pair, which keeps models a few MB.
//
// Layout for speed: an open-addressing table of feature hashes, each slot pointing to its row's
// (class, weight) entries in one contiguous array (weights[feature][class], sparse). Score() adds
// the rows of a feature list into a caller buffer: one probe and one short contiguous run per
// feature.
//
// File format (little-endian), versioned: magic "CGLM", version (u32), class count (u32), class
// names (u32 length + bytes each), row count (u32), then per row in increasing feature order:
// feature (u64), entry count (u16), entries (class u16, weight float16). Weights are stored as
// IEEE half floats: averaged weights sit well inside its range and the tagger's accuracy is
// unchanged to 0.01% (docs/EVALUATION.md). Serialize() of the same model gives the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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

  static constexpr uint32_t kVersion = 1;

 private:
  friend class LinearModelTrainer;
  struct Slot {
    uint64_t feature = 0;  // 0 = empty (FeatureHash never returns 0)
    uint32_t first = 0;    // entries_[first, first + count)
    uint32_t count = 0;
  };
  struct Entry {
    uint16_t cls;
    float weight;
  };
  // Builds the hash table from rows given in increasing feature order.
  void Build(const std::vector<uint64_t>& features, const std::vector<uint32_t>& row_begin);
  const Slot* Find(uint64_t feature) const;

  std::vector<std::string> classes_;
  std::vector<Slot> slots_;  // power-of-two size, load <= 1/2
  uint64_t mask_ = 0;
  size_t num_rows_ = 0;
  std::vector<Entry> entries_;
};

// Trains a LinearModel by the averaged perceptron. The caller drives the loop (Score with the
// current weights, Update on a mistake, Tick after every example) so that greedy taggers and
// transition parsers train with the features of their own predictions. Deterministic: the same
// calls give the same model bytes.
class LinearModelTrainer {
 public:
  explicit LinearModelTrainer(std::vector<std::string> classes);

  size_t num_classes() const { return classes_.size(); }
  int ClassIndex(std::string_view name) const;
  // Scores with the current (not averaged) weights. REQUIRES: scores holds num_classes() floats.
  void Score(const uint64_t* features, size_t count, float* scores) const;
  void Score(const std::vector<uint64_t>& features, float* scores) const {
    Score(features.data(), features.size(), scores);
  }
  // Perceptron update: +1 to `truth`, -1 to `guess` for every feature. No-op if they are equal.
  void Update(const std::vector<uint64_t>& features, int truth, int guess);
  // Ends one example: the averaging clock advances.
  void Tick() { ++clock_; }

  // The averaged model. Weights with |w| < min_weight are dropped (0 keeps every non-zero one).
  LinearModel Finish(float min_weight = 0.0f) const;

 private:
  struct Weight {
    uint16_t cls;
    float value;
    double total;    // sum of value over the steps before `stamp`
    uint64_t stamp;  // clock of the last change
  };
  std::vector<std::string> classes_;
  std::unordered_map<uint64_t, std::vector<Weight>> weights_;
  uint64_t clock_ = 1;
};

// IEEE 754 half-precision conversions (round to nearest even), used by the file format.
uint16_t FloatToHalf(float f);
float HalfToFloat(uint16_t h);

}  // namespace claimgraph::engine::nlp
