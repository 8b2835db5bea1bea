// The token-level model bundle: file format and the built-in copy.
#include "engine/nlp/nlp_models.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

// engine/nlp/models/default_nlp_model.bin, embedded by engine/CMakeLists.txt.
extern const unsigned char kClaimgraphDefaultNlpModel[];
extern const size_t kClaimgraphDefaultNlpModelSize;

namespace claimgraph::engine::nlp {
namespace {

constexpr char kMagic[4] = {'C', 'G', 'N', 'L'};

}  // namespace

std::string NlpModels::Serialize() const {
  std::string out(kMagic, 4);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((kVersion >> (8 * i)) & 0xff));
  pos.SerializeTo(&out);
  ner.SerializeTo(&out);
  lemmatizer.SerializeTo(&out);
  return out;
}

NlpModels NlpModels::Parse(std::string_view bytes, const std::string& what) {
  if (bytes.size() < 8 || bytes.substr(0, 4) != std::string_view(kMagic, 4)) {
    throw std::runtime_error(what + ": not a claimgraph NLP model file (wrong magic)");
  }
  uint32_t version = 0;
  for (int i = 0; i < 4; ++i)
    version |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[4 + i])) << (8 * i);
  if (version != kVersion) {
    throw std::runtime_error(what + ": NLP model file version " + std::to_string(version) +
                             ", this build reads version " + std::to_string(kVersion) +
                             " (rebuild it with `claimgraph train nlp`)");
  }
  size_t offset = 8;
  NlpModels m;
  m.pos = SequenceTagger::Parse(bytes, &offset, what);
  m.ner = SequenceTagger::Parse(bytes, &offset, what);
  m.lemmatizer = Lemmatizer::Parse(bytes, &offset, what);
  if (m.pos.layer() != TagLayer::kPos || m.ner.layer() != TagLayer::kNer) {
    throw std::runtime_error(what + ": taggers in the wrong order");
  }
  if (offset != bytes.size()) throw std::runtime_error(what + ": trailing bytes after the models");
  return m;
}

NlpModels NlpModels::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read NLP model file " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

const NlpModels& DefaultNlpModels() {
  static const NlpModels models =
      NlpModels::Parse(std::string_view(reinterpret_cast<const char*>(kClaimgraphDefaultNlpModel),
                                        kClaimgraphDefaultNlpModelSize),
                       "built-in NLP model");
  return models;
}

}  // namespace claimgraph::engine::nlp
