// Averaged perceptron with lazy averaging (see ranking_perceptron.h).
#include "engine/attrib/ranking_perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace claimgraph::engine::attrib {

uint64_t Feature(std::string_view a, std::string_view b, std::string_view c) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    h ^= 0xFF;  // separator, so ("ab", "c") and ("a", "bc") differ
    h *= 1099511628211ull;
  };
  mix(a);
  mix(b);
  mix(c);
  return h ? h : 1;
}

float Perceptron::Score(const std::vector<uint64_t>& features) const {
  float s = 0;
  for (uint64_t f : features) {
    const auto it = weights_.find(f);
    if (it != weights_.end()) s += it->second;
  }
  return s;
}

std::string Perceptron::Serialize() const {
  std::vector<std::pair<uint64_t, float>> rows(weights_.begin(), weights_.end());
  std::sort(rows.begin(), rows.end());
  std::string out;
  const uint32_t n = static_cast<uint32_t>(rows.size());
  out.append(reinterpret_cast<const char*>(&n), 4);
  for (const auto& [f, w] : rows) {
    out.append(reinterpret_cast<const char*>(&f), 8);
    out.append(reinterpret_cast<const char*>(&w), 4);
  }
  return out;
}

Perceptron Perceptron::Parse(std::string_view bytes, size_t* offset, const std::string& what) {
  auto need = [&](size_t n) {
    if (*offset + n > bytes.size()) throw std::runtime_error(what + ": truncated model");
  };
  need(4);
  uint32_t n = 0;
  std::memcpy(&n, bytes.data() + *offset, 4);
  *offset += 4;
  need(static_cast<size_t>(n) * 12);
  Perceptron p;
  p.weights_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t f = 0;
    float w = 0;
    std::memcpy(&f, bytes.data() + *offset, 8);
    std::memcpy(&w, bytes.data() + *offset + 8, 4);
    *offset += 12;
    p.weights_.emplace(f, w);
  }
  return p;
}

float PerceptronTrainer::Score(const std::vector<uint64_t>& features) const {
  float s = 0;
  for (uint64_t f : features) {
    const auto it = weights_.find(f);
    if (it != weights_.end()) s += it->second.value;
  }
  return s;
}

void PerceptronTrainer::Update(const std::vector<uint64_t>& features, float delta) {
  for (uint64_t f : features) {
    W& w = weights_[f];
    w.total += static_cast<double>(clock_ - w.stamp) * w.value;
    w.stamp = clock_;
    w.value += delta;
  }
}

Perceptron PerceptronTrainer::Finish(float min_weight) const {
  Perceptron p;
  for (const auto& [f, w] : weights_) {
    const double total = w.total + static_cast<double>(clock_ - w.stamp) * w.value;
    const float avg = static_cast<float>(total / static_cast<double>(clock_));
    if (std::fabs(avg) >= min_weight && avg != 0) p.weights_.emplace(f, avg);
  }
  return p;
}

}  // namespace claimgraph::engine::attrib
