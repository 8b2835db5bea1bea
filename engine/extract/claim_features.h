// Polarity and modality of a claim's content clause.
//
// Polarity: negated when a negator ("not", "n't", "no", "never", "cannot", "no longer") bears on
// the main predicate of a main clause: it directly follows the clause's first auxiliary or
// copula ("this is not a withdrawal", "US troops had not left", "we will not leave", "there is
// no withdrawal", "had no real plan") or is fused with it ("cannot", "didn't"), with no other verb
// before it in the clause. Negators inside subordinate or relative clauses ("if American forces
// did not back down", "which does not want", "bases we didn't need"), contrastive "X, not Y" and
// "not only" leave the claim affirmed. Clauses are cut at commas, semicolons, dashes, quotes and
// subordinators; "that" and "and" open a new main clause ("... and that US troops had not left").
// A cheap approximation of the scope rules of NegEx (Chapman et al. 2001) and of negation
// scope on the main verb (Morante & Daelemans 2009), without a parser.
//
// Modality, in priority order: question ('?' at the end), denial (reported with a denial verb:
// "denied", "rejected"), hedged ("may", "might", "could", "reportedly", "allegedly", "likely"),
// forecast (future or promise: "will", "would", "going to", "plans to", "expected to", a
// deadline "by September 2026", or a time about that is after the publication date), reported
// (someone other than the outlet speaks), asserted.
#pragma once

#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/extract/lexer.h"

namespace claimgraph::engine {

// Polarity of lexemes [b, e).
Polarity ComputePolarity(const std::vector<Lexeme>& lex, size_t b, size_t e);

struct ModalityInput {
  const std::vector<Lexeme>* lex = nullptr;
  size_t begin = 0, end = 0;  // the content clause
  bool reported = false;      // a speaker other than the outlet
  std::string_view reporting_verb;
  bool future_time = false;  // a time about starts after the publication date
  bool deadline = false;     // "by <time>" / "until <time>" in the content
};
Modality ComputeModality(const ModalityInput& in);

}  // namespace claimgraph::engine
