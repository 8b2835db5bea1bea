// Quantities in text: numbers written as digits ("2,500", "3.5"), as words ("four", "twenty-one",
// "a dozen"), as ranges ("four to five", "between 2,500 and 3,000", "45-50") and as vague
// magnitudes ("hundreds of", "thousands of", "dozens of"), each with the unit it counts: the head
// noun after the number, skipping modifiers ("2,500 American advisers" -> "advisers", "3,000 US
// military in" -> "military"). Years ("in 2014"), days of months ("December 9", "2 November")
// and numbers without a unit are not quantities.
#pragma once

#include <string_view>
#include <vector>

#include "engine/claim.h"

namespace claimgraph::engine {

// Value of a number word (folded): "four" -> 4, "twenty" -> 20, "dozen" -> 12, "hundred" -> 100.
// Returns false for other words.
bool ParseNumberWord(std::string_view word, double* value);

// Parses a number as written: "2,500" -> 2500, "3.5" -> 3.5, "four" -> 4, "twenty-one" -> 21.
bool ParseNumber(std::string_view text, double* value);

// Quantities in `text`, left to right.
std::vector<Quantity> FindQuantities(std::string_view text);

}  // namespace claimgraph::engine
