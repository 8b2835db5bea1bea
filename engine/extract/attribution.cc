// The denial verbs (see attribution.h).
#include "engine/extract/attribution.h"

namespace claimgraph::engine {

bool IsDenialVerb(std::string_view word) {
  for (std::string_view v : {"denied", "denies", "deny", "denying", "rejected", "rejects",
                             "reject", "rejecting", "dismissed", "dismisses", "refuted", "refutes"})
    if (v == word) return true;
  // A multi-word cue ("flatly denied"): its last word.
  const size_t space = word.rfind(' ');
  return space != std::string_view::npos && IsDenialVerb(word.substr(space + 1));
}

}  // namespace claimgraph::engine
