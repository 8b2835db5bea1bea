#include "engine/link/relation_classifier.h"

#include <catch2/catch.hpp>

#include "engine/link/candidate_index.h"
#include "engine/link/linker.h"
#include "engine/link/minhash.h"
#include "engine/text/quantity.h"
#include "engine/text/tokenizer.h"
#include "io/wordnet_loader.h"

using namespace claimgraph::engine;

namespace {

Claim MakeClaim(int64_t id, const std::string& text, const std::string& date,
                Polarity polarity = Polarity::kAffirmed, Modality modality = Modality::kAsserted) {
  Claim c;
  c.id = id;
  c.document = id;
  c.text = text;
  c.date = date;
  c.polarity = polarity;
  c.modality = modality;
  return c;
}

std::optional<ClaimLink> Classify(const Claim& a, const Claim& b) {
  const auto ta = ComputeClaimTerms(a), tb = ComputeClaimTerms(b);
  // Similarity as the candidate stage would compute it for just these two (plus filler claims so
  // that idf is meaningful).
  std::vector<std::vector<std::string>> terms = {ta.stems, tb.stems};
  for (int i = 0; i < 20; ++i)
    terms.push_back({"filler" + std::to_string(i), "other" + std::to_string(i)});
  CandidateOptions opts;
  opts.min_shared_terms = 1;
  const auto pairs = FindCandidatePairs(terms, opts);
  const double sim = pairs.empty() ? 0 : pairs.front().similarity;
  return ClassifyPair(a, ta, b, tb, sim, RelationOptions{});
}

}  // namespace

TEST_CASE("Relation classifier: contradiction cues, updates and agreement", "[engine][link]") {
  struct Case {
    Claim a, b;
    std::optional<Relation> expected;
    const char* reason;  // a substring of one of the reasons
  };
  const Case cases[] = {
      {MakeClaim(1, "US troops have left Iraq", "2022-01-10"),
       MakeClaim(2, "US troops have not left Iraq", "2022-01-16", Polarity::kNegated),
       Relation::kContradict, "negation"},
      {MakeClaim(1, "US forces have withdrawn from Iraq", "2025-11-17"),
       MakeClaim(2, "US forces will stay in Iraq", "2025-11-20"), Relation::kContradict,
       "leave vs stay"},
      // The same flip two years apart is an update, not a contradiction.
      {MakeClaim(1, "US troops have left Iraq", "2022-01-10"),
       MakeClaim(2, "US troops have not left Iraq", "2024-09-08", Polarity::kNegated),
       Relation::kUpdate, "different times"},
      // Opposite words under opposite polarity agree ("did not leave" = "stayed").
      {MakeClaim(1, "American forces did not leave the Harir base", "2022-01-10",
                 Polarity::kNegated),
       MakeClaim(2, "American forces stayed at the Harir base", "2022-01-12"), std::nullopt,
       nullptr},
      {MakeClaim(1, "The bridge will reopen to traffic on March 3", "2026-02-01"),
       MakeClaim(2, "The bridge will reopen to traffic on March 3, officials confirmed",
                 "2026-02-02"),
       Relation::kAgree, "shared content"},
      {MakeClaim(1, "Officials denied that the cable had snapped", "2026-02-01",
                 Polarity::kAffirmed, Modality::kDenial),
       MakeClaim(2, "The cable had snapped during the storm", "2026-02-01"), Relation::kContradict,
       "denial"},
      {MakeClaim(1, "The bank rate rose sharply", "2026-01-01"),
       MakeClaim(2, "Weather in Oslo was mild", "2026-01-01"), std::nullopt, nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.a.text << " || " << c.b.text);
    const auto link = Classify(c.a, c.b);
    if (!c.expected) {
      if (link) CHECK(link->relation != Relation::kContradict);
      continue;
    }
    REQUIRE(link.has_value());
    CHECK(link->relation == *c.expected);
    bool found = false;
    for (const auto& r : link->reasons) found |= r.find(c.reason) != std::string::npos;
    CHECK(found);
    CHECK(link->score > 0);
    CHECK(link->score <= 1);
  }
}

