// A small averaged perceptron over hashed features, used by the attribution model both as a
// binary classifier (is this token a cue? score > 0) and as a ranker (which candidate is the
// source / the content? the highest score wins): Collins 2002 ("Discriminative training methods
// for hidden Markov models"), with the averaging done lazily (each weight keeps its running total
// and the step it last changed). One weight per feature; a feature is a 64-bit hash of a template
// name and its values (FNV-1a, stable across platforms).
//
// Serialised form (little-endian): weight count (u32), then (feature u64, weight f32) in
// increasing feature order; the same model gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimgraph::engine::attrib {

// Stable hash of the parts of a feature ("lemma", "say").
uint64_t Feature(std::string_view a, std::string_view b = {}, std::string_view c = {});

class Perceptron {
 public:
  float Score(const std::vector<uint64_t>& features) const;
  size_t size() const { return weights_.size(); }

  std::string Serialize() const;
  // Reads a model written by Serialize at `*offset`, advancing it. Throws std::runtime_error
  // naming `what` on a truncated input.
  static Perceptron Parse(std::string_view bytes, size_t* offset, const std::string& what);

 private:
  friend class PerceptronTrainer;
  std::unordered_map<uint64_t, float> weights_;
};

// Trains a Perceptron; deterministic for the same sequence of calls.
class PerceptronTrainer {
 public:
  // Score with the current (not averaged) weights.
  float Score(const std::vector<uint64_t>& features) const;
  // Adds `delta` to the weight of every feature (with repetition).
  void Update(const std::vector<uint64_t>& features, float delta);
  // Ends one training example (advances the averaging clock).
  void Tick() { ++clock_; }
  // The averaged model; weights with |w| below `min_weight` are dropped.
  Perceptron Finish(float min_weight) const;

 private:
  struct W {
    float value = 0;
    double total = 0;
    int64_t stamp = 0;
  };
  std::unordered_map<uint64_t, W> weights_;
  int64_t clock_ = 1;
};

}  // namespace claimgraph::engine::attrib
