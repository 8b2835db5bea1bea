// UTF-8 primitives shared by every text stage: validation (ingest rejects invalid input with the
// offending line), decoding, and code-point offsets for exported spans.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph::engine {

// Returns true if `s` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
// On failure, sets *bad_offset (if given) to the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Decodes the code point at s[*pos] and advances *pos past it. Invalid bytes decode as U+FFFD and
// advance by one byte. REQUIRES: *pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t* pos);

void AppendUtf8(std::string* out, char32_t cp);

// Number of code points in s (invalid bytes count one each).
size_t CountCodePoints(std::string_view s);

// 1-based line number of byte `offset` in s.
size_t LineOfOffset(std::string_view s, size_t offset);

}  // namespace claimgraph::engine
