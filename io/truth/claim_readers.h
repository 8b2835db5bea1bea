// Readers for structured claims, the input of `claimgraph truth`: the DAFNA format (one claim a
// line, `claimId|<TAB>|<TAB>objectId|<TAB>property|<TAB>value|<TAB>source|<TAB>timestamp|`, or the
// same fields as quoted CSV as in Book's claim1.txt), CSV with a header naming
// `source,object,value[,time]`, and the claim matrix of joesingo/truthdiscovery (rows = sources,
// columns = variables, blank = no claim, every cell a number). Records go into a
// ClaimMatrixBuilder with normalised values (values.h); objects are `objectId|property` for DAFNA,
// with case and white space folded. Bad records (missing fields, a missing value, a non-numeric
// cell where numbers are expected, an unreadable time) become diagnostics with file and line and
// are skipped; a file that cannot be opened throws std::runtime_error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/diagnostic.h"
#include "engine/truth/claim_matrix.h"
#include "io/truth/values.h"

namespace claimgraph::io::truth {

enum class ClaimFormat { kDafna, kCsv, kMatrix };

// Returns false if `name` is not dafna, csv or matrix.
bool ParseClaimFormat(std::string_view name, ClaimFormat* out);

struct ClaimReadOptions {
  ValueKind values = ValueKind::kAuto;
};

struct ClaimReadStats {
  size_t records = 0;  // claims added
  size_t skipped = 0;  // bad records
  size_t bytes = 0;
};

ClaimReadStats ReadClaims(const std::string& path, ClaimFormat format,
                          engine::truth::ClaimMatrixBuilder* builder,
                          engine::Diagnostics* diagnostics, const ClaimReadOptions& options = {});

// The same, from text in memory; `name` is used in diagnostics.
ClaimReadStats ParseClaims(std::string_view text, std::string_view name, ClaimFormat format,
                           engine::truth::ClaimMatrixBuilder* builder,
                           engine::Diagnostics* diagnostics, const ClaimReadOptions& options = {});

// Time of a record, in days since 1970-01-01: ISO "YYYY-MM-DD" with optional "THH:MM[:SS]",
// a ctime-like "wed feb  3 08:17:28 2010" (DAFNA Weather), or a number of seconds since 1970.
// NaN for "", "null", or anything else.
double ParseTime(std::string_view text);

// Folds an object name: trimmed, case and inner white space folded.
std::string ObjectKey(std::string_view object, std::string_view property = {});

// Reads a whole file. Throws std::runtime_error naming the file if it cannot be read.
std::string ReadFileBytes(const std::string& path);

}  // namespace claimgraph::io::truth
