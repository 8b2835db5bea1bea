#include "io/report/json_export.h"

#include <nlohmann/json.hpp>
#include <string>

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::Relation;
using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json DocumentJson(const engine::Document& d) {
  return {{"id", d.id},
          {"source", d.source},
          {"date", OrNull(d.date)},
          {"title", d.title},
          {"url", d.url},
          {"language", d.language},
          {"authors", d.authors},
          {"source_inferred", d.source_inferred},
          {"date_inferred", d.date_inferred},
          {"path", d.path},
          {"content_hash", d.content_hash}};
}

json ClaimJson(const Claim& c) {
  json about = json::array();
  for (const engine::TimeRef& t : c.about)
    about.push_back({{"begin", t.begin}, {"end", t.end}, {"text", t.text}});
  json quantities = json::array();
  for (const engine::Quantity& q : c.quantities)
    quantities.push_back({{"low", q.low}, {"high", q.high}, {"unit", q.unit}, {"text", q.text}});
  return {{"id", c.id},
          {"document", c.document},
          {"source", c.source},
          {"speaker", OrNull(c.speaker)},
          {"speaker_role", OrNull(c.speaker_role)},
          {"text", c.text},
          {"span", {c.char_begin, c.char_end}},
          {"byte_span", {c.byte_begin, c.byte_end}},
          {"date", OrNull(c.date)},
          {"polarity", std::string(engine::ToString(c.polarity))},
          {"modality", std::string(engine::ToString(c.modality))},
          {"proposition", OrNull(c.proposition)},
          {"about", std::move(about)},
          {"quantities", std::move(quantities)},
          {"entities", c.entities}};
}

// A claim as cited inside a report section: the sentence, who, where, when, and the span.
json CitedClaimJson(const ReportData& data, const Claim& c) {
  const engine::Document* d = data.document(c.document);
  return {{"id", c.id},
          {"text", c.text},
          {"source", c.source},
          {"speaker", OrNull(c.speaker)},
          {"speaker_role", OrNull(c.speaker_role)},
          {"date", OrNull(c.date)},
          {"document", c.document},
          {"title", d ? d->title : ""},
          {"url", d ? d->url : ""},
          {"span", {c.char_begin, c.char_end}},
          {"polarity", std::string(engine::ToString(c.polarity))},
          {"modality", std::string(engine::ToString(c.modality))}};
}

json LinkJson(const ReportData& data, const engine::ClaimLink& l) {
  const Claim* a = data.claim(l.a);
  const Claim* b = data.claim(l.b);
  json j = {{"a", l.a},
            {"b", l.b},
            {"relation", std::string(engine::ToString(l.relation))},
            {"score", l.score},
            {"reasons", l.reasons}};
  if (a && b) {
    j["date"] = OrNull(std::max(a->date, b->date));
    j["cross_source"] = a->source != b->source;
    if (l.relation == Relation::kUpdate) j["earlier"] = DescribeTimeRelation(*a, *b).earlier->id;
  }
  return j;
}

json EvidenceJson(const Evidence& e, bool speaker) {
  json j = {{"name", e.name}};
  if (speaker) j["role"] = OrNull(e.role);
  j["reliability"] = e.score ? json(e.score->reliability) : json(nullptr);
  j["uncertainty"] = e.score ? json(e.score->uncertainty) : json(nullptr);
  j["scored"] = e.score != nullptr;
  j["claims"] = e.claims;
  j["corroborated"] = e.corroborated;
  j["contradicted"] = e.contradicted;
  j["agreements"] = e.agreements;
  j["contradictions"] = e.contradictions;
  j["failed_forecasts"] = e.score ? e.score->failed_forecasts : 0;
  json windows = json::array();
  if (e.score)
    for (const engine::ReliabilityWindow& w : e.score->windows)
      windows.push_back(
          {{"window", w.window}, {"reliability", w.reliability}, {"claims", w.claims}});
  j["windows"] = std::move(windows);
  return j;
}

