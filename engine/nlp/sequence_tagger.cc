// Greedy averaged-perceptron taggers (POS, NER): features, decoding, training, file format.
#include "engine/nlp/sequence_tagger.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <stdexcept>

namespace claimgraph::engine::nlp {
namespace {

constexpr char kMagic[4] = {'C', 'G', 'T', 'G'};
constexpr uint32_t kVersion = 1;

uint64_t T(uint64_t id, uint64_t atom) { return MixHash(id * 0x2545F4914F6CDD1DULL, atom); }

// Tag ids as feature atoms: classes, and two boundary values before the sentence.
uint64_t TagAtom(int tag) { return static_cast<uint64_t>(tag + 2); }

void PosFeatures(const std::vector<WordAtoms>& atoms, size_t i, int p1, int p2,
                 std::vector<uint64_t>* f) {
  const size_t j = i + kAtomPadding;
  const WordAtoms& w = atoms[j];
  f->clear();
  f->push_back(T(0, 0));
  f->push_back(T(1, w.word));
  f->push_back(T(2, w.suffix3));
  f->push_back(T(3, w.prefix1));
  f->push_back(T(4, TagAtom(p1)));
  f->push_back(T(5, TagAtom(p2)));
  f->push_back(T(6, TagAtom(p1) * 1000 + TagAtom(p2)));
  f->push_back(T(7, MixHash(TagAtom(p1), w.word)));
  f->push_back(T(8, atoms[j - 1].word));
  f->push_back(T(9, atoms[j - 1].suffix3));
  f->push_back(T(10, atoms[j - 2].word));
  f->push_back(T(11, atoms[j + 1].word));
  f->push_back(T(12, atoms[j + 1].suffix3));
  f->push_back(T(13, atoms[j + 2].word));
  f->push_back(T(14, w.shape));
  f->push_back(T(15, w.suffix2));
  f->push_back(T(16, w.suffix4));
  f->push_back(T(17, w.form));
  f->push_back(T(18, MixHash(w.word, atoms[j + 1].word)));
  f->push_back(T(19, MixHash(atoms[j - 1].word, w.word)));
  f->push_back(T(20, MixHash(TagAtom(p1), w.suffix3)));
  f->push_back(T(21, MixHash(w.shape, atoms[j + 1].shape)));
}

void NerFeatures(const std::vector<WordAtoms>& atoms, const std::vector<uint64_t>& pos, size_t i,
                 int p1, int p2, std::vector<uint64_t>* f) {
  const size_t j = i + kAtomPadding;
  const WordAtoms& w = atoms[j];
  f->clear();
  f->push_back(T(100, 0));
  f->push_back(T(101, w.form));
  f->push_back(T(102, w.word));
  f->push_back(T(103, w.shape));
  f->push_back(T(104, w.suffix3));
  f->push_back(T(105, w.prefix3));
  f->push_back(T(106, atoms[j - 1].word));
  f->push_back(T(107, atoms[j + 1].word));
  f->push_back(T(108, atoms[j - 2].word));
  f->push_back(T(109, atoms[j + 2].word));
  f->push_back(T(110, atoms[j - 1].shape));
  f->push_back(T(111, atoms[j + 1].shape));
  f->push_back(T(112, pos[j]));
  f->push_back(T(113, pos[j - 1]));
  f->push_back(T(114, pos[j + 1]));
  f->push_back(T(115, TagAtom(p1)));
  f->push_back(T(116, TagAtom(p1) * 1000 + TagAtom(p2)));
  f->push_back(T(117, MixHash(TagAtom(p1), w.shape)));
  f->push_back(T(118, MixHash(TagAtom(p1), w.word)));
  f->push_back(T(119, MixHash(pos[j], w.shape)));
  f->push_back(T(120, MixHash(w.word, atoms[j + 1].word)));
  f->push_back(T(121, MixHash(atoms[j - 1].word, w.word)));
  f->push_back(T(122, MixHash(TagAtom(p1), pos[j])));
  f->push_back(T(123, atoms[j + 1].form));
  f->push_back(T(124, atoms[j - 1].form));
  f->push_back(T(125, MixHash(pos[j - 1], pos[j])));
  f->push_back(T(126, MixHash(TagAtom(p1), atoms[j + 1].word)));
}

void PosAtoms(const std::vector<Token>& tokens, const Sentence& s, std::vector<uint64_t>* out) {
  out->assign(s.count + 2 * kAtomPadding, FeatureHash(200, "-PAD-"));
  for (size_t i = 0; i < s.count; ++i)
    out->at(i + kAtomPadding) = FeatureHash(200, tokens[s.first + i].pos);
}

int ArgMax(const std::vector<float>& scores) {
  int best = 0;
  for (size_t c = 1; c < scores.size(); ++c) {
    if (scores[c] > scores[best]) best = static_cast<int>(c);
  }
  return best;
}

// SplitMix64: the epochs' sentence order, the same on every platform.
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

const std::string& Gold(const Token& t, TagLayer layer) {
  return layer == TagLayer::kPos ? t.pos : t.ner;
}

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint32_t GetU32(std::string_view bytes, size_t* offset, const std::string& what) {
  if (*offset + 4 > bytes.size()) throw std::runtime_error(what + ": truncated tagger model");
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[*offset + i])) << (8 * i);
  *offset += 4;
  return v;
}

}  // namespace

