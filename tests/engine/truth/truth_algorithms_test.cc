// Truth-discovery methods against their independent verifiers (truth_verifier.h), the
// hand-checkable Sums case of joesingo/truthdiscovery, and degenerate inputs.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "engine/truth/accu.h"
#include "engine/truth/source_report.h"
#include "engine/truth/truth_discovery.h"
#include "engine/truth/truth_finder.h"
#include "tests/engine/truth/truth_verifier.h"

namespace claimgraph::engine::truth {
namespace {

using verify::Triple;

ClaimMatrix Build(std::vector<Triple> triples) {
  ClaimMatrixBuilder b;
  for (const Triple& t : triples) b.Add(t.source, t.object, t.value, t.number, kNoNumber, t.weight);
  Diagnostics d;
  return b.Build(&d);
}

// Random claims: every source covers an object with probability `coverage`; values come from a
// small domain, biased towards "truth" for good sources. Sorted by value so that the engine's
// value order (first appearance) is the verifier's (lexicographic).
std::vector<Triple> RandomTriples(unsigned seed, bool numeric, bool weighted) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Triple> out;
  const int sources = 7, objects = 12;
  for (int s = 0; s < sources; ++s) {
    const double skill = 0.3 + 0.1 * s;
    for (int o = 0; o < objects; ++o) {
      if (u(rng) > 0.7) continue;
      int v = u(rng) < skill ? 0 : 1 + static_cast<int>(u(rng) * 3);
      Triple t;
      t.source = "s" + std::to_string(s);
      t.object = "o" + std::to_string(o);
      if (numeric) {
        t.number = 10 + o + v * 1.5;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", t.number);
        t.value = buf;
      } else {
        t.value = std::string(1, static_cast<char>('a' + v));
        t.number = std::nan("");
      }
      t.weight = weighted ? 0.5 + u(rng) : 1;
      out.push_back(t);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Triple& a, const Triple& b) { return a.value < b.value; });
  return out;
}

void ExpectSame(const ClaimMatrix& m, const TruthResult& fast, const verify::Scores& slow,
                double tolerance = 1e-9) {
  for (int s = 0; s < m.num_sources(); ++s) {
    INFO("source " << m.sources[s]);
    REQUIRE(slow.trust.count(m.sources[s]) == 1);
    CHECK(fast.trust[s] == Approx(slow.trust.at(m.sources[s])).margin(tolerance));
  }
  for (int c = 0; c < m.num_claims(); ++c) {
    const verify::ClaimKey key{m.objects[m.claim_object[c]], m.values[c]};
    INFO("claim " << key.first << "=" << key.second);
    REQUIRE(slow.belief.count(key) == 1);
    CHECK(fast.belief[c] == Approx(slow.belief.at(key)).margin(tolerance));
  }
}

TEST_CASE("Sums: the hand-checkable case of joesingo/truthdiscovery", "[engine][truth]") {
  const ClaimMatrix m = Build({{"s1", "x", "one"},
                               {"s1", "y", "nine"},
                               {"s1", "z", "seven"},
                               {"s2", "x", "one"},
                               {"s2", "y", "eight"},
                               {"s3", "z", "seven"}});
  TruthOptions one;
  one.max_iterations = 1;
  TruthResult r = MakeAlgorithm("sums", m, one)->Run();
  auto belief = [&](const char* o, const char* v) {
    return r.belief[m.FindClaim(m.FindObject(o), v)];
  };
  CHECK(r.trust[0] == Approx(1).margin(1e-12));
  CHECK(r.trust[1] == Approx(2.0 / 3).margin(1e-12));
  CHECK(r.trust[2] == Approx(1.0 / 3).margin(1e-12));
  CHECK(belief("x", "one") == Approx(1).margin(1e-12));
  CHECK(belief("y", "nine") == Approx(0.6).margin(1e-12));
  CHECK(belief("y", "eight") == Approx(0.4).margin(1e-12));
  CHECK(belief("z", "seven") == Approx(0.8).margin(1e-12));

  TruthOptions converge;
  converge.max_iterations = 1000;
  converge.tolerance = 1e-12;
  r = MakeAlgorithm("sums", m, converge)->Run();
  CHECK(r.converged);
  CHECK(r.trust[0] == Approx(1).margin(1e-7));
  CHECK(r.trust[1] == Approx(0.53208889).margin(1e-7));
  CHECK(r.trust[2] == Approx(0.34729636).margin(1e-7));
  CHECK(belief("y", "nine") == Approx(0.65270364).margin(1e-7));
  CHECK(belief("y", "eight") == Approx(0.34729636).margin(1e-7));
  CHECK(belief("z", "seven") == Approx(0.87938524).margin(1e-7));
  // The truth of y is "nine" (s1 is the most trusted source).
  CHECK(m.values[r.truth[m.FindObject("y")]] == "nine");
}

TEST_CASE("Each method agrees with its independent verifier", "[engine][truth]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    for (bool weighted : {false, true}) {
      INFO("seed " << seed << (weighted ? " weighted" : ""));
      const auto triples = RandomTriples(seed, false, weighted);
      const ClaimMatrix m = Build(triples);
      const verify::Data d(triples);
      TruthOptions o;
      ExpectSame(m, MakeAlgorithm("voting", m, o)->Run(), verify::Voting(d));
      ExpectSame(m, MakeAlgorithm("sums", m, o)->Run(), verify::Sums(d, 20, false));
      ExpectSame(m, MakeAlgorithm("average-log", m, o)->Run(), verify::Sums(d, 20, true));
      ExpectSame(m, MakeAlgorithm("investment", m, o)->Run(),
                 verify::Investment(d, 20, 1.2, false));
      ExpectSame(m, MakeAlgorithm("pooled-investment", m, o)->Run(),
                 verify::Investment(d, 10, 1.4, true));
      int iterations = 0;
      const TruthResult tf = MakeAlgorithm("truthfinder", m, o)->Run();
      ExpectSame(m, tf, verify::TruthFinder(d, {}, 0.9, 0.3, 0.5, 0.001, 100, &iterations));
      CHECK(tf.iterations == iterations);
      ExpectSame(m, MakeAlgorithm("crh", m, o)->Run(), verify::Crh(d, 1e-6, 100));
      ExpectSame(m, MakeAlgorithm("accu", m, o)->Run(),
                 verify::Accu(d, 0.8, 0.2, 0.8, true, 1e-4, 50), 1e-6);
      TruthOptions no_copy;
      no_copy.accu_copy_detection = false;
      ExpectSame(m, MakeAlgorithm("accu", m, no_copy)->Run(),
                 verify::Accu(d, 0.8, 0.2, 0.8, false, 1e-4, 50), 1e-6);
    }
  }
}

