// Truth discovery: estimate how reliable each source is and which value of each object is true,
// from who claims what (ClaimMatrix). This header is the start here of engine/truth: the options
// and result types, the interface every method implements (construct with the matrix and options
// -> Run() -> TruthResult), and a factory by name. Each method has its own header citing its paper:
//   voting.h, sums.h (Sums, AverageLog), investment.h (Investment, PooledInvestment),
//   truth_finder.h, crh.h, accu.h, latent_truth.h (set-valued objects such as author lists).
// Explanations (per-source evidence counts, bootstrap uncertainty, time windows) are in
// source_report.h; the bridge from the text pipeline's claims is text_reliability.h.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth/claim_matrix.h"

namespace claimgraph::engine::truth {

// A signed implication between two claims (TruthFinder's imp(from -> to)): +1 = `from` being true
// supports `to`, -1 = it speaks against it.
struct Implication {
  int from = 0;
  int to = 0;
  double weight = 0;
};

struct TruthOptions {
  // Iteration control. max_iterations = 0 means the method's default (joesingo/truthdiscovery's:
  // 20 for Sums, AverageLog, Investment; 10 for PooledInvestment; 100 for TruthFinder, CRH, ACCU;
  // the Latent Truth Model's Gibbs sweeps: 100).
  // tolerance <= 0 runs exactly max_iterations (the library's FixedIterator); otherwise the run
  // stops once the residual (L1 change of the trust vector, or 1 - cosine for TruthFinder) falls
  // below it. tolerance < 0 = the method's default (0 for the fixed-iteration methods,
  // 0.001 for TruthFinder, 1e-6 for CRH and ACCU).
  int max_iterations = 0;
  double tolerance = -1;

  double investment_g = 1.2;         // Investment's exponent
  double pooled_investment_g = 1.4;  // PooledInvestment's exponent

  double truthfinder_initial_trust = 0.9;
  double truthfinder_gamma = 0.3;  // dampening factor
  double truthfinder_rho = 0.5;    // influence of related claims
  // A source's trust is held at or below this (1 = no bound, as the paper and joesingo's
  // library). With many sources that copy each other, beliefs and trust saturate (0.99999995
  // against 0.99999) and the log-odds weights -ln(1 - t) then rank groups of copiers by those
  // last digits (17 against 12) rather than by evidence; a bound keeps them equal there.
  // `claimgraph truth` uses 0.995 (docs/EVALUATION.md, "A default that holds").
  double truthfinder_max_trust = 1;
  std::vector<Implication> implications;

  double accu_prior_accuracy = 0.8;  // A(s) at the start
  double accu_false_values = 0;      // n, the number of false values per object; 0 = from data
  bool accu_copy_detection = true;
  double accu_copy_prior = 0.2;  // alpha: prior probability that two sources copy
  double accu_copy_rate = 0.8;   // c: probability a copier copies a given value
  // A(s) = (sum of its claims' probabilities + k0 A0) / (its claims + k0): k0 pseudo-claims at the
  // prior accuracy A0, so that a source with few claims does not reach certainty on them.
  double accu_accuracy_prior_weight = 0;
  // Votes ln(n A / (1 - A)) may be negative (the paper's form): a source worse than chance is
  // evidence against its value. Off: such a source's vote is 0.
  bool accu_negative_votes = false;
  // With known verdicts (`known`): a source's accuracy is learned from its known claims only
  // (with the k0 pseudo-claims at A0), not from the claims ACCU decides itself: the vote is then
  // weighted by each source's record on past verdicts.
  bool accu_known_accuracy = false;

  // Semi-supervised truth discovery (known verdicts): per claim of the matrix, +1 = known true,
  // -1 = known false, 0 = unknown; empty = nothing known. Every method holds the beliefs of known
  // claims at its top (true) and bottom (false) value in each iteration, so that sources' trust
  // is learned from the known claims as well as from the rest (Yin & Tan, "Semi-supervised truth
  // discovery", WWW 2011: ground-truth facts keep their confidence while it propagates).
  std::vector<int8_t> known;

