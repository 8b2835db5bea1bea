// The subcommands of the `claimgraph` executable. Each handler parses its own options (with
// Boost.Program_options), does the work through the io and engine libraries, prints results, and
// returns the exit status: 0 success, 1 the work failed, 2 usage error. Handlers throw UsageError
// for bad command lines; main prints it with the command's help.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace claimgraph::cli {

// Thrown by a handler when its command line is wrong; main prints it and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// args excludes the program and command names: `claimgraph ingest a b` -> {"a", "b"}.
using CommandHandler = int (*)(const std::vector<std::string>& args);

int RunCommand(const std::vector<std::string>& args);      // run_command.cc
int IngestCommand(const std::vector<std::string>& args);   // ingest_command.cc
int AnalyzeCommand(const std::vector<std::string>& args);  // analyze_command.cc
int ReportCommand(const std::vector<std::string>& args);   // report_command.cc
int CompareCommand(const std::vector<std::string>& args);  // compare_command.cc
int ExportCommand(const std::vector<std::string>& args);   // export_command.cc
int EvalCommand(const std::vector<std::string>& args);     // stance_commands.cc
int TrainCommand(const std::vector<std::string>& args);    // stance_commands.cc
int TruthCommand(const std::vector<std::string>& args);    // truth_command.cc
int ServeCommand(const std::vector<std::string>& args);    // serve_command.cc

}  // namespace claimgraph::cli