TEST_CASE("Known verdicts: each method agrees with its verifier holding known claims fixed",
          "[engine][truth]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    for (bool weighted : {false, true}) {
      INFO("seed " << seed << (weighted ? " weighted" : ""));
      const auto triples = RandomTriples(seed, false, weighted);
      const ClaimMatrix m = Build(triples);
      const verify::Data d(triples);
      // Objects o0..o3 known: value "a" true, the others false (o3's known value "z" is no
      // claim's: all its claims are false).
      verify::Known known;
      TruthOptions o;
      o.known.assign(m.num_claims(), 0);
      for (int c = 0; c < m.num_claims(); ++c) {
        const std::string& object = m.objects[m.claim_object[c]];
        if (object != "o0" && object != "o1" && object != "o2" && object != "o3") continue;
        const bool is_true = object != "o3" && m.values[c] == "a";
        o.known[c] = is_true ? 1 : -1;
        known[{object, m.values[c]}] = is_true;
      }
      ExpectSame(m, MakeAlgorithm("sums", m, o)->Run(), verify::Sums(d, 20, false, known));
      ExpectSame(m, MakeAlgorithm("average-log", m, o)->Run(), verify::Sums(d, 20, true, known));
      ExpectSame(m, MakeAlgorithm("investment", m, o)->Run(),
                 verify::Investment(d, 20, 1.2, false, known));
      ExpectSame(m, MakeAlgorithm("pooled-investment", m, o)->Run(),
                 verify::Investment(d, 10, 1.4, true, known));
      int iterations = 0;
      const TruthResult tf = MakeAlgorithm("truthfinder", m, o)->Run();
      ExpectSame(m, tf, verify::TruthFinder(d, {}, 0.9, 0.3, 0.5, 0.001, 100, &iterations, known));
      CHECK(tf.iterations == iterations);
      const TruthResult accu = MakeAlgorithm("accu", m, o)->Run();
      ExpectSame(m, accu, verify::Accu(d, 0.8, 0.2, 0.8, true, 1e-4, 50, known), 1e-6);
      TruthOptions shrunk = o;
      shrunk.accu_accuracy_prior_weight = 3;
      shrunk.accu_negative_votes = true;
      ExpectSame(m, MakeAlgorithm("accu", m, shrunk)->Run(),
                 verify::Accu(d, 0.8, 0.2, 0.8, true, 1e-4, 50, known, 3, true), 1e-6);
      // Accuracies from the verdicts alone: the vote weighted by each source's record on them.
      for (const double k0 : {0.0, 2.0}) {
        TruthOptions record = o;
        record.accu_known_accuracy = true;
        record.accu_copy_detection = false;
        record.accu_accuracy_prior_weight = k0;
        record.accu_negative_votes = true;
        record.accu_prior_accuracy = 0.6;
        ExpectSame(m, MakeAlgorithm("accu", m, record)->Run(),
                   verify::Accu(d, 0.6, 0.2, 0.8, false, 1e-4, 50, known, k0, true, true), 1e-6);
      }
      // Known claims keep their verdict in the result, and a known object's truth is its value.
      for (int c = 0; c < m.num_claims(); ++c)
        if (o.known[c] != 0) CHECK(accu.belief[c] == (o.known[c] > 0 ? 1.0 : 0.0));
      const TruthResult voting = MakeAlgorithm("voting", m, o)->Run();
      const TruthResult crh = MakeAlgorithm("crh", m, o)->Run();
      for (const char* object : {"o0", "o1", "o2"}) {
        const int ob = m.FindObject(object);
        if (ob < 0 || m.FindClaim(ob, "a") < 0) continue;
        CHECK(m.values[voting.truth[ob]] == "a");
        CHECK(m.values[crh.truth[ob]] == "a");
        CHECK(m.values[accu.truth[ob]] == "a");
      }
      for (double t : crh.trust) CHECK(std::isfinite(t));
    }
  }
}

