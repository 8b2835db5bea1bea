// Escaping for the output formats. One filter underlies them all (AppendFiltered): runs of
// ordinary ASCII are copied whole, the format's special ASCII bytes and the control characters go
// to a per-format function, C1 controls are dropped and invalid UTF-8 becomes U+FFFD.
#include "io/report/escape.h"

#include <array>
#include <cstdio>

#include "engine/text/utf8.h"

namespace claimgraph::io::report {
namespace {

// ASCII bytes that a format must see one by one: every control character (C0 and DEL), and the
// characters listed.
using AsciiTable = std::array<bool, 128>;

constexpr AsciiTable MakeTable(std::string_view chars) {
  AsciiTable t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t[0x7F] = true;
  for (char c : chars) t[static_cast<unsigned char>(c)] = true;
  return t;
}

constexpr AsciiTable kHtmlTable = MakeTable("&<>\"'");
constexpr AsciiTable kCsvTable = MakeTable("\"");
constexpr AsciiTable kDotTable = MakeTable("\"\\");
constexpr AsciiTable kMarkdownTable = MakeTable("\\`*_[]<>|");

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7F; }

// Appends `s` to `out`: ordinary ASCII as it is, special ASCII bytes (per `table`) through
// ascii(out, c), valid non-ASCII code points as they are except C1 controls (dropped) and, with
// `xml`, U+FFFE / U+FFFF (not XML characters); invalid UTF-8 and surrogates as U+FFFD.
template <class AsciiFn>
void AppendFiltered(std::string* out, std::string_view s, const AsciiTable& table, AsciiFn ascii,
                    bool xml = false) {
  const size_t n = s.size();
  size_t pos = 0;
  while (pos < n) {
    size_t plain = pos;
    while (plain < n) {
      const unsigned char c = static_cast<unsigned char>(s[plain]);
      if (c >= 0x80 || table[c]) break;
      ++plain;
    }
    if (plain > pos) {
      out->append(s.data() + pos, plain - pos);
      pos = plain;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ascii(out, static_cast<char>(c));
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t cp = engine::DecodeUtf8(s, &pos);
    if ((cp == 0xFFFD && pos - start == 1) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      engine::AppendUtf8(out, 0xFFFD);
    } else if (cp <= 0x9F) {
      // A C1 control: dropped.
    } else if (xml && (cp == 0xFFFE || cp == 0xFFFF)) {
      // Not an XML character: dropped.
    } else {
      out->append(s.data() + start, pos - start);
    }
  }
}

void AppendHtmlChar(std::string* out, char c) {
  switch (c) {
    case '&':
      *out += "&amp;";
      break;
    case '<':
      *out += "&lt;";
      break;
    case '>':
      *out += "&gt;";
      break;
    case '"':
      *out += "&quot;";
      break;
    case '\'':
      *out += "&#39;";
      break;
    case '\t':
    case '\n':
    case '\r':
      out->push_back(c);
      break;
    default:
      break;  // other control characters: dropped
  }
}

// True if `s` is plain printable ASCII with no byte in `table`: then a filter would copy it as is.
bool IsPlain(std::string_view s, const AsciiTable& table) {
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || table[c]) return false;
  }
  return true;
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void AppendPercent(std::string* out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendFiltered(&out, s, kHtmlTable, AppendHtmlChar);
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendXmlEscaped(&out, s);
  return out;
}

void AppendXmlEscaped(std::string* out, std::string_view s) {
  AppendFiltered(out, s, kHtmlTable, AppendHtmlChar, /*xml=*/true);
}

std::string SafeHref(std::string_view url) {
  auto starts_with_ci = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  if (!starts_with_ci("http://") && !starts_with_ci("https://")) return "";
  std::string out;
  out.reserve(url.size());
  for (size_t i = 0; i < url.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(url[i]);
    const bool encode =
        c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}' ||
        (c == '%' && !(i + 2 < url.size() && IsHexDigit(url[i + 1]) && IsHexDigit(url[i + 2])));
    if (encode) {
      AppendPercent(&out, c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string CsvField(std::string_view s) {
  std::string out;
  AppendCsvField(&out, s);
  return out;
}

void AppendCsvField(std::string* out, std::string_view s) {
  // Control characters out first (keeping tab and line breaks): what is left decides the rest.
  std::string filtered;
  if (!IsPlain(s, kCsvTable)) {
    filtered.reserve(s.size());
    AppendFiltered(&filtered, s, kCsvTable, [](std::string* o, char c) {
      if (!IsControl(static_cast<unsigned char>(c)) || c == '\t' || c == '\n' || c == '\r')
        o->push_back(c);
    });
    s = filtered;
  }
  // OWASP, CSV injection: a cell a spreadsheet would evaluate is prefixed with an apostrophe.
  const bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                      s[0] == '\t' || s[0] == '\r');
  const bool quote = formula || s.find_first_of(",;\"\r\n") != std::string_view::npos;
  if (!quote) {
    out->append(s);
    return;
  }
  out->push_back('"');
  if (formula) out->push_back('\'');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string DotEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendDotEscaped(&out, s);
  return out;
}

void AppendDotEscaped(std::string* out, std::string_view s) {
  AppendFiltered(out, s, kDotTable, [](std::string* o, char c) {
    switch (c) {
      case '"':
        *o += "\\\"";
        break;
      case '\\':
        *o += "\\\\";
        break;
      case '\n':
        *o += "\\n";
        break;
      case '\t':
        o->push_back(' ');
        break;
      default:
        break;  // CR and other control characters: dropped
    }
  });
}

std::string MarkdownEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  AppendFiltered(&out, s, kMarkdownTable, [](std::string* o, char c) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
        o->push_back('\\');
        o->push_back(c);
        break;
      case '\n':
      case '\t':
        o->push_back(' ');
        break;
      default:
        break;  // CR and other control characters: dropped
    }
  });
  // A leading '#', '+', '-' or '=' would start a heading, a list or a rule (checked after the
  // control characters are gone, so none can hide one).
  if (!out.empty() && (out[0] == '#' || out[0] == '+' || out[0] == '-' || out[0] == '=')) {
    out.insert(out.begin(), '\\');
  }
  return out;
}

std::string TerminalSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const size_t n = s.size();
  size_t pos = 0;
  char buf[16];
  while (pos < n) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      if (!IsControl(c)) {
        out.push_back(static_cast<char>(c));
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else {
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
      }
      continue;
    }
    const size_t start = pos;
    const char32_t cp = engine::DecodeUtf8(s, &pos);
    if ((cp == 0xFFFD && pos - start == 1) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      for (size_t i = start; i < pos; ++i) {
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
        out += buf;
      }
    } else if (cp <= 0x9F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s.data() + start, pos - start);
    }
  }
  return out;
}

std::string Truncate(std::string_view s, size_t max_chars) {
  size_t pos = 0, n = 0;
  while (pos < s.size() && n < max_chars) {
    engine::DecodeUtf8(s, &pos);
    ++n;
  }
  if (pos >= s.size()) return std::string(s);
  return std::string(s.substr(0, pos)) + "\xE2\x80\xA6";
}

}  // namespace claimgraph::io::report
