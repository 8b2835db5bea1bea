// claimgraph: the command-line entry point. A table of subcommands; each handler lives in its own
// file in io/cli/. Only this file and the handlers print errors and choose the exit status.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/version.h"
#include "io/cli/commands.h"

namespace {

struct Command {
  const char* name;
  const char* help;
  claimgraph::cli::CommandHandler handler;
};

constexpr Command kCommands[] = {
    {"run", "ingest, analyse and report on corpora in one go (the main job)",
     claimgraph::cli::RunCommand},
    {"ingest", "read documents into the store", claimgraph::cli::IngestCommand},
    {"analyze", "extract claims, link them, score sources; records a run",
     claimgraph::cli::AnalyzeCommand},
    {"report", "write the source-reliability report of a run", claimgraph::cli::ReportCommand},
    {"compare", "compare the narratives of two or more sources", claimgraph::cli::CompareCommand},
    {"export", "export the claim graph (json, graphml, gexf, dot, csv)",
     claimgraph::cli::ExportCommand},
    {"runs", "list the runs recorded in a store", claimgraph::cli::RunsCommand},
    {"diff", "what changed between two runs (claims, links, reliability)",
     claimgraph::cli::DiffCommand},
    {"eval", "measure a model on labelled data (eval stance|syntax|time|parser|attribution|pairs ...)",
     claimgraph::cli::EvalCommand},
    {"train", "rebuild a shipped model (train stance|nlp ...)", claimgraph::cli::TrainCommand},
    {"truth", "truth discovery on structured claims", claimgraph::cli::TruthCommand},
    {"serve", "explore a store in the browser (local, read-only)", claimgraph::cli::ServeCommand},
};

void PrintUsage(std::ostream& out) {
  out << "usage: claimgraph COMMAND [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.help << "\n";
  }
  out << "\n`claimgraph COMMAND --help` describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "claimgraph " << claimgraph::kVersion << "\n";
    return 0;
  }
  for (const Command& c : kCommands) {
    if (name != c.name) continue;
    const std::vector<std::string> args(argv + 2, argv + argc);
    try {
      return c.handler(args);
    } catch (const claimgraph::cli::UsageError& e) {
      std::cerr << "claimgraph " << c.name << ": " << e.what() << "\n"
                << "see `claimgraph " << c.name << " --help`\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "claimgraph " << c.name << ": error: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "claimgraph: unknown command '" << name << "'\n\n";
  PrintUsage(std::cerr);
  return 2;
}
