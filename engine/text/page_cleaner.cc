#include "engine/text/page_cleaner.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "engine/text/tokenizer.h"
#include "engine/text/utf8.h"

namespace claimgraph::engine {
namespace {

// Lines that are prompts or widgets when the whole line starts with one of these (folded, with
// punctuation collapsed to single spaces by Squash()).
constexpr std::string_view kFurniturePrefixes[] = {
    // English
    "0 comments",
    "no comments",
    "comments",
    "post a comment",
    "submit a comment",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "view comments",
    "show comments",
    "your email address will not be published",
    "required fields are marked",
    "loader image",
    "loading",
    "share this",
    "share on",
    "share",
    "tweet",
    "print this",
    "email this",
    "subscribe to",
    "subscribe",
    "sign up for",
    "sign up to",
    "newsletter",
    "get our newsletter",
    "follow us",
    "click here",
    "read more",
    "read also",
    "see also",
    "advertisement",
    "sponsored",
    "skip to content",
    "copyright",
    "all rights reserved",
    "accept cookies",
    "this website uses cookies",
    "we use cookies",
    "posted in",
    "filed under",
    "tags",
    "related topics",
    "support our journalism",
    "donate",
    "listen to this article",
    "reading time",
    "min read",
    "photo credit",
    "image credit",
    "photo",
    "image",
    "video",
    "watch",
    "send us your news",
    // Spanish
    "envianos tus noticias",
    "si conoces o tienes alguna pista",
    "suscribete",
    "suscribirse",
    "comparte",
    "compartir",
    "comentarios",
    "deja un comentario",
    "dejar un comentario",
    "publicidad",
    "noticias relacionadas",
    "te puede interesar",
    "lee tambien",
    "leer mas",
    "boletin",
    "siguenos",
    "foto",
    "imagen",
    "tu direccion de correo electronico no sera publicada",
    "los campos obligatorios estan marcados",
    // French
    "partager",
    "abonnez vous",
    "lire aussi",
    "a lire aussi",
    "commentaires",
    "laisser un commentaire",
    "publicite",
    "inscrivez vous",
    "votre adresse e mail ne sera pas publiee",
    // Portuguese
    "compartilhe",
    "compartilhar",
    "leia tambem",
    "leia mais",
    "assine",
    "comentarios",
    // German
    "teilen",
    "kommentare",
    "mehr zum thema",
    "abonnieren",
    "anzeige",
    "weiterlesen",
    // Arabic
    "شارك",
    "اقرأ أيضا",
    "اقرأ ايضا",
    "اشترك",
    "التعليقات",
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "تابعونا",
    "إعلان",
};

// Headings that open a section of other stories or comments: everything after is not article.
constexpr std::string_view kRelatedHeadings[] = {
    "latest content",
    "latest news",
    "latest",
    "latest posts",
    "latest articles",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "read more",
    "more stories",
    "more from",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "trending",
    "top stories",
    "comments",
    "0 comments",
    "no comments",
    "leave a reply",
    "post a comment",
    "submit a comment",
    "ultimas publicaciones",
    "ultimas noticias",
    "noticias relacionadas",
    "te puede interesar",
    "lo mas leido",
    "mas noticias",
    "envianos tus noticias",
    "lire aussi",
    "a lire aussi",
    "sur le meme sujet",
    "articles similaires",
    "leia tambem",
    "mais lidas",
    "mehr zum thema",
    "das konnte sie auch interessieren",
    "اقرأ أيضا",
    "أخبار ذات صلة",
    "الأكثر قراءة",
};

// Function words per language, folded. Only words that are not also common in the others.
constexpr std::string_view kEnWords[] = {
    "the",  "and",   "of",   "to",   "is", "was", "that", "with", "for",   "have",  "has",
    "they", "which", "from", "this", "it", "are", "were", "been", "their", "would", "will"};
constexpr std::string_view kEsWords[] = {
    "el",     "la",         "los",        "las", "del",     "y",        "que", "en", "por",
    "para",   "con",        "una",        "es",  "se",      "mientras", "tus", "tu", "si",
    "alguna", "cualquiera", "siguientes", "lo",  "durante", "desfile",  "nos", "su", "sus"};
constexpr std::string_view kFrWords[] = {"le",  "les", "des", "et",   "est", "une", "dans", "pour",
                                         "pas", "qui", "sur", "avec", "au",  "aux", "du"};
constexpr std::string_view kPtWords[] = {"os",  "as",  "uma", "do",   "da",  "dos", "das", "em",
                                         "não", "nao", "com", "para", "que", "são", "sao"};
constexpr std::string_view kDeWords[] = {"der", "die", "das",  "und", "ist", "nicht", "mit", "den",
                                         "dem", "ein", "eine", "auf", "für", "fur",   "sich"};
constexpr std::string_view kItWords[] = {"il",   "gli", "della", "che",  "non", "per",
                                         "sono", "del", "nel",   "alla", "di",  "una"};

template <size_t N>
int CountIn(const std::vector<std::string>& words, const std::string_view (&table)[N]) {
  int n = 0;
  for (const std::string& w : words)
    for (std::string_view t : table)
      if (t.size() == w.size() && t[0] == w[0] && w == t) {
        ++n;
        break;
      }
  return n;
}

// Folded text with every run of non-letter, non-digit characters collapsed to one space.
std::string Squash(std::string_view line) {
  std::string out;
  for (const Token& t : Tokenize(line)) {
    if (!out.empty()) out.push_back(' ');
    out += t.text;
  }
  return out;
}

bool StartsWithWords(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size() || s.compare(0, prefix.size(), prefix) != 0) return false;
  return s.size() == prefix.size() || s[prefix.size()] == ' ';
}

int WordCount(std::string_view s) { return static_cast<int>(Tokenize(s).size()); }

bool EndsWithTerminal(std::string_view line) {
  // Last code point that is not a closing quote / bracket.
  size_t e = line.size();
  while (e > 0) {
    size_t s = e - 1;
    while (s > 0 && (static_cast<unsigned char>(line[s]) & 0xC0) == 0x80) --s;
    size_t p = s;
    const char32_t cp = DecodeUtf8(line, &p);
    if (cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' ||
        cp == 0xBB || cp == ' ') {
      e = s;
      continue;
    }
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' || cp == ';' ||
           cp == 0x061F || cp == 0x3002;
  }
  return false;
}

// "PHOTO/AP - ...", "REUTERS/CARLOS BARRIA - ...": an upper-case credit with '/' before a dash.
bool IsPhotoCredit(std::string_view line) {
  size_t dash = std::string_view::npos;
  for (std::string_view d : {" - ", " – ", " — ", " -", "- "}) {
    const size_t p = line.find(d);
    if (p != std::string_view::npos && p < dash) dash = p;
  }
  if (dash == std::string_view::npos || dash == 0 || dash > 60) return false;
  const std::string_view head = line.substr(0, dash);
  bool slash = false, lower = false, letter = false;
  for (char c : head) {
    if (c == '/') slash = true;
    if (std::islower(static_cast<unsigned char>(c))) lower = true;
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
  }
  return letter && !lower && slash;
}

struct Pattern {
  std::string squashed;
  int words;
  std::string_view original;
};

// Squashed forms of a table, computed once (thread-safe static initialisation).
template <size_t N>
std::vector<Pattern> SquashAll(const std::string_view (&table)[N]) {
  std::vector<Pattern> out;
  for (std::string_view p : table) {
    Pattern pattern{Squash(p), 0, p};
    pattern.words =
        static_cast<int>(std::count(pattern.squashed.begin(), pattern.squashed.end(), ' ')) + 1;
    out.push_back(std::move(pattern));
  }
  return out;
}
const std::vector<Pattern>& FurniturePatterns() {
  static const std::vector<Pattern> patterns = SquashAll(kFurniturePrefixes);
  return patterns;
}
const std::vector<Pattern>& RelatedPatterns() {
  static const std::vector<Pattern> patterns = SquashAll(kRelatedHeadings);
  return patterns;
}

// A line tokenized once for all the tests below.
struct Line {
  std::string_view text;
  std::vector<Token> tokens;
  std::string squashed;
  int words = 0;
  explicit Line(std::string_view t) : text(t), tokens(Tokenize(t)) {
    for (const Token& tok : tokens) {
      if (!squashed.empty()) squashed.push_back(' ');
      squashed += tok.text;
    }
    words = static_cast<int>(tokens.size());
  }
};

std::string FurnitureReasonOf(const Line& line);
bool IsRelatedHeadingOf(const Line& line);
std::string GuessLanguageOf(const std::vector<Token>& tokens);
std::unordered_set<std::string> ContentWordsOf(const std::vector<Token>& tokens);

}  // namespace

