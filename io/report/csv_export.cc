#include "io/report/csv_export.h"

#include <cstdio>
#include <string>
#include <unordered_map>

#include "io/report/escape.h"
#include "io/report/record.h"
#include "io/report/report_data.h"

namespace claimgraph::io::report {
namespace {

// %.6g, as the record writer's Number writes it.
std::string FormatNumber(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

}  // namespace

void WriteClaimsCsv(const engine::AnalysisResult& result, std::ostream& out) {
  std::unordered_map<int64_t, const engine::Document*> documents;
  for (const engine::Document& d : result.documents) documents.emplace(d.id, &d);
  out << "id,document,source,speaker,speaker_role,date,polarity,modality,proposition,span_start,"
         "span_end,title,url,text\n";
  Record r(out);
  for (const engine::Claim& c : result.claims) {
    auto it = documents.find(c.document);
    const engine::Document* d = it == documents.end() ? nullptr : it->second;
    r << c.id << ',' << c.document << ',' << Csv{c.source} << ',' << Csv{c.speaker} << ','
      << Csv{c.speaker_role} << ',' << Csv{c.date} << ',' << engine::ToString(c.polarity) << ','
      << engine::ToString(c.modality) << ',' << Csv{c.proposition} << ',' << c.char_begin << ','
      << c.char_end << ',' << Csv{d ? std::string_view(d->title) : ""} << ','
      << Csv{d ? std::string_view(d->url) : ""} << ',' << Csv{c.text} << '\n';
    r.End();
  }
}

void WriteEdgesCsv(const engine::AnalysisResult& result, std::ostream& out) {
  std::unordered_map<int64_t, const engine::Claim*> claims;
  for (const engine::Claim& c : result.claims) claims.emplace(c.id, &c);
  out << "a,b,relation,score,reasons,a_source,b_source,a_date,b_date\n";
  Record r(out);
  for (const engine::ClaimLink& l : result.links) {
    auto a = claims.find(l.a);
    auto b = claims.find(l.b);
    const engine::Claim* ca = a == claims.end() ? nullptr : a->second;
    const engine::Claim* cb = b == claims.end() ? nullptr : b->second;
    r << l.a << ',' << l.b << ',' << engine::ToString(l.relation) << ',' << Number{l.score} << ','
      << CsvReasons{&l.reasons} << ',' << Csv{ca ? std::string_view(ca->source) : ""} << ','
      << Csv{cb ? std::string_view(cb->source) : ""} << ','
      << Csv{ca ? std::string_view(ca->date) : ""} << ','
      << Csv{cb ? std::string_view(cb->date) : ""} << '\n';
    r.End();
  }
}

void WriteSourcesCsv(const engine::AnalysisResult& result, std::ostream& out) {
  WriteSourcesCsv(ReportData(result), out);
}

void WriteSourcesCsv(const ReportData& data, std::ostream& out) {
  out << "name,reliability,uncertainty,claims,corroborated,contradicted,agreements,"
         "contradictions\n";
  for (const Evidence& e : data.sources()) {
    out << CsvField(e.name) << ',' << (e.score ? FormatNumber(e.score->reliability) : "") << ','
        << (e.score ? FormatNumber(e.score->uncertainty) : "") << ',' << e.claims << ','
        << e.corroborated << ',' << e.contradicted << ',' << e.agreements << ',' << e.contradictions
        << '\n';
  }
}

}  // namespace claimgraph::io::report
