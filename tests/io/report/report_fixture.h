// A small hand-built analysis run for the report and export tests: four outlets, a contradiction
// across outlets, an update across years, a syndicated copy, and one claim whose text carries
// HTML metacharacters. The sentences are written for the tests, modelled on the seed story.
#pragma once

#include "engine/analysis.h"

namespace claimgraph::io::report::testing {

inline engine::Claim MakeClaim(int64_t id, int64_t doc, std::string source, std::string speaker,
                               std::string role, std::string text, std::string date,
                               engine::Polarity polarity, engine::Modality modality,
                               size_t char_begin) {
  engine::Claim c;
  c.id = id;
  c.document = doc;
  c.source = std::move(source);
  c.speaker = std::move(speaker);
  c.speaker_role = std::move(role);
  c.text = std::move(text);
  c.date = std::move(date);
  c.polarity = polarity;
  c.modality = modality;
  c.char_begin = char_begin;
  c.char_end = char_begin + 40;
  c.byte_begin = char_begin;
  c.byte_end = char_begin + 40;
  c.proposition = "withdraw|coalition|iraq";
  return c;
}

inline engine::AnalysisResult MakeFixture() {
  using engine::Modality;
  using engine::Polarity;
  using engine::Relation;
  engine::AnalysisResult r;
  r.run_id = 7;
  r.created_at = "2026-01-02T03:04:05Z";
  r.program_version = "0.1.0";
  r.config_json = R"({"window":"year"})";
  r.reliability_method = "truthfinder";
  r.iterations = 12;
  r.converged = true;
  auto doc = [&](int64_t id, std::string source, std::string date, std::string title,
                 std::string url) {
    engine::Document d;
    d.id = id;
    d.source = std::move(source);
    d.date = std::move(date);
    d.title = std::move(title);
    d.url = std::move(url);
    d.language = "en";
    r.documents.push_back(std::move(d));
  };
  doc(1, "The Cradle", "2025-11-17", "Coalition now only in Kurdistan, official says",
      "https://example.org/cradle/1");
  doc(2, "Rudaw", "2025-11-18", "Militia leader: the Americans never left",
      "https://example.org/rudaw/2");
  doc(3, "Al-Monitor", "2021-12-09", "US to keep troops in Iraq after combat mission ends",
      "javascript:alert(1)");
  doc(4, "Kurdistan24", "2025-11-18", "Militia leader: the Americans never left (wire)", "");

  r.claims.push_back(MakeClaim(
      11, 1, "The Cradle", "Qais al-Muhammadawi", "deputy commander, Joint Operations Command",
      "All coalition forces have now left federal Iraq for the Kurdistan Region.", "2025-11-17",
      Polarity::kAffirmed, Modality::kReported, 120));
  r.claims.push_back(
      MakeClaim(12, 2, "Rudaw", "Qais al-Khazali", "",
                "There has been no withdrawal and the Americans are still at Ain al-Asad.",
                "2025-11-18", Polarity::kNegated, Modality::kDenial, 300));
  r.claims.push_back(MakeClaim(13, 3, "Al-Monitor", "Kenneth McKenzie", "CENTCOM commander",
                               "About 2,500 US troops will stay in Iraq next year.", "2021-12-09",
                               Polarity::kNegated, Modality::kForecast, 55));
  r.claims.back().about.push_back({"2022-01-01", "2022-12-31", "next year"});
  r.claims.push_back(
      MakeClaim(14, 4, "Kurdistan24", "", "",
                "There has been no withdrawal and the Americans are still at Ain al-Asad.",
                "2025-11-18", Polarity::kNegated, Modality::kReported, 310));
  r.claims.push_back(MakeClaim(15, 2, "Rudaw", "", "",
                               "Officials said the <b>\"final stage\"</b> & 'handover' is done.",
                               "2025-11-18", Polarity::kAffirmed, Modality::kAsserted, 900));

  r.links.push_back(
      {11, 12, Relation::kContradict, 0.91, {"negation: 'no withdrawal'", "same proposition"}});
  r.links.push_back({13, 11, Relation::kUpdate, 0.8, {"date: 2021 vs 2025"}});
  r.links.push_back({12, 14, Relation::kAgree, 0.95, {"same text"}});
  r.links.push_back({12, 14, Relation::kCopy, 0.97, {"near-duplicate"}});
  r.links.push_back({15, 11, Relation::kAgree, 0.7, {"same proposition"}});
  r.links.push_back({11, 99, Relation::kAgree, 0.5, {"dangling"}});

  r.propositions.push_back(
      {"withdraw|coalition|iraq", "coalition withdrawal from Iraq", {11, 12, 13, 14, 15}});
  r.copies.push_back({2, 4, "Rudaw", "Kurdistan24", 0.93});
  r.source_windows.push_back({"2025", "Rudaw", "The Cradle", 1, 1});

  auto score = [](std::string name, double rel, double unc) {
    engine::ReliabilityScore s;
    s.name = std::move(name);
    s.reliability = rel;
    s.uncertainty = unc;
    s.low = rel - unc;
    s.high = rel + unc;
    s.evidence = static_cast<int>(rel * 10);
    return s;
  };
  r.sources.push_back(score("The Cradle", 0.8, 0.05));
  r.sources.back().windows = {{"2025", 0.8, 1}};
  r.sources.push_back(score("Rudaw", 0.6, 0.1));
  r.sources.back().windows = {{"2025", 0.6, 2}};
  r.sources.push_back(score("Al-Monitor", 0.7, 0.2));
  r.sources.back().windows = {{"2021", 0.7, 1}};
  r.sources.push_back(score("Kurdistan24", 0.5, 0.3));
  r.speakers.push_back(score("Qais al-Khazali", 0.4, 0.1));
  return r;
}

}  // namespace claimgraph::io::report::testing
