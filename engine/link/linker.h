// The link stage: from extracted claims to scored claim-claim links, propositions and copies.
//   1. copies: documents with near-identical text (MinHash + LSH over word 5-shingles) are
//      syndicated copies; their matching claims are linked as `copy`, so one wire story counts
//      once;
//   0. frames: each claim's proposition fields (engine/proposition/proposition.h) are filled;
//   2. candidates: pairs of claims sharing a proposition key (subject entity and predicate class,
//      subject and measure, event), or failing that much of their content (inverted index over
//      rare terms, bounded per claim);
//   3. relation: each candidate pair classified agree / contradict / update
//   (relation_classifier.h); where no rule decides, the learned stance model judges the pair on
//   texts analysed once per claim (not once per pair), kept only while a pair still needs them;
//   4. propositions: claims joined by strong links are grouped into one proposition.
// No step compares all pairs of claims or of documents.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/analysis.h"
#include "engine/link/candidate_index.h"
#include "engine/link/minhash.h"
#include "engine/link/relation_classifier.h"
#include "engine/stance/stance_model.h"

namespace claimgraph::engine {

struct LinkOptions {
  CandidateOptions candidates;
  RelationOptions relation;
  MinHashOptions document_minhash;     // word 5-shingles of whole documents
  double copy_threshold = 0.6;         // estimated resemblance for a copy
  double proposition_min_score = 0.4;  // links at least this strong join claims into a proposition
  size_t max_proposition_size = 500;   // a proposition never grows beyond this many claims
  // Candidates from propositions (issue 10, §2): claims' proposition keys join their terms, and
  // a pair sharing no key needs CandidateOptions::fallback_min_similarity. False: word overlap
  // alone (the index before issue 10; for comparison).
  bool proposition_candidates = true;
  int threads = 2;
};

// What the link stage needs to know of a document: enough to find copies without keeping its text.
struct DocumentFingerprint {
  int64_t document = 0;
  std::string source;
  std::string date;
  MinHashSignature signature;
  std::string language;  // the document's language tag; non-English claims get no frame
};
DocumentFingerprint Fingerprint(const Document& doc, const MinHashOptions& options);

struct LinkResult {
  std::vector<ClaimLink> links;  // a, b are Claim::id values, a < b
  std::vector<Proposition> propositions;
  std::vector<CopyPair> copies;
  size_t candidate_pairs = 0;
  // Seconds spent in each step: "copies", "candidates", "classify", "propositions".
  std::vector<std::pair<std::string, double>> step_seconds;
};

// REQUIRES: claims have distinct non-zero ids. Sets Claim::proposition on claims that join one.
// `stance` (may be null: rules only) judges the pairs no rule decided.
LinkResult LinkClaims(const std::vector<DocumentFingerprint>& documents, std::vector<Claim>* claims,
                      const LinkOptions& options, const StanceModel* stance = nullptr);

}  // namespace claimgraph::engine