TEST_CASE("Relation classifier: what a claim does not assert is not contradicted",
          "[engine][link]") {
  struct Case {
    Claim a, b;
    bool contradict;
  };
  const Case cases[] = {
      // To leave troops somewhere is to keep them there.
      {MakeClaim(1, "Washington intends to leave 3,000 troops in Syria", "2023-05-01"),
       MakeClaim(2, "American troops have not left Syria", "2023-05-09", Polarity::kNegated),
       false},
      {MakeClaim(1, "Washington intends to leave Syria by May", "2023-05-01"),
       MakeClaim(2, "American troops have not left Syria", "2023-05-09", Polarity::kNegated), true},
      // What an if-clause says is not asserted.
      {MakeClaim(1, "If the tunnel is not open by winter, the ferry company will fold",
                 "2026-01-10"),
       MakeClaim(2, "The tunnel will be open by winter, the operator said", "2026-01-11"), false},
      {MakeClaim(1, "The tunnel will not be open by winter", "2026-01-10", Polarity::kNegated),
       MakeClaim(2, "The tunnel will be open by winter, the operator said", "2026-01-11"), true},
      // A count is negated, not what it counts: "not two pumps" against other twos.
      {MakeClaim(1, "This is not two pumps", "2026-02-01", Polarity::kNegated),
       MakeClaim(2, "only two pumps were damaged at the plant", "2026-02-01"), true},
      {MakeClaim(1, "This is not two pumps", "2026-02-01", Polarity::kNegated),
       MakeClaim(2, "the first two replacement pumps were installed at the plant", "2026-02-01"),
       false},
      {MakeClaim(1, "This is not two pumps", "2026-02-01", Polarity::kNegated),
       MakeClaim(2, "two of the plant's six pumps restarted", "2026-02-01"), true},
      // "no further lanes": what is added is negated.
      {MakeClaim(1, "no further gates would open before the repairs were finished", "2026-02-01",
                 Polarity::kNegated),
       MakeClaim(2, "Two gates opened at the dam before the repairs were finished", "2026-02-01"),
       false},
      // A denial of something named elsewhere ("that account") has no content to compare.
      {MakeClaim(1, "The builder, which poured the concrete in 2011, rejected that account",
                 "2026-03-01", Polarity::kAffirmed, Modality::kDenial),
       MakeClaim(2, "The concrete was poured in 2011 by the builder", "2026-03-01"), false},
      // A presence that ends is a departure; staying until the end of something is not.
      {MakeClaim(1, "The remaining presence at the northern base is due to end by May 2027",
                 "2026-03-01"),
       MakeClaim(2, "The withdrawal from the northern base is due to be completed by May 2027",
                 "2026-03-02"),
       false},
      {MakeClaim(1, "The troops will remain at the northern base until the end of May 2027",
                 "2026-03-01"),
       MakeClaim(2, "The withdrawal from the northern base is due to be completed by May 2027",
                 "2026-03-02"),
       true},
      // Two reports of the same refusal agree.
      {MakeClaim(1, "The minister refused to let Basra link the two budgets", "2026-03-01"),
       MakeClaim(2, "The minister said the two budgets are not linked", "2026-03-02",
                 Polarity::kNegated),
       false},
  };
  for (const Case& c : cases) {
    INFO(c.a.text << " || " << c.b.text);
    const auto link = Classify(c.a, c.b);
    const bool contradict = link && link->relation == Relation::kContradict;
    if (link) INFO(link->reasons.front());
    CHECK(contradict == c.contradict);
  }
}

