// Diff keys: what the store keeps per run so that two runs can be compared without reading them
// whole (the explorer's diff view, io/store/run_changes.h). The diff of io/report/run_diff.h
// matches claims by (document, byte span) and links by their two claims' keys and relation; here
// each link gets a 64-bit identity hash of that key and a home document (the document of its
// later claim key, so links to newly added documents live in the new documents), and each
// document of a run a digest of its claims' spans and of its home links: a count and an
// order-free sum of 64-bit hashes. Two runs' documents with equal digests hold the same claims
// (and home links); only the documents whose digests differ are compared item by item.
//
// The hashes are 64 bits (splitmix64 finalisers over the key's numbers and the relation's name):
// two different keys of two runs collide with odds of about |A| * |B| / 2^64 (1e-8 for two runs
// of 700,000 links each).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimgraph::io::diff_keys {

// Where a claim comes from: its document and byte span.
struct ClaimSpan {
  int64_t id = 0;  // the claim's id in its run
  int64_t document = 0;
  int64_t byte_begin = 0;
  int64_t byte_end = 0;
};

struct LinkEnds {
  int64_t seq = 0;            // position in the run
  int64_t a = 0, b = 0;       // claim ids
  std::string_view relation;  // as stored ("agree", "contradict", ...)
};

// A link's identity and home document.
struct LinkKey {
  int64_t seq = 0;
  int64_t home = 0;
  int64_t ident = 0;
};

// A document's digest in one run (distinct claim spans, distinct home links).
struct DocumentDigest {
  int64_t document = 0;
  bool listed = false;  // one of the run's documents (not only the document of a claim)
  int64_t claims = 0;
  int64_t claims_digest = 0;
  int64_t links = 0;
  int64_t links_digest = 0;
};

struct DiffKeys {
  std::vector<LinkKey> links;             // one per link whose two claims are in the run
  std::vector<DocumentDigest> documents;  // the run's and its claims' documents, by id
};

// The hash of a claim span inside its document.
uint64_t SpanHash(int64_t byte_begin, int64_t byte_end);

// Computes the keys of one run from its documents, claims' spans and links.
DiffKeys ComputeDiffKeys(const std::vector<int64_t>& documents,
                         const std::vector<ClaimSpan>& claims, const std::vector<LinkEnds>& links);

}  // namespace claimgraph::io::diff_keys
