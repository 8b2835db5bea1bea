#include "engine/truth/text_reliability.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "engine/text/tokenizer.h"
#include "engine/truth/source_report.h"

namespace claimgraph::engine::truth {
namespace {

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(int a, int b) { parent[Find(a)] = Find(b); }
};

// The latest day a claim is about (NaN if none).
double AboutEnd(const Claim& c) {
  double end = kNoNumber;
  for (const TimeRef& t : c.about) {
    double d = DaysFromIsoDate(t.end.empty() ? t.begin : t.end);
    if (!std::isnan(d) && (std::isnan(end) || d > end)) end = d;
  }
  return end;
}

std::string_view PolarityValue(Polarity p) { return ToString(p); }

// Everything the two runs (sources, speakers) share.
struct Prepared {
  std::vector<std::string> object;  // per claim: object key
  std::vector<double> day;          // per claim: Claim::date in days, NaN if unknown
  std::vector<double> copy_weight;  // per claim: 1 / size of its copy group
  std::vector<int> group;           // per claim: copy group
  std::vector<bool> failed;         // per claim: a failed forecast
  std::vector<std::pair<int, int>> agree, contradict;  // claim index pairs
  std::vector<double> agree_score, contradict_score;
  // Known verdicts: per object key, the value (polarity) that holds.
  std::unordered_map<std::string, Polarity> known;
};

struct EntityRun {
  ClaimMatrix matrix;
  TruthResult result;
  std::vector<int> matrix_claim;    // per text claim, -1 if not in the matrix
  std::vector<std::string> entity;  // per text claim
  std::vector<int8_t> known;        // per matrix claim (TruthOptions::known); empty = none
};

EntityRun Run(const std::vector<Claim>& claims, const Prepared& p, bool speakers,
              const TextReliabilityOptions& options, std::vector<std::string>* notes) {
  EntityRun run;
  ClaimMatrixBuilder builder;
  run.entity.resize(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    run.entity[i] = speakers && !c.speaker.empty() ? c.speaker : c.source;
    double weight = p.copy_weight[i];
    if (!speakers && !c.speaker.empty()) weight *= options.reported_weight;
    builder.Add(run.entity[i], p.object[i], PolarityValue(c.polarity), kNoNumber, p.day[i], weight,
                "claim", static_cast<size_t>(c.id));
  }
  Diagnostics diagnostics;
  run.matrix = builder.Build(&diagnostics);
  for (const Diagnostic& d : diagnostics) notes->push_back(d.message);
  if (options.decay_half_life_years > 0)
    run.matrix = Decayed(run.matrix, options.decay_half_life_years * 365.25);
  run.matrix_claim.assign(claims.size(), -1);
  for (size_t i = 0; i < claims.size(); ++i)
    run.matrix_claim[i] =
        run.matrix.FindClaim(run.matrix.FindObject(p.object[i]), PolarityValue(claims[i].polarity));

  TruthOptions truth = options.truth;
  if (!p.known.empty()) {
    truth.known.assign(run.matrix.num_claims(), 0);
    for (const auto& [object, holds] : p.known) {
      const int o = run.matrix.FindObject(object);
      if (o < 0) continue;
      for (int c = run.matrix.object_begin[o]; c < run.matrix.object_begin[o + 1]; ++c)
        truth.known[c] = run.matrix.values[c] == PolarityValue(holds) ? 1 : -1;
    }
  }
  run.known = truth.known;
  std::map<std::pair<int, int>, double> imp;
  auto add = [&](const std::vector<std::pair<int, int>>& pairs, const std::vector<double>& scores,
                 double sign) {
    for (size_t k = 0; k < pairs.size(); ++k) {
      const int a = run.matrix_claim[pairs[k].first], b = run.matrix_claim[pairs[k].second];
      if (a < 0 || b < 0 || a == b) continue;
      const double w = sign * (scores[k] > 0 ? std::min(1.0, scores[k]) : 1.0);
      imp[{a, b}] += w;
      imp[{b, a}] += w;
    }
  };
  add(p.agree, p.agree_score, 1);
  add(p.contradict, p.contradict_score, -1);
  for (const auto& [ab, w] : imp)
    truth.implications.push_back({ab.first, ab.second, std::clamp(w, -1.0, 1.0)});

  auto algorithm = MakeAlgorithm(options.method, run.matrix, truth);
  run.result = algorithm->Run();
  for (const std::string& n : run.result.notes) notes->push_back(n);
  return run;
}

std::vector<ReliabilityScore> Score(const std::vector<Claim>& claims, const Prepared& p,
                                    const EntityRun& run, bool speakers,
                                    const TextReliabilityOptions& options) {
  const ClaimMatrix& m = run.matrix;
  std::map<std::string, ReliabilityScore> scores;
  // Counts for "another entity, not a copy, said the same / the opposite", keyed by numbers
  // (a matrix claim or object, an entity's number, a copy group): a million claims make strings
  // for keys the costliest part of scoring.
  std::unordered_map<std::string_view, uint32_t> entity_number;
  std::vector<uint32_t> entity(claims.size());
  for (size_t i = 0; i < claims.size(); ++i)
    entity[i] = entity_number.emplace(run.entity[i], static_cast<uint32_t>(entity_number.size()))
                    .first->second;
  auto pair_key = [](int a, uint32_t b) {
    return static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32 | b;
  };
  struct Triple {
    uint64_t claim_entity;
    int group;
    bool operator==(const Triple&) const = default;
  };
  struct TripleHash {
    size_t operator()(const Triple& t) const {
      return std::hash<uint64_t>()(t.claim_entity * 0x9E3779B97F4A7C15ull ^
                                   static_cast<uint32_t>(t.group));
    }
  };
  // Claims of a matrix claim by entity, by copy group, by both; claims of an object by entity.
  std::unordered_map<uint64_t, int> by_entity, by_group, object_by_entity;
  std::unordered_map<Triple, int, TripleHash> by_entity_group;
  auto count = [](const auto& map, const auto& key) {
    const auto it = map.find(key);
    return it == map.end() ? 0 : it->second;
  };
  std::vector<int> total_claim(m.num_claims(), 0), total_object(m.num_objects(), 0);
  for (size_t i = 0; i < claims.size(); ++i) {
    const int c = run.matrix_claim[i];
    if (c < 0) continue;
    const int o = m.claim_object[c];
    ++total_claim[c];
    ++total_object[o];
    ++by_entity[pair_key(c, entity[i])];
    ++by_group[pair_key(c, static_cast<uint32_t>(p.group[i]))];
    ++by_entity_group[{pair_key(c, entity[i]), p.group[i]}];
    ++object_by_entity[pair_key(o, entity[i])];
  }
  // Links touching each claim, from another entity.
  std::vector<int> agree_links(claims.size(), 0), contradict_links(claims.size(), 0);
  std::vector<bool> agreed(claims.size(), false), contradicted(claims.size(), false);
  for (const auto& [a, b] : p.agree) {
    ++agree_links[a];
    ++agree_links[b];
    if (run.entity[a] != run.entity[b] && p.group[a] != p.group[b]) agreed[a] = agreed[b] = true;
  }
  for (const auto& [a, b] : p.contradict) {
    ++contradict_links[a];
    ++contradict_links[b];
    if (run.entity[a] != run.entity[b]) contradicted[a] = contradicted[b] = true;
  }
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (speakers && c.speaker.empty()) continue;
    ReliabilityScore& s = scores[run.entity[i]];
    s.name = run.entity[i];
    if (speakers && s.role.empty()) s.role = c.speaker_role;
    ++s.claims;
    s.agreements += agree_links[i];
    s.contradictions += contradict_links[i];
    if (p.failed[i]) ++s.failed_forecasts;
    const int mc = run.matrix_claim[i];
    if (mc >= 0) {
      const uint64_t mine = pair_key(mc, entity[i]);
      const int others = total_claim[mc] - count(by_entity, mine) -
                         count(by_group, pair_key(mc, static_cast<uint32_t>(p.group[i]))) +
                         count(by_entity_group, Triple{mine, p.group[i]});
      if (others > 0) agreed[i] = true;
      const int o = m.claim_object[mc];
      const int opposite_by_others =
          (total_object[o] - total_claim[mc]) -
          (count(object_by_entity, pair_key(o, entity[i])) - count(by_entity, mine));
      if (opposite_by_others > 0) contradicted[i] = true;
    }
    if (agreed[i]) ++s.corroborated;
    if (contradicted[i]) ++s.contradicted;
  }