void SequenceTagger::Tag(AnnotatedDocument* doc, const Sentence& sentence, Scratch* sc) const {
  ComputeAtoms(doc->tokens, sentence.first, sentence.count, &sc->atoms);
  if (layer_ == TagLayer::kNer) PosAtoms(doc->tokens, sentence, &sc->pos_hashes);
  sc->scores.resize(model_.num_classes());
  int p1 = -1, p2 = -2;
  const std::vector<std::string>& classes = model_.classes();
  for (size_t i = 0; i < sentence.count; ++i) {
    Token& t = doc->tokens[sentence.first + i];
    int tag = -1;
    if (!tagdict_.empty()) {
      const auto it = tagdict_.find(t.form);
      if (it != tagdict_.end()) tag = it->second;
    }
    if (tag < 0) {
      if (layer_ == TagLayer::kPos) {
        PosFeatures(sc->atoms, i, p1, p2, &sc->features);
      } else {
        NerFeatures(sc->atoms, sc->pos_hashes, i, p1, p2, &sc->features);
      }
      model_.Score(sc->features, sc->scores.data());
      tag = ArgMax(sc->scores);
    }
    (layer_ == TagLayer::kPos ? t.pos : t.ner) = classes[tag];
    p2 = p1;
    p1 = tag;
  }
}

void SequenceTagger::Tag(AnnotatedDocument* doc) const {
  Scratch scratch;
  for (const Sentence& s : doc->sentences) Tag(doc, s, &scratch);
}

