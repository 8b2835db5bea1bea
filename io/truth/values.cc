#include "io/truth/values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

namespace claimgraph::io::truth {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<std::string_view, 14> kNoiseWords = {
    "unknown", "edited", "editor", "editors", "by", "and",    "et",
    "al",      "phd",    "ph",     "jr",      "sr", "author", "eds"};

}  // namespace

bool ParseNumber(std::string_view text, double* out) {
  text = Trim(text);
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

std::string FoldText(std::string_view raw) {
  raw = Trim(raw);
  std::string out;
  out.reserve(raw.size());
  bool blank = false;
  for (char c : raw) {
    if (IsBlank(c)) {
      blank = true;
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(Lower(c));
  }
  return out;
}

std::string NormalizeAuthorList(std::string_view raw) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&]() {
    if (word.size() > 1 &&
        std::find(kNoiseWords.begin(), kNoiseWords.end(), word) == kNoiseWords.end())
      words.push_back(word);
    word.clear();
  };
  for (char c : raw) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'' || c == '-') {
      word.push_back(Lower(c));
    } else if (c == '.') {
      // "ph.d" -> "phd"; "j." ends an initial
      flush();
    } else {
      flush();
    }
  }
  flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

NormalizedValue NormalizeValue(std::string_view raw, ValueKind kind) {
  NormalizedValue v{{}, std::numeric_limits<double>::quiet_NaN()};
  std::string folded = FoldText(raw);
  if (folded.empty() || folded == "null" || folded == "not available" || folded == "n/a") return v;
  if (kind == ValueKind::kAuthorList) {
    v.key = NormalizeAuthorList(folded);
    return v;
  }
  double number;
  if (ParseNumber(folded, &number)) {
    if (number == 0) number = 0;  // no "-0"
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, number);
    v.key.assign(buf, p);
    v.number = number;
    return v;
  }
  v.key = std::move(folded);
  return v;
}

}  // namespace claimgraph::io::truth
