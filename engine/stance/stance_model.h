// The stance model: how a second text stands towards a claim — it agrees with it, disagrees
// (contradicts or refutes it), only discusses it, or is unrelated. The link stage scores
// claim-claim edges with it; `claimgraph eval stance` measures it on FNC-1 and Emergent.
//
// Start here for the stance model. A StanceModel holds a featurizer's tables (IDF, vocabulary;
// stance_features.h) and a one-hidden-layer network (stance_network.h) trained by stance_trainer.h.
// The shipped model is built into the binary (DefaultStanceModel()); `claimgraph train stance`
// rebuilds it deterministically from the FNC-1 training files.
//
// Method: features in the tradition of de Marneffe, Rafferty & Manning (2008, "Finding
// Contradictions in Text") computed between the claim and each sentence of the other text and
// aggregated from the sentences most related to the claim, so the same model scores
// claim-vs-claim and claim-vs-article; plus the term-frequency vectors of Riedel et al. (2017,
// "A simple but tough-to-beat baseline for the Fake News Challenge"). See stance_features.h for
// the features and where they deviate from the papers.
#pragma once

#include <array>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine {

// The four FNC-1 stances, in the order of StancePrediction::probabilities.
enum class StanceLabel { kAgree = 0, kDisagree = 1, kDiscuss = 2, kUnrelated = 3 };
inline constexpr int kNumStanceLabels = 4;

// "agree", "disagree", "discuss", "unrelated".
std::string_view StanceLabelName(StanceLabel label);

// Parses the FNC-1 names above (exact, lower case). Returns nullopt for anything else.
std::optional<StanceLabel> ParseStanceLabel(std::string_view name);

struct StancePrediction {
  StanceLabel label = StanceLabel::kUnrelated;
  // P(agree), P(disagree), P(discuss), P(unrelated); they sum to 1.
  std::array<double, kNumStanceLabels> probabilities{};
  // Probability of `label`.
  double score = 0.0;
  // The features that weighed most for `label`, most important first, as short human-readable
  // strings: "refuting word: 'denied' in B", "negation: 'not' in B", "numbers differ: 2500 vs 5".
  std::vector<std::string> reasons;

  // The most probable of agree / disagree / discuss, for pairs known to be about the same thing
  // (Emergent, or claims the link stage already matched).
  StanceLabel RelatedLabel() const;
};

class StanceNetwork;
class StanceFeaturizer;
struct AnalyzedText;

// A trained stance model. Immutable once built; Predict() is const and thread-safe.
class StanceModel {
 public:
  StanceModel(std::shared_ptr<const StanceFeaturizer> featurizer,
              std::shared_ptr<const StanceNetwork> network);

  // Reads a model written by Save(). Throws std::runtime_error naming `name` if the bytes are
  // not a model of a version this build reads.
  static StanceModel Load(std::istream& in, const std::string& name = "<model>");
  static StanceModel LoadFile(const std::string& path);
  void Save(std::ostream& out) const;
  void SaveFile(const std::string& path) const;

  // How `other_text` stands towards `claim`. `other_text` may be one sentence (another claim)
  // or a whole article; sentences are found inside it. Thread-safe.
  StancePrediction Predict(std::string_view claim, std::string_view other_text) const;

  // The same on texts already analysed by featurizer().Analyze(), for scoring one text against
  // many (an article body against its headlines). Reasons are filled only if `with_reasons`.
  StancePrediction PredictAnalyzed(const AnalyzedText& claim, const AnalyzedText& other,
                                   bool with_reasons = true) const;

  const StanceFeaturizer& featurizer() const { return *featurizer_; }
  const StanceNetwork& network() const { return *network_; }

 private:
  std::shared_ptr<const StanceFeaturizer> featurizer_;
  std::shared_ptr<const StanceNetwork> network_;
};

// The shipped model, compiled into the binary from engine/stance/default_model.bin. Loaded once,
// on first use; thread-safe.
const StanceModel& DefaultStanceModel();

}  // namespace claimgraph::engine
