// Per-token feature atoms shared by the taggers of the linguistic layer: a token's normalised
// word, affixes and shape, hashed once per sentence so that each feature of a template is one
// MixHash of a template id and an atom (engine/nlp/linear_model.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

// Lower-cased word with numbers generalised: "1999" -> "!YEAR", "2,500" / "3.5" -> "!DIGITS".
std::string NormalizeWord(std::string_view form);

// Word shape with runs collapsed: "McCain" -> "XxXx", "U.S." -> "X.X.", "2016" -> "d",
// "front-runner" -> "x-x".
std::string WordShape(std::string_view form);

struct WordAtoms {
  uint64_t form = 0;  // exact form
  uint64_t word = 0;  // NormalizeWord
  uint64_t prefix1 = 0;
  uint64_t prefix3 = 0;
  uint64_t suffix2 = 0;
  uint64_t suffix3 = 0;
  uint64_t suffix4 = 0;
  uint64_t shape = 0;
  bool capitalized = false;
  bool has_digit = false;
  bool has_hyphen = false;
};

// Atoms of tokens [first, first + count) of `tokens`; the vector is padded with two boundary
// tokens on each side (index i of the sentence is atoms[i + 2]).
void ComputeAtoms(const std::vector<Token>& tokens, size_t first, size_t count,
                  std::vector<WordAtoms>* atoms);

inline constexpr size_t kAtomPadding = 2;

}  // namespace claimgraph::engine::nlp
