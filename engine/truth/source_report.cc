#include "engine/truth/source_report.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <future>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>

#include "engine/extract/time_resolver.h"

namespace claimgraph::engine::truth {

std::vector<SourceEvidence> CountEvidence(const ClaimMatrix& m, const TruthResult* result) {
  std::vector<SourceEvidence> out(m.num_sources());
  // Sources per object, to tell "someone else gave another value".
  std::vector<int> object_sources(m.num_objects(), 0), claim_sources(m.num_claims(), 0);
  for (const ClaimEntry& e : m.entries) {
    if (e.weight <= 0) continue;
    ++claim_sources[e.claim];
    ++object_sources[m.claim_object[e.claim]];
  }
  for (const ClaimEntry& e : m.entries) {
    if (e.weight <= 0) continue;
    SourceEvidence& s = out[e.source];
    const int o = m.claim_object[e.claim];
    ++s.claims;
    if (claim_sources[e.claim] > 1) ++s.corroborated;
    if (object_sources[o] > claim_sources[e.claim]) ++s.contradicted;
    if (result && result->truth[o] == e.claim) ++s.chosen;
  }
  return out;
}

Eigen::VectorXd BootstrapTrust(const ClaimMatrix& m, std::string_view method,
                               const TruthOptions& options, const BootstrapOptions& bootstrap) {
  const int S = m.num_sources();
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(S), sum2 = Eigen::VectorXd::Zero(S);
  Eigen::VectorXd seen = Eigen::VectorXd::Zero(S);
  const size_t n = m.entries.size();
  if (n == 0 || bootstrap.samples < 2) return Eigen::VectorXd::Zero(S);
  std::mt19937_64 rng(bootstrap.seed);
  std::uniform_int_distribution<size_t> pick(0, n - 1);
  const int batch = std::clamp(bootstrap.threads, 1, bootstrap.samples);
  std::vector<std::vector<double>> weights(batch, std::vector<double>(n));
  // One resample: its trust per source, NaN for a source with no claim in it.
  auto run = [&](const std::vector<double>& w) {
    const ClaimMatrix resample = Reweighted(m, w);
    auto algorithm = MakeAlgorithm(method, resample, options);
    if (!algorithm) throw std::invalid_argument("unknown truth-discovery method");
    Eigen::VectorXd trust = algorithm->Run().trust;
    for (int s = 0; s < S; ++s)
      if (resample.sc.outerIndexPtr()[s + 1] == resample.sc.outerIndexPtr()[s])
        trust[s] = std::numeric_limits<double>::quiet_NaN();
    return trust;
  };
  for (int b0 = 0; b0 < bootstrap.samples; b0 += batch) {
    const int k_end = std::min(batch, bootstrap.samples - b0);
    for (int k = 0; k < k_end; ++k) {  // drawn in order: the same resamples for any `threads`
      std::fill(weights[k].begin(), weights[k].end(), 0.0);
      for (size_t i = 0; i < n; ++i) {
        const size_t e = pick(rng);
        weights[k][e] += m.entries[e].weight;
      }
    }
    std::vector<std::future<Eigen::VectorXd>> others;
    for (int k = 1; k < k_end; ++k)
      others.push_back(std::async(std::launch::async, run, std::cref(weights[k])));
    std::vector<Eigen::VectorXd> trusts;
    trusts.push_back(run(weights[0]));
    for (auto& f : others) trusts.push_back(f.get());
    for (const Eigen::VectorXd& t : trusts)
      for (int s = 0; s < S; ++s) {
        if (std::isnan(t[s])) continue;
        sum[s] += t[s];
        sum2[s] += t[s] * t[s];
        seen[s] += 1;
      }
  }
  Eigen::VectorXd sd = Eigen::VectorXd::Zero(S);
  for (int s = 0; s < S; ++s) {
    if (seen[s] < 2) continue;
    const double mean = sum[s] / seen[s];
    sd[s] = std::sqrt(std::max(0.0, (sum2[s] - seen[s] * mean * mean) / (seen[s] - 1)));
  }
  return sd;
}

std::string YearOf(double days) {
  if (std::isnan(days)) return {};
  int year = 0, month = 0, day = 0;
  CivilFromDays(static_cast<long>(std::floor(days)), &year, &month, &day);
  return std::to_string(year);
}

double DaysFromIsoDate(std::string_view date) {
  int y = 0, mo = 1, d = 1;
  auto num = [&](size_t pos, size_t len, int* out) {
    if (date.size() < pos + len) return false;
    auto [p, ec] = std::from_chars(date.data() + pos, date.data() + pos + len, *out);
    return ec == std::errc() && p == date.data() + pos + len;
  };
  if (!num(0, 4, &y)) return kNoNumber;
  if (date.size() >= 7 && date[4] == '-' && !num(5, 2, &mo)) return kNoNumber;
  if (date.size() >= 10 && date[7] == '-' && !num(8, 2, &d)) return kNoNumber;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return kNoNumber;
  return static_cast<double>(DaysFromCivil(y, mo, d));
}

double DaysFromDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return kNoNumber;
  return static_cast<double>(DaysFromCivil(year, month, day));
}

std::vector<WindowTrust> TrustByYear(const ClaimMatrix& m, std::string_view method,
                                     const TruthOptions& options) {
  std::map<std::string, std::vector<size_t>> by_year;
  for (size_t i = 0; i < m.entries.size(); ++i) {
    const std::string year = YearOf(m.entries[i].time);
    if (!year.empty()) by_year[year].push_back(i);
  }
  std::vector<WindowTrust> out;
  for (const auto& [year, members] : by_year) {
    std::vector<double> weights(m.entries.size(), 0.0);
    WindowTrust w;
    w.window = year;
    w.claims.assign(m.num_sources(), 0);
    for (size_t i : members) {
      weights[i] = m.entries[i].weight;
      ++w.claims[m.entries[i].source];
    }
    const ClaimMatrix sub = Reweighted(m, weights);
    auto algorithm = MakeAlgorithm(method, sub, options);
    if (!algorithm) throw std::invalid_argument("unknown truth-discovery method");
    const TruthResult r = algorithm->Run();
    w.iterations = r.iterations;
    w.converged = r.converged;
    w.trust.assign(m.num_sources(), kNoNumber);
    for (int s = 0; s < m.num_sources(); ++s)
      if (w.claims[s] > 0) w.trust[s] = r.trust[s];
    out.push_back(std::move(w));
  }
  return out;
}

ClaimMatrix Decayed(const ClaimMatrix& m, double half_life_days) {
  if (!(half_life_days > 0)) throw std::invalid_argument("half life must be positive");
  double latest = -std::numeric_limits<double>::infinity();
  for (const ClaimEntry& e : m.entries)
    if (!std::isnan(e.time)) latest = std::max(latest, e.time);
  std::vector<double> weights;
  weights.reserve(m.entries.size());
  for (const ClaimEntry& e : m.entries)
    weights.push_back(std::isnan(e.time)
                          ? e.weight
                          : e.weight * std::pow(0.5, (latest - e.time) / half_life_days));
  return Reweighted(m, weights);
}

}  // namespace claimgraph::engine::truth
