// Page cleaner: the rule-based half of the clean stage. It classifies each paragraph (line) of a
// document as article body or as page furniture, with the reason:
//   - prompts and widgets: share / comment / newsletter / "send us your news" prompts, "0
//     Comments", "Submit a Comment", "Your email address will not be published", "loader image",
//     in English, Spanish, French, Portuguese, German and Arabic (the tables in page_cleaner.cc);
//   - photo credits and captions ("PHOTO/AP - ...", "REUTERS/NAME - ...");
//   - meta lines ("2022/01/16 | Note, political, top news"), headings and title repeats;
//   - a related-story section: everything after a heading such as "LATEST CONTENT", "Related",
//     "Read more" or "Últimas publicaciones" (these lists of other stories end an article page),
//     and teasers that open with the outlet's own dateline after the article has begun
//     ("Strategic Council Online – Interview: ...");
//   - paragraphs in another language than the document's (captions and prompts left untranslated);
//   - paragraphs repeated within the page, or across the source's pages (BoilerplateIndex);
//   - paragraphs unrelated to the article's topic: few content words shared with the title and
//     the article so far (a lexical cohesion test in the spirit of Hearst's TextTiling, 1997,
//     reduced to one comparison with the preceding text; words compared by six-letter stems).
// Sentence-level furniture (bylines "News Desk - The Cradle", author lines "Name – Researcher",
// datelines "Outlet – Opinion:") is recognised by IsBylineSentence and DatelineEnd.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/text/boilerplate_index.h"
#include "engine/text/sentence_splitter.h"

namespace claimgraph::engine {

enum class BlockKind {
  kBody,
  kHeading,    // short line without final punctuation, or the title repeated
  kFurniture,  // prompts, widgets, meta lines, captions
  kRelated,    // inside a related-story / latest-content section
  kForeign,    // another language than the document's
  kRepeated,   // repeated within the page or across the source's pages
  kOffTopic,   // unrelated to the title and lead
};

std::string_view ToString(BlockKind kind);

struct Block {
  TextSpan span;  // byte offsets into Document::text
  BlockKind kind = BlockKind::kBody;
  std::string reason;  // empty for body
};

struct CleanOptions {
  // Headings: lines without final punctuation and with fewer words than this.
  int heading_max_words = 12;
  bool drop_off_topic = true;
  // Off-topic: from the third body paragraph on, a paragraph with at least
  // `off_topic_min_words` content words, of which fewer than this fraction occur in the title
  // and the body paragraphs before it.
  // Quoted paragraphs are exempt (speech is often colloquial: "We've pulled out of bases...").
  double off_topic_max_overlap = 0.10;
  int off_topic_min_words = 15;
};

// Classifies every paragraph of doc.text. `boilerplate` may be null.
std::vector<Block> CleanPage(const Document& doc, const BoilerplateIndex* boilerplate,
                             const CleanOptions& options = {});

// The furniture reason for one line of text, or empty if it is not a known prompt / credit /
// meta line. Exposed for tests.
std::string FurnitureReason(std::string_view line);

// True if the line opens a related-story / latest-content section.
bool IsRelatedSectionHeading(std::string_view line);

// Guesses the language of a paragraph from function words: "en", "es", "fr", "pt", "de", "it",
// "ar", or empty when there is too little evidence.
std::string GuessLanguage(std::string_view text);

// True for a byline or author line: "News Desk - The Cradle", "Hamideh Safamanesh – International
// relations researcher", "By Jane Smith". `source` is the document's outlet.
bool IsBylineSentence(std::string_view sentence, std::string_view source);

// If `sentence` opens with a dateline ("Strategic Council Online - Opinion:", "BAGHDAD (Reuters)
// -"), returns the byte offset within `sentence` where the text proper starts; else 0.
size_t DatelineEnd(std::string_view sentence, std::string_view source);

}  // namespace claimgraph::engine
