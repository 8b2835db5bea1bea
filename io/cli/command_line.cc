#include "io/cli/command_line.h"

#include "io/cli/commands.h"

namespace po = boost::program_options;

namespace claimgraph::cli {

po::variables_map ParseCommandLine(const std::vector<std::string>& args,
                                   const po::options_description& options,
                                   const po::positional_options_description* positional) {
  po::variables_map vm;
  try {
    po::command_line_parser parser(args);
    parser.options(options);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

}  // namespace claimgraph::cli
