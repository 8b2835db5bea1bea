// ScoreTextReliability on hand-built claims: propositions, speakers, agree / contradict / copy /
// update links, failed forecasts, windows.
#include "engine/truth/text_reliability.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <map>
#include <random>
#include <set>

namespace claimgraph::engine::truth {
namespace {

Claim MakeClaim(int64_t id, std::string source, std::string proposition, Polarity polarity,
                std::string date, std::string speaker = {}) {
  Claim c;
  c.id = id;
  c.source = std::move(source);
  c.proposition = std::move(proposition);
  c.polarity = polarity;
  c.date = std::move(date);
  c.speaker = std::move(speaker);
  return c;
}

const ReliabilityScore& Find(const std::vector<ReliabilityScore>& scores, const std::string& name) {
  for (const ReliabilityScore& s : scores)
    if (s.name == name) return s;
  FAIL("no score for " << name);
  throw std::logic_error("unreachable");
}

constexpr auto kYes = Polarity::kAffirmed;
constexpr auto kNo = Polarity::kNegated;

// Three outlets on three propositions: A and B agree throughout, C contradicts them.
std::vector<Claim> ThreeOutlets() {
  std::vector<Claim> claims;
  int64_t id = 1;
  for (const char* p : {"withdrawal complete", "troops 2500", "deadline 2026"}) {
    claims.push_back(MakeClaim(id++, "A", p, kYes, "2025-01-10"));
    claims.push_back(MakeClaim(id++, "B", p, kYes, "2025-01-11"));
    claims.push_back(MakeClaim(id++, "C", p, kNo, "2025-01-12"));
  }
  return claims;
}

TEST_CASE("Text reliability: the majority holds, the contrarian scores lower", "[engine][truth]") {
  for (const std::string& method : AlgorithmNames()) {
    INFO(method);
    TextReliabilityOptions options;
    options.method = method;
    options.bootstrap_samples = 5;
    const TextReliabilityResult r = ScoreTextReliability(ThreeOutlets(), {}, options);
    CHECK(r.method == method);
    REQUIRE(r.sources.size() == 3);
    // PooledInvestment pays a sole investor its whole pool: on data this small the contrarian,
    // alone on every value, is paid most. The verdicts below still hold for it.
    if (method != "pooled-investment")
      CHECK(Find(r.sources, "A").reliability > Find(r.sources, "C").reliability);
    CHECK(Find(r.sources, "A").claims == 3);
    CHECK(Find(r.sources, "A").corroborated == 3);
    CHECK(Find(r.sources, "C").corroborated == 0);
    CHECK(Find(r.sources, "C").contradicted == 3);
    for (const ReliabilityScore& s : r.sources) {
      CHECK(s.reliability >= 0);
      CHECK(s.reliability <= 1);
      CHECK(std::isfinite(s.uncertainty));
    }
    REQUIRE(r.propositions.size() == 3);
    for (const PropositionVerdict& v : r.propositions) CHECK(v.polarity == kYes);
    CHECK(r.speakers.empty());  // only the outlets' own claims
  }
}

TEST_CASE("Text reliability: contradict links act as implication, agree links support",
          "[engine][truth]") {
  // Two outlets disagree on proposition p; a third claim on another proposition q, agreed by a
  // fourth outlet, implies A's side through an agree link and contradicts B's.
  std::vector<Claim> claims = {
      MakeClaim(1, "A", "p", kYes, "2025-01-01"), MakeClaim(2, "B", "p", kNo, "2025-01-01"),
      MakeClaim(3, "D", "q", kYes, "2025-01-02"), MakeClaim(4, "E", "q", kYes, "2025-01-02")};
  std::vector<ClaimLink> links = {{3, 1, Relation::kAgree, 0.9, {}},
                                  {3, 2, Relation::kContradict, 0.9, {}}};
  TextReliabilityOptions options;
  options.bootstrap_samples = 0;
  const TextReliabilityResult with = ScoreTextReliability(claims, links, options);
  CHECK(Find(with.sources, "A").reliability > Find(with.sources, "B").reliability);
  CHECK(Find(with.sources, "A").agreements == 1);
  CHECK(Find(with.sources, "B").contradictions == 1);
  const TextReliabilityResult without = ScoreTextReliability(claims, {}, options);
  CHECK(Find(without.sources, "A").reliability == Approx(Find(without.sources, "B").reliability));
}

TEST_CASE("Text reliability: copies count once", "[engine][truth]") {
  // Two syndicated copies (B, C) of one wire story against two independent outlets (A, D).
  std::vector<Claim> claims = {
      MakeClaim(1, "A", "p", kYes, "2025-01-01"), MakeClaim(2, "D", "p", kYes, "2025-01-01"),
      MakeClaim(3, "B", "p", kNo, "2025-01-01"), MakeClaim(4, "C", "p", kNo, "2025-01-01"),
      MakeClaim(5, "W", "p", kNo, "2025-01-01")};
  std::vector<ClaimLink> copies = {{3, 5, Relation::kCopy, 1, {}}, {4, 5, Relation::kCopy, 1, {}}};
  TextReliabilityOptions options;
  options.method = "voting";
  options.bootstrap_samples = 0;
  const TextReliabilityResult plain = ScoreTextReliability(claims, {}, options);
  REQUIRE(plain.propositions.size() == 1);
  CHECK(plain.propositions[0].polarity == kNo);  // three votes against two
  const TextReliabilityResult copied = ScoreTextReliability(claims, copies, options);
  CHECK(copied.propositions[0].polarity == kYes);      // the wire story counts once
  CHECK(Find(copied.sources, "B").corroborated == 0);  // only its own copies agree
  CHECK(Find(copied.sources, "A").corroborated == 1);
}

TEST_CASE("Text reliability: an update is not a contradiction", "[engine][truth]") {
  std::vector<Claim> claims = {MakeClaim(1, "A", "troops 2500", kYes, "2021-12-01"),
                               MakeClaim(2, "B", "troops 2500", kNo, "2025-11-17")};
  TextReliabilityOptions options;
  options.bootstrap_samples = 0;
  const TextReliabilityResult linked =
      ScoreTextReliability(claims, {{1, 2, Relation::kUpdate, 0.8, {}}}, options);
  CHECK(Find(linked.sources, "A").contradicted == 0);
  CHECK(Find(linked.sources, "B").contradicted == 0);
  const TextReliabilityResult unlinked = ScoreTextReliability(claims, {}, options);
  CHECK(Find(unlinked.sources, "A").contradicted == 1);
}

TEST_CASE("Text reliability: a failed forecast counts against its source and speaker",
          "[engine][truth]") {
  Claim forecast = MakeClaim(1, "A", "withdrawal complete", kYes, "2024-09-27", "Official X");
  forecast.modality = Modality::kForecast;
  forecast.about.push_back({"2025-09-01", "2025-09-30", "by September 2025"});
  forecast.speaker_role = "minister";
  Claim held = MakeClaim(2, "A", "bases handed over", kYes, "2024-09-27", "Official X");
  Claim later = MakeClaim(3, "B", "withdrawal complete", kNo, "2025-11-17");
  Claim early = MakeClaim(4, "C", "withdrawal complete", kNo, "2025-01-05");  // before due date
  TextReliabilityOptions options;
  options.bootstrap_samples = 0;
  const TextReliabilityResult r = ScoreTextReliability({forecast, held, later, early}, {}, options);
  CHECK(Find(r.sources, "A").failed_forecasts == 1);
  CHECK(Find(r.sources, "B").failed_forecasts == 0);
  REQUIRE(r.speakers.size() == 1);
  CHECK(r.speakers[0].name == "Official X");
  CHECK(r.speakers[0].role == "minister");
  CHECK(r.speakers[0].failed_forecasts == 1);
  CHECK(r.speakers[0].claims == 2);

  // Not yet due: no failure.
  later.date = "2025-08-01";
  const TextReliabilityResult early_only =
      ScoreTextReliability({forecast, held, later, early}, {}, options);
  CHECK(Find(early_only.sources, "A").failed_forecasts == 0);
}

Claim TextClaim(int64_t id, std::string source, std::string proposition, Polarity polarity,
                std::string text) {
  Claim c = MakeClaim(id, std::move(source), std::move(proposition), polarity, "2025-01-10");
  c.text = std::move(text);
  return c;
}

// Verifier of the verdict matching: every verdict against every claim, by plain word lists
// (lower-case ASCII letters and digits), no index. Returns (verdicts that match a claim,
// objects with a verdict). Objects: "p:" + proposition, or the claim's own.
std::pair<int, int> MatchVerifier(const std::vector<Claim>& claims,
                                  const std::vector<TextVerdict>& verdicts) {
  auto words = [](const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    std::string t = s + " ";
    for (size_t k = 1; k + 1 < t.size(); ++k)  // "2,500" is one number
      if (t[k] == ',' && std::isdigit(static_cast<unsigned char>(t[k - 1])) &&
          std::isdigit(static_cast<unsigned char>(t[k + 1])))
        t.erase(k, 1);
    for (char c : t) {
      if (std::isalnum(static_cast<unsigned char>(c)) || (c == '\'' && !w.empty()))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else if (!w.empty())
        out.push_back(std::move(w)), w.clear();
    }
    return out;
  };
  std::map<std::string, std::set<std::string>> values;  // object -> values that hold
  int matched = 0;
  for (const TextVerdict& v : verdicts) {
    bool any = false;
    const auto vw = words(v.key);
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      const std::string object =
          c.proposition.empty() ? "claim:" + std::to_string(i) : "p:" + c.proposition;
      const auto cw = words(c.text);
      bool text = !vw.empty() && cw == vw;
      if (!text && vw.size() >= static_cast<size_t>(kMinContainedTokens))
        for (size_t k = 0; k + vw.size() <= cw.size() && !text; ++k)
          text = std::equal(vw.begin(), vw.end(), cw.begin() + k);
      if (text) {
        any = true;
        bool negated = c.modality == Modality::kDenial;
        if (cw != vw) {  // contained: a negating word anywhere outside the reviewed words
          size_t at = 0;
          while (!std::equal(vw.begin(), vw.end(), cw.begin() + at)) ++at;
          for (size_t k = 0; k < cw.size(); ++k) {
            const std::string& x = cw[k];
            if (k >= at && k < at + vw.size()) continue;
            negated = negated || (x.size() > 3 && x.substr(x.size() - 3) == "n't");
            for (const char* n : {"not", "no", "never", "nobody", "none", "nothing", "neither",
                                  "nor", "deny", "denies", "denied", "denying", "false", "untrue"})
              negated = negated || x == n;
          }
        } else {
          negated = false;
        }
        const bool holds = v.holds != negated;
        values[object].insert(holds == (c.polarity == kYes) ? "affirmed" : "negated");
      }
      if (!c.proposition.empty() && c.proposition == v.key) {
        any = true;
        values["p:" + c.proposition].insert(v.holds ? "affirmed" : "negated");
      }
    }
    matched += any;
  }
  int known = 0;
  for (const auto& [object, held] : values) known += held.size() == 1;
  return {matched, known};
}

TEST_CASE("Text reliability: verdicts by claim text and proposition calibrate the sources",
          "[engine][truth][verdicts]") {
  // Two camps of equal size on three propositions; fact-checks say camp A is right.
  std::vector<Claim> claims;
  int64_t id = 1;
  const char* texts[] = {"The coalition has left Iraq.", "Troops number 2,500.",
                         "The deadline is September 2026."};
  for (int k = 0; k < 3; ++k) {
    const std::string p = "p" + std::to_string(k);
    claims.push_back(TextClaim(id++, "A", p, kYes, texts[k]));
    claims.push_back(TextClaim(id++, "A2", p, kYes, texts[k]));
    claims.push_back(TextClaim(id++, "B", p, kNo, std::string("It is not true that ") + texts[k]));
    claims.push_back(TextClaim(id++, "B2", p, kNo, std::string("Nobody believes ") + texts[k]));
  }
  claims.push_back(TextClaim(id++, "B", "q", kYes,
                             "Officials said the base at Ain al-Asad was handed over on Sunday."));
  claims.push_back(TextClaim(id++, "A", "q", kNo, "No base was handed over."));
  TextReliabilityOptions options;
  const TextReliabilityResult blind = ScoreTextReliability(claims, {}, options);
  CHECK(Find(blind.sources, "A").reliability ==
        Approx(Find(blind.sources, "B").reliability).margin(0.1));

  options.verdicts = {
      {"the coalition has LEFT iraq", true, "", "", "v.csv", 2},               // whole text
      {"p1", true, "", "", "v.csv", 3},                                        // proposition
      {"the base at Ain al-Asad was handed over", false, "", "", "v.csv", 4},  // contained
      {"Troops number 2500", true, "", "", "v.csv", 5},                        // agrees with line 3
      {"A claim nobody made", true, "", "", "v.csv", 6},                       // unknown
      {"p2", true, "", "", "v.csv", 7},
      {"p2", false, "", "", "v.csv", 8},  // contradicts line 7
  };
  Diagnostics seen;
  int matched_seen = -1;
  options.on_verdicts = [&](const Diagnostics& d, int matched, int) {
    seen = d;
    matched_seen = matched;
  };
  const TextReliabilityResult r = ScoreTextReliability(claims, {}, options);
  const auto [matched, known] = MatchVerifier(claims, options.verdicts);
  CHECK(r.verdicts_matched == matched);
  CHECK(r.verdicts_matched == 6);
  CHECK(r.objects_known == known);
  CHECK(r.objects_known == 3);  // p0, p1, q; p2 is contradictory
  CHECK(matched_seen == 6);
  REQUIRE(r.verdict_diagnostics.size() == 2);
  CHECK(seen.size() == 2);
  bool unknown = false, contradictory = false;
  for (const Diagnostic& d : r.verdict_diagnostics) {
    CHECK(d.file == "v.csv");
    if (d.line == 6) unknown = d.message.find("matches no claim") != std::string::npos;
    if (d.line == 8) contradictory = d.message.find("v.csv:7") != std::string::npos;
  }
  CHECK(unknown);
  CHECK(contradictory);
  const ReliabilityScore& a = Find(r.sources, "A");
  const ReliabilityScore& b = Find(r.sources, "B");
  CHECK(a.verdicts == 3);  // p0, p1, q
  CHECK(b.verdicts == 3);
  CHECK(a.reliability > 0.6);
  CHECK(b.reliability < 0.4);
  CHECK(a.low < a.reliability);
  CHECK(a.reliability < a.high);
  // The propositions with verdicts end on the verdict's side.
  for (const PropositionVerdict& v : r.propositions)
    if (v.proposition == "p0" || v.proposition == "p1") CHECK(v.polarity == kYes);
  for (const PropositionVerdict& v : r.propositions)
    if (v.proposition == "q") CHECK(v.polarity == kNo);
  for (const ReliabilityScore& s : r.sources) {
    CHECK(std::isfinite(s.reliability));
    CHECK(std::isfinite(s.low));
    CHECK(std::isfinite(s.high));
  }
}

TEST_CASE("Text reliability: verdict matching agrees with its verifier on random claims",
          "[engine][truth][verdicts]") {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"troops", "left",      "iraq", "base", "2500",
                                          "not",    "coalition", "said", "the",  "deadline"};
  for (int round = 0; round < 20; ++round) {
    std::vector<Claim> claims;
    for (int i = 0; i < 40; ++i) {
      std::string text;
      const int n = 3 + static_cast<int>(rng() % 8);
      for (int k = 0; k < n; ++k) text += (k ? " " : "") + words[rng() % words.size()];
      Claim c = TextClaim(i + 1, "S" + std::to_string(rng() % 5),
                          rng() % 3 ? "p" + std::to_string(rng() % 6) : "", rng() % 2 ? kYes : kNo,
                          text + ".");
      if (rng() % 5 == 0) c.modality = Modality::kDenial;
      claims.push_back(c);
    }
    std::vector<TextVerdict> verdicts;
    for (int v = 0; v < 12; ++v) {
      TextVerdict t;
      t.holds = rng() % 2;
      t.line = v + 2;
      if (v % 4 == 0) {
        t.key = "p" + std::to_string(rng() % 8);
      } else {
        const Claim& c = claims[rng() % claims.size()];
        std::vector<std::string> cw;
        for (size_t a = 0, b; a < c.text.size(); a = b + 1) {
          b = c.text.find_first_of(" .", a);
          if (b == std::string::npos) b = c.text.size();
          if (b > a) cw.push_back(c.text.substr(a, b - a));
        }
        const size_t from = rng() % 2 ? 0 : rng() % cw.size();
        for (size_t k = from; k < cw.size(); ++k) t.key += (k > from ? " " : "") + cw[k];
        if (v % 4 == 3) t.key = "Bogus " + t.key;
      }
      verdicts.push_back(t);
    }
    TextReliabilityOptions options;
    options.method = "voting";
    options.windows = false;
    options.verdicts = verdicts;
    const TextReliabilityResult r = ScoreTextReliability(claims, {}, options);
    const auto [matched, known] = MatchVerifier(claims, verdicts);
    INFO("round " << round);
    CHECK(r.verdicts_matched == matched);
    CHECK(r.objects_known == known);
    for (const ReliabilityScore& s : r.sources) CHECK(std::isfinite(s.reliability));
  }
}

