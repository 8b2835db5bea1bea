// The explorer's HTML building blocks: the page frame (header, run navigation, search box, the
// embedded style sheet and script), URLs with percent-encoded query values, and small pieces
// every page repeats (a claim cited with its provenance, the next-page link). Every value that
// comes from the store goes through H() (io/report/escape.h's HtmlEscape) before it reaches a
// page; URLs are built with Url() and escaped again as attribute values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/claim.h"
#include "io/report/escape.h"

namespace claimgraph::io::serve {

inline std::string H(std::string_view s) { return report::HtmlEscape(s); }

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string UrlEncode(std::string_view s);

// `path` followed by "?k=v&k2=v2" (values percent-encoded; empty values left out).
std::string Url(std::string_view path,
                const std::vector<std::pair<std::string, std::string>>& query = {});

// `<a href="url">text</a>`, with text and url escaped.
std::string Link(const std::string& url, std::string_view text);

// What the frame around a page shows.
struct Frame {
  std::string title;       // <title> and <h1>
  int64_t run = 0;         // 0 = no run navigation
  std::string search;      // the search box's current text
  std::string store_name;  // the store file's name (without its folder), in the footer
};

// The page: frame, `body` (already HTML) inside <main>, closing tags.
std::string RenderPage(const Frame& frame, const std::string& body);

// "/runs/3/claims/17"-style paths.
std::string RunPath(int64_t run, std::string_view rest = "");

// A claim in a list: its text linked to its page, source, date, speaker, stance.
std::string ClaimCell(int64_t run, const engine::Claim& c);

// "Next page →" link to `url` with after=`cursor`, or "" when `cursor` is empty.
std::string NextLink(std::string_view path, std::vector<std::pair<std::string, std::string>> query,
                     const std::string& cursor);

// A small horizontal bar (inline SVG) for a value in 0..1 with an uncertainty whisker (±u).
std::string ScoreBar(double value, double uncertainty);

}  // namespace claimgraph::io::serve
