#include "engine/stance/stance_network.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <istream>
#include <ostream>
#include <stdexcept>

namespace claimgraph::engine {
namespace {

// Weights are stored as little-endian IEEE floats after a text line giving the shape.
void WriteFloats(std::ostream& out, const float* data, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &data[i], 4);
    const char bytes[4] = {static_cast<char>(bits & 0xFF), static_cast<char>((bits >> 8) & 0xFF),
                           static_cast<char>((bits >> 16) & 0xFF),
                           static_cast<char>((bits >> 24) & 0xFF)};
    out.write(bytes, 4);
  }
}

void ReadFloats(std::istream& in, float* data, size_t n, const std::string& name) {
  for (size_t i = 0; i < n; ++i) {
    unsigned char b[4];
    if (!in.read(reinterpret_cast<char*>(b), 4)) {
      throw std::runtime_error(name + ": malformed stance model (weights truncated)");
    }
    const uint32_t bits = static_cast<uint32_t>(b[0]) | (static_cast<uint32_t>(b[1]) << 8) |
                          (static_cast<uint32_t>(b[2]) << 16) | (static_cast<uint32_t>(b[3]) << 24);
    std::memcpy(&data[i], &bits, 4);
  }
}

// bfloat16: the upper half of an IEEE float, rounded to nearest even. The first layer's weights
// are stored so, halving the model file at no measurable cost in accuracy.
uint16_t ToBfloat16(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  bits += 0x7FFFu + ((bits >> 16) & 1u);
  return static_cast<uint16_t>(bits >> 16);
}

float FromBfloat16(uint16_t h) {
  const uint32_t bits = static_cast<uint32_t>(h) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

void WriteBfloat16(std::ostream& out, const float* data, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const uint16_t h = ToBfloat16(data[i]);
    const char bytes[2] = {static_cast<char>(h & 0xFF), static_cast<char>(h >> 8)};
    out.write(bytes, 2);
  }
}

void ReadBfloat16(std::istream& in, float* data, size_t n, const std::string& name) {
  for (size_t i = 0; i < n; ++i) {
    unsigned char b[2];
    if (!in.read(reinterpret_cast<char*>(b), 2)) {
      throw std::runtime_error(name + ": malformed stance model (weights truncated)");
    }
    data[i] = FromBfloat16(static_cast<uint16_t>(b[0] | (b[1] << 8)));
  }
}

}  // namespace

void StanceNetwork::RoundFirstLayer() {
  for (Eigen::Index i = 0; i < w1_.size(); ++i)
    w1_.data()[i] = FromBfloat16(ToBfloat16(w1_.data()[i]));
}

StanceNetwork::StanceNetwork(int inputs, int hidden)
    : w1_(Eigen::MatrixXf::Zero(hidden, inputs)),
      b1_(Eigen::VectorXf::Zero(hidden)),
      w2_(Eigen::MatrixXf::Zero(4, hidden)),
      b2_(Eigen::VectorXf::Zero(4)),
      dense_mean_(Eigen::VectorXf::Zero(kNumDenseFeatures)),
      dense_scale_(Eigen::VectorXf::Ones(kNumDenseFeatures)) {}

std::vector<std::pair<int, float>> StanceNetwork::Input(const StanceFeatures& f) const {
  std::vector<std::pair<int, float>> x;
  x.reserve(f.dense.size() + f.sparse.size());
  for (int i = 0; i < kNumDenseFeatures; ++i) {
    x.emplace_back(i, (f.dense[i] - dense_mean_[i]) / dense_scale_[i]);
  }
  for (const auto& e : f.sparse) {
    if (e.first < inputs()) x.push_back(e);
  }
  return x;
}

std::array<double, 4> StanceNetwork::Predict(const StanceFeatures& f) const {
  Eigen::VectorXf h = b1_;
  for (const auto& [i, v] : Input(f)) h.noalias() += v * w1_.col(i);
  h = h.cwiseMax(0.0f);
  const Eigen::Vector4f logits = w2_ * h + b2_;
  const float m = logits.maxCoeff();
  std::array<double, 4> p;
  double sum = 0;
  for (int c = 0; c < 4; ++c) sum += (p[c] = std::exp(static_cast<double>(logits[c] - m)));
  for (double& v : p) v /= sum;
  return p;
}

std::vector<double> StanceNetwork::DenseAttribution(const StanceFeatures& f, int label) const {
  const auto x = Input(f);
  Eigen::VectorXf h = b1_;
  for (const auto& [i, v] : x) h.noalias() += v * w1_.col(i);
  // d logit_label / d x_i = sum over active hidden units of w2[label, j] * w1[j, i].
  Eigen::VectorXf g = w2_.row(label).transpose();
  for (int j = 0; j < hidden(); ++j) {
    if (h[j] <= 0) g[j] = 0;
  }
  std::vector<double> out(kNumDenseFeatures);
  for (int i = 0; i < kNumDenseFeatures; ++i) {
    out[i] = static_cast<double>(g.dot(w1_.col(i)) * x[i].second);
  }
  return out;
}

void StanceNetwork::Save(std::ostream& out) const {
  out << "network " << inputs() << " " << hidden() << " " << kNumDenseFeatures << "\n";
  WriteFloats(out, dense_mean_.data(), dense_mean_.size());
  WriteFloats(out, dense_scale_.data(), dense_scale_.size());
  WriteBfloat16(out, w1_.data(), w1_.size());
  WriteFloats(out, b1_.data(), b1_.size());
  WriteFloats(out, w2_.data(), w2_.size());
  WriteFloats(out, b2_.data(), b2_.size());
  out << "\nend\n";
}

StanceNetwork StanceNetwork::Load(std::istream& in, const std::string& name) {
  std::string tag;
  int inputs = 0, hidden = 0, dense = 0;
  if (!(in >> tag >> inputs >> hidden >> dense) || tag != "network" || inputs <= 0 || hidden <= 0 ||
      inputs > (1 << 24) || hidden > (1 << 16)) {
    throw std::runtime_error(name + ": malformed stance model (network header)");
  }
  if (dense != kNumDenseFeatures) {
    throw std::runtime_error(name + ": stance model has " + std::to_string(dense) +
                             " dense features, this build computes " +
                             std::to_string(kNumDenseFeatures));
  }
  in.get();
  StanceNetwork net(inputs, hidden);
  ReadFloats(in, net.dense_mean_.data(), net.dense_mean_.size(), name);
  ReadFloats(in, net.dense_scale_.data(), net.dense_scale_.size(), name);
  ReadBfloat16(in, net.w1_.data(), net.w1_.size(), name);
  ReadFloats(in, net.b1_.data(), net.b1_.size(), name);
  ReadFloats(in, net.w2_.data(), net.w2_.size(), name);
  ReadFloats(in, net.b2_.data(), net.b2_.size(), name);
  if (!(in >> tag) || tag != "end") {
    throw std::runtime_error(name + ": malformed stance model (no end marker)");
  }
  return net;
}

}  // namespace claimgraph::engine
