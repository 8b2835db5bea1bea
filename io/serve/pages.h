// The explorer's pages, one function each, rendered from a StoreBrowser a page of rows at a time:
// runs, a run's overview, sources and speakers (reliability with uncertainty, evidence counts,
// reliability per window, claims over time), propositions (claims by source over time with their
// links), a claim in its document with the span highlighted, contradictions / agreements /
// updates with filters, full-text search, and the side-by-side comparison of sources (the data
// of io/report/compare_report.h), and what changed between two runs (the view of `claimgraph diff`,
// io/report/run_diff.h). Query parameters are checked here: a malformed one throws
// HttpError(400), a run, claim, source or proposition that does not exist HttpError(404).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/report/run_diff.h"
#include "io/store/store_browser.h"

namespace claimgraph::io::serve {

// A request the explorer refuses: the HTTP status (4xx) and a message for the error page.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// Decoded query parameters.
struct Query {
  std::multimap<std::string, std::string> params;
  // The first value of `key`, or "" (REQUIRES nothing; a value longer than 4,096 bytes throws
  // HttpError(400)).
  std::string Get(const std::string& key) const;
  std::vector<std::string> All(const std::string& key) const;
};

// What changed between two runs, kept for the diff view: the counts and the changed items' ids
// as the store's indexes give them (StoreBrowser::Changes, the same as io/report/run_diff.h's
// DiffRuns), and the sources that moved (pointing into changes.sources_a / sources_b). The rows of
// a list are read from the store a page at a time. Neither copied nor moved once made.
struct LoadedDiff {
  RunChanges changes;
  std::vector<report::SourceMove> sources;
};
// Finds what changed from run a to run b (StoreBrowser::Changes).
std::shared_ptr<const LoadedDiff> LoadDiff(StoreBrowser* browser, int64_t a, int64_t b);

// What every page needs.
struct PageContext {
  StoreBrowser* browser = nullptr;
  const Query* query = nullptr;
  int64_t run = 0;  // the run in the path (0 on the runs page)
  std::string store_name;
  int page_size = 50;
  // Returns the cached value for `key`, or computes it with `make` and caches it (the
  // comparison's page, which reads every claim of the compared sources). May be empty: no cache.
  std::function<std::string(const std::string& key, const std::function<std::string()>& make)> memo;
  // Returns the diff of runs a and b, cached; may be empty: LoadDiff each time.
  std::function<std::shared_ptr<const LoadedDiff>(int64_t a, int64_t b)> diff;
};

std::string RunsPage(const PageContext& ctx);
std::string RunPage(const PageContext& ctx);
std::string ScoresPage(const PageContext& ctx, ScoreKind kind);  // sources or speakers
std::string ScorePage(const PageContext& ctx, ScoreKind kind);   // one, ?name=
std::string PropositionsPage(const PageContext& ctx);
std::string PropositionPage(const PageContext& ctx);  // ?key=
std::string ClaimPage(const PageContext& ctx, int64_t claim_id);
std::string LinksPage(const PageContext& ctx);    // ?relation=&source=&other=&min=
std::string SearchPage(const PageContext& ctx);   // ?q=
std::string ComparePage(const PageContext& ctx);  // ?source=A&source=B...
// What changed from run ?from= (default: the run before) to this run: the overview, or one list
// (?list=sources|links-added|links-gone|claims-added|claims-gone) a page at a time (?page=N).
std::string DiffPage(const PageContext& ctx);
// The error page for `status` with `message`.
std::string ErrorPage(const PageContext& ctx, int status, const std::string& message);

}  // namespace claimgraph::io::serve
