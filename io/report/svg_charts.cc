#include "io/report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "io/report/escape.h"

namespace claimgraph::io::report::svg {
namespace {

// Okabe & Ito's colour-blind-safe palette.
constexpr const char* kPalette[] = {"#0072b2", "#e69f00", "#009e73", "#cc79a7",
                                    "#56b4e9", "#d55e00", "#8c7a00", "#000000"};
constexpr const char* kAgree = "#2a9d3a";
constexpr const char* kContradict = "#d62728";
constexpr const char* kUpdate = "#7f7f7f";
constexpr const char* kAxis = "#999";
constexpr const char* kInk = "#333";

const char* Colour(size_t i) { return kPalette[i % (sizeof kPalette / sizeof kPalette[0])]; }

// A coordinate or size: one decimal, no trailing ".0".
std::string N(double x) {
  if (!std::isfinite(x)) x = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string Value(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

std::string E(std::string_view s) { return XmlEscape(s); }
std::string Label(std::string_view s, size_t max_chars) { return E(Truncate(s, max_chars)); }

double Clamp01(double x) { return std::isfinite(x) ? std::clamp(x, 0.0, 1.0) : 0.0; }

// <svg> with its accessible name.
void Open(std::string* out, const ChartFrame& frame, const char* kind, int height) {
  *out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + std::string(kind) +
          "\" viewBox=\"0 0 " + std::to_string(frame.width) + " " + std::to_string(height) +
          "\" width=\"" + std::to_string(frame.width) + "\" height=\"" + std::to_string(height) +
          "\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\"";
  if (!frame.title.empty()) *out += " aria-label=\"" + E(frame.title) + "\"";
  *out += ">";
  if (!frame.title.empty()) *out += "<title>" + E(frame.title) + "</title>";
}

void Text(std::string* out, double x, double y, const std::string& escaped,
          const char* anchor = "start", const char* extra = "") {
  *out += "<text x=\"" + N(x) + "\" y=\"" + N(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" +
          kInk + "\"" + extra + ">" + escaped + "</text>";
}

void Line(std::string* out, double x1, double y1, double x2, double y2, const char* stroke,
          double width = 1, const char* extra = "") {
  *out += "<line x1=\"" + N(x1) + "\" y1=\"" + N(y1) + "\" x2=\"" + N(x2) + "\" y2=\"" + N(y2) +
          "\" stroke=\"" + stroke + "\" stroke-width=\"" + N(width) + "\"" + extra + "/>";
}

// The civil date of a day count (Howard Hinnant's days_from_civil inverse), as YYYY-MM-DD.
std::string DayToDate(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

}  // namespace

std::optional<long> ParseDay(std::string_view date) {
  auto digits = [&](size_t pos, size_t n, long* v) {
    if (date.size() < pos + n) return false;
    long r = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
      r = r * 10 + (date[i] - '0');
    }
    *v = r;
    return true;
  };
  long y = 0, m = 1, d = 1;
  if (!digits(0, 4, &y)) return std::nullopt;
  if (date.size() == 4) {
  } else if (date.size() == 7 && date[4] == '-' && digits(5, 2, &m)) {
  } else if (date.size() == 10 && date[4] == '-' && date[7] == '-' && digits(5, 2, &m) &&
             digits(8, 2, &d)) {
  } else {
    return std::nullopt;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  // days_from_civil (Howard Hinnant).
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string ReliabilityChart(const std::vector<ReliabilityRow>& rows, const ChartFrame& frame) {
  constexpr int kLeft = 190, kRight = 70, kTop = 24, kRow = 18;
  const int height = kTop + static_cast<int>(rows.size()) * kRow + 8;
  const double plot = std::max(60, frame.width - kLeft - kRight);
  auto x = [&](double v) { return kLeft + Clamp01(v) * plot; };
  std::string out;
  Open(&out, frame, "reliability", height);
  for (int t = 0; t <= 4; ++t) {
    const double v = t / 4.0;
    Line(&out, x(v), kTop - 4, x(v), height - 6, "#e4e4e4");
    Text(&out, x(v), kTop - 8, Value(v), "middle");
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const ReliabilityRow& r = rows[i];
    double low = Clamp01(r.low), high = Clamp01(r.high);
    if (low > high) std::swap(low, high);
    const double y = kTop + i * kRow + kRow / 2.0;
    Text(&out, kLeft - 8, y + 4, Label(r.label, 28), "end");
    out += "<g class=\"mark reliability\"><title>" + E(r.label) + ": " + Value(Clamp01(r.score)) +
           " (" + Value(low) + "–" + Value(high) + "), " + std::to_string(r.evidence) +
           (r.evidence == 1 ? " claim" : " claims") + "</title>";
    out += "<rect x=\"" + N(x(low)) + "\" y=\"" + N(y - 3) + "\" width=\"" +
           N(std::max(1.0, x(high) - x(low))) + "\" height=\"6\" fill=\"" + Colour(0) +
           "\" fill-opacity=\"0.25\"/>";
    out += "<circle cx=\"" + N(x(r.score)) + "\" cy=\"" + N(y) + "\" r=\"4.5\" fill=\"" +
           Colour(0) + "\"/></g>";
    Text(&out, frame.width - kRight + 8, y + 4, "n=" + std::to_string(r.evidence));
  }
  out += "</svg>";
  return out;
}

std::string WindowReliabilityChart(const std::vector<std::string>& windows,
                                   const std::vector<WindowSeries>& series,
                                   const ChartFrame& frame) {
  constexpr int kLeft = 40, kLegend = 180, kTop = 12, kPlot = 180, kBottom = 34;
  const int legend_rows = static_cast<int>(series.size());
  const int height = std::max(kTop + kPlot + kBottom, kTop + legend_rows * 16 + 8);
  const double plot_w = std::max(60, frame.width - kLeft - kLegend - 10);
  auto x = [&](size_t i) {
    return windows.size() <= 1 ? kLeft + plot_w / 2
                               : kLeft + plot_w * static_cast<double>(i) / (windows.size() - 1);
  };
  auto y = [&](double v) { return kTop + (1 - Clamp01(v)) * kPlot; };
  std::string out;
  Open(&out, frame, "windows", height);
  for (int t = 0; t <= 4; ++t) {
    const double v = t / 4.0;
    Line(&out, kLeft, y(v), kLeft + plot_w, y(v), "#e4e4e4");
    Text(&out, kLeft - 4, y(v) + 4, Value(v), "end");
  }
  // Window labels, thinned to about one per 60 pixels.
  const size_t step = std::max<size_t>(1, windows.size() * 60 / static_cast<size_t>(plot_w) + 1);
  for (size_t i = 0; i < windows.size(); i += step)
    Text(&out, x(i), kTop + kPlot + 16, Label(windows[i], 12), "middle");
  for (size_t s = 0; s < series.size(); ++s) {
    const WindowSeries& ws = series[s];
    const char* colour = Colour(s);
    std::string path;
    bool pen = false;
    for (size_t i = 0; i < windows.size() && i < ws.values.size(); ++i) {
      if (!ws.values[i]) {
        pen = false;
        continue;
      }
      path += (pen ? " L" : " M") + N(x(i)) + " " + N(y(*ws.values[i]));
      pen = true;
    }
    if (!path.empty())
      out += "<path d=\"" + path.substr(1) + "\" fill=\"none\" stroke=\"" + colour +
             "\" stroke-width=\"1.5\"/>";
    for (size_t i = 0; i < windows.size() && i < ws.values.size(); ++i) {
      if (!ws.values[i]) continue;
      out += "<circle class=\"mark point\" cx=\"" + N(x(i)) + "\" cy=\"" + N(y(*ws.values[i])) +
             "\" r=\"3\" fill=\"" + colour + "\"><title>" + E(ws.label) + ", " + E(windows[i]) +
             ": " + Value(Clamp01(*ws.values[i])) + "</title></circle>";
    }
    const double ly = kTop + s * 16.0 + 8;
    const double lx = frame.width - kLegend + 8;
    out += "<rect x=\"" + N(lx) + "\" y=\"" + N(ly - 8) + "\" width=\"10\" height=\"10\" fill=\"" +
           colour + "\"/>";
    Text(&out, lx + 14, ly + 1, Label(ws.label, 26));
  }
  out += "</svg>";
  return out;
}

std::string TimelineChart(const std::vector<TimelinePoint>& points,
                          const std::vector<TimelineLink>& links, const ChartFrame& frame) {
  constexpr int kLeft = 160, kRight = 44, kTop = 30, kLane = 26;
  std::vector<std::optional<long>> day(points.size());
  std::vector<std::optional<long>> deadline(points.size());
  std::vector<size_t> lane(points.size());
  std::map<std::string, size_t> lane_index;
  std::vector<std::string> lanes;
  long lo = 0, hi = 0;
  bool any = false;
  size_t undated = 0;
  auto extend = [&](long d) {
    lo = any ? std::min(lo, d) : d;
    hi = any ? std::max(hi, d) : d;
    any = true;
  };
  for (size_t i = 0; i < points.size(); ++i) {
    day[i] = ParseDay(points[i].date);
    if (!day[i]) {
      ++undated;
      continue;
    }
    extend(*day[i]);
    if (points[i].forecast) {
      deadline[i] = ParseDay(points[i].deadline);
      if (deadline[i]) extend(*deadline[i]);
    }
    auto [it, added] = lane_index.emplace(points[i].lane, lanes.size());
    if (added) lanes.push_back(points[i].lane);
    lane[i] = it->second;
  }
  if (any && hi - lo < 30) {
    lo -= 15;
    hi += 15;
  }
  const int height = kTop + static_cast<int>(lanes.size()) * kLane + (undated ? 26 : 10);
  const double plot = std::max(60, frame.width - kLeft - kRight);
  auto x = [&](long d) {
    return kLeft + plot * static_cast<double>(d - lo) / std::max(1L, hi - lo);
  };
  std::vector<double> px(points.size()), py(points.size());
  std::map<std::pair<size_t, long>, int> stacked;  // claims already drawn at a lane and day
  for (size_t i = 0; i < points.size(); ++i) {
    if (!day[i]) continue;
    const int k = stacked[{lane[i], *day[i]}]++;
    px[i] = x(*day[i]) + (k % 2 ? 1 : -1) * ((k + 1) / 2) * 3.0;
    py[i] = kTop + lane[i] * kLane + kLane / 2.0 + (k % 3 - 1) * 3.0;
  }
  std::string out;
  Open(&out, frame, "timeline", height);
  for (size_t l = 0; l < lanes.size(); ++l) {
    const double y = kTop + l * kLane + kLane / 2.0;
    Line(&out, kLeft, y, kLeft + plot, y, "#ececec");
    Text(&out, kLeft - 8, y + 4, Label(lanes[l], 24), "end");
  }
  if (any) {
    for (int t = 0; t <= 4; ++t) {
      const long d = lo + (hi - lo) * t / 4;
      Line(&out, x(d), kTop - 6, x(d), height - (undated ? 20 : 4), kAxis, 0.5,
           " stroke-dasharray=\"2 3\"");
      Text(&out, x(d), kTop - 10, DayToDate(d), "middle");
    }
  }
  for (const TimelineLink& l : links) {
    if (l.from >= points.size() || l.to >= points.size() || !day[l.from] || !day[l.to]) continue;
    const char* kind = l.kind == LinkKind::kContradict ? "contradict"
                       : l.kind == LinkKind::kUpdate   ? "update"
                                                       : "agree";
    const char* colour = l.kind == LinkKind::kContradict ? kContradict
                         : l.kind == LinkKind::kUpdate   ? kUpdate
                                                         : kAgree;
    const double x1 = px[l.from], y1 = py[l.from], x2 = px[l.to], y2 = py[l.to];
    const double bend = std::min(y1, y2) - 10 - std::min(30.0, std::abs(x2 - x1) / 6);
    out += "<path class=\"mark link " + std::string(kind) + "\" d=\"M" + N(x1) + " " + N(y1) +
           " Q" + N((x1 + x2) / 2) + " " + N(bend) + " " + N(x2) + " " + N(y2) +
           "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.3\"" +
           (l.kind == LinkKind::kUpdate ? " stroke-dasharray=\"4 3\"" : "") + "><title>" + kind +
           ": " + E(points[l.from].lane) + " " + E(points[l.from].date) + " – " +
           E(points[l.to].lane) + " " + E(points[l.to].date) + "</title></path>";
  }
  for (size_t i = 0; i < points.size(); ++i) {
    if (!day[i]) continue;
    const TimelinePoint& p = points[i];
    const std::string colour = Colour(lane[i]);
    const std::string fill = p.negated ? "#fff" : colour;
    std::string title = "<title>" + E(p.date) + " · " + E(p.lane) + " · " +
                        (p.negated ? "negated" : "affirmed") + (p.forecast ? " forecast" : "") +
                        ": " + E(Truncate(p.label, 300));
    if (deadline[i]) title += " (deadline " + E(p.deadline) + ")";
    title += "</title>";
    if (deadline[i]) {
      const double dx = x(*deadline[i]);
      out += "<g class=\"mark deadline\"><title>deadline " + E(p.deadline) + "</title>";
      Line(&out, px[i], py[i], dx, py[i], colour.c_str(), 1, " stroke-dasharray=\"3 3\"");
      Line(&out, dx, py[i] - 6, dx, py[i] + 6, colour.c_str(), 2);
      out += "</g>";
    }
    if (p.forecast) {
      out += "<path class=\"mark point forecast\" d=\"M" + N(px[i]) + " " + N(py[i] - 6) + " L" +
             N(px[i] + 6) + " " + N(py[i]) + " L" + N(px[i]) + " " + N(py[i] + 6) + " L" +
             N(px[i] - 6) + " " + N(py[i]) + " Z\" fill=\"" + fill + "\" stroke=\"" + colour +
             "\" stroke-width=\"1.5\">" + title + "</path>";
    } else {
      out += std::string("<circle class=\"mark point ") + (p.negated ? "negated" : "affirmed") +
             "\" cx=\"" + N(px[i]) + "\" cy=\"" + N(py[i]) + "\" r=\"5\" fill=\"" + fill +
             "\" stroke=\"" + colour + "\" stroke-width=\"1.5\">" + title + "</circle>";
    }
  }
  if (undated)
    Text(&out, kLeft, height - 8,
         std::to_string(undated) + (undated == 1 ? " undated claim" : " undated claims") +
             " not plotted");
  out += "</svg>";
  return out;
}

namespace {

// The cells summed per unordered pair (smaller index first), skipping indexes out of range.
std::map<std::pair<size_t, size_t>, std::pair<int, int>> SumPairs(
    const std::vector<PairCell>& cells, size_t n) {
  std::map<std::pair<size_t, size_t>, std::pair<int, int>> sum;
  for (const PairCell& c : cells) {
    if (c.a >= n || c.b >= n) continue;
    auto& s = sum[{std::min(c.a, c.b), std::max(c.a, c.b)}];
    s.first += std::max(0, c.agreements);
    s.second += std::max(0, c.contradictions);
  }
  return sum;
}

// Green (all agreements) to red (all contradictions).
std::string Balance(int agreements, int contradictions) {
  const double t = agreements + contradictions
                       ? static_cast<double>(contradictions) / (agreements + contradictions)
                       : 0.5;
  const int r = static_cast<int>(42 + t * (214 - 42)), g = static_cast<int>(157 + t * (39 - 157)),
            b = static_cast<int>(58 + t * (40 - 58));
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

std::string PairTitle(const std::string& a, const std::string& b, int agreements,
                      int contradictions) {
  return "<title>" + E(a) + " – " + E(b) + ": " + std::to_string(agreements) +
         (agreements == 1 ? " agreement, " : " agreements, ") + std::to_string(contradictions) +
         (contradictions == 1 ? " contradiction" : " contradictions") + "</title>";
}

}  // namespace

std::string SourceMatrixChart(const std::vector<std::string>& sources,
                              const std::vector<PairCell>& cells, const ChartFrame& frame) {
  constexpr int kLeft = 170, kTop = 120;
  const size_t n = sources.size();
  const double cell =
      n ? std::clamp((frame.width - kLeft - 10.0) / static_cast<double>(n), 6.0, 26.0) : 26;
  const int height = kTop + static_cast<int>(std::ceil(cell * n)) + 10;
  const auto sum = SumPairs(cells, n);
  int most = 1;
  for (const auto& [pair, s] : sum) most = std::max(most, s.first + s.second);
  std::string out;
  Open(&out, frame, "matrix", height);
  for (size_t i = 0; i < n; ++i) {
    const double c = kLeft + (i + 0.5) * cell;
    Text(&out, kLeft - 6, kTop + (i + 0.5) * cell + 4, Label(sources[i], 26), "end");
    out += "<text x=\"" + N(c) + "\" y=\"" + N(kTop - 6) + "\" fill=\"" + kInk +
           "\" transform=\"rotate(-50 " + N(c) + " " + N(kTop - 6) + ")\">" +
           Label(sources[i], 18) + "</text>";
  }
  out += "<rect x=\"" + N(kLeft) + "\" y=\"" + N(kTop) + "\" width=\"" + N(cell * n) +
         "\" height=\"" + N(cell * n) + "\" fill=\"none\" stroke=\"#ddd\"/>";
  for (const auto& [pair, s] : sum) {
    const auto [agreements, contradictions] = s;
    if (agreements + contradictions == 0) continue;
    const double opacity = 0.25 + 0.75 * std::log1p(agreements + contradictions) / std::log1p(most);
    const std::string title =
        PairTitle(sources[pair.first], sources[pair.second], agreements, contradictions);
    // Both halves of the symmetric matrix (once on the diagonal).
    for (int half = 0; half < (pair.first == pair.second ? 1 : 2); ++half) {
      const size_t row = half ? pair.second : pair.first, col = half ? pair.first : pair.second;
      out += "<rect class=\"mark cell\" x=\"" + N(kLeft + col * cell + 0.5) + "\" y=\"" +
             N(kTop + row * cell + 0.5) + "\" width=\"" + N(cell - 1) + "\" height=\"" +
             N(cell - 1) + "\" fill=\"" + Balance(agreements, contradictions) +
             "\" fill-opacity=\"" + Value(opacity) + "\">" + title + "</rect>";
    }
  }
  out += "</svg>";
  return out;
}

std::string CampGraphChart(const std::vector<CampNode>& nodes, const std::vector<PairCell>& edges,
                           const ChartFrame& frame) {
  const int height = std::clamp(frame.width / 2, 240, 420);
  const double cx = frame.width / 2.0, cy = height / 2.0;
  std::map<int, std::vector<size_t>> camps;
  double biggest = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    camps[nodes[i].camp].push_back(i);
    biggest = std::max(biggest, nodes[i].size);
  }
  std::vector<double> x(nodes.size()), y(nodes.size()), r(nodes.size());
  std::vector<bool> left(nodes.size(), false);  // label to the left of the node
  std::string out;
  Open(&out, frame, "camps", height);
  const double ring = camps.size() > 1 ? std::min(cx, cy) - 70 : 0;
  size_t k = 0;
  for (const auto& [camp, members] : camps) {
    const double angle = 2 * M_PI * k / camps.size() - M_PI / 2;
    const double ccx = cx + ring * std::cos(angle), ccy = cy + ring * std::sin(angle);
    // One camp fills the chart; several share the ring.
    const double room = camps.size() > 1 ? std::max(24.0, ring * std::sin(M_PI / camps.size()) - 30)
                                         : std::min(cx, cy) - 50;
    const double spread = members.size() > 1 ? std::min(room, 20.0 + 12.0 * members.size()) : 0;
    out += "<circle class=\"camp\" cx=\"" + N(ccx) + "\" cy=\"" + N(ccy) + "\" r=\"" +
           N(spread + 22) + "\" fill=\"" + Colour(k) + "\" fill-opacity=\"0.07\" stroke=\"" +
           Colour(k) + "\" stroke-opacity=\"0.4\"/>";
    Text(&out, ccx, ccy - spread - 26, "Camp " + std::to_string(camp + 1), "middle",
         " font-weight=\"bold\"");
    for (size_t m = 0; m < members.size(); ++m) {
      const size_t i = members[m];
      const double a = 2 * M_PI * m / members.size() - M_PI / 2;
      x[i] = ccx + spread * std::cos(a);
      left[i] = std::cos(a) < -0.2;
      y[i] = ccy + spread * std::sin(a);
      r[i] = 4 + 8 * (biggest > 0 ? std::sqrt(std::max(0.0, nodes[i].size) / biggest) : 0);
    }
    ++k;
  }
  const auto sum = SumPairs(edges, nodes.size());
  int most = 1;
  for (const auto& [pair, s] : sum) most = std::max(most, s.first + s.second);
  for (const auto& [pair, s] : sum) {
    const auto [agreements, contradictions] = s;
    if (pair.first == pair.second || agreements + contradictions == 0) continue;
    const bool contradicting = contradictions > agreements;
    const double width = 0.8 + 3.2 * std::log1p(agreements + contradictions) / std::log1p(most);
    out +=
        std::string("<line class=\"mark edge ") + (contradicting ? "contradict" : "agree") +
        "\" x1=\"" + N(x[pair.first]) + "\" y1=\"" + N(y[pair.first]) + "\" x2=\"" +
        N(x[pair.second]) + "\" y2=\"" + N(y[pair.second]) + "\" stroke=\"" +
        Balance(agreements, contradictions) + "\" stroke-width=\"" + N(width) +
        "\" stroke-opacity=\"0.7\"" + (contradicting ? " stroke-dasharray=\"5 3\"" : "") + ">" +
        PairTitle(nodes[pair.first].label, nodes[pair.second].label, agreements, contradictions) +
        "</line>";
  }
  k = 0;
  std::map<int, size_t> camp_colour;
  for (const auto& [camp, members] : camps) camp_colour[camp] = k++;
  for (size_t i = 0; i < nodes.size(); ++i) {
    out += "<circle class=\"mark node\" cx=\"" + N(x[i]) + "\" cy=\"" + N(y[i]) + "\" r=\"" +
           N(r[i]) + "\" fill=\"" + Colour(camp_colour[nodes[i].camp]) +
           "\" stroke=\"#fff\"><title>" + E(nodes[i].label) + " (camp " +
           std::to_string(nodes[i].camp + 1) + ")</title></circle>";
    if (left[i])
      Text(&out, x[i] - r[i] - 3, y[i] + 4, Label(nodes[i].label, 20), "end");
    else
      Text(&out, x[i] + r[i] + 3, y[i] + 4, Label(nodes[i].label, 20));
  }
  out += "</svg>";
  return out;
}

}  // namespace claimgraph::io::report::svg
