#include "engine/text/sentence_splitter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using claimgraph::engine::QuoteSpans;
using claimgraph::engine::SplitParagraphs;
using claimgraph::engine::SplitSentences;
using claimgraph::engine::TextSpan;

namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

}  // namespace

TEST_CASE("SplitSentences survives abbreviations, initials, quotes and Unicode",
          "[engine][text][split]") {
  struct Case {
    const char* text;
    std::vector<std::string> sentences;
  };
  const Case cases[] = {
      {"The U.S. Army left. Troops moved north.", {"The U.S. Army left.", "Troops moved north."}},
      {"Officials in the U.S. The next day they met.",
       {"Officials in the U.S.", "The next day they met."}},
      {"Gen. Smith spoke. Lt. Col. Jones agreed.", {"Gen. Smith spoke.", "Lt. Col. Jones agreed."}},
      {"The deal was signed on Dec. 9 in the capital. It holds.",
       {"The deal was signed on Dec. 9 in the capital.", "It holds."}},
      {"Kenneth F. McKenzie said so. Then he left.",
       {"Kenneth F. McKenzie said so.", "Then he left."}},
      {"Dr. Mahdi, a professor, spoke at 3.5 p.m. yesterday.",
       {"Dr. Mahdi, a professor, spoke at 3.5 p.m. yesterday."}},
      {"“The mission is over. Four remain,” he said. Nothing else.",
       {"“The mission is over.", "Four remain,” he said.", "Nothing else."}},
      {"He asked “Why now?” and left.", {"He asked “Why now?” and left."}},
      {"She said: “We stay.” Then silence.", {"She said: “We stay.”", "Then silence."}},
      {"Is it over? No! It goes on…", {"Is it over?", "No!", "It goes on…"}},
      {"A heading without a stop\nThe body starts here. It ends.",
       {"A heading without a stop", "The body starts here.", "It ends."}},
      {"Forces left Irak. Las tropas salieron.", {"Forces left Irak.", "Las tropas salieron."}},
      {"The count was 2,500 troops. Later 3,000.", {"The count was 2,500 troops.", "Later 3,000."}},
      {"No. 5 brigade moved. It was late.", {"No. 5 brigade moved.", "It was late."}},
      {"  Spaces\u00a0around.  ", {"Spaces\u00a0around."}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Sentences(c.text) == c.sentences);
  }
}

TEST_CASE("SplitParagraphs trims lines and skips blank ones", "[engine][text][split]") {
  const std::string text = "  first line \n\n\tsecond\n   \nthird";
  std::vector<std::string> got;
  for (const TextSpan& p : SplitParagraphs(text)) got.push_back(text.substr(p.begin, p.size()));
  CHECK(got == std::vector<std::string>{"first line", "second", "third"});
}

TEST_CASE("QuoteSpans pairs curly and straight quotes, and runs unclosed quotes to the end",
          "[engine][text][split]") {
  struct Case {
    const char* text;
    std::vector<std::string> quotes;
  };
  const Case cases[] = {
      {"He said “we stay” and “we fight”.", {"“we stay”", "“we fight”"}},
      {"He said \"we stay\" today.", {"\"we stay\""}},
      {"“One. Two,” he said.", {"“One. Two,”"}},
      {"“Open and never closed", {"“Open and never closed"}},
      // A misprinted opening mark closes the quotation it ends.
      {"will mark “a new phase for forces. “", {"“a new phase for forces. “"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    std::vector<std::string> got;
    for (const TextSpan& q : QuoteSpans(text, {0, text.size()}))
      got.push_back(text.substr(q.begin, q.size()));
    CHECK(got == c.quotes);
  }
}
