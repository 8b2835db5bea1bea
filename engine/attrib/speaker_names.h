// One person, one speaker across a run: "Obama" and "Barack Obama", "Hillary Rodham Clinton" and
// "Hillary Clinton" are the same speaker. Within a document coreference already names a person
// in full ("Mr. Trump" -> "Donald Trump"); an article that only ever says "Trump" leaves the
// surname, and outlets spell full names differently. This pass runs once over the run's claims:
//   - a speaker of one capitalised word becomes the full name ending (or starting) with it when
//     that name is the run's dominant one — it has at least `dominance` times the claims of any
//     other full name ending with the word ("Clinton" -> "Hillary Clinton" when Bill Clinton is
//     far rarer; left alone when both are common);
//   - a full name of three or more words becomes the two-word name of its first and last words
//     when that is a speaker of the run with more claims ("Hillary Rodham Clinton" ->
//     "Hillary Clinton");
//   - first, two two-word names with the same last word whose first names are a long and a short
//     form ("Joseph Biden" / "Joe Biden", "Timothy" / "Tim": the short one, of three or four
//     letters, without its last letter begins the long one) and that never occur in the same
//     document (relatives named together — "Jeb Bush" and "Jenna Bush" — do) become one, the
//     rarer taking the more common name.
// Time and memory are linear in the claims (hash maps keyed by word).
#pragma once

#include <cstddef>
#include <vector>

#include "engine/claim.h"

namespace claimgraph::engine::attrib {

struct SpeakerNameOptions {
  double dominance = 4.0;
};

// Renames speakers in place; returns the number of claims renamed.
size_t UnifySpeakerNames(std::vector<Claim>* claims, const SpeakerNameOptions& options = {});

}  // namespace claimgraph::engine::attrib
