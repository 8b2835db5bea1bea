// The fuzz targets: readers (front matter, news-please JSON / JSONL, CSV documents, DAFNA / CSV /
// matrix claims, FNC-1 / Emergent), the sentence splitter and claim extractor, and every report
// and export writer on hostile strings.
#include "tests/fuzz/fuzz_targets.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>

#include "engine/extract/claim_extractor.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"
#include "engine/truth/claim_matrix.h"
#include "io/readers/document_reader.h"
#include "io/readers/metadata.h"
#include "io/report/escape.h"
#include "io/report/report.h"
#include "io/stance/stance_readers.h"
#include "io/truth/claim_readers.h"

namespace claimgraph::fuzz {
namespace {

std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] void Fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// The first byte chooses a variant; the rest is the input.
unsigned char Selector(std::string_view* in) {
  if (in->empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(in->front());
  in->remove_prefix(1);
  return c;
}

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

int FrontMatter(const uint8_t* data, size_t size) {
  engine::Document doc;
  engine::Diagnostics diags;
  io::ReaderOptions options;
  if (io::ParseFrontMatterDocument(Bytes(data, size), "f.txt", options, &doc, &diags)) {
    CheckDocument(doc);
  }
  return 0;
}

int NewsPlease(const uint8_t* data, size_t size) {
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

int CsvDocuments(const uint8_t* data, size_t size) {
  engine::Diagnostics diags;
  io::ReadStats stats;
  io::ReadCsvDocumentBytes(Bytes(data, size), "f.csv", {}, kCheckSink, &diags, &stats);
  return 0;
}

int TruthClaims(const uint8_t* data, size_t size) {
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

int Stance(const uint8_t* data, size_t size) {
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

int Extract(const uint8_t* data, size_t size) {
  // What a reader hands the engine: valid UTF-8, LF line ends, no control characters.
  if (!engine::IsValidUtf8(Bytes(data, size))) return 0;
  engine::Document doc;
  doc.id = 1;
  doc.source = "Fuzz Post";
  doc.date = "2025-01-02";
  doc.text = io::RemoveControlChars(io::NormalizeLineEndings(Bytes(data, size)));
  if (doc.text.empty()) return 0;
  for (const engine::TextSpan& s : engine::SplitSentences(doc.text)) {
    if (s.begin > s.end || s.end > doc.text.size()) Fail("sentence span out of the text");
  }
  static const engine::ClaimExtractor extractor;
  for (const engine::Claim& c : extractor.Extract(doc)) {
    if (c.byte_begin > c.byte_end || c.byte_end > doc.text.size()) Fail("claim span", c.text);
    if (doc.text.compare(c.byte_begin, c.byte_end - c.byte_begin, c.text) != 0) {
      Fail("claim text is not its span", c.text);
    }
  }
  return 0;
}

// The output of a writer must hold no control character but those listed, and valid UTF-8.
void CheckOutput(const char* format, const std::string& out, std::string_view allowed) {
  if (!engine::IsValidUtf8(out)) Fail("invalid UTF-8 in output", format);
  for (char c : out) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 || u == 0x7F) && allowed.find(c) == std::string_view::npos) {
      Fail("control character in output", format);
    }
  }
}

// A CSV export: no cell starts with a character a spreadsheet evaluates (= + - @ tab CR), with or
// without its quote. Parses the RFC 4180 the writers write.
void CheckCsv(const std::string& out) {
  bool in_quotes = false, cell_start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (cell_start) {
      cell_start = false;
      if (c == '"') {
        in_quotes = true;
        if (i + 1 < out.size() &&
            std::string_view("=+-@\t\r").find(out[i + 1]) != std::string_view::npos)
          Fail("formula cell in CSV", out.substr(i, 40));
        continue;
      }
      if (std::string_view("=+-@\t\r").find(c) != std::string_view::npos) {
        // Numbers are written raw: a negative number is a number, not a formula.
        size_t j = i + 1;
        while (j < out.size() &&
               (std::isdigit(static_cast<unsigned char>(out[j])) || out[j] == '.' || out[j] == 'e'))
          ++j;
        if (c != '-' || j == i + 1 || (j < out.size() && out[j] != ',' && out[j] != '\n'))
          Fail("formula cell in CSV", out.substr(i, 40));
      }
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < out.size() && out[i + 1] == '"') {
          ++i;
        } else {
          in_quotes = false;
        }
      }
      continue;
    }
    if (c == ',' || c == '\n') cell_start = true;
  }
}