  // Values are sets of items separated by single spaces (Book's author lists as normalised by
  // io/truth): the Latent Truth Model then decides item by item. Other methods ignore it.
  bool set_values = false;
  // Latent Truth Model priors (latent_truth.h), as pseudo-counts: beta for a fact being true or
  // false; alpha0 for a source's observations of false facts (positive = it states one anyway:
  // false positives), alpha1 for its observations of true facts (positive = it states them). The
  // defaults say sources rarely state false items (prior false-positive rate 10 / 1010) and often
  // leave true ones out (prior sensitivity 0.5).
  double ltm_beta_true = 10, ltm_beta_false = 10;
  double ltm_alpha0_positive = 10, ltm_alpha0_negative = 1000;
  double ltm_alpha1_positive = 50, ltm_alpha1_negative = 50;
  int ltm_burn_in = 20;  // sweeps discarded before counting samples (at most half of them)
  uint64_t ltm_seed = 1;
  // The three-pass sampler (remove a fact's counts, draw from its log-odds, add them back) even
  // when every weight is 1, where the one-pass sampler with per-source factor tables and
  // multiplicative draws runs: the plain form the fast one is checked against (same samples).
  bool ltm_plain_sampler = false;
};

struct TruthResult {
  std::string method;
  Eigen::VectorXd trust;           // per source
  Eigen::VectorXd belief;          // per claim
  std::vector<int> truth;          // per object: the chosen claim, -1 if the object has no claim
  std::vector<double> confidence;  // per object: the chosen claim's share of the object's belief
  // Per object, for methods that build a value no single claim may give (the Latent Truth Model on
  // set values: the items it believes true): the value key; empty = use values[truth[o]]. Either
  // empty or one per object.
  std::vector<std::string> built_values;
  int iterations = 0;
  bool converged = false;
  double residual = 0;
  std::vector<std::string> notes;  // e.g. "stopped early: a trust reached 1"
};

class TruthAlgorithm {
 public:
  // REQUIRES: `matrix` outlives the algorithm.
  TruthAlgorithm(const ClaimMatrix& matrix, const TruthOptions& options)
      : m_(matrix), options_(options) {}
  virtual ~TruthAlgorithm() = default;

  // Runs to completion. Never yields NaN: degenerate inputs (no claims, all-zero scores) give
  // zeros and a note.
  TruthResult Run();

  virtual std::string_view name() const = 0;

 protected:
  // Fills trust, belief, iterations, converged, residual, notes.
  virtual void Iterate(TruthResult* result) = 0;

  int MaxIterations(int fallback) const {
    return options_.max_iterations > 0 ? options_.max_iterations : fallback;
  }
  double Tolerance(double fallback) const {
    return options_.tolerance < 0 ? fallback : options_.tolerance;
  }

  const ClaimMatrix& m_;
  TruthOptions options_;
};

// The names the CLI accepts: voting, sums, average-log, investment, pooled-investment,
// truthfinder, crh, accu, ltm.
const std::vector<std::string>& AlgorithmNames();

// Returns the method named `name`, or nullptr if there is none.
std::unique_ptr<TruthAlgorithm> MakeAlgorithm(std::string_view name, const ClaimMatrix& matrix,
                                              const TruthOptions& options);

// Helpers shared by the methods.
// Divides v by its largest entry; leaves v unchanged (and returns false) if that is not > 0.
bool NormalizeByMax(Eigen::VectorXd* v);
// Per source: the summed weight of its claims (|C_s| when weights are 1).
Eigen::VectorXd ClaimCounts(const ClaimMatrix& m);
// Per claim: the summed weight of its sources (|S_c|).
Eigen::VectorXd SourceCounts(const ClaimMatrix& m);
// Picks, per object, the claim of highest belief (ties: the first) and its confidence.
void ChooseTruth(const ClaimMatrix& m, TruthResult* result);
// Sets belief[c] to `high` for claims known true and `low` for claims known false (known[c] = +1 /
// -1); no-op when `known` is empty.
void ClampKnown(const std::vector<int8_t>& known, double low, double high, Eigen::VectorXd* belief);
// The value key the result gives object `o`: the built value if there is one, else the chosen
// claim's value; empty if the object has no claim.
std::string ChosenValue(const ClaimMatrix& m, const TruthResult& result, int o);

}  // namespace claimgraph::engine::truth
