// Escaping for every output format the reports and exports write: HTML / XML text and attributes,
// JSON strings (through nlohmann), CSV fields (RFC 4180), Graphviz DOT strings and Markdown
// inline text. Claim text is untrusted input (it comes from web pages), so every writer in
// io/report passes it through one of these before it reaches a file.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::io::report {

// Escapes &, <, >, " and ' for HTML text and quoted attribute values.
std::string HtmlEscape(std::string_view s);

// As HtmlEscape, and also drops the code points XML 1.0 forbids (C0 controls other than tab, LF,
// CR; U+FFFE, U+FFFF) and replaces invalid UTF-8 with U+FFFD, so the output is well-formed XML.
std::string XmlEscape(std::string_view s);
// XmlEscape appended to `out`: no string per call, for the writers of large files.
void AppendXmlEscaped(std::string* out, std::string_view s);

// Returns `url` if it is an http(s) URL safe to put in an href, else "" (no javascript: links).
std::string SafeHref(std::string_view url);

// One CSV field: quoted (with "" for ") when it holds a comma, quote, CR or LF, else as is.
std::string CsvField(std::string_view s);
void AppendCsvField(std::string* out, std::string_view s);  // CsvField appended to `out`

// The inside of a DOT double-quoted string: escapes " and \, turns line breaks into \n.
std::string DotEscape(std::string_view s);
void AppendDotEscaped(std::string* out, std::string_view s);  // DotEscape appended to `out`

// Inline Markdown: backslash-escapes \ ` * _ [ ] < > |, and a leading # + - =, and folds line
// breaks into spaces, so claim text cannot open a table cell, a link, emphasis, a heading or raw
// HTML.
std::string MarkdownEscape(std::string_view s);

// At most `max_chars` code points of `s`, with "…" appended when cut. Never splits a code point.
std::string Truncate(std::string_view s, size_t max_chars);

}  // namespace claimgraph::io::report
