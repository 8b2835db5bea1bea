// Averaged-perceptron linear model: hashed sparse features, scoring, training, file format.
#include "engine/nlp/linear_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace claimgraph::engine::nlp {
namespace {

constexpr char kMagic[4] = {'C', 'G', 'L', 'M'};

uint64_t Finalize(uint64_t h) {
  // MurmurHash3's 64-bit finaliser: spreads FNV's low-entropy high bits over the word.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

void PutU16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v & 0xff));
  out->push_back(static_cast<char>(v >> 8));
}
void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

class Reader {
 public:
  Reader(std::string_view bytes, size_t* offset, const std::string& what)
      : bytes_(bytes), offset_(offset), what_(what) {}
  uint64_t Get(int n) {
    if (*offset_ + n > bytes_.size()) Fail("truncated");
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) {
      v |= static_cast<uint64_t>(static_cast<unsigned char>(bytes_[*offset_ + i])) << (8 * i);
    }
    *offset_ += n;
    return v;
  }
  std::string_view Bytes(size_t n) {
    if (*offset_ + n > bytes_.size()) Fail("truncated");
    std::string_view s = bytes_.substr(*offset_, n);
    *offset_ += n;
    return s;
  }
  [[noreturn]] void Fail(const std::string& why) const {
    throw std::runtime_error(what_ + ": not a valid linear model (" + why + " at byte " +
                             std::to_string(*offset_) + ")");
  }

 private:
  std::string_view bytes_;
  size_t* offset_;
  const std::string& what_;
};

int IndexOf(const std::vector<std::string>& classes, std::string_view name) {
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

uint64_t FeatureHash(uint64_t template_id, std::string_view value) {
  return Finalize(Fnv(0xcbf29ce484222325ULL ^ (template_id * 0x9e3779b97f4a7c15ULL), value));
}

uint64_t FeatureHash(uint64_t template_id, std::string_view a, std::string_view b) {
  uint64_t h = Fnv(0xcbf29ce484222325ULL ^ (template_id * 0x9e3779b97f4a7c15ULL), a);
  h ^= 0x1f;  // separator: ("ab", "c") and ("a", "bc") differ
  h *= 0x100000001b3ULL;
  return Finalize(Fnv(h, b));
}

uint64_t MixHash(uint64_t h, uint64_t value) {
  return Finalize(h ^ (value + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

uint16_t FloatToHalf(float f) {
  const uint32_t x = std::bit_cast<uint32_t>(f);
  const uint32_t sign = (x >> 16) & 0x8000;
  const int32_t exponent = static_cast<int32_t>((x >> 23) & 0xff) - 127 + 15;
  uint32_t mantissa = x & 0x7fffff;
  if (((x >> 23) & 0xff) == 0xff)
    return static_cast<uint16_t>(sign | 0x7c00 | (mantissa ? 0x200 : 0));
  if (exponent >= 31) return static_cast<uint16_t>(sign | 0x7c00);  // overflow: infinity
  if (exponent <= 0) {
    if (exponent < -10) return static_cast<uint16_t>(sign);  // underflow: zero
    mantissa |= 0x800000;
    const int shift = 14 - exponent;
    uint32_t half = mantissa >> shift;
    const uint32_t rest = mantissa & ((1u << shift) - 1);
    const uint32_t halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (half & 1))) ++half;
    return static_cast<uint16_t>(sign | half);
  }
  uint32_t half = sign | (static_cast<uint32_t>(exponent) << 10) | (mantissa >> 13);
  const uint32_t rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1))) ++half;  // may carry into the exponent
  return static_cast<uint16_t>(half);
}

