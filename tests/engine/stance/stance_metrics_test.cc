#include "engine/stance/stance_metrics.h"

#include <catch2/catch.hpp>

using claimgraph::engine::StanceConfusion;
using claimgraph::engine::StanceLabel;

namespace {
constexpr auto A = StanceLabel::kAgree;
constexpr auto D = StanceLabel::kDisagree;
constexpr auto S = StanceLabel::kDiscuss;
constexpr auto U = StanceLabel::kUnrelated;
}  // namespace

TEST_CASE("FNC score follows the official scorer pair by pair", "[engine][stance]") {
  // (gold, predicted, points) from scorer.py's rules.
  struct Case {
    StanceLabel gold, predicted;
    double points;
  };
  const Case cases[] = {
      {A, A, 1.0},  {A, D, 0.25}, {A, S, 0.25}, {A, U, 0.0}, {D, D, 1.0}, {S, A, 0.25},
      {U, U, 0.25}, {U, A, 0.0},  {U, S, 0.0},  {S, S, 1.0}, {D, U, 0.0},
  };
  for (const Case& c : cases) {
    StanceConfusion one;
    one.Add(c.gold, c.predicted);
    INFO(static_cast<int>(c.gold) << " -> " << static_cast<int>(c.predicted));
    CHECK(one.FncScore() == Approx(c.points));
    CHECK(one.MaxFncScore() == Approx(c.gold == U ? 0.25 : 1.0));
  }
}

TEST_CASE("Relative FNC score, accuracy and per-class F1 of a small confusion",
          "[engine][stance]") {
  StanceConfusion c;
  // gold agree: 2 right, 1 called discuss; gold disagree: 1 called agree;
  // gold unrelated: 3 right, 1 called discuss.
  c.Add(A, A);
  c.Add(A, A);
  c.Add(A, S);
  c.Add(D, A);
  c.Add(U, U);
  c.Add(U, U);
  c.Add(U, U);
  c.Add(U, S);
  CHECK(c.Total() == 8);
  CHECK(c.FncScore() == Approx(1 + 1 + 0.25 + 0.25 + 0.75));
  CHECK(c.MaxFncScore() == Approx(3 + 1 + 1.0));
  CHECK(c.RelativeFncScore() == Approx(3.25 / 5.0));
  CHECK(c.Accuracy() == Approx(5.0 / 8));
  CHECK(c.Precision(A) == Approx(2.0 / 3));
  CHECK(c.Recall(A) == Approx(2.0 / 3));
  CHECK(c.F1(A) == Approx(2.0 / 3));
  CHECK(c.F1(D) == 0.0);
  CHECK(c.Recall(U) == Approx(0.75));
  CHECK(c.Precision(U) == Approx(1.0));
  CHECK_THAT(c.Report(), Catch::Contains("disagree") && Catch::Contains("confusion"));
}