SequenceTagger SequenceTagger::Train(TagLayer layer, const std::vector<AnnotatedDocument>& docs,
                                     const TaggerTrainOptions& options) {
  // Classes in sorted order; the tag dictionary from the counts.
  std::set<std::string> class_set;
  std::map<std::string, std::map<std::string, int>> form_tags;
  std::vector<std::pair<size_t, size_t>> sentences;  // (doc, sentence)
  for (size_t d = 0; d < docs.size(); ++d) {
    for (const Token& t : docs[d].tokens) {
      class_set.insert(Gold(t, layer));
      if (layer == TagLayer::kPos) ++form_tags[t.form][t.pos];
    }
    for (size_t s = 0; s < docs[d].sentences.size(); ++s) sentences.emplace_back(d, s);
  }
  if (class_set.empty()) throw std::invalid_argument("tagger training: no tokens");
  std::vector<std::string> classes(class_set.begin(), class_set.end());
  LinearModelTrainer trainer(classes);
  SequenceTagger tagger;
  tagger.layer_ = layer;
  for (const auto& [form, tags] : form_tags) {
    int total = 0, best = 0;
    std::string best_tag;
    for (const auto& [tag, n] : tags) {
      total += n;
      if (n > best) {
        best = n;
        best_tag = tag;
      }
    }
    if (total >= options.tagdict_min_count && best >= options.tagdict_min_share * total) {
      tagger.tagdict_[form] = trainer.ClassIndex(best_tag);
    }
  }

  uint64_t rng = options.seed;
  Scratch sc;
  sc.scores.resize(classes.size());
  std::vector<Token> tokens;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t k = sentences.size(); k > 1; --k) {
      std::swap(sentences[k - 1], sentences[NextRandom(&rng) % k]);
    }
    size_t correct = 0, total = 0;
    for (const auto& [d, si] : sentences) {
      const AnnotatedDocument& doc = docs[d];
      const Sentence& s = doc.sentences[si];
      ComputeAtoms(doc.tokens, s.first, s.count, &sc.atoms);
      if (layer == TagLayer::kNer) PosAtoms(doc.tokens, s, &sc.pos_hashes);
      int p1 = -1, p2 = -2;
      for (size_t i = 0; i < s.count; ++i) {
        const Token& t = doc.tokens[s.first + i];
        const int truth = trainer.ClassIndex(Gold(t, layer));
        int guess = -1;
        const auto it = tagger.tagdict_.find(t.form);
        if (it != tagger.tagdict_.end()) {
          guess = it->second;
        } else {
          if (layer == TagLayer::kPos) {
            PosFeatures(sc.atoms, i, p1, p2, &sc.features);
          } else {
            NerFeatures(sc.atoms, sc.pos_hashes, i, p1, p2, &sc.features);
          }
          trainer.Score(sc.features, sc.scores.data());
          guess = ArgMax(sc.scores);
          trainer.Update(sc.features, truth, guess);
          trainer.Tick();
        }
        correct += guess == truth;
        ++total;
        p2 = p1;
        p1 = guess;
      }
    }
    if (options.log != nullptr) {
      *options.log << (layer == TagLayer::kPos ? "pos" : "ner") << " epoch " << epoch + 1
                   << ": training accuracy "
                   << static_cast<double>(correct) / std::max<size_t>(total, 1) << "\n";
    }
  }
  tagger.model_ = trainer.Finish(options.prune);
  return tagger;
}

SequenceTagger SequenceTagger::Pruned(float min_weight) const {
  SequenceTagger t = *this;
  t.model_ = model_.Pruned(min_weight);
  return t;
}

void SequenceTagger::SerializeTo(std::string* out) const {
  out->append(kMagic, 4);
  PutU32(out, kVersion);
  out->push_back(static_cast<char>(layer_));
  std::vector<std::pair<std::string, int>> dict(tagdict_.begin(), tagdict_.end());
  std::sort(dict.begin(), dict.end());
  PutU32(out, static_cast<uint32_t>(dict.size()));
  for (const auto& [form, tag] : dict) {
    PutU32(out, static_cast<uint32_t>(form.size()));
    out->append(form);
    PutU32(out, static_cast<uint32_t>(tag));
  }
  model_.SerializeTo(out);
}

SequenceTagger SequenceTagger::Parse(std::string_view bytes, size_t* offset,
                                     const std::string& what) {
  if (*offset + 9 > bytes.size() || bytes.substr(*offset, 4) != std::string_view(kMagic, 4)) {
    throw std::runtime_error(what + ": not a tagger model (wrong magic)");
  }
  *offset += 4;
  const uint32_t version = GetU32(bytes, offset, what);
  if (version != kVersion) {
    throw std::runtime_error(what + ": tagger model version " + std::to_string(version) +
                             ", this build reads version " + std::to_string(kVersion));
  }
  SequenceTagger t;
  const uint8_t layer = static_cast<uint8_t>(bytes[(*offset)++]);
  if (layer != 1 && layer != 2) throw std::runtime_error(what + ": unknown tagger layer");
  t.layer_ = static_cast<TagLayer>(layer);
  const uint32_t n = GetU32(bytes, offset, what);
  std::vector<std::pair<std::string, uint32_t>> dict;
  for (uint32_t k = 0; k < n; ++k) {
    const uint32_t len = GetU32(bytes, offset, what);
    if (*offset + len > bytes.size()) throw std::runtime_error(what + ": truncated tagger model");
    std::string form(bytes.substr(*offset, len));
    *offset += len;
    dict.emplace_back(std::move(form), GetU32(bytes, offset, what));
  }
  t.model_ = LinearModel::Parse(bytes, offset, what);
  for (auto& [form, tag] : dict) {
    if (tag >= t.model_.num_classes()) throw std::runtime_error(what + ": tag out of range");
    t.tagdict_.emplace(std::move(form), static_cast<int>(tag));
  }
  return t;
}

}  // namespace claimgraph::engine::nlp
