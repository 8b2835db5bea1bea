#include "io/report/json_export.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/proposition/proposition.h"
#include "io/report/json_writer.h"

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::Relation;

// Each element is written by JsonWriter with its keys in sorted order: the bytes nlohmann::json
// objects (std::map, so sorted keys) used to give, without building one per claim and link.

void DocumentJson(JsonWriter& w, const engine::Document& d) {
  w.BeginObject();
  w.Key("authors").Strings(d.authors);
  w.Key("content_hash").String(d.content_hash);
  w.Key("date").StringOrNull(d.date);
  w.Key("date_inferred").Bool(d.date_inferred);
  w.Key("id").Int(d.id);
  w.Key("language").String(d.language);
  w.Key("path").String(d.path);
  w.Key("source").String(d.source);
  w.Key("source_inferred").Bool(d.source_inferred);
  w.Key("title").String(d.title);
  w.Key("url").String(d.url);
  w.EndObject();
}

void Span(JsonWriter& w, size_t begin, size_t end) {
  w.BeginArray().Uint(begin).Uint(end).EndArray();
}

// A field outside the JSON contract (docs/FORMATS.md) is left out when it has no value: most
// claims have no cue, negation, modal or quantity, and the export of a large run holds millions.
void Optional(JsonWriter& w, const char* key, const std::string& value) {
  if (!value.empty()) w.Key(key).String(value);
}

