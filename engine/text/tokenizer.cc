#include "engine/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "engine/text/utf8.h"

namespace claimgraph::engine {
namespace {

// Base letter for U+00C0..U+017F, or 0 if the code point is not a letter there.
char32_t FoldLatin(char32_t cp) {
  static constexpr std::string_view kLatin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char c = kLatin1[cp - 0xC0];
    return (c == '*' || c == '/') ? 0 : static_cast<char32_t>(c);
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static constexpr std::string_view kExtA =  // U+0100..U+017F, pairs of upper/lower
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllllnnnnnnnnnooooooooorrrr"
        "rr"
        "ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    return static_cast<char32_t>(kExtA[cp - 0x100]);
  }
  return 0;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Letters: ASCII letters, folded Latin letters, and any other code point outside the ASCII,
// Latin-1 punctuation, general punctuation and symbol blocks.
bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp <= 0x17F) return FoldLatin(cp) != 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

void AppendFolded(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp));
    return;
  }
  if (const char32_t base = FoldLatin(cp)) {
    out->push_back(static_cast<char>(base));
    return;
  }
  AppendUtf8(out, cp);
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) AppendFolded(&out, DecodeUtf8(text, &pos));
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    if (IsDigit(cp)) {
      Token t;
      t.numeric = true;
      t.begin = start;
      t.text.push_back(static_cast<char>(cp));
      bool seen_point = false;
      while (pos < text.size()) {
        const char c = text[pos];
        if (IsDigit(static_cast<unsigned char>(c))) {
          t.text.push_back(c);
          ++pos;
        } else if ((c == ',' || c == '.') && pos + 1 < text.size() &&
                   IsDigit(static_cast<unsigned char>(text[pos + 1]))) {
          // "2,500": a comma before exactly three digits groups thousands; a point is decimal.
          if (c == ',') {
            auto digit_at = [&](size_t i) {
              return i < text.size() && IsDigit(static_cast<unsigned char>(text[i]));
            };
            const bool three =
                digit_at(pos + 1) && digit_at(pos + 2) && digit_at(pos + 3) && !digit_at(pos + 4);
            if (!three) break;
          } else {
            if (seen_point) break;
            seen_point = true;
            t.text.push_back('.');
          }
          ++pos;
        } else {
          break;
        }
      }
      // Digits running into letters ("2nd", "10km") stay one token.
      while (pos < text.size()) {
        size_t next = pos;
        const char32_t c2 = DecodeUtf8(text, &next);
        if (!IsLetter(c2) && !IsDigit(c2)) break;
        AppendFolded(&t.text, c2);
        t.numeric = false;
        pos = next;
      }
      t.end = pos;
      tokens.push_back(std::move(t));
      continue;
    }
    if (!IsLetter(cp)) continue;
    Token t;
    t.begin = start;
    AppendFolded(&t.text, cp);
    size_t end = pos;
    while (pos < text.size()) {
      size_t next = pos;
      const char32_t c2 = DecodeUtf8(text, &next);
      if (IsLetter(c2) || IsDigit(c2)) {
        AppendFolded(&t.text, c2);
        pos = next;
        end = pos;
      } else if (IsApostrophe(c2) && next < text.size()) {
        size_t after = next;
        const char32_t c3 = DecodeUtf8(text, &after);
        if (!IsLetter(c3)) break;
        t.text.push_back('\'');
        pos = next;
      } else {
        break;
      }
    }
    t.end = end;
    if (t.text.size() > 2 && t.text.ends_with("'s")) t.text.resize(t.text.size() - 2);
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<std::string> TokenStrings(std::string_view text) {
  std::vector<std::string> out;
  for (Token& t : Tokenize(text)) out.push_back(std::move(t.text));
  return out;
}

bool IsStopword(std::string_view word) {
  static const std::unordered_set<std::string_view> kStopwords = {
      "a",        "about",      "above", "after", "again",   "against", "all",   "am",
      "an",       "and",        "any",   "are",   "as",      "at",      "be",    "because",
      "been",     "before",     "being", "below", "between", "both",    "but",   "by",
      "can",      "could",      "did",   "do",    "does",    "doing",   "down",  "during",
      "each",     "few",        "for",   "from",  "further", "had",     "has",   "have",
      "having",   "he",         "her",   "here",  "hers",    "herself", "him",   "himself",
      "his",      "how",        "i",     "if",    "in",      "into",    "is",    "it",
      "its",      "itself",     "just",  "me",    "more",    "most",    "my",    "myself",
      "of",       "off",        "on",    "once",  "only",    "or",      "other", "our",
      "ours",     "ourselves",  "out",   "over",  "own",     "same",    "she",   "should",
      "so",       "some",       "such",  "than",  "that",    "the",     "their", "theirs",
      "them",     "themselves", "then",  "there", "these",   "they",    "this",  "those",
      "through",  "to",         "too",   "under", "until",   "up",      "very",  "was",
      "we",       "were",       "what",  "when",  "where",   "which",   "while", "who",
      "whom",     "why",        "will",  "with",  "would",   "you",     "your",  "yours",
      "yourself", "also",       "said",  "says",  "say",     "its",     "would", "shall",
      "may",      "might",      "must",  "mr",    "ms",      "mrs"};
  return kStopwords.count(word) > 0;
}

}  // namespace claimgraph::engine
