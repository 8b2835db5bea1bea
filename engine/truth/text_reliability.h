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
// and a bootstrap over claims (ReliabilityScore::bootstrap_sd).
// Reliability is calibrated (calibrated_reliability.h): the posterior mean probability that the
// entity's claim holds, from the claims that carry evidence (a verdict, or another entity's claim
// on the same object), with a credible interval (ReliabilityScore::low / high; `uncertainty` is
// its half-width) and the evidence count (ReliabilityScore::evidence).
// Known verdicts (TextVerdict, e.g. past fact-checks; semi-supervised as in TruthOptions::known):
// a verdict names a proposition (Claim::proposition, exactly) or a claim's text. Texts are matched
// after normalisation (Tokenize(): case and accents folded, punctuation and quotes dropped,
// "2,500" = "2500"; tokens joined by one space): a claim matches when its normalised text equals
// the verdict's, or contains it as a run of whole tokens when the verdict has at least
// kMinContainedTokens tokens. A matched claim holds iff the verdict says true, except that a
// claim which only contains the reviewed text and negates it (a denial, or a negator such as
// "not", "never", "nobody", "n't" or "denied" outside the matched words) holds iff it says false; the
// value that holds is then fixed on the claim's object (its proposition), the object's other
// value known false. Found linearly: the claims' token runs are looked up in a table of the
// verdicts' first tokens.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/analysis.h"
#include "engine/claim.h"
#include "engine/diagnostic.h"
#include "engine/truth/calibrated_reliability.h"
#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

// A known verdict on a claim or proposition (io/truth/verdicts.h reads them).
struct TextVerdict {
  std::string key;     // a proposition key or a claim's text
  bool holds = true;   // the verdict: the claim is true
  std::string author;  // who made the reviewed claim, if known (ClaimReview itemReviewed.author)
  std::string date;    // when the verdict was published, if known
  std::string file;    // where it was read, for diagnostics
  size_t line = 0;
};

// Verdict texts shorter than this match only a claim's whole text.
inline constexpr int kMinContainedTokens = 5;

struct TextReliabilityOptions {
  std::string method = "truthfinder";  // one of AlgorithmNames()
  TruthOptions truth;                  // the method's options; implications are filled from links
  double reported_weight = 0.5;        // weight of a reported claim in its outlet's score
  int bootstrap_samples = 0;           // > 1: ReliabilityScore::trust_sd from this many resamples
  uint64_t seed = 1;
  bool windows = true;               // reliability per year of Claim::date
  double decay_half_life_years = 0;  // > 0: older claims count less
  // prior_mean <= 0: pooled from the run's evidence.
  CalibrationOptions calibration = {0, 2, 0.95};
  std::vector<TextVerdict> verdicts;
  // Called once per ScoreTextReliability with the verdicts' diagnostics and how many verdicts
  // matched claims (the pipeline keeps no notes of its own: the command line prints them). May
  // be empty.
  std::function<void(const Diagnostics&, int matched, int objects_known)> on_verdicts;
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
  // Verdicts that matched no claim, or contradict another verdict on one object (the object is
  // then left without a verdict): warnings with the verdict's file and line.
  Diagnostics verdict_diagnostics;
  int verdicts_matched = 0;  // verdicts that matched at least one claim
  int objects_known = 0;     // objects (propositions or claims) with a verdict
};

// REQUIRES: options.method is one of AlgorithmNames() (else std::invalid_argument).
// Claims with id 0 are given their index + 1 as id for the purpose of links.
TextReliabilityResult ScoreTextReliability(const std::vector<Claim>& claims,
                                           const std::vector<ClaimLink>& links,
                                           const TextReliabilityOptions& options);

}  // namespace claimgraph::engine::truth
