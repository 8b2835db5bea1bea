// Date normalisation for ingest: publication dates arrive as "2025-11-17", "2025-11-17T08:39:00Z",
// "2025/11/17", "20251117", "17.11.2025", "November 17, 2025", "Nov. 17 2025", "17 Nov 2025",
// "Mon, 17 Nov 2025 10:00:00 +0000" (RFC 2822) and similar; all become ISO "YYYY-MM-DD".
// Slash dates like "03/04/2025" are accepted only when unambiguous (one part above 12).
// Also finds the first full date in free text, for documents that carry no date of their own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimgraph::io {

// Returns the ISO date written in `text` (the whole string, with an optional time of day after
// it), or nullopt; then *error (if given) says why ("ambiguous day and month", "no such day").
std::optional<std::string> NormalizeDate(std::string_view text, std::string* error = nullptr);

// Returns the first full date (day, month and year) in the first `limit` bytes of `text`, or
// nullopt. Bare eight-digit numbers are not taken for dates here.
std::optional<std::string> FindDateInText(std::string_view text, size_t limit = 4000);

// True if `iso` is a valid "YYYY-MM-DD" date.
bool IsIsoDate(std::string_view iso);

}  // namespace claimgraph::io
