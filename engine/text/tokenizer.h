// Word tokenizer shared by extraction, linking and the stance model: normalised lower-case tokens
// with byte offsets back into the original text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine {

struct Token {
  std::string text;  // normalised: case folded, accents folded, "2,500" -> "2500"
  size_t begin = 0;  // byte offsets into the tokenized text
  size_t end = 0;
  bool numeric = false;
};

// Splits `text` into word and number tokens. Letters, digits and internal apostrophes make words
// ("don't"); a trailing possessive "'s" is dropped ("Iraq's" -> "iraq"); hyphens and all other
// punctuation separate tokens; digits joined by ',' or '.' make one number ("2,500" -> "2500",
// "3.5" -> "3.5"). Curly quotes and apostrophes count as their ASCII forms.
std::vector<Token> Tokenize(std::string_view text);

// Tokenize() and keep only the normalised strings.
std::vector<std::string> TokenStrings(std::string_view text);

// Lower-cases ASCII and folds Latin-1 / Latin Extended-A accented letters to their base letter
// ("Qazvini" -> "qazvini", "Iraquí" -> "iraqui"). Other code points pass through unchanged.
std::string FoldCase(std::string_view text);

// True for common English function words ("the", "of", "and", ...). `word` must be folded.
bool IsStopword(std::string_view word);

}  // namespace claimgraph::engine
