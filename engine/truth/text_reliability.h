// Source and speaker reliability from the text pipeline's claims: the bridge between extraction /
// linking and truth discovery. Claims are grouped into objects by Claim::proposition (an empty
// proposition makes the claim its own object); a claim's value is its polarity (affirmed or
// negated). Two runs of the chosen method score
//   - sources (Claim::source): every claim the outlet published; claims it only reports (a
//     non-empty speaker) count with `reported_weight`;
//   - speakers (Claim::speaker; an empty speaker is the outlet's own claim and is scored under the
//     outlet's name, but only named speakers are returned in `speakers`).
// Links (a, b are Claim::id values): agree and contradict edges become TruthFinder's implication
// between claims (+score / -score); copy edges join claims into groups that count once (each
// member's weight is divided by the group's size: the ACCU idea that copies are not independent
// evidence); update edges are not contradictions: the earlier claim of an update becomes its own
// object ("proposition@date"), so it neither contradicts nor is contradicted by the later one.
// Forecasts: a claim with Modality::kForecast whose `about` time has passed when a later claim on
// the same proposition contradicts it (a contradict or update link, or the opposite polarity) is a
// failed forecast; it is counted in ReliabilityScore::failed_forecasts of its source and speaker,
// and the reliability is multiplied by (1 - failed / claims), i.e. a failed forecast scores 0.
// With "voting", whose trust is 1 for every source, the reliability is the share of the entity's
// claims (one per object) whose value won.
// Time: reliability per calendar year of Claim::date (ReliabilityScore::windows), optional decay,
// and a bootstrap over claims for ReliabilityScore::uncertainty.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/analysis.h"
#include "engine/claim.h"
#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

struct TextReliabilityOptions {
  std::string method = "truthfinder";  // one of AlgorithmNames()
  TruthOptions truth;                  // the method's options; implications are filled from links
  double reported_weight = 0.5;        // weight of a reported claim in its outlet's score
  int bootstrap_samples = 20;          // 0 or 1 = no uncertainty
  uint64_t seed = 1;
  bool windows = true;               // reliability per year of Claim::date
  double decay_half_life_years = 0;  // > 0: older claims count less
};

// Per proposition: the polarity the method believes and how strongly.
struct PropositionVerdict {
  std::string proposition;
  Polarity polarity = Polarity::kAffirmed;
  double confidence = 0;  // 0..1
  int claims = 0;
};

struct TextReliabilityResult {
  std::vector<ReliabilityScore> sources;   // sorted by name
  std::vector<ReliabilityScore> speakers;  // named speakers only, sorted by name
  std::vector<PropositionVerdict> propositions;
  std::string method;
  int iterations = 0;  // of the sources' run
  bool converged = false;
  double residual = 0;
  std::vector<std::string> notes;  // problems met (unknown claim ids in links, ...)
};

// REQUIRES: options.method is one of AlgorithmNames() (else std::invalid_argument).
// Claims with id 0 are given their index + 1 as id for the purpose of links.
TextReliabilityResult ScoreTextReliability(const std::vector<Claim>& claims,
                                           const std::vector<ClaimLink>& links,
                                           const TextReliabilityOptions& options);

}  // namespace claimgraph::engine::truth