TEST_CASE("Text reliability: windows by year, reported claims, bad input", "[engine][truth]") {
  std::vector<Claim> claims = ThreeOutlets();
  claims.push_back(MakeClaim(100, "A", "new claim", kYes, "2026-03-01"));
  claims.push_back(MakeClaim(101, "B", "new claim", kNo, "2026-03-02", "Spokesman"));
  claims.push_back(MakeClaim(102, "C", "", kYes, ""));  // own object, no date
  TextReliabilityOptions options;
  options.bootstrap_samples = 0;
  const TextReliabilityResult r =
      ScoreTextReliability(claims, {{1, 999, Relation::kAgree, 1, {}}}, options);
  const ReliabilityScore& a = Find(r.sources, "A");
  REQUIRE(a.windows.size() == 2);
  CHECK(a.windows[0].window == "2025");
  CHECK(a.windows[0].claims == 3);
  CHECK(a.windows[1].window == "2026");
  CHECK(Find(r.sources, "C").claims == 4);
  CHECK(Find(r.speakers, "Spokesman").claims == 1);
  bool noted = false;
  for (const std::string& n : r.notes)
    noted = noted || n.find("unknown claims") != std::string::npos;
  CHECK(noted);

  options.method = "no-such";
  CHECK_THROWS_AS(ScoreTextReliability(claims, {}, options), std::invalid_argument);
  options.method = "truthfinder";
  const TextReliabilityResult empty = ScoreTextReliability({}, {}, options);
  CHECK(empty.sources.empty());
}

}  // namespace
}  // namespace claimgraph::engine::truth
