#include "engine/nlp/ptb_tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace claimgraph::engine::nlp;

namespace {

// Forms joined by spaces; sentences separated by " | ".
std::string Forms(const AnnotatedDocument& doc) {
  std::string out;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (s > 0) out += " |";
    const Sentence& sentence = doc.sentences[s];
    for (size_t i = sentence.first; i < sentence.first + sentence.count; ++i) {
      if (!out.empty()) out += " ";
      out += doc.tokens[i].form;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("TokenizeDocument splits news text as CoreNLP's PTB tokenizer does",
          "[engine][nlp][tokenizer]") {
  struct Case {
    const char* text;
    const char* forms;
  };
  // Sentences in the style of the PolNeAR articles (US political news, 2015-16).
  const std::vector<Case> cases = {
      {"And if you don’t like it, what’re you gonna do about it—tell us to go to hell?",
       "And if you do n't like it , what 're you gon na do about it -- tell us to go to hell ?"},
      {"Jeb! was better than in previous outings.", "Jeb ! was better than in previous outings ."},
      {"“The clear winner of Tuesday night’s GOP debate was the Fox Business Network.”",
       "`` The clear winner of Tuesday night 's GOP debate was the Fox Business Network . ''"},
      {"The National Rifle Association (NRA) poses a threat to the U.S. economy, he said.",
       "The National Rifle Association -LRB- NRA -RRB- poses a threat to the U.S. economy , he "
       "said ."},
      {"Democrats’ hopes rose to 52% after Sen. Bernie Sanders (I-Vt.) spoke.",
       "Democrats ' hopes rose to 52 % after Sen. Bernie Sanders -LRB- I-Vt . -RRB- spoke ."},
      {"The plan costs $2.5 billion, not 2,500 dollars.",
       "The plan costs $ 2.5 billion , not 2,500 dollars ."},
      {"He can't and won't; she cannot.", "He ca n't and wo n't ; she can not ."},
      {"\"It's over,\" Trump said.", "`` It 's over , '' Trump said ."},
      {"Clinton leads in the U.S. The race is close.",
       "Clinton leads in the U.S. . | The race is close ."},
      {"Kenneth F. McKenzie met them at 10:30 p.m. on Dec. 9.",
       "Kenneth F. McKenzie met them at 10:30 p.m. on Dec. 9 ."},
      {"Wait... it gets better…", "Wait ... it gets better ..."},
      {"The front-runner [Trump] won {easily}.",
       "The front-runner -LSB- Trump -RSB- won -LCB- easily -RCB- ."},
      {"O’Malley’s campaign—and its staff—moved.",
       "O'Malley 's campaign -- and its staff -- moved ."},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Forms(TokenizeDocument(c.text)) == c.forms);
  }
}

TEST_CASE("Token offsets point at the text as written", "[engine][nlp][tokenizer]") {
  const std::string text = "“We’re done,” said O’Malley in the U.S.\n\nNext paragraph.";
  const AnnotatedDocument doc = TokenizeDocument(text);
  REQUIRE(doc.sentences.size() == 2);
  std::vector<std::string> surfaces;
  for (const Token& t : doc.tokens) surfaces.push_back(text.substr(t.begin, t.end - t.begin));
  const std::vector<std::string> expected = {"“",   "We",   "’re",      "done",      ",",
                                             "”",   "said", "O’Malley", "in",        "the",
                                             "U.S", ".",    "Next",     "paragraph", "."};
  CHECK(surfaces == expected);
  CHECK(doc.tokens[10].form == "U.S.");
  CHECK(doc.tokens[2].form == "'re");
  CHECK(doc.sentences[0].first == 0);
  CHECK(doc.sentences[1].first == 12);
  CHECK(doc.sentences[1].count == 3);
}

TEST_CASE("A 2,000-word run-on sentence is one sentence of 2,000 tokens",
          "[engine][nlp][tokenizer]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += (i % 10 == 9 ? "and " : "word ");
  const AnnotatedDocument doc = TokenizeDocument(text);
  REQUIRE(doc.sentences.size() == 1);
  CHECK(doc.tokens.size() == 2000);
  CHECK(doc.tokens.back().end == text.size() - 1);
}

TEST_CASE("Invalid UTF-8 and stray bytes do not break tokenisation", "[engine][nlp][tokenizer]") {
  const std::string text = "Bad \xff\xfe bytes, then \xe2\x80 more.";
  const AnnotatedDocument doc = TokenizeDocument(text);
  REQUIRE(!doc.tokens.empty());
  for (const Token& t : doc.tokens) {
    CHECK(t.begin < t.end);
    CHECK(t.end <= text.size());
  }
  CHECK(doc.tokens.back().form == ".");
}
