#include "io/report/csv_export.h"

#include <cstdio>
#include <string>
#include <unordered_map>

#include "io/report/escape.h"
#include "io/report/report_data.h"

namespace claimgraph::io::report {
namespace {

std::string Number(double x) {
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
  for (const engine::Claim& c : result.claims) {
    auto it = documents.find(c.document);
    const engine::Document* d = it == documents.end() ? nullptr : it->second;
    out << c.id << ',' << c.document << ',' << CsvField(c.source) << ',' << CsvField(c.speaker)
        << ',' << CsvField(c.speaker_role) << ',' << CsvField(c.date) << ','
        << engine::ToString(c.polarity) << ',' << engine::ToString(c.modality) << ','
        << CsvField(c.proposition) << ',' << c.char_begin << ',' << c.char_end << ','
        << CsvField(d ? d->title : "") << ',' << CsvField(d ? d->url : "") << ','
        << CsvField(c.text) << '\n';
  }
}

void WriteEdgesCsv(const engine::AnalysisResult& result, std::ostream& out) {
  std::unordered_map<int64_t, const engine::Claim*> claims;
  for (const engine::Claim& c : result.claims) claims.emplace(c.id, &c);
  out << "a,b,relation,score,reasons,a_source,b_source,a_date,b_date\n";
  for (const engine::ClaimLink& l : result.links) {
    std::string reasons;
    for (const std::string& r : l.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
    auto a = claims.find(l.a);
    auto b = claims.find(l.b);
    const engine::Claim* ca = a == claims.end() ? nullptr : a->second;
    const engine::Claim* cb = b == claims.end() ? nullptr : b->second;
    out << l.a << ',' << l.b << ',' << engine::ToString(l.relation) << ',' << Number(l.score) << ','
        << CsvField(reasons) << ',' << CsvField(ca ? ca->source : "") << ','
        << CsvField(cb ? cb->source : "") << ',' << CsvField(ca ? ca->date : "") << ','
        << CsvField(cb ? cb->date : "") << '\n';
  }
}

void WriteSourcesCsv(const engine::AnalysisResult& result, std::ostream& out) {
  WriteSourcesCsv(ReportData(result), out);
}

void WriteSourcesCsv(const ReportData& data, std::ostream& out) {
  out << "name,reliability,uncertainty,claims,corroborated,contradicted,agreements,"
         "contradictions\n";
  for (const Evidence& e : data.sources()) {
    out << CsvField(e.name) << ',' << (e.score ? Number(e.score->reliability) : "") << ','
        << (e.score ? Number(e.score->uncertainty) : "") << ',' << e.claims << ',' << e.corroborated
        << ',' << e.contradicted << ',' << e.agreements << ',' << e.contradictions << '\n';
  }
}

}  // namespace claimgraph::io::report
