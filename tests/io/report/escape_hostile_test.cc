// The escaping functions on hostile strings (issue 13): the OWASP rule for CSV cells, control
// characters out of every format, percent-encoded link targets, terminal-safe text.
#include <catch2/catch.hpp>

#include "io/report/escape.h"

namespace claimgraph::io::report {
namespace {

TEST_CASE("CSV cells that a spreadsheet would evaluate get an apostrophe", "[io][harden][escape]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"+1+2", "\"'+1+2\""},
      {"-2+3", "\"'-2+3\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"\t=1", "\"'\t=1\""},
      {"\r=1", "\"'\r=1\""},
      {"\x01=1", "\"'=1\""},  // a control character cannot hide the formula
      {"a=b", "a=b"},
      {"plain", "plain"},
      {"a;b", "\"a;b\""},  // semicolon-separated spreadsheets cannot split the cell
      {"bad \xFF", "bad \xEF\xBF\xBD"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(CsvField(c.in) == c.out);
  }
  CHECK(CsvField(std::string_view("nul\0here", 8)) == "nulhere");
}

TEST_CASE("control characters are dropped from HTML, XML, DOT and Markdown",
          "[io][harden][escape]") {
  const std::string hostile(
      "a\0b\x1b[31mc\x07"
      "d\x7f"
      "e\xC2\x9B"
      "f",
      16);
  CHECK(HtmlEscape(hostile) == "ab[31mcdef");
  CHECK(XmlEscape(hostile) == "ab[31mcdef");
  CHECK(DotEscape(hostile) == "ab[31mcdef");
  CHECK(MarkdownEscape(hostile) == "ab\\[31mcdef");
  CHECK(DotEscape("a\tb\r\nc") == "a b\\nc");
  CHECK(HtmlEscape("bad \xFF") == "bad \xEF\xBF\xBD");
  CHECK(DotEscape("bad \xFF") == "bad \xEF\xBF\xBD");
  // A control character cannot hide a leading heading mark.
  CHECK(MarkdownEscape("\x01# heading") == "\\# heading");
  CHECK(MarkdownEscape("tab\there") == "tab here");
}

TEST_CASE("link targets are percent-encoded", "[io][harden][escape]") {
  // Reproducer 6: a URL with line breaks and a tab became a heading in report.md.
  CHECK(SafeHref("https://ok.example/a\n\n#\tInjected") ==
        "https://ok.example/a%0A%0A#%09Injected");
  CHECK(SafeHref("https://ok.example/a b\"<>\\^`{|}") ==
        "https://ok.example/a%20b%22%3C%3E%5C%5E%60%7B%7C%7D");
  CHECK(SafeHref("https://ok.example/caf\xC3\xA9") == "https://ok.example/caf%C3%A9");
  CHECK(SafeHref("https://ok.example/100%25/x%zz") == "https://ok.example/100%25/x%25zz");
  CHECK(SafeHref("https://ok.example/a?b=1&c=(2)") == "https://ok.example/a?b=1&c=(2)");
  CHECK(SafeHref("javascript:alert(1)").empty());
  CHECK(SafeHref(" javascript:alert(1)").empty());
}

TEST_CASE("terminal text shows control characters instead of obeying them",
          "[io][harden][escape]") {
  CHECK(TerminalSafe("a\x1b[2Jb\x07") == "a\\x1B[2Jb\\x07");
  CHECK(TerminalSafe("line\nbreak\ttab\r") == "line\\nbreak\\ttab\\r");
  CHECK(TerminalSafe("bad \xFF\xFE") == "bad \\xFF\\xFE");
  CHECK(TerminalSafe("c1 \xC2\x9B") == "c1 \\u{009B}");
  CHECK(TerminalSafe("rtl \xE2\x80\xAE"
                     "abc") == "rtl \\u{202E}abc");
  CHECK(TerminalSafe("caf\xC3\xA9 \xE2\x80\x94 ok") == "caf\xC3\xA9 \xE2\x80\x94 ok");
}

}  // namespace
}  // namespace claimgraph::io::report
