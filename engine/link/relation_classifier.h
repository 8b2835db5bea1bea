// Decides how two claims about the same thing relate: agree, contradict, or update (the same
// question at a different time, including a forecast resolved by a later claim). Cues follow de
// Marneffe, Rafferty & Manning (2008, "Finding Contradictions in Text"): polarity (negation of the
// shared predicate), antonyms and refuting words, numeric mismatch, and a denial against an
// assertion; an optional learned stance model adds its probability and reasons.
//
// Time comes first: two claims that would contradict but are about different times (their "about"
// ranges do not overlap, or, without those, they were made more than `update_gap_days` apart) are
// an update, not a contradiction. Deviation from de Marneffe et al.: no dependency parse; the cues
// work on stemmed content words of each claim, which the candidate stage already matched.
//
// What a claim does not assert is not opposed: words inside an if-clause; "leave 2,500 troops"
// (to leave people is to keep them: read as "stay"); a count under negation negates the count
// with what it counts ("not two cables" -> "2 cabl", matched against "only two of the 48 stay
// cables", not against "two replacement cables"); "no further lanes" negates the addition;
// refusing and denying verbs negate their object ("refused to let Baghdad link"); a count of part
// of something ("the other four lanes", "two of the six lanes") is not set against a count of the
// whole; a denial of something named elsewhere ("rejected that account") is not compared at all;
// a denial is not set against a claim that reports the same denial.
//
// The cues only propose a contradiction (issue 10): it stands when the two claims' propositions
// align (engine/proposition/proposition.h) - neither a fragment nor an unresolved pronoun, the
// same or an unknown subject referent (never two different names), and a number only against
// the same measure of the same holder; the aligned parts join the reasons.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/proposition/proposition.h"
#include "engine/proposition/wordnet.h"

namespace claimgraph::engine {

// What a learned stance model says about a pair (probabilities sum to 1).
struct StanceJudgement {
  double agree = 0;
  double disagree = 0;
  double discuss = 0;
  double unrelated = 0;
  std::vector<std::string> reasons;
};
// The learned model's judgement of one pair, asked lazily: the classifier calls it only when no
// rule decided the pair. `with_reasons` = false lets the model skip its explanation (the costly
// part of a prediction); the classifier asks again with reasons only when it will show them.
using PairStance = std::function<StanceJudgement(bool with_reasons)>;

struct RelationOptions {
  double update_gap_days = 183;       // claims made further apart are about different times
  double link_min_similarity = 0.15;  // below: unrelated, no edge
  double agree_min_similarity = 0.45;
  double polarity_min_similarity =
      0.3;                              // a polarity flip or antonym needs this much shared content
  double denial_min_similarity = 0.35;  // a denial against an assertion needs this much
  double negation_min_similarity = 0.2;  // a negated shared predicate needs this much
  double model_min_probability = 0.7;    // stance model alone decides above this
  // WordNet for the proposition check (proposition.h) that every contradiction passes; may be
  // null (lemmas then fall back to stems).
  const WordNet* wordnet = nullptr;
};

// Per-claim data the classifier needs, computed once per claim. Stems pass through concept
// classes, so that "leave", "depart" and "pull out" all read as "withdraw", and "remain" as "stay".
struct ClaimTerms {
  std::vector<std::string> stems;  // sorted, unique content stems
  std::vector<std::string>
      negated;  // sorted stems in the scope of a negator ("not left" -> withdraw)
  // Sorted counts with what they count ("2 cabl" for "two cables"); not used for similarity.
  std::vector<std::string> counts;
  // The claim states a condition ("if the cables were shown to be faulty", "if any"); `asserted`
  // are its stems less those met only inside the if-clause, which the claim does not assert.
  bool conditional = false;
  std::vector<std::string> asserted;  // sorted
  // The claim denies something it only points to ("rejected that account", "denied this"): what
  // is denied is not in its words, so shared words are no evidence of denying the other claim.
  bool anaphoric_denial = false;
  // The claim has a denial verb ("denied", "rejected", "dismissed"), whatever its modality.
  bool reports_denial = false;
  // Bit k: the affirmed stems (asserted, not negated) hold a word of the left (right) side of
  // opposition k ("leave vs stay"), so a pair's antonym cues are a few bit tests.
  uint32_t opposition_left = 0;
  uint32_t opposition_right = 0;
  // The claim's proposition (engine/proposition/proposition.h), when the caller built it once
  // per claim; ClassifyPair builds it itself otherwise.
  std::optional<PropositionFrame> frame;
};
ClaimTerms ComputeClaimTerms(const Claim& claim);

// Returns the link between `a` and `b` (a.id, b.id filled in), or nothing if they are unrelated.
// `similarity` is the candidate stage's similarity of the pair. `stance` (the learned model's view
// of how b stands towards a) may be null.
std::optional<ClaimLink> ClassifyPair(const Claim& a, const ClaimTerms& ta, const Claim& b,
                                      const ClaimTerms& tb, double similarity,
                                      const RelationOptions& options,
                                      const PairStance* stance = nullptr);

// Days from date `a` to date `b` (ISO "YYYY-MM-DD", or "YYYY-MM", "YYYY"); nullopt if either
// cannot be read.
std::optional<long> DaysBetween(std::string_view a, std::string_view b);

}  // namespace claimgraph::engine
