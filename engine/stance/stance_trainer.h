// Training the stance model (stance_model.h): fit the featurizer's tables on the training texts,
// featurize every pair, then train the one-hidden-layer network (Riedel et al. 2017) with Adam
// (Kingma & Ba 2015) on class-weighted cross-entropy, dropout on the hidden layer and L2 decay.
//
// Deviations from Riedel et al.: de Marneffe-style dense features join the input; B's term
// frequencies come from its sentences most related to the claim, not the whole body; classes are
// weighted (n / (4 n_c))^power so that the rare `disagree` class is not drowned out.
//
// Deterministic: one seed drives initialisation, shuffling and dropout; threads only featurize, and
// each pair's features do not depend on how the work is split.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/stance/stance_dataset.h"
#include "engine/stance/stance_features.h"
#include "engine/stance/stance_model.h"

namespace claimgraph::engine {

struct StanceTrainerOptions {
  StanceFeaturizerOptions features;
  int hidden = 100;
  int epochs = 10;
  int batch_size = 64;
  float learning_rate = 1e-3f;
  float l2 = 1e-6f;
  float dropout = 0.4f;             // share of hidden units dropped while training
  double class_weight_power = 0.5;  // 0 = unweighted, 1 = fully balanced
  uint64_t seed = 20170517;
  int threads = 2;
};

struct StanceTrainingResult {
  StanceModel model;
  int epochs = 0;
  std::vector<double> epoch_loss;  // mean weighted cross-entropy of each epoch
  double featurize_seconds = 0;
  double train_seconds = 0;
};

// REQUIRES: dataset.pairs is not empty. Throws std::invalid_argument otherwise.
StanceTrainingResult TrainStanceModel(const StanceDataset& dataset,
                                      const StanceTrainerOptions& options);

}  // namespace claimgraph::engine
