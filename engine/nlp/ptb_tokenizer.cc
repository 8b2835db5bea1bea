// PTB-style tokenisation with byte offsets (see ptb_tokenizer.h for the conventions).
#include "engine/nlp/ptb_tokenizer.h"

#include <array>
#include <cctype>
#include <string>

#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"
#include "engine/text/utf8.h"

namespace claimgraph::engine::nlp {
namespace {

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x200B || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF ||
         (cp >= 0x2000 && cp <= 0x200A);
}
bool IsDash(char32_t cp) { return cp == 0x2014 || cp == 0x2013 || cp == 0x2015 || cp == 0x2012; }
bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsAsciiLetter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

// Decodes the code point ending just before byte `end`; sets *begin to its first byte.
char32_t DecodeBefore(std::string_view text, size_t end, size_t* begin) {
  size_t s = end - 1;
  while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80 && end - s < 4) --s;
  size_t p = s;
  const char32_t cp = DecodeUtf8(text, &p);
  if (p != end) {  // invalid sequence: take the last byte alone
    *begin = end - 1;
    return 0xFFFD;
  }
  *begin = s;
  return cp;
}

// Abbreviations that keep their period inside a sentence besides titles and months
// (engine::IsAbbreviation): corporate and name suffixes, Latin abbreviations, US state
// abbreviations as news writes them ("Calif.", "Mass."). Closed class.
constexpr std::array<std::string_view, 46> kMoreAbbreviations = {
    "inc",  "corp", "co",   "ltd",  "jr",    "bros", "llc",  "etc",  "cf",  "al",   "ave", "blvd",
    "rd",   "ala",  "ariz", "ark",  "calif", "colo", "conn", "del",  "fla", "ga",   "ill", "ind",
    "kan",  "ky",   "la",   "md",   "mass",  "mich", "minn", "miss", "mo",  "mont", "neb", "nev",
    "okla", "ore",  "pa",   "tenn", "tex",   "va",   "vt",   "wash", "wis", "wyo"};

