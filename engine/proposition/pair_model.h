// The learned pair model: how two claims relate (agree / contradict / update / related /
// unrelated), from the alignment of their propositions (proposition.h). A network with one hidden
// layer of rectified linear units over the alignment features, softmax over the five relations,
// trained with Adam (Kingma & Ba 2015) on class-weighted cross-entropy — the shape of the stance
// model (stance_network.h), on propositions instead of bags of words.
//
// Training data (`claimgraph train pairs`): SICK's TRAIN portion (entailment -> agree,
// contradiction -> contradict, neutral -> related), Emergent's claim/headline pairs (for ->
// agree, against -> contradict, observing -> related) and the dev part of the team's real news
// pairs (samples/polnear_pairs.tsv), weighted so that the small real-news set counts. SICK's TRIAL
// portion and the real pairs' test part are held out.
//
// Decision (DecidePair): the model's most probable relation, behind the proposition check: a
// contradiction needs the alignment's may_contradict (same subject referent, aligned predicate
// or measure, overlapping times, no fragment); otherwise the pair is only "related". A rule
// verdict on aligned parts (a measure that differs at different times = update; the same figure
// for different holders = unrelated) stands when the model gives it some probability.
//
// Deterministic: one seed drives initialisation and shuffling. The model is a small text file
// (engine/proposition/pair_model.txt) compiled into the binary.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "engine/proposition/proposition.h"

namespace claimgraph::engine {

struct PairExample {
  std::array<float, kNumAlignmentFeatures> features{};
  PairRelation label = PairRelation::kRelated;
  float weight = 1;
};

struct PairTrainerOptions {
  int hidden = 24;
  int epochs = 40;
  int batch_size = 32;
  float learning_rate = 3e-3f;
  float l2 = 1e-4f;
  double class_weight_power = 0.5;
  uint64_t seed = 20140823;  // SemEval-2014
};

class PairModel {
 public:
  PairModel() = default;

  // P(relation) for each of the five relations (PairRelation order). An untrained model
  // returns the uniform distribution.
  std::array<double, kNumPairRelations> Predict(
      const std::array<float, kNumAlignmentFeatures>& features) const;

  bool trained() const { return hidden_ > 0; }

  // Text format: a header line "claimgraph-pair-model 1 INPUTS HIDDEN", then the standardisation
  // (mean, scale), the first layer, its bias, the second layer, its bias, one row a line.
  void Save(std::ostream& out) const;
  // Throws std::runtime_error naming `name` on a malformed model.
  static PairModel Load(std::istream& in, const std::string& name = "<pair model>");

  // REQUIRES: examples not empty.
  static PairModel Train(const std::vector<PairExample>& examples,
                         const PairTrainerOptions& options,
                         std::vector<double>* epoch_loss = nullptr);

 private:
  int hidden_ = 0;
  std::vector<float> mean_, scale_;  // kNumAlignmentFeatures each
  std::vector<float> w1_;            // hidden x inputs
  std::vector<float> b1_;
  std::vector<float> w2_;  // relations x hidden
  std::vector<float> b2_;
};

// The shipped model (engine/proposition/pair_model.txt), loaded on first use; untrained if the
// build carries none. Thread-safe.
const PairModel& DefaultPairModel();

struct PairDecision {
  PairRelation relation = PairRelation::kRelated;
  double score = 0;  // probability-like confidence in `relation`
  std::array<double, kNumPairRelations> probabilities{};
  std::vector<std::string> reasons;
};

// The relation of two aligned propositions: the model behind the proposition check (above).
PairDecision DecidePair(const Alignment& alignment, const PairModel& model);

}  // namespace claimgraph::engine
