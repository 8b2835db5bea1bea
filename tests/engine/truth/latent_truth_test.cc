// The Latent Truth Model against the exact posterior: on claim sets small enough to enumerate
// every truth assignment, the collapsed joint p(t, observations) is summed directly (Beta
// functions, no sampling) and the Gibbs sampler's P(t_f = 1) must agree with it. Also set values,
// built values, trust, determinism and degenerate input.
#include "engine/truth/latent_truth.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {
namespace {

struct Record {
  std::string source, object, value;
};

ClaimMatrix Build(const std::vector<Record>& records) {
  ClaimMatrixBuilder b;
  for (const Record& r : records) b.Add(r.source, r.object, r.value);
  Diagnostics d;
  return b.Build(&d);
}

double LogBeta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

// Exact P(t_f = 1) for every (object, item), by enumerating all 2^F assignments. Written from the
// model's definition, independently of latent_truth.cc: observations are derived here from the
// records, and the joint is prod_f beta_{t_f} * prod_{s,i} B(n_si1 + a_i1, n_si0 + a_i0) / B(a_i1,
// a_i0).
std::map<std::pair<std::string, std::string>, double> ExactPosterior(
    const std::vector<Record>& records, const TruthOptions& o) {
  std::vector<std::pair<std::string, std::string>> facts;
  std::map<std::string, std::map<std::string, std::vector<std::string>>>
      given;  // object->source->items
  for (const Record& r : records) {
    auto items = ValueItems(r.value, o.set_values);
    given[r.object][r.source] = items;
    for (const std::string& item : items) {
      std::pair<std::string, std::string> f{r.object, item};
      if (std::find(facts.begin(), facts.end(), f) == facts.end()) facts.push_back(f);
    }
  }
  struct Obs {
    int fact;
    std::string source;
    int value;
  };
  std::vector<Obs> obs;
  for (size_t f = 0; f < facts.size(); ++f)
    for (const auto& [source, items] : given[facts[f].first])
      obs.push_back({static_cast<int>(f), source,
                     std::find(items.begin(), items.end(), facts[f].second) != items.end()});
  const double a[2][2] = {{o.ltm_alpha0_negative, o.ltm_alpha0_positive},
                          {o.ltm_alpha1_negative, o.ltm_alpha1_positive}};
  const double beta[2] = {o.ltm_beta_false, o.ltm_beta_true};
  const size_t F = facts.size();
  std::vector<double> weight_true(F, 0);
  double total = 0;
  for (unsigned mask = 0; mask < (1u << F); ++mask) {
    std::map<std::string, std::array<double, 4>> n;  // source -> n[i*2+o]
    double log_joint = 0;
    for (size_t f = 0; f < F; ++f) log_joint += std::log(beta[(mask >> f) & 1]);
    for (const Obs& ob : obs) n[ob.source][((mask >> ob.fact) & 1) * 2 + ob.value] += 1;
    for (const auto& [source, c] : n)
      for (int i = 0; i < 2; ++i)
        log_joint +=
            LogBeta(c[i * 2 + 1] + a[i][1], c[i * 2] + a[i][0]) - LogBeta(a[i][1], a[i][0]);
    const double p = std::exp(log_joint);
    total += p;
    for (size_t f = 0; f < F; ++f)
      if ((mask >> f) & 1) weight_true[f] += p;
  }
  std::map<std::pair<std::string, std::string>, double> out;
  for (size_t f = 0; f < F; ++f) out[facts[f]] = weight_true[f] / total;
  return out;
}

void ExpectMatchesExact(const std::vector<Record>& records, TruthOptions o) {
  const ClaimMatrix m = Build(records);
  const auto exact = ExactPosterior(records, o);
  o.max_iterations = 30000;
  o.ltm_burn_in = 500;
  LatentTruth ltm(m, o);
  ltm.Run();
  REQUIRE(ltm.facts().size() == exact.size());
  for (const LatentTruth::Fact& f : ltm.facts()) {
    const double want = exact.at({m.objects[f.object], f.item});
    INFO(m.objects[f.object] << " / " << f.item << ": sampled " << f.probability << ", exact "
                             << want);
    CHECK(std::abs(f.probability - want) < 0.02);
  }
}

// Weak priors make the posterior depend on the data in a way a wrong count would show.
TruthOptions WeakPriors(bool set_values) {
  TruthOptions o;
  o.set_values = set_values;
  o.ltm_beta_true = 1.5;
  o.ltm_beta_false = 1;
  o.ltm_alpha0_positive = 1;
  o.ltm_alpha0_negative = 4;
  o.ltm_alpha1_positive = 3;
  o.ltm_alpha1_negative = 2;
  return o;
}

TEST_CASE("Latent Truth Model: Gibbs marginals match the exact posterior (set values)",
          "[engine][truth]") {
  const std::vector<Record> records = {
      {"s1", "book1", "haag perry"}, {"s2", "book1", "haag"},
      {"s3", "book1", "haag smith"}, {"s1", "book2", "knuth"},
      {"s2", "book2", "knuth"},      {"s3", "book2", "knuth patashnik"},
      {"s4", "book2", "graham"},     {"s4", "book1", "haag perry"},
  };
  ExpectMatchesExact(records, WeakPriors(true));
  TruthOptions defaults;
  defaults.set_values = true;
  ExpectMatchesExact(records, defaults);
}

TEST_CASE("Latent Truth Model: Gibbs marginals match the exact posterior (single values)",
          "[engine][truth]") {
  const std::vector<Record> records = {
      {"a", "x", "1"}, {"b", "x", "1"}, {"c", "x", "2"}, {"a", "y", "5"},
      {"b", "y", "6"}, {"c", "y", "6"}, {"d", "y", "7"}, {"d", "x", "2"},
  };
  ExpectMatchesExact(records, WeakPriors(false));
}

TEST_CASE("Latent Truth Model on author sets: partial lists are incomplete, not wrong",
          "[engine][truth]") {
  // Five sources give the full list, four give only the first surname, one adds a publisher.
  std::vector<Record> records;
  for (int s = 0; s < 5; ++s) records.push_back({"full" + std::to_string(s), "b", "haag perry"});
  for (int s = 0; s < 4; ++s) records.push_back({"short" + std::to_string(s), "b", "haag"});
  records.push_back({"noisy", "b", "haag perry press"});
  // The same sources on other books, so that their habits are learnt.
  for (int k = 0; k < 6; ++k) {
    const std::string book = "b" + std::to_string(k);
    for (int s = 0; s < 5; ++s) records.push_back({"full" + std::to_string(s), book, "x y"});
    for (int s = 0; s < 4; ++s) records.push_back({"short" + std::to_string(s), book, "x"});
    records.push_back({"noisy", book, "x y press"});
  }
  const ClaimMatrix m = Build(records);
  TruthOptions o;
  o.set_values = true;
  const TruthResult r = MakeAlgorithm("ltm", m, o)->Run();
  const int b = m.FindObject("b");
  REQUIRE(r.built_values.size() == static_cast<size_t>(m.num_objects()));
  CHECK(r.built_values[b] == "haag perry");
  CHECK(ChosenValue(m, r, b) == "haag perry");
  CHECK(m.values[r.truth[b]] == "haag perry");  // the best claim is the full list
  // Trust is expected precision: the surname-only sources state nothing false.
  const auto source = [&](const std::string& name) {
    return static_cast<int>(std::find(m.sources.begin(), m.sources.end(), name) -
                            m.sources.begin());
  };
  CHECK(r.trust[source("short0")] > 0.95);
  CHECK(r.trust[source("noisy")] < 0.75);
  for (Eigen::Index s = 0; s < r.trust.size(); ++s) {
    CHECK(r.trust[s] >= 0);
    CHECK(r.trust[s] <= 1);
  }
  // Two co-authors, each source names only one of them: no source gives the whole list, which a
  // method choosing among the given values cannot recover; LTM builds it.
  std::vector<Record> split = {
      {"a", "z", "lee"}, {"b", "z", "lee"}, {"c", "z", "kim"}, {"d", "z", "kim"}};
  for (int k = 0; k < 5; ++k)
    for (const char* s : {"a", "b", "c", "d"}) split.push_back({s, "o" + std::to_string(k), "p q"});
  const ClaimMatrix ms = Build(split);
  TruthOptions os;
  os.set_values = true;
  const TruthResult rs = MakeAlgorithm("ltm", ms, os)->Run();
  CHECK(ChosenValue(ms, rs, ms.FindObject("z")) == "kim lee");
}

TEST_CASE("Latent Truth Model: same seed, same result; empty input", "[engine][truth]") {
  const ClaimMatrix m = Build({{"a", "x", "1"}, {"b", "x", "2"}, {"c", "x", "1"}});
  TruthOptions o;
  const TruthResult r1 = MakeAlgorithm("ltm", m, o)->Run();
  const TruthResult r2 = MakeAlgorithm("ltm", m, o)->Run();
  CHECK(r1.belief == r2.belief);
  CHECK(r1.trust == r2.trust);
  CHECK(m.values[r1.truth[m.FindObject("x")]] == "1");
  CHECK(r1.built_values.empty());  // single values: no built value

  const ClaimMatrix empty = Build({});
  const TruthResult e = MakeAlgorithm("ltm", empty, o)->Run();
  CHECK(e.trust.size() == 0);
  CHECK(!e.notes.empty());
}

TEST_CASE("Latent Truth Model: the one-pass sampler draws what the plain three-pass one draws",
          "[engine][truth]") {
  // Random claim sets with unit weights, single and set values: the fast sampler (per-source
  // factor tables, draws decided by multiplication) against the plain one (counts removed and
  // added back, log-odds per fact), which must give the same samples, so the same probabilities
  // to the last bit.
  std::mt19937 rng(5);
  for (int round = 0; round < 12; ++round) {
    const bool sets = round % 2 == 1;
    std::vector<Record> records;
    const int sources = 3 + round % 5, objects = 4 + round;
    for (int s = 0; s < sources; ++s)
      for (int o = 0; o < objects; ++o) {
        if (rng() % 4 == 0) continue;
        std::string value;
        if (sets) {
          for (const char* name : {"ann", "bob", "cy", "dee"})
            if (rng() % 3 != 0) value += std::string(value.empty() ? "" : " ") + name;
          if (value.empty()) value = "ann";
        } else {
          value = std::to_string(rng() % 3);
        }
        records.push_back({"s" + std::to_string(s), "o" + std::to_string(o), value});
      }
    const ClaimMatrix m = Build(records);
    TruthOptions fast;
    fast.set_values = sets;
    fast.ltm_seed = static_cast<uint64_t>(round + 1);
    TruthOptions plain = fast;
    plain.ltm_plain_sampler = true;
    LatentTruth a(m, fast), b(m, plain);
    const TruthResult ra = a.Run(), rb = b.Run();
    INFO("round " << round);
    REQUIRE(a.facts().size() == b.facts().size());
    for (size_t f = 0; f < a.facts().size(); ++f)
      CHECK(a.facts()[f].probability == b.facts()[f].probability);
    CHECK(ra.trust == rb.trust);
    CHECK(ra.built_values == rb.built_values);
  }
}

}  // namespace
}  // namespace claimgraph::engine::truth
