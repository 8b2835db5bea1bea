// Inline SVG charts for the HTML report (and any page that wants them, such as a local explorer):
// values in, one self-contained <svg> element out. The charts fetch nothing and run no script;
// every label and tooltip passes through XmlEscape, so claim text and source names from web pages
// cannot open markup. Each data mark carries class "mark" plus its kind ("mark point",
// "mark link contradict", ...) and a <title> child, so a browser shows its value on hover, a
// screen reader reads it, and a test can count the marks.
//
// The charts draw everything they are given: callers bound the inputs (the report passes its top
// N). Output is deterministic (same values, same bytes). Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io::report::svg {

// What every chart takes besides its values.
struct ChartFrame {
  std::string title;  // the accessible name (aria-label and <title>); may be empty
  int width = 720;    // pixels; the height follows from the data
};

// --- Reliability with uncertainty --------------------------------------------------------------

// One source's (or speaker's) reliability: the score with an interval [low, high] and how much
// evidence (claims) it rests on. Values outside 0..1 are clamped; low > high are swapped.
struct ReliabilityRow {
  std::string label;
  double score = 0;
  double low = 0;
  double high = 0;
  int evidence = 0;
};
// One row per entry on a 0..1 axis: a dot at the score, a bar from low to high, "n=" evidence.
std::string ReliabilityChart(const std::vector<ReliabilityRow>& rows, const ChartFrame& frame = {});

// Reliability over time windows: one line per series across `windows` (in order); a missing
// value breaks the line. Series beyond the palette's eight colours reuse them.
struct WindowSeries {
  std::string label;
  std::vector<std::optional<double>> values;  // parallel to `windows`
};
std::string WindowReliabilityChart(const std::vector<std::string>& windows,
                                   const std::vector<WindowSeries>& series,
                                   const ChartFrame& frame = {});

// --- A proposition's timeline ----------------------------------------------------------------

// One claim on the timeline: when ("YYYY-MM-DD", "YYYY-MM" or "YYYY"; anything else is
// undated and left off the plot, counted in a note), in which lane (its source), its stance, and
// for a forecast the deadline it names (same date forms; "" = none).
struct TimelinePoint {
  std::string date;
  std::string lane;
  std::string label;  // the tooltip: who said what
  bool negated = false;
  bool forecast = false;
  std::string deadline;
};
enum class LinkKind { kAgree, kContradict, kUpdate };
// A link between two points (indexes into the point vector).
struct TimelineLink {
  size_t from = 0;
  size_t to = 0;
  LinkKind kind = LinkKind::kAgree;
};
// Lanes top to bottom in order of first appearance, dates left to right; affirmed claims as
// filled circles, negated as hollow ones, forecasts as diamonds with a dashed line to their
// deadline; links as arcs (contradictions red, updates grey dashed, agreements green).
// Links naming an undated or out-of-range point are skipped.
std::string TimelineChart(const std::vector<TimelinePoint>& points,
                          const std::vector<TimelineLink>& links, const ChartFrame& frame = {});

// --- Sources against sources -----------------------------------------------------------------

// Agreements and contradictions between sources `a` and `b` (indexes into the source list).
// Cells naming the same pair twice are added together; a == b is allowed (within a source).
struct PairCell {
  size_t a = 0;
  size_t b = 0;
  int agreements = 0;
  int contradictions = 0;
};
// A symmetric matrix: each cell's colour runs from green (all agreements) to red (all
// contradictions), its opacity grows with the number of links.
std::string SourceMatrixChart(const std::vector<std::string>& sources,
                              const std::vector<PairCell>& cells, const ChartFrame& frame = {});

// Narrative camps as a small graph: sources as circles grouped by camp (camps around a circle,
// members around their camp's centre), edges between sources coloured by their balance
// (agreement green, contradiction red dashed), width by volume. `size` scales a node (claims).
struct CampNode {
  std::string label;
  int camp = 0;
  double size = 1;
};
std::string CampGraphChart(const std::vector<CampNode>& nodes, const std::vector<PairCell>& edges,
                           const ChartFrame& frame = {});

// Days since 1970-01-01 of "YYYY-MM-DD", "YYYY-MM" (its first day) or "YYYY" (1 January);
// nullopt for anything else or an impossible date. Exposed for tests.
std::optional<long> ParseDay(std::string_view date);

}  // namespace claimgraph::io::report::svg
