#include "engine/stance/stance_model.h"

#include <algorithm>
#include <fstream>
#include <istream>
#include <mutex>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "engine/stance/stance_features.h"
#include "engine/stance/stance_network.h"

// The shipped model's bytes, generated at build time from engine/stance/default_model.bin
// (engine/stance/embed_model.cmake).
extern const unsigned char kClaimgraphDefaultStanceModel[];
extern const size_t kClaimgraphDefaultStanceModelSize;

namespace claimgraph::engine {
namespace {

constexpr std::string_view kMagic = "claimgraph-stance-model";
constexpr int kFormatVersion = 2;  // 2: first layer as bfloat16
constexpr size_t kMaxReasons = 3;

}  // namespace

std::string_view StanceLabelName(StanceLabel label) {
  switch (label) {
    case StanceLabel::kAgree:
      return "agree";
    case StanceLabel::kDisagree:
      return "disagree";
    case StanceLabel::kDiscuss:
      return "discuss";
    case StanceLabel::kUnrelated:
      return "unrelated";
  }
  return "unrelated";
}

std::optional<StanceLabel> ParseStanceLabel(std::string_view name) {
  for (int c = 0; c < kNumStanceLabels; ++c) {
    if (name == StanceLabelName(static_cast<StanceLabel>(c))) return static_cast<StanceLabel>(c);
  }
  return std::nullopt;
}

StanceLabel StancePrediction::RelatedLabel() const {
  int best = 0;
  for (int c = 1; c < 3; ++c) {
    if (probabilities[c] > probabilities[best]) best = c;
  }
  return static_cast<StanceLabel>(best);
}

StanceModel::StanceModel(std::shared_ptr<const StanceFeaturizer> featurizer,
                         std::shared_ptr<const StanceNetwork> network)
    : featurizer_(std::move(featurizer)), network_(std::move(network)) {
  if (!featurizer_ || !network_) throw std::invalid_argument("StanceModel: null part");
  if (featurizer_->input_size() != network_->inputs()) {
    throw std::invalid_argument("StanceModel: featurizer gives " +
                                std::to_string(featurizer_->input_size()) +
                                " inputs, network takes " + std::to_string(network_->inputs()));
  }
}

StanceModel StanceModel::Load(std::istream& in, const std::string& name) {
  std::string magic;
  int version = 0;
  if (!(in >> magic >> version) || magic != kMagic) {
    throw std::runtime_error(name + ": not a claimgraph stance model");
  }
  if (version != kFormatVersion) {
    throw std::runtime_error(name + ": stance model format " + std::to_string(version) +
                             ", this build reads " + std::to_string(kFormatVersion));
  }
  auto featurizer = std::make_shared<StanceFeaturizer>(StanceFeaturizer::Load(in, name));
  auto network = std::make_shared<StanceNetwork>(StanceNetwork::Load(in, name));
  try {
    return StanceModel(std::move(featurizer), std::move(network));
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(name + ": " + e.what());
  }
}

StanceModel StanceModel::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open stance model");
  return Load(in, path);
}

void StanceModel::Save(std::ostream& out) const {
  out << kMagic << " " << kFormatVersion << "\n";
  featurizer_->Save(out);
  network_->Save(out);
}

void StanceModel::SaveFile(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path + ": cannot write stance model");
  Save(out);
  out.close();
  if (!out) throw std::runtime_error(path + ": error writing stance model");
}

StancePrediction StanceModel::Predict(std::string_view claim, std::string_view other_text) const {
  return PredictAnalyzed(featurizer_->Analyze(claim), featurizer_->Analyze(other_text), true);
}

StancePrediction StanceModel::PredictAnalyzed(const AnalyzedText& claim, const AnalyzedText& other,
                                              bool with_reasons) const {
  const StanceFeatures f = featurizer_->Featurize(claim, other, with_reasons);
  StancePrediction p;
  p.probabilities = network_->Predict(f);
  int best = 0;
  for (int c = 1; c < kNumStanceLabels; ++c) {
    if (p.probabilities[c] > p.probabilities[best]) best = c;
  }
  p.label = static_cast<StanceLabel>(best);
  p.score = p.probabilities[best];
  if (!with_reasons) return p;
  // Reasons: the dense features that pushed hardest towards the label and have words to show.
  const std::vector<double> contribution = network_->DenseAttribution(f, best);
  std::vector<int> order(kNumDenseFeatures);
  for (int i = 0; i < kNumDenseFeatures; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return contribution[a] > contribution[b]; });
  for (int i : order) {
    if (p.reasons.size() >= kMaxReasons || contribution[i] <= 0) break;
    const std::string& why = f.evidence[i];
    if (why.empty()) continue;
    // One reason per cue word: "refuting word: 'denied' in B" and "... 'denied' early in B" are
    // one reason; their common head runs to the end of the first quoted word.
    const size_t open = why.find('\'');
    const size_t close = open == std::string::npos ? open : why.find('\'', open + 1);
    const std::string head = close == std::string::npos ? why : why.substr(0, close + 1);
    const bool seen = std::any_of(p.reasons.begin(), p.reasons.end(), [&](const std::string& r) {
      return r.compare(0, head.size(), head) == 0;
    });
    if (!seen) p.reasons.push_back(why);
  }
  return p;
}

const StanceModel& DefaultStanceModel() {
  static const StanceModel* model = [] {
    std::istringstream in(std::string(reinterpret_cast<const char*>(kClaimgraphDefaultStanceModel),
                                      kClaimgraphDefaultStanceModelSize));
    return new StanceModel(StanceModel::Load(in, "built-in stance model"));
  }();
  return *model;
}

}  // namespace claimgraph::engine
