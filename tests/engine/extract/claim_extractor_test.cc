#include "engine/extract/claim_extractor.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "engine/text/utf8.h"
#include "tests/engine/extract/seed_documents.h"

using namespace claimgraph::engine;

namespace {

Document Sample() {
  Document d;
  d.id = 42;
  d.source = "Harbor Times";
  d.date = "2024-03-14";
  d.language = "en";
  d.title = "Harbour bridge reopens after repairs";
  d.text =
      "loader image\n"
      "Harbour bridge reopens after repairs\n"
      "Harbor Times – News: The harbour bridge reopened on Monday after repairs to its cables.\n"
      "“The bridge is safe for all traffic. Heavy lorries may cross again next month,” said "
      "Ana Müller, the city’s chief engineer.\n"
      "She added that the toll would not rise before the end of 2025.\n"
      "Críticos del puente dicen que la obra fue muy cara para la ciudad y sus vecinos.\n"
      "Some 40,000 cars cross the bridge every day, according to the port authority.\n"
      "Will the tolls ever fall?\n"
      "0 Comments\n"
      "Related articles\n"
      "Harbor Times – Sport: The rowing club won the regatta on Sunday.\n";
  return d;
}

}  // namespace

TEST_CASE("Claims keep exact provenance: text equals the byte and code-point spans",
          "[engine][extract]") {
  const Document doc = Sample();
  ClaimExtractor extractor;
  const std::vector<Claim> claims = extractor.Extract(doc);
  REQUIRE(claims.size() == 5);
  for (const Claim& c : claims) {
    INFO(c.text);
    CHECK(c.text == doc.text.substr(c.byte_begin, c.byte_end - c.byte_begin));
    CHECK(c.char_begin == CountCodePoints(std::string_view(doc.text).substr(0, c.byte_begin)));
    CHECK(c.char_end - c.char_begin == CountCodePoints(c.text));
    CHECK(c.document == 42);
    CHECK(c.source == "Harbor Times");
    CHECK(c.id == 0);
    CHECK(c.proposition.empty());
  }
  // The dateline is not part of the claim; the page furniture, the Spanish comment, the
  // question and the related story give no claims.
  CHECK(claims[0].text == "The harbour bridge reopened on Monday after repairs to its cables.");
  CHECK(claims[0].speaker.empty());
  CHECK(claims[0].modality == Modality::kAsserted);
  REQUIRE(claims[0].about.size() == 1);
  CHECK(claims[0].about[0].begin == "2024-03-11");

  CHECK(claims[1].text == "The bridge is safe for all traffic.");
  CHECK(claims[1].speaker == "Ana Müller");
  CHECK(claims[1].speaker_role == "the city’s chief engineer");
  CHECK(claims[1].modality == Modality::kReported);

  CHECK(claims[2].text == "Heavy lorries may cross again next month");
  CHECK(claims[2].modality == Modality::kHedged);
  REQUIRE(claims[2].about.size() == 1);
  CHECK(claims[2].about[0].begin == "2024-04-01");

  CHECK(claims[3].text.starts_with("the toll would not rise before the end of 2025"));
  CHECK(claims[3].speaker == "Ana Müller");
  CHECK(claims[3].polarity == Polarity::kNegated);
  CHECK(claims[3].modality == Modality::kForecast);

  CHECK(claims[4].text == "Some 40,000 cars cross the bridge every day");
  // "according to the port authority": an institution without a name of its own, so the
  // speaker's role (a bare role noun is never a speaker by itself).
  CHECK(claims[4].speaker_role == "port authority");
  CHECK_FALSE(claims[4].own_voice);
  REQUIRE(claims[4].quantities.size() == 1);
  CHECK(claims[4].quantities[0].low == 40000);
  CHECK(claims[4].quantities[0].unit == "cars");
  for (const Claim& c : claims) CHECK(c.date == "2024-03-14");
}

