// Metadata helpers shared by the document readers: line-ending normalisation, and inference of a
// document's source and date from its URL and text when the input does not carry them (the
// document is then marked source_inferred / date_inferred).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimgraph::io {

// CRLF and lone CR become LF; a leading UTF-8 byte-order mark is dropped.
std::string NormalizeLineEndings(std::string_view text);

// `text` without control characters: C0 controls other than tab and LF (NUL, BEL, ESC, CR...),
// DEL, and the C1 controls U+0080..U+009F. Readers apply it to every text field they keep, so no
// control character reaches the store, the reports or the terminal. REQUIRES: valid UTF-8.
std::string RemoveControlChars(std::string_view text);

// Host of an http(s) URL without "www.", lower-cased ("https://www.TheCradle.co/x" ->
// "thecradle.co"), or "" if `url` is not one.
std::string UrlHost(std::string_view url);

// The outlet named in the text or URL, tried in this order: a copyright line ("© 2025 The
// Cradle"), a desk byline ("News Desk - The Cradle"), a wire dateline ("BAGHDAD (Reuters) -"),
// the URL's host. Looks at the first and last lines of the text only.
std::optional<std::string> InferSource(std::string_view text, std::string_view url);

// The publication date in the URL path (/2025/11/17/ or 2025-11-17) or the first full date near
// the top of the text.
std::optional<std::string> InferDate(std::string_view text, std::string_view url);

}  // namespace claimgraph::io
