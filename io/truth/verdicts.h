// Known verdicts for the text pipeline (`claimgraph run/analyze --verdicts FILE`): past
// fact-checks that calibrate the sources (engine::truth::TextVerdict; matched to the run's claims
// by engine/truth/text_reliability.h). Two formats, told apart by the first character:
//   CSV with a header: a key column (`claim`, `text`, `proposition`, `object` or
//     `claimReviewed`: a claim's text or a proposition key) and a verdict column (`verdict`,
//     `value`, `truth` or `rating`: true / false, yes / no, 1 / 0, or a rating label below);
//     optional `author` and `date` columns;
//   schema.org ClaimReview as JSON-LD ('{' or '['): one object, an array of them, or objects
//     anywhere inside (`@graph`, wrappers). Each ClaimReview gives claimReviewed (the key),
//     reviewRating (its alternateName when it is a known label, else ratingValue placed between
//     worstRating and bestRating, schema.org's defaults 1 and 5: above the middle = true, below =
//     false), itemReviewed.author (name) and datePublished.
// Rating labels (a closed class of fact-checkers' verdict words, compared case-folded without
// punctuation): true, correct, accurate, mostly true, mostly correct, verified, confirmed; false,
// incorrect, inaccurate, mostly false, pants on fire, fake, fabricated, wrong, misleading,
// baseless, debunked. Mixed labels (half true, mixture, mixed, unproven, unverified, ...) and a
// rating in the exact middle give no verdict (a warning).
// Bad input (a line or ClaimReview without a key or a readable verdict, JSON that does not parse,
// JSON without any ClaimReview) is a diagnostic with file and line; the rest is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/truth/text_reliability.h"

namespace claimgraph::io::truth {

// Throws std::runtime_error if the file cannot be read.
std::vector<engine::truth::TextVerdict> ReadVerdicts(const std::string& path,
                                                     engine::Diagnostics* diagnostics);
std::vector<engine::truth::TextVerdict> ParseVerdicts(std::string_view text, std::string_view name,
                                                      engine::Diagnostics* diagnostics);

// A verdict word or rating label: +1 true, -1 false, 0 mixed or unknown (*known = false when
// the word is not a label at all).
int RatingVerdict(std::string_view label, bool* known = nullptr);

}  // namespace claimgraph::io::truth
