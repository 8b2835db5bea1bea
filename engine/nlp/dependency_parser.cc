// The greedy arc-hybrid dependency parser: features, perceptron training, the model format and
// parsing (see dependency_parser.h).
#include "engine/nlp/dependency_parser.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>

#include "engine/nlp/arc_hybrid.h"
#include "engine/nlp/linear_model.h"

namespace claimgraph::engine::nlp {
namespace {

// ---------------------------------------------------------------------------------------------
// Hashing: stable across platforms and runs (the model stores feature keys).

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

uint64_t HashString(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

// splitmix64's finaliser; never 0 (0 marks an empty slot).
inline uint64_t FinishKey(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

inline uint64_t Key(uint64_t tmpl, uint64_t a) {
  return FinishKey(Mix(tmpl * 0x9e3779b97f4a7c15ULL, a));
}
inline uint64_t Key(uint64_t tmpl, uint64_t a, uint64_t b) {
  return FinishKey(Mix(Mix(tmpl * 0x9e3779b97f4a7c15ULL, a), b));
}
inline uint64_t Key(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return FinishKey(Mix(Mix(Mix(tmpl * 0x9e3779b97f4a7c15ULL, a), b), c));
}

const uint64_t kNoneValue = HashString("<none>");
const uint64_t kRootValue = HashString("<root>");

// The words and tags of one sentence as hashes; index n is the virtual root.
struct SentenceContext {
  std::vector<uint64_t> word, tag, suffix;
  std::string lower;
  int n = 0;

  void Load(const std::vector<Token>& tokens, size_t first, size_t count) {
    n = static_cast<int>(count);
    word.resize(count + 1);
    tag.resize(count + 1);
    suffix.resize(count + 1);
    for (size_t i = 0; i < count; ++i) {
      // Lower-cased: "The" at a sentence's start is "the".
      lower.assign(tokens[first + i].form);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      word[i] = HashString(lower);
      suffix[i] =
          HashString(std::string_view(lower).substr(lower.size() > 3 ? lower.size() - 3 : 0));
      tag[i] = HashString(tokens[first + i].pos);
    }
    word[count] = kRootValue;
    tag[count] = kRootValue;
    suffix[count] = kRootValue;
  }
  uint64_t W(int t) const { return t < 0 ? kNoneValue : word[t]; }
  uint64_t P(int t) const { return t < 0 ? kNoneValue : tag[t]; }
  uint64_t X(int t) const { return t < 0 ? kNoneValue : suffix[t]; }
};

inline uint64_t LabelValue(const ArcHybridState& state, int t) {
  return t < 0 ? 0 : static_cast<uint64_t>(state.label(t) + 2);
}

inline uint64_t DistanceBucket(int a, int b) {
  if (a < 0 || b < 0) return 0;
  const int d = std::abs(b - a);
  if (d <= 5) return static_cast<uint64_t>(d);
  if (d <= 9) return 6;
  if (d <= 15) return 7;
  return 8;
}

constexpr size_t kMaxFeatures = 96;

// Zhang & Nivre 2011's templates, read off the arc-hybrid state (s0, s1, s2 on the stack, n0,
// n1, n2 in the buffer; the buffer front's children are all on its left).
size_t MoveFeatures(const ArcHybridState& st, const SentenceContext& cx, uint64_t* keys) {
  const int s0 = st.Stack(0), s1 = st.Stack(1), s2 = st.Stack(2);
  const int n0 = st.Buffer(0), n1 = st.Buffer(1), n2 = st.Buffer(2);
  const int s0l = st.LeftmostChild(s0), s0l2 = st.SecondLeftmostChild(s0);
  const int s0r = st.RightmostChild(s0), s0r2 = st.SecondRightmostChild(s0);
  const int s1l = st.LeftmostChild(s1), s1r = st.RightmostChild(s1);
  const int n0l = st.LeftmostChild(n0), n0l2 = st.SecondLeftmostChild(n0);

  const uint64_t s0w = cx.W(s0), s0p = cx.P(s0), s1w = cx.W(s1), s1p = cx.P(s1);
  const uint64_t s2p = cx.P(s2), n0w = cx.W(n0), n0p = cx.P(n0), n1w = cx.W(n1), n1p = cx.P(n1),
                 n2w = cx.W(n2), n2p = cx.P(n2);
  const uint64_t s0wp = Mix(s0w, s0p), n0wp = Mix(n0w, n0p), n1wp = Mix(n1w, n1p),
                 n2wp = Mix(n2w, n2p), s1wp = Mix(s1w, s1p);
  const uint64_t d = DistanceBucket(s0, n0), d10 = DistanceBucket(s1, s0);
  const uint64_t s0vl = st.LeftValency(s0), s0vr = st.RightValency(s0), n0vl = st.LeftValency(n0),
                 s1vr = st.RightValency(s1);
  const uint64_t s0ll = LabelValue(st, s0l), s0rl = LabelValue(st, s0r), n0ll = LabelValue(st, n0l),
                 s0l2l = LabelValue(st, s0l2), s0r2l = LabelValue(st, s0r2),
                 n0l2l = LabelValue(st, n0l2);
  const uint64_t s0sl = st.LeftLabels(s0), s0sr = st.RightLabels(s0), n0sl = st.LeftLabels(n0);

  size_t k = 0;
  uint64_t t = 0;
  keys[k++] = Key(++t, 0);  // bias
  // Single items.
  keys[k++] = Key(++t, s0wp);
  keys[k++] = Key(++t, s0w);
  keys[k++] = Key(++t, s0p);
  keys[k++] = Key(++t, n0wp);
  keys[k++] = Key(++t, n0w);
  keys[k++] = Key(++t, n0p);
  keys[k++] = Key(++t, n1wp);
  keys[k++] = Key(++t, n1w);
  keys[k++] = Key(++t, n1p);
  keys[k++] = Key(++t, n2wp);
  keys[k++] = Key(++t, n2p);
  keys[k++] = Key(++t, s1wp);
  keys[k++] = Key(++t, s1w);
  keys[k++] = Key(++t, s1p);
  keys[k++] = Key(++t, s2p);
  // Pairs.
  keys[k++] = Key(++t, s0wp, n0wp);
  keys[k++] = Key(++t, s0wp, n0w);
  keys[k++] = Key(++t, s0w, n0wp);
  keys[k++] = Key(++t, s0wp, n0p);
  keys[k++] = Key(++t, s0p, n0wp);
  keys[k++] = Key(++t, s0w, n0w);
  keys[k++] = Key(++t, s0p, n0p);
  keys[k++] = Key(++t, n0p, n1p);
  keys[k++] = Key(++t, n0w, n1w);
  keys[k++] = Key(++t, s0p, n0p, n1wp);
  keys[k++] = Key(++t, cx.X(s0), n0p);
  keys[k++] = Key(++t, s0p, cx.X(n0));
  keys[k++] = Key(++t, s1p, s0p);
  keys[k++] = Key(++t, s1w, s0w);
  keys[k++] = Key(++t, s1wp, s0p);
  keys[k++] = Key(++t, s1p, s0wp);
  // Tag trigrams.
  keys[k++] = Key(++t, n0p, n1p, n2p);
  keys[k++] = Key(++t, s0p, n0p, n1p);
  keys[k++] = Key(++t, s1p, s0p, n0p);
  keys[k++] = Key(++t, s0p, cx.P(s0l), n0p);
  keys[k++] = Key(++t, s0p, cx.P(s0r), n0p);
  keys[k++] = Key(++t, s0p, n0p, cx.P(n0l));
  keys[k++] = Key(++t, s1p, cx.P(s1r), s0p);
  keys[k++] = Key(++t, s1p, cx.P(s1l), s0p);
  keys[k++] = Key(++t, s2p, s1p, s0p);
  // Distance.
  keys[k++] = Key(++t, s0w, d);
  keys[k++] = Key(++t, s0p, d);
  keys[k++] = Key(++t, n0w, d);
  keys[k++] = Key(++t, n0p, d);
  keys[k++] = Key(++t, s0w, n0w, d);
  keys[k++] = Key(++t, s0p, n0p, d);
  keys[k++] = Key(++t, s1p, s0p, d10);
  keys[k++] = Key(++t, s1w, s0p, d10);
  // Valency.
  keys[k++] = Key(++t, s0w, s0vr);
  keys[k++] = Key(++t, s0p, s0vr);
  keys[k++] = Key(++t, s0w, s0vl);
  keys[k++] = Key(++t, s0p, s0vl);
  keys[k++] = Key(++t, n0w, n0vl);
  keys[k++] = Key(++t, n0p, n0vl);
  keys[k++] = Key(++t, s1p, s1vr);
  // Children: words, tags, labels.
  keys[k++] = Key(++t, cx.W(s0l));
  keys[k++] = Key(++t, cx.P(s0l));
  keys[k++] = Key(++t, s0ll);
  keys[k++] = Key(++t, cx.W(s0r));
  keys[k++] = Key(++t, cx.P(s0r));
  keys[k++] = Key(++t, s0rl);
  keys[k++] = Key(++t, cx.W(n0l));
  keys[k++] = Key(++t, cx.P(n0l));
  keys[k++] = Key(++t, n0ll);
  keys[k++] = Key(++t, cx.W(s0l2));
  keys[k++] = Key(++t, cx.P(s0l2));
  keys[k++] = Key(++t, s0l2l);
  keys[k++] = Key(++t, cx.W(s0r2));
  keys[k++] = Key(++t, cx.P(s0r2));
  keys[k++] = Key(++t, s0r2l);
  keys[k++] = Key(++t, cx.P(n0l2));
  keys[k++] = Key(++t, n0l2l);
  keys[k++] = Key(++t, s0p, s0ll, s0l2l);
  keys[k++] = Key(++t, s0p, s0rl, s0r2l);
  keys[k++] = Key(++t, n0p, n0ll, n0l2l);
  keys[k++] = Key(++t, s1p, LabelValue(st, s1r));
  // Label sets.
  keys[k++] = Key(++t, s0w, s0sl);
  keys[k++] = Key(++t, s0p, s0sl);
  keys[k++] = Key(++t, s0w, s0sr);
  keys[k++] = Key(++t, s0p, s0sr);
  keys[k++] = Key(++t, n0w, n0sl);
  keys[k++] = Key(++t, n0p, n0sl);
  return k;
}

// Features of the arc head -> dep that a move is about to make (dep's subtree is complete).
size_t LabelFeatures(const ArcHybridState& st, const SentenceContext& cx, int head, int dep,
                     uint64_t* keys) {
  const uint64_t dir = head < dep ? 1 : 2;
  const uint64_t hw = cx.W(head), hp = cx.P(head), dw = cx.W(dep), dp = cx.P(dep);
  const uint64_t dist = DistanceBucket(head, dep);
  const int dl = st.LeftmostChild(dep), dr = st.RightmostChild(dep);
  const int prev = dep > 0 ? dep - 1 : -1;
  const int next = dep + 1 < cx.n ? dep + 1 : -1;
  size_t k = 0;
  uint64_t t = 1000;
  keys[k++] = Key(++t, dir);
  keys[k++] = Key(++t, dir, hw);
  keys[k++] = Key(++t, dir, hp);
  keys[k++] = Key(++t, dir, dw);
  keys[k++] = Key(++t, dir, dp);
  keys[k++] = Key(++t, dir, Mix(hw, hp), dp);
  keys[k++] = Key(++t, dir, hp, Mix(dw, dp));
  keys[k++] = Key(++t, dir, hp, dp);
  keys[k++] = Key(++t, dir, hw, dw);
  keys[k++] = Key(++t, dir, Mix(hp, dp), dist);
  keys[k++] = Key(++t, dir, dp, dist);
  keys[k++] = Key(++t, dp, cx.P(dl), LabelValue(st, dl));
  keys[k++] = Key(++t, dp, cx.P(dr), LabelValue(st, dr));
  keys[k++] = Key(++t, dw, cx.W(dl));
  keys[k++] = Key(++t, dp, st.LeftLabels(dep));
  keys[k++] = Key(++t, dp, st.RightLabels(dep));
  keys[k++] = Key(++t, dir, hp, st.LeftLabels(head));
  keys[k++] = Key(++t, dir, hp, st.RightLabels(head));
  keys[k++] = Key(++t, dp, st.LeftValency(dep), st.RightValency(dep));
  keys[k++] = Key(++t, dir, dp, cx.P(prev));
  keys[k++] = Key(++t, dir, dp, cx.P(next));
  keys[k++] = Key(++t, dir, dw, cx.W(prev));
  keys[k++] = Key(++t, dir, Mix(hp, dp), Mix(cx.P(prev), cx.P(next)));
  return k;
}

// Little-endian integers of the model header.
void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint32_t GetU32(std::string_view bytes, size_t offset) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Parsing.

const std::vector<std::string>& MoveNames() {
  static const std::vector<std::string> names = {"SHIFT", "LEFT", "RIGHT"};
  return names;
}

int BestValidMove(const ArcHybridState& state, const float* scores) {
  int best = -1;
  for (int m = 0; m < kMoveCount; ++m) {
    if (!state.Valid(static_cast<Move>(m))) continue;
    if (best < 0 || scores[m] > scores[best]) best = m;
  }
  return best;
}

// The arc (head, dependent) that `move` makes from `state`.
std::pair<int, int> ArcOf(const ArcHybridState& state, Move move) {
  if (move == Move::kLeft) return {state.Buffer(0), state.Stack(0)};
  return {state.Stack(1), state.Stack(0)};
}

int BestLabel(const float* scores, int classes, int excluded) {
  int best = -1;
  for (int c = 0; c < classes; ++c) {
    if (c == excluded) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

bool IsPunctuationTag(std::string_view pos) {
  return pos == "," || pos == "." || pos == ":" || pos == "``" || pos == "''" || pos == "-LRB-" ||
         pos == "-RRB-";
}

constexpr char kMagic[4] = {'C', 'G', 'D', 'P'};

}  // namespace

// ---------------------------------------------------------------------------------------------
// ParserModel

struct ParserModel::Impl {
  LinearModel moves;   // classes SHIFT, LEFT, RIGHT
  LinearModel labels;  // classes: the arc labels, sorted
  int root_label = -1;
};

ParserModel::ParserModel() = default;
ParserModel::~ParserModel() = default;
ParserModel::ParserModel(const ParserModel& other)
    : impl_(other.impl_ ? std::make_unique<Impl>(*other.impl_) : nullptr) {}
ParserModel& ParserModel::operator=(const ParserModel& other) {
  if (this != &other) impl_ = other.impl_ ? std::make_unique<Impl>(*other.impl_) : nullptr;
  return *this;
}
ParserModel::ParserModel(ParserModel&&) noexcept = default;
ParserModel& ParserModel::operator=(ParserModel&&) noexcept = default;
ParserModel::ParserModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  if (impl_->moves.classes() != MoveNames()) {
    throw std::invalid_argument(
        "parser model: the move classifier's classes are not SHIFT LEFT RIGHT");
  }
  const auto& labels = impl_->labels.classes();
  impl_->root_label =
      static_cast<int>(std::find(labels.begin(), labels.end(), "root") - labels.begin());
  if (impl_->root_label == static_cast<int>(labels.size())) {
    throw std::invalid_argument("parser model: no \"root\" label");
  }
}

bool ParserModel::empty() const { return impl_ == nullptr; }
const std::vector<std::string>& ParserModel::labels() const { return impl_->labels.classes(); }
size_t ParserModel::move_rows() const { return impl_ ? impl_->moves.num_features() : 0; }
size_t ParserModel::label_rows() const { return impl_ ? impl_->labels.num_features() : 0; }

std::string ParserModel::Serialize() const {
  if (!impl_) throw std::invalid_argument("ParserModel::Serialize: empty model");
  std::string out(kMagic, 4);
  PutU32(&out, kFormatVersion);
  impl_->moves.SerializeTo(&out);
  impl_->labels.SerializeTo(&out);
  return out;
}

ParserModel ParserModel::Deserialize(std::string_view bytes) {
  const std::string what = "parser model";
  if (bytes.size() < 8 || bytes.substr(0, 4) != std::string_view(kMagic, 4)) {
    throw std::invalid_argument(what + ": not a claimgraph parser model");
  }
  size_t offset = 4;
  const uint32_t version = GetU32(bytes, offset);
  offset += 4;
  if (version != kFormatVersion) {
    throw std::invalid_argument(what + ": format version " + std::to_string(version) +
                                ", this build reads " + std::to_string(kFormatVersion));
  }
  auto impl = std::make_unique<Impl>();
  try {
    impl->moves = LinearModel::Parse(bytes, &offset, what + " (moves)");
    impl->labels = LinearModel::Parse(bytes, &offset, what + " (labels)");
  } catch (const std::runtime_error& e) {
    throw std::invalid_argument(e.what());
  }
  if (offset != bytes.size()) throw std::invalid_argument(what + ": trailing bytes");
  return ParserModel(std::move(impl));
}

// ---------------------------------------------------------------------------------------------
// Parsing

namespace {
struct Workspace {
  ArcHybridState state;
  SentenceContext context;
  uint64_t features[kMaxFeatures];
  std::vector<float> label_scores;
};
}  // namespace

void ParseSentence(const ParserModel& model, AnnotatedDocument& doc, size_t sentence_index,
                   ParseStats* stats) {
  if (model.empty()) throw std::invalid_argument("ParseSentence: empty parser model");
  const ParserModel::Impl& m = model.impl();
  const Sentence& sentence = doc.sentences.at(sentence_index);
  thread_local Workspace ws;
  const int n = static_cast<int>(sentence.count);
  ws.context.Load(doc.tokens, sentence.first, sentence.count);
  ws.state.Reset(n);
  const int classes = static_cast<int>(m.labels.num_classes());
  ws.label_scores.resize(classes);
  size_t lookups = 0;
  while (!ws.state.Terminal()) {
    const size_t count = MoveFeatures(ws.state, ws.context, ws.features);
    float scores[kMoveCount];
    m.moves.Score(ws.features, count, scores);
    lookups += count;
    const Move move = static_cast<Move>(BestValidMove(ws.state, scores));
    int label = -1;
    if (move != Move::kShift) {
      const auto [head, dep] = ArcOf(ws.state, move);
      if (head == n) {
        label = m.root_label;
      } else {
        const size_t lcount = LabelFeatures(ws.state, ws.context, head, dep, ws.features);
        m.labels.Score(ws.features, lcount, ws.label_scores.data());
        lookups += lcount;
        label = BestLabel(ws.label_scores.data(), classes, m.root_label);
      }
    }
    ws.state.Apply(move, label);
  }
  const auto& labels = m.labels.classes();
  for (int t = 0; t < n; ++t) {
    Token& token = doc.tokens[sentence.first + t];
    const int head = ws.state.head(t);
    token.head = head == n ? -2 : head;
    token.deprel = labels[ws.state.label(t)];
  }
  if (stats) {
    ++stats->sentences;
    stats->words += n;
    stats->moves += ws.state.moves();
    stats->feature_lookups += lookups;
  }
}

void ParseDocument(const ParserModel& model, AnnotatedDocument& doc, ParseStats* stats) {
  for (size_t s = 0; s < doc.sentences.size(); ++s) ParseSentence(model, doc, s, stats);
}

// ---------------------------------------------------------------------------------------------
// Training

ParserTrainResult TrainParser(const std::vector<AnnotatedDocument>& docs,
                              const ParserTrainOptions& options) {
  ParserTrainResult result;
  // The label inventory, sorted, "root" included.
  std::map<std::string, int> label_ids;
  label_ids["root"] = 0;
  for (const AnnotatedDocument& doc : docs) {
    for (const Token& t : doc.tokens) {
      if (!t.deprel.empty() && t.head != -2) label_ids[t.deprel] = 0;
    }
  }
  std::vector<std::string> labels;
  for (auto& [label, id] : label_ids) {
    id = static_cast<int>(labels.size());
    labels.push_back(label);
  }
  const int classes = static_cast<int>(labels.size());
  const int root_label = label_ids["root"];

  // The sentences to train on: a single root, heads inside the sentence, projective.
  struct Example {
    const AnnotatedDocument* doc;
    const Sentence* sentence;
    std::vector<int> heads;  // n for the root word
    std::vector<int> labels;
  };
  std::vector<Example> examples;
  for (const AnnotatedDocument& doc : docs) {
    for (const Sentence& s : doc.sentences) {
      ++result.sentences;
      const int n = static_cast<int>(s.count);
      Example ex{&doc, &s, std::vector<int>(n), std::vector<int>(n)};
      int roots = 0;
      bool ok = n > 0;
      for (int t = 0; t < n && ok; ++t) {
        const Token& token = doc.tokens[s.first + t];
        if (token.head == -2) {
          ex.heads[t] = n;
          ex.labels[t] = root_label;
          ++roots;
        } else if (token.head >= 0 && token.head < n && token.head != t) {
          ex.heads[t] = token.head;
          ex.labels[t] = label_ids[token.deprel];
        } else {
          ok = false;
        }
      }
      if (!ok || roots != 1) {
        ++result.malformed;
        continue;
      }
      if (!IsProjective(ex.heads)) {
        ++result.non_projective;
        continue;
      }
      ++result.trained_sentences;
      result.trained_words += n;
      examples.push_back(std::move(ex));
    }
  }

  LinearModelTrainer moves(MoveNames());
  LinearModelTrainer label_trainer(labels);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  ArcHybridState state;
  SentenceContext context;
  std::vector<uint64_t> features(kMaxFeatures), label_features(kMaxFeatures);
  std::vector<float> label_scores(classes);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t seen = 0, errors = 0;
    const bool explore = options.dynamic_oracle && epoch > 0;
    for (const size_t index : order) {
      const Example& ex = examples[index];
      const int n = static_cast<int>(ex.sentence->count);
      context.Load(ex.doc->tokens, ex.sentence->first, ex.sentence->count);
      state.Reset(n);
      while (!state.Terminal()) {
        features.resize(kMaxFeatures);
        features.resize(MoveFeatures(state, context, features.data()));
        float scores[kMoveCount];
        moves.Score(features.data(), features.size(), scores);
        int cost[kMoveCount] = {0, 0, 0};
        int predicted = -1, gold = -1;
        for (int m = 0; m < kMoveCount; ++m) {
          const Move move = static_cast<Move>(m);
          if (!state.Valid(move)) continue;
          cost[m] = MoveCost(state, move, ex.heads);
          if (predicted < 0 || scores[m] > scores[predicted]) predicted = m;
          if (cost[m] == 0 && (gold < 0 || scores[m] > scores[gold])) gold = m;
        }
        if (gold < 0) {
          // No zero-cost move (not expected on a projective tree): take the cheapest.
          for (int m = 0; m < kMoveCount; ++m) {
            if (state.Valid(static_cast<Move>(m)) && (gold < 0 || cost[m] < cost[gold])) gold = m;
          }
        }
        ++seen;
        const bool wrong = cost[predicted] > cost[gold];
        if (wrong) {
          ++errors;
          moves.Update(features, gold, predicted);
        }
        moves.Tick();
        int follow = gold;
        if (explore && wrong) {
          const double r = static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
          if (r < options.explore) follow = predicted;
        }
        const Move move = static_cast<Move>(follow);
        int label = -1;
        if (move != Move::kShift) {
          const auto [head, dep] = ArcOf(state, move);
          if (head == n) {
            label = root_label;
          } else {
            label_features.resize(kMaxFeatures);
            label_features.resize(LabelFeatures(state, context, head, dep, label_features.data()));
            label_trainer.Score(label_features.data(), label_features.size(), label_scores.data());
            const int guess = BestLabel(label_scores.data(), classes, root_label);
            if (ex.heads[dep] == head) {
              label = ex.labels[dep];
              label_trainer.Update(label_features, label, guess);
              label_trainer.Tick();
            } else {
              label = guess;
            }
          }
        }
        state.Apply(move, label);
      }
    }
    if (options.progress) options.progress(epoch, seen, errors, options.progress_context);
  }

  // The model as it is read back from its bytes.
  const auto finish = [&](double prune) {
    auto impl = std::make_unique<ParserModel::Impl>();
    impl->moves = moves.Finish(static_cast<float>(prune));
    impl->labels = label_trainer.Finish(static_cast<float>(prune));
    return ParserModel::Deserialize(ParserModel(std::move(impl)).Serialize());
  };
  result.model = finish(options.prune);
  for (const double prune : options.alternative_prunes) {
    result.alternatives.emplace_back(prune, finish(prune));
  }
  result.move_rows = result.model.move_rows();
  result.label_rows = result.model.label_rows();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Scoring

void ScoreAttachment(const AnnotatedDocument& gold, const AnnotatedDocument& predicted,
                     AttachmentScores* scores) {
  if (gold.tokens.size() != predicted.tokens.size()) {
    throw std::invalid_argument("ScoreAttachment: " + gold.name + ": token counts differ");
  }
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const Token& g = gold.tokens[i];
    const Token& p = predicted.tokens[i];
    const bool head = g.head == p.head;
    const bool labelled = head && g.deprel == p.deprel;
    for (AttachmentScore* s : {&scores->all, &scores->without_punctuation}) {
      if (s == &scores->without_punctuation && IsPunctuationTag(g.pos)) continue;
      ++s->words;
      s->unlabelled += head;
      s->labelled += labelled;
    }
  }
}

}  // namespace claimgraph::engine::nlp
