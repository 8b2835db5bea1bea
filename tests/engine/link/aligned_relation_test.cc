// Relations from aligned propositions (issue 10, §1-§3): each error kind the readers found on real
// news, with real sentences from PolNeAR's train and dev articles
// (../shared/data/attribution/polnear; short quotes, paired here as the link stage would meet
// them), and the proposition fields, keys and candidates the link stage derives from claims.
#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <optional>
#include <string>

#include "engine/link/candidate_index.h"
#include "engine/link/linker.h"
#include "engine/link/relation_classifier.h"
#include "engine/proposition/proposition.h"
#include "engine/text/quantity.h"
#include "engine/text/tokenizer.h"
#include "io/wordnet_loader.h"

using namespace claimgraph::engine;

namespace {

const WordNet* Wn() {
  const WordNet& wn = claimgraph::io::SharedWordNet();
  return wn.empty() ? nullptr : &wn;
}

// A claim as the extractor leaves it without a parse: text, date, quantities, polarity from a
// negator anywhere in the sentence (the surface cue the old link stage fired on).
Claim Sentence(int64_t id, const std::string& text, const std::string& date = "2016-10-03",
               const std::string& source = "") {
  Claim c;
  c.id = id;
  c.document = id;
  c.source = source.empty() ? "Outlet " + std::to_string(id) : source;
  c.text = text;
  c.date = date;
  c.quantities = FindQuantities(text);
  for (const auto& w : TokenStrings(text))
    if (w == "not" || w == "no" || w == "never" || w.ends_with("n't"))
      c.polarity = Polarity::kNegated;
  return c;
}

// The pair as the link stage judges it: proposition fields filled, similarity from the candidate
// index over the two claims' terms (with filler claims, so that idf means something).
std::optional<ClaimLink> Judge(Claim a, Claim b) {
  RelationOptions options;
  options.wordnet = Wn();
  FillPropositionFields(&a, options.wordnet);
  FillPropositionFields(&b, options.wordnet);
  ClaimTerms ta = ComputeClaimTerms(a), tb = ComputeClaimTerms(b);
  std::vector<std::vector<std::string>> terms = {ta.stems, tb.stems};
  for (int i = 0; i < 20; ++i)
    terms.push_back({"filler" + std::to_string(i), "other" + std::to_string(i)});
  CandidateOptions copts;
  copts.min_shared_terms = 1;
  copts.min_similarity = 0.01;
  const auto pairs = FindCandidatePairs(terms, copts);
  const double similarity = pairs.empty() ? 0 : pairs.front().similarity;
  return ClassifyPair(a, ta, b, tb, similarity, options);
}

bool Contradicts(const std::optional<ClaimLink>& l) {
  return l && l->relation == Relation::kContradict;
}
bool Agrees(const std::optional<ClaimLink>& l) { return l && l->relation == Relation::kAgree; }

bool HasReason(const ClaimLink& l, const std::string& part) {
  for (const auto& r : l.reasons)
    if (r.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Proposition fields: filled from the sentence, described in one line",
          "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  Claim c = Sentence(1, "In reality, American troops have not left Iraq.");
  FillPropositionFields(&c, Wn());
  CHECK(c.predicate == "leave");
  CHECK(c.predicate_class == "withdraw");
  CHECK(c.negation == "not");
  CHECK(c.negation_scope == "leave");
  CHECK(c.object == "Iraq");
  const std::string line = DescribeProposition(c);
  CHECK(line.find("NOT leave [withdraw]") != std::string::npos);

  // Quantities get their measure and the approximation they are stated with.
  Claim money = Sentence(2,
                         "Bush drew $103 million to his super PAC during the first half of the "
                         "year, but he has attracted far less money -- roughly $25 million over "
                         "a six-month period -- to his campaign.");
  FillPropositionFields(&money, Wn());
  CHECK(FoldCase(money.subject) == "bush");
  auto figure = [&](const std::string& text) -> const Quantity& {
    for (const Quantity& q : money.quantities)
      if (q.text.find(text) != std::string::npos) return q;
    FAIL("no quantity " << text);
    return money.quantities.front();
  };
  CHECK(figure("103").approximation.empty());
  CHECK(figure("25").approximation == "about");
  Claim share = Sentence(4, "Trump holds only 14 percent of the Latino vote.");
  FillPropositionFields(&share, Wn());
  REQUIRE(share.quantities.size() == 1);
  CHECK(share.quantities[0].measure == "of the Latino vote");

  // The parse's fields, where the claim has them, are kept and read: "no" scoping over a noun
  // does not negate the predicate.
  Claim parsed = Sentence(3, "While there is no law requiring candidates to disclose their taxes");
  parsed.subject = "law";
  parsed.predicate = "be";
  parsed.negation = "no";
  parsed.negation_scope = "law";
  FillPropositionFields(&parsed, Wn());
  CHECK(parsed.predicate == "be");
  CHECK(DescribeProposition(parsed).find("NOT") == std::string::npos);
  CHECK_FALSE(BuildProposition(parsed, Wn()).negated);
}

TEST_CASE("Proposition keys: subject and predicate class, subject and measure, event",
          "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  Claim left = Sentence(1, "In reality, American troops have not left Iraq.");
  Claim exited = Sentence(2, "American troops exited Iraq in December.");
  FillPropositionFields(&left, Wn());
  FillPropositionFields(&exited, Wn());
  const auto ka = PropositionKeys(left), kb = PropositionKeys(exited);
  std::vector<std::string> shared;
  std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(shared));
  CHECK_FALSE(shared.empty());  // "leave" and "exit" are one class: withdraw
  Claim poll = Sentence(3,
                        "Priebus, in the wake of a new poll showing Trump's overall standing "
                        "with Latinos down to 14 percent, told Fox News on Sunday that Trump "
                        "appreciates the need to do better.");
  FillPropositionFields(&poll, Wn());
  // The subject's keys name it; a figure gives a subject-and-measure key.
  const auto kp = PropositionKeys(poll);
  CHECK(std::any_of(kp.begin(), kp.end(), [&](const std::string& k) {
    return k.rfind("sm:" + FoldCase(poll.subject) + "|percent", 0) == 0;
  }));
}

TEST_CASE("Candidates come from propositions; word overlap alone needs a high bar",
          "[engine][link][proposition]") {
  // Claims 0 and 1 share a key; 2 and 3 share only two common words.
  std::vector<std::vector<std::string>> terms = {
      {"key:sp:trump|pay", "trump", "tax", "zero"},
      {"key:sp:trump|pay", "trump", "tax", "loss"},
      {"key:sp:clinton|win", "clinton", "poll", "ohio", "lead"},
      {"key:sp:kasich|win", "kasich", "poll", "ohio", "governor"},
  };
  for (int i = 0; i < 20; ++i) terms.push_back({"filler" + std::to_string(i)});
  CandidateOptions options;
  options.min_shared_terms = 1;
  options.min_similarity = 0.1;
  options.fallback_min_similarity = 0.6;
  const auto keyed = FindCandidatePairs(terms, options);
  REQUIRE(keyed.size() == 1);
  CHECK(keyed[0].a == 0);
  CHECK(keyed[0].b == 1);
  // Without key terms the same options let the word overlap through.
  for (auto& t : terms)
    std::erase_if(t, [](const std::string& s) { return s.starts_with("key:"); });
  CHECK(FindCandidatePairs(terms, options).size() == 2);
}

TEST_CASE("Numbers are compared only for the same measure of the same subject",
          "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  SECTION("two amounts of different things: not a contradiction") {
    CHECK_FALSE(Contradicts(Judge(
        Sentence(1,
                 "On Sunday, Sanders announced that he had raised $20 million in January alone, "
                 "nearly all of it from small donors."),
        Sentence(2,
                 "In New Hampshire, more than $20 million of the roughly $27 million in TV and "
                 "radio advertising planned for December and January comes from groups "
                 "supporting individual candidates."))));
  }
  SECTION("one PAC's total against another candidate's cash: not a contradiction") {
    CHECK_FALSE(Contradicts(Judge(
        Sentence(1, "Bush drew $103 million to his super PAC during the first half of the year."),
        Sentence(2, "Cruz's campaign on Monday reported having almost $19 million in the bank."))));
  }
  SECTION("the same share for two measures of one person: not an agreement") {
    const auto link = Judge(
        Sentence(1,
                 "Priebus, in the wake of a new poll showing Trump's overall standing with "
                 "Latinos down to 14 percent, told Fox News that Trump appreciates the need to "
                 "do better."),
        Sentence(2,
                 "But Trump came in third place in the state's Republican caucuses this March, "
                 "earning only 14 percent of the vote."));
    CHECK_FALSE(Contradicts(link));
    CHECK_FALSE(Agrees(link));
  }
  SECTION("rounding and stated approximations agree") {
    const auto link = Judge(
        Sentence(1,
                 "The Times on Saturday wrote that Trump had claimed a loss of $916 million in "
                 "1995, which could have allowed him to avoid paying taxes for the next 18 years."),
        Sentence(2,
                 "Leaked documents from his 1995 tax return show Trump took a massive loss of "
                 "nearly $1 billion that he may have used to avoid paying federal taxes."));
    CHECK_FALSE(Contradicts(link));
  }
}

