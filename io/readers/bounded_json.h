// Bounded JSON parsing for untrusted input (news-please files come from crawls). nlohmann's parser
// is iterative, but serialising (dump) and every recursive walk over a parsed value are not: an
// array nested 60,000 deep overflows the stack long after parsing succeeded. So the nesting depth
// is checked on the raw bytes before the value is built, and every exception the parser can throw
// (syntax errors, numbers out of double range, anything else) comes back as a ParseProblem with
// the byte offset it refers to, never as an exception.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace claimgraph::io {

// Deeper than any news-please record (3 levels) by far, shallow enough for any recursion.
inline constexpr int kMaxJsonDepth = 64;

struct JsonProblem {
  size_t offset = 0;    // byte offset in the text the problem refers to
  std::string reason;   // short key for the skip summary: "malformed JSON", "JSON nesting too
                        // deep", "JSON number out of range"
  std::string message;  // for the diagnostic: "nesting deeper than 64 levels", "number overflow
                        // parsing '1e999'", "syntax error while parsing value ..."
};

// The offset of the first '[' or '{' that opens a level deeper than `max_depth` (strings and their
// escapes skipped), or std::string_view::npos when there is none. Linear in the text.
size_t FindExcessNesting(std::string_view text, int max_depth = kMaxJsonDepth);

// Parses `text` as one JSON value into *out. Returns false with *problem filled when the text
// nests deeper than max_depth or does not parse. Never throws for bad input.
bool ParseBoundedJson(std::string_view text, nlohmann::json* out, JsonProblem* problem,
                      int max_depth = kMaxJsonDepth);

}  // namespace claimgraph::io
