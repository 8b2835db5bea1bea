// The handlers behind `claimgraph eval X` and `claimgraph train X`: the tables in subcommands.cc
// dispatch on X and pass the rest of the arguments (without X) to these. A new evaluation or
// model adds its handler here and a row to the table.
#pragma once

#include <string>
#include <vector>

namespace claimgraph::cli {

int EvalStanceCommand(const std::vector<std::string>& args);   // stance_commands.cc
int TrainStanceCommand(const std::vector<std::string>& args);  // stance_commands.cc
int EvalSyntaxCommand(const std::vector<std::string>& args);   // nlp_commands.cc
int TrainNlpCommand(const std::vector<std::string>& args);     // nlp_commands.cc
int EvalTimeCommand(const std::vector<std::string>& args);     // time_commands.cc

}  // namespace claimgraph::cli