TEST_CASE("Relation classifier: a count of part of something is not a count of the whole",
          "[engine][link]") {
  Claim whole = MakeClaim(1, "The dam carries six gates across the river", "2026-03-01");
  whole.quantities.push_back({6, 6, "gates", "six gates"});
  Claim part = MakeClaim(2, "The other four gates remain closed across the river", "2026-03-02");
  part.quantities.push_back({4, 4, "gates", "four gates"});
  auto link = Classify(whole, part);
  CHECK(!(link && link->relation == Relation::kContradict));
  // Part against part: "two of the six gates" against "three of the six gates" differ, even
  // though the wholes agree; a whole that equals the other's part agrees.
  Claim two = MakeClaim(4, "Two of the dam's six gates will open on May 1", "2026-03-02");
  two.quantities = FindQuantities(two.text);
  Claim three = MakeClaim(5, "Three of the dam's six gates will open on May 1", "2026-03-03");
  three.quantities = FindQuantities(three.text);
  link = Classify(two, three);
  REQUIRE(link);
  CHECK(link->relation == Relation::kContradict);
  Claim plain = MakeClaim(6, "From May 1, three gates of the dam will open", "2026-03-03");
  plain.quantities = FindQuantities(plain.text);
  link = Classify(three, plain);
  CHECK(!(link && link->relation == Relation::kContradict));
  Claim other = MakeClaim(3, "The dam carries four gates across the river", "2026-03-02");
  other.quantities.push_back({4, 4, "gates", "four gates"});
  link = Classify(whole, other);
  REQUIRE(link);
  CHECK(link->relation == Relation::kContradict);
}

TEST_CASE("Relation classifier: numeric mismatch and resolved forecasts", "[engine][link]") {
  Claim a = MakeClaim(1, "The US keeps 2,500 troops in Iraq", "2021-12-11");
  a.quantities.push_back({2500, 2500, "troops", "2,500 troops"});
  Claim b = MakeClaim(2, "The US keeps five soldiers in Iraq", "2021-12-20");
  b.quantities.push_back({5, 5, "soldiers", "five soldiers"});
  auto link = Classify(a, b);
  REQUIRE(link);
  CHECK(link->relation == Relation::kContradict);
  CHECK(link->reasons.front().find("numbers differ") != std::string::npos);

  // The same counts four years apart: an update.
  b.date = "2025-11-17";
  link = Classify(a, b);
  REQUIRE(link);
  CHECK(link->relation == Relation::kUpdate);

  // A forecast whose deadline passed before a contradicting claim is a resolved forecast.
  Claim f = MakeClaim(3, "The bridge will reopen by March 2026", "2026-01-05", Polarity::kAffirmed,
                      Modality::kForecast);
  f.about.push_back({"2026-03-01", "2026-03-31", "by March 2026"});
  Claim g =
      MakeClaim(4, "The bridge will not reopen by March 2026", "2026-04-02", Polarity::kNegated);
  g.about.push_back({"2026-03-01", "2026-03-31", "by March 2026"});
  link = Classify(f, g);
  REQUIRE(link);
  CHECK(link->relation == Relation::kUpdate);
  CHECK(link->reasons.front().find("resolved forecast") != std::string::npos);
}

TEST_CASE("Relation classifier: only asserted counts are compared", "[engine][link]") {
  struct Case {
    const char* a;
    Polarity pa;
    Modality ma;
    const char* b;
    Polarity pb;
    bool contradict;
  };
  const Polarity kAff = Polarity::kAffirmed, kNeg = Polarity::kNegated;
  const Modality kAsserted = Modality::kAsserted;
  const Case cases[] = {
      // asserted counts that differ
      {"only two pumps were affected at the plant", kAff, kAsserted,
       "testing revealed damage to 11 pumps at the plant", kAff, true},
      {"two gates, not three as the mayor had said, were now open at the dam", kNeg, kAsserted,
       "From Monday three gates will be open at the dam", kAff, true},
      // a negated count says nothing about other counts
      {"This is not two pumps at the plant", kNeg, kAsserted,
       "testing revealed damage to 11 pumps at the plant", kAff, false},
      // nor do the counts of a claim whose predicate is negated
      {"All six gates at the dam would not be back in use before October", kNeg, kAsserted,
       "Two gates at the dam opened at 6 a.m. to boats", kAff, false},
      // "called the figure unacceptable" reports the rejection that "rejected the figure" makes
      {"He rejected the figure of 300 advisers at the base", kAff, Modality::kDenial,
       "The minister called the figure of 300 advisers at the base unacceptable", kAff, false},
  };
  int id = 0;
  for (const Case& c : cases) {
    INFO(c.a << " || " << c.b);
    Claim a = MakeClaim(++id, c.a, "2026-02-01", c.pa, c.ma);
    a.quantities = FindQuantities(a.text);
    Claim b = MakeClaim(++id, c.b, "2026-02-02", c.pb);
    b.quantities = FindQuantities(b.text);
    const auto link = Classify(a, b);
    const bool contradict = link && link->relation == Relation::kContradict;
    if (link && !link->reasons.empty()) INFO(link->reasons.front());
    CHECK(contradict == c.contradict);
  }
}

