#include "engine/stance/stance_metrics.h"

#include <cstdio>

namespace claimgraph::engine {
namespace {

bool Related(int c) { return c != static_cast<int>(StanceLabel::kUnrelated); }

}  // namespace

void StanceConfusion::Add(StanceLabel gold, StanceLabel predicted) {
  ++counts_[static_cast<int>(gold)][static_cast<int>(predicted)];
}

long StanceConfusion::Total() const {
  long n = 0;
  for (const auto& row : counts_) {
    for (long v : row) n += v;
  }
  return n;
}

double StanceConfusion::Accuracy() const {
  long right = 0;
  for (int c = 0; c < kNumStanceLabels; ++c) right += counts_[c][c];
  const long n = Total();
  return n > 0 ? static_cast<double>(right) / static_cast<double>(n) : 0.0;
}

double StanceConfusion::Precision(StanceLabel label) const {
  const int c = static_cast<int>(label);
  long predicted = 0;
  for (int g = 0; g < kNumStanceLabels; ++g) predicted += counts_[g][c];
  return predicted > 0 ? static_cast<double>(counts_[c][c]) / static_cast<double>(predicted) : 0.0;
}

double StanceConfusion::Recall(StanceLabel label) const {
  const int c = static_cast<int>(label);
  long gold = 0;
  for (int p = 0; p < kNumStanceLabels; ++p) gold += counts_[c][p];
  return gold > 0 ? static_cast<double>(counts_[c][c]) / static_cast<double>(gold) : 0.0;
}

double StanceConfusion::F1(StanceLabel label) const {
  const double p = Precision(label), r = Recall(label);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double StanceConfusion::MacroF1() const {
  double sum = 0;
  for (int c = 0; c < classes_; ++c) sum += F1(static_cast<StanceLabel>(c));
  return sum / classes_;
}

// scorer.py, per pair (g gold, p predicted):
//   if g == p: score += 0.25, and if g != unrelated: score += 0.50
//   if g and p are both related (agree / disagree / discuss): score += 0.25
// that is, 0.25 for the right related/unrelated decision plus 0.75 for the right related label.
double StanceConfusion::FncScore() const {
  double score = 0;
  for (int g = 0; g < kNumStanceLabels; ++g) {
    for (int p = 0; p < kNumStanceLabels; ++p) {
      double s = 0;
      if (g == p) {
        s += 0.25;
        if (Related(g)) s += 0.50;
      }
      if (Related(g) && Related(p)) s += 0.25;
      score += s * static_cast<double>(counts_[g][p]);
    }
  }
  return score;
}

double StanceConfusion::MaxFncScore() const {
  double score = 0;
  for (int g = 0; g < kNumStanceLabels; ++g) {
    long n = 0;
    for (int p = 0; p < kNumStanceLabels; ++p) n += counts_[g][p];
    score += (Related(g) ? 1.0 : 0.25) * static_cast<double>(n);
  }
  return score;
}

double StanceConfusion::RelativeFncScore() const {
  const double max = MaxFncScore();
  return max > 0 ? FncScore() / max : 0.0;
}

std::string StanceConfusion::Report() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-10s %9s %9s %9s %7s\n", "class", "precision", "recall", "f1",
                "gold");
  out += line;
  for (int c = 0; c < classes_; ++c) {
    const auto label = static_cast<StanceLabel>(c);
    long gold = 0;
    for (int p = 0; p < kNumStanceLabels; ++p) gold += counts_[c][p];
    std::snprintf(line, sizeof line, "%-10s %9.4f %9.4f %9.4f %7ld\n",
                  std::string(StanceLabelName(label)).c_str(), Precision(label), Recall(label),
                  F1(label), gold);
    out += line;
  }
  std::snprintf(line, sizeof line, "macro_f1: %.4f\n", MacroF1());
  out += line;
  out += "confusion (rows gold, columns predicted):\n";
  std::snprintf(line, sizeof line, "%-10s", "");
  out += line;
  for (int p = 0; p < classes_; ++p) {
    std::snprintf(line, sizeof line, " %9s",
                  std::string(StanceLabelName(static_cast<StanceLabel>(p))).c_str());
    out += line;
  }
  out += "\n";
  for (int g = 0; g < classes_; ++g) {
    std::snprintf(line, sizeof line, "%-10s",
                  std::string(StanceLabelName(static_cast<StanceLabel>(g))).c_str());
    out += line;
    for (int p = 0; p < classes_; ++p) {
      std::snprintf(line, sizeof line, " %9ld", counts_[g][p]);
      out += line;
    }
    out += "\n";
  }
  return out;
}

}  // namespace claimgraph::engine
