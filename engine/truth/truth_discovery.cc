#include "engine/truth/truth_discovery.h"

#include <cmath>

#include "engine/truth/accu.h"
#include "engine/truth/crh.h"
#include "engine/truth/investment.h"
#include "engine/truth/latent_truth.h"
#include "engine/truth/sums.h"
#include "engine/truth/truth_finder.h"
#include "engine/truth/voting.h"

namespace claimgraph::engine::truth {
namespace {

// Replaces non-finite entries by 0; returns how many there were.
int Sanitize(Eigen::VectorXd* v) {
  int bad = 0;
  for (Eigen::Index i = 0; i < v->size(); ++i)
    if (!std::isfinite((*v)[i])) {
      (*v)[i] = 0;
      ++bad;
    }
  return bad;
}

}  // namespace

TruthResult TruthAlgorithm::Run() {
  TruthResult r;
  r.method = std::string(name());
  r.trust = Eigen::VectorXd::Zero(m_.num_sources());
  r.belief = Eigen::VectorXd::Zero(m_.num_claims());
  if (m_.num_claims() == 0 || m_.sc.nonZeros() == 0) {
    r.notes.push_back("no claims: nothing to score");
    r.converged = true;
    ChooseTruth(m_, &r);
    return r;
  }
  Iterate(&r);
  if (!options_.known.empty() && name() == "ltm")
    r.notes.push_back("known verdicts are not used by ltm");
  if (Sanitize(&r.trust) + Sanitize(&r.belief) > 0)
    r.notes.push_back("non-finite scores replaced by 0");
  if (!std::isfinite(r.residual)) r.residual = 0;
  ChooseTruth(m_, &r);
  return r;
}

const std::vector<std::string>& AlgorithmNames() {
  static const std::vector<std::string> kNames = {
      "voting",      "sums", "average-log", "investment", "pooled-investment",
      "truthfinder", "crh",  "accu",        "ltm"};
  return kNames;
}

std::unique_ptr<TruthAlgorithm> MakeAlgorithm(std::string_view name, const ClaimMatrix& matrix,
                                              const TruthOptions& options) {
  if (name == "voting") return std::make_unique<Voting>(matrix, options);
  if (name == "sums") return std::make_unique<Sums>(matrix, options);
  if (name == "average-log") return std::make_unique<Sums>(matrix, options, true);
  if (name == "investment") return std::make_unique<Investment>(matrix, options);
  if (name == "pooled-investment") return std::make_unique<Investment>(matrix, options, true);
  if (name == "truthfinder") return std::make_unique<TruthFinder>(matrix, options);
  if (name == "crh") return std::make_unique<Crh>(matrix, options);
  if (name == "accu") return std::make_unique<Accu>(matrix, options);
  if (name == "ltm") return std::make_unique<LatentTruth>(matrix, options);
  return nullptr;
}

bool NormalizeByMax(Eigen::VectorXd* v) {
  if (v->size() == 0) return false;
  const double top = v->maxCoeff();
  if (!(top > 0) || !std::isfinite(top)) return false;
  *v /= top;
  return true;
}

Eigen::VectorXd ClaimCounts(const ClaimMatrix& m) {
  return m.sc * Eigen::VectorXd::Ones(m.num_claims());
}

Eigen::VectorXd SourceCounts(const ClaimMatrix& m) {
  return m.sc.transpose() * Eigen::VectorXd::Ones(m.num_sources());
}

void ChooseTruth(const ClaimMatrix& m, TruthResult* r) {
  r->truth.assign(m.num_objects(), -1);
  r->confidence.assign(m.num_objects(), 0);
  for (int o = 0; o < m.num_objects(); ++o) {
    const int begin = m.object_begin[o], end = m.object_begin[o + 1];
    if (begin == end) continue;
    int best = begin;
    double total = 0;
    for (int c = begin; c < end; ++c) {
      total += std::max(0.0, r->belief[c]);
      if (r->belief[c] > r->belief[best]) best = c;
    }
    r->truth[o] = best;
    r->confidence[o] = total > 0 ? std::max(0.0, r->belief[best]) / total : 1.0 / (end - begin);
  }
}

void ClampKnown(const std::vector<int8_t>& known, double low, double high,
                Eigen::VectorXd* belief) {
  if (known.empty()) return;
  const Eigen::Index n = std::min<Eigen::Index>(belief->size(), known.size());
  for (Eigen::Index c = 0; c < n; ++c)
    if (known[c] > 0)
      (*belief)[c] = high;
    else if (known[c] < 0)
      (*belief)[c] = low;
}

std::string ChosenValue(const ClaimMatrix& m, const TruthResult& r, int o) {
  if (o < static_cast<int>(r.built_values.size()) && !r.built_values[o].empty())
    return r.built_values[o];
  return r.truth[o] >= 0 ? m.values[r.truth[o]] : std::string();
}

void Voting::Iterate(TruthResult* r) {
  r->trust = Eigen::VectorXd::Ones(m_.num_sources());
  r->belief = SourceCounts(m_);
  NormalizeByMax(&r->belief);
  ClampKnown(options_.known, 0.0, 1.0, &r->belief);
  r->iterations = 1;
  r->converged = true;
  r->residual = 0;
}

}  // namespace claimgraph::engine::truth
