// Fuzz targets (issue 13): one function per reader, the text stages and the writers, each taking
// arbitrary bytes. `make fuzz` builds one libFuzzer executable per target (clang-14, ASan, UBSan;
// tests/fuzz/CMakeLists.txt); fuzz_replay_test.cc runs every file of tests/fuzz/corpus/<target>/
// and tests/fuzz/regressions/<target>/ through the same functions in `make test`, so a crash once
// found stays fixed under g++ too.
//
// A target returns 0. It aborts only on a real defect: a crash or sanitizer report, an exception
// the reader does not document, or a writer's output breaking its format's safety rules (a control
// character in XML, DOT, HTML or the terminal; invalid UTF-8; a CSV cell that a spreadsheet would
// evaluate).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace claimgraph::fuzz {

using FuzzFunction = int (*)(const uint8_t* data, size_t size);

struct FuzzTarget {
  const char* name;  // the corpus directory and the executable: fuzz_<name>
  FuzzFunction run;
};

// Every target, in a fixed order.
const std::vector<FuzzTarget>& FuzzTargets();

// The targets (reader_fuzz_targets.cc, pipeline_fuzz_targets.cc).
int FuzzFrontMatter(const uint8_t* data, size_t size);
int FuzzNewsPlease(const uint8_t* data, size_t size);  // first byte: bit 0 JSONL, bit 1 --date
int FuzzCsvDocuments(const uint8_t* data, size_t size);
int FuzzTruthClaims(const uint8_t* data, size_t size);  // first byte % 3: dafna, csv, matrix
int FuzzStance(const uint8_t* data, size_t size);       // first byte: bit 0 Emergent, else FNC-1
int FuzzExtract(const uint8_t* data, size_t size);
int FuzzWriters(const uint8_t* data, size_t size);  // strings cut at 0x1F bytes

}  // namespace claimgraph::fuzz
