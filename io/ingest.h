// Ingest: reads documents from paths (io/readers/document_reader.h) into a Store, the first step
// of `claimgraph ingest` and `claimgraph run`. One ingest is one transaction: if it fails, throws,
// or is interrupted (Ctrl-C / SIGINT / SIGTERM through ScopedInterruptHandler, or an
// IngestOptions::cancel flag), nothing of it is stored and nothing stored before is lost.
// Re-ingesting a document already present (same bytes, same SHA-256) is a no-op.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/document.h"
#include "io/readers/document_reader.h"
#include "io/store/store.h"

namespace claimgraph::io {

struct IngestOptions {
  ReaderOptions reader;
  // Under strict, a skipped record makes the ingest fail (IngestResult::ok() is false); the
  // documents that were read are still stored.
  bool strict = false;
  // Polled between documents; when it becomes true the ingest stops and rolls back. May be null.
  // ScopedInterruptHandler::flag() is the usual value.
  const std::atomic<bool>* cancel = nullptr;
  // Called after each document is put in the store, inside the transaction (progress, tests).
  std::function<void(const engine::Document&, PutStatus)> on_document;
};

struct IngestResult {
  int64_t files = 0;
  int64_t bytes = 0;
  int64_t added = 0;            // new documents stored
  int64_t already_present = 0;  // documents whose hash was already in the store (or earlier in
                                // this ingest)
  int64_t skipped = 0;          // records, files and directories rejected with an error
                                // diagnostic
  std::map<std::string, int64_t> skipped_by_reason;  // adds up to `skipped`
  int64_t ignored = 0;          // files in walked directories that are not inputs (warning)
  bool interrupted = false;     // stopped by cancel/SIGINT; everything rolled back
  bool strict = false;
  engine::Diagnostics diagnostics;
  // Store ids of every document read (added or already present), in reading order, without
  // duplicates: what `run` analyses. Empty when interrupted.
  std::vector<int64_t> document_ids;

  // False when interrupted, or under strict when anything was skipped.
  bool ok() const { return !interrupted && !(strict && skipped > 0); }
};

// Ingests `paths` into *store in one transaction. Throws StoreError on a store failure (after
// rolling back); bad input is reported in IngestResult::diagnostics, never thrown.
IngestResult Ingest(const std::vector<std::string>& paths, Store* store,
                    const IngestOptions& options);

// Installs SIGINT and SIGTERM handlers that set flag() instead of killing the process, and
// restores the previous handlers when destroyed. A second signal while the flag is already set
// falls back to the default action (so a stuck process can still be killed with a second Ctrl-C).
// Not reentrant: one instance at a time per process.
class ScopedInterruptHandler {
 public:
  ScopedInterruptHandler();
  ~ScopedInterruptHandler();
  ScopedInterruptHandler(const ScopedInterruptHandler&) = delete;
  ScopedInterruptHandler& operator=(const ScopedInterruptHandler&) = delete;

  // Set once a signal arrived.
  static const std::atomic<bool>& flag();
  // The signal that arrived (SIGINT, SIGTERM) or 0.
  static int signal_number();
};

// One line per count, e.g. "2 files (0.1 MB): added 12, already present 3, skipped 1".
std::string SummarizeIngest(const IngestResult& result);

// What was skipped, counted by reason, for the end of a run: "skipped 3 inputs: malformed JSON 2,
// empty file 1" (and the non-input files ignored in walked directories), or "" when nothing was.
std::string SummarizeSkipped(const IngestResult& result);

}  // namespace claimgraph::io