std::string_view ToString(BlockKind kind) {
  switch (kind) {
    case BlockKind::kBody:
      return "body";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kFurniture:
      return "furniture";
    case BlockKind::kRelated:
      return "related";
    case BlockKind::kForeign:
      return "foreign";
    case BlockKind::kRepeated:
      return "repeated";
    case BlockKind::kOffTopic:
      return "off-topic";
  }
  return "body";
}

namespace {

std::string FurnitureReasonOf(const Line& line) {
  const std::string& s = line.squashed;
  if (s.empty()) return "no words";
  if (IsPhotoCredit(line.text)) return "photo credit";
  if (line.text.find('|') != std::string_view::npos && line.words <= 15 &&
      !EndsWithTerminal(line.text))
    return "meta line";
  const int words = line.words;
  if (words <= 48) {
    for (const Pattern& p : FurniturePatterns()) {
      // A prompt is short; a long line that merely begins with "Share" or "Photo" is prose.
      if (!StartsWithWords(s, p.squashed)) continue;
      if (words <= p.words + 3 || (p.words >= 3 && words <= 40))
        return "prompt: " + std::string(p.original);
    }
  }
  // A subscription offer runs longer than a prompt: "Subscribe to X for 4.99 a month for
  // unlimited articles. Already a subscriber? Log in".
  if (words <= 40 && StartsWithWords(s, "subscribe")) {
    for (std::string_view offer : {"a month", "per month", "subscriber", "unlimited", "log in"})
      if (s.find(offer) != std::string::npos) return "prompt: subscription offer";
  }
  // "Photo: ...", "(Photo by ...)" captions.
  for (std::string_view p : {"photo:", "(photo", "foto:", "image:", "file photo", "credit:"}) {
    if (FoldCase(line.text.substr(0, p.size())) == p) return "caption";
  }
  return {};
}

bool IsRelatedHeadingOf(const Line& line) {
  if (line.words > 6) return false;
  for (const Pattern& p : RelatedPatterns())
    if (line.squashed == p.squashed) return true;
  return false;
}

std::string GuessLanguageOf(const std::vector<Token>& tokens) {
  std::vector<std::string> words;
  bool arabic = false;
  for (const Token& t : tokens) {
    words.push_back(t.text);
    size_t p = 0;
    const char32_t cp = DecodeUtf8(t.text, &p);
    if (cp >= 0x600 && cp <= 0x6FF) arabic = true;
  }
  if (arabic) return "ar";
  // Plain English prose: a sixth of the words or more are English function words.
  const int en = CountIn(words, kEnWords);
  if (en >= 3 && en * 6 >= static_cast<int>(words.size())) return "en";
  struct Score {
    const char* lang;
    int n;
  };
  Score scores[] = {{"en", CountIn(words, kEnWords)}, {"es", CountIn(words, kEsWords)},
                    {"fr", CountIn(words, kFrWords)}, {"pt", CountIn(words, kPtWords)},
                    {"de", CountIn(words, kDeWords)}, {"it", CountIn(words, kItWords)}};
  std::sort(std::begin(scores), std::end(scores),
            [](const Score& a, const Score& b) { return a.n > b.n; });
  if (scores[0].n < 2 || scores[0].n < 2 * scores[1].n) return {};
  return scores[0].lang;
}

// Content words of a text as crude stems (the first six letters: "withdrawal" and
// "withdrawing" meet), without stop words and numbers.
std::unordered_set<std::string> ContentWordsOf(const std::vector<Token>& tokens) {
  std::unordered_set<std::string> out;
  for (const Token& t : tokens) {
    if (t.numeric || t.text.size() < 3 || IsStopword(t.text)) continue;
    out.insert(t.text.substr(0, 6));
  }
  return out;
}

}  // namespace

