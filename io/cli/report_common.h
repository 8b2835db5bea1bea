// What the report, compare and export commands share: loading a recorded run from the store, and
// writing to -o FILE or standard output. Internal to io/cli.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "engine/analysis.h"

namespace claimgraph::cli {

// Opens the store at `db` (which must exist) and loads run `run_id`, or the newest run. Throws
// std::runtime_error naming the file when the store is missing or holds no such run.
engine::AnalysisResult LoadRunFromStore(const std::string& db, std::optional<int64_t> run_id);

// Runs `write` on the file `path` (or standard output when `path` is empty or "-"), and says
// on standard error what was written.
void WriteOutput(const std::string& command, const std::string& path,
                 const std::function<void(std::ostream&)>& write);

}  // namespace claimgraph::cli
