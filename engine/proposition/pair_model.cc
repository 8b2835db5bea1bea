#include "engine/proposition/pair_model.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <numeric>
#include <ostream>
#include <random>
#include <sstream>
#include <stdexcept>

extern const char kClaimgraphPairModel[];

namespace claimgraph::engine {
namespace {

constexpr int kIn = kNumAlignmentFeatures;
constexpr int kOut = kNumPairRelations;

void Softmax(std::array<double, kOut>* z) {
  const double m = *std::max_element(z->begin(), z->end());
  double s = 0;
  for (double& v : *z) s += (v = std::exp(v - m));
  for (double& v : *z) v /= s;
}

}  // namespace

std::array<double, kOut> PairModel::Predict(const std::array<float, kIn>& features) const {
  std::array<double, kOut> out;
  out.fill(1.0 / kOut);
  if (hidden_ == 0) return out;
  std::array<float, kIn> x;
  for (int i = 0; i < kIn; ++i) x[i] = (features[i] - mean_[i]) * scale_[i];
  std::vector<float> h(hidden_);
  for (int j = 0; j < hidden_; ++j) {
    float s = b1_[j];
    for (int i = 0; i < kIn; ++i) s += w1_[j * kIn + i] * x[i];
    h[j] = s > 0 ? s : 0;
  }
  for (int k = 0; k < kOut; ++k) {
    double s = b2_[k];
    for (int j = 0; j < hidden_; ++j) s += w2_[k * hidden_ + j] * h[j];
    out[k] = s;
  }
  Softmax(&out);
  return out;
}

void PairModel::Save(std::ostream& out) const {
  out << "claimgraph-pair-model 1 " << kIn << " " << hidden_ << "\n";
  auto row = [&](const std::vector<float>& v, size_t from, size_t n) {
    char buf[32];
    for (size_t i = 0; i < n; ++i) {
      std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(v[from + i]));
      out << (i ? " " : "") << buf;
    }
    out << "\n";
  };
  row(mean_, 0, kIn);
  row(scale_, 0, kIn);
  for (int j = 0; j < hidden_; ++j) row(w1_, static_cast<size_t>(j) * kIn, kIn);
  row(b1_, 0, hidden_);
  for (int k = 0; k < kOut; ++k) row(w2_, static_cast<size_t>(k) * hidden_, hidden_);
  row(b2_, 0, kOut);
}

PairModel PairModel::Load(std::istream& in, const std::string& name) {
  std::string magic;
  int version = 0, inputs = 0, hidden = 0;
  if (!(in >> magic >> version >> inputs >> hidden) || magic != "claimgraph-pair-model" ||
      version != 1 || inputs != kIn || hidden <= 0 || hidden > 4096)
    throw std::runtime_error(name +
                             ": not a pair model of this version (expected "
                             "'claimgraph-pair-model 1 " +
                             std::to_string(kIn) + " H')");
  PairModel m;
  m.hidden_ = hidden;
  auto read = [&](std::vector<float>* v, size_t n) {
    v->resize(n);
    for (float& x : *v)
      if (!(in >> x)) throw std::runtime_error(name + ": truncated pair model");
  };
  read(&m.mean_, kIn);
  read(&m.scale_, kIn);
  read(&m.w1_, static_cast<size_t>(hidden) * kIn);
  read(&m.b1_, hidden);
  read(&m.w2_, static_cast<size_t>(kOut) * hidden);
  read(&m.b2_, kOut);
  return m;
}

