#include "engine/extract/claim_features.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/extract/lexer.h"

using namespace claimgraph::engine;

TEST_CASE("Polarity follows the negation of the main predicate", "[engine][extract][polarity]") {
  struct Case {
    const char* text;
    Polarity polarity;
  };
  const Case cases[] = {
      {"this is not a withdrawal, it is a shift toward partnership", Polarity::kNegated},
      {"US troops had not left", Polarity::kNegated},
      {"But we will not leave, and this may provoke a response", Polarity::kNegated},
      {"statements appear for local consumption, so there is no withdrawal", Polarity::kNegated},
      {"the United States had no real plan for a military withdrawal", Polarity::kNegated},
      {"I do not anticipate a withdrawal of American forces", Polarity::kNegated},
      {"it cannot be accepted that the case is closed", Polarity::kNegated},
      {"they have never been entirely favourable", Polarity::kNegated},
      {"the announcement was unrealistic and that US troops had not left", Polarity::kNegated},
      {"The troops didn't leave the base", Polarity::kNegated},
      {"No foreign soldier remains in the city", Polarity::kNegated},
      // Negation outside the main predicate.
      {"We've pulled out of bases we didn't need", Polarity::kAffirmed},
      {"He threatened a response if the forces did not back down", Polarity::kAffirmed},
      {"the government, which does not want to be frank, announced a plan", Polarity::kAffirmed},
      {"This process is carried out under a formal agreement, not as a unilateral measure",
       Polarity::kAffirmed},
      {"The withdrawal of coalition forces is in its final stages", Polarity::kAffirmed},
      {"These leaks are painkillers and not only a cure", Polarity::kAffirmed},
      {"a non-combat role will continue", Polarity::kAffirmed},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    const auto lex = Lex(text, 0, text.size());
    CHECK(ComputePolarity(lex, 0, lex.size()) == c.polarity);
  }
}

TEST_CASE("Modality: question, denial, hedge, forecast, reported, asserted",
          "[engine][extract][modality]") {
  struct Case {
    const char* text;
    bool reported;
    const char* verb;
    bool future_time;
    bool deadline;
    Modality modality;
  };
  const Case cases[] = {
      {"Will the troops leave?", false, "", false, false, Modality::kQuestion},
      {"the report about the pullout", true, "denied", false, false, Modality::kDenial},
      {"Baghdad's wish to link the withdrawal to disarmament", true, "rejected", false, false,
       Modality::kDenial},
      {"this may provoke a response", true, "said", false, false, Modality::kHedged},
      {"the militia reportedly fired rockets", false, "", false, false, Modality::kHedged},
      {"the troops will leave", false, "", false, false, Modality::kForecast},
      {"the withdrawal would be complete", false, "", false, true, Modality::kForecast},
      {"the ministry plans to close the base", false, "", false, false, Modality::kForecast},
      {"the forces leave in the autumn", false, "", true, false, Modality::kForecast},
      {"all forces are now in the north", true, "said", false, false, Modality::kReported},
      {"all forces are now in the north", false, "", false, false, Modality::kAsserted},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    const auto lex = Lex(text, 0, text.size());
    ModalityInput in;
    in.lex = &lex;
    in.begin = 0;
    in.end = lex.size();
    in.reported = c.reported;
    in.reporting_verb = c.verb;
    in.future_time = c.future_time;
    in.deadline = c.deadline;
    CHECK(ComputeModality(in) == c.modality);
  }
}

TEST_CASE("Lex normalises quotes, dashes and possessives", "[engine][extract][lexer]") {
  const std::string text = "Iraq’s “U.S.” forces – 2,500 al-Asad";
  const auto lex = Lex(text, 0, text.size());
  REQUIRE(lex.size() == 8);
  CHECK(lex[0].folded == "iraq");
  CHECK(lex[0].possessive);
  CHECK(lex[1].folded == "\"");
  CHECK(lex[2].folded == "u.s.");
  CHECK(lex[3].folded == "\"");
  CHECK(lex[5].folded == "-");
  CHECK(lex[6].kind == Lexeme::kNumber);
  CHECK(lex[6].folded == "2500");
}