TEST_CASE("Known verdicts teach ACCU which of two camps to trust", "[engine][truth]") {
  // Two camps disagree on every object; camp B is larger, so unsupervised methods side with it.
  // Verdicts on six objects say camp A is right: its trust and its values win elsewhere too.
  std::vector<Triple> triples;
  for (int o = 0; o < 10; ++o) {
    const std::string object = "o" + std::to_string(o);
    for (const char* s : {"a1", "a2"}) triples.push_back({s, object, "x"});
    for (const char* s : {"b1", "b2", "b3"}) triples.push_back({s, object, "y"});
  }
  const ClaimMatrix m = Build(triples);
  TruthOptions o;
  const TruthResult plain = MakeAlgorithm("accu", m, o)->Run();
  CHECK(m.values[plain.truth[m.FindObject("o9")]] == "y");
  o.known.assign(m.num_claims(), 0);
  for (const char* object : {"o0", "o1", "o2", "o3", "o4", "o5"}) {
    const int ob = m.FindObject(object);
    o.known[m.FindClaim(ob, "x")] = 1;
    o.known[m.FindClaim(ob, "y")] = -1;
  }
  // (CRH is not among them: the two camps' losses are equal, 5 of 10 each, so it keeps the
  // larger camp's values.)
  for (const char* method : {"accu", "truthfinder", "sums"}) {
    INFO(method);
    const TruthResult r = MakeAlgorithm(method, m, o)->Run();
    CHECK(m.values[r.truth[m.FindObject("o9")]] == "x");
    CHECK(r.trust[0] > r.trust[2]);
  }
}

TEST_CASE("TruthFinder with implications and CRH on numbers agree with the verifiers",
          "[engine][truth]") {
  for (unsigned seed : {4u, 5u}) {
    const auto triples = RandomTriples(seed, true, false);
    const ClaimMatrix m = Build(triples);
    const verify::Data d(triples);
    TruthOptions o;
    o.implications = GaussianImplications(m);
    REQUIRE(!o.implications.empty());
    std::map<std::pair<verify::ClaimKey, verify::ClaimKey>, double> imp;
    for (const verify::ClaimKey& a : d.claims)
      for (const verify::ClaimKey& b : d.claims)
        if (a.first == b.first && a != b) {
          const double diff = d.number.at(a) - d.number.at(b);
          imp[{a, b}] = std::exp(-0.5 * diff * diff);
        }
    int iterations = 0;
    ExpectSame(m, MakeAlgorithm("truthfinder", m, o)->Run(),
               verify::TruthFinder(d, imp, 0.9, 0.3, 0.5, 0.001, 100, &iterations));
    ExpectSame(m, MakeAlgorithm("crh", m, {})->Run(), verify::Crh(d, 1e-6, 100));
  }
}

