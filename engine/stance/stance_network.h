// The stance model's classifier: one hidden layer of rectified linear units over the dense stance
// features (standardised) and the sparse term-frequency blocks, then a softmax over the four
// stances — the architecture of Riedel et al. (2017, "A simple but tough-to-beat baseline for the
// Fake News Challenge"), with de Marneffe-style features added to its input (stance_features.h).
// Trained by stance_trainer.h; weights are Eigen matrices.
#pragma once

#include <Eigen/Dense>
#include <array>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "engine/stance/stance_features.h"

namespace claimgraph::engine {

class StanceNetwork {
 public:
  StanceNetwork() = default;
  // Weights start at zero; the trainer initialises them.
  StanceNetwork(int inputs, int hidden);

  int inputs() const { return static_cast<int>(w1_.cols()); }
  int hidden() const { return static_cast<int>(w1_.rows()); }

  // Class probabilities (agree, disagree, discuss, unrelated). Thread-safe.
  std::array<double, 4> Predict(const StanceFeatures& features) const;

  // The contribution of each dense feature to the logit of `label` (gradient times standardised
  // input), for explaining a prediction. Thread-safe.
  std::vector<double> DenseAttribution(const StanceFeatures& features, int label) const;

  // Network input: standardised dense values then the sparse entries, as (index, value).
  std::vector<std::pair<int, float>> Input(const StanceFeatures& features) const;

  // Rounds the first layer's weights to bfloat16, as Save() stores them, so that a trained model
  // and its saved copy predict alike.
  void RoundFirstLayer();

  // Writes the shape, then little-endian floats (the first layer as bfloat16).
  void Save(std::ostream& out) const;
  static StanceNetwork Load(std::istream& in, const std::string& name);

  // Parameters, public to the trainer.
  Eigen::MatrixXf w1_;  // hidden x inputs
  Eigen::VectorXf b1_;
  Eigen::MatrixXf w2_;  // 4 x hidden
  Eigen::VectorXf b2_;
  Eigen::VectorXf dense_mean_, dense_scale_;  // standardisation of the dense features
};

}  // namespace claimgraph::engine
