#include "engine/diagnostic.h"

namespace claimgraph::engine {

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

}  // namespace claimgraph::engine