  // Calibrated reliability: the evidence of each entity's claims.
  const std::vector<double> prob = ClaimProbabilities(m, run.result, run.known);
  std::map<std::string, ReliabilityEvidence> evidence;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (speakers && claims[i].speaker.empty()) continue;
    ReliabilityEvidence& e = evidence[run.entity[i]];
    const int mc = run.matrix_claim[i];
    const bool verdict = mc >= 0 && !run.known.empty() && run.known[mc] != 0;
    if (verdict)
      e.Add(run.known[mc] > 0 ? 1 : 0, true);
    else if (p.failed[i])
      e.Add(0, false);
    else if (mc >= 0 && (agreed[i] || contradicted[i]))
      e.Add(prob[mc], false);
  }
  std::vector<ReliabilityEvidence> all;
  for (const auto& [name, e] : evidence) all.push_back(e);
  const double prior = PriorMean(all, options.calibration);

  Eigen::VectorXd sd;
  if (options.bootstrap_samples > 1) {
    TruthOptions truth = options.truth;  // bootstrap without implications: claims are resampled
    sd = BootstrapTrust(m, options.method, truth, {options.bootstrap_samples, options.seed});
  }
  std::vector<WindowTrust> windows;
  if (options.windows) windows = TrustByYear(m, options.method, options.truth);

  std::vector<ReliabilityScore> out;
  for (auto& [name, s] : scores) {
    const CalibratedReliability c = Calibrate(evidence[name], prior, options.calibration);
    s.reliability = c.reliability;
    s.low = c.low;
    s.high = c.high;
    s.uncertainty = (c.high - c.low) / 2;
    s.evidence = c.evidence;
    s.verdicts = c.verdicts;
    auto it = std::find(m.sources.begin(), m.sources.end(), name);
    if (it != m.sources.end()) {
      const int id = static_cast<int>(it - m.sources.begin());
      s.trust = std::clamp(run.result.trust[id], 0.0, 1.0);
      if (sd.size() > 0) s.trust_sd = sd[id];
      for (const WindowTrust& w : windows)
        if (w.claims[id] > 0)
          s.windows.push_back({w.window, std::clamp(w.trust[id], 0.0, 1.0), w.claims[id]});
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Normalised tokens of a text (see the header: Tokenize()'s folded strings).
std::vector<std::string> NormalTokens(std::string_view text) { return TokenStrings(text); }

std::string Join(const std::vector<std::string>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t k = begin; k < end; ++k) {
    if (k > begin) out += ' ';
    out += tokens[k];
  }
  return out;
}

// Whether a token outside [begin, end) is a negator or a verb of denial (a closed class).
bool NegatedOutside(const std::vector<std::string>& tokens, size_t begin, size_t end) {
  static const char* kNegators[] = {"not",  "no",      "never",  "nobody", "none",
                                    "nothing", "neither", "nor", "deny",   "denies",
                                    "denied",  "denying", "false", "untrue"};
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k >= begin && k < end) continue;
    const std::string& t = tokens[k];
    if (t.size() > 3 && t.compare(t.size() - 3, 3, "n't") == 0) return true;
    for (const char* n : kNegators)
      if (t == n) return true;
  }
  return false;
}

