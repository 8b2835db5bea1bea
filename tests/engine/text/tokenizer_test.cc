#include "engine/text/tokenizer.h"

#include <catch2/catch.hpp>

#include "engine/text/utf8.h"

using claimgraph::engine::CountCodePoints;
using claimgraph::engine::FoldCase;
using claimgraph::engine::IsValidUtf8;
using claimgraph::engine::Tokenize;
using claimgraph::engine::TokenStrings;

TEST_CASE("Tokenize normalises words and numbers", "[engine][text]") {
  struct Case {
    const char* text;
    std::vector<std::string> tokens;
  };
  const Case cases[] = {
      {"US troops", {"us", "troops"}},
      {"Iraq’s 2,500 troops", {"iraq", "2500", "troops"}},
      {"don't leave", {"don't", "leave"}},
      {"Ain al-Asad", {"ain", "al", "asad"}},
      {"Iraquí military", {"iraqui", "military"}},
      {"3.5 km, 12,34", {"3.5", "km", "12", "34"}},
      {"by 2026.", {"by", "2026"}},
      {"“Quoted” — dash", {"quoted", "dash"}},
      {"20th century", {"20th", "century"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(TokenStrings(c.text) == c.tokens);
  }
}

TEST_CASE("Token offsets point back into the text", "[engine][text]") {
  const std::string text = "Said “al-Khazali” on 9 Dec.";
  for (const auto& t : Tokenize(text)) {
    CHECK(FoldCase(text.substr(t.begin, t.end - t.begin)) == t.text);
  }
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[engine][text]") {
  size_t bad = 0;
  CHECK(IsValidUtf8("plain ascii"));
  CHECK(IsValidUtf8("Iraquí “quote”"));
  CHECK_FALSE(IsValidUtf8("ab\xC3", &bad));
  CHECK(bad == 2);
  CHECK_FALSE(IsValidUtf8("x\xC0\xAF", &bad));  // overlong '/'
  CHECK(bad == 1);
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80", &bad));  // surrogate
  CHECK(CountCodePoints("a“b”") == 4);
}
