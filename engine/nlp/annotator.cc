// Annotate(): tokenise, check the language, tag, lemmatise, find entities, parse.
#include "engine/nlp/annotator.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "engine/nlp/dependency_parser.h"
#include "engine/nlp/ptb_tokenizer.h"
#include "engine/text/utf8.h"

namespace claimgraph::engine::nlp {

LanguageCheck CheckEnglish(const AnnotatedDocument& doc, const NlpModels& models,
                           double min_english_share) {
  LanguageCheck c;
  std::string lower;
  for (const Token& t : doc.tokens) {
    bool has_letter = false;
    size_t pos = 0;
    while (pos < t.form.size()) {
      const char32_t cp = DecodeUtf8(t.form, &pos);
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250)) {
        ++c.latin_letters;
        has_letter = true;
      } else if (cp >= 0x370 && cp != 0xFFFD && !(cp >= 0x2000 && cp < 0x2C00) &&
                 !(cp >= 0x3000 && cp < 0x3040 && cp != 0x3005)) {
        ++c.other_letters;
        has_letter = true;
      }
    }
    if (!has_letter) continue;
    ++c.words;
    if (models.pos.KnowsForm(t.form)) {
      ++c.known;
    } else {
      lower = t.form;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (models.pos.KnowsForm(lower)) ++c.known;
    }
  }
  if (c.words == 0) {
    c.english = c.other_letters == 0;  // numbers and punctuation only: nothing to misread
    return c;
  }
  c.english = c.other_letters <= c.latin_letters &&
              static_cast<double>(c.known) >= min_english_share * static_cast<double>(c.words);
  return c;
}

size_t CapSentenceLength(AnnotatedDocument* doc, size_t max_tokens) {
  if (max_tokens < 2) return 0;
  size_t cut = 0;
  std::vector<Sentence> out;
  out.reserve(doc->sentences.size());
  for (const Sentence& s : doc->sentences) {
    if (s.count <= max_tokens) {
      out.push_back(s);
      continue;
    }
    ++cut;
    size_t first = s.first;
    const size_t end = s.first + s.count;
    while (first < end) {
      size_t last = std::min(end, first + max_tokens);  // one past the piece
      if (last < end) {
        // The last clause break in the second half of the piece, if any.
        for (size_t i = last - 1; i > first + max_tokens / 2; --i) {
          const std::string& f = doc->tokens[i].form;
          if (f == "," || f == ";" || f == ":" || f == "--" || f == "-") {
            last = i + 1;
            break;
          }
        }
      }
      Sentence piece;
      piece.first = first;
      piece.count = last - first;
      piece.begin = doc->tokens[first].begin;
      piece.end = doc->tokens[last - 1].end;
      if (first == s.first) piece.begin = s.begin;
      if (last == end) piece.end = s.end;
      out.push_back(piece);
      first = last;
    }
  }
  if (cut > 0) doc->sentences = std::move(out);
  return cut;
}

void AnnotateTokens(AnnotatedDocument* doc, const NlpModels& models,
                    const AnnotateOptions& options) {
  if (!CheckEnglish(*doc, models, options.min_english_share).english) {
    doc->language = "und";
    return;
  }
  doc->language = "en";
  if (!options.tag) return;
  SequenceTagger::Scratch scratch;
  for (const Sentence& s : doc->sentences) models.pos.Tag(doc, s, &scratch);
  if (options.lemmatize) models.lemmatizer.Lemmatize(doc);
  if (options.entities) {
    for (const Sentence& s : doc->sentences) models.ner.Tag(doc, s, &scratch);
  }
  if (options.parse) {
    CapSentenceLength(doc, options.max_sentence_tokens);
    ParseDocument(DefaultParserModel(), *doc);
  }
}

AnnotatedDocument Annotate(std::string_view text, const NlpModels& models,
                           const AnnotateOptions& options) {
  AnnotatedDocument doc = TokenizeDocument(text);
  AnnotateTokens(&doc, models, options);
  return doc;
}

}  // namespace claimgraph::engine::nlp
