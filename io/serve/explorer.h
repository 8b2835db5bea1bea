// Explorer: the web explorer's request handling without the network. It maps a path and its
// query parameters to a page (io/serve/pages.h) or an embedded asset, and every failure to a clean
// status: 404 for a path it does not serve or a run, claim, source or proposition that does not
// exist, 400 for a malformed parameter or page cursor, 500 (logged, without details) for a store
// error. It serves nothing from disk but the store, which it only reads. ExplorerServer
// (io/serve/explorer_server.h) puts it on HTTP.
//
// Thread safety: Handle may be called from many threads at once; each call borrows a read-only
// store connection from a pool.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph::io {
class StoreBrowser;
}  // namespace claimgraph::io

namespace claimgraph::io::serve {

struct LoadedDiff;

struct ExplorerOptions {
  std::string db;      // the store (schema current: see StoreBrowser)
  int page_size = 50;  // rows per page unless ?limit= says otherwise
  size_t cached_comparisons = 16;
  // Diffs of pairs of runs kept for the diff view (each holds the changed items' ids only).
  size_t cached_diffs = 4;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
};

class Explorer {
 public:
  // Opens one connection to check the store can be read. Throws StoreError.
  explicit Explorer(const ExplorerOptions& options);
  ~Explorer();

  // Answers GET `path` (percent-decoded) with `params` (decoded query parameters).
  Response Handle(const std::string& path, const std::multimap<std::string, std::string>& params);

 private:
  std::unique_ptr<StoreBrowser> Borrow();
  void Return(std::unique_ptr<StoreBrowser> browser);
  std::string Memo(const std::string& key, const std::function<std::string()>& make);
  std::shared_ptr<const LoadedDiff> CachedDiff(StoreBrowser* browser, int64_t a, int64_t b);

  ExplorerOptions options_;
  std::string store_name_;
  std::mutex mu_;
  std::vector<std::unique_ptr<StoreBrowser>> pool_;
  std::list<std::pair<std::string, std::string>> cache_;  // most recent first
  std::list<std::pair<std::pair<int64_t, int64_t>, std::shared_ptr<const LoadedDiff>>>
      diffs_;  // most recent first
};

}  // namespace claimgraph::io::serve