TEST_CASE("Relation classifier: negated judgements of fact and shared deadlines",
          "[engine][link]") {
  // "X was not realistic" negates X (the reopening), not the times it names; the closing that
  // the same claim affirms stands against the other claim's reopening.
  const Claim varga = MakeClaim(
      1, "a mid-May reopening of the tunnel was not realistic and the tunnel would stay closed",
      "2026-03-19", Polarity::kNegated, Modality::kForecast);
  const Claim marsh =
      MakeClaim(2, "the operator expected to reopen the tunnel by mid-May if the works went well",
                "2026-03-04", Polarity::kAffirmed, Modality::kForecast);
  auto link = Classify(varga, marsh);
  REQUIRE(link);
  CHECK(link->relation == Relation::kContradict);
  CHECK(link->reasons.front().find("'open' negated") != std::string::npos);
  const Claim review =
      MakeClaim(3, "the mid-May date for the tunnel was under review", "2026-03-20");
  link = Classify(varga, review);
  CHECK(!(link && link->relation == Relation::kContradict));

  // A negated predicate against an affirmed one about the same stated time needs less shared
  // content than one without it.
  Claim stays = MakeClaim(4,
                          "The company will not leave the harbour by June 2027 and will find a "
                          "new name for its lease of the docks, the unions said",
                          "2026-01-10", Polarity::kNegated, Modality::kForecast);
  Claim goes =
      MakeClaim(5, "Under the agreed timetable the withdrawal is due to be done by June 2027",
                "2026-01-12", Polarity::kAffirmed, Modality::kForecast);
  const double similarity = 0.17;  // above link_min_similarity, below negation_min_similarity
  const RelationOptions options;
  REQUIRE(similarity < options.negation_min_similarity);
  auto classify = [&] {
    return ClassifyPair(stays, ComputeClaimTerms(stays), goes, ComputeClaimTerms(goes), similarity,
                        options);
  };
  CHECK_FALSE(classify().has_value());
  stays.about.push_back({"2027-06-01", "2027-06-30", "by June 2027"});
  goes.about.push_back({"2027-06-01", "2027-06-30", "by June 2027"});
  link = classify();
  REQUIRE(link);
  CHECK(link->relation == Relation::kContradict);
}

TEST_CASE("Linker: amounts of one kind make claims candidates", "[engine][link]") {
  // Estimates of one repair bill share few words; the currency of their amounts is what brings
  // them together. The proposition check then compares amounts only for one measure: "the bill
  // at £38 million" against "the bill at £12 million" is a contradiction; against "a £12 million
  // job" the measures are not seen to be one (no noun senses yet), so no contradiction is shown.
  std::vector<Claim> claims;
  auto add = [&](const std::string& text) {
    Claim c = MakeClaim(static_cast<int64_t>(claims.size()) + 1, text, "2026-03-10");
    c.quantities = FindQuantities(text);
    claims.push_back(std::move(c));
  };
  // (A named estimator: an unresolved "She" would leave the subject unknown, and a pronoun
  // subject never carries a contradiction.)
  add("Lucy Hale put the likely bill at £38 million, the council said.");
  add("A proper repair is a £12 million job, and the council knows it.");
  add("The council put the bill at £12 million.");
  for (int i = 0; i < 30; ++i)
    add("The council discussed agenda item " + std::to_string(i) + " about parking permit zone" +
        std::string(1, static_cast<char>('a' + i % 26)) + " tonight.");
  for (int i = 0; i < 5; ++i)
    add("Turnout reached " + std::to_string(i + 2) + " million voters in district" +
        std::string(1, static_cast<char>('a' + i)) + ".");
  // As `claimgraph run` links: with WordNet, whose predicates give the claims' proposition keys.
  LinkOptions options;
  const claimgraph::engine::WordNet& wn = claimgraph::io::SharedWordNet();
  if (!wn.empty()) options.relation.wordnet = &wn;
  const LinkResult result = LinkClaims({}, &claims, options);
  bool same_measure = false, other_measure = false;
  for (const ClaimLink& l : result.links) {
    if (l.a == 1 && l.b == 3 && l.relation == Relation::kContradict) same_measure = true;
    if (l.a == 1 && l.b == 2 && l.relation == Relation::kContradict) other_measure = true;
  }
  CHECK(same_measure);
  CHECK_FALSE(other_measure);
}

