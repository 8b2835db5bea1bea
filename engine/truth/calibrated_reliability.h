// A source's reliability as a calibrated probability: the chance that a claim it makes holds,
// estimated from the evidence about its claims, with an interval that widens when the evidence is
// thin. Used by the text pipeline (text_reliability.h) and by `claimgraph truth` (the
// "reliability" of its JSON result).
//
// Method: a Beta-Binomial posterior (Bayesian estimation of a proportion, e.g. Gelman et al.,
// "Bayesian Data Analysis", ch. 2). Each claim that carries evidence contributes the probability
// p that it holds: 1 or 0 for a claim with a known verdict (a fact-check), else the belief the
// truth-discovery method gives its value as a share of its object's belief. A claim no other
// source speaks to carries no evidence (it neither corroborates nor contradicts anything) and is
// left out. With k pseudo-claims at the prior mean m0, the posterior is
//   Beta(k m0 + sum p, k (1 - m0) + sum (1 - p)),
// the reliability its mean and the interval its central `level` credible interval (regularised
// incomplete Beta inverse). Deviation: soft p (fractions of a claim) where the textbook counts
// successes; with verdicts only, it is the textbook posterior.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

struct CalibrationOptions {
  double prior_mean = 0.5;  // m0; <= 0 or >= 1: the mean p over every source's evidence
  double prior_weight = 2;  // k, in claims
  double level = 0.95;      // of the credible interval
};

// The evidence about one source's claims.
struct ReliabilityEvidence {
  double holds = 0;  // sum of p
  int claims = 0;    // claims that carry evidence (each adds p to `holds`)
  int verdicts = 0;  // of those, claims with a known verdict
  void Add(double p, bool verdict) {
    holds += p;
    ++claims;
    if (verdict) ++verdicts;
  }
};

struct CalibratedReliability {
  double reliability = 0;  // posterior mean, 0..1
  double low = 0, high = 1;
  int evidence = 0;  // ReliabilityEvidence::claims
  int verdicts = 0;
};

// The prior mean the options give for these sources' evidence (m0, or the pooled mean p; 0.5
// when there is no evidence at all).
double PriorMean(const std::vector<ReliabilityEvidence>& evidence,
                 const CalibrationOptions& options);

// REQUIRES: 0 < prior_mean < 1, options.prior_weight > 0, 0 < options.level < 1. Never NaN.
CalibratedReliability Calibrate(const ReliabilityEvidence& evidence, double prior_mean,
                                const CalibrationOptions& options);

// Per source of `m`: the evidence of its claim records. A record carries evidence when its
// claim is known (`known`, as TruthOptions::known; may be empty) or when another source makes a
// claim about the same object; p = known ? (known > 0) : belief share of its claim in its object
// (clamped to 0..1; a uniform share when the object's beliefs sum to 0).
std::vector<ReliabilityEvidence> MatrixEvidence(const ClaimMatrix& m, const TruthResult& result,
                                                const std::vector<int8_t>& known);

// p of each claim of `m`: its belief share in its object, or 1 / 0 where `known` says so.
std::vector<double> ClaimProbabilities(const ClaimMatrix& m, const TruthResult& result,
                                       const std::vector<int8_t>& known);

}  // namespace claimgraph::engine::truth
