#include "engine/text/sentence_splitter.h"

#include <array>
#include <string>

#include "engine/text/tokenizer.h"
#include "engine/text/utf8.h"

namespace claimgraph::engine {
namespace {

// Titles and abbreviations that never end a sentence on their own (folded, without the '.').
constexpr std::array<std::string_view, 48> kTitles = {
    "mr",     "mrs",  "ms",     "dr",   "prof", "gen", "lt",   "col",  "maj",  "capt",
    "cpt",    "sgt",  "cmdr",   "adm",  "sen",  "rep", "gov",  "pres", "rev",  "hon",
    "st",     "mt",   "ft",     "brig", "cpl",  "pvt", "supt", "insp", "amb",  "sec",
    "gov",    "atty", "messrs", "mme",  "mlle", "sr",  "sra",  "dept", "univ", "vs",
    "approx", "est",  "fig",    "no",   "nos",  "op",  "art",  "vol"};
constexpr std::array<std::string_view, 13> kMonths = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca"};
// Words that start a sentence, used to decide after an abbreviation that may also end one.
constexpr std::array<std::string_view, 30> kStarters = {
    "the",  "a",   "an",    "it",  "he",    "she",  "they",    "we",    "i",     "this",
    "that", "but", "and",   "in",  "on",    "at",   "however", "there", "these", "those",
    "his",  "her", "their", "our", "after", "when", "while",   "since", "as",    "according"};

template <size_t N>
bool In(const std::array<std::string_view, N>& table, std::string_view w) {
  // Length and first letter first: most words differ there, and this runs for every word.
  for (std::string_view t : table)
    if (t.size() == w.size() && !w.empty() && t[0] == w[0] && t == w) return true;
  return false;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
         cp == 0x202F || cp == 0x200B || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}
bool IsTerminator(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF1F || cp == 0x061F;
}
bool IsCloser(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == ')' ||
         cp == ']' || cp == 0x203A;
}
bool IsUpperStart(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= '0' && cp <= '9') || cp == '"' || cp == 0x201C || cp == 0xAB || cp == '(' ||
         cp == '[' || cp == 0x2018 || cp == '\'' || cp == 0xBF || cp == 0xA1 || cp > 0x24F;
}
bool IsLowerStart(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF); }

size_t TrimLeft(std::string_view text, size_t b, size_t e) {
  while (b < e) {
    size_t p = b;
    if (!IsSpace(DecodeUtf8(text, &p))) break;
    b = p;
  }
  return b;
}
size_t TrimRight(std::string_view text, size_t b, size_t e) {
  while (e > b) {
    size_t s = e - 1;
    while (s > b && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
    size_t p = s;
    if (!IsSpace(DecodeUtf8(text, &p))) break;
    e = s;
  }
  return e;
}

// The word that ends just before byte `dot` (letters, digits, internal dots and hyphens).
std::string_view WordBefore(std::string_view text, size_t begin, size_t dot) {
  size_t s = dot;
  while (s > begin) {
    const unsigned char c = static_cast<unsigned char>(text[s - 1]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '"' || c == '\'' || c == ',') break;
    if (c < 0x80 && !std::isalnum(c) && c != '.' && c != '-') break;
    --s;
  }
  return text.substr(s, dot - s);
}

// The first word starting at byte `pos` (folded).
std::string NextWord(std::string_view text, size_t pos, size_t end) {
  std::string_view rest = text.substr(pos, end - pos);
  size_t e = 0;
  while (e < rest.size() && rest[e] != ' ' && rest[e] != ',' && rest[e] != '\n') ++e;
  return FoldCase(rest.substr(0, e));
}

}  // namespace

bool IsAbbreviation(std::string_view word) {
  if (word.empty()) return false;
  const std::string w = FoldCase(word);
  if (In(kTitles, w) || In(kMonths, w)) return true;
  // Dotted acronyms and initials: "U.S", "a.m", "F".
  if (w.find('.') != std::string::npos) return true;
  return false;
}

std::vector<TextSpan> SplitParagraphs(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t b = TrimLeft(text, start, nl);
    const size_t e = TrimRight(text, b, nl);
    if (e > b) out.push_back({b, e});
    start = nl + 1;
  }
  return out;
}

