// The analysed document of the linguistic layer (spaCy's Doc, UDPipe's sentence): tokens with
// character offsets, sentences, and the layers the trained components fill in turn — lemma,
// part of speech (Penn Treebank tags), named entities, a dependency parse (basic Stanford
// dependencies, as CoreNLP writes them) and within-document coreference. A layer that has not
// been filled is empty ("" for tags, -1 for heads). Every later stage (attribution, claims,
// time, propositions) reads this structure instead of re-tokenising text.
//
// The same type holds gold (or silver) annotations read from CoNLL files for training and
// evaluation (io/nlp/conll_reader.h) and the system's own predictions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimgraph::engine::nlp {

struct Token {
  std::string form;   // as written
  std::string lemma;  // "said" -> "say"; empty until lemmatised
  std::string pos;    // Penn tag ("NNP", "VBD"); empty until tagged
  std::string ner;    // entity type of the token ("PERSON", "ORGANIZATION", "DATE", ...) or "O"
  size_t begin = 0;   // byte offsets into the document text
  size_t end = 0;
  int head = -1;       // index of the head token within the sentence; -2 = root; -1 = unparsed
  std::string deprel;  // "nsubj", "ccomp", ...; "root" for the root
};

struct Sentence {
  size_t first = 0;  // index of the first token in AnnotatedDocument::tokens
  size_t count = 0;  // number of tokens
  size_t begin = 0;  // byte span of the sentence in the text
  size_t end = 0;
};

// A mention in a coreference chain: tokens [first, last] of one sentence (indices into
// AnnotatedDocument::tokens), with its head token.
struct Mention {
  size_t first = 0;
  size_t last = 0;
  size_t head = 0;
};

// A chain of mentions of one entity; the first is the representative mention ("Donald Trump"
// for "he", "Mr. Trump", "the candidate").
struct CorefChain {
  std::vector<Mention> mentions;
};

struct AnnotatedDocument {
  std::string name;  // file name or document id, for diagnostics
  std::string text;  // the text the offsets point into (may be empty for training data)
  // "en" once annotated as English; "und" when the text does not read as English (then only
  // tokens and sentences are filled: no tags, lemmas, entities or parse are invented).
  std::string language;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<CorefChain> coref;
};

}  // namespace claimgraph::engine::nlp