float HalfToFloat(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  const uint32_t exponent = (h >> 10) & 0x1f;
  uint32_t mantissa = h & 0x3ff;
  if (exponent == 0) {
    if (mantissa == 0) return std::bit_cast<float>(sign);
    // Subnormal: normalise.
    int e = -1;
    do {
      ++e;
      mantissa <<= 1;
    } while ((mantissa & 0x400) == 0);
    mantissa &= 0x3ff;
    return std::bit_cast<float>(sign | (static_cast<uint32_t>(127 - 15 - e) << 23) |
                                (mantissa << 13));
  }
  if (exponent == 31) return std::bit_cast<float>(sign | 0x7f800000 | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
}

// ---------------------------------------------------------------------------------------------
// LinearModel

int LinearModel::ClassIndex(std::string_view name) const { return IndexOf(classes_, name); }

void LinearModel::Build(const std::vector<uint64_t>& features,
                        const std::vector<uint32_t>& row_begin) {
  num_rows_ = features.size();
  size_t capacity = 16;
  while (capacity < 2 * num_rows_) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (size_t r = 0; r < num_rows_; ++r) {
    uint64_t i = features[r] & mask_;
    while (slots_[i].feature != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{features[r], row_begin[r], row_begin[r + 1] - row_begin[r]};
  }
}

const LinearModel::Slot* LinearModel::Find(uint64_t feature) const {
  if (slots_.empty()) return nullptr;
  uint64_t i = feature & mask_;
  while (true) {
    const Slot& s = slots_[i];
    if (s.feature == feature) return &s;
    if (s.feature == 0) return nullptr;
    i = (i + 1) & mask_;
  }
}

void LinearModel::Score(const uint64_t* features, size_t count, float* scores) const {
  std::fill(scores, scores + classes_.size(), 0.0f);
  const Entry* entries = entries_.data();
  for (size_t f = 0; f < count; ++f) {
    const Slot* s = Find(features[f]);
    if (s == nullptr) continue;
    const Entry* e = entries + s->first;
    for (uint32_t k = 0; k < s->count; ++k) scores[e[k].cls] += e[k].weight;
  }
}

int LinearModel::Predict(const std::vector<uint64_t>& features, float* scores) const {
  Score(features, scores);
  int best = 0;
  for (size_t c = 1; c < classes_.size(); ++c) {
    if (scores[c] > scores[best]) best = static_cast<int>(c);
  }
  return best;
}

void LinearModel::SerializeTo(std::string* out) const {
  out->append(kMagic, 4);
  PutU32(out, kVersion);
  PutU32(out, static_cast<uint32_t>(classes_.size()));
  for (const std::string& c : classes_) {
    PutU32(out, static_cast<uint32_t>(c.size()));
    out->append(c);
  }
  std::vector<const Slot*> rows;
  rows.reserve(num_rows_);
  for (const Slot& s : slots_) {
    if (s.feature != 0) rows.push_back(&s);
  }
  std::sort(rows.begin(), rows.end(),
            [](const Slot* a, const Slot* b) { return a->feature < b->feature; });
  PutU32(out, static_cast<uint32_t>(rows.size()));
  for (const Slot* s : rows) {
    PutU64(out, s->feature);
    PutU16(out, static_cast<uint16_t>(s->count));
    for (uint32_t k = 0; k < s->count; ++k) {
      const Entry& e = entries_[s->first + k];
      PutU16(out, e.cls);
      PutU16(out, FloatToHalf(e.weight));
    }
  }
}

std::string LinearModel::Serialize() const {
  std::string out;
  SerializeTo(&out);
  return out;
}

LinearModel LinearModel::Parse(std::string_view bytes, size_t* offset, const std::string& what) {
  Reader r(bytes, offset, what);
  if (r.Bytes(4) != std::string_view(kMagic, 4)) r.Fail("wrong magic");
  const uint32_t version = static_cast<uint32_t>(r.Get(4));
  if (version != kVersion) {
    r.Fail("version " + std::to_string(version) + ", this build reads version " +
           std::to_string(kVersion));
  }
  LinearModel m;
  const uint32_t num_classes = static_cast<uint32_t>(r.Get(4));
  if (num_classes == 0 || num_classes > 65535) r.Fail("bad class count");
  for (uint32_t c = 0; c < num_classes; ++c) {
    const uint32_t n = static_cast<uint32_t>(r.Get(4));
    m.classes_.emplace_back(r.Bytes(n));
  }
  const uint32_t num_rows = static_cast<uint32_t>(r.Get(4));
  if (num_rows > bytes.size()) r.Fail("bad row count");
  std::vector<uint64_t> features;
  std::vector<uint32_t> row_begin;
  features.reserve(num_rows);
  row_begin.reserve(num_rows + 1);
  uint64_t previous = 0;
  for (uint32_t i = 0; i < num_rows; ++i) {
    const uint64_t f = r.Get(8);
    if (f == 0 || (i > 0 && f <= previous)) r.Fail("rows out of order");
    previous = f;
    features.push_back(f);
    row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
    const uint32_t n = static_cast<uint32_t>(r.Get(2));
    for (uint32_t k = 0; k < n; ++k) {
      const uint16_t cls = static_cast<uint16_t>(r.Get(2));
      if (cls >= num_classes) r.Fail("class out of range");
      m.entries_.push_back(Entry{cls, HalfToFloat(static_cast<uint16_t>(r.Get(2)))});
    }
  }
  row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
  m.Build(features, row_begin);
  return m;
}

// ---------------------------------------------------------------------------------------------
// LinearModelTrainer

LinearModelTrainer::LinearModelTrainer(std::vector<std::string> classes)
    : classes_(std::move(classes)) {
  if (classes_.empty() || classes_.size() > 65535) {
    throw std::invalid_argument("LinearModelTrainer: 1 to 65535 classes");
  }
}

int LinearModelTrainer::ClassIndex(std::string_view name) const { return IndexOf(classes_, name); }

void LinearModelTrainer::Score(const uint64_t* features, size_t count, float* scores) const {
  std::fill(scores, scores + classes_.size(), 0.0f);
  for (size_t f = 0; f < count; ++f) {
    const auto it = weights_.find(features[f]);
    if (it == weights_.end()) continue;
    for (const Weight& w : it->second) scores[w.cls] += w.value;
  }
}

void LinearModelTrainer::Update(const std::vector<uint64_t>& features, int truth, int guess) {
  if (truth == guess) return;
  auto add = [this](std::vector<Weight>& row, int cls, float delta) {
    for (Weight& w : row) {
      if (w.cls == cls) {
        w.total += static_cast<double>(clock_ - w.stamp) * w.value;
        w.stamp = clock_;
        w.value += delta;
        return;
      }
    }
    row.push_back(Weight{static_cast<uint16_t>(cls), delta, 0.0, clock_});
  };
  for (uint64_t f : features) {
    std::vector<Weight>& row = weights_[f];
    add(row, truth, 1.0f);
    if (guess >= 0) add(row, guess, -1.0f);
  }
}

LinearModel LinearModelTrainer::Finish(float min_weight) const {
  std::vector<uint64_t> order;
  order.reserve(weights_.size());
  for (const auto& [feature, row] : weights_) order.push_back(feature);
  std::sort(order.begin(), order.end());

  LinearModel m;
  m.classes_ = classes_;
  std::vector<uint64_t> features;
  std::vector<uint32_t> row_begin;
  std::vector<LinearModel::Entry> row_entries;
  for (uint64_t f : order) {
    row_entries.clear();
    for (const Weight& w : weights_.at(f)) {
      const double total = w.total + static_cast<double>(clock_ - w.stamp) * w.value;
      const float average = static_cast<float>(total / static_cast<double>(clock_));
      // Rounded to what the file keeps, so a trained model scores as its saved copy does.
      const float stored = HalfToFloat(FloatToHalf(average));
      if (stored == 0.0f || std::fabs(stored) < min_weight) continue;
      row_entries.push_back(LinearModel::Entry{w.cls, stored});
    }
    if (row_entries.empty()) continue;
    std::sort(
        row_entries.begin(), row_entries.end(),
        [](const LinearModel::Entry& a, const LinearModel::Entry& b) { return a.cls < b.cls; });
    features.push_back(f);
    row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
    m.entries_.insert(m.entries_.end(), row_entries.begin(), row_entries.end());
  }
  row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
  m.Build(features, row_begin);
  return m;
}

}  // namespace claimgraph::engine::nlp
