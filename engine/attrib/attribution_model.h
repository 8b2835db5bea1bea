// The attribution model: finds source / cue / content (PolNeAR's scheme, attribution_span.h) in an
// analysed document (engine/nlp/annotation.h: tokens, lemmas, POS, NER, dependency parse).
//
// Method, in three learned decisions over the parse (a pipeline in the style of Pareti et al.
// 2013 and the PARC/PolNeAR baselines, with an averaged perceptron for each decision):
//   1. cue       every token is scored as the head of a cue or not (binary perceptron over its
//                lemma, POS, dependency relation, head, dependents, neighbours and whether it
//                stands inside a quotation). Reporting verbs are an open-ended, ambiguous class
//                ("said" is nearly always a cue, "called" or "claims" often not); the model
//                learns which uses are cues from the annotations instead of a word list.
//   2. source    the candidates are the noun-phrase heads of the sentence and "no source"; a
//                ranking perceptron scores each by the dependency path from the cue ("nsubj",
//                "<case" for "according to X", "<nmod:agent" ...), its POS, NER, direction and
//                distance; the source span is the winner's subtree.
//   3. content   the candidates are the tokens within three dependency arcs of the cue; a ranking
//                perceptron picks the head whose subtree (minus the source and the cue's branch)
//                best matches what was said: the ccomp of "said that", the main clause of
//                "..., according to X", the xcomp of "accused X of", the whole quote before
//                "he said".
// A quotation left open at the end of the content's sentence extends the content to its closing
// mark (a quote running over several sentences).
//
// Why a pipeline over the parse rather than a BIO tagger: PolNeAR's spans are syntactic
// constituents (subjects, complement clauses), so choosing heads and taking their subtrees gets
// the boundaries right with three small models, and the decisions stay explainable (the cue's
// subject, its complement). Sources in an earlier sentence (rare in PolNeAR) are missed.
//
// File format (little-endian), versioned: magic "CGAT", version (u32), then the cue, source and
// content perceptrons (ranking_perceptron.h). Train with TrainAttributionModel (deterministic: the
// same data give the same bytes); `claimgraph train attribution` writes the shipped model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/attrib/attribution_span.h"
#include "engine/attrib/ranking_perceptron.h"
#include "engine/nlp/annotation.h"

namespace claimgraph::engine::attrib {

// One attribution found in a document, in tokens (indices into AnnotatedDocument::tokens) and
// as byte ranges of its text.
struct TokenAttribution {
  size_t sentence = 0;
  size_t cue = 0;                      // head token of the cue
  long source_head = -1;               // head token of the source, -1 = no source in the sentence
  std::vector<size_t> cue_tokens;      // the cue's words ("according to", "has learned")
  std::vector<size_t> source_tokens;   // sorted
  std::vector<size_t> content_tokens;  // sorted; may run into later sentences
  AttributionSpan spans;               // the same as byte ranges
};

struct AttributionTrainingDocument {
  const nlp::AnnotatedDocument* doc = nullptr;  // tokens with byte offsets into its text
  const std::vector<AttributionSpan>* gold = nullptr;
};

struct AttributionTrainingSet {
  std::vector<AttributionTrainingDocument> documents;
};

struct AttributionTrainOptions {
  int epochs = 6;
  uint64_t seed = 2018;       // shuffles the documents between epochs
  float min_weight = 0.002f;  // averaged weights below this are dropped (keeps the model small)
};

class AttributionModel;
// Trains the three decisions on gold attributions over (silver or predicted) annotations.
AttributionModel TrainAttributionModel(const AttributionTrainingSet& data,
                                       const AttributionTrainOptions& options);

class AttributionModel {
 public:
  static constexpr uint32_t kVersion = 1;

  // The model compiled into the binary (engine/attrib/attribution_model.bin).
  static const AttributionModel& Default();

  // Finds the attributions of a tagged and parsed document. Thread-safe (const).
  std::vector<TokenAttribution> Predict(const nlp::AnnotatedDocument& doc) const;

  std::string Serialize() const;
  // Throws std::runtime_error naming `what` on a wrong magic, version or truncated input.
  static AttributionModel Parse(std::string_view bytes, const std::string& what);

 private:
  friend AttributionModel TrainAttributionModel(const AttributionTrainingSet&,
                                                const AttributionTrainOptions&);
  Perceptron cue_, source_, content_;
};

}  // namespace claimgraph::engine::attrib