TEST_CASE("DaysBetween reads ISO dates and partial dates", "[engine][link]") {
  CHECK(DaysBetween("2021-12-11", "2022-01-16") == 36);
  CHECK(DaysBetween("2024-03-01", "2024-02-28") == -2);
  CHECK(DaysBetween("2025", "2026") == 365);
  CHECK_FALSE(DaysBetween("soon", "2026-01-01").has_value());
}

TEST_CASE("Candidate index finds related claims without all pairs", "[engine][link]") {
  std::vector<std::vector<std::string>> terms;
  // 300 claims in 100 topics of three: each topic's claims share two rare terms.
  for (int t = 0; t < 100; ++t)
    for (int k = 0; k < 3; ++k)
      terms.push_back({"topic" + std::to_string(t), "event" + std::to_string(t),
                       "word" + std::to_string(t * 3 + k), "common"});
  CandidateOptions opts;
  opts.max_df = 10;
  const auto pairs = FindCandidatePairs(terms, opts);
  CHECK(pairs.size() == 300);  // three pairs per topic, none across topics
  for (const auto& p : pairs) CHECK(p.a / 3 == p.b / 3);
}

TEST_CASE("MinHash finds near-duplicates and separates different texts", "[engine][link]") {
  MinHashOptions opts;
  const std::string base =
      "The harbour bridge will stay closed for at least six weeks while engineers replace two "
      "cracked suspension cables, the city transport office said on Monday evening.";
  const auto a = ComputeMinHash(TokenStrings(base), opts);
  const auto b = ComputeMinHash(TokenStrings(base + " Share this story."), opts);
  const auto c = ComputeMinHash(
      TokenStrings("Parliament passed the budget after a long night of debate on tax."), opts);
  CHECK(EstimateResemblance(a, b) > 0.7);
  CHECK(EstimateResemblance(a, c) < 0.2);
  const auto pairs = FindSimilar({a, c, b}, opts, 0.6);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].a == 0);
  CHECK(pairs[0].b == 2);
}

TEST_CASE("Relation: the proposition check withholds contradictions on unaligned parts",
          "[engine][link]") {
  // Seed and sample sentences. The cue rules see "leave" negated in one and "exit" affirmed in
  // the other; the check asks whether the claims are about the same subject.
  RelationOptions options;
  const claimgraph::engine::WordNet& wn = claimgraph::io::SharedWordNet();
  if (!wn.empty()) options.wordnet = &wn;
  auto classify = [&](const Claim& a, const Claim& b) {
    return ClassifyPair(a, ComputeClaimTerms(a), b, ComputeClaimTerms(b), 0.5, options);
  };
  const Claim not_left = MakeClaim(1, "US forces have not left Iraq.", "2025-11-17",
                                   Polarity::kNegated);
  SECTION("different subjects: withheld") {
    const Claim specialists = MakeClaim(
        2, "Specialists in the security affair and political analysts in Iraq are counting that "
           "the news about timetables for exit of the American forces from the country is a "
           "sedative.",
        "2025-11-10");
    const auto link = classify(specialists, not_left);
    CHECK((!link || link->relation != Relation::kContradict));
  }
  SECTION("the same subject through an alias: kept, with the aligned parts as reasons") {
    const Claim started = MakeClaim(
        3, "American forces deployed in Iraq have started the process of exit of the big air base "
           "of Ain al Asad.",
        "2025-11-10");
    const auto link = classify(started, not_left);
    REQUIRE(link);
    CHECK(link->relation == Relation::kContradict);
  }
  SECTION("a fragment asserts nothing: withheld") {
    const Claim fragment = MakeClaim(4, "5 million troops left.", "2025-11-10");
    const auto link = classify(fragment, not_left);
    CHECK((!link || link->relation != Relation::kContradict));
  }
}