bool IsAbbreviationWord(std::string_view word) {  // without the final '.'
  if (word.empty()) return false;
  // An initial: one letter.
  if (word.size() == 1) return IsAsciiLetter(static_cast<unsigned char>(word[0]));
  if (engine::IsAbbreviation(word)) {
    // IsAbbreviation accepts any dotted word; require letters between the dots ("U.S", "p.m"),
    // not numbers ("3.5") or sentence-internal dots of run-together sentences.
    for (char c : word) {
      if (c != '.' && !std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }
  const std::string folded = FoldCase(word);
  for (std::string_view a : kMoreAbbreviations) {
    if (a == folded) return true;
  }
  return false;
}

class SpanTokenizer {
 public:
  SpanTokenizer(std::string_view text, AnnotatedDocument* doc) : text_(text), doc_(doc) {}

  void Run(size_t begin, size_t end, bool sentence_final) {
    // Chunks between white space; the last chunk carries sentence_final.
    size_t pos = begin;
    while (pos < end) {
      size_t p = pos;
      if (IsSpace(DecodeUtf8(text_, &p))) {
        pos = p;
        continue;
      }
      size_t chunk_end = p;
      while (chunk_end < end) {
        size_t q = chunk_end;
        if (IsSpace(DecodeUtf8(text_, &q))) break;
        chunk_end = q;
      }
      size_t after = chunk_end;
      while (after < end) {
        size_t q = after;
        if (!IsSpace(DecodeUtf8(text_, &q))) break;
        after = q;
      }
      Chunk(pos, chunk_end, sentence_final && after >= end);
      pos = chunk_end;
    }
  }

 private:
  void Emit(size_t b, size_t e, std::string form) {
    Token t;
    t.form = std::move(form);
    t.begin = b;
    t.end = e;
    doc_->tokens.push_back(std::move(t));
  }

  // The form of a single punctuation code point, or "" if it is not one we split off.
  std::string PunctForm(char32_t cp, bool opening) {
    switch (cp) {
      case 0x201C:
      case 0xAB:
      case 0x201E:
        quote_open_ = true;
        return "``";
      case 0x201D:
      case 0xBB:
        quote_open_ = false;
        return "''";
      case '"':
        if (opening) {
          quote_open_ = true;
          return "``";
        }
        quote_open_ = false;
        return "''";
      case 0x2018:
        return "`";
      case 0x2019:
      case '\'':
        return opening ? "`" : "'";
      case '(':
        return "-LRB-";
      case ')':
        return "-RRB-";
      case '[':
        return "-LSB-";
      case ']':
        return "-RSB-";
      case '{':
        return "-LCB-";
      case '}':
        return "-RCB-";
      case 0x2014:
      case 0x2013:
      case 0x2015:
      case 0x2012:
        return "--";
      case 0x2026:
        return "...";
      default:
        break;
    }
    if (opening) {
      if (cp == '$' || cp == '#' || cp == '*' || cp == '<' || cp == '@' || cp == 0xA3 ||
          cp == 0x20AC || cp == 0xBF || cp == 0xA1 || cp == '~')
        return std::string(text_.substr(last_begin_, last_end_ - last_begin_));
    } else {
      if (cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == '%' || cp == '*' ||
          cp == '>')
        return std::string(text_.substr(last_begin_, last_end_ - last_begin_));
    }
    return "";
  }

  void Chunk(size_t b, size_t e, bool sentence_final) {
    // Leading punctuation.
    while (b < e) {
      size_t p = b;
      const char32_t cp = DecodeUtf8(text_, &p);
      if (cp == '-' && p < e && text_[p] == '-') {  // "--"
        size_t q = p;
        while (q < e && text_[q] == '-') ++q;
        Emit(b, q, "--");
        b = q;
        continue;
      }
      if (cp == '.' && e - b >= 3 && text_.substr(b, 3) == "...") {
        Emit(b, b + 3, "...");
        b += 3;
        continue;
      }
      if ((cp == '\'' || cp == 0x2019) && p < e) {
        // "'90s", "'em", "'til" stay words.
        size_t q = p;
        const char32_t next = DecodeUtf8(text_, &q);
        if (IsDigit(next)) break;
      }
      last_begin_ = b;
      last_end_ = p;
      std::string form = PunctForm(cp, /*opening=*/true);
      if (form.empty()) break;
      if (p >= e && (cp == '"' || cp == '\'')) form = PunctForm(cp, !quote_open_);
      Emit(b, p, std::move(form));
      b = p;
    }
    if (b >= e) return;
    // Trailing punctuation, collected from the end and emitted after the core.
    struct Piece {
      size_t b, e;
      std::string form;
    };
    std::vector<Piece> trailing;
    bool split_final_period = false;
    while (e > b) {
      size_t s;
      const char32_t cp = DecodeBefore(text_, e, &s);
      if (cp == '.') {
        // "...", an abbreviation, or a sentence period.
        if (e - b >= 3 && text_.substr(e - 3, 3) == "...") {
          trailing.push_back({e - 3, e, "..."});
          e -= 3;
          continue;
        }
        const std::string_view word = text_.substr(b, s - b);
        if (IsAbbreviationWord(word)) {
          if (sentence_final && trailing.empty()) split_final_period = true;
          break;
        }
        trailing.push_back({s, e, "."});
        e = s;
        continue;
      }
      if ((cp == '!' || cp == '?') && s > b) {
        // Runs of ! and ? stay one token ("!!!", "?!").
        size_t run = s;
        while (run > b && (text_[run - 1] == '!' || text_[run - 1] == '?')) --run;
        trailing.push_back({run, e, std::string(text_.substr(run, e - run))});
        e = run;
        continue;
      }
      if (cp == '-' && s > b && text_[s - 1] == '-') {
        size_t run = s;
        while (run > b && text_[run - 1] == '-') --run;
        trailing.push_back({run, e, "--"});
        e = run;
        continue;
      }
      last_begin_ = s;
      last_end_ = e;
      std::string form = PunctForm(cp, /*opening=*/false);
      if (form.empty()) break;
      trailing.push_back({s, e, std::move(form)});
      e = s;
    }
    if (e > b) Core(b, e, split_final_period);
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) Emit(it->b, it->e, it->form);
  }

  // A word without leading or trailing punctuation: split internal dashes and ellipses, then
  // clitics. With split_final_period, the word ends in an abbreviation's period that also ends the
  // sentence: the word keeps the period in its form and the period becomes a token too.
  void Core(size_t b, size_t e, bool split_final_period) {
    size_t piece = b;
    size_t pos = b;
    while (pos < e) {
      const size_t at = pos;
      const char32_t cp = DecodeUtf8(text_, &pos);
      size_t sep_end = 0;
      std::string sep_form;
      if (IsDash(cp)) {
        sep_end = pos;
        sep_form = "--";
      } else if (cp == 0x2026) {
        sep_end = pos;
        sep_form = "...";
      } else if (cp == '-' && pos < e && text_[pos] == '-') {
        sep_end = pos;
        while (sep_end < e && text_[sep_end] == '-') ++sep_end;
        sep_form = "--";
      } else if (cp == '.' && e - at >= 3 && text_.substr(at, 3) == "..." && at > b) {
        sep_end = at + 3;
        while (sep_end < e && text_[sep_end] == '.') ++sep_end;
        sep_form = "...";
      }
      if (sep_end == 0) continue;
      if (at > piece) Word(piece, at, false);
      Emit(at, sep_end, sep_form);
      piece = pos = sep_end;
    }
    if (piece < e) Word(piece, e, split_final_period);
  }

  void Word(size_t b, size_t e, bool split_final_period) {
    if (split_final_period) {
      // "U.S." closing a sentence: "U.S." over "U.S" and "." over the period.
      std::string form = Normalize(b, e);
      Emit(b, e - 1, form);
      Emit(e - 1, e, ".");
      return;
    }
    // Clitics, matched case-insensitively with straight or curly apostrophes.
    const std::string n = Normalize(b, e);
    std::string lower;
    for (char c : n)
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    static constexpr std::array<std::string_view, 7> kClitics = {"n't", "'s", "'re", "'ve",
                                                                 "'ll", "'d", "'m"};
    for (std::string_view c : kClitics) {
      if (lower.size() <= c.size() || lower.compare(lower.size() - c.size(), c.size(), c) != 0)
        continue;
      const size_t stem_len = lower.size() - c.size();
      if (!std::isalpha(static_cast<unsigned char>(lower[stem_len - 1]))) continue;
      // Byte offset of the clitic in the text: count back over the clitic's code points, where
      // a curly apostrophe is three bytes.
      size_t split = e;
      for (size_t k = 0; k < c.size(); ++k) {
        size_t s;
        DecodeBefore(text_, split, &s);
        split = s;
      }
      if (split <= b) break;
      Emit(b, split, n.substr(0, stem_len));
      Emit(split, e, n.substr(stem_len));
      return;
    }
    // Fused forms CoreNLP splits: "cannot", "gonna", "gotta", "wanna".
    if (lower == "cannot") {
      Emit(b, b + 3, n.substr(0, 3));
      Emit(b + 3, e, n.substr(3));
      return;
    }
    if (lower == "gonna" || lower == "gotta" || lower == "wanna") {
      Emit(b, b + 3, n.substr(0, 3));
      Emit(b + 3, e, n.substr(3));
      return;
    }
    Emit(b, e, n);
  }

  // The form of text[b, e): curly apostrophes straight, soft hyphens dropped.
  std::string Normalize(size_t b, size_t e) const {
    std::string out;
    out.reserve(e - b);
    size_t pos = b;
    while (pos < e) {
      const size_t at = pos;
      const char32_t cp = DecodeUtf8(text_, &pos);
      if (cp == 0x2019 || cp == 0x2018) {
        out.push_back('\'');
      } else if (cp == 0xAD) {
        continue;
      } else {
        out.append(text_.substr(at, pos - at));
      }
    }
    return out;
  }

  std::string_view text_;
  AnnotatedDocument* doc_;
  bool quote_open_ = false;
  size_t last_begin_ = 0, last_end_ = 0;
};

}  // namespace

void TokenizeSpan(std::string_view text, size_t begin, size_t end, bool sentence_final,
                  AnnotatedDocument* doc) {
  SpanTokenizer(text, doc).Run(begin, end, sentence_final);
}

AnnotatedDocument TokenizeDocument(std::string_view text) {
  AnnotatedDocument doc;
  doc.text = std::string(text);
  SpanTokenizer tokenizer(text, &doc);
  for (const TextSpan& span : SplitSentences(text)) {
    const size_t first = doc.tokens.size();
    tokenizer.Run(span.begin, span.end, /*sentence_final=*/true);
    if (doc.tokens.size() == first) continue;
    Sentence s;
    s.first = first;
    s.count = doc.tokens.size() - first;
    s.begin = span.begin;
    s.end = span.end;
    doc.sentences.push_back(s);
  }
  return doc;
}

}  // namespace claimgraph::engine::nlp
