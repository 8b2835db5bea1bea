// The entry point of the linguistic layer: raw article text -> AnnotatedDocument with tokens,
// sentences, POS tags, lemmas, named entities and a dependency parse (heads and relations).
// Every later stage calls this instead of tokenising on its own; the pipeline (engine/pipeline.h)
// runs it on every document.
//
// Pipeline (spaCy's and UDPipe's shape): ptb_tokenizer.h (tokens, sentences) -> language check ->
// POS tagger -> lemmatizer -> NER tagger (each engine/nlp/sequence_tagger.h or lemmatizer.h) ->
// dependency parser (dependency_parser.h). The taggers look at most two tokens away and the
// parser is greedy (two transitions a word), so the time is linear in sentence and document
// length. A sentence longer than `max_sentence_tokens` (a table flattened into one line, a
// run-on without full stops) is cut into pieces of at most that many tokens before parsing, at
// the last comma, semicolon, colon or dash of each piece where there is one: later stages that
// walk a sentence's tree (subtrees, arcs around a cue) then never see one of thousands of words.
//
// Language: a text is tagged only if it reads as English — at least `min_english_share` of its
// words are forms the POS tagger's dictionary knows (frequent English words of the training
// news: "the", "of", "to", ...), and most of its letters are Latin. Otherwise the document is
// marked language "und" and keeps only tokens and sentences: no English structure is invented.
// Annotate() is thread-safe for distinct documents.
#pragma once

#include <string_view>

#include "engine/nlp/annotation.h"
#include "engine/nlp/nlp_models.h"

namespace claimgraph::engine::nlp {

struct AnnotateOptions {
  bool tag = true;  // POS tags (needed by lemmas and NER)
  bool lemmatize = true;
  bool entities = true;
  bool parse = true;  // dependency heads and relations (needs tags)
  // Longer sentences are cut into pieces before parsing (see above); 0 = never cut.
  size_t max_sentence_tokens = 150;
  double min_english_share = 0.2;
};

struct LanguageCheck {
  bool english = true;
  size_t words = 0;  // tokens with a letter
  size_t known = 0;  // of which in the English dictionary
  size_t latin_letters = 0;
  size_t other_letters = 0;  // letters of other scripts (Cyrillic, Arabic, CJK, ...)
};

// The language check described above, on the tokens of `doc`.
LanguageCheck CheckEnglish(const AnnotatedDocument& doc, const NlpModels& models,
                           double min_english_share);

AnnotatedDocument Annotate(std::string_view text, const NlpModels& models,
                           const AnnotateOptions& options = {});

// The tagging and parsing stages on an already tokenised document (tokens and sentences filled),
// e.g. the gold tokens of an evaluation.
void AnnotateTokens(AnnotatedDocument* doc, const NlpModels& models,
                    const AnnotateOptions& options = {});

// Cuts every sentence of more than `max_tokens` tokens into consecutive pieces of at most that
// many (see above). Returns the number of sentences cut.
size_t CapSentenceLength(AnnotatedDocument* doc, size_t max_tokens);

}  // namespace claimgraph::engine::nlp