PairModel PairModel::Train(const std::vector<PairExample>& examples, const PairTrainerOptions& o,
                           std::vector<double>* epoch_loss) {
  if (examples.empty()) throw std::invalid_argument("pair model: no training examples");
  PairModel m;
  m.hidden_ = o.hidden;
  const int H = o.hidden;
  // Standardisation.
  m.mean_.assign(kIn, 0);
  m.scale_.assign(kIn, 1);
  for (int i = 0; i < kIn; ++i) {
    double s = 0, s2 = 0;
    for (const auto& e : examples) s += e.features[i], s2 += double(e.features[i]) * e.features[i];
    const double n = static_cast<double>(examples.size());
    const double mean = s / n, var = std::max(0.0, s2 / n - mean * mean);
    m.mean_[i] = static_cast<float>(mean);
    m.scale_[i] = var > 1e-12 ? static_cast<float>(1 / std::sqrt(var)) : 0.0f;
  }
  // Class weights (n / (K n_c))^power.
  std::array<double, kOut> count{};
  for (const auto& e : examples) count[static_cast<int>(e.label)] += e.weight;
  const double total = std::accumulate(count.begin(), count.end(), 0.0);
  std::array<double, kOut> cw{};
  for (int k = 0; k < kOut; ++k)
    cw[k] = count[k] > 0 ? std::pow(total / (kOut * count[k]), o.class_weight_power) : 0;
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<float> normal(0, 1);
  m.w1_.resize(static_cast<size_t>(H) * kIn);
  for (float& w : m.w1_) w = normal(rng) * std::sqrt(2.0f / kIn);
  m.b1_.assign(H, 0.01f);
  m.w2_.resize(static_cast<size_t>(kOut) * H);
  for (float& w : m.w2_) w = normal(rng) * std::sqrt(1.0f / H);
  m.b2_.assign(kOut, 0);
  // Adam state over all parameters, in the order w1, b1, w2, b2.
  std::vector<float*> params;
  for (auto* v : {&m.w1_, &m.b1_, &m.w2_, &m.b2_})
    for (float& x : *v) params.push_back(&x);
  std::vector<float> grad(params.size()), mom(params.size()), vel(params.size());
  const size_t o_b1 = m.w1_.size(), o_w2 = o_b1 + m.b1_.size(), o_b2 = o_w2 + m.w2_.size();
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  long step = 0;
  std::vector<float> x(kIn), h(H), dh(H);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    double loss = 0, wsum = 0;
    for (size_t start = 0; start < order.size(); start += o.batch_size) {
      std::fill(grad.begin(), grad.end(), 0.0f);
      const size_t end = std::min(order.size(), start + o.batch_size);
      double bw = 0;
      for (size_t t = start; t < end; ++t) {
        const PairExample& e = examples[order[t]];
        const int y = static_cast<int>(e.label);
        const double w = e.weight * cw[y];
        bw += w;
        for (int i = 0; i < kIn; ++i) x[i] = (e.features[i] - m.mean_[i]) * m.scale_[i];
        for (int j = 0; j < H; ++j) {
          float s = m.b1_[j];
          for (int i = 0; i < kIn; ++i) s += m.w1_[j * kIn + i] * x[i];
          h[j] = s > 0 ? s : 0;
        }
        std::array<double, kOut> p;
        for (int k = 0; k < kOut; ++k) {
          double s = m.b2_[k];
          for (int j = 0; j < H; ++j) s += m.w2_[k * H + j] * h[j];
          p[k] = s;
        }
        Softmax(&p);
        loss += -w * std::log(std::max(p[y], 1e-12));
        wsum += w;
        std::fill(dh.begin(), dh.end(), 0.0f);
        for (int k = 0; k < kOut; ++k) {
          const float d = static_cast<float>(w * (p[k] - (k == y ? 1 : 0)));
          grad[o_b2 + k] += d;
          for (int j = 0; j < H; ++j) {
            grad[o_w2 + k * H + j] += d * h[j];
            dh[j] += d * m.w2_[k * H + j];
          }
        }
        for (int j = 0; j < H; ++j) {
          if (h[j] <= 0) continue;
          grad[o_b1 + j] += dh[j];
          for (int i = 0; i < kIn; ++i) grad[j * kIn + i] += dh[j] * x[i];
        }
      }
      ++step;
      const float lr = o.learning_rate, b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
      const float c1 = 1 - std::pow(b1, static_cast<float>(step));
      const float c2 = 1 - std::pow(b2, static_cast<float>(step));
      for (size_t i = 0; i < params.size(); ++i) {
        const float g = grad[i] / static_cast<float>(std::max(bw, 1e-9)) + o.l2 * *params[i];
        mom[i] = b1 * mom[i] + (1 - b1) * g;
        vel[i] = b2 * vel[i] + (1 - b2) * g * g;
        *params[i] -= lr * (mom[i] / c1) / (std::sqrt(vel[i] / c2) + eps);
      }
    }
    if (epoch_loss) epoch_loss->push_back(wsum > 0 ? loss / wsum : 0);
  }
  return m;
}

const PairModel& DefaultPairModel() {
  static const PairModel model = [] {
    std::istringstream in(kClaimgraphPairModel);
    if (in.str().empty()) return PairModel();
    return PairModel::Load(in, "engine/proposition/pair_model.txt");
  }();
  return model;
}

PairDecision DecidePair(const Alignment& al, const PairModel& model) {
  PairDecision d;
  d.probabilities = model.Predict(al.features);
  const auto& p = d.probabilities;
  int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  if (!model.trained()) best = static_cast<int>(al.rule);
  // A rule verdict on aligned parts stands when the model gives it some weight.
  if (al.rule_fired && p[static_cast<int>(al.rule)] >= 0.15 &&
      (al.rule != PairRelation::kContradict || al.may_contradict))
    best = static_cast<int>(al.rule);
  // Precision first: no contradiction without aligned parts, and the model alone must be sure.
  const int contradict = static_cast<int>(PairRelation::kContradict);
  if (best == contradict && model.trained() && p[contradict] < 0.6 &&
      !(al.rule_fired && al.rule == PairRelation::kContradict)) {
    best = static_cast<int>(PairRelation::kRelated);
    d.reasons.push_back("contradiction withheld: model not sure");
  }
  if (best == static_cast<int>(PairRelation::kContradict) && !al.may_contradict) {
    best = static_cast<int>(PairRelation::kRelated);
    d.reasons.push_back("contradiction withheld: parts not aligned");
  }
  d.relation = static_cast<PairRelation>(best);
  d.score = model.trained() ? p[best] : al.rule_score;
  d.reasons.insert(d.reasons.begin(), al.reasons.begin(), al.reasons.end());
  return d;
}

}  // namespace claimgraph::engine
