#include "io/report/json_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "engine/text/utf8.h"

namespace claimgraph::io::report {
namespace {

// nlohmann's bytes, with the one promised difference: DEL escaped (json_writer.h).
std::string Nlohmann(const nlohmann::json& j) {
  std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (size_t at = text.find('\x7f'); at != std::string::npos; at = text.find('\x7f', at))
    text.replace(at, 1, "\\u007f");
  return text;
}

}  // namespace

// JsonWriter promises nlohmann's bytes; each value is checked against nlohmann itself.
TEST_CASE("JsonWriter writes strings as nlohmann does", "[io][report][json]") {
  const std::string cases[] = {
      "",
      "plain ASCII",
      "quote \" backslash \\ slash /",
      "controls \b\f\n\r\t and \x01 \x1f \x7f",
      std::string("nul \0 inside", 12),
      "UTF-8: al-Asad — \u201cquoted\u201d, 2\u00a0500, \u0639\u0631\u0627\u0642, emoji \U0001F600",
      "invalid UTF-8: \xff here",
      "truncated sequence \xe2\x80",
      "overlong \xc0\xaf and surrogate \xed\xa0\x80",
      "beyond U+10FFFF \xf4\x90\x80\x80",
      "lone continuation \x80 byte",
  };
  for (const std::string& s : cases) {
    std::string out;
    AppendJsonString(&out, s);
    CHECK(out == Nlohmann(s));
    CHECK(DumpJson(nlohmann::json(s)) == Nlohmann(s));
    // No raw control character, and the same string read back (valid UTF-8 only).
    for (char c : out) CHECK((static_cast<unsigned char>(c) >= 0x20 && c != '\x7f'));
    if (engine::IsValidUtf8(s)) CHECK(nlohmann::json::parse(out).get<std::string>() == s);
  }
  CHECK(DumpJson(nlohmann::json{{"k",
                                 "a\x7f"
                                 "b"}},
                 1) == "{\n \"k\": \"a\\u007fb\"\n}");
}

TEST_CASE("JsonWriter writes numbers, literals and nesting as nlohmann does",
          "[io][report][json]") {
  const double doubles[] = {0.0,
                            -0.0,
                            1.0,
                            0.1,
                            183.0,
                            0.4,
                            1e-7,
                            1e21,
                            -2.5e-5,
                            123456789.123,
                            0.30000000000000004,
                            std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::infinity()};
  for (double d : doubles) {
    std::string out;
    JsonWriter(&out).Double(d);
    CHECK(out == Nlohmann(d));
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a").Int(-42);
  w.Key("b").Uint(18446744073709551615ull);
  w.Key("c").BeginArray().Bool(true).Bool(false).Null().EndArray();
  w.Key("d").BeginObject().EndObject();
  w.Key("e").StringOrNull("");
  w.Key("f").Strings({"x", "y"});
  w.Key("g").BeginArray().BeginObject().Key("h").Double(0.5).EndObject().EndArray();
  w.Key("i").Raw(R"({"window":"year"})");
  w.EndObject();
  const nlohmann::json expected = {{"a", -42},
                                   {"b", 18446744073709551615ull},
                                   {"c", {true, false, nullptr}},
                                   {"d", nlohmann::json::object()},
                                   {"e", nullptr},
                                   {"f", {"x", "y"}},
                                   {"g", {{{"h", 0.5}}}},
                                   {"i", {{"window", "year"}}}};
  CHECK(out == Nlohmann(expected));
}

}  // namespace claimgraph::io::report