void ClaimJson(JsonWriter& w, const Claim& c) {
  w.BeginObject();
  if (!c.about.empty()) {
    w.Key("about").BeginArray();
    for (const engine::TimeRef& t : c.about) {
      w.BeginObject();
      w.Key("begin").String(t.begin);
      w.Key("end").String(t.end);
      w.Key("text").String(t.text);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("byte_span");
  Span(w, c.byte_begin, c.byte_end);
  Optional(w, "cue", c.cue);
  w.Key("date").StringOrNull(c.date);
  w.Key("document").Int(c.document);
  if (!c.entities.empty()) w.Key("entities").Strings(c.entities);
  w.Key("id").Int(c.id);
  Optional(w, "modal", c.modal);
  w.Key("modality").String(engine::ToString(c.modality));
  Optional(w, "negation", c.negation);
  Optional(w, "negation_scope", c.negation_scope);
  Optional(w, "object", c.object);
  w.Key("own_voice").Bool(c.own_voice);
  w.Key("polarity").String(engine::ToString(c.polarity));
  Optional(w, "predicate", c.predicate);
  Optional(w, "predicate_class", c.predicate_class);
  w.Key("proposition").StringOrNull(c.proposition);
  if (!c.quantities.empty()) {
    w.Key("quantities").BeginArray();
    for (const engine::Quantity& q : c.quantities) {
      w.BeginObject();
      w.Key("approximation").StringOrNull(q.approximation);
      w.Key("high").Double(q.high);
      w.Key("low").Double(q.low);
      w.Key("measure").StringOrNull(q.measure);
      w.Key("text").String(q.text);
      w.Key("unit").String(q.unit);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("source").String(c.source);
  w.Key("span");
  Span(w, c.char_begin, c.char_end);
  w.Key("speaker").StringOrNull(c.speaker);
  Optional(w, "speaker_role", c.speaker_role);
  Optional(w, "subject", c.subject);
  Optional(w, "subject_text", c.subject_text);
  w.Key("text").String(c.text);
  w.EndObject();
}

// A claim as cited inside a report section: the sentence, who, where, when, and the span.
void CitedClaimJson(JsonWriter& w, const ReportData& data, const Claim& c) {
  const engine::Document* d = data.document(c.document);
  w.BeginObject();
  w.Key("date").StringOrNull(c.date);
  w.Key("document").Int(c.document);
  w.Key("id").Int(c.id);
  w.Key("modality").String(engine::ToString(c.modality));
  w.Key("polarity").String(engine::ToString(c.polarity));
  // The claim's proposition, as the reasons align it (issue 10).
  w.Key("proposition_frame").String(engine::DescribeProposition(c));
  w.Key("source").String(c.source);
  w.Key("span");
  Span(w, c.char_begin, c.char_end);
  w.Key("speaker").StringOrNull(c.speaker);
  w.Key("speaker_role").StringOrNull(c.speaker_role);
  w.Key("text").String(c.text);
  w.Key("title").String(d ? d->title : "");
  w.Key("url").String(d ? d->url : "");
  w.EndObject();
}

void LinkJson(JsonWriter& w, const ReportData& data, const engine::ClaimLink& l) {
  const Claim* a = data.claim(l.a);
  const Claim* b = data.claim(l.b);
  w.BeginObject();
  w.Key("a").Int(l.a);
  w.Key("b").Int(l.b);
  // Whether the two claims' sources differ and the later of their dates are the claims' own
  // fields in the same file, so they are not repeated on each of the millions of edges.
  if (a && b && l.relation == Relation::kUpdate)
    w.Key("earlier").Int(DescribeTimeRelation(*a, *b).earlier->id);
  w.Key("reasons").Strings(l.reasons);
  w.Key("relation").String(engine::ToString(l.relation));
  // Four decimals: a confidence needs no more, and the export of a large run has millions of
  // links (the shortest round-trip form of a double takes 18 characters).
  w.Key("score").Double(std::round(l.score * 1e4) / 1e4);
  w.EndObject();
}

void EvidenceJson(JsonWriter& w, const Evidence& e, bool speaker) {
  w.BeginObject();
  w.Key("agreements").Int(e.agreements);
  w.Key("claims").Int(e.claims);
  w.Key("contradicted").Int(e.contradicted);
  w.Key("contradictions").Int(e.contradictions);
  w.Key("corroborated").Int(e.corroborated);
  w.Key("evidence").Int(e.score ? e.score->evidence : 0);
  w.Key("failed_forecasts").Int(e.score ? e.score->failed_forecasts : 0);
  w.Key("interval").BeginArray();
  if (e.score) w.Double(e.score->low).Double(e.score->high);
  w.EndArray();
  w.Key("name").String(e.name);
  w.Key("reliability");
  e.score ? w.Double(e.score->reliability) : w.Null();
  if (speaker) w.Key("role").StringOrNull(e.role);
  w.Key("scored").Bool(e.score != nullptr);
  w.Key("trust");
  e.score ? w.Double(e.score->trust) : w.Null();
  w.Key("uncertainty");
  e.score ? w.Double(e.score->uncertainty) : w.Null();
  w.Key("verdicts").Int(e.score ? e.score->verdicts : 0);
  w.Key("windows").BeginArray();
  if (e.score) {
    for (const engine::ReliabilityWindow& win : e.score->windows) {
      w.BeginObject();
      w.Key("claims").Int(win.claims);
      w.Key("reliability").Double(win.reliability);
      w.Key("window").String(win.window);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
}

// Writes `"name": [` + one element per Add + `]`; each element is built in a reused buffer.
class ArrayWriter {
 public:
  ArrayWriter(std::ostream& out, const char* name, bool first_member) : out_(out) {
    out_ << (first_member ? "" : ",\n") << '"' << name << "\": [";
  }
  // A writer for the next element; the element is flushed by the next call or the destructor.
  JsonWriter& Next() {
    Flush();
    buffer_ = first_ ? "\n" : ",\n";  // one element per line, no indent: large files
    first_ = false;
    writer_.emplace(&buffer_);
    return *writer_;
  }
  ~ArrayWriter() {
    Flush();
    out_ << (first_ ? "]" : "\n]");
  }

 private:
  void Flush() {
    if (!buffer_.empty()) out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  std::ostream& out_;
  bool first_ = true;
  std::string buffer_;
  std::optional<JsonWriter> writer_;
};

}  // namespace

void WriteJson(const ReportData& data, std::ostream& out, const JsonOptions& options) {
  const engine::AnalysisResult& r = data.result();
  std::string config = "null";
  if (!r.config_json.empty()) {
    nlohmann::json parsed = nlohmann::json::parse(r.config_json, nullptr, false);
    if (parsed.is_discarded()) parsed = r.config_json;
    config = DumpJson(parsed);
  }
  {
    std::string run;
    JsonWriter w(&run);
    w.BeginObject();
    w.Key("claims").Uint(r.claims.size());
    w.Key("config").Raw(config);
    w.Key("converged").Bool(r.converged);
    w.Key("created_at").String(r.created_at);
    w.Key("documents").Uint(r.documents.size());
    w.Key("id").Int(r.run_id);
    w.Key("iterations").Int(r.iterations);
    w.Key("links").Uint(r.links.size());
    w.Key("program_version").String(r.program_version);
    w.Key("reliability_method").String(r.reliability_method);
    w.EndObject();
    out << "{\n\"run\": " << run;
  }
  // The report is bounded: the whole graph (documents, claims, edges, propositions) is the
  // export's, and the report's other lists stop at the top N.
  const bool report = options.report_sections;
  const size_t cap = report && options.max_items ? options.max_items : static_cast<size_t>(-1);
  if (report) {
    out << ",\n\"report\": {\"top\": " << (options.max_items ? options.max_items : 0)
        << ", \"note\": \"each list holds the top N; the whole graph is in the JSON export "
           "(claims.json, or claimgraph export --format json)\"}";
  }
  if (!report) {
    ArrayWriter a(out, "documents", false);
    for (const engine::Document& d : r.documents) DocumentJson(a.Next(), d);
  }
  if (!report) {
    ArrayWriter a(out, "claims", false);
    for (const Claim& c : r.claims) ClaimJson(a.Next(), c);
  }
  if (!report) {
    ArrayWriter a(out, "edges", false);
    for (const engine::ClaimLink& l : r.links)
      if (l.relation != Relation::kCopy && data.claim(l.a) && data.claim(l.b))
        LinkJson(a.Next(), data, l);
  }
  if (!report) {
    ArrayWriter a(out, "claim_copies", false);
    for (const engine::ClaimLink& l : r.links)
      if (l.relation == Relation::kCopy && data.claim(l.a) && data.claim(l.b))
        LinkJson(a.Next(), data, l);
  }
  {
    ArrayWriter a(out, "sources", false);
    for (const Evidence& e : data.sources()) EvidenceJson(a.Next(), e, false);
  }
  {
    ArrayWriter a(out, "speakers", false);
    size_t n = 0;
    for (const Evidence& e : data.speakers()) {
      if (n++ == cap) break;
      EvidenceJson(a.Next(), e, true);
    }
  }
  {
    ArrayWriter a(out, "copies", false);
    size_t n = 0;
    for (const engine::CopyPair& c : r.copies) {
      if (n++ == cap) break;
      JsonWriter& w = a.Next();
      w.BeginObject();
      w.Key("a").String(c.source_a);
      w.Key("b").String(c.source_b);
      w.Key("document_a").Int(c.document_a);
      w.Key("document_b").Int(c.document_b);
      w.Key("score").Double(c.score);
      w.EndObject();
    }
  }
  if (!report) {
    ArrayWriter a(out, "propositions", false);
    for (const engine::Proposition& p : r.propositions) {
      JsonWriter& w = a.Next();
      w.BeginObject();
      w.Key("claims").BeginArray();
      for (int64_t id : p.claims) w.Int(id);
      w.EndArray();
      w.Key("key").String(p.key);
      w.Key("label").String(p.label);
      w.Key("measure").StringOrNull(p.measure);
      w.Key("predicate").StringOrNull(p.predicate);
      w.Key("subject").StringOrNull(p.subject);
      w.EndObject();
    }
  }
  {
    ArrayWriter a(out, "source_windows", false);
    size_t n = 0;
    for (const engine::SourcePairWindow& sw : r.source_windows) {
      if (n++ == cap) break;
      JsonWriter& w = a.Next();
      w.BeginObject();
      w.Key("a").String(sw.source_a);
      w.Key("agreements").Int(sw.agreements);
      w.Key("b").String(sw.source_b);
      w.Key("contradictions").Int(sw.contradictions);
      w.Key("window").String(sw.window);
      w.EndObject();
    }
  }
  {
    // The sources as a network: narrative camps, degree and betweenness.
    const graph::SourceNetwork& net = data.network();
    std::string text;
    JsonWriter w(&text);
    w.BeginObject();
    w.Key("camps").Int(net.camps);
    w.Key("frustration").Double(net.frustration);
    w.Key("sources").BeginArray();
    for (const graph::SourceNode& node : net.sources) {
      w.BeginObject();
      w.Key("agreements").Int(node.agreements);
      w.Key("betweenness").Double(node.betweenness);
      w.Key("camp").Int(node.camp);
      w.Key("contradictions").Int(node.contradictions);
      w.Key("name").String(node.source);
      w.Key("partners").Int(node.partners);
      w.EndObject();
    }
    w.EndArray();
    w.Key("total_weight").Double(net.total_weight);
    w.EndObject();
    out << ",\n\"source_network\": " << text;
  }
  if (report) {
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
        JsonWriter& w = a.Next();
        w.BeginObject();
        w.Key("a");
        CitedClaimJson(w, data, ca);
        w.Key("b");
        CitedClaimJson(w, data, cb);
        std::optional<TimeRelation> t;
        if (rel == Relation::kUpdate) {
          t = DescribeTimeRelation(ca, cb);
          w.Key("earlier").Int(t->earlier->id);
          w.Key("later").Int(t->later->id);
        }
        w.Key("reasons").Strings(l->reasons);
        w.Key("score").Double(l->score);
        if (t) w.Key("time_relation").String(t->text);
        w.EndObject();
      }
    }
    {
      ArrayWriter a(out, "contested", false);
      size_t n = 0;
      for (const ReportData::Contested& c : data.contested()) {
        if (n++ == cap) break;
        JsonWriter& w = a.Next();
        w.BeginObject();
        w.Key("claim");
        CitedClaimJson(w, data, *c.claim);
        w.Key("contradictions").Int(c.contradictions);
        w.EndObject();
      }
    }
    ArrayWriter a(out, "timelines", false);
    size_t n = 0;
    for (const ReportData::Timeline& t : data.timelines()) {
      if (n++ == cap) break;
      JsonWriter& w = a.Next();
      w.BeginObject();
      w.Key("claims").BeginArray();
      size_t rows = 0;
      for (const Claim* c : t.claims) {
        if (rows++ == cap) break;
        w.BeginObject();
        w.Key("date").StringOrNull(c->date);
        w.Key("id").Int(c->id);
        w.Key("modality").String(engine::ToString(c->modality));
        w.Key("polarity").String(engine::ToString(c->polarity));
        w.Key("source").String(c->source);
        w.Key("speaker").StringOrNull(c->speaker);
        w.Key("text").String(c->text);
        w.EndObject();
      }
      w.EndArray();
      w.Key("contradictions").Int(t.contradictions);
      w.Key("label").String(t.label);
      w.Key("proposition").String(t.key);
      w.Key("updates").Int(t.updates);
      w.EndObject();
    }
  }
  out << "\n}\n";
}

void WriteJsonExport(const engine::AnalysisResult& result, std::ostream& out) {
  const ReportData data(result);
  WriteJson(data, out);
}

}  // namespace claimgraph::io::report
