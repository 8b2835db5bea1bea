// The trained models of the linguistic layer's token level, in one versioned file: the POS
// tagger, the NER tagger (engine/nlp/sequence_tagger.h) and the lemma table
// (engine/nlp/lemmatizer.h). `claimgraph train nlp` builds it deterministically from CoreNLP's
// annotations of the PolNeAR training articles and WordNet; the shipped copy
// (engine/nlp/models/default_nlp_model.bin) is compiled into the binary.
//
// File: magic "CGNL", version (u32), then the POS tagger, the NER tagger and the lemmatizer, each
// in its own versioned format. Immutable once loaded; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/nlp/lemmatizer.h"
#include "engine/nlp/sequence_tagger.h"

namespace claimgraph::engine::nlp {

struct NlpModels {
  SequenceTagger pos;
  SequenceTagger ner;
  Lemmatizer lemmatizer;

  static constexpr uint32_t kVersion = 2;

  std::string Serialize() const;
  // Throws std::runtime_error naming `what` on a bad magic, another version or a truncated file.
  static NlpModels Parse(std::string_view bytes, const std::string& what);
  static NlpModels LoadFile(const std::string& path);
};

// The models compiled into this build (parsed once, on first use).
const NlpModels& DefaultNlpModels();

}  // namespace claimgraph::engine::nlp
