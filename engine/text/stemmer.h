// Light English stemmer for matching claims about the same thing: "withdrawal", "withdrawing",
// "withdrew" and "withdrawn" all become "withdraw". Suffix stripping in the spirit of Porter
// (1980) with a small table of irregular forms common in news; deliberately conservative (it
// never strips below three letters) because over-stemming merges unrelated claims.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::engine {

// REQUIRES: `word` is folded (lower case), as produced by Tokenize().
std::string Stem(std::string_view word);

}  // namespace claimgraph::engine
