// Escaping for every output format the reports and exports write: HTML / XML text and attributes,
// JSON strings (through nlohmann), CSV fields (RFC 4180 with the OWASP formula-injection rule),
// Graphviz DOT strings, Markdown inline text, link targets and terminal messages. Claim text is
// untrusted input (it comes from web pages), so every writer in io/report passes it through one
// of these before it reaches a file, and the command line passes diagnostics through
// TerminalSafe before they reach a terminal.
//
// Control characters: no function here lets a C0 control (other than the tab and line breaks the
// format can hold), DEL or a C1 control (U+0080..U+009F) through raw, and invalid UTF-8 becomes
// U+FFFD (or a visible \xNN in terminal text), so a NUL in a claim cannot make graph.dot
// unparseable, an ESC cannot drive the analyst's terminal, and the XML stays well-formed.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::io::report {

// Escapes &, <, >, " and ' for HTML text and quoted attribute values; drops control characters
// (keeps tab, LF, CR) and replaces invalid UTF-8 with U+FFFD.
std::string HtmlEscape(std::string_view s);

// As HtmlEscape, and also drops the code points XML 1.0 forbids (C0 controls other than tab, LF,
// CR; U+FFFE, U+FFFF), so the output is well-formed XML.
std::string XmlEscape(std::string_view s);
// XmlEscape appended to `out`: no string per call, for the writers of large files.
void AppendXmlEscaped(std::string* out, std::string_view s);

// Returns `url` as a link target if it is an http(s) URL, else "" (no javascript: links). The
// target is percent-encoded (RFC 3986): control characters, space, non-ASCII bytes and
// " < > \ ^ ` { | } become %XX, as does a '%' not followed by two hex digits, so a URL with line
// breaks or tabs cannot end the link or start a heading in Markdown.
std::string SafeHref(std::string_view url);

// One CSV field (RFC 4180): quoted, with "" for ", when it holds a comma, semicolon, quote, CR or
// LF. A field that a spreadsheet would read as a formula — beginning with = + - @, a tab or a
// carriage return — gets a leading apostrophe (') first, as OWASP recommends for CSV injection,
// so it is shown as text (docs/FORMATS.md). Control characters other than tab and line breaks are
// dropped, invalid UTF-8 becomes U+FFFD.
std::string CsvField(std::string_view s);
void AppendCsvField(std::string* out, std::string_view s);  // CsvField appended to `out`

// The inside of a DOT double-quoted string: escapes " and \, turns line breaks into \n, drops
// other control characters and replaces invalid UTF-8 with U+FFFD (Graphviz reads UTF-8).
std::string DotEscape(std::string_view s);
void AppendDotEscaped(std::string* out, std::string_view s);  // DotEscape appended to `out`

// Inline Markdown: backslash-escapes \ ` * _ [ ] < > |, and a leading # + - =, folds line breaks
// and tabs into spaces and drops other control characters, so claim text cannot open a table
// cell, a link, emphasis, a heading or raw HTML.
std::string MarkdownEscape(std::string_view s);

// Text for a terminal (diagnostics, messages quoting input): control characters, DEL, C1
// controls and invalid UTF-8 bytes become visible escapes (\t, \n, \r, \xNN), and Unicode
// bidirectional overrides (U+202A..U+202E, U+2066..U+2069) become \u{...}, so input cannot move
// the cursor, change colours, ring the bell or reorder what the analyst reads.
std::string TerminalSafe(std::string_view s);

// At most `max_chars` code points of `s`, with "…" appended when cut. Never splits a code point.
std::string Truncate(std::string_view s, size_t max_chars);

}  // namespace claimgraph::io::report
