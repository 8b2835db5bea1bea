#include "io/readers/metadata.h"

#include <cctype>
#include <vector>

#include "io/readers/date_normalize.h"

namespace claimgraph::io {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.')) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (StartsWithNoCase(s.substr(i), needle)) return true;
  }
  return false;
}

// A plausible outlet name: 2..60 bytes, starts with a letter or digit, not a sentence.
bool PlausibleName(std::string_view s) {
  if (s.size() < 2 || s.size() > 60) return false;
  if (!std::isalnum(static_cast<unsigned char>(s[0])) && static_cast<unsigned char>(s[0]) < 0x80) {
    return false;
  }
  int words = 1;
  for (char c : s) words += c == ' ';
  return words <= 6;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<std::string> FromCopyright(std::string_view line) {
  line = Trim(line);
  size_t pos = std::string_view::npos;
  if (StartsWithNoCase(line, "copyright")) {
    pos = 9;
  } else if (line.substr(0, 2) == "\xC2\xA9") {  // ©
    pos = 2;
  } else if (StartsWithNoCase(line, "(c)")) {
    pos = 3;
  }
  if (pos == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(pos);
  // Skip a second ©, spaces and the year(s): "© 2021-2025 The Cradle. All rights reserved."
  for (;;) {
    rest = Trim(rest);
    if (rest.substr(0, 2) == "\xC2\xA9") {
      rest.remove_prefix(2);
    } else if (!rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) ||
                                 rest[0] == '-' || rest[0] == ',')) {
      rest.remove_prefix(1);
    } else {
      break;
    }
  }
  for (std::string_view stop : {". All rights", ", All rights", " All rights", "|"}) {
    const size_t at = rest.find(stop);
    if (at != std::string_view::npos) rest = rest.substr(0, at);
  }
  rest = Trim(rest);
  if (!PlausibleName(rest)) return std::nullopt;
  return std::string(rest);
}

std::optional<std::string> FromDeskByline(std::string_view line) {
  line = Trim(line);
  if (line.size() > 80) return std::nullopt;
  for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "}) {
    const size_t at = line.find(dash);
    if (at == std::string_view::npos) continue;
    const std::string_view left = line.substr(0, at);
    if (!ContainsNoCase(left, "desk") && !ContainsNoCase(left, "staff") &&
        !ContainsNoCase(left, "editorial") && !ContainsNoCase(left, "newsroom")) {
      continue;
    }
    const std::string_view right = Trim(line.substr(at + dash.size()));
    if (PlausibleName(right)) return std::string(right);
  }
  return std::nullopt;
}

std::optional<std::string> FromDateline(std::string_view line) {
  // "BAGHDAD, Nov 17 (Reuters) - ..." : a parenthesised name followed by a dash.
  const size_t open = line.find('(');
  if (open == std::string_view::npos || open > 80) return std::nullopt;
  const size_t close = line.find(')', open);
  if (close == std::string_view::npos || close - open > 40) return std::nullopt;
  std::string_view after = line.substr(close + 1);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (!(after.substr(0, 1) == "-" || after.substr(0, 3) == "\xE2\x80\x93" ||
        after.substr(0, 3) == "\xE2\x80\x94")) {
    return std::nullopt;
  }
  const std::string_view name = Trim(line.substr(open + 1, close - open - 1));
  if (!PlausibleName(name) || !std::isupper(static_cast<unsigned char>(name[0]))) {
    return std::nullopt;
  }
  return std::string(name);
}

}  // namespace

std::string RemoveControlChars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) continue;
    // C1 controls are encoded C2 80 .. C2 9F.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string NormalizeLineEndings(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::string UrlHost(std::string_view url) {
  size_t start;
  if (StartsWithNoCase(url, "https://")) {
    start = 8;
  } else if (StartsWithNoCase(url, "http://")) {
    start = 7;
  } else {
    return "";
  }
  size_t end = url.find_first_of("/?#:", start);
  if (end == std::string_view::npos) end = url.size();
  std::string host(url.substr(start, end - start));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos) return "";
  return host;
}

std::optional<std::string> InferSource(std::string_view text, std::string_view url) {
  const std::vector<std::string_view> lines = Lines(text);
  const size_t n = lines.size();
  // Copyright lines sit at the bottom; desk bylines and datelines at the top.
  for (size_t k = 0; k < n && k < 15; ++k) {
    if (auto s = FromCopyright(lines[n - 1 - k])) return s;
  }
  for (size_t k = 0; k < n && k < 15; ++k) {
    if (auto s = FromCopyright(lines[k])) return s;
    if (auto s = FromDeskByline(lines[k])) return s;
    if (auto s = FromDateline(lines[k])) return s;
  }
  std::string host = UrlHost(url);
  if (!host.empty()) return host;
  return std::nullopt;
}

std::optional<std::string> InferDate(std::string_view text, std::string_view url) {
  // URL paths: /2025/11/17/ or /2025-11-17-slug.
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    const std::string_view rest = url.substr(i + 1);
    if (rest.size() < 10) break;
    std::string candidate(rest.substr(0, 10));
    if (candidate[4] == '/' && candidate[7] == '/') {
      candidate[4] = '-';
      candidate[7] = '-';
    }
    if (IsIsoDate(candidate) &&
        (rest.size() == 10 || !std::isdigit(static_cast<unsigned char>(rest[10])))) {
      return candidate;
    }
  }
  return FindDateInText(text);
}

}  // namespace claimgraph::io