TEST_CASE("A shared word or name is not the same subject", "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  // Bill Clinton's rating against Hillary Clinton's; a candidate's ratings against TV ratings.
  CHECK_FALSE(Contradicts(Judge(
      Sentence(1,
               "Recent polling shows that Bill Clinton's favorability rating among working-class "
               "white Democrats is not higher than his rating among African-Americans."),
      Sentence(2,
               "A Washington Post/ABC poll showed Hillary Clinton with the lowest personal "
               "approval rating of her 25-year career."))));
  CHECK_FALSE(Contradicts(
      Judge(Sentence(1, "He can't credibly make fun of the NBC Nightly News ratings."),
            Sentence(2,
                     "Trump went to a meeting in Mexico City, sending his low approval ratings "
                     "plummeting further."))));
}

TEST_CASE("A negation counts only when it scopes over the aligned predicate",
          "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  // Both say Trump paid little or no tax; one contains "no".
  CHECK_FALSE(Contradicts(Judge(
      Sentence(1,
               "We would know exactly what loopholes in the tax code enable someone as wealthy "
               "as Mr. Trump claims to be to pay little or no federal tax."),
      Sentence(2,
               "Nearly $1 billion in Trump company losses in the mid-1990s may have enabled him "
               "to pay zero in federal income tax for 15-plus years."))));
  // "no law requiring candidates to disclose" against a claim that Trump disclosed: the "no"
  // governs the law, not the disclosing.
  Claim no_law =
      Sentence(1,
               "While there is no law requiring candidates to disclose their taxes, presidential "
               "contenders of both parties have released their returns.");
  no_law.subject = "law";
  no_law.predicate = "be";
  no_law.negation = "no";
  no_law.negation_scope = "law";
  CHECK_FALSE(Contradicts(
      Judge(no_law, Sentence(2,
                             "Presidential contenders of both parties have released their tax "
                             "returns to disclose their taxes."))));
  // A negation of the aligned predicate still contradicts (the seed's withdrawal).
  const auto link = Judge(Sentence(1, "US troops have left Iraq.", "2022-01-10"),
                          Sentence(2, "In reality, US troops have not left Iraq.", "2022-01-16"));
  REQUIRE(link);
  CHECK(link->relation == Relation::kContradict);
}

