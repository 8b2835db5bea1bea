// Store: where ingested documents and recorded analysis runs live. This is the one storage
// interface the rest of the project sees; the SQLite backend (io/store/sqlite_store.h, opened by
// OpenStore) is the default, and another backend can follow by implementing Store.
//
// Documents are keyed by the SHA-256 of their bytes, so putting the same document twice is a
// no-op. Every write goes through a Transaction (RAII: rolled back unless committed), so an ingest
// or a run that fails or is interrupted leaves the store as it was. A run is one
// engine::AnalysisResult with its configuration and the program version; runs are listed and
// loaded by id, the latest by default.
//
// Thread safety: a Store is used from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/analysis.h"
#include "engine/document.h"

namespace claimgraph::io {

// An environment failure of the store (cannot open, disk full, corrupt file, a newer schema).
// what() names the database file and, where there is one, the statement that failed.
class StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& db_file, const std::string& statement, const std::string& message);
  const std::string& db_file() const { return db_file_; }
  const std::string& statement() const { return statement_; }

 private:
  std::string db_file_;
  std::string statement_;
};

// An open write transaction. Destroying it without Commit() rolls back everything written since
// it began. At most one is open per store at a time.
class Transaction {
 public:
  virtual ~Transaction() = default;
  // Makes the writes durable. Throws StoreError; after a failed Commit the writes are rolled back.
  virtual void Commit() = 0;
};

// Which documents ForEachDocument visits. Empty fields do not filter.
struct DocumentQuery {
  std::vector<int64_t> ids;          // only these store ids (in id order, duplicates once)
  std::vector<std::string> sources;  // only these sources (exact names)
  std::string date_from;             // inclusive, "YYYY-MM-DD"; undated documents are excluded
  std::string date_to;               // inclusive
  bool with_text = true;             // false leaves Document::text empty (saves memory)
};

// One recorded analysis run, as listed (without its contents).
struct RunInfo {
  int64_t id = 0;
  std::string created_at;  // ISO 8601 UTC
  std::string program_version;
  std::string config_json;
  std::string reliability_method;
  int64_t documents = 0;
  int64_t claims = 0;
  int64_t links = 0;
};

struct LoadRunOptions {
  bool with_document_text = false;  // reports need metadata only; spans index the text if needed
};

// Outcome of PutDocument.
enum class PutStatus { kAdded, kAlreadyPresent };

class Store {
 public:
  virtual ~Store() = default;

  // The database file ("" or ":memory:" for an in-memory store); used in messages.
  virtual const std::string& name() const = 0;

  // Begins a write transaction. REQUIRES: no other transaction is open on this store.
  virtual std::unique_ptr<Transaction> Begin() = 0;

  // --- Documents ---------------------------------------------------------------------------

  // Stores *doc unless a document with the same content_hash is present. Either way sets
  // doc->id to the stored document's id. REQUIRES: doc->content_hash is set.
  // Writes outside an explicit transaction are committed at once.
  virtual PutStatus PutDocument(engine::Document* doc) = 0;

  virtual std::optional<engine::Document> GetDocument(int64_t id) = 0;
  virtual std::optional<engine::Document> FindDocumentByHash(const std::string& content_hash) = 0;
  virtual int64_t CountDocuments() = 0;

  // Calls fn once per matching document in id order, streaming from the store so memory does not
  // grow with the number of documents. Stops early when fn returns false. fn must not write to
  // the store. Returns the number of documents visited.
  virtual int64_t ForEachDocument(const DocumentQuery& query,
                                  const std::function<bool(engine::Document&&)>& fn) = 0;

  // --- Runs --------------------------------------------------------------------------------

  // Records a whole analysis run in one transaction (its own, or the caller's if one is open)
  // and sets result->run_id. Fills result->created_at (now, UTC) and result->program_version (this
  // build's) when empty. Every document in result->documents must already be stored (id > 0);
  // claims refer to documents by id and to each other by Claim::id, which must be unique within
  // the run. Throws std::invalid_argument for a result that breaks these rules.
  int64_t SaveRun(engine::AnalysisResult* result) { return SaveRun(result, {}); }
  // The same, calling `numbered()` as soon as the run has its id and time stamp, before its rows
  // are written, so a caller on another thread may start on what needs only those (the reports)
  // while the rows are saved. SaveRun writes nothing of *result after `numbered` is called; it may
  // still fail (throw) afterwards, and then nothing of the run is recorded.
  virtual int64_t SaveRun(engine::AnalysisResult* result,
                          const std::function<void()>& numbered) = 0;

  // All runs, newest (highest id) first.
  virtual std::vector<RunInfo> ListRuns() = 0;
  // The newest run's id, or nullopt if no run is recorded.
  virtual std::optional<int64_t> LatestRunId() = 0;
  // Loads run `run_id` completely. Throws StoreError if there is no such run.
  virtual engine::AnalysisResult LoadRun(int64_t run_id, const LoadRunOptions& options = {}) = 0;
  // Loads the newest run; throws StoreError if the store holds no run.
  engine::AnalysisResult LoadLatestRun(const LoadRunOptions& options = {});
};

// Opens (creating if needed) the SQLite store at `path`, migrating its schema forward to the
// current version. ":memory:" opens a private in-memory store (tests). Throws StoreError.
std::unique_ptr<Store> OpenStore(const std::string& path);

}  // namespace claimgraph::io
