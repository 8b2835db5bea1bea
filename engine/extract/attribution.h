// The attribution of one sentence as the claim extractor records it: who speaks (named by the
// learned attribution model, engine/attrib/attribution_model.h, through coreference), the cue,
// and which lexemes are what was said. The word lists and phrase rules that used to find it
// without a parse (reporting-verb tables, speaker nouns, titles, organisation words, surname
// matching) are gone: the linguistic layer runs on every document (engine/nlp/annotator.h), and
// a document it does not read as English gets no attribution at all.
//
// What stays is a closed class: the denial verbs, which make a reported claim a denial
// (claim_features.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph::engine {

struct Attribution {
  enum Kind {
    kNone,
    kVerbThat,   // the cue lies in the sentence: X said that C, “C,” X said, according to X, C
    kVerbColon,  // X said: C   (speech may continue in the paragraph)
    kVerbQuote,  // the sentence lies inside content whose cue is elsewhere (a continued quote)
  };
  Kind kind = kNone;
  std::string speaker;
  std::string role;
  std::string verb;          // folded cue ("said", "according to")
  size_t cue = 0;            // lexeme index of the cue
  size_t content_begin = 0;  // lexemes [content_begin, content_end) are what was said
  size_t content_end = 0;
  bool found() const { return kind != kNone; }
};

// True if `word` (folded) is a denial verb ("denied", "rejected", "dismissed"): a closed class.
bool IsDenialVerb(std::string_view word);

}  // namespace claimgraph::engine
