#include "io/csv_reader.h"

#include <catch2/catch.hpp>

using claimgraph::io::ParseCsv;

TEST_CASE("CSV reader handles quotes, newlines in fields and CRLF", "[io][csv]") {
  const auto rows = ParseCsv(
      "\xEF\xBB\xBFHeadline,Body ID,Stance\r\n"
      "\"Says \"\"no\"\"\",12,agree\r\n"
      "\r\n"
      "\"two\r\nlines, here\",7,discuss\n"
      "last,,\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"Headline", "Body ID", "Stance"});
  CHECK(rows[1].fields == std::vector<std::string>{"Says \"no\"", "12", "agree"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == std::vector<std::string>{"two\nlines, here", "7", "discuss"});
  CHECK(rows[2].line == 4);
  CHECK(rows[3].fields == std::vector<std::string>{"last", "", ""});
  CHECK(rows[3].line == 6);
}

TEST_CASE("CSV reader reports an unterminated quote with its line", "[io][csv]") {
  CHECK_THROWS_WITH(ParseCsv("a,b\n1,\"open\nmore\n", "f.csv"),
                    Catch::Contains("f.csv:2") && Catch::Contains("never closed"));
}

TEST_CASE("CSV reader takes other separators and no final newline", "[io][csv]") {
  const auto rows = ParseCsv("a\tb\n\"x\ty\"\tz", "t.tsv", '\t');
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == std::vector<std::string>{"x\ty", "z"});
}
