#include "io/ingest.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unordered_set>
#include <utility>

namespace claimgraph::io {
namespace {

std::atomic<bool> g_interrupted{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void OnInterrupt(int sig) {
  if (g_interrupted.load()) {
    // Second signal: the user insists. Fall back to the default action; SQLite's journal keeps
    // the store consistent even then.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_signal = sig;
  g_interrupted.store(true);
}

struct sigaction g_old_int, g_old_term;

}  // namespace

ScopedInterruptHandler::ScopedInterruptHandler() {
  g_interrupted.store(false);
  g_signal = 0;
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, &g_old_int);
  sigaction(SIGTERM, &sa, &g_old_term);
}

ScopedInterruptHandler::~ScopedInterruptHandler() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
}

const std::atomic<bool>& ScopedInterruptHandler::flag() { return g_interrupted; }
int ScopedInterruptHandler::signal_number() { return g_signal; }

IngestResult Ingest(const std::vector<std::string>& paths, Store* store,
                    const IngestOptions& options) {
  IngestResult result;
  result.strict = options.strict;
  auto cancelled = [&] { return options.cancel != nullptr && options.cancel->load(); };
  std::unordered_set<int64_t> seen;
  bool stopped = false;

  std::unique_ptr<Transaction> tx = store->Begin();
  const DocumentSink sink = [&](engine::Document&& doc) {
    if (cancelled()) {
      stopped = true;
      return false;
    }
    const PutStatus status = store->PutDocument(&doc);
    if (status == PutStatus::kAdded) {
      ++result.added;
    } else {
      ++result.already_present;
    }
    if (seen.insert(doc.id).second) result.document_ids.push_back(doc.id);
    if (options.on_document) options.on_document(doc, status);
    return true;
  };
  ReadStats stats;
  ReadPaths(paths, options.reader, sink, &result.diagnostics, &stats);
  result.files = stats.files;
  result.bytes = stats.bytes;
  result.skipped = stats.skipped;
  result.skipped_by_reason = stats.skipped_by_reason;
  result.ignored = stats.ignored;
  if (stopped || cancelled()) {
    tx.reset();  // rolls back: nothing of this ingest is stored
    result.interrupted = true;
    result.added = 0;
    result.already_present = 0;
    result.document_ids.clear();
    result.diagnostics.push_back({engine::Diagnostic::Severity::kError, store->name(), 0,
                                  "ingest interrupted; rolled back, nothing of it was stored"});
    return result;
  }
  tx->Commit();
  return result;
}

std::string SummarizeIngest(const IngestResult& r) {
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(r.bytes) / 1e6);
  std::string out =
      std::to_string(r.files) + (r.files == 1 ? " file" : " files") + " (" + size + "): ";
  if (r.interrupted) return out + "interrupted, nothing stored";
  out += "added " + std::to_string(r.added) + ", already present " +
         std::to_string(r.already_present) + ", skipped " + std::to_string(r.skipped);
  if (r.ignored > 0) out += ", ignored " + std::to_string(r.ignored) + " non-input files";
  return out;
}

std::string SummarizeSkipped(const IngestResult& r) {
  std::string out;
  if (r.skipped > 0) {
    out = "skipped " + std::to_string(r.skipped) + (r.skipped == 1 ? " input" : " inputs") + ":";
    // Most frequent reason first; ties by name.
    std::vector<std::pair<std::string, int64_t>> reasons(r.skipped_by_reason.begin(),
                                                         r.skipped_by_reason.end());
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < reasons.size(); ++i) {
      out += (i ? ", " : " ") + reasons[i].first + " " + std::to_string(reasons[i].second);
    }
  }
  if (r.ignored > 0) {
    if (!out.empty()) out += "; ";
    out += "ignored " + std::to_string(r.ignored) + " non-input file" + (r.ignored == 1 ? "" : "s");
  }
  return out;
}

}  // namespace claimgraph::io