int Writers(const uint8_t* data, size_t size) {
  // The input, cut at 0x1F bytes, fills the strings of a small analysis: titles, URLs, sources,
  // speakers, roles, claim text, reasons, proposition labels.
  std::vector<std::string> parts;
  std::string_view in = Bytes(data, size);
  for (;;) {
    const size_t cut = in.find('\x1f');
    parts.emplace_back(in.substr(0, cut));
    if (cut == std::string_view::npos) break;
    in.remove_prefix(cut + 1);
  }
  size_t next = 0;
  auto part = [&]() -> const std::string& { return parts[next++ % parts.size()]; };
  engine::AnalysisResult r;
  r.run_id = 1;
  r.program_version = "fuzz";
  r.created_at = "2025-01-02T00:00:00Z";
  r.reliability_method = part();
  for (int d = 1; d <= 2; ++d) {
    engine::Document doc;
    doc.id = d;
    doc.source = part();
    doc.date = d == 1 ? "2025-01-02" : part();
    doc.title = part();
    doc.url = part();
    doc.path = part();
    r.documents.push_back(doc);
  }
  for (int c = 1; c <= 3; ++c) {
    engine::Claim claim;
    claim.id = c;
    claim.document = c == 3 ? 2 : 1;
    claim.source = r.documents[claim.document - 1].source;
    claim.speaker = part();
    claim.speaker_role = part();
    claim.text = part();
    claim.date = c == 2 ? part() : "2025-01-02";
    claim.proposition = "p";
    claim.entities.push_back(part());
    r.claims.push_back(claim);
  }
  r.links.push_back({1, 3, engine::Relation::kContradict, 0.75, {part(), part()}});
  r.links.push_back({2, 3, engine::Relation::kAgree, 0.5, {part()}});
  r.propositions.push_back({"p", part(), {1, 2, 3}});
  r.copies.push_back({1, 2, r.documents[0].source, r.documents[1].source, 0.9});
  for (const engine::Document& d : r.documents) {
    engine::ReliabilityScore s;
    s.name = d.source;
    s.reliability = 0.5;
    s.claims = 2;
    r.sources.push_back(s);
  }
  engine::ReliabilityScore speaker;
  speaker.name = r.claims[0].speaker;
  speaker.role = r.claims[0].speaker_role;
  speaker.reliability = 0.25;
  speaker.claims = 1;
  if (!speaker.name.empty()) r.speakers.push_back(speaker);

  using io::report::ExportFormat;
  using io::report::ReportFormat;
  for (const auto& [format, name] :
       {std::pair{ReportFormat::kMarkdown, "md"}, std::pair{ReportFormat::kHtml, "html"},
        std::pair{ReportFormat::kJson, "json"}}) {
    std::ostringstream out;
    io::report::WriteReport(r, format, out);
    CheckOutput(name, out.str(), format == ReportFormat::kJson ? "\n" : "\t\n\r");
    std::ostringstream cmp;
    io::report::WriteComparison(r, {r.documents[0].source, r.documents[1].source}, format, cmp);
    CheckOutput(name, cmp.str(), format == ReportFormat::kJson ? "\n" : "\t\n\r");
  }
  for (const auto& [format, name] :
       {std::pair{ExportFormat::kJson, "json"}, std::pair{ExportFormat::kGraphMl, "graphml"},
        std::pair{ExportFormat::kGexf, "gexf"}, std::pair{ExportFormat::kDot, "dot"},
        std::pair{ExportFormat::kClaimsCsv, "claims.csv"},
        std::pair{ExportFormat::kEdgesCsv, "edges.csv"},
        std::pair{ExportFormat::kSourcesCsv, "sources.csv"}}) {
    std::ostringstream out;
    io::report::WriteExport(r, format, out);
    const std::string text = out.str();
    const bool csv = format == ExportFormat::kClaimsCsv || format == ExportFormat::kEdgesCsv ||
                     format == ExportFormat::kSourcesCsv;
    CheckOutput(name, text, csv ? "\t\n\r" : format == ExportFormat::kDot ? "\n" : "\t\n\r");
    if (csv) CheckCsv(text);
  }
  for (const std::string& p : parts) {
    const std::string t = io::report::TerminalSafe(p);
    CheckOutput("terminal", t, "");
  }
  return 0;
}

}  // namespace

const std::vector<FuzzTarget>& FuzzTargets() {
  static const std::vector<FuzzTarget> kTargets = {
      {"front_matter", FrontMatter}, {"newsplease", NewsPlease}, {"csv_documents", CsvDocuments},
      {"truth_claims", TruthClaims}, {"stance", Stance},         {"extract", Extract},
      {"writers", Writers},
  };
  return kTargets;
}

FuzzFunction FindFuzzTarget(std::string_view name) {
  for (const FuzzTarget& t : FuzzTargets())
    if (name == t.name) return t.run;
  return nullptr;
}

}  // namespace claimgraph::fuzz