std::vector<TextSpan> SplitSentences(std::string_view text, TextSpan span) {
  std::vector<TextSpan> out;
  size_t sentence_begin = span.begin;
  size_t pos = span.begin;
  auto emit = [&](size_t end) {
    const size_t b = TrimLeft(text, sentence_begin, end);
    const size_t e = TrimRight(text, b, end);
    if (e > b) out.push_back({b, e});
    sentence_begin = end;
  };
  while (pos < span.end) {
    const size_t term_at = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    if (cp == '\n') {
      emit(term_at);
      continue;
    }
    if (!IsTerminator(cp)) continue;
    // Run of terminators ("?!", "...") and closing quotes or brackets.
    size_t after = pos;
    bool multiple_dots = false;
    while (after < span.end) {
      size_t p = after;
      const char32_t c = DecodeUtf8(text, &p);
      if (IsTerminator(c)) {
        multiple_dots = true;
        after = p;
      } else if (IsCloser(c)) {
        after = p;
      } else {
        break;
      }
    }
    if (after >= span.end) break;  // the span's end closes the sentence
    // Must be followed by white space.
    size_t p = after;
    const char32_t space = DecodeUtf8(text, &p);
    if (!IsSpace(space)) {
      continue;
    }
    const size_t next_start = TrimLeft(text, after, span.end);
    if (next_start >= span.end) break;
    size_t q = next_start;
    const char32_t next = DecodeUtf8(text, &q);
    if (IsLowerStart(next)) continue;
    if (!IsUpperStart(next) && next != '-' && next != 0x2013 && next != 0x2014) continue;
    if (cp == '.' && !multiple_dots) {
      const std::string_view word = WordBefore(text, sentence_begin, term_at);
      const std::string folded = FoldCase(word);
      const bool next_digit = next >= '0' && next <= '9';
      // A single letter is an initial ("Kenneth F. McKenzie"); titles never end a sentence.
      if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0])) &&
          std::isupper(static_cast<unsigned char>(word[0])))
        continue;
      if (In(kTitles, folded) && folded != "no" && folded != "art" && folded != "op") continue;
      if ((folded == "no" || folded == "nos" || folded == "art" || folded == "op") && next_digit)
        continue;
      if (In(kMonths, folded) && next_digit) continue;
      if (folded.find('.') != std::string::npos) {
        // Dotted acronym: a sentence ends only if a typical sentence starter follows.
        if (!In(kStarters, NextWord(text, next_start, span.end))) continue;
      }
    }
    emit(after);
    pos = next_start;
  }
  emit(span.end);
  return out;
}

std::vector<TextSpan> SplitSentences(std::string_view text) {
  std::vector<TextSpan> out;
  for (const TextSpan& p : SplitParagraphs(text)) {
    std::vector<TextSpan> s = SplitSentences(text, p);
    out.insert(out.end(), s.begin(), s.end());
  }
  return out;
}

std::vector<TextSpan> QuoteSpans(std::string_view text, TextSpan span) {
  std::vector<TextSpan> out;
  size_t pos = span.begin;
  bool open = false;
  size_t open_at = 0;
  char32_t prev = ' ';
  while (pos < span.end) {
    const size_t at = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    const bool curly_open = cp == 0x201C || cp == 0xAB || cp == 0x201E;
    const bool curly_close = cp == 0x201D || cp == 0xBB;
    bool opens = false, closes = false;
    if (curly_open) {
      if (open) {
        // A second opening mark while open: a misprinted closing mark when it ends a word or the
        // span ("... forces. “"), else a restart of unbalanced input.
        size_t p = pos;
        const char32_t next = p < span.end ? DecodeUtf8(text, &p) : ' ';
        if (IsSpace(next) || next == '.' || next == ',' || pos >= span.end) {
          closes = true;
        } else {
          open_at = at;
        }
      } else {
        opens = true;
      }
    } else if (curly_close) {
      closes = open;
    } else if (cp == '"') {
      if (open) {
        closes = true;
      } else {
        opens = IsSpace(prev) || prev == '(' || prev == '[' || at == span.begin || prev == ':' ||
                prev == 0x2014 || prev == 0x2013 || prev == '-';
        if (!opens) opens = true;  // straight quote with text before: still an opening
      }
    }
    if (opens && !open) {
      open = true;
      open_at = at;
    } else if (closes) {
      out.push_back({open_at, pos});
      open = false;
    }
    prev = cp;
  }
  if (open) out.push_back({open_at, span.end});
  return out;
}

}  // namespace claimgraph::engine