std::string FurnitureReason(std::string_view line) { return FurnitureReasonOf(Line(line)); }

bool IsRelatedSectionHeading(std::string_view line) { return IsRelatedHeadingOf(Line(line)); }

std::string GuessLanguage(std::string_view text) { return GuessLanguageOf(Tokenize(text)); }

bool IsBylineSentence(std::string_view sentence, std::string_view source) {
  if (EndsWithTerminal(sentence)) return false;
  const std::string folded = FoldCase(sentence);
  if (StartsWithWords(Squash(sentence), "by") && WordCount(sentence) <= 6) return true;
  size_t dash = std::string_view::npos, dash_len = 0;
  for (std::string_view d : {" - ", " – ", " — "}) {
    const size_t p = sentence.find(d);
    if (p != std::string_view::npos && p < dash) {
      dash = p;
      dash_len = d.size();
    }
  }
  if (dash == std::string_view::npos) return false;
  const std::string_view left = sentence.substr(0, dash);
  const std::string_view right = sentence.substr(dash + dash_len);
  const int lw = WordCount(left), rw = WordCount(right);
  if (lw == 0 || rw == 0 || lw > 6 || rw > 8) return false;
  if (!source.empty() && Squash(right) == Squash(source)) return true;
  // Left side a name: every word capitalised (particles and initials allowed).
  size_t pos = 0;
  bool at_word = true;
  while (pos < left.size()) {
    const char c = left[pos];
    if (c == ' ') {
      at_word = true;
    } else if (at_word) {
      at_word = false;
      const std::string_view rest = left.substr(pos);
      const bool particle = rest.rfind("al-", 0) == 0 || rest.rfind("bin ", 0) == 0 ||
                            rest.rfind("de ", 0) == 0 || rest.rfind("van ", 0) == 0;
      if (!particle &&
          !(std::isupper(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80))
        return false;
    }
    ++pos;
  }
  return true;
}

size_t DatelineEnd(std::string_view sentence, std::string_view source) {
  // "<Source> – Opinion:" / "<Source> - Interview:" / "<Source>:" at the start.
  if (!source.empty()) {
    const std::string sq_source = Squash(source);
    const size_t colon = sentence.find(':');
    if (colon != std::string_view::npos && colon < source.size() + 30) {
      const std::string head = Squash(sentence.substr(0, colon));
      if (StartsWithWords(head, sq_source) &&
          WordCount(sentence.substr(0, colon)) <= WordCount(source) + 2) {
        size_t e = colon + 1;
        while (e < sentence.size() && sentence[e] == ' ') ++e;
        return e;
      }
    }
  }
  // "BAGHDAD (Reuters) - " / "BAGHDAD - ": upper-case place, optional agency, dash.
  for (std::string_view d : {" - ", " – ", " — "}) {
    const size_t p = sentence.find(d);
    if (p == std::string_view::npos || p == 0 || p > 40) continue;
    const std::string_view head = sentence.substr(0, p);
    size_t letters = 0, upper = 0;
    bool paren = false;
    for (char c : head) {
      if (c == '(') paren = true;
      if (paren) continue;
      if (std::isalpha(static_cast<unsigned char>(c))) {
        ++letters;
        if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      }
    }
    if (letters >= 3 && upper == letters) return p + d.size();
  }
  return 0;
}

std::vector<Block> CleanPage(const Document& doc, const BoilerplateIndex* boilerplate,
                             const CleanOptions& options) {
  std::vector<Block> blocks;
  const std::string_view text = doc.text;
  const std::string doc_lang = doc.language.empty() ? "en" : doc.language.substr(0, 2);
  const std::string title = Squash(doc.title);
  std::unordered_set<uint64_t> seen;
  bool in_related = false;
  int body_paragraphs = 0;
  std::unordered_set<std::string> topic = ContentWordsOf(Tokenize(doc.title));
  const std::string source_squashed = Squash(doc.source);
  for (const TextSpan& span : SplitParagraphs(text)) {
    Block b;
    b.span = span;
    const Line info(text.substr(span.begin, span.size()));
    const std::string_view line = info.text;
    const std::string& squashed = info.squashed;
    const int words = info.words;
    std::string reason;
    uint64_t key = 0;
    int count = 0;
    if (in_related) {
      b.kind = BlockKind::kRelated;
      b.reason = "after a related-story heading";
    } else if (body_paragraphs > 0 && IsRelatedHeadingOf(info)) {
      in_related = true;
      b.kind = BlockKind::kRelated;
      b.reason = "related-story heading";
    } else if (body_paragraphs > 0 && DatelineEnd(line, doc.source) > 0 && !doc.source.empty() &&
               StartsWithWords(squashed, source_squashed)) {
      // "Strategic Council Online – Interview: ..." after the article has begun: the teaser of
      // another story of the same outlet.
      b.kind = BlockKind::kRelated;
      b.reason = "teaser of another story (outlet dateline)";
    } else if (!(reason = FurnitureReasonOf(info)).empty()) {
      b.kind = BlockKind::kFurniture;
      b.reason = reason;
    } else if (!title.empty() && (squashed == title)) {
      b.kind = BlockKind::kHeading;
      b.reason = "title repeated";
    } else if (!EndsWithTerminal(line) && words < options.heading_max_words &&
               IsBylineSentence(line, doc.source)) {
      b.kind = BlockKind::kFurniture;
      b.reason = "byline";
    } else if (!EndsWithTerminal(line) && words < options.heading_max_words) {
      b.kind = BlockKind::kHeading;
      b.reason = "heading";
    } else if (const std::string lang = GuessLanguageOf(info.tokens);
               !lang.empty() && lang != doc_lang) {
      b.kind = BlockKind::kForeign;
      b.reason = "language " + lang;
    } else if (!seen.insert(key = BoilerplateIndex::KeyOfSquashed(doc.source, squashed)).second) {
      b.kind = BlockKind::kRepeated;
      b.reason = "repeated within the page";
    } else if (boilerplate && line.size() >= boilerplate->options().min_paragraph_bytes &&
               (count = boilerplate->DocumentCountOfKey(key)) >=
                   boilerplate->options().min_documents) {
      b.kind = BlockKind::kRepeated;
      b.reason = "repeated on " + std::to_string(count) + " pages of the source";
    } else {
      // Off-topic test against the title and the body so far.
      if (options.drop_off_topic && body_paragraphs >= 2) {
        const std::unordered_set<std::string> words_here = ContentWordsOf(info.tokens);
        size_t first = 0;
        const char32_t opening = DecodeUtf8(line, &first);
        const bool quotation = opening == '"' || opening == 0x201C || opening == 0xAB;
        if (!quotation && static_cast<int>(words_here.size()) >= options.off_topic_min_words) {
          int shared = 0;
          for (const std::string& w : words_here) shared += topic.count(w) ? 1 : 0;
          const double overlap = static_cast<double>(shared) / words_here.size();
          if (overlap < options.off_topic_max_overlap) {
            b.kind = BlockKind::kOffTopic;
            b.reason = "off-topic: " + std::to_string(shared) + " of " +
                       std::to_string(words_here.size()) + " content words in title and lead";
          }
        }
      }
      if (b.kind == BlockKind::kBody) {
        for (const std::string& w : ContentWordsOf(info.tokens)) topic.insert(w);
        ++body_paragraphs;
      }
    }
    blocks.push_back(std::move(b));
  }
  return blocks;
}

}  // namespace claimgraph::engine