TEST_CASE("Word implications: Jaccard is symmetric, containment favours the fuller value",
          "[engine][truth]") {
  const ClaimMatrix m = Build({{"a", "book", "haag perry"}, {"b", "book", "haag"}});
  const int full = m.FindClaim(0, "haag perry"), part = m.FindClaim(0, "haag");
  auto weight = [](const std::vector<Implication>& imps, int from, int to) {
    for (const Implication& i : imps)
      if (i.from == from && i.to == to) return i.weight;
    return 0.0;
  };
  const auto jaccard = JaccardImplications(m);
  CHECK(weight(jaccard, full, part) == Approx(0.0));  // J = 1/2, minus base 1/2
  CHECK(weight(jaccard, part, full) == Approx(0.0));
  const auto containment = ContainmentImplications(m);
  CHECK(weight(containment, part, full) == Approx(0.5));  // all of "haag" is in "haag perry"
  CHECK(weight(containment, full, part) == Approx(0.0));  // half of "haag perry" is in "haag"
  // With containment, TruthFinder prefers the full list although each has one source.
  TruthOptions o;
  o.implications = containment;
  const TruthResult r = MakeAlgorithm("truthfinder", m, o)->Run();
  CHECK(r.truth[0] == full);
}

TEST_CASE("ACCU finds a copier and discounts its votes", "[engine][truth]") {
  // Three independent sources agree on the truth of 20 objects most of the time; two more
  // sources copy each other's (wrong) values. Without copy detection the copiers' two votes beat
  // the single independent voters on objects where the independent sources are split.
  std::vector<Triple> t;
  for (int o = 0; o < 20; ++o) {
    const std::string obj = "o" + std::to_string(o);
    t.push_back({"good1", obj, o % 5 == 0 ? "x" : "t"});
    t.push_back({"good2", obj, o % 5 == 1 ? "y" : "t"});
    t.push_back({"good3", obj, o % 5 == 2 ? "z" : "t"});
    t.push_back({"copier1", obj, o % 2 == 0 ? "w" + std::to_string(o) : "t"});
    t.push_back({"copier2", obj, o % 2 == 0 ? "w" + std::to_string(o) : "t"});
  }
  const ClaimMatrix m = Build(t);
  Accu accu(m, {});
  const TruthResult r = accu.Run();
  bool found = false;
  for (const auto& d : accu.dependences())
    found =
        found || (m.sources[d.a].rfind("copier", 0) == 0 && m.sources[d.b].rfind("copier", 0) == 0);
  CHECK(found);
  for (const auto& d : accu.dependences()) CHECK(m.sources[d.a].rfind("good", 0) != 0);
  int correct = 0;
  for (int o = 0; o < m.num_objects(); ++o) correct += m.values[r.truth[o]] == "t";
  CHECK(correct == 20);
}

TEST_CASE("TruthFinder's trust bound: saturated copier groups weigh by numbers, as voting",
          "[engine][truth]") {
  // Two groups of twelve sources agree on 30 objects and split on 10, where one group gives
  // twelve votes and the other six (alternating). Every trust saturates near 1; bounded, every
  // source weighs the same and each split object goes to the larger camp, as voting decides.
  std::vector<Triple> t;
  for (int o = 0; o < 40; ++o) {
    const std::string obj = "o" + std::to_string(o);
    for (int k = 0; k < 12; ++k) {
      const bool split = o >= 30, a_large = o % 2 == 0;
      const std::string a = "a" + std::to_string(k), b = "b" + std::to_string(k);
      if (!split || a_large || k < 6) t.push_back({a, obj, split ? "va" : "t"});
      if (!split || !a_large || k < 6) t.push_back({b, obj, split ? "vb" : "t"});
    }
  }
  const ClaimMatrix m = Build(t);
  TruthOptions bounded;
  bounded.truthfinder_max_trust = 0.995;
  const TruthResult r = MakeAlgorithm("truthfinder", m, bounded)->Run();
  const TruthResult vote = MakeAlgorithm("voting", m, {})->Run();
  CHECK(r.trust.maxCoeff() <= 0.995);
  CHECK(r.trust.minCoeff() == Approx(0.995));  // every source saturated
  for (int o = 0; o < m.num_objects(); ++o) {
    INFO(m.objects[o]);
    CHECK(m.values[r.truth[o]] == m.values[vote.truth[o]]);
  }
  // Unbounded (the default of the engine, as the paper) the same run may stop as soon as a trust
  // reaches 1; it gives finite scores either way.
  const TruthResult unbounded = MakeAlgorithm("truthfinder", m, {})->Run();
  CHECK(unbounded.trust.allFinite());
  CHECK(unbounded.belief.allFinite());
}

