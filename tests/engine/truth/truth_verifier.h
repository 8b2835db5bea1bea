// Independent verifiers for the truth-discovery methods (gapbs style): each is the method's
// definition written out plainly over std::map and nested loops, with no sparse matrices and no
// shared code with engine/truth, and doubles as its specification. Tests run the fast method and
// the verifier on the same claims and compare every score.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph::engine::truth::verify {

struct Triple {
  std::string source, object, value;
  double weight = 1;
  double number = std::nan("");  // the value as a number, if it is one
};

using ClaimKey = std::pair<std::string, std::string>;  // (object, value)

struct Scores {
  std::map<std::string, double> trust;
  std::map<ClaimKey, double> belief;
};

struct Data {
  std::vector<Triple> triples;
  std::set<std::string> sources;
  std::set<ClaimKey> claims;
  std::map<std::string, std::set<ClaimKey>> object_claims;
  std::map<ClaimKey, double> number;

  explicit Data(std::vector<Triple> t) : triples(std::move(t)) {
    for (const Triple& x : triples) {
      sources.insert(x.source);
      claims.insert({x.object, x.value});
      object_claims[x.object].insert({x.object, x.value});
      number[{x.object, x.value}] = x.number;
    }
  }
};

inline void DivideByMax(std::map<std::string, double>* m) {
  double top = 0;
  for (auto& [k, v] : *m) top = std::max(top, v);
  if (top > 0)
    for (auto& [k, v] : *m) v /= top;
}
inline void DivideByMax(std::map<ClaimKey, double>* m) {
  double top = 0;
  for (auto& [k, v] : *m) top = std::max(top, v);
  if (top > 0)
    for (auto& [k, v] : *m) v /= top;
}

// Known verdicts (semi-supervised truth discovery): claim -> true / false. Known claims' beliefs
// are held at `high` / `low` after every update.
using Known = std::map<ClaimKey, bool>;
inline void HoldKnown(const Known& known, double low, double high,
                      std::map<ClaimKey, double>* belief) {
  for (const auto& [c, is_true] : known)
    if (belief->count(c)) (*belief)[c] = is_true ? high : low;
}

inline Scores Voting(const Data& d) {
  Scores s;
  for (const std::string& src : d.sources) s.trust[src] = 1;
  for (const ClaimKey& c : d.claims) s.belief[c] = 0;
  for (const Triple& t : d.triples) s.belief[{t.object, t.value}] += t.weight;
  DivideByMax(&s.belief);
  return s;
}

inline Scores Sums(const Data& d, int iterations, bool average_log, const Known& known = {}) {
  Scores s;
  for (const ClaimKey& c : d.claims) s.belief[c] = 0.5;
  HoldKnown(known, 0, 1, &s.belief);
  std::map<std::string, int> distinct;
  for (const Triple& t : d.triples) ++distinct[t.source];
  for (int i = 0; i < iterations; ++i) {
    for (const std::string& src : d.sources) {
      double sum = 0;
      for (const Triple& t : d.triples)
        if (t.source == src) sum += t.weight * s.belief[{t.object, t.value}];
      const double n = distinct[src];
      s.trust[src] = average_log ? sum * std::log(n) / n : sum;
    }
    for (const ClaimKey& c : d.claims) {
      double sum = 0;
      for (const Triple& t : d.triples)
        if (t.object == c.first && t.value == c.second) sum += t.weight * s.trust[t.source];
      s.belief[c] = sum;
    }
    DivideByMax(&s.trust);
    DivideByMax(&s.belief);
    HoldKnown(known, 0, 1, &s.belief);
  }
  return s;
}

