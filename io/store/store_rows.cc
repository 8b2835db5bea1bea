#include "io/store/store_rows.h"

#include <SQLiteCpp/Column.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace claimgraph::io::store_rows {
namespace {

using Json = nlohmann::json;

bool Empty(const std::string& s) { return s.empty() || s == "[]"; }

}  // namespace

std::string StringsToJson(const std::vector<std::string>& v) {
  return v.empty() ? "[]" : Json(v).dump();
}

std::vector<std::string> StringsFromJson(const std::string& s) {
  if (Empty(s)) return {};
  return Json::parse(s).get<std::vector<std::string>>();
}

std::string TimeRefsToJson(const std::vector<engine::TimeRef>& v) {
  if (v.empty()) return "[]";
  Json j = Json::array();
  for (const auto& t : v) j.push_back({{"begin", t.begin}, {"end", t.end}, {"text", t.text}});
  return j.dump();
}

std::vector<engine::TimeRef> TimeRefsFromJson(const std::string& s) {
  std::vector<engine::TimeRef> out;
  if (Empty(s)) return out;
  for (const auto& j : Json::parse(s)) {
    out.push_back({j.at("begin").get<std::string>(), j.at("end").get<std::string>(),
                   j.at("text").get<std::string>()});
  }
  return out;
}

std::string QuantitiesToJson(const std::vector<engine::Quantity>& v) {
  if (v.empty()) return "[]";
  Json j = Json::array();
  for (const auto& q : v) {
    Json o = {{"low", q.low}, {"high", q.high}, {"unit", q.unit}, {"text", q.text}};
    if (!q.measure.empty()) o["measure"] = q.measure;
    if (!q.approximation.empty()) o["approximation"] = q.approximation;
    j.push_back(std::move(o));
  }
  return j.dump();
}

std::vector<engine::Quantity> QuantitiesFromJson(const std::string& s) {
  std::vector<engine::Quantity> out;
  if (Empty(s)) return out;
  for (const auto& j : Json::parse(s)) {
    out.push_back({j.at("low").get<double>(), j.at("high").get<double>(),
                   j.at("unit").get<std::string>(), j.at("text").get<std::string>(),
                   j.value("measure", std::string()), j.value("approximation", std::string())});
  }
  return out;
}

std::string WindowsToJson(const std::vector<engine::ReliabilityWindow>& v) {
  if (v.empty()) return "[]";
  Json j = Json::array();
  for (const auto& w : v) {
    j.push_back({{"window", w.window}, {"reliability", w.reliability}, {"claims", w.claims}});
  }
  return j.dump();
}

std::vector<engine::ReliabilityWindow> WindowsFromJson(const std::string& s) {
  std::vector<engine::ReliabilityWindow> out;
  if (Empty(s)) return out;
  for (const auto& j : Json::parse(s)) {
    out.push_back({j.at("window").get<std::string>(), j.at("reliability").get<double>(),
                   j.at("claims").get<int>()});
  }
  return out;
}

std::string IdsToJson(const std::vector<int64_t>& v) { return v.empty() ? "[]" : Json(v).dump(); }

std::vector<int64_t> IdsFromJson(const std::string& s) {
  if (Empty(s)) return {};
  return Json::parse(s).get<std::vector<int64_t>>();
}

std::string CalibrationToJson(const engine::ReliabilityScore& s) {
  return Json{{"low", s.low},           {"high", s.high},   {"evidence", s.evidence},
              {"verdicts", s.verdicts}, {"trust", s.trust}, {"trust_sd", s.trust_sd}}
      .dump();
}

void CalibrationFromJson(const std::string& text, engine::ReliabilityScore* s) {
  s->low = std::max(0.0, s->reliability - s->uncertainty);
  s->high = std::min(1.0, s->reliability + s->uncertainty);
  if (text.empty()) return;
  const Json j = Json::parse(text);
  s->low = j.value("low", s->low);
  s->high = j.value("high", s->high);
  s->evidence = j.value("evidence", 0);
  s->verdicts = j.value("verdicts", 0);
  s->trust = j.value("trust", 0.0);
  s->trust_sd = j.value("trust_sd", 0.0);
}

