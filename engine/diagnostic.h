// Diagnostic: a problem with one input record (bad UTF-8, a malformed JSON line, an unparseable
// date). Bad records are data: readers collect diagnostics and keep going; main reports them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimgraph::engine {

struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  std::string file;
  size_t line = 0;  // 1-based; 0 when the problem is not tied to a line
  std::string message;

  // "file:line: error: message"
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace claimgraph::engine
