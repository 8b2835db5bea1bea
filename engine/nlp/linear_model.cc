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
void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// A model keeps the low 40 bits of each feature hash: with a million features, an unknown feature
// matches a kept one with probability 1e-6, and the sorted keys' differences take 3-4 bytes.
constexpr uint64_t kKeyMask = (uint64_t{1} << 40) - 1;
inline uint64_t StoredKey(uint64_t feature) {
  const uint64_t key = feature & kKeyMask;
  return key == 0 ? 1 : key;
}

constexpr int kSteps = 126;  // magnitude steps 0..126 between a class's low and high
// A class's low is its high times this (2^-12): smaller weights are dropped at quantisation.
constexpr float kLowRatio = 1.0f / 4096.0f;

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
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint64_t b = Get(1);
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    Fail("bad varint");
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
  const uint64_t key = StoredKey(feature);
  uint64_t i = key & mask_;
  while (true) {
    const Slot& s = slots_[i];
    if (s.feature == key) return &s;
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

float LinearModel::Dequantize(int cls, uint8_t code) const {
  const float low = low_[cls], high = high_[cls];
  const int step = code & 0x7f;
  float magnitude = high;
  if (step < kSteps && high > low) {
    magnitude =
        static_cast<float>(static_cast<double>(low) * std::pow(static_cast<double>(high) / low,
                                                               static_cast<double>(step) / kSteps));
  }
  return (code & 0x80) ? -magnitude : magnitude;
}

uint8_t LinearModel::Quantize(int cls, float weight) const {
  const double low = low_[cls], high = high_[cls];
  const double magnitude = std::fabs(static_cast<double>(weight));
  int step = kSteps;
  if (high > low) {
    const double x = std::log(magnitude / low) / std::log(high / low) * kSteps;
    step = static_cast<int>(std::lround(std::clamp(x, 0.0, static_cast<double>(kSteps))));
  }
  return static_cast<uint8_t>(step | (weight < 0 ? 0x80 : 0));
}

void LinearModel::SerializeTo(std::string* out) const {
  out->append(kMagic, 4);
  PutU32(out, kVersion);
  PutU32(out, static_cast<uint32_t>(classes_.size()));
  for (const std::string& c : classes_) {
    PutU32(out, static_cast<uint32_t>(c.size()));
    out->append(c);
  }
  for (size_t c = 0; c < classes_.size(); ++c) {
    PutU32(out, std::bit_cast<uint32_t>(low_[c]));
    PutU32(out, std::bit_cast<uint32_t>(high_[c]));
  }
  std::vector<const Slot*> rows;
  rows.reserve(num_rows_);
  for (const Slot& s : slots_) {
    if (s.feature != 0) rows.push_back(&s);
  }
  std::sort(rows.begin(), rows.end(),
            [](const Slot* a, const Slot* b) { return a->feature < b->feature; });
  PutU32(out, static_cast<uint32_t>(rows.size()));
  const bool mask = classes_.size() <= 8;
  const bool wide = classes_.size() > 256;
  uint64_t previous = 0;
  for (const Slot* s : rows) {
    PutVarint(out, s->feature - previous);
    previous = s->feature;
    if (mask) {
      uint8_t bits = 0;
      for (uint32_t k = 0; k < s->count; ++k) bits |= 1u << entries_[s->first + k].cls;
      out->push_back(static_cast<char>(bits));
      for (uint32_t k = 0; k < s->count; ++k) {
        out->push_back(static_cast<char>(entries_[s->first + k].code));
      }
      continue;
    }
    PutVarint(out, s->count);
    for (uint32_t k = 0; k < s->count; ++k) {
      const Entry& e = entries_[s->first + k];
      if (wide) {
        PutU16(out, e.cls);
      } else {
        out->push_back(static_cast<char>(e.cls));
      }
      out->push_back(static_cast<char>(e.code));
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
  for (uint32_t c = 0; c < num_classes; ++c) {
    m.low_.push_back(std::bit_cast<float>(static_cast<uint32_t>(r.Get(4))));
    m.high_.push_back(std::bit_cast<float>(static_cast<uint32_t>(r.Get(4))));
    if (!(m.low_[c] >= 0.0f) || !(m.high_[c] >= m.low_[c]) || std::isinf(m.high_[c]) ||
        (m.low_[c] == 0.0f && m.high_[c] != 0.0f)) {
      r.Fail("bad weight range");
    }
  }
  const uint32_t num_rows = static_cast<uint32_t>(r.Get(4));
  if (num_rows > bytes.size()) r.Fail("bad row count");
  const bool mask = num_classes <= 8;
  const bool wide = num_classes > 256;
  std::vector<uint64_t> features;
  std::vector<uint32_t> row_begin;
  features.reserve(num_rows);
  row_begin.reserve(num_rows + 1);
  uint64_t previous = 0;
  for (uint32_t i = 0; i < num_rows; ++i) {
    const uint64_t delta = r.Varint();
    const uint64_t f = previous + delta;
    if (f == 0 || (i > 0 && delta == 0) || f < previous || f > kKeyMask) {
      r.Fail("rows out of order");
    }
    previous = f;
    features.push_back(f);
    row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
    auto add = [&](uint32_t cls) {
      if (cls >= num_classes) r.Fail("class out of range");
      const uint8_t code = static_cast<uint8_t>(r.Get(1));
      m.entries_.push_back(Entry{static_cast<uint16_t>(cls), code, 0.0f});
    };
    if (mask) {
      const uint32_t bits = static_cast<uint32_t>(r.Get(1));
      for (uint32_t c = 0; c < 8; ++c) {
        if (bits & (1u << c)) add(c);
      }
    } else {
      const uint64_t n = r.Varint();
      if (n > num_classes) r.Fail("bad entry count");
      for (uint64_t k = 0; k < n; ++k) add(static_cast<uint32_t>(r.Get(wide ? 2 : 1)));
    }
  }
  row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
  for (Entry& e : m.entries_) e.weight = m.Dequantize(e.cls, e.code);
  m.Build(features, row_begin);
  return m;
}

LinearModel LinearModel::Pruned(float min_weight) const {
  LinearModel m;
  m.classes_ = classes_;
  m.low_ = low_;
  m.high_ = high_;
  std::vector<const Slot*> rows;
  for (const Slot& s : slots_) {
    if (s.feature != 0) rows.push_back(&s);
  }
  std::sort(rows.begin(), rows.end(),
            [](const Slot* a, const Slot* b) { return a->feature < b->feature; });
  std::vector<uint64_t> features;
  std::vector<uint32_t> row_begin;
  for (const Slot* s : rows) {
    const size_t before = m.entries_.size();
    for (uint32_t k = 0; k < s->count; ++k) {
      const Entry& e = entries_[s->first + k];
      if (std::fabs(e.weight) >= min_weight) m.entries_.push_back(e);
    }
    if (m.entries_.size() == before) continue;
    features.push_back(s->feature);
    row_begin.push_back(static_cast<uint32_t>(before));
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
  Grow(1 << 12);
}

int LinearModelTrainer::ClassIndex(std::string_view name) const { return IndexOf(classes_, name); }

int64_t LinearModelTrainer::Find(uint64_t feature) const {
  const uint64_t key = StoredKey(feature);
  for (size_t slot = key & mask_; slot_key_[slot] != 0; slot = (slot + 1) & mask_) {
    if (slot_key_[slot] == key) return slot_row_[slot];
  }
  return -1;
}

size_t LinearModelTrainer::FindOrAdd(uint64_t feature) {
  const uint64_t key = StoredKey(feature);
  size_t slot = key & mask_;
  for (; slot_key_[slot] != 0; slot = (slot + 1) & mask_) {
    if (slot_key_[slot] == key) return slot_row_[slot];
  }
  const size_t row = keys_.size();
  keys_.push_back(key);
  w_.resize(w_.size() + classes_.size(), 0.0f);
  u_.resize(u_.size() + classes_.size(), 0.0);
  slot_key_[slot] = key;
  slot_row_[slot] = static_cast<uint32_t>(row);
  if (keys_.size() * 2 > slot_key_.size()) Grow(slot_key_.size() * 2);
  return row;
}

void LinearModelTrainer::Grow(size_t slots) {
  slot_key_.assign(slots, 0);
  slot_row_.assign(slots, 0);
  mask_ = slots - 1;
  for (size_t row = 0; row < keys_.size(); ++row) {
    size_t slot = keys_[row] & mask_;
    while (slot_key_[slot] != 0) slot = (slot + 1) & mask_;
    slot_key_[slot] = keys_[row];
    slot_row_[slot] = static_cast<uint32_t>(row);
  }
}

void LinearModelTrainer::Score(const uint64_t* features, size_t count, float* scores) const {
  const size_t classes = classes_.size();
  std::fill(scores, scores + classes, 0.0f);
  for (size_t i = 0; i < count; ++i) {
    const int64_t row = Find(features[i]);
    if (row < 0) continue;
    const float* w = &w_[static_cast<size_t>(row) * classes];
    for (size_t c = 0; c < classes; ++c) scores[c] += w[c];
  }
}

void LinearModelTrainer::Update(const std::vector<uint64_t>& features, int truth, int guess) {
  if (truth == guess) return;
  const size_t classes = classes_.size();
  for (const uint64_t f : features) {
    const size_t row = FindOrAdd(f) * classes;
    w_[row + truth] += 1.0f;
    u_[row + truth] += clock_;
    if (guess >= 0) {
      w_[row + guess] -= 1.0f;
      u_[row + guess] -= clock_;
    }
  }
}

LinearModel LinearModelTrainer::Finish(float min_weight) const {
  const size_t classes = classes_.size();
  std::vector<std::pair<uint64_t, size_t>> order;
  order.reserve(keys_.size());
  for (size_t r = 0; r < keys_.size(); ++r) order.emplace_back(keys_[r], r);
  std::sort(order.begin(), order.end());
  const auto average = [&](size_t at) {
    return static_cast<float>(static_cast<double>(w_[at]) - u_[at] / clock_);
  };
  // The per-class range: the largest magnitude, whatever is pruned, so that pruning after
  // training (LinearModel::Pruned) gives the same model as pruning here.
  LinearModel m;
  m.classes_ = classes_;
  m.high_.assign(classes, 0.0f);
  for (size_t at = 0; at < w_.size(); ++at) {
    float& high = m.high_[at % classes];
    high = std::max(high, std::fabs(average(at)));
  }
  m.low_.resize(classes);
  for (size_t c = 0; c < classes; ++c) m.low_[c] = m.high_[c] * kLowRatio;
  std::vector<uint64_t> features;
  std::vector<uint32_t> row_begin;
  for (const auto& [key, r] : order) {
    const size_t before = m.entries_.size();
    for (size_t c = 0; c < classes; ++c) {
      const float a = average(r * classes + c);
      const float magnitude = std::fabs(a);
      if (magnitude == 0.0f || magnitude < m.low_[c]) continue;
      const uint8_t code = m.Quantize(static_cast<int>(c), a);
      const float stored = m.Dequantize(static_cast<int>(c), code);
      // Pruned on the stored value, as Pruned() does.
      if (std::fabs(stored) < min_weight) continue;
      m.entries_.push_back(LinearModel::Entry{static_cast<uint16_t>(c), code, stored});
    }
    if (m.entries_.size() == before) continue;
    features.push_back(key);
    row_begin.push_back(static_cast<uint32_t>(before));
  }
  row_begin.push_back(static_cast<uint32_t>(m.entries_.size()));
  m.Build(features, row_begin);
  return m;
}

}  // namespace claimgraph::engine::nlp
