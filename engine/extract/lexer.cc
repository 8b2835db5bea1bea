#include "engine/extract/lexer.h"

#include "engine/text/tokenizer.h"
#include "engine/text/utf8.h"

namespace claimgraph::engine {
namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c == 0xFEFF || c == 0xFFFD || c == 0x060C || c == 0x061F || c == 0x061B) return false;
  return true;
}
bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && (c % 2) == 0);
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

char32_t Peek(std::string_view t, size_t pos, size_t end) {
  if (pos >= end) return 0;
  return DecodeUtf8(t, &pos);
}

}  // namespace

std::vector<Lexeme> Lex(std::string_view text, size_t begin, size_t end) {
  std::vector<Lexeme> out;
  size_t pos = begin;
  while (pos < end) {
    const size_t start = pos;
    const char32_t c = DecodeUtf8(text, &pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
        (c >= 0x2000 && c <= 0x200B) || c == 0x202F)
      continue;
    if (IsWordChar(c)) {
      Lexeme l;
      l.begin = start;
      l.kind = IsDigit(c) ? Lexeme::kNumber : Lexeme::kWord;
      l.capital = IsUpper(c);
      size_t e = pos;
      char32_t prev = c;
      while (e < end) {
        size_t p = e;
        const char32_t d = DecodeUtf8(text, &p);
        if (IsWordChar(d)) {
          e = p;
          prev = d;
          continue;
        }
        const char32_t next = Peek(text, p, end);
        // Internal apostrophe, hyphen; "2,500" and "3.5"; "U.S." style dots.
        if ((IsApostrophe(d) || IsHyphen(d)) && IsWordChar(next) && next != 0) {
          e = p;
          prev = d;
          continue;
        }
        if ((d == ',' || d == '.') && IsDigit(prev) && IsDigit(next)) {
          e = p;
          prev = d;
          continue;
        }
        if (d == '.' && IsUpper(prev) && IsUpper(next) && l.kind == Lexeme::kWord) {
          // "U.S": only single letters between dots.
          const size_t q = p;
          size_t r = q;
          DecodeUtf8(text, &r);
          const char32_t after = Peek(text, r, end);
          if (!IsWordChar(after) || after == 0 || after == '.') {
            e = p;
            prev = d;
            continue;
          }
        }
        break;
      }
      // "U.S." keeps its final dot when it follows a single-letter part.
      if (e < end && text[e] == '.' && e >= 2 && text[e - 2] == '.') ++e;
      l.end = e;
      std::string raw(text.substr(start, e - start));
      std::string folded = FoldCase(raw);
      // Normalise curly apostrophes.
      std::string norm;
      for (size_t i = 0; i < folded.size();) {
        if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
          norm.push_back('\'');
          i += 3;
        } else {
          norm.push_back(folded[i++]);
        }
      }
      if (norm.size() > 2 && norm.compare(norm.size() - 2, 2, "'s") == 0) {
        l.possessive = true;
        norm.resize(norm.size() - 2);
      } else if (norm.size() > 1 && norm.back() == '\'') {
        norm.pop_back();
      }
      if (l.kind == Lexeme::kNumber) {
        std::string digits;
        for (char ch : norm)
          if (ch != ',') digits.push_back(ch);
        norm = digits;
      }
      l.folded = std::move(norm);
      out.push_back(std::move(l));
      pos = e;
      continue;
    }
    Lexeme l;
    l.kind = Lexeme::kPunct;
    l.begin = start;
    l.end = pos;
    switch (c) {
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0xAB:
      case 0xBB:
      case '"':
        l.folded = "\"";
        break;
      case 0x2018:
      case 0x2019:
      case '\'':
        l.folded = "'";
        break;
      case 0x2013:
      case 0x2014:
      case 0x2012:
      case 0x2015:
      case 0x2212:
      case '-':
        l.folded = "-";
        break;
      case 0x2026:
        l.folded = ".";
        break;
      case 0x061F:
        l.folded = "?";
        break;
      case 0x060C:
        l.folded = ",";
        break;
      default: {
        std::string s;
        AppendUtf8(&s, c);
        l.folded = s;
      }
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace claimgraph::engine
