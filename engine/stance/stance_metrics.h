// Scores of stance predictions against gold labels: the FNC-1 score exactly as the official
// scorer (FakeNewsChallenge/fnc-1, scorer.py): +0.25 when a pair's related/unrelated decision is
// right, and +0.75 more when a related pair gets the right one of agree / disagree / discuss;
// reported relative to the best possible score. Also accuracy, the confusion matrix and
// per-class precision, recall and F1.
#pragma once

#include <array>
#include <string>

#include "engine/stance/stance_model.h"

namespace claimgraph::engine {

class StanceConfusion {
 public:
  explicit StanceConfusion(int classes = kNumStanceLabels) : classes_(classes) {}

  void Add(StanceLabel gold, StanceLabel predicted);

  // counts[gold][predicted]
  long Count(StanceLabel gold, StanceLabel predicted) const {
    return counts_[static_cast<int>(gold)][static_cast<int>(predicted)];
  }
  long Total() const;
  double Accuracy() const;
  double Precision(StanceLabel label) const;
  double Recall(StanceLabel label) const;
  double F1(StanceLabel label) const;
  double MacroF1() const;  // over the classes in use

  // The official FNC-1 score, the best achievable on the same gold labels, and their ratio.
  double FncScore() const;
  double MaxFncScore() const;
  double RelativeFncScore() const;

  int classes() const { return classes_; }

  // Per-class precision / recall / F1 table and the confusion matrix, as plain text.
  std::string Report() const;

 private:
  int classes_;  // 4 for FNC-1; 3 (agree, disagree, discuss) for Emergent
  std::array<std::array<long, kNumStanceLabels>, kNumStanceLabels> counts_{};
};

}  // namespace claimgraph::engine
