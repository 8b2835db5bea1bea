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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/truth/claim_matrix.h"
#include "io/truth/values.h"

namespace claimgraph::io::truth {

enum class ClaimFormat { kDafna, kCsv, kMatrix };

// Returns false if `name` is not dafna, csv or matrix.
bool ParseClaimFormat(std::string_view name, ClaimFormat* out);

struct ClaimReadOptions {
  ValueKind values = ValueKind::kAuto;
  // ReadClaimFiles with 2: several files of 4 MB or more in all are read on two threads, which
  // saves wall-clock time when a second core is free (Weather: about a third) for about a fifth
  // more CPU time. The result is the same either way.
  int threads = 1;
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

// Reads several files into one builder, in order, with the same result as ReadClaims on each in
// turn; faster, because names and values normalised in one file are remembered for the next
// (and, with options.threads = 2, the second half of the files is read on a second thread).
// Throws std::runtime_error naming the first file that cannot be read.
ClaimReadStats ReadClaimFiles(const std::vector<std::string>& paths, ClaimFormat format,
                              engine::truth::ClaimMatrixBuilder* builder,
                              engine::Diagnostics* diagnostics,
                              const ClaimReadOptions& options = {});

class RecordSink;

// What ReadClaimFiles uses: a loader that parses texts into one builder and remembers, from one
// text to the next, the names and values it has normalised (raw text -> normalised key), so that
// a name seen before costs one hash lookup. Memory: one copy of each distinct raw name and value.
// Not thread-safe.
class ClaimLoader {
 public:
  // REQUIRES: builder and diagnostics (which may be null) outlive the loader.
  ClaimLoader(engine::truth::ClaimMatrixBuilder* builder, engine::Diagnostics* diagnostics,
              const ClaimReadOptions& options = {});
  ~ClaimLoader();
  ClaimLoader(const ClaimLoader&) = delete;
  ClaimLoader& operator=(const ClaimLoader&) = delete;

  // As ParseClaims.
  ClaimReadStats Parse(std::string_view text, std::string_view name, ClaimFormat format);
  // As ReadClaims.
  ClaimReadStats Read(const std::string& path, ClaimFormat format);
  // Says how many files will follow: with more than one, the caches judge whether they pay from
  // the second file on (names often repeat only across files). Results are the same either way.
  void ExpectFiles(size_t files);

 private:
  std::unique_ptr<RecordSink> sink_;
};

// Time of a record, in days since 1970-01-01: ISO "YYYY-MM-DD" with optional "THH:MM[:SS]",
// a ctime-like "wed feb  3 08:17:28 2010" (DAFNA Weather), or a number of seconds since 1970.
// NaN for "", "null", or anything else.
double ParseTime(std::string_view text);

// Folds an object name: trimmed, case and inner white space folded.
std::string ObjectKey(std::string_view object, std::string_view property = {});

// Reads a whole file. Throws std::runtime_error naming the file if it cannot be read.
std::string ReadFileBytes(const std::string& path);

}  // namespace claimgraph::io::truth
