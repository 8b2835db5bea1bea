// `claimgraph serve --db FILE [--port N] [--host ADDR]`: the local, read-only web explorer over a
// store (io/serve/). Migrates an older store forward first (the explorer's indexes are schema
// version 3), then serves until interrupted.
#include <boost/program_options.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/serve/explorer_server.h"
#include "io/store/sqlite_store.h"
#include "io/store/store.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

namespace {

io::serve::ExplorerServer* g_server = nullptr;

extern "C" void StopOnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

int ServeCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph serve --db FILE [--port N] [--host ADDR]\n\n"
      "Serves a read-only web explorer over the store: runs, sources and speakers with their\n"
      "reliability and evidence, propositions over time, each claim in its document, the\n"
      "contradictions and agreements with filters, full-text search over claims, and the\n"
      "side-by-side comparison of sources. Open the address it prints in a browser; Ctrl-C stops\n"
      "it. It listens on 127.0.0.1 (this machine only) unless --host says otherwise.\n\noptions");
  io::serve::ServeOptions options;
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&options.db)->value_name("FILE"), "the store")(
      "port", po::value(&options.port)->value_name("N"),
      "the port to listen on (default 8765; 0 = any free port)")(
      "host", po::value(&options.host)->value_name("ADDR"),
      "the address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network)")(
      "page-size", po::value(&options.page_size)->value_name("N"),
      "rows per page (default 50, at most 500)");
  const po::variables_map vm = ParseCommandLine(args, visible);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (options.db.empty()) throw UsageError("--db FILE is required");
  if (options.port < 0 || options.port > 65535) throw UsageError("--port must be 0..65535");
  if (options.page_size < 1 || options.page_size > 500)
    throw UsageError("--page-size must be 1..500");
  if (!std::filesystem::is_regular_file(options.db))
    throw std::runtime_error(options.db +
                             ": no such store (create it with `claimgraph run` or `claimgraph "
                             "ingest` and `claimgraph analyze`)");
  if (io::ReadSchemaVersion(options.db) < io::kStoreSchemaVersion) {
    std::cerr << "claimgraph serve: migrating " << options.db << " to schema version "
              << io::kStoreSchemaVersion << " (indexes and full-text search; once)\n";
    io::OpenStore(options.db);  // migrates forward, then closes
  }
  io::serve::ExplorerServer server(options);
  const int port = server.Bind();
  const std::string host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "claimgraph explorer: http://" << (host == "0.0.0.0" ? "127.0.0.1" : host) << ":"
            << port << "/  (store " << options.db << "; Ctrl-C stops it)" << std::endl;
  g_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  server.Run();
  g_server = nullptr;
  std::cerr << "claimgraph serve: stopped\n";
  return 0;
}

}  // namespace claimgraph::cli