Polarity Opposite(Polarity p) {
  return p == Polarity::kAffirmed ? Polarity::kNegated : Polarity::kAffirmed;
}

// Matches the verdicts to claims and fills p->known; diagnostics for verdicts that match nothing
// and for contradictory ones.
void MatchVerdicts(const std::vector<Claim>& claims, const std::vector<TextVerdict>& verdicts,
                   Prepared* p, TextReliabilityResult* out) {
  if (verdicts.empty()) return;
  const size_t nv = verdicts.size();
  std::vector<std::vector<std::string>> vtokens(nv);
  std::unordered_map<std::string, std::vector<size_t>> whole, head;
  std::unordered_map<std::string, std::vector<size_t>> by_proposition;
  for (size_t v = 0; v < nv; ++v) {
    by_proposition[verdicts[v].key].push_back(v);
    vtokens[v] = NormalTokens(verdicts[v].key);
    if (vtokens[v].empty()) continue;
    whole[Join(vtokens[v], 0, vtokens[v].size())].push_back(v);
    if (vtokens[v].size() >= static_cast<size_t>(kMinContainedTokens))
      head[Join(vtokens[v], 0, kMinContainedTokens)].push_back(v);
  }
  // (object, value that holds, verdict) in the order found.
  struct Finding {
    std::string object;
    Polarity holds;
    size_t verdict;
  };
  std::vector<Finding> found;
  std::vector<int> matched(nv, 0);
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (!c.proposition.empty()) {
      auto it = by_proposition.find(c.proposition);
      if (it != by_proposition.end())
        for (size_t v : it->second) {
          ++matched[v];
          found.push_back({"p:" + c.proposition,
                           verdicts[v].holds ? Polarity::kAffirmed : Polarity::kNegated, v});
        }
    }
    const std::vector<std::string> tokens = NormalTokens(c.text);
    if (tokens.empty()) continue;
    std::vector<size_t> hits;
    auto w = whole.find(Join(tokens, 0, tokens.size()));
    if (w != whole.end())
      for (size_t v : w->second) {
        hits.push_back(v);
        found.push_back({p->object[i], verdicts[v].holds ? c.polarity : Opposite(c.polarity), v});
      }
    if (!head.empty() && tokens.size() > static_cast<size_t>(kMinContainedTokens)) {
      for (size_t k = 0; k + kMinContainedTokens <= tokens.size(); ++k) {
        auto h = head.find(Join(tokens, k, k + kMinContainedTokens));
        if (h == head.end()) continue;
        for (size_t v : h->second) {
          const auto& vt = vtokens[v];
          if (k + vt.size() > tokens.size() || vt.size() == tokens.size()) continue;
          if (!std::equal(vt.begin(), vt.end(), tokens.begin() + k)) continue;
          if (std::find(hits.begin(), hits.end(), v) != hits.end()) continue;
          hits.push_back(v);
          // A claim that only contains the reviewed text states it unless it negates or
          // denies it ("it is not true that ...", "officials denied that ...").
          const bool negates =
              c.modality == Modality::kDenial || NegatedOutside(tokens, k, k + vt.size());
          const bool holds = verdicts[v].holds != negates;
          found.push_back({p->object[i], holds ? c.polarity : Opposite(c.polarity), v});
        }
      }
    }
    for (size_t v : hits) ++matched[v];
  }
  auto where = [](const TextVerdict& v) {
    return v.file.empty() ? std::string() : v.file + (v.line ? ":" + std::to_string(v.line) : "");
  };
  std::unordered_map<std::string, size_t> first;  // object -> index into found
  std::unordered_map<std::string, bool> conflicted;
  for (size_t f = 0; f < found.size(); ++f) {
    const Finding& x = found[f];
    if (conflicted.count(x.object)) continue;
    auto [it, fresh] = first.emplace(x.object, f);
    if (fresh) {
      p->known[x.object] = x.holds;
      continue;
    }
    const Finding& y = found[it->second];
    if (y.holds == x.holds) continue;
    conflicted[x.object] = true;
    p->known.erase(x.object);
    const TextVerdict& a = verdicts[y.verdict];
    const TextVerdict& b = verdicts[x.verdict];
    out->verdict_diagnostics.push_back(
        {Diagnostic::Severity::kWarning, b.file, b.line,
         "verdict on \"" + b.key.substr(0, 80) + "\" contradicts the verdict " +
             (where(a).empty() ? "" : "at " + where(a) + " ") + "on the same " +
             (x.object.rfind("p:", 0) == 0 ? "proposition" : "claim") + "; neither is used"});
  }
  for (size_t v = 0; v < nv; ++v) {
    if (matched[v] > 0) {
      ++out->verdicts_matched;
      continue;
    }
    out->verdict_diagnostics.push_back(
        {Diagnostic::Severity::kWarning, verdicts[v].file, verdicts[v].line,
         "verdict matches no claim or proposition of the run: \"" + verdicts[v].key.substr(0, 80) +
             "\" (texts are compared case-folded, without "
             "punctuation)"});
  }
  out->objects_known = static_cast<int>(p->known.size());
}

}  // namespace