engine::Document DocumentFromRow(SQLite::Statement& q, bool with_text) {
  engine::Document d;
  d.id = q.getColumn(0).getInt64();
  d.content_hash = q.getColumn(1).getString();
  d.source = q.getColumn(2).getString();
  d.source_inferred = q.getColumn(3).getInt() != 0;
  d.date = q.getColumn(4).getString();
  d.date_inferred = q.getColumn(5).getInt() != 0;
  d.title = q.getColumn(6).getString();
  d.url = q.getColumn(7).getString();
  d.language = q.getColumn(8).getString();
  d.authors = StringsFromJson(q.getColumn(9).getString());
  d.path = q.getColumn(10).getString();
  if (with_text) d.text = q.getColumn(11).getString();
  return d;
}

bool ReadClaimRow(SQLite::Statement& q, bool details, engine::Claim* c) {
  c->id = q.getColumn(0).getInt64();
  c->document = q.getColumn(1).getInt64();
  c->source = q.getColumn(2).getString();
  c->speaker = q.getColumn(3).getString();
  c->speaker_role = q.getColumn(4).getString();
  c->text = q.getColumn(5).getString();
  c->byte_begin = static_cast<size_t>(q.getColumn(6).getInt64());
  c->byte_end = static_cast<size_t>(q.getColumn(7).getInt64());
  c->char_begin = static_cast<size_t>(q.getColumn(8).getInt64());
  c->char_end = static_cast<size_t>(q.getColumn(9).getInt64());
  c->date = q.getColumn(10).getString();
  c->about = TimeRefsFromJson(q.getColumn(11).getString());
  const bool known = engine::ParsePolarity(q.getColumn(12).getString(), &c->polarity) &&
                     engine::ParseModality(q.getColumn(13).getString(), &c->modality);
  if (details) {
    c->quantities = QuantitiesFromJson(q.getColumn(14).getString());
    c->entities = StringsFromJson(q.getColumn(15).getString());
  }
  c->proposition = q.getColumn(16).getString();
  return known;
}

void ReadClaimFrame(SQLite::Statement& q, engine::Claim* c) {
  constexpr int f = kClaimFrameColumn;
  c->cue = q.getColumn(f).getString();
  c->own_voice = q.getColumn(f + 1).getInt() != 0;
  c->subject = q.getColumn(f + 2).getString();
  c->subject_text = q.getColumn(f + 3).getString();
  c->predicate = q.getColumn(f + 4).getString();
  c->object = q.getColumn(f + 5).getString();
  c->negation = q.getColumn(f + 6).getString();
  c->negation_scope = q.getColumn(f + 7).getString();
  c->modal = q.getColumn(f + 8).getString();
}

bool ReadLinkRow(SQLite::Statement& q, engine::ClaimLink* l) {
  l->a = q.getColumn(0).getInt64();
  l->b = q.getColumn(1).getInt64();
  const bool known = engine::ParseRelation(q.getColumn(2).getString(), &l->relation);
  l->score = q.getColumn(3).getDouble();
  l->reasons = StringsFromJson(q.getColumn(4).getString());
  return known;
}

void ReadScoreRow(SQLite::Statement& q, int first, engine::ReliabilityScore* s) {
  s->name = q.getColumn(first).getString();
  s->role = q.getColumn(first + 1).getString();
  s->reliability = q.getColumn(first + 2).getDouble();
  s->uncertainty = q.getColumn(first + 3).getDouble();
  s->claims = q.getColumn(first + 4).getInt();
  s->corroborated = q.getColumn(first + 5).getInt();
  s->contradicted = q.getColumn(first + 6).getInt();
  s->agreements = q.getColumn(first + 7).getInt();
  s->contradictions = q.getColumn(first + 8).getInt();
  s->failed_forecasts = q.getColumn(first + 9).getInt();
  s->windows = WindowsFromJson(q.getColumn(first + 10).getString());
}

}  // namespace claimgraph::io::store_rows
