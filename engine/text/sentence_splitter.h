// Sentence splitting for the clean stage. Works on byte spans of the original text so that every
// claim keeps exact provenance. A sentence ends at '.', '!', '?' or '…' (with any closing quotes
// or brackets after it) followed by white space and a plausible sentence start, and always at a
// line end (a paragraph). It does not end after titles and other abbreviations ("Gen.", "Lt.",
// "Dr."), initials ("Kenneth F. McKenzie"), month abbreviations before a number ("Dec. 9"),
// dotted acronyms unless a sentence clearly starts next ("U.S. forces" vs "the U.S. The next"),
// decimals, or before a lower-case word. Quotes may span sentences: QuoteSpans finds them so that
// attribution can give every sentence of a quote its speaker.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimgraph::engine {

struct TextSpan {
  size_t begin = 0;  // byte offsets into the text given
  size_t end = 0;
  size_t size() const { return end - begin; }
};

// Non-empty lines of `text`, trimmed of white space (a paragraph per line, as ingest delivers).
std::vector<TextSpan> SplitParagraphs(std::string_view text);

// Sentences of text[span.begin, span.end), trimmed, in order. Offsets are into `text`.
std::vector<TextSpan> SplitSentences(std::string_view text, TextSpan span);
// Sentences of the whole text, paragraph by paragraph.
std::vector<TextSpan> SplitSentences(std::string_view text);

// Quotations in text[span): from an opening mark (“ « „ or a straight " that opens) to its closing
// mark, including both marks. An unclosed quote runs to the end of the span. Straight quotes open
// after white space or an opening bracket and close otherwise.
std::vector<TextSpan> QuoteSpans(std::string_view text, TextSpan span);

// True if `word` (without its final '.') is an abbreviation after which a '.' does not end a
// sentence by itself ("Gen", "Lt", "Dr", "U.S", "Dec").
bool IsAbbreviation(std::string_view word);

}  // namespace claimgraph::engine