inline Scores Investment(const Data& d, int iterations, double g, bool pooled,
                         const Known& known = {}) {
  Scores s;
  std::map<std::string, double> count;
  std::map<ClaimKey, double> voters;
  for (const Triple& t : d.triples) {
    count[t.source] += t.weight;
    voters[{t.object, t.value}] += t.weight;
  }
  for (const ClaimKey& c : d.claims) {
    double same_object = 0;
    for (const ClaimKey& o : d.object_claims.at(c.first)) same_object += pooled ? 1 : voters[o];
    s.belief[c] = (pooled ? 1 : voters[c]) / same_object;
  }
  HoldKnown(known, 0, 1, &s.belief);
  for (const std::string& src : d.sources) s.trust[src] = 1;
  for (int i = 0; i < iterations; ++i) {
    std::map<std::string, double> trust;
    for (const std::string& src : d.sources) {
      double sum = 0;
      for (const Triple& t : d.triples) {
        if (t.source != src) continue;
        double pot = 0;  // sum over the claim's sources r of T(r)/|C_r|
        for (const Triple& u : d.triples)
          if (u.object == t.object && u.value == t.value)
            pot += u.weight * s.trust[u.source] / count[u.source];
        // (0 when no provider has trust left: a claim known false can drain them all.)
        if (pot > 0)
          sum += t.weight * s.belief[{t.object, t.value}] * (s.trust[src] / count[src]) / pot;
      }
      trust[src] = sum;
    }
    std::map<ClaimKey, double> h;
    for (const ClaimKey& c : d.claims) {
      double sum = 0;
      for (const Triple& t : d.triples)
        if (t.object == c.first && t.value == c.second)
          sum += t.weight * trust[t.source] / count[t.source];
      h[c] = sum;
    }
    for (const ClaimKey& c : d.claims) {
      if (!pooled) {
        s.belief[c] = std::pow(h[c], g);
        continue;
      }
      double pool = 0;
      for (const ClaimKey& o : d.object_claims.at(c.first)) pool += std::pow(h[o], g);
      s.belief[c] = pool > 0 ? h[c] * std::pow(h[c], g) / pool : 0;
    }
    s.trust = trust;
    DivideByMax(&s.trust);
    DivideByMax(&s.belief);
    HoldKnown(known, 0, 1, &s.belief);
  }
  return s;
}

// imp[(c', c)] = imp(c' -> c).
inline Scores TruthFinder(const Data& d, const std::map<std::pair<ClaimKey, ClaimKey>, double>& imp,
                          double t0, double gamma, double rho, double tolerance, int max_iterations,
                          int* iterations, const Known& known = {}) {
  Scores s;
  for (const std::string& src : d.sources) s.trust[src] = t0;
  *iterations = 0;
  for (int i = 0; i < max_iterations; ++i) {
    bool one = false;
    for (auto& [k, v] : s.trust) one = one || v >= 1;
    if (one) break;
    std::map<ClaimKey, double> sigma;
    for (const ClaimKey& c : d.claims) sigma[c] = 0;
    for (const Triple& t : d.triples)
      sigma[{t.object, t.value}] += t.weight * -std::log(1 - s.trust[t.source]);
    std::map<ClaimKey, double> adjusted = sigma;
    for (const auto& [pair, w] : imp) adjusted[pair.second] += rho * w * sigma[pair.first];
    for (const ClaimKey& c : d.claims) s.belief[c] = 1 / (1 + std::exp(-gamma * adjusted[c]));
    HoldKnown(known, 0.001, 0.999, &s.belief);
    std::map<std::string, double> trust, weight;
    for (const Triple& t : d.triples) {
      trust[t.source] += t.weight * s.belief[{t.object, t.value}];
      weight[t.source] += t.weight;
    }
    double dot = 0, n1 = 0, n2 = 0;
    for (auto& [src, v] : trust) {
      v /= weight[src];
      dot += v * s.trust[src];
      n1 += v * v;
      n2 += s.trust[src] * s.trust[src];
    }
    s.trust = trust;
    *iterations = i + 1;
    if (1 - dot / std::sqrt(n1 * n2) < tolerance) break;
  }
  return s;
}