TEST_CASE("ExtractWithTrace explains every dropped paragraph and sentence", "[engine][extract]") {
  const Document doc = Sample();
  const ExtractionResult r = ClaimExtractor().ExtractWithTrace(doc);
  int claims = 0, furniture = 0, related = 0, foreign = 0, questions = 0;
  for (const SentenceTrace& t : r.trace) {
    claims += t.verdict.rfind("claim", 0) == 0;
    furniture += t.verdict.rfind("furniture", 0) == 0;
    related += t.verdict.rfind("related", 0) == 0;
    foreign += t.verdict.rfind("foreign", 0) == 0;
    questions += t.verdict == "question";
  }
  CHECK(claims == 5);
  CHECK(furniture == 1);  // loader image
  CHECK(related == 3);    // 0 Comments, Related articles, the teaser
  CHECK(foreign == 1);
  CHECK(questions == 1);
}

TEST_CASE("Extract is thread-safe and deterministic", "[engine][extract]") {
  const Document doc = Sample();
  const ClaimExtractor extractor;
  const std::vector<Claim> expected = extractor.Extract(doc);
  std::vector<std::vector<Claim>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) got[t] = extractor.Extract(doc);
    });
  for (auto& th : threads) th.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == expected.size());
    for (size_t i = 0; i < g.size(); ++i) {
      CHECK(g[i].text == expected[i].text);
      CHECK(g[i].speaker == expected[i].speaker);
    }
  }
}

TEST_CASE("Extract handles empty, furniture-only and unterminated documents", "[engine][extract]") {
  ClaimExtractor extractor;
  Document d;
  CHECK(extractor.Extract(d).empty());
  d.text = "Share this\n0 Comments\nLoading";
  CHECK(extractor.Extract(d).empty());
  // A fragment with no finite verb is no claim, quoted or not.
  d.text = "“An unterminated quotation about the bridge and its many cables.";
  CHECK(extractor.Extract(d).empty());
  d.text = "“An unterminated quotation says that the bridge has many cables.";
  const auto claims = extractor.Extract(d);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text.find("the bridge has many cables") != std::string::npos);
}

