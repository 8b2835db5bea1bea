// The dependency parser of the linguistic layer: fills Token::head and Token::deprel (basic
// Stanford dependencies, as CoreNLP writes them) from each sentence's words and POS tags.
//
// Method: a greedy transition-based parser — the arc-hybrid system with Goldberg & Nivre's
// dynamic oracle (2013; arc_hybrid.h) — scored by an averaged perceptron (Collins 2002) over
// hashed feature conjunctions after Zhang & Nivre 2011 ("Transition-based dependency parsing
// with rich non-local features"): words and POS of the top three stack and buffer items and of
// their leftmost/rightmost children, the labels of those children, the distance between s0 and
// b0, and valencies. Training explores: after the first epoch it follows its own prediction 90%
// of the time (seeded), learning to recover from its mistakes.
//
// Deviation: the move (SHIFT/LEFT/RIGHT) and the arc label are scored by two classifiers — the
// move over the state's features, the label over features of the new arc's head and dependent
// once the move is chosen — instead of one classifier over 2L+1 labelled moves. That keeps the
// move table at three weights a feature (small and cache-friendly) at a small cost in accuracy.
//
// Model: two engine/nlp/linear_model.h models (moves, labels; 8-bit log-quantised weights, the
// small ones pruned) behind a "CGDP" header and a format version, trained by linear_model.h's
// LinearModelTrainer. The shipped model is compiled into the binary (DefaultParserModel) and
// rebuilt by `claimgraph train parser`, byte for byte.
//
// Thread safety: a ParserModel is immutable once built; any number of threads may parse with
// one model at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

class ParserModel {
 public:
  static constexpr uint32_t kFormatVersion = 2;

  ParserModel();
  ~ParserModel();
  ParserModel(const ParserModel&);
  ParserModel& operator=(const ParserModel&);
  ParserModel(ParserModel&&) noexcept;
  ParserModel& operator=(ParserModel&&) noexcept;

  bool empty() const;
  // The arc labels, sorted; "root" among them.
  const std::vector<std::string>& labels() const;
  size_t move_rows() const;   // features with weights in the move classifier
  size_t label_rows() const;  // ... and in the label classifier

  // The versioned binary form: "CGDP", the format version, then the two classifiers' weights.
  // The same model always gives the same bytes. Deserialize throws std::invalid_argument on a
  // bad magic, version or size.
  std::string Serialize() const;
  static ParserModel Deserialize(std::string_view bytes);

  struct Impl;
  const Impl& impl() const { return *impl_; }
  explicit ParserModel(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// The model compiled into the binary (engine/nlp/parser_model.bin); loaded once, on first use.
const ParserModel& DefaultParserModel();

// Counters of one parse, for the linear-time checks.
struct ParseStats {
  size_t sentences = 0;
  size_t words = 0;
  size_t moves = 0;            // transitions applied (2 per word)
  size_t feature_lookups = 0;  // weight rows looked up
};

// Parses sentence `sentence_index` of `doc` from its tokens' forms and POS tags, writing each
// token's head (index within the sentence, -2 for the root word) and deprel ("root" for the
// root word). Time and memory are linear in the sentence's length. REQUIRES: !model.empty().
void ParseSentence(const ParserModel& model, AnnotatedDocument& doc, size_t sentence_index,
                   ParseStats* stats = nullptr);
// Parses every sentence of `doc`.
void ParseDocument(const ParserModel& model, AnnotatedDocument& doc, ParseStats* stats = nullptr);

struct ParserTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  bool dynamic_oracle = true;  // explore with Goldberg & Nivre's oracle after epoch 1
  double explore = 0.9;        // probability of following the model's own move when exploring
  // Averaged weights smaller than this (in absolute value) are dropped from the model.
  double prune = 3.0;
  // Also return the model pruned at each of these (ParserTrainResult::alternatives), from the
  // same training run: for choosing `prune` by size against accuracy.
  std::vector<double> alternative_prunes;
  // Called after each epoch with (epoch, moves seen, move errors) when set.
  void (*progress)(int epoch, size_t moves, size_t errors, void* context) = nullptr;
  void* progress_context = nullptr;
};

struct ParserTrainResult {
  ParserModel model;
  size_t sentences = 0;       // sentences offered
  size_t non_projective = 0;  // left out: their gold tree is not projective
  size_t malformed = 0;       // left out: no single root, a head outside the sentence
  size_t trained_sentences = 0;
  size_t trained_words = 0;
  size_t move_rows = 0;  // features kept in the model
  size_t label_rows = 0;
  std::vector<std::pair<double, ParserModel>> alternatives;  // (prune, model)
};

// Trains on the heads, labels, forms and POS tags of `docs` (the POS tags the parser will see:
// gold, or a tagger's predictions). Deterministic: the same documents and options give the same
// model bytes.
ParserTrainResult TrainParser(const std::vector<AnnotatedDocument>& docs,
                              const ParserTrainOptions& options);

// Attachment scores of `predicted` against `gold` (same documents, same tokenisation).
struct AttachmentScore {
  size_t words = 0;       // scored words
  size_t unlabelled = 0;  // right head
  size_t labelled = 0;    // right head and label
  double uas() const { return words ? static_cast<double>(unlabelled) / words : 0.0; }
  double las() const { return words ? static_cast<double>(labelled) / words : 0.0; }
};
struct AttachmentScores {
  AttachmentScore without_punctuation;  // words whose gold POS is not punctuation (the usual)
  AttachmentScore all;
};
// Adds one document's scores. REQUIRES: the documents have the same tokens.
void ScoreAttachment(const AnnotatedDocument& gold, const AnnotatedDocument& predicted,
                     AttachmentScores* scores);

}  // namespace claimgraph::engine::nlp