TextReliabilityResult ScoreTextReliability(const std::vector<Claim>& claims,
                                           const std::vector<ClaimLink>& links,
                                           const TextReliabilityOptions& options) {
  const auto& names = AlgorithmNames();
  if (std::find(names.begin(), names.end(), options.method) == names.end())
    throw std::invalid_argument("unknown truth-discovery method '" + options.method + "'");
  TextReliabilityResult out;
  out.method = options.method;
  const int n = static_cast<int>(claims.size());
  std::unordered_map<int64_t, int> index;
  for (int i = 0; i < n; ++i) index.emplace(claims[i].id != 0 ? claims[i].id : i + 1, i);

  Prepared p;
  p.object.resize(n);
  p.day.resize(n);
  for (int i = 0; i < n; ++i) {
    p.object[i] =
        claims[i].proposition.empty() ? "claim:" + std::to_string(i) : "p:" + claims[i].proposition;
    p.day[i] = DaysFromIsoDate(claims[i].date);
  }
  UnionFind copies(n);
  std::vector<std::vector<int>> update_partners(n), contradict_partners(n);
  int unknown = 0;
  for (const ClaimLink& l : links) {
    auto a = index.find(l.a), b = index.find(l.b);
    if (a == index.end() || b == index.end() || a->second == b->second) {
      ++unknown;
      continue;
    }
    const int x = a->second, y = b->second;
    switch (l.relation) {
      case Relation::kAgree:
        p.agree.emplace_back(x, y);
        p.agree_score.push_back(l.score);
        break;
      case Relation::kContradict:
        p.contradict.emplace_back(x, y);
        p.contradict_score.push_back(l.score);
        contradict_partners[x].push_back(y);
        contradict_partners[y].push_back(x);
        break;
      case Relation::kUpdate: {
        update_partners[x].push_back(y);
        update_partners[y].push_back(x);
        // The earlier claim stands for its own time: its own object.
        const bool x_first = !(p.day[y] < p.day[x]) && (p.day[x] < p.day[y] || x < y);
        const int earlier = x_first ? x : y;
        if (claims[earlier].modality != Modality::kForecast)
          p.object[earlier] += "\x1f@" + (claims[earlier].date.empty() ? std::to_string(earlier)
                                                                       : claims[earlier].date);
        break;
      }
      case Relation::kCopy:
        copies.Join(x, y);
        break;
    }
  }
  if (unknown > 0)
    out.notes.push_back(std::to_string(unknown) + " link(s) name unknown claims; ignored");
  p.group.resize(n);
  std::vector<int> group_size(n, 0);
  for (int i = 0; i < n; ++i) ++group_size[p.group[i] = copies.Find(i)];
  p.copy_weight.resize(n);
  for (int i = 0; i < n; ++i) p.copy_weight[i] = 1.0 / group_size[p.group[i]];

  MatchVerdicts(claims, options.verdicts, &p, &out);
  if (options.on_verdicts && !options.verdicts.empty())
    options.on_verdicts(out.verdict_diagnostics, out.verdicts_matched, out.objects_known);

  // Failed forecasts.
  std::unordered_map<std::string, std::vector<int>> by_proposition;
  for (int i = 0; i < n; ++i)
    if (!claims[i].proposition.empty()) by_proposition[claims[i].proposition].push_back(i);
  p.failed.assign(n, false);
  for (int f = 0; f < n; ++f) {
    const Claim& c = claims[f];
    if (c.modality != Modality::kForecast) continue;
    const double due = AboutEnd(c);
    if (std::isnan(due)) continue;
    auto refutes = [&](int g, bool need_opposite) {
      const Claim& d = claims[g];
      if (d.modality == Modality::kForecast || std::isnan(p.day[g]) || p.day[g] < due) return false;
      if (!std::isnan(p.day[f]) && !(p.day[g] > p.day[f])) return false;
      return !need_opposite || d.polarity != c.polarity;
    };
    bool failed = false;
    for (int g : contradict_partners[f]) failed = failed || refutes(g, false);
    for (int g : update_partners[f]) failed = failed || refutes(g, true);
    if (!failed && !c.proposition.empty())
      for (int g : by_proposition[c.proposition]) {
        if (refutes(g, true)) {
          failed = true;
          break;
        }
      }
    p.failed[f] = failed;
  }

  // The speakers' run is independent of the sources' (its own matrix, its own seeded bootstrap):
  // it runs on a second thread, its notes appended after the sources' as before.
  std::vector<std::string> speaker_notes;
  auto speakers_scored = std::async(std::launch::async, [&] {
    const EntityRun speakers = Run(claims, p, true, options, &speaker_notes);
    return Score(claims, p, speakers, true, options);
  });
  const EntityRun sources = Run(claims, p, false, options, &out.notes);
  out.iterations = sources.result.iterations;
  out.converged = sources.result.converged;
  out.residual = sources.result.residual;
  out.sources = Score(claims, p, sources, false, options);
  out.speakers = speakers_scored.get();
  out.notes.insert(out.notes.end(), speaker_notes.begin(), speaker_notes.end());

  const ClaimMatrix& m = sources.matrix;
  std::vector<int> members(m.num_objects(), 0);
  for (int i = 0; i < n; ++i)
    if (sources.matrix_claim[i] >= 0) ++members[m.claim_object[sources.matrix_claim[i]]];
  for (int o = 0; o < m.num_objects(); ++o) {
    const std::string& key = m.objects[o];
    if (key.rfind("p:", 0) != 0 || key.find('\x1f') != std::string::npos) continue;
    const int chosen = sources.result.truth[o];
    if (chosen < 0) continue;
    PropositionVerdict v;
    v.proposition = key.substr(2);
    ParsePolarity(m.values[chosen], &v.polarity);
    v.confidence = sources.result.confidence[o];
    v.claims = members[o];
    out.propositions.push_back(std::move(v));
  }
  std::sort(out.propositions.begin(), out.propositions.end(),
            [](const PropositionVerdict& a, const PropositionVerdict& b) {
              return a.proposition < b.proposition;
            });
  return out;
}

}  // namespace claimgraph::engine::truth