TEST_CASE("Fragments, page furniture and one article's paraphrases are not links",
          "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  // The tail of "$5 million" split at its point, linked to a whole sentence.
  CHECK_FALSE(Judge(Sentence(1,
                             "5million contributions to Sanders' campaign, surpassing President "
                             "Obama's previous record for individual contributions."),
                    Sentence(2,
                             "Sanders' campaign received 5 million contributions, surpassing "
                             "President Obama's record for individual contributions.")));
  // One outlet's repeated line in two of its pages is page furniture, not agreement.
  const std::string furniture = "Carly Fiorina: 'Bill Clinton's fair game' for attacks.";
  CHECK_FALSE(Agrees(Judge(Sentence(1, furniture, "2016-01-01", "Politico"),
                           Sentence(2, furniture, "2016-01-05", "Politico"))));
  // Two sentences of one article paraphrasing each other do not corroborate it.
  Claim a =
      Sentence(1, "Trump finished third behind John Kasich in Utah, getting just 14 percent.");
  Claim b = Sentence(2, "Trump came in third in Utah behind John Kasich, getting just 14 percent.");
  b.document = a.document;
  CHECK_FALSE(Agrees(Judge(a, b)));
  // ... while two outlets saying it agree, with the aligned parts named.
  b.document = 99;
  const auto link = Judge(a, b);
  REQUIRE(Agrees(link));
  CHECK((HasReason(*link, "same subject: trump") || HasReason(*link, "same subject: Trump")));
}

TEST_CASE("Same measure at different times is an update", "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  const auto link =
      Judge(Sentence(1, "Trump's standing with Latino voters fell to 14 percent in the ABC poll.",
                     "2016-03-01"),
            Sentence(2, "Trump's standing with Latino voters rose to 29 percent in the ABC poll.",
                     "2016-10-20"));
  REQUIRE(link);
  CHECK(link->relation == Relation::kUpdate);
}

TEST_CASE("Two reports of one figure of one holder agree across years (the seeds' 2,500 troops)",
          "[engine][link][proposition]") {
  if (!Wn()) {
    WARN("WordNet not installed; skipped");
    return;
  }
  // ../shared/seeds: The Cradle (2025) and Atalayar (2021); "US" and "Washington" are one holder.
  const auto link = Judge(
      Sentence(1,
               "Prior to the latest announcement by Muhammadawi, the US maintained a presence of "
               "about 2,500 troops in Iraq.",
               "2025-11-17"),
      Sentence(2,
               "This was also confirmed by Kenneth F. McKenzie, commander of the US Central "
               "Command in the Middle East, in an interview with the Associated Press, in which "
               "he said that Washington would keep 2,500 troops in the country.",
               "2021-12-11"));
  REQUIRE(Agrees(link));
  CHECK(HasReason(*link, "same measure"));
  // The same figure of a different holder is no agreement.
  CHECK_FALSE(Agrees(Judge(
      Sentence(1, "Bush drew $19 million to his super PAC during the first half of the year."),
      Sentence(2, "Cruz's campaign on Monday reported having almost $19 million in the bank."))));
}