// CRH as engine/truth/crh.h defines it: categorical 0-1 loss and weighted vote; continuous
// objects (all values numeric) use loss min(1, |v - v*| / std) and the value of largest kernel
// support sum_s w_s exp(-|v_s - v| / std); w_s = -ln(mean loss_s / sum of mean losses).
inline Scores Crh(const Data& d, double tolerance, int max_iterations) {
  std::map<std::string, double> spread;  // 0 = categorical
  for (const auto& [object, claims] : d.object_claims) {
    bool numeric = true;
    for (const ClaimKey& c : claims) numeric = numeric && !std::isnan(d.number.at(c));
    if (!numeric) {
      spread[object] = 0;
      continue;
    }
    double n = 0, mean = 0;
    for (const Triple& t : d.triples)
      if (t.object == object) {
        n += t.weight;
        mean += t.weight * t.number;
      }
    mean /= n;
    double var = 0;
    for (const Triple& t : d.triples)
      if (t.object == object) var += t.weight * (t.number - mean) * (t.number - mean);
    var /= n;
    spread[object] = var > 1e-12 ? std::sqrt(var) : 1;
  }
  std::map<std::string, double> w;
  for (const std::string& src : d.sources) w[src] = 1;
  std::map<ClaimKey, double> support;
  std::map<std::string, ClaimKey> truth;
  auto choose = [&]() {
    std::map<ClaimKey, double> votes;
    for (const Triple& t : d.triples) votes[{t.object, t.value}] += t.weight * w[t.source];
    for (const auto& [object, claims] : d.object_claims) {
      for (const ClaimKey& c : claims) {
        if (spread[object] == 0) {
          support[c] = votes[c];
          continue;
        }
        double v = 0;
        for (const ClaimKey& e : claims)
          v += votes[e] * std::exp(-std::abs(d.number.at(c) - d.number.at(e)) / spread[object]);
        support[c] = v;
      }
      // Ties: the first claim in value order of the engine (callers use ties-free data).
      ClaimKey best = *claims.begin();
      for (const ClaimKey& c : claims)
        if (support[c] > support[best]) best = c;
      truth[object] = best;
    }
  };
  choose();
  for (int i = 0; i < max_iterations; ++i) {
    std::map<std::string, double> loss, weight;
    for (const Triple& t : d.triples) {
      const ClaimKey& best = truth[t.object];
      double l;
      if (spread[t.object] == 0)
        l = t.value == best.second ? 0 : 1;
      else
        l = std::min(1.0, std::abs(t.number - d.number.at(best)) / spread[t.object]);
      loss[t.source] += t.weight * l;
      weight[t.source] += t.weight;
    }
    double total = 0;
    for (auto& [src, l] : loss) total += (l /= weight[src]);
    std::map<std::string, double> next;
    for (const std::string& src : d.sources)
      next[src] = total > 0 ? -std::log(std::max(loss[src], total * 1e-6) / total) : 1;
    std::map<std::string, double> a = next, b = w;
    DivideByMax(&a);
    DivideByMax(&b);
    double residual = 0;
    for (auto& [src, v] : a) residual += std::abs(v - b[src]);
    w = next;
    choose();
    if (residual < tolerance) break;
  }
  Scores s;
  s.trust = w;
  DivideByMax(&s.trust);
  for (const auto& [object, claims] : d.object_claims) {
    double sum = 0;
    for (const ClaimKey& c : claims) sum += support[c];
    for (const ClaimKey& c : claims) s.belief[c] = sum > 0 ? support[c] / sum : support[c];
  }
  return s;
}