// Writes `"name": [` + one element per call of `each` + `]`.
class ArrayWriter {
 public:
  ArrayWriter(std::ostream& out, const char* name, bool first_member) : out_(out) {
    out_ << (first_member ? "" : ",\n") << '"' << name << "\": [";
  }
  void Add(const json& element) {
    out_ << (first_ ? "\n  " : ",\n  ") << Dump(element);
    first_ = false;
  }
  ~ArrayWriter() { out_ << (first_ ? "]" : "\n]"); }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

void WriteJson(const ReportData& data, std::ostream& out, const JsonOptions& options) {
  const engine::AnalysisResult& r = data.result();
  json config = nullptr;
  if (!r.config_json.empty()) {
    config = json::parse(r.config_json, nullptr, /*allow_exceptions=*/false);
    if (config.is_discarded()) config = r.config_json;
  }
  out << "{\n\"run\": "
      << Dump({{"id", r.run_id},
               {"created_at", r.created_at},
               {"program_version", r.program_version},
               {"reliability_method", r.reliability_method},
               {"iterations", r.iterations},
               {"converged", r.converged},
               {"config", config},
               {"documents", r.documents.size()},
               {"claims", r.claims.size()},
               {"links", r.links.size()}});
  {
    ArrayWriter a(out, "documents", false);
    for (const engine::Document& d : r.documents) a.Add(DocumentJson(d));
  }
  {
    ArrayWriter a(out, "claims", false);
    for (const Claim& c : r.claims) a.Add(ClaimJson(c));
  }
  {
    ArrayWriter a(out, "edges", false);
    for (const engine::ClaimLink& l : r.links)
      if (l.relation != Relation::kCopy && data.claim(l.a) && data.claim(l.b))
        a.Add(LinkJson(data, l));
  }
  {
    ArrayWriter a(out, "claim_copies", false);
    for (const engine::ClaimLink& l : r.links)
      if (l.relation == Relation::kCopy && data.claim(l.a) && data.claim(l.b))
        a.Add(LinkJson(data, l));
  }
  {
    ArrayWriter a(out, "sources", false);
    for (const Evidence& e : data.sources()) a.Add(EvidenceJson(e, false));
  }
  {
    ArrayWriter a(out, "speakers", false);
    for (const Evidence& e : data.speakers()) a.Add(EvidenceJson(e, true));
  }
  {
    ArrayWriter a(out, "copies", false);
    for (const engine::CopyPair& c : r.copies)
      a.Add({{"a", c.source_a},
             {"b", c.source_b},
             {"score", c.score},
             {"document_a", c.document_a},
             {"document_b", c.document_b}});
  }
  {
    ArrayWriter a(out, "propositions", false);
    for (const engine::Proposition& p : r.propositions)
      a.Add({{"key", p.key}, {"label", p.label}, {"claims", p.claims}});
  }
  {
    ArrayWriter a(out, "source_windows", false);
    for (const engine::SourcePairWindow& w : r.source_windows)
      a.Add({{"window", w.window},
             {"a", w.source_a},
             {"b", w.source_b},
             {"agreements", w.agreements},
             {"contradictions", w.contradictions}});
  }
  if (options.report_sections) {
    const size_t cap = options.max_items ? options.max_items : static_cast<size_t>(-1);
    for (Relation rel : {Relation::kContradict, Relation::kUpdate, Relation::kAgree}) {
      const char* name = rel == Relation::kContradict ? "contradictions"
                         : rel == Relation::kUpdate   ? "updates"
                                                      : "agreements";
      ArrayWriter a(out, name, false);
      size_t n = 0;
      for (const engine::ClaimLink* l : data.links(rel)) {
        if (n++ == cap) break;
        const Claim& ca = *data.claim(l->a);
        const Claim& cb = *data.claim(l->b);
        json j = {{"score", l->score},
                  {"reasons", l->reasons},
                  {"a", CitedClaimJson(data, ca)},
                  {"b", CitedClaimJson(data, cb)}};
        if (rel == Relation::kUpdate) {
          const TimeRelation t = DescribeTimeRelation(ca, cb);
          j["earlier"] = t.earlier->id;
          j["later"] = t.later->id;
          j["time_relation"] = t.text;
        }
        a.Add(j);
      }
    }
    ArrayWriter a(out, "timelines", false);
    size_t n = 0;
    for (const ReportData::Timeline& t : data.timelines()) {
      if (n++ == cap) break;
      json claims = json::array();
      for (const Claim* c : t.claims)
        claims.push_back({{"id", c->id},
                          {"date", OrNull(c->date)},
                          {"source", c->source},
                          {"speaker", OrNull(c->speaker)},
                          {"polarity", std::string(engine::ToString(c->polarity))},
                          {"modality", std::string(engine::ToString(c->modality))},
                          {"text", c->text}});
      a.Add({{"proposition", t.key},
             {"label", t.label},
             {"contradictions", t.contradictions},
             {"updates", t.updates},
             {"claims", std::move(claims)}});
    }
  }
  out << "\n}\n";
}

void WriteJsonExport(const engine::AnalysisResult& result, std::ostream& out) {
  const ReportData data(result);
  WriteJson(data, out);
}

}  // namespace claimgraph::io::report
