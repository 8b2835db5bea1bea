#include "engine/stance/stance_trainer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "engine/stance/stance_network.h"

namespace claimgraph::engine {
namespace {

// A small portable generator: std::mt19937_64 is specified exactly, but the standard
// distributions are not, so uniforms and normals are made here.
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double Normal() {
    const double u = std::max(Uniform(), 1e-300), v = Uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
  }
  size_t Below(size_t n) { return static_cast<size_t>(engine_() % n); }

 private:
  std::mt19937_64 engine_;
};

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  const size_t t = static_cast<size_t>(std::max(1, threads));
  if (t == 1 || n < 64) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::vector<std::thread> workers;
  for (size_t w = 0; w < t; ++w) {
    workers.emplace_back([&, w] {
      for (size_t i = n * w / t; i < n * (w + 1) / t; ++i) fn(i);
    });
  }
  for (auto& th : workers) th.join();
}

// Adam state for one parameter block.
struct Adam {
  Eigen::ArrayXXf m, v;
  void Init(Eigen::Index rows, Eigen::Index cols) {
    m = Eigen::ArrayXXf::Zero(rows, cols);
    v = Eigen::ArrayXXf::Zero(rows, cols);
  }
  template <typename Param, typename Grad>
  void Step(Param& p, const Grad& g, float lr, float c1, float c2) {
    constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEps = 1e-8f;
    m = kBeta1 * m + (1 - kBeta1) * g.array();
    v = kBeta2 * v + (1 - kBeta2) * g.array().square();
    p.array() -= lr * (m / c1) / ((v / c2).sqrt() + kEps);
  }
  template <typename Grad>
  void StepColumn(Eigen::MatrixXf& p, const Grad& g, Eigen::Index col, float lr, float c1,
                  float c2) {
    constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEps = 1e-8f;
    m.col(col) = kBeta1 * m.col(col) + (1 - kBeta1) * g.array();
    v.col(col) = kBeta2 * v.col(col) + (1 - kBeta2) * g.array().square();
    p.col(col).array() -= lr * (m.col(col) / c1) / ((v.col(col) / c2).sqrt() + kEps);
  }
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

StanceTrainingResult TrainStanceModel(const StanceDataset& data,
                                      const StanceTrainerOptions& options) {
  if (data.pairs.empty()) throw std::invalid_argument("TrainStanceModel: no training pairs");
  const auto start = std::chrono::steady_clock::now();

  // Featurizer tables from every distinct text.
  std::vector<std::string_view> documents;
  for (const auto& c : data.claims) documents.push_back(c);
  for (const auto& o : data.others) documents.push_back(o);
  auto featurizer =
      std::make_shared<StanceFeaturizer>(StanceFeaturizer::Fit(documents, options.features));

  std::vector<AnalyzedText> claims(data.claims.size()), others(data.others.size());
  ParallelFor(claims.size(), options.threads,
              [&](size_t i) { claims[i] = featurizer->Analyze(data.claims[i]); });
  ParallelFor(others.size(), options.threads,
              [&](size_t i) { others[i] = featurizer->Analyze(data.others[i]); });
  const size_t n = data.pairs.size();
  std::vector<StanceFeatures> features(n);
  ParallelFor(n, options.threads, [&](size_t i) {
    const auto& p = data.pairs[i];
    features[i] = featurizer->Featurize(claims[p.claim], others[p.other]);
  });
  claims.clear();
  others.clear();

  auto net = std::make_shared<StanceNetwork>(featurizer->input_size(), options.hidden);
  // Standardisation of the dense features.
  for (int j = 0; j < kNumDenseFeatures; ++j) {
    double sum = 0, sq = 0;
    for (const auto& f : features) {
      sum += f.dense[j];
      sq += static_cast<double>(f.dense[j]) * f.dense[j];
    }
    const double mean = sum / static_cast<double>(n);
    const double var = std::max(0.0, sq / static_cast<double>(n) - mean * mean);
    net->dense_mean_[j] = static_cast<float>(mean);
    net->dense_scale_[j] = static_cast<float>(std::max(std::sqrt(var), 1e-3));
  }
  std::vector<std::vector<std::pair<int, float>>> inputs(n);
  for (size_t i = 0; i < n; ++i) inputs[i] = net->Input(features[i]);
  features.clear();
  features.shrink_to_fit();
  StanceTrainingResult result{StanceModel(featurizer, net), 0, {}, Seconds(start), 0};

  // Class weights.
  std::array<double, kNumStanceLabels> count{};
  for (const auto& p : data.pairs) count[static_cast<int>(p.label)] += 1;
  std::array<float, kNumStanceLabels> weight{};
  for (int c = 0; c < kNumStanceLabels; ++c) {
    weight[c] =
        count[c] > 0
            ? static_cast<float>(std::pow(static_cast<double>(n) / (kNumStanceLabels * count[c]),
                                          options.class_weight_power))
            : 0.0f;
  }

  // Initialisation: He-style, scaled by the input's squared norm (standardised dense features
  // contribute about one each, each term-frequency block one).
  Random rng(options.seed);
  const int hidden = options.hidden;
  const float in_scale = static_cast<float>(std::sqrt(2.0 / (kNumDenseFeatures + 2)));
  for (Eigen::Index i = 0; i < net->w1_.size(); ++i) {
    net->w1_.data()[i] = in_scale * static_cast<float>(rng.Normal());
  }
  const float out_scale = static_cast<float>(std::sqrt(1.0 / hidden));
  for (Eigen::Index i = 0; i < net->w2_.size(); ++i) {
    net->w2_.data()[i] = out_scale * static_cast<float>(rng.Normal());
  }
  net->b1_.setConstant(0.01f);

  Adam a_w1, a_b1, a_w2, a_b2;
  a_w1.Init(net->w1_.rows(), net->w1_.cols());
  a_b1.Init(hidden, 1);
  a_w2.Init(4, hidden);
  a_b2.Init(4, 1);
  Eigen::MatrixXf g_w1 = Eigen::MatrixXf::Zero(net->w1_.rows(), net->w1_.cols());
  Eigen::VectorXf g_b1(hidden);
  Eigen::MatrixXf g_w2(4, hidden);
  Eigen::VectorXf g_b2(4);
  std::vector<int> touched;
  std::vector<char> is_touched(static_cast<size_t>(net->w1_.cols()), 0);

  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  const float keep = 1.0f - options.dropout;
  long step = 0;
  const auto train_start = std::chrono::steady_clock::now();
  Eigen::VectorXf h(hidden), mask(hidden), dh(hidden);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = n - 1; i > 0; --i) std::swap(order[i], order[rng.Below(i + 1)]);
    double epoch_loss = 0, epoch_weight = 0;
    for (size_t b = 0; b < n; b += static_cast<size_t>(options.batch_size)) {
      const size_t e = std::min(n, b + static_cast<size_t>(options.batch_size));
      g_b1.setZero();
      g_w2.setZero();
      g_b2.setZero();
      float batch_weight = 0;
      for (size_t k = b; k < e; ++k) {
        const size_t i = order[k];
        const auto& x = inputs[i];
        const int label = static_cast<int>(data.pairs[i].label);
        const float w = weight[label] * data.pairs[i].weight;
        h = net->b1_;
        for (const auto& [j, v] : x) h.noalias() += v * net->w1_.col(j);
        for (int u = 0; u < hidden; ++u) {
          mask[u] = (h[u] > 0 && rng.Uniform() < keep) ? 1.0f / keep : 0.0f;
        }
        h = h.cwiseProduct(mask);
        Eigen::Vector4f logits = net->w2_ * h + net->b2_;
        logits.array() -= logits.maxCoeff();
        Eigen::Vector4f p = logits.array().exp();
        p /= p.sum();
        epoch_loss -= w * std::log(std::max(p[label], 1e-12f));
        epoch_weight += w;
        batch_weight += w;
        Eigen::Vector4f d = p;
        d[label] -= 1;
        d *= w;
        g_w2.noalias() += d * h.transpose();
        g_b2 += d;
        dh.noalias() = net->w2_.transpose() * d;
        dh = dh.cwiseProduct(mask);
        g_b1 += dh;
        for (const auto& [j, v] : x) {
          g_w1.col(j).noalias() += v * dh;
          if (!is_touched[static_cast<size_t>(j)]) {
            is_touched[static_cast<size_t>(j)] = 1;
            touched.push_back(j);
          }
        }
      }
      const float scale = 1.0f / std::max(batch_weight, 1e-6f);
      ++step;
      const float c1 = 1 - std::pow(0.9f, static_cast<float>(step));
      const float c2 = 1 - std::pow(0.999f, static_cast<float>(step));
      const float lr = options.learning_rate;
      // Lazy Adam on w1 (as TensorFlow's LazyAdamOptimizer): only the columns of inputs present in
      // the batch move, so a step costs the batch's inputs, not the vocabulary.
      for (int col : touched) {
        auto g = g_w1.col(col);
        g = g * scale + options.l2 * net->w1_.col(col);
        a_w1.StepColumn(net->w1_, g, col, lr, c1, c2);
        g.setZero();
        is_touched[static_cast<size_t>(col)] = 0;
      }
      touched.clear();
      a_b1.Step(net->b1_, g_b1 * scale, lr, c1, c2);
      a_w2.Step(net->w2_, g_w2 * scale + options.l2 * net->w2_, lr, c1, c2);
      a_b2.Step(net->b2_, g_b2 * scale, lr, c1, c2);
    }
    result.epoch_loss.push_back(epoch_loss / std::max(epoch_weight, 1e-12));
    ++result.epochs;
  }
  net->RoundFirstLayer();
  result.train_seconds = Seconds(train_start);
  return result;
}

}  // namespace claimgraph::engine