// The seed corpus: real, messy articles. Skips when ../shared/seeds is absent.
TEST_CASE("Seed corpus: speakers found, no claims from furniture or unrelated stories",
          "[engine][extract][seeds]") {
  const std::string dir = std::string(CLAIMGRAPH_SOURCE_DIR) + "/../shared/seeds";
  if (!std::filesystem::is_directory(dir)) {
    WARN("seed corpus not found at " << dir << "; skipping");
    return;
  }
  const std::vector<Document> docs = claimgraph::testing::ReadSeedDocuments(dir);
  REQUIRE(docs.size() >= 5);
  BoilerplateIndex index;
  for (const Document& d : docs) index.Add(d);
  index.Finalize();
  const ClaimExtractor extractor({}, &index);
  std::vector<Claim> all;
  for (const Document& d : docs) {
    for (Claim& c : extractor.Extract(d)) {
      CHECK(c.text == d.text.substr(c.byte_begin, c.byte_end - c.byte_begin));
      all.push_back(std::move(c));
    }
  }
  auto spoken_by = [&](const std::string& speaker, const std::string& needle) {
    for (const Claim& c : all)
      if (c.speaker == speaker && c.text.find(needle) != std::string::npos) return &c;
    return static_cast<const Claim*>(nullptr);
  };
  // Quoted claims and their speakers.
  const Claim* c = spoken_by("Qais al-Muhammadawi", "completed its mission");
  CHECK(c);
  if (c)
  CHECK(c->speaker_role.find("commander of Iraq") != std::string::npos);
  CHECK(spoken_by("Qais al-Muhammadawi", "four to five personnel"));
  CHECK(spoken_by("Qais al-Muhammadawi", "now in the Kurdistan Region"));
  // Not yet found: the known-gap test below.
  CHECK(spoken_by("Kenneth McKenzie", "pulled out of bases"));
  CHECK(spoken_by("Qais al-Khazali", "no real plan"));
  CHECK(spoken_by("Saif Al-Saadi", "I do not anticipate a withdrawal"));
  const Claim* spokesperson = spoken_by("US State Department spokesperson", "not a withdrawal");
  CHECK(spokesperson);
  if (spokesperson) CHECK(spokesperson->polarity == Polarity::kNegated);

  // Claims about the withdrawal, with polarity, deadlines and quantities.
  const Claim* mckenzie = spoken_by("Kenneth McKenzie", "we will not leave");
  if (mckenzie) CHECK(mckenzie->polarity == Polarity::kNegated);
  // "Baghdad and Washington have agreed that the withdrawal would be complete by ...": whoever
  // the speaker is named as, a forecast with its deadline.
  const Claim* deadline = nullptr;
  for (const Claim& claim : all)
    if (claim.text.find("complete by September 2026") != std::string::npos) deadline = &claim;
  REQUIRE(deadline);
  CHECK(deadline->modality == Modality::kForecast);
  REQUIRE(deadline->about.size() == 1);
  CHECK(deadline->about[0].begin == "2026-09-01");
  // "... were not accepted by some Shiite political groups and Resistance groups. They said
  // ... US troops had not left": the denial, whoever "they" resolves to (the speaker: a known
  // gap below).
  const Claim* not_left = nullptr;
  for (const Claim& claim : all)
    if (claim.text.find("had not left") != std::string::npos) not_left = &claim;
  CHECK(not_left);
  if (not_left) CHECK(not_left->polarity == Polarity::kNegated);
  const Claim* khazali = spoken_by("Qais al-Khazali", "no real plan");
  if (khazali) CHECK(khazali->date == "2021-12-26");
  const Claim* personnel = spoken_by("Qais al-Muhammadawi", "four to five personnel");
  REQUIRE(personnel->quantities.size() == 1);
  CHECK(personnel->quantities[0].low == 4);
  CHECK(personnel->quantities[0].high == 5);

  // Nothing from page furniture, bylines or the unrelated stories.
  for (const Claim& claim : all) {
    INFO(claim.text);
    for (const char* bad :
         {"Comment", "email address", "loader image", "LATEST CONTENT", "News Desk", "PHOTO/",
          "Envíanos", "Si conoces", "Germany", "Riyadh", "Caucasus", "European Union",
          "Palestinian crisis", "Safamanesh", "Soldados", "Expert on Iraq affairs", "Loading"}) {
      CHECK(claim.text.find(bad) == std::string::npos);
    }
  }
}