TEST_CASE("Degenerate inputs give finite scores and notes, never NaN", "[engine][truth]") {
  const ClaimMatrix empty = Build({});
  // One claim per source (AverageLog's ln 1 = 0), one value per object.
  const ClaimMatrix singles = Build({{"a", "x", "1"}, {"b", "y", "2"}, {"c", "z", "3"}});
  for (const std::string& name : AlgorithmNames()) {
    INFO(name);
    const TruthResult e = MakeAlgorithm(name, empty, {})->Run();
    CHECK(e.trust.size() == 0);
    CHECK(!e.notes.empty());
    const TruthResult r = MakeAlgorithm(name, singles, {})->Run();
    for (int s = 0; s < 3; ++s) CHECK(std::isfinite(r.trust[s]));
    for (int c = 0; c < 3; ++c) CHECK(std::isfinite(r.belief[c]));
    for (int o = 0; o < 3; ++o) {
      CHECK(r.truth[o] >= 0);
      CHECK(std::isfinite(r.confidence[o]));
    }
  }
  CHECK(MakeAlgorithm("no-such-method", singles, {}) == nullptr);
}

TEST_CASE("A source repeating an object with another value keeps the later one, with a warning",
          "[engine][truth]") {
  ClaimMatrixBuilder b;
  b.Add("s", "x", "1", 1, 10.0, 1, "f.csv", 2);
  b.Add("s", "x", "2", 2, 5.0, 1, "f.csv", 3);   // earlier in time, later in the file
  b.Add("s", "x", "1", 1, 10.0, 1, "f.csv", 4);  // exact repeat: merged silently
  Diagnostics d;
  const ClaimMatrix m = b.Build(&d);
  REQUIRE(m.entries.size() == 1);
  CHECK(m.values[m.entries[0].claim] == "1");
  REQUIRE(d.size() == 1);
  CHECK(d[0].file == "f.csv");
  CHECK(d[0].message.find("two values") != std::string::npos);
}

TEST_CASE("Evidence counts, bootstrap uncertainty, windows and decay", "[engine][truth]") {
  ClaimMatrixBuilder b;
  // 2009: a and b agree, c disagrees; 2010: c agrees with a, b disagrees.
  const double y2009 = DaysFromIsoDate("2009-06-01"), y2010 = DaysFromIsoDate("2010-06-01");
  for (int o = 0; o < 6; ++o) {
    const std::string x = "x" + std::to_string(o), y = "y" + std::to_string(o);
    b.Add("a", x, "1", 1, y2009);
    b.Add("b", x, "1", 1, y2009);
    b.Add("c", x, "2", 2, y2009);
    b.Add("a", y, "1", 1, y2010);
    b.Add("b", y, "2", 2, y2010);
    b.Add("c", y, "1", 1, y2010);
  }
  Diagnostics d;
  const ClaimMatrix m = b.Build(&d);
  const TruthResult r = MakeAlgorithm("sums", m, {})->Run();
  const auto evidence = CountEvidence(m, &r);
  CHECK(evidence[0].claims == 12);
  CHECK(evidence[0].corroborated == 12);
  CHECK(evidence[0].contradicted == 12);
  CHECK(evidence[0].chosen == 12);
  CHECK(evidence[1].corroborated == 6);
  CHECK(evidence[2].chosen == 6);

  const auto windows = TrustByYear(m, "sums", {});
  REQUIRE(windows.size() == 2);
  CHECK(windows[0].window == "2009");
  CHECK(windows[1].window == "2010");
  CHECK(windows[0].trust[1] > windows[0].trust[2]);  // b good in 2009
  CHECK(windows[1].trust[2] > windows[1].trust[1]);  // c good in 2010
  CHECK(windows[0].claims[0] == 6);

  // With a short half-life the recent year dominates: c overtakes b.
  const ClaimMatrix decayed = Decayed(m, 30);
  const TruthResult rd = MakeAlgorithm("sums", decayed, {})->Run();
  CHECK(rd.trust[2] > rd.trust[1]);

  const Eigen::VectorXd sd = BootstrapTrust(m, "sums", {}, {30, 7});
  for (int s = 0; s < 3; ++s) {
    CHECK(std::isfinite(sd[s]));
    CHECK(sd[s] >= 0);
  }
  CHECK(sd[1] > 0);  // b's trust depends on which claims are drawn

  CHECK(YearOf(DaysFromIsoDate("2025-11-17")) == "2025");
  CHECK(std::isnan(DaysFromIsoDate("17 Nov")));
}

}  // namespace
}  // namespace claimgraph::engine::truth
