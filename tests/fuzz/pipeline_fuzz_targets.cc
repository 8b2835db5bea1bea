// Fuzz targets of the text stages and the writers: the sentence splitter and claim extractor on
// arbitrary UTF-8, and every report and export writer on hostile strings.
#include <cctype>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/extract/claim_extractor.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"
#include "io/readers/metadata.h"
#include "io/report/escape.h"
#include "io/report/report.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/fuzz_targets.h"

namespace claimgraph::fuzz {

int FuzzExtract(const uint8_t* data, size_t size) {
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

namespace {

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

}  // namespace

int FuzzWriters(const uint8_t* data, size_t size) {
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
    // Two sources the run does not hold apart (empty or equal names) are a usage error the CLI
    // reports (std::invalid_argument), not a crash.
    try {
      std::ostringstream cmp;
      io::report::WriteComparison(r, {r.documents[0].source, r.documents[1].source}, format,
                                  cmp);
      CheckOutput(name, cmp.str(), format == ReportFormat::kJson ? "\n" : "\t\n\r");
    } catch (const std::invalid_argument&) {
    }
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

}  // namespace claimgraph::fuzz