TEST_CASE("Extract survives generated messy input and keeps provenance exact",
          "[engine][extract]") {
  // Pieces that stress the rules: quotes left open, stray marks, abbreviations, pronouns
  // without antecedents, non-Latin scripts, dashes, numbers, prompts.
  const std::vector<std::string> pieces = {"“",
                                           "”",
                                           "\"",
                                           "'",
                                           ".",
                                           ". ",
                                           "? ",
                                           ", ",
                                           ": ",
                                           " – ",
                                           "\n",
                                           "\n\n",
                                           "U.S. ",
                                           "Gen. ",
                                           "Dec. 9 ",
                                           "said ",
                                           "told ",
                                           "according to ",
                                           "he added",
                                           "the spokesperson ",
                                           "they ",
                                           "Omar al-Haddad ",
                                           "the commander of the army ",
                                           "2,500 troops ",
                                           "four to five ",
                                           "by September 2026 ",
                                           "last Sunday ",
                                           "not ",
                                           "no ",
                                           "will ",
                                           "may ",
                                           "Müller ",
                                           "العراق ",
                                           "軍隊 ",
                                           "0 Comments",
                                           "LATEST CONTENT",
                                           "PHOTO/AP - ",
                                           "The forces left ",
                                           "the base in the north ",
                                           "that ",
                                           "as confirmed by ",
                                           "In the words of ",
                                           "(",
                                           ")"};
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(state >> 33);
  };
  ClaimExtractor extractor;
  for (int doc_i = 0; doc_i < 200; ++doc_i) {
    Document d;
    d.id = doc_i;
    d.source = "Fuzz";
    d.date = "2025-01-15";
    d.title = "The forces left the base";
    const size_t n = next() % 120;
    for (size_t k = 0; k < n; ++k) d.text += pieces[next() % pieces.size()];
    const std::vector<Claim> claims = extractor.Extract(d);
    size_t prev_end = 0;
    for (const Claim& c : claims) {
      INFO(d.text);
      REQUIRE(c.byte_end <= d.text.size());
      CHECK(c.byte_begin < c.byte_end);
      CHECK(c.byte_begin >= prev_end);  // in text order, not overlapping
      CHECK(c.text == d.text.substr(c.byte_begin, c.byte_end - c.byte_begin));
      CHECK(c.char_end - c.char_begin == CountCodePoints(c.text));
      CHECK(IsValidUtf8(c.text));
      prev_end = c.byte_end;
    }
  }
}

TEST_CASE("A time inside an 'as X said' aside dates the saying, not the claim",
          "[engine][extract]") {
  ClaimExtractor extractor;
  Document d;
  d.id = 7;
  d.source = "Port Wire";
  d.date = "2026-06-01";
  d.language = "en";
  d.text =
      "A port spokesperson said two berths, not three as the harbour master had said last month, "
      "were open on Monday.\n"
      "The ferry will return in July, as the operator announced.\n";
  const std::vector<Claim> claims = extractor.Extract(d);
  REQUIRE(claims.size() == 2);
  INFO(claims[0].text);
  for (const TimeRef& t : claims[0].about) CHECK(t.text.find("last month") == std::string::npos);
  // "on Monday" should still date what was open; the model's content stops before "were open
  // on Monday" (known gap).
  REQUIRE(claims[1].about.size() == 1);
  CHECK(claims[1].about[0].begin == "2026-07-01");
}

// What a reader finds in the seeds and the learned attribution does not yet (issue "Read real
// news"): hidden from the default run; `claimgraph_tests "[known-gap]"` lists them.
TEST_CASE("Seed corpus: known gaps of the learned attribution", "[.][known-gap]") {
  const std::string dir = std::string(CLAIMGRAPH_SOURCE_DIR) + "/../shared/seeds";
  if (!std::filesystem::is_directory(dir)) return;
  const ClaimExtractor extractor;
  std::vector<Claim> all;
  for (const Document& d : claimgraph::testing::ReadSeedDocuments(dir))
    for (Claim& c : extractor.Extract(d)) all.push_back(std::move(c));
  auto spoken_by = [&](const std::string& speaker, const std::string& needle) {
    for (const Claim& c : all)
      if (c.speaker == speaker && c.text.find(needle) != std::string::npos) return true;
    return false;
  };
  // A long quotation ending "..., so there is no withdrawal," political researcher X says.
  CHECK(spoken_by("Saif Al-Saadi", "there is no withdrawal"));
  CHECK(spoken_by("Abbas Ghadir", "in its final stages"));
  // "In the words of Kenneth F. McKenzie, these armed groups 'want ... But we will not leave'".
  CHECK(spoken_by("Kenneth McKenzie", "we will not leave"));
  // "They" after a passive's agent: "... not accepted by some Shiite political groups and
  // Resistance groups. They said ... US troops had not left."
  CHECK(spoken_by("Shiite political groups and Resistance groups", "had not left"));
  // An act the outlet reports: the spokesperson rejected Baghdad's wish.
  CHECK(spoken_by("US State Department spokesperson", "rejected"));
}
