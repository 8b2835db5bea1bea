// Fuzz targets of the readers: front matter, news-please JSON / JSONL, CSV documents, DAFNA / CSV /
// matrix claims, FNC-1 / Emergent. They need only the readers (tests/fuzz/CMakeLists.txt builds
// them against those sources alone, so they are quick to build).
#include <stdexcept>
#include <string>

#include "engine/text/utf8.h"
#include "engine/truth/claim_matrix.h"
#include "io/readers/document_reader.h"
#include "io/stance/stance_readers.h"
#include "io/truth/claim_readers.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/fuzz_targets.h"

namespace claimgraph::fuzz {
namespace {

// Every document a reader hands over must be what the readers promise the engine: valid UTF-8,
// no control characters other than tab and LF in its text, a non-empty body.
bool CheckDocument(const engine::Document& d) {
  if (d.text.empty() || !engine::IsValidUtf8(d.text)) Fail("document text", d.text);
  for (const std::string* s : {&d.text, &d.title, &d.url, &d.source, &d.language}) {
    for (char c : *s) {
      const unsigned char u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) Fail("control character", *s);
    }
  }
  return true;
}

const io::DocumentSink kCheckSink = [](engine::Document&& d) { return CheckDocument(d); };

}  // namespace

int FuzzFrontMatter(const uint8_t* data, size_t size) {
  engine::Document doc;
  engine::Diagnostics diags;
  io::ReaderOptions options;
  if (io::ParseFrontMatterDocument(Bytes(data, size), "f.txt", options, &doc, &diags)) {
    CheckDocument(doc);
  }
  return 0;
}

int FuzzNewsPlease(const uint8_t* data, size_t size) {
  std::string_view in = Bytes(data, size);
  const unsigned char s = Selector(&in);
  engine::Diagnostics diags;
  io::ReadStats stats;
  io::ReaderOptions options;
  if (s & 2) options.default_date = "2025-01-02";
  io::ReadNewsPleaseBytes(in, s & 1 ? "f.jsonl" : "f.json", options, kCheckSink, &diags, &stats);
  int64_t by_reason = 0;
  for (const auto& [reason, n] : stats.skipped_by_reason) by_reason += n;
  if (by_reason != stats.skipped) Fail("skip reasons do not add up");
  return 0;
}

int FuzzCsvDocuments(const uint8_t* data, size_t size) {
  engine::Diagnostics diags;
  io::ReadStats stats;
  io::ReadCsvDocumentBytes(Bytes(data, size), "f.csv", {}, kCheckSink, &diags, &stats);
  return 0;
}

int FuzzTruthClaims(const uint8_t* data, size_t size) {
  std::string_view in = Bytes(data, size);
  const unsigned char s = Selector(&in);
  const io::truth::ClaimFormat formats[] = {io::truth::ClaimFormat::kDafna,
                                            io::truth::ClaimFormat::kCsv,
                                            io::truth::ClaimFormat::kMatrix};
  engine::truth::ClaimMatrixBuilder builder;
  engine::Diagnostics diags;
  try {
    io::truth::ParseClaims(in, "claims", formats[s % 3], &builder, &diags);
  } catch (const std::runtime_error&) {
    // Documented: a CSV header without source, object, value.
  }
  io::truth::ParseTime(in.substr(0, 64));
  return 0;
}

int FuzzStance(const uint8_t* data, size_t size) {
  std::string_view in = Bytes(data, size);
  const unsigned char s = Selector(&in);
  try {
    if (s & 1) {
      io::ParseEmergent(in);
    } else {
      // Bodies and stances, split at the first NUL byte.
      const size_t cut = in.find('\0');
      io::ParseFnc1(in.substr(0, cut), cut == std::string_view::npos ? "" : in.substr(cut + 1));
    }
  } catch (const std::runtime_error&) {
    // Documented: an empty file, a missing column, a quoted field never closed.
  }
  return 0;
}

}  // namespace claimgraph::fuzz
