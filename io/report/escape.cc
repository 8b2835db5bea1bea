#include "io/report/escape.h"

#include "engine/text/utf8.h"

namespace claimgraph::io::report {
namespace {

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
    default:
      out->push_back(c);
  }
}

bool IsXmlChar(char32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) AppendHtmlChar(&out, c);
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendXmlEscaped(&out, s);
  return out;
}

void AppendXmlEscaped(std::string* out, std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    // A run of printable ASCII that needs no entity is copied whole.
    size_t plain = pos;
    while (plain < s.size()) {
      const unsigned char p = static_cast<unsigned char>(s[plain]);
      if (p < 0x20 || p >= 0x80 || p == '&' || p == '<' || p == '>' || p == '"' || p == '\'') break;
      ++plain;
    }
    if (plain > pos) {
      out->append(s.data() + pos, plain - pos);
      pos = plain;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      if (IsXmlChar(c)) AppendHtmlChar(out, static_cast<char>(c));
      continue;
    }
    const size_t start = pos;
    const char32_t cp = engine::DecodeUtf8(s, &pos);
    if (!IsXmlChar(cp)) continue;
    if (cp == 0xFFFD && pos - start == 1) {
      engine::AppendUtf8(out, 0xFFFD);  // an invalid byte
    } else {
      out->append(s.substr(start, pos - start));
    }
  }
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
  if (starts_with_ci("http://") || starts_with_ci("https://")) return std::string(url);
  return "";
}

std::string CsvField(std::string_view s) {
  std::string out;
  AppendCsvField(&out, s);
  return out;
}

void AppendCsvField(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
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
  for (char c : s) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string MarkdownEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  // A leading '#', '+', '-' or '=' would start a heading, a list or a rule.
  if (!s.empty() && (s[0] == '#' || s[0] == '+' || s[0] == '-' || s[0] == '=')) out += '\\';
  for (char c : s) {
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
        out.push_back('\\');
        out.push_back(c);
        break;
      case '\r':
        break;
      case '\n':
        out.push_back(' ');
        break;
      default:
        out.push_back(c);
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
