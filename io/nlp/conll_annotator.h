// The linguistic layer from precomputed annotations: for `claimgraph run --annotations DIR`, a
// document read from .../NAME.txt gets DIR/NAME.conll (CoreNLP's annotations of PolNeAR,
// io/nlp/conll_reader.h), its character offsets turned into bytes of the document's text. Used to
// run the pipeline with attribution on a parse until the in-house tagger and parser feed it, and
// to compare the two.
#pragma once

#include <string>

#include "engine/document.h"
#include "engine/nlp/annotation.h"

namespace claimgraph::io {

class ConllAnnotator {
 public:
  explicit ConllAnnotator(std::string dir) : dir_(std::move(dir)) {}
  // Fills `out` and returns true when DIR/NAME.conll exists and its tokens match the document's
  // text (at least 95% of token forms found at their offsets: the annotation is of this text);
  // otherwise false (the caller falls back to the rules). Thread-safe.
  bool operator()(const engine::Document& doc, engine::nlp::AnnotatedDocument* out) const;

 private:
  std::string dir_;
};

}  // namespace claimgraph::io
