// Structured-claim readers, value normalisation, gold readers and accuracy, including every kind
// of bad input the truth command must survive with a diagnostic.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/truth/source_report.h"
#include "engine/truth/truth_discovery.h"
#include "io/truth/claim_readers.h"
#include "io/truth/gold.h"
#include "io/truth/values.h"

namespace claimgraph::io::truth {
namespace {

using engine::Diagnostics;
using engine::truth::ClaimMatrix;
using engine::truth::ClaimMatrixBuilder;

ClaimMatrix Parse(std::string_view text, ClaimFormat format, Diagnostics* d,
                  ValueKind values = ValueKind::kAuto) {
  ClaimMatrixBuilder b;
  ClaimReadOptions o;
  o.values = values;
  ParseClaims(text, "in.txt", format, &b, d, o);
  return b.Build(d);
}

bool Mentions(const Diagnostics& d, std::string_view what, size_t line = 0) {
  for (const auto& x : d)
    if (x.message.find(what) != std::string::npos && (line == 0 || x.line == line)) return true;
  return false;
}

TEST_CASE("Values are normalised: numbers as numbers, text folded", "[io][truth]") {
  struct Case {
    const char* raw;
    const char* key;
  };
  const Case cases[] = {
      {"10", "10"},
      {"10.0", "10"},
      {" 10.00 ", "10"},
      {"29.69", "29.69"},
      {"-0", "0"},
      {"1e3", "1000"},
      {"+7", "7"},
      {"Hello   World", "hello world"},
      {"\tNew York ", "new york"},
      {"null", ""},
      {"", ""},
      {"Not Available", ""},
      {"2,500", "2,500"},
      // clock times
      {"7:15 PM", "19:15"},
      {"7:15pm", "19:15"},
      {"07:15 p.m.", "19:15"},
      {"19:15", "19:15"},
      {"7:15", "07:15"},
      {"7:15 AM", "07:15"},
      {"12:05 am", "00:05"},
      {"12:05 PM", "12:05"},
      {"6:30:15 p", "18:30:15"},
      {"6:30:00", "06:30"},
      // not clock times: left as text
      {"13:15 PM", "13:15 pm"},
      {"7:5", "7:5"},
      {"24:00", "24:00"},
      {"7:15 tomorrow", "7:15 tomorrow"},
      {"gate 7:15", "gate 7:15"},
      // dates, with or without a clock time, in one form
      {"2011-12-01", "2011-12-01"},
      {"2011-12-01 19:15", "2011-12-01 19:15"},
      {"2011-12-01T19:15:30", "2011-12-01 19:15:30"},
      {"12/01/2011 7:15 PM", "2011-12-01 19:15"},
      {"12/1/11 7:15pm", "2011-12-01 19:15"},
      {"2011/12/01 07:15", "2011-12-01 07:15"},
      {"Dec 1, 2011 7:15 PM", "2011-12-01 19:15"},
      {"Thu, 1 December 2011 at 19:15", "2011-12-01 19:15"},
      {"7:15 PM (Dec 01)", "--12-01 19:15"},
      {"Dec 01 - 7:15 p.m.", "--12-01 19:15"},
      {"Sept. 3rd", "--09-03"},
      {"feb 29 2012", "2012-02-29"},
      // not dates: left as text
      {"feb 29 2011", "feb 29 2011"},
      {"31/12/2011", "31/12/2011"},
      {"3/4", "3/4"},
      {"1-2", "1-2"},
      {"may rain 7:15", "may rain 7:15"},
      {"janitor 3", "janitor 3"},
      {"dec 1 7:15 pmx", "dec 1 7:15 pmx"},
      {"dec 1 2011 7:15 8:15", "dec 1 2011 7:15 8:15"},
  };
  for (const Case& c : cases) {
    INFO(c.raw);
    CHECK(NormalizeValue(c.raw).key == c.key);
  }
  CHECK(NormalizeValue("10.5").number == 10.5);
  CHECK(std::isnan(NormalizeValue("ten").number));
  CHECK(NormalizeValue("7:15 PM").number == 19 * 60 + 15);
  // a date's number is minutes since 1970-01-01; without a year it has none
  CHECK(NormalizeValue("1970-01-02 00:30").number == 1440 + 30);
  CHECK(NormalizeValue("Dec 1, 2011 7:15 PM").number -
            NormalizeValue("2011-11-30 19:15").number ==
        1440);
  CHECK(std::isnan(NormalizeValue("Dec 1 7:15 PM").number));
}

TEST_CASE("Author lists are sets of normalised names", "[io][truth]") {
  const std::string gold =
      NormalizeValue("haag, stephen ;  perry, james t.;  ", ValueKind::kAuthorList).key;
  CHECK(gold == "haag james perry stephen");
  for (const char* same :
       {"Stephen Haag; James T Perry", "HAAG, STEPHEN PERRY, JAMES T.",
        "Haag, Stephen/ Perry, James T.", "Perry, James; Haag, Stephen UNKNOWN"}) {
    INFO(same);
    CHECK(NormalizeValue(same, ValueKind::kAuthorList).key == gold);
  }
  CHECK(NormalizeValue("Stephen Haag", ValueKind::kAuthorList).key != gold);
  // Accents, as HTML entities or UTF-8 Latin-1 letters, fold to their base letter.
  const std::string hoos =
      NormalizeValue("Hoos, Holger; Stutzle, Thomas", ValueKind::kAuthorList).key;
  CHECK(NormalizeValue("Holger Hoos, Thomas St&uuml;tzle", ValueKind::kAuthorList).key == hoos);
  CHECK(NormalizeValue("Holger Hoos, Thomas St\xC3\xBCtzle", ValueKind::kAuthorList).key == hoos);
}

TEST_CASE("Author lists: apostrophes, HTML entities and entities with '&' spelled 'and'",
          "[io][truth]") {
  struct Case {
    const char* raw;
    const char* key;
  };
  for (const Case& c : std::vector<Case>{
           {"O'Leary, Timothy J.; O'Leary, Linda I.", "linda oleary timothy"},
           {"Timothy J Oandapos;Leary, Linda I Oandapos;Leary", "linda oleary timothy"},
           {"OLEARY", "oleary"},
           {"O&apos;Leary", "oleary"},
           {"O&#39;Leary", "oleary"},
           {"THOMAS &amp; CHANDRASEKHAR", "chandrasekhar thomas"},
           {"Thomas andamp; Chandrasekhar", "chandrasekhar thomas"},
           {"Jos&eacute; Garc&iacute;a&nbsp;Lopez", "garcia jose lopez"},
           // "and" inside real names is left alone
           {"Hernandez; Sandeep Rolando", "hernandez rolando sandeep"},
           {"Fernando Andrews", "andrews fernando"},
           {"Rand &unknown; Paul", "paul rand"},
           // short forms of given names are written out; ambiguous ones are left alone
           {"Conklin, Art", "arthur conklin"},
           {"Conklin, Wm. Arthur", "arthur conklin william"},
           {"Josh Bloch", "bloch joshua"},
           {"Loshin, Pete", "loshin peter"},
           {"BOYCE, JOSEPH; JENNINGS, DAN W.", "boyce daniel jennings joseph"},
           {"Chris Date; Pat Hanrahan", "chris date hanrahan pat"},
           {"Ed Yourdon", "ed yourdon"},
           {"Artz, Tomas", "artz tomas"},
       }) {
    INFO(c.raw);
    CHECK(NormalizeValue(c.raw, ValueKind::kAuthorList).key == c.key);
  }
}

TEST_CASE("Times: ISO dates, DAFNA's ctime form, seconds; NaN otherwise", "[io][truth]") {
  const double day = engine::truth::DaysFromIsoDate("2010-02-03");
  CHECK(ParseTime("2010-02-03") == day);
  CHECK(ParseTime("wed feb  3 08:17:28 2010") == Approx(day + (8 * 3600 + 17 * 60 + 28) / 86400.0));
  CHECK(ParseTime("2010-02-03T12:00") == Approx(day + 0.5));
  CHECK(ParseTime("86400") == 1);
  CHECK(std::isnan(ParseTime("null")));
  CHECK(std::isnan(ParseTime("yesterday")));
  CHECK(std::isnan(ParseTime("wed xyz  3 08:17:28 2010")));
}

TEST_CASE("DAFNA claims, with every kind of bad record", "[io][truth]") {
  const char* text =
      "1|\t|\tphoenix|\tTemperature|\t60|\taol|\twed feb  3 08:17:28 2010|\t\n"
      "2|\t|\tPhoenix|\tTemperature|\t60.0|\tcnn|\tnull|\t\n"
      "3|\t|\tphoenix|\tTemperature|\t61|\tmsn|\tnull|\t\n"
      "4|\t|\tphoenix|\tHumidity\n"                              // missing fields
      "5|\t|\tphoenix|\tHumidity|\t|\taol|\tnull|\t\n"           // missing value
      "6|\t|\tphoenix|\tTemperature|\t62|\taol|\tthursday|\t\n"  // other value, bad time
      "\n"
      "7|\t|\tboston|\tTemperature|\t40|\tsolo|\tnull|\t\r\n";  // source with one claim
  Diagnostics d;
  const ClaimMatrix m = Parse(text, ClaimFormat::kDafna, &d);
  CHECK(m.num_sources() == 4);
  CHECK(m.num_objects() == 2);
  const int phoenix = m.FindObject("phoenix|temperature");
  REQUIRE(phoenix >= 0);
  CHECK(m.FindClaim(phoenix, "60") >= 0);  // "60" and "60.0" are one value
  CHECK(m.ObjectSize(m.FindObject("boston|temperature")) == 1);
  CHECK(Mentions(d, "missing fields", 4));
  CHECK(Mentions(d, "missing value", 5));
  CHECK(Mentions(d, "unreadable time", 6));
  CHECK(Mentions(d, "two values"));
  for (const auto& x : d) CHECK(x.file == "in.txt");
  // Every method runs on it without NaN.
  for (const std::string& name : engine::truth::AlgorithmNames()) {
    const auto r = engine::truth::MakeAlgorithm(name, m, {})->Run();
    for (int s = 0; s < m.num_sources(); ++s) CHECK(std::isfinite(r.trust[s]));
    for (int c = 0; c < m.num_claims(); ++c) CHECK(std::isfinite(r.belief[c]));
  }
}

TEST_CASE("DAFNA fields as quoted CSV (Book) with author lists", "[io][truth]") {
  const char* text =
      "\"ClaimID\", \"Remove\", \"ObjectID\", PropertyID\", \"PropertyValue\", \"SourceID\", "
      "\"TimeStamp\" \n"
      "\"1\",\"\",\"978\",\"AuthorsNamesList\",\"Knuth, Donald E.\",\"A1Books\",\"null\"\n"
      "\"2\",\"\",\"978\",\"AuthorsNamesList\",\"DONALD E KNUTH\",\"Indoo.com\",\"null\"\n"
      "\"3\",\"\",\"978\",\"AuthorsNamesList\",\"Not Available\",\"eCampus.com\",\"null\"\n";
  Diagnostics d;
  const ClaimMatrix m = Parse(text, ClaimFormat::kDafna, &d, ValueKind::kAuthorList);
  REQUIRE(m.num_objects() == 1);
  CHECK(m.ObjectSize(0) == 1);
  CHECK(m.values[0] == "donald knuth");
  CHECK(m.entries.size() == 2);
  CHECK(Mentions(d, "missing value", 4));
}

TEST_CASE("CSV claims: header, time, bad rows, empty file", "[io][truth]") {
  Diagnostics d;
  const ClaimMatrix m = Parse(
      "source,object,value,time\n"
      "a,AA-1007-TPA-MIA|departure,10:05,2011-12-01\n"
      "b,AA-1007-TPA-MIA|departure,10:15,\n"
      "c,AA-1007-TPA-MIA|departure\n"
      "\"d, inc\",x,\"1,000\",2011-12-02\n",
      ClaimFormat::kCsv, &d);
  CHECK(m.num_sources() == 3);
  CHECK(m.FindObject("aa-1007-tpa-mia|departure") >= 0);
  CHECK(m.sources[2] == "d, inc");
  CHECK(Mentions(d, "missing fields", 4));
  CHECK(engine::truth::YearOf(m.entries[0].time) == "2011");

  Diagnostics e;
  CHECK(Parse("", ClaimFormat::kCsv, &e).entries.empty());
  CHECK(Mentions(e, "empty file"));
  Diagnostics f;
  CHECK_THROWS_WITH(Parse("who,what\nx,y\n", ClaimFormat::kCsv, &f),
                    Catch::Contains("in.txt:1") && Catch::Contains("source, object, value"));
}

TEST_CASE("Claim matrix: rows are sources, blanks are no claim, cells must be numbers",
          "[io][truth]") {
  Diagnostics d;
  const ClaimMatrix m = Parse("1.0,,2\n1,abc,\n,3,2.0\n", ClaimFormat::kMatrix, &d);
  CHECK(m.num_sources() == 3);
  CHECK(m.num_objects() == 3);
  CHECK(m.entries.size() == 5);
  CHECK(m.ObjectSize(m.FindObject("0")) == 1);
  CHECK(Mentions(d, "not a number", 2));
}

TEST_CASE("Gold in every format, accuracy, unknown objects", "[io][truth]") {
  Diagnostics d;
  const ClaimMatrix m = Parse(
      "1|\t|\tcleveland, ohio|\tPopulation2000|\t478403|\ta|\tnull|\t\n"
      "2|\t|\tcleveland, ohio|\tPopulation2000|\t478000|\tb|\tnull|\t\n"
      "3|\t|\tcleveland, ohio|\tPopulation2000|\t478403|\tc|\tnull|\t\n"
      "4|\t|\tgary, indiana|\tPopulation2000|\t102746|\ta|\tnull|\t\n",
      ClaimFormat::kDafna, &d);
  const auto r = engine::truth::MakeAlgorithm("voting", m, {})->Run();

  Diagnostics g;
  const Gold pop = ParseGold(
      "cleveland, ohio, 2000, 478403\r\ngary, indiana, 2000, 100000\r\n"
      "nowhere, kansas, 2000, 5\r\nbad line\r\n",
      "pop.txt", GoldFormat::kAuto, ValueKind::kAuto, &g);
  CHECK(pop.values.size() == 3);
  CHECK(Mentions(g, "population gold line", 4));
  const Accuracy a = MeasureAccuracy(m, r, pop, &g);
  CHECK(a.evaluated == 2);
  CHECK(a.correct == 1);
  CHECK(a.accuracy == 0.5);
  CHECK(a.unknown_objects == 1);
  CHECK(Mentions(g, "nowhere, kansas|population2000"));

  Diagnostics h;
  const Gold csv = ParseGold("object,value\n\"cleveland, ohio|Population2000\",478403.0\n",
                             "gold.csv", GoldFormat::kAuto, ValueKind::kAuto, &h);
  CHECK(MeasureAccuracy(m, r, csv, &h).accuracy == 1);
  const Gold dafna = ParseGold("9|\t|\tgary, indiana|\tPopulation2000|\t102746|\tgold|\tnull|\t\n",
                               "gold.txt", GoldFormat::kAuto, ValueKind::kAuto, &h);
  CHECK(MeasureAccuracy(m, r, dafna, &h).correct == 1);
  const Gold book = ParseGold("\"978\",\"AuthorsNamesList\",\"knuth, donald e.;  \"\n", "b.csv",
                              GoldFormat::kAuto, ValueKind::kAuto, &h);
  REQUIRE(book.values.size() == 1);
  CHECK(book.values[0].object == "978|authorsnameslist");
  CHECK(book.values[0].value == "donald knuth");

  Diagnostics e;
  CHECK(ParseGold("", "empty.csv", GoldFormat::kAuto, ValueKind::kAuto, &e).values.empty());
  CHECK(!a.items);
  CHECK(Mentions(e, "empty gold"));
  GoldFormat f;
  CHECK(ParseGoldFormat("population", &f));
  CHECK(!ParseGoldFormat("xml", &f));
}

TEST_CASE("Accuracy of set values: exact sets and item precision / recall", "[io][truth]") {
  Diagnostics d;
  const ClaimMatrix m = Parse(
      "\"1\",\"\",\"111\",\"AuthorsNamesList\",\"Haag, Stephen; Perry, James\",\"a\",\"null\"\n"
      "\"2\",\"\",\"111\",\"AuthorsNamesList\",\"HAAG\",\"b\",\"null\"\n"
      "\"3\",\"\",\"111\",\"AuthorsNamesList\",\"Haag\",\"c\",\"null\"\n"
      "\"4\",\"\",\"222\",\"AuthorsNamesList\",\"Knuth, Donald\",\"a\",\"null\"\n"
      "\"5\",\"\",\"222\",\"AuthorsNamesList\",\"Donald Knuth\",\"b\",\"null\"\n",
      ClaimFormat::kDafna, &d, ValueKind::kAuthorList);
  const Gold gold = ParseGold(
      "\"111\",\"AuthorsNamesList\",\"haag, stephen ;  perry, james ;  \"\n"
      "\"222\",\"AuthorsNamesList\",\"knuth, donald e.;  \"\n",
      "book_golden.csv", GoldFormat::kBook, ValueKind::kAuthorList, &d);
  REQUIRE(gold.values.size() == 2);
  // Voting picks "haag" for 111 (two sources): one item right, three missed.
  const auto voting = engine::truth::MakeAlgorithm("voting", m, {})->Run();
  const Accuracy a = MeasureAccuracy(m, voting, gold, &d, /*set_values=*/true);
  CHECK(a.items);
  CHECK(a.evaluated == 2);
  CHECK(a.correct == 1);
  CHECK(a.true_items == 3);  // haag; donald knuth
  CHECK(a.false_items == 0);
  CHECK(a.missed_items == 3);  // stephen, james perry
  CHECK(a.item_precision == 1);
  CHECK(a.item_recall == Approx(0.5));
  // A built value (the Latent Truth Model's set) takes precedence over the chosen claim.
  engine::truth::TruthResult built = voting;
  built.built_values.assign(m.num_objects(), "");
  built.built_values[m.FindObject("111|authorsnameslist")] = "haag james perry stephen extra";
  const Accuracy b = MeasureAccuracy(m, built, gold, &d, true);
  CHECK(b.correct == 1);
  CHECK(b.true_items == 6);
  CHECK(b.false_items == 1);
  CHECK(b.missed_items == 0);
}

}  // namespace
}  // namespace claimgraph::io::truth
