// The part-of-speech tagger and the named-entity tagger of the linguistic layer: greedy
// left-to-right taggers scored by an averaged perceptron (engine/nlp/linear_model.h), trained on
// CoreNLP's annotations of the PolNeAR articles.
//
// Method: Collins (2002) as Honnibal's "A good part-of-speech tagger in about 200 lines of
// Python" (2013) reads it — greedy decoding with the two previous predicted tags as features,
// trained on the tagger's own predictions, word / affix / shape features in a window of two, and a
// tag dictionary that fixes the tag of frequent unambiguous words (POS only). The NER tagger uses
// the same machinery with the predicted POS tags as features and no gazetteer; CoreNLP writes one
// entity type per token (no BIO), so the tagger predicts that type and an entity is a maximal run
// of tokens of one type (adjacent entities of the same type cannot be told apart in the data).
//
// Every feature looks at most two tokens away, so tagging is linear in sentence length.
// Tag() is const and thread-safe.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/nlp/annotation.h"
#include "engine/nlp/linear_model.h"
#include "engine/nlp/word_features.h"

namespace claimgraph::engine::nlp {

enum class TagLayer : uint8_t { kPos = 1, kNer = 2 };

struct TaggerTrainOptions {
  int epochs = 6;
  uint64_t seed = 20131;  // order of sentences in each epoch
  // POS tag dictionary: a form seen this often with one tag this share of the time gets it fixed.
  int tagdict_min_count = 20;
  double tagdict_min_share = 0.97;
  // Averaged weights smaller than this in magnitude are dropped from the model (0 keeps all).
  float prune = 0.0f;
  std::ostream* log = nullptr;  // per-epoch training accuracy, if set
};

class SequenceTagger {
 public:
  SequenceTagger() = default;

  TagLayer layer() const { return layer_; }
  const LinearModel& model() const { return model_; }
  size_t tagdict_size() const { return tagdict_.size(); }
  // True if `form` is in the tag dictionary (a frequent, unambiguous training word).
  bool KnowsForm(const std::string& form) const { return tagdict_.count(form) > 0; }

  // Writes Token::pos (kPos) or Token::ner (kNer) for the tokens of `sentence`. The NER tagger
  // reads Token::pos. Scratch vectors are reused across calls through `scratch`.
  struct Scratch;
  void Tag(AnnotatedDocument* doc, const Sentence& sentence, Scratch* scratch) const;
  void Tag(AnnotatedDocument* doc) const;

  // Trains on the tokens and gold tags of `docs` (Token::form, and Token::pos for both layers).
  static SequenceTagger Train(TagLayer layer, const std::vector<AnnotatedDocument>& docs,
                              const TaggerTrainOptions& options);
  // This tagger with the weights below `min_weight` dropped: the same model as training with
  // TaggerTrainOptions::prune = min_weight (if this one was trained with a smaller prune).
  SequenceTagger Pruned(float min_weight) const;

  void SerializeTo(std::string* out) const;
  static SequenceTagger Parse(std::string_view bytes, size_t* offset, const std::string& what);

 private:
  TagLayer layer_ = TagLayer::kPos;
  LinearModel model_;
  std::unordered_map<std::string, int> tagdict_;  // form -> class
};

struct SequenceTagger::Scratch {
  std::vector<WordAtoms> atoms;
  std::vector<uint64_t> features;
  std::vector<uint64_t> pos_hashes;
  std::vector<float> scores;
  std::vector<int> tags;
};

}  // namespace claimgraph::engine::nlp
