#include "io/report/escape.h"

#include <catch2/catch.hpp>

namespace claimgraph::io::report {
namespace {

TEST_CASE("Escapes for each output format", "[io][report][escape]") {
  struct Case {
    std::string (*fn)(std::string_view);
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {HtmlEscape, "a <b> & \"c\" 'd'", "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"},
      {HtmlEscape, "Ain al-Asad \xE2\x80\x94 ok", "Ain al-Asad \xE2\x80\x94 ok"},
      {XmlEscape, "x\x01y\x0Bz<", "xyz&lt;"},                 // controls XML forbids are dropped
      {XmlEscape, "bad \xFF byte", "bad \xEF\xBF\xBD byte"},  // invalid UTF-8 -> U+FFFD
      {XmlEscape, "tab\tnew\nline", "tab\tnew\nline"},
      {CsvField, "plain", "plain"},
      {CsvField, "a,b", "\"a,b\""},
      {CsvField, "say \"no\"", "\"say \"\"no\"\"\""},
      {CsvField, "two\nlines", "\"two\nlines\""},
      {DotEscape, "a \"q\" \\ b\nc", "a \\\"q\\\" \\\\ b\\nc"},
      {MarkdownEscape, "a|b *c* _d_ [e](f) <g>", "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\>"},
      {MarkdownEscape, "# not a heading", "\\# not a heading"},
      {MarkdownEscape, "- not a list", "\\- not a list"},
      {MarkdownEscape, "line\nbreak", "line break"},
      {MarkdownEscape, "U.S. forces, 2,500 troops", "U.S. forces, 2,500 troops"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(c.fn(c.in) == c.out);
  }
}

TEST_CASE("SafeHref keeps http(s) links only", "[io][report][escape]") {
  CHECK(SafeHref("https://example.org/a?b=1") == "https://example.org/a?b=1");
  CHECK(SafeHref("HTTP://example.org") == "HTTP://example.org");
  CHECK(SafeHref("javascript:alert(1)") == "");
  CHECK(SafeHref("data:text/html,hi") == "");
  CHECK(SafeHref("") == "");
}

TEST_CASE("Truncate cuts on code points", "[io][report][escape]") {
  CHECK(Truncate("abcdef", 3) == "abc\xE2\x80\xA6");
  CHECK(Truncate("abc", 3) == "abc");
  CHECK(Truncate("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}

}  // namespace
}  // namespace claimgraph::io::report