// ACCU as engine/truth/accu.h defines it, over every pair of sources (the verifier may compare
// all pairs; the engine only visits pairs that share an object).
// Known verdicts (semi-supervised, `known`: claim -> true / false) hold a claim's probability at 1
// / 0 after every round of votes; `prior_weight` pseudo-claims at `prior` go into every accuracy;
// `negative` lets a vote below 0 count; `known_only`: accuracies from the known claims alone (a
// source with none, and no pseudo-claims, keeps `prior`).
inline Scores Accu(const Data& d, double prior, double alpha, double c_rate, bool copying,
                   double tolerance, int max_iterations, const Known& known = {},
                   double prior_weight = 0, bool negative = false, bool known_only = false) {
  std::map<std::string, double> n;
  double n_mean = 0;
  for (const auto& [object, claims] : d.object_claims) {
    n[object] = std::max<double>(1, static_cast<double>(claims.size()) - 1);
    n_mean += n[object];
  }
  n_mean /= static_cast<double>(d.object_claims.size());
  std::map<std::string, double> acc;
  for (const std::string& src : d.sources) acc[src] = prior;
  std::map<std::pair<std::string, ClaimKey>, double> independence;  // (source, claim)
  for (const Triple& t : d.triples) independence[{t.source, {t.object, t.value}}] = 1;
  std::map<ClaimKey, double> prob;
  auto clamp = [](double a) { return std::min(0.99, std::max(0.01, a)); };
  auto vote = [&] {
    for (const auto& [object, claims] : d.object_claims) {
      std::map<ClaimKey, double> votes;
      double top = 0;
      for (const ClaimKey& c : claims) {
        double v = 0;
        for (const Triple& t : d.triples)
          if (t.object == c.first && t.value == c.second) {
            const double a = clamp(acc[t.source]);
            const double x = std::log(n[object] * a / (1 - a));
            v += t.weight * independence[{t.source, c}] * (negative ? x : std::max(0.0, x));
          }
        votes[c] = v;
        top = std::max(top, v);
      }
      double sum = std::max(0.0, n[object] + 1 - claims.size()) * std::exp(-top);
      for (auto& [c, v] : votes) sum += std::exp(v - top);
      for (auto& [c, v] : votes) prob[c] = std::exp(v - top) / sum;
    }
    HoldKnown(known, 0, 1, &prob);
  };
  auto detect = [&] {
    {
      std::map<std::pair<std::string, std::string>, double> dependence;
      for (const std::string& s1 : d.sources)
        for (const std::string& s2 : d.sources) {
          if (!(s1 < s2)) continue;
          double kt = 0, kf = 0, kd = 0;
          for (const Triple& x : d.triples)
            for (const Triple& y : d.triples) {
              if (x.source != s1 || y.source != s2 || x.object != y.object) continue;
              if (x.value != y.value)
                kd += 1;
              else if (prob[{x.object, x.value}] > 0.5)
                kt += 1;
              else
                kf += 1;
            }
          if (kt + kf + kd < 2) continue;
          const double a1 = clamp(acc[s1]), a2 = clamp(acc[s2]);
          const double pt = a1 * a2, pf = (1 - a1) * (1 - a2) / n_mean;
          const double pd = std::max(1e-12, 1 - pt - pf);
          const double ind = (1 - alpha) * std::pow(pt, kt) * std::pow(pf, kf) * std::pow(pd, kd);
          auto copy = [&](double a) {
            return alpha / 2 * std::pow(a * c_rate + pt * (1 - c_rate), kt) *
                   std::pow((1 - a) * c_rate + pf * (1 - c_rate), kf) *
                   std::pow(pd * (1 - c_rate), kd);
          };
          const double dep = copy(a2) + copy(a1);
          const double p = dep / (dep + ind);
          if (p > 1e-3) dependence[{s1, s2}] = dependence[{s2, s1}] = p;
        }
      for (const ClaimKey& c : d.claims) {
        std::vector<std::string> providers;
        for (const Triple& t : d.triples)
          if (t.object == c.first && t.value == c.second) providers.push_back(t.source);
        std::stable_sort(
            providers.begin(), providers.end(),
            [&](const std::string& x, const std::string& y) { return acc[x] > acc[y]; });
        for (size_t k = 0; k < providers.size(); ++k) {
          double f = 1;
          for (size_t j = 0; j < k; ++j) {
            auto it = dependence.find({providers[k], providers[j]});
            if (it != dependence.end()) f *= 1 - c_rate * it->second;
          }
          independence[{providers[k], c}] = f;
        }
      }
    }
  };
  for (int i = 0; i < max_iterations; ++i) {
    vote();
    if (i == 0 && copying) {  // copiers found from the first votes, which are taken again
      detect();
      vote();
    }
    std::map<std::string, double> next, weight;
    for (const Triple& t : d.triples) {
      next[t.source] += 0;
      if (known_only && !known.count({t.object, t.value})) continue;
      next[t.source] += t.weight * prob[{t.object, t.value}];
      weight[t.source] += t.weight;
    }
    double residual = 0;
    for (auto& [src, v] : next) {
      v = weight[src] + prior_weight > 0 ? (v + prior_weight * prior) / (weight[src] + prior_weight)
                                         : prior;
      residual += std::abs(v - acc[src]);
    }
    acc = next;
    if (copying) detect();
    if (residual < tolerance) break;
  }
  Scores s;
  s.trust = acc;
  s.belief = prob;
  return s;
}

}  // namespace claimgraph::engine::truth::verify
