#include "engine/text/page_cleaner.h"

#include <catch2/catch.hpp>
#include <string>

using namespace claimgraph::engine;

TEST_CASE("FurnitureReason recognises prompts, credits and meta lines in several languages",
          "[engine][text][clean]") {
  struct Case {
    const char* line;
    bool furniture;
  };
  const Case cases[] = {
      {"0 Comments", true},
      {"No comments:", true},
      {"Submit a Comment", true},
      {"Post a Comment", true},
      {"Your email address will not be published. Required fields are marked *", true},
      {"loader image", true},
      {"Loading", true},
      {"Share this article", true},
      {"Subscribe to our newsletter", true},
      {"Envíanos tus noticias", true},
      {"Si conoces o tienes alguna pista en relación con una noticia, escríbenos", true},
      {"Suscríbete", true},
      {"Lire aussi", true},
      {"اقرأ أيضا", true},
      {"PHOTO/AP - Soldiers at the base", true},
      {"REUTERS/JANE DOE - A minister speaks", true},
      {"2022/01/16 | Note, political, top news", true},
      {"Photo: the harbour at dawn", true},
      {"Subscribe to Civil Works Weekly for £4.99 a month for unlimited articles. Already a "
       "subscriber? Log in",
       true},
      // Prose that merely starts like a prompt is kept.
      {"Share prices fell sharply after the minister resigned on Tuesday in the capital.", false},
      {"The troops withdrew from the base last week, officials said.", false},
      {"US-led forces - mostly advisers - remain.", false},
      {"Subscribers to the rail pass will pay more a month from April, the operator said.", false},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK(FurnitureReason(c.line).empty() == !c.furniture);
  }
}

TEST_CASE("Related-story headings, bylines and datelines", "[engine][text][clean]") {
  for (const char* h : {"LATEST CONTENT", "Últimas publicaciones", "Related articles", "Read more",
                        "You may also like", "0 Comments"})
    CHECK(IsRelatedSectionHeading(h));
  CHECK_FALSE(IsRelatedSectionHeading("The latest content of the agreement was published"));

  struct Byline {
    const char* sentence;
    const char* source;
    bool byline;
  };
  const Byline bylines[] = {
      {"News Desk - The Cradle", "The Cradle", true},
      {"Jane Roe – International relations researcher", "", true},
      {"Dr. Omar Haddad – University professor", "", true},
      {"Karim al-Tamimi - Expert on Gulf affairs", "", true},
      {"By John Smith", "", true},
      {"Troops left - and returned.", "", false},
      {"The troops left the base - officials confirmed it on Sunday", "", false},
  };
  for (const Byline& b : bylines) {
    INFO(b.sentence);
    CHECK(IsBylineSentence(b.sentence, b.source) == b.byline);
  }
  const std::string s = "Harbor Times – Opinion: The bridge opened.";
  CHECK(s.substr(DatelineEnd(s, "Harbor Times")) == "The bridge opened.");
  const std::string r = "BAGHDAD (Reuters) - Troops left.";
  CHECK(r.substr(DatelineEnd(r, "")) == "Troops left.");
  CHECK(DatelineEnd("The troops left on Monday.", "Harbor Times") == 0);
}

TEST_CASE("GuessLanguage tells English from Spanish and French", "[engine][text][clean]") {
  CHECK(GuessLanguage("The soldiers of the coalition have left the base and are in the north.") ==
        "en");
  CHECK(GuessLanguage("Los soldados de la coalición salieron de la base y están en el norte.") ==
        "es");
  CHECK(GuessLanguage("Les soldats de la coalition sont dans le nord avec les autres.") == "fr");
  CHECK(GuessLanguage("Baghdad") == "");
}

TEST_CASE("CleanPage keeps the article and drops furniture, captions and related stories",
          "[engine][text][clean]") {
  Document doc;
  doc.source = "Harbor Times";
  doc.title = "New bridge opens to traffic";
  doc.language = "en";
  doc.text =
      "loader image\n"
      "New bridge opens to traffic\n"
      "The new harbour bridge opened to traffic on Monday after four years of construction.\n"
      "PHOTO/AP - Cars cross the harbour bridge\n"
      "City engineers said the bridge carries 40,000 cars a day across the harbour.\n"
      "Traffic and tolls\n"
      "The bridge toll will rise next year, the city council said in a statement on the bridge.\n"
      "Los coches cruzan el puente del puerto durante la mañana de la inauguración.\n"
      "The city council said traffic on the old harbour road fell by half since Monday.\n"
      "Share this article\n"
      "LATEST CONTENT\n"
      "Football club wins the regional cup\n"
      "Harbor Times – Sport: The club won the cup final on Saturday in a penalty shoot-out.\n";
  const std::vector<Block> blocks = CleanPage(doc, nullptr);
  std::vector<std::string> body;
  for (const Block& b : blocks)
    if (b.kind == BlockKind::kBody) body.push_back(doc.text.substr(b.span.begin, b.span.size()));
  CHECK(body == std::vector<std::string>{
                    "The new harbour bridge opened to traffic on Monday after four years of "
                    "construction.",
                    "City engineers said the bridge carries 40,000 cars a day across the harbour.",
                    "The bridge toll will rise next year, the city council said in a statement on "
                    "the bridge.",
                    "The city council said traffic on the old harbour road fell by half since "
                    "Monday."});
  int related = 0, foreign = 0;
  for (const Block& b : blocks) {
    related += b.kind == BlockKind::kRelated;
    foreign += b.kind == BlockKind::kForeign;
  }
  CHECK(related == 3);
  CHECK(foreign == 1);
}

TEST_CASE("CleanPage drops an off-topic paragraph and repeated paragraphs",
          "[engine][text][clean]") {
  Document doc;
  doc.source = "Harbor Times";
  doc.title = "New bridge opens to traffic";
  doc.text =
      "The new harbour bridge opened to traffic on Monday after four years of construction.\n"
      "Engineers said the bridge over the harbour carries forty thousand cars a day.\n"
      "The bridge toll for cars crossing the harbour will rise next year, engineers said.\n"
      "Meanwhile a famous singer released a jazz album recorded in Lisbon with an orchestra of "
      "violinists, cellists and a choir of schoolchildren from several villages.\n"
      "Engineers said the bridge over the harbour carries forty thousand cars a day.\n";
  const std::vector<Block> blocks = CleanPage(doc, nullptr);
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0].kind == BlockKind::kBody);
  CHECK(blocks[2].kind == BlockKind::kBody);
  CHECK(blocks[3].kind == BlockKind::kOffTopic);
  CHECK(blocks[4].kind == BlockKind::kRepeated);
}
