#include "engine/attrib/attribution_metrics.h"

#include <catch2/catch.hpp>

namespace claimgraph::engine::attrib {
namespace {

// "Trump said the wall will be built." : source [0,5), cue [6,10), content [11,34).
constexpr std::string_view kText = "Trump said the wall will be built. It rained.";

AttributionSpan Gold() { return {{{0, 5}}, {{6, 10}}, {{11, 34}}, ""}; }

TEST_CASE("AttributionScorer: exact, overlap and attribution level", "[engine][attrib]") {
  AttributionScorer s;
  AttributionSpan p = Gold();
  p.content = {{11, 20}};  // "the wall " : overlaps but under half the content
  p.resolved_source = "Donald Trump";
  s.Add(kText, {Gold()}, {p});
  const AttributionScores& r = s.scores();
  CHECK(r.source_exact.f1() == Approx(1.0));
  CHECK(r.cue_exact.f1() == Approx(1.0));
  CHECK(r.content_exact.f1() == Approx(0.0));
  CHECK(r.content_overlap.f1() == Approx(1.0));
  // The prediction lies inside the gold content (precision) but covers less than half (recall).
  CHECK(r.attribution.precision() == Approx(1.0));
  CHECK(r.attribution.recall() == Approx(0.0));
  CHECK(r.named_sources == 0);
}

TEST_CASE("AttributionScorer: named source right and a speaker-less claim", "[engine][attrib]") {
  AttributionScorer s;
  AttributionSpan right = Gold();
  right.content = {{11, 33}};  // trailing full stop left out: still covers the content
  right.resolved_source = "Donald Trump";
  AttributionSpan outside;
  outside.content = {{35, 45}};  // "It rained." with a speaker: wrong
  outside.resolved_source = "Someone Else";
  AttributionSpan no_speaker;  // no speaker: not counted as an attribution
  no_speaker.content = {{35, 45}};
  s.Add(kText, {Gold()}, {right, outside, no_speaker});
  const AttributionScores& r = s.scores();
  CHECK(r.attribution.predicted == 2);
  CHECK(r.attribution.predicted_right == 1);
  CHECK(r.attribution.gold_found == 1);
  CHECK(r.named_sources == 1);
  CHECK(r.named_right == 1);
}

TEST_CASE("NameWords keeps names, drops titles and pronouns", "[engine][attrib]") {
  CHECK(NameWords("Sen. Tim Kaine") == std::vector<std::string>{"tim", "kaine"});
  CHECK(NameWords("he") == std::vector<std::string>{});
  CHECK(NameWords("The New York Post") == std::vector<std::string>{"new", "york", "post"});
  CHECK(NameWords("Trump's campaign") == std::vector<std::string>{"trump"});
}

}  // namespace
}  // namespace claimgraph::engine::attrib
