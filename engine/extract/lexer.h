// Lexer for the extract stage: words, numbers and punctuation of one sentence with byte offsets
// into the document, the case of the first letter kept (names are found by capitals), quotes
// and dashes normalised (“ ” « » „ " -> '"', ‘ ’ -> '\'', – — -> '-'), possessives split off
// ("Iraq’s" -> word "iraq" with possessive = true). Internal to engine/extract.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine {

struct Lexeme {
  enum Kind { kWord, kNumber, kPunct };
  Kind kind = kWord;
  size_t begin = 0, end = 0;  // bytes into the lexed text (document offsets if given)
  std::string folded;         // case- and accent-folded word, or the normalised punctuation
  bool capital = false;       // first letter upper case
  bool possessive = false;    // "Iraq’s"
  bool in_quote = false;      // inside a quotation (set by the caller)
  bool IsPunct(char c) const { return kind == kPunct && folded.size() == 1 && folded[0] == c; }
  bool Is(std::string_view w) const { return kind != kPunct && folded == w; }
};

// Lexes text[begin, end); offsets in the result are absolute (into `text`).
std::vector<Lexeme> Lex(std::string_view text, size_t begin, size_t end);

}  // namespace claimgraph::engine
