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
int RunsCommand(const std::vector<std::string>& args);     // runs_command.cc
int DiffCommand(const std::vector<std::string>& args);     // diff_command.cc
int EvalCommand(const std::vector<std::string>& args);     // subcommands.cc
int TrainCommand(const std::vector<std::string>& args);    // subcommands.cc
int TruthCommand(const std::vector<std::string>& args);    // truth_command.cc
// `train parser ...` and `eval parser ...` (parser_commands.cc); args[0] is "parser".
int TrainParserCommand(const std::vector<std::string>& args);
int EvalParserCommand(const std::vector<std::string>& args);
// `eval attribution ...` and `train attribution ...`; args start with "attribution".
int EvalAttributionCommand(const std::vector<std::string>& args);   // attribution_commands.cc
int TrainAttributionCommand(const std::vector<std::string>& args);  // attribution_commands.cc
int EvalCoreferenceCommand(const std::vector<std::string>& args);   // attribution_commands.cc
int EvalPairsCommand(const std::vector<std::string>& args);   // pairs_commands.cc (eval pairs)
int TrainPairsCommand(const std::vector<std::string>& args);  // pairs_commands.cc (train pairs)
int ServeCommand(const std::vector<std::string>& args);    // serve_command.cc

}  // namespace claimgraph::cli
