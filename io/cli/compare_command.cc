// Placeholder until the command is built; replaced by its owner.
#include "io/cli/commands.h"

namespace claimgraph::cli {
int CompareCommand(const std::vector<std::string>&) { throw std::runtime_error("not built yet"); }
}  // namespace claimgraph::cli
