// Command-line parsing shared by the subcommands: Boost.Program_options with its errors turned
// into UsageError (exit 2), so every command reports a bad command line the same way.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace claimgraph::cli {

// Parses `args` against `options` and, if given, the positional arguments. Throws UsageError
// for an unknown option, a missing or malformed value.
boost::program_options::variables_map ParseCommandLine(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description* positional = nullptr);

}  // namespace claimgraph::cli
