#include "io/cli/report_common.h"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "io/report/report.h"
#include "io/store/store.h"

namespace claimgraph::cli {

engine::AnalysisResult LoadRunFromStore(const std::string& db, std::optional<int64_t> run_id) {
  if (db != ":memory:" && !std::filesystem::exists(db))
    throw std::runtime_error(db +
                             ": no such store (create it with `claimgraph ingest` and "
                             "`claimgraph analyze`, or `claimgraph run`)");
  std::unique_ptr<io::Store> store = io::OpenStore(db);
  if (run_id) return store->LoadRun(*run_id);
  if (!store->LatestRunId())
    throw std::runtime_error(
        db + ": the store holds no analysis run (run `claimgraph analyze --db " + db + "` first)");
  return store->LoadLatestRun();
}

void WriteOutput(const std::string& command, const std::string& path,
                 const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    io::report::WriteToFile("-", write);
    return;
  }
  io::report::WriteToFile(path, write);
  std::cerr << "claimgraph " << command << ": wrote " << path << "\n";
}

}  // namespace claimgraph::cli
