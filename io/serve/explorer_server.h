// ExplorerServer: the explorer (io/serve/explorer.h) on HTTP, through cpp-httplib. It listens on
// 127.0.0.1 unless told otherwise, answers GET and HEAD only (405 otherwise), and sends every
// response with a Content-Security-Policy that lets a page load only the explorer's own style
// sheet and script (nothing from the network, no inline script). When it listens on a loopback
// address it also refuses requests whose Host header names another host (403), so a web page
// elsewhere cannot read the explorer through DNS rebinding.
//
// Thread safety: Run() blocks serving requests on a pool of threads; Stop() may be called from
// any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace claimgraph::io::serve {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8765;  // 0 = any free port (see Bind's result)
  int page_size = 50;
  size_t cached_diffs = 4;  // ExplorerOptions::cached_diffs (0: find each diff afresh)
};

class ExplorerServer {
 public:
  // Opens the store (read-only). Throws StoreError.
  explicit ExplorerServer(const ServeOptions& options);
  ~ExplorerServer();

  // Binds the listening socket; returns the port. Throws std::runtime_error when it cannot.
  int Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimgraph::io::serve
