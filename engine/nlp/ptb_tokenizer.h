// Tokenisation for the linguistic layer: raw article text -> sentences of Penn-Treebank-style
// tokens with byte offsets, as Stanford CoreNLP's PTBTokenizer writes them (the tagger, the NER
// tagger and the parser are trained on CoreNLP's tokens, so they must see the same units):
//   - punctuation split from words: "said," -> "said" ","; "(AP)" -> "-LRB-" "AP" "-RRB-";
//   - clitics split: "don't" -> "do" "n't", "Trump's" -> "Trump" "'s", "they're" -> "they" "'re",
//     "cannot" -> "can" "not", "Democrats'" -> "Democrats" "'";
//   - abbreviations, initials and dotted acronyms kept whole: "U.S.", "Mr.", "F.", "p.m."; at a
//     sentence end the final period is its own token ("the U.S." -> "U.S." ".");
//   - numbers kept whole ("2,500", "3.5", "10:30"), currency and percent split ("$5" -> "$" "5");
//   - hyphenated words kept whole ("front-runner"), dashes between words split ("act—" -> "act"
//     "--");
//   - forms normalised as CoreNLP writes them: opening quotes "``" / "`", closing "''" / "'",
//     brackets "-LRB-" "-RRB-" "-LSB-" "-RSB-" "-LCB-" "-RCB-", dashes "--", "…" "...", curly
//     apostrophes inside words straight ("O’Malley" -> "O'Malley"). Offsets always point at the
//     text as written.
// Sentences come from engine/text/sentence_splitter.h (abbreviation- and quote-aware), with one
// deviation from CoreNLP: a paragraph break always ends a sentence (CoreNLP joins "... said:\n\n
// “The ..." into one sentence; the later stages want paragraphs apart).
//
// Time and memory are linear in the text length. Thread-safe (no state).
#pragma once

#include <string_view>

#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

// Tokens and sentences of `text` (AnnotatedDocument::tokens / sentences; other layers empty).
// The document keeps a copy of `text`.
AnnotatedDocument TokenizeDocument(std::string_view text);

// Appends the tokens of text[begin, end) — one sentence — to doc->tokens (offsets into `text`).
// `sentence_final`: the span ends a sentence, so a final abbreviation period is split off.
void TokenizeSpan(std::string_view text, size_t begin, size_t end, bool sentence_final,
                  AnnotatedDocument* doc);

}  // namespace claimgraph::engine::nlp
