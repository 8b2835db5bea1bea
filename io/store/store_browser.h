// StoreBrowser: read-only, paged queries over a SQLite store for the explorer (`claimgraph
// serve`, io/serve/). Every list comes a page at a time in a fixed order along an index, and the
// next page starts from a cursor naming the last row shown (keyset pagination), so a page costs
// the same on the first page and the ten-thousandth of a store of a million claims; nothing
// counts or skips over all rows. The indexes, the per-source link index and the full-text index
// of claim text are the store's schema version 4 (io/store/sqlite_schema.h).
//
// Cursors are opaque strings made by this class; a malformed one throws std::invalid_argument
// (the server answers 400). Every value reaches SQL through a bound parameter.
//
// Thread safety: one StoreBrowser per thread (each holds its own read-only connection); several
// may read one store at once, also while another process writes it (WAL).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/analysis.h"
#include "io/store/store.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace claimgraph::io {

// A page of rows, and the cursor of the next page ("" when this page is the last).
template <class Row>
struct Page {
  std::vector<Row> rows;
  std::string next;
};

// Which claims a claim list follows; each is in (date, then order in the run) order.
enum class ClaimField { kSource, kSpeaker, kProposition };

// A link with both its claims.
struct LinkRow {
  int64_t seq = 0;  // the link's position in the run
  engine::ClaimLink link;
  engine::Claim a, b;
};

struct LinkFilter {
  engine::Relation relation = engine::Relation::kContradict;
  std::string source;    // "" = any; else one end's source
  std::string other;     // "" = any; else the other end's source (REQUIRES: source set)
  double min_score = 0;  // links scored below are left out
};

struct PropositionRow {
  int64_t seq = 0;
  std::string key;
  std::string label;
  int64_t claims = 0;  // members listed with the proposition
};

enum class ScoreKind { kSource, kSpeaker };

// A proposition's claims by one source in one year ("" = undated).
struct SourceYearCount {
  std::string source;
  std::string year;
  int64_t affirmed = 0;
  int64_t negated = 0;
};

// What changed from run `a` to run `b`, as io/report/run_diff.h's DiffRuns finds it from the two
// loaded runs: the counts, and the changed items as ids in their run, in DiffRuns' order.
struct RunChanges {
  RunInfo a, b;
  int64_t documents_added = 0;  // documents of b not in a
  int64_t documents_gone = 0;
  int64_t claims_kept = 0;            // claim keys (document, byte span) in both runs
  int64_t links_kept = 0;             // link keys (two claim keys, relation) in both runs
  std::vector<int64_t> claims_added;  // claim ids in run b, by document and span
  std::vector<int64_t> claims_gone;   // claim ids in run a, by document and span
  std::vector<int64_t> links_added;   // link positions in run b, highest score first
  std::vector<int64_t> links_gone;    // link positions in run a, highest score first
  std::vector<engine::ReliabilityScore> sources_a, sources_b;  // the runs' source scores
  int64_t documents_compared = 0;  // documents whose digests differ, compared item by item
};

class StoreBrowser {
 public:
  // Opens the store at `path` read-only. Throws StoreError if the file is missing, is not a
  // claimgraph store, or has a schema other than this build's (open it once with OpenStore to
  // migrate it).
  explicit StoreBrowser(const std::string& path);
  ~StoreBrowser();
  StoreBrowser(const StoreBrowser&) = delete;
  StoreBrowser& operator=(const StoreBrowser&) = delete;

  // Recorded runs, newest first (at most `limit`).
  std::vector<RunInfo> Runs(int limit = 1000);
  std::optional<RunInfo> Run(int64_t run);

  // Sources or speakers with their scores, most claims first.
  Page<engine::ReliabilityScore> Scores(int64_t run, ScoreKind kind, const std::string& cursor,
                                        int limit);
  std::optional<engine::ReliabilityScore> Score(int64_t run, ScoreKind kind,
                                                const std::string& name);
  // Names of the scored sources of a run, sorted (for filter menus). At most `limit`.
  std::vector<std::string> SourceNames(int64_t run, int limit = 2000);

  // Claims whose `field` equals `value`, by date then order in the run.
  Page<engine::Claim> Claims(int64_t run, ClaimField field, const std::string& value,
                             const std::string& cursor, int limit);
  std::optional<engine::Claim> Claim(int64_t run, int64_t claim_id);
  // The claims of one document in the run, in order (at most `limit`).
  std::vector<engine::Claim> ClaimsOfDocument(int64_t run, int64_t document_id, int limit);
  // A stored document with its text.
  std::optional<engine::Document> Document(int64_t document_id);

  // Links touching a claim (as either end): contradictions, updates, agreements, copies, each
  // highest score first; at most `limit`.
  std::vector<LinkRow> LinksOf(int64_t run, int64_t claim_id, int limit);
  // Links of one relation, highest score first, filtered by source(s) and score.
  Page<LinkRow> Links(int64_t run, const LinkFilter& filter, const std::string& cursor, int limit);

  // Propositions, most member claims first.
  Page<PropositionRow> Propositions(int64_t run, const std::string& cursor, int limit);
  std::optional<PropositionRow> Proposition(int64_t run, const std::string& key);
  // The proposition's claims counted per source and year, over its first `cap` claims in date
  // order; *capped says whether there were more.
  std::vector<SourceYearCount> PropositionCounts(int64_t run, const std::string& key, int cap,
                                                 bool* capped);

  // Claims whose text matches `query` (words, and "quoted phrases"; all must occur; matched on
  // word stems, ignoring case and accents), in run order. An empty query matches nothing.
  Page<engine::Claim> Search(int64_t run, const std::string& query, const std::string& cursor,
                             int limit);

  // The part of a run that concerns `sources`: their claims (with `about` times, without
  // quantities and entities), the links between claims of two different ones, the documents
  // (metadata) and propositions those claims refer to, and the sources' scores. What the
  // comparison (io/report/compare_report.h) needs, without loading the whole run.
  engine::AnalysisResult LoadSources(int64_t run, const std::vector<std::string>& sources);

  // What changed from run `a` to run `b` (io/store/run_changes.cc): reads the two runs'
  // per-document digests (schema 7, io/store/diff_keys.h) in document order, then compares item
  // by item only the documents whose digests differ or that one run lacks. Costs O(documents +
  // claims and links of the changed documents), not O(run). The changed links' sort keys are read
  // one by one, or, when there are more than `scan_above` in a run, in one pass over its links.
  // Throws StoreError for an unknown run.
  RunChanges Changes(int64_t a, int64_t b, size_t scan_above = 20000);
  // The claims with these ids (in this order, without quantities and entities) and the links at
  // these positions with their claims; missing ones are left out.
  std::vector<engine::Claim> ClaimsById(int64_t run, const std::vector<int64_t>& ids);
  std::vector<LinkRow> LinksAt(int64_t run, const std::vector<int64_t>& seqs);

 private:
  // A run's recorded header (id, time, version, configuration, method) with nothing loaded;
  // throws StoreError for an unknown run.
  engine::AnalysisResult RunHeader(int64_t run);
  template <class F>
  auto Guard(const char* sql, F&& f) -> decltype(f());

  std::string name_;
  std::unique_ptr<SQLite::Database> db_;
};

// The FTS5 query for what a person typed: each word and each "quoted phrase" becomes a quoted
// FTS5 string (so no operator or syntax error can come from the input), all required. Returns ""
// when nothing searchable is left. Exposed for tests.
std::string FtsQuery(const std::string& text);

}  // namespace claimgraph::io
