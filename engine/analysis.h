// AnalysisResult: everything one analysis run produces, as plain values. The engine's pipeline
// fills it (extract -> link -> graph -> score), io stores and loads it, and the reports render it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"

namespace claimgraph::engine {

// Claims grouped as statements of one proposition ("withdrawal complete"); members may affirm or
// negate it.
struct Proposition {
  std::string key;              // stable key, e.g. "withdraw|coalition|iraq"
  std::string label;            // readable, e.g. "coalition withdrawal from Iraq"
  std::vector<int64_t> claims;  // Claim::id of the members
  // What the members are about, from their aligned propositions (issue 10): the commonest
  // subject entity, predicate sense class and measure among them; empty where they have none.
  std::string subject;
  std::string predicate;
  std::string measure;
};

// Two documents whose text is near-identical (syndication, or one outlet copying another).
struct CopyPair {
  int64_t document_a = 0;
  int64_t document_b = 0;
  std::string source_a;
  std::string source_b;
  double score = 0;  // estimated resemblance, 0..1
};

// Agreement and contradiction between two sources in one time window.
struct SourcePairWindow {
  std::string window;  // "2025" or "2025-11" (the window's label)
  std::string source_a;
  std::string source_b;  // source_a < source_b
  int agreements = 0;
  int contradictions = 0;
};

struct ReliabilityWindow {
  std::string window;
  double reliability = 0;
  int claims = 0;
};

// Reliability of a source (an outlet) or a speaker, with the evidence counts behind it.
struct ReliabilityScore {
  std::string name;
  std::string role;  // speakers only
  // The probability that a claim of this source holds, calibrated (a Beta posterior over the
  // claims that carry evidence: engine/truth/calibrated_reliability.h), and its 95% credible
  // interval [low, high], which widens when the evidence is thin.
  double reliability = 0;  // 0..1
  double uncertainty = 0;  // half the interval's width
  double low = 0, high = 0;
  int evidence = 0;     // claims that carry evidence (corroborated, contradicted or with a verdict)
  int verdicts = 0;     // of those, claims with a known verdict
  double trust = 0;     // the truth-discovery method's own score, 0..1 (not a probability)
  double trust_sd = 0;  // its bootstrap standard deviation, when asked for
  int claims = 0;
  int corroborated = 0;      // claims agreed with by an independent source
  int contradicted = 0;      // claims contradicted by another source
  int agreements = 0;        // agree edges touching this source's claims
  int contradictions = 0;    // contradict edges touching this source's claims
  int failed_forecasts = 0;  // forecasts later resolved against
  std::vector<ReliabilityWindow> windows;
};

struct AnalysisResult {
  int64_t run_id = 0;  // store id of the run; 0 until stored
  std::string program_version;
  std::string created_at;           // ISO 8601 UTC
  std::string config_json;          // the options the run used, as JSON
  std::vector<Document> documents;  // those analysed (text may be omitted when loaded for reports)
  // Claim::id values are unique within the run; links, propositions and reports refer to them.
  std::vector<Claim> claims;
  std::vector<ClaimLink> links;  // a, b are Claim::id values
  std::vector<Proposition> propositions;
  std::vector<CopyPair> copies;
  std::vector<SourcePairWindow> source_windows;
  std::vector<ReliabilityScore> sources;
  std::vector<ReliabilityScore> speakers;
  std::string reliability_method;  // e.g. "truthfinder"
  int iterations = 0;
  bool converged = false;
};

}  // namespace claimgraph::engine
