// Word lists behind the stance features (stance_features.h): refuting, hedging, confirming and
// negation cues, and antonym pairs. Short, hand-written lists in the spirit of de Marneffe et al.
// (2008) and the FNC-1 baseline's refuting words; they take folded tokens
// (engine/text/tokenizer.h).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::engine {

// "deny", "denied", "false", "hoax", "debunk", "fake", "untrue", "rumour", ...
bool IsRefutingWord(std::string_view word);
// "reportedly", "allegedly", "may", "claims", "rumored", "unconfirmed", ...
bool IsHedgingWord(std::string_view word);
// "confirmed", "official", "announced", "revealed", "proves", ...
bool IsConfirmingWord(std::string_view word);
// "not", "no", "never", "n't" forms ("isn't", "didn't"), "none", "without", ...
bool IsNegationWord(std::string_view word);
// Antonym pairs as plain words ("alive"/"dead", "confirm"/"deny", "rise"/"fall"); the features
// compare them through their light stems.
std::vector<std::pair<std::string_view, std::string_view>> AntonymPairs();
// 1..12 for a month name or its usual abbreviation, else 0.
int MonthNumber(std::string_view word);

}  // namespace claimgraph::engine
