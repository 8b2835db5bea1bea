#include "io/report/html_report.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "io/report/escape.h"
#include "io/report/format_util.h"
#include "io/report/render_parts.h"
#include "io/report/svg_charts.h"

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::ClaimLink;
using engine::Relation;

std::string H(const std::string& s) { return HtmlEscape(s); }

// Bounds on what the charts draw and the longer tables list, whatever the run's size.
constexpr size_t kSourceRows = 500;      // sources table, evidence per source, filter options
constexpr size_t kChartRows = 40;        // sources on the reliability chart
constexpr size_t kWindowSeries = 8;      // sources on the per-window chart
constexpr size_t kGraphSources = 40;     // sources in the camps graph
constexpr size_t kMatrixSources = 30;    // sources in the source-by-source matrix
constexpr size_t kTimelineCharts = 12;   // propositions drawn as a timeline
constexpr size_t kTimelinePoints = 120;  // claims per timeline chart
constexpr size_t kTimelineLinks = 300;   // links per timeline chart
constexpr size_t kTimelineRows = 20;     // claims per timeline table

class HtmlWriter {
 public:
  HtmlWriter(const ReportData& data, std::ostream& out, const ReportOptions& options)
      : data_(data), r_(data.result()), out_(out), opt_(options) {
    size_t i = 0;
    for (const ClaimLink* l : data.links(Relation::kContradict)) contradiction_.emplace(l, ++i);
    i = 0;
    for (const ClaimLink* l : data.links(Relation::kAgree)) agreement_.emplace(l, ++i);
    i = 0;
    for (const Evidence& e : data.sources()) source_anchor_.emplace(e.name, ++i);
    for (const engine::SourcePairWindow& w : r_.source_windows) {
      auto& c = pair_counts_[std::minmax(w.source_a, w.source_b)];
      c.first += w.agreements;
      c.second += w.contradictions;
    }
  }

  void Write() {
    const std::string title = opt_.title.empty() ? "Source-reliability report" : opt_.title;
    HtmlPageStart(title, out_);
    out_ << "<h1>" << H(title) << "</h1>\n";
    Header();
    out_
        << "<nav class=\"toc\"><a href=\"#sources\">Source reliability</a><a "
           "href=\"#speakers\">Speakers</a><a href=\"#camps\">Narrative camps</a><a "
           "href=\"#matrix\">Sources against sources</a><a "
           "href=\"#contested\">Most contested</a><a href=\"#contradictions\">Contradictions</a><a "
           "href=\"#updates\">Updates</a><a href=\"#agreements\">Agreements</a><a "
           "href=\"#pairs\">Source pairs over time</a><a href=\"#copies\">Copies</a><a "
           "href=\"#timelines\">Timelines</a><a href=\"#evidence\">Evidence per source</a><a "
           "href=\"#documents\">Documents</a></nav>\n";
    Filters();
    Sources();
    Speakers();
    Camps();
    Matrix();
    Contested();
    Contradictions();
    Updates();
    Agreements();
    SourcePairs();
    Copies();
    Timelines();
    EvidencePerSource();
    Documents();
    HtmlScript(out_);
    HtmlPageEnd(out_);
  }

 private:
  bool Capped(size_t shown) const { return opt_.max_items && shown >= opt_.max_items; }
  // The sources table and the evidence per source list more than the other sections: a run has
  // few sources, and each row is short.
  size_t SourceCap() const {
    return opt_.max_items ? std::max<size_t>(opt_.max_items, kSourceRows) : data_.sources().size();
  }

  void Figure(const std::string& svg, const std::string& caption) {
    out_ << "<figure class=\"chart\">" << svg << "<figcaption>" << caption
         << "</figcaption></figure>\n";
  }

  // The filter box: hidden until the script shows it, so the page reads the same without it.
  void Filters() {
    out_ << "<div id=\"filters\" hidden><label>Filter <input id=\"fq\" type=\"search\" "
            "placeholder=\"words in a claim, a source, a speaker\" aria-label=\"Filter "
            "text\"></label> <label>Source <select id=\"fs\"><option value=\"\">all</option>";
    size_t n = 0;
    for (const Evidence& e : data_.sources()) {
      if (n++ == SourceCap()) break;
      out_ << "<option>" << H(e.name) << "</option>";
    }
    out_ << "</select></label> <label>Speaker <select id=\"fp\"><option value=\"\">all</option>";
    n = 0;
    for (const Evidence& e : data_.speakers()) {
      if (Capped(n++)) break;
      out_ << "<option>" << H(e.name) << "</option>";
    }
    out_ << "</select></label> <output id=\"fn\"></output></div>\n";
  }

  // The attributes the filter matches an item on: its sources and speakers, '|'-joined.
  static std::string FilterAttrs(const Claim& a, const Claim* b = nullptr) {
    std::string source = a.source, speaker = a.speaker;
    if (b && b->source != a.source) source += "|" + b->source;
    if (b && !b->speaker.empty() && b->speaker != a.speaker)
      speaker += (speaker.empty() ? "" : "|") + b->speaker;
    return " data-source=\"" + H(source) + "\" data-speaker=\"" + H(speaker) + "\"";
  }

  // What the reliability chart draws of a source: the score with its 95% interval, and the
  // claims that carry evidence.
  static svg::ReliabilityRow ReliabilityRowOf(const Evidence& e) {
    return {e.name, e.score->reliability, e.score->low, e.score->high, e.score->evidence};
  }
  void LeftOut(size_t total, size_t shown, const char* what) {
    if (shown < total)
      out_ << "<p class=\"note\">" << (total - shown) << " more " << what
           << " not shown (all are in the JSON export).</p>\n";
  }

  void Header() {
    out_ << "<p class=\"meta\">Run " << r_.run_id;
    if (!r_.created_at.empty()) out_ << " · " << H(r_.created_at);
    if (!r_.program_version.empty()) out_ << " · claimgraph " << H(r_.program_version);
    out_ << " · reliability: "
         << H(r_.reliability_method.empty() ? "(not scored)" : r_.reliability_method);
    if (!r_.reliability_method.empty())
      out_ << " (" << Plural(static_cast<size_t>(r_.iterations), "iteration", "iterations") << ", "
           << (r_.converged ? "converged" : "not converged") << ")";
    out_ << "</p>\n<p>" << Plural(r_.documents.size(), "document", "documents") << " from "
         << Plural(data_.sources().size(), "source", "sources") << "; "
         << Plural(r_.claims.size(), "claim", "claims") << " by "
         << Plural(data_.speakers().size(), "named speaker", "named speakers") << ". Links: "
         << "<a href=\"#contradictions\">"
         << Plural(data_.links(Relation::kContradict).size(), "contradiction", "contradictions")
         << "</a>, <a href=\"#updates\">"
         << Plural(data_.links(Relation::kUpdate).size(), "update", "updates")
         << "</a>, <a href=\"#agreements\">"
         << Plural(data_.links(Relation::kAgree).size(), "agreement", "agreements") << "</a>, "
         << Plural(data_.links(Relation::kCopy).size(), "copied claim", "copied claims")
         << "; <a href=\"#copies\">"
         << Plural(r_.copies.size(), "copied document pair", "copied document pairs")
         << "</a>.</p>\n";
    if (data_.dangling_links())
      out_ << "<p class=\"note\">" << Plural(data_.dangling_links(), "link names", "links name")
           << " claims that are not in the run and are left out.</p>\n";
    out_ << "<p class=\"note\">Every claim is quoted exactly as it appears in its document, with "
            "the document, the speaker, the date and the character span [start, end) in code "
            "points of the document's text.</p>\n";
  }

  std::string EvidenceLink(const std::string& source, int count) {
    if (count == 0) return "0";
    return "<a href=\"#ev-" + std::to_string(source_anchor_.at(source)) + "\">" +
           std::to_string(count) + "</a>";
  }

  void Sources() {
    out_ << "<h2 id=\"sources\">Source reliability</h2>\n";
    if (data_.sources().empty()) {
      out_ << "<p>No sources.</p>\n";
      return;
    }
    std::vector<svg::ReliabilityRow> rows;
    for (const Evidence& e : data_.sources()) {
      if (rows.size() == kChartRows) break;
      if (e.score) rows.push_back(ReliabilityRowOf(e));
    }
    if (!rows.empty())
      Figure(svg::ReliabilityChart(rows, {"Source reliability with uncertainty", 760}),
             "Reliability of the " + Plural(rows.size(), "source", "sources") +
                 " with the most claims: the dot is the probability that a claim of the source "
                 "holds, the bar its 95% interval, n its claims that carry evidence "
                 "(corroborated, contradicted or fact-checked).");
    out_ << "<p class=\"note\">Claims: claims the source published. Corroborated: its claims "
            "agreed with by an independent source (not a copy). Contradicted: its claims "
            "contradicted by another source. Agreements / contradictions: links touching its "
            "claims; each count links to the sentences behind it.</p>\n"
            "<table class=\"sortable\"><thead><tr><th>Source</th><th "
            "class=\"num\">Reliability</th><th "
            "class=\"num\">95% interval</th><th class=\"num\">Claims</th><th "
            "class=\"num\">Corroborated</th><th class=\"num\">Contradicted</th><th "
            "class=\"num\">Agreements</th><th class=\"num\">Contradictions</th><th "
            "class=\"num\">Failed forecasts</th></tr></thead><tbody>\n";
    size_t shown = 0;
    for (const Evidence& e : data_.sources()) {
      if (shown == SourceCap()) break;
      ++shown;
      out_ << "<tr class=\"fi\" data-source=\"" << H(e.name) << "\"><td>" << H(e.name)
           << "</td><td class=\"num\">";
      if (e.score) {
        const int width = static_cast<int>(std::clamp(e.score->reliability, 0.0, 1.0) * 80);
        out_ << "<span class=\"bar\" style=\"width:" << width << "px\"></span>"
             << ScoreWithEvidence(*e.score);
      } else {
        out_ << "–";
      }
      out_ << "</td><td class=\"num\">" << (e.score ? IntervalText(*e.score) : "–")
           << "</td><td class=\"num\">" << e.claims << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.corroborated) << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.contradicted) << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.agreements) << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.contradictions) << "</td><td class=\"num\">"
           << (e.score ? e.score->failed_forecasts : 0) << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(data_.sources().size(), shown, "sources");
    const std::vector<std::string> windows = data_.ReliabilityWindows();
    if (windows.empty()) return;
    out_ << "<h3>Reliability per window</h3>\n";
    std::vector<svg::WindowSeries> series;
    for (const Evidence& e : data_.sources()) {
      if (series.size() == kWindowSeries) break;
      if (!e.score || e.score->windows.empty()) continue;
      svg::WindowSeries ws{e.name, std::vector<std::optional<double>>(windows.size())};
      for (const engine::ReliabilityWindow& rw : e.score->windows) {
        const auto at = std::lower_bound(windows.begin(), windows.end(), rw.window);
        if (at != windows.end() && *at == rw.window)
          ws.values[at - windows.begin()] = rw.reliability;
      }
      series.push_back(std::move(ws));
    }
    Figure(svg::WindowReliabilityChart(windows, series, {"Reliability per window", 760}),
           "Reliability per time window of the " + Plural(series.size(), "source", "sources") +
               " with the most claims; a gap is a window without a score.");
    out_ << "<p class=\"note\">Each cell: reliability (claims in "
            "the window).</p>\n<table class=\"sortable\"><thead><tr><th>Source</th>";
    for (const std::string& w : windows) out_ << "<th class=\"num\">" << H(w) << "</th>";
    out_ << "</tr></thead><tbody>\n";
    shown = 0;
    size_t scored = 0;
    for (const Evidence& e : data_.sources()) {
      if (!e.score || e.score->windows.empty()) continue;
      ++scored;
      if (Capped(shown)) continue;
      ++shown;
      out_ << "<tr class=\"fi\" data-source=\"" << H(e.name) << "\"><td>" << H(e.name) << "</td>";
      for (const std::string& w : windows) {
        const engine::ReliabilityWindow* found = nullptr;
        for (const auto& rw : e.score->windows)
          if (rw.window == w) found = &rw;
        out_ << "<td class=\"num\">"
             << (found ? Fixed(found->reliability) + " (" + std::to_string(found->claims) + ")"
                       : "–")
             << "</td>";
      }
      out_ << "</tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(scored, shown, "sources");
  }

  void Speakers() {
    out_ << "<h2 id=\"speakers\">Speakers</h2>\n";
    if (data_.speakers().empty()) {
      out_ << "<p>No named speakers.</p>\n";
      return;
    }
    out_ << "<table class=\"sortable\"><thead><tr><th>Speaker</th><th>Role</th><th "
            "class=\"num\">Reliability</th><th class=\"num\">95% interval</th><th "
            "class=\"num\">Claims</th><th class=\"num\">Corroborated</th><th "
            "class=\"num\">Contradicted</th></tr></thead><tbody>\n";
    size_t shown = 0;
    for (const Evidence& e : data_.speakers()) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<tr class=\"fi\" data-speaker=\"" << H(e.name) << "\"><td>" << H(e.name)
           << "</td><td>" << H(e.role) << "</td><td class=\"num\">"
           << (e.score ? ScoreWithEvidence(*e.score) : "–") << "</td><td class=\"num\">"
           << (e.score ? IntervalText(*e.score) : "–") << "</td><td class=\"num\">" << e.claims
           << "</td><td class=\"num\">" << e.corroborated << "</td><td class=\"num\">"
           << e.contradicted << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(data_.speakers().size(), shown, "speakers");
  }

  void Camps() {
    const graph::SourceNetwork& net = data_.network();
    out_ << "<h2 id=\"camps\">Narrative camps</h2>\n";
    if (net.sources.empty()) {
      out_ << "<p>No source's claims are linked to another source's.</p>\n";
      return;
    }
    out_ << "<p class=\"note\">" << H(CampsSummary(net)) << "</p>\n";
    {
      std::vector<const graph::SourceNode*> nodes;
      for (const graph::SourceNode& s : net.sources) nodes.push_back(&s);
      std::stable_sort(nodes.begin(), nodes.end(), [](auto* x, auto* y) {
        return x->agreements + x->contradictions > y->agreements + y->contradictions;
      });
      if (nodes.size() > kGraphSources) nodes.resize(kGraphSources);
      std::vector<svg::CampNode> graph_nodes;
      std::vector<std::string> names;
      for (const graph::SourceNode* s : nodes) {
        graph_nodes.push_back({s->source, s->camp, double(s->agreements + s->contradictions)});
        names.push_back(s->source);
      }
      Figure(svg::CampGraphChart(graph_nodes, PairCells(names), {"Narrative camps", 760}),
             "The " + Plural(nodes.size(), "most linked source", "most linked sources") +
                 " by camp; a line joins two sources whose claims are linked (green: mostly "
                 "agreements, red dashed: mostly contradictions; thicker: more links); a "
                 "larger circle: more links.");
    }
    out_ << "<table class=\"sortable\"><thead><tr><th class=\"num\">Camp</th><th>Source</th><th "
            "class=\"num\">Linked sources</th><th class=\"num\">Agreements</th><th "
            "class=\"num\">Contradictions</th><th class=\"num\">Betweenness</th></tr></thead>"
            "<tbody>\n";
    for (const graph::SourceNode& s : net.sources)
      out_ << "<tr class=\"fi camp" << s.camp % 2 << "\" data-source=\"" << H(s.source)
           << "\"><td class=\"num\">" << s.camp + 1 << "</td><td>" << H(s.source)
           << "</td><td class=\"num\">" << s.partners << "</td><td class=\"num\">" << s.agreements
           << "</td><td class=\"num\">" << s.contradictions << "</td><td class=\"num\">"
           << Fixed(s.betweenness) << "</td></tr>\n";
    out_ << "</tbody></table>\n";
  }

  // The run's source-pair counts between `names`, as chart cells.
  std::vector<svg::PairCell> PairCells(const std::vector<std::string>& names) const {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < names.size(); ++i) index.emplace(names[i], i);
    std::vector<svg::PairCell> cells;
    for (const auto& [pair, counts] : pair_counts_) {
      const auto a = index.find(pair.first), b = index.find(pair.second);
      if (a != index.end() && b != index.end())
        cells.push_back({a->second, b->second, counts.first, counts.second});
    }
    return cells;
  }

  void Matrix() {
    out_ << "<h2 id=\"matrix\">Sources against sources</h2>\n";
    if (pair_counts_.empty()) {
      out_ << "<p>No source's claims are linked to another source's.</p>\n";
      return;
    }
    std::unordered_map<std::string, int> camp;
    for (const graph::SourceNode& s : data_.network().sources) camp.emplace(s.source, s.camp);
    std::vector<std::string> names;
    for (const Evidence& e : data_.sources()) {
      if (names.size() == kMatrixSources) break;
      if (camp.count(e.name)) names.push_back(e.name);
    }
    std::stable_sort(names.begin(), names.end(), [&](const std::string& x, const std::string& y) {
      return std::tie(camp[x], x) < std::tie(camp[y], y);
    });
    Figure(svg::SourceMatrixChart(names, PairCells(names), {"Sources against sources", 760}),
           "Agreements and contradictions between the " +
               Plural(names.size(), "linked source", "linked sources") +
               " with the most claims, grouped by camp: green cells agree, red cells "
               "contradict, paler cells have fewer links. The counts per window are under <a "
               "href=\"#pairs\">Source pairs over time</a>.");
  }

  void Contested() {
    const auto& contested = data_.contested();
    out_ << "<h2 id=\"contested\">Most contested claims</h2>\n";
    if (contested.empty()) {
      out_ << "<p>No claim is in more than one contradiction.</p>\n";
      return;
    }
    out_ << "<p class=\"note\">The claims in the most contradictions, with the contradictions "
            "they are in.</p>\n";
    size_t shown = 0;
    for (const ReportData::Contested& k : contested) {
      if (shown == kContestedShown || Capped(shown)) break;
      ++shown;
      out_ << "<section class=\"fi pair contested\" id=\"k" << shown << "\""
           << FilterAttrs(*k.claim) << "><h3>K" << shown << ". " << H(k.claim->source) << " — in "
           << Plural(k.links.size(), "contradiction", "contradictions") << ":";
      for (const ClaimLink* l : k.links) out_ << " " << Ref("c", "C", contradiction_.at(l));
      out_ << "</h3>\n";
      HtmlCite(data_, *k.claim, "Claim", out_);
      out_ << "</section>\n";
    }
    LeftOut(contested.size(), shown, "contested claims");
  }

  void Contradictions() {
    const auto& links = data_.links(Relation::kContradict);
    out_ << "<h2 id=\"contradictions\">Contradictions (" << links.size() << ")</h2>\n"
         << "<p class=\"note\">Pairs of claims about the same thing at the same time that cannot "
            "both be true. Claims about different times are listed under <a "
            "href=\"#updates\">Updates</a> instead.</p>\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (Capped(shown)) break;
      ++shown;
      const Claim& a = *data_.claim(l->a);
      const Claim& b = *data_.claim(l->b);
      const size_t n = contradiction_.at(l);
      out_ << "<section class=\"fi pair contradict\" id=\"c" << n << "\"" << FilterAttrs(a, &b)
           << "><h3>C" << n << ". " << H(a.source) << " vs " << H(b.source);
      if (!a.proposition.empty()) out_ << " — " << H(data_.PropositionLabel(a.proposition));
      out_ << "</h3>\n";
      HtmlReasons(*l, out_, &data_);
      HtmlCite(data_, a, "A", out_);
      HtmlCite(data_, b, "B", out_);
      out_ << "</section>\n";
    }
    LeftOut(links.size(), shown, "contradictions");
  }

  void Updates() {
    const auto& links = data_.links(Relation::kUpdate);
    out_ << "<h2 id=\"updates\">Updates (" << links.size() << ")</h2>\n"
         << "<p class=\"note\">Claims about the same thing at different times (a later state of "
            "affairs, a moved deadline, a resolved forecast): not contradictions.</p>\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (Capped(shown)) break;
      ++shown;
      const TimeRelation t = DescribeTimeRelation(*data_.claim(l->a), *data_.claim(l->b));
      out_ << "<section class=\"fi pair update\" id=\"u" << shown << "\""
           << FilterAttrs(*t.earlier, t.later) << "><h3>U" << shown << ". " << H(t.earlier->source)
           << " &rarr; " << H(t.later->source);
      if (!t.earlier->proposition.empty())
        out_ << " — " << H(data_.PropositionLabel(t.earlier->proposition));
      out_ << "</h3>\n<div class=\"time\">" << H(t.text) << "</div>\n";
      HtmlReasons(*l, out_, &data_);
      HtmlCite(data_, *t.earlier, "Earlier", out_);
      HtmlCite(data_, *t.later, "Later", out_);
      out_ << "</section>\n";
    }
    LeftOut(links.size(), shown, "updates");
  }

  void Agreements() {
    const auto& links = data_.links(Relation::kAgree);
    out_ << "<h2 id=\"agreements\">Agreements (" << links.size() << ")</h2>\n";
    if (links.empty()) return;
    out_ << "<details" << (links.size() <= 20 ? " open" : "") << "><summary>"
         << Plural(links.size(), "agreeing pair", "agreeing pairs") << "</summary>\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (Capped(shown)) break;
      ++shown;
      const Claim& a = *data_.claim(l->a);
      const Claim& b = *data_.claim(l->b);
      out_ << "<section class=\"fi pair agree\" id=\"a" << agreement_.at(l) << "\""
           << FilterAttrs(a, &b) << "><h3>A" << agreement_.at(l) << ". " << H(a.source) << " and "
           << H(b.source)
           << (data_.Independent(a, b) ? "" : " <span class=\"badge\">not independent</span>")
           << "</h3>\n";
      HtmlReasons(*l, out_, &data_);
      HtmlCite(data_, a, "A", out_);
      HtmlCite(data_, b, "B", out_);
      out_ << "</section>\n";
    }
    out_ << "</details>\n";
    LeftOut(links.size(), shown, "agreements");
  }

  void SourcePairs() {
    out_ << "<h2 id=\"pairs\">Source pairs over time</h2>\n";
    if (r_.source_windows.empty()) {
      out_ << "<p>No source pair shares a linked claim.</p>\n";
      return;
    }
    out_ << "<table class=\"sortable\"><thead><tr><th>Window</th><th>Source A</th><th>Source "
            "B</th><th "
            "class=\"num\">Agreements</th><th class=\"num\">Contradictions</th></tr></thead>"
            "<tbody>\n";
    size_t shown = 0;
    for (const engine::SourcePairWindow& w : r_.source_windows) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<tr class=\"fi\" data-source=\"" << H(w.source_a + "|" + w.source_b) << "\"><td>"
           << H(w.window) << "</td><td>" << H(w.source_a) << "</td><td>" << H(w.source_b)
           << "</td><td class=\"num\">" << w.agreements << "</td><td class=\"num\">"
           << w.contradictions << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(r_.source_windows.size(), shown, "source pairs");
  }

  std::string DocumentCell(int64_t id) {
    const engine::Document* d = data_.document(id);
    std::string s = "document " + std::to_string(id);
    if (!d) return s;
    const std::string href = SafeHref(d->url);
    const std::string title = H(d->title.empty() ? s : d->title);
    s = href.empty() ? title : "<a href=\"" + H(href) + "\">" + title + "</a>";
    if (!d->date.empty()) s += " (" + H(d->date) + ")";
    return s;
  }

  void Copies() {
    out_ << "<h2 id=\"copies\">Copies and syndication (" << r_.copies.size() << ")</h2>\n";
    if (r_.copies.empty()) {
      out_ << "<p>No near-duplicate documents.</p>\n";
      return;
    }
    out_ << "<p class=\"note\">Near-identical documents; their agreement counts once, not as "
            "independent corroboration.</p>\n<table><thead><tr><th>Source A</th><th>Document "
            "A</th><th>Source B</th><th>Document B</th><th "
            "class=\"num\">Resemblance</th></tr></thead><tbody>\n";
    size_t shown = 0;
    for (const engine::CopyPair& c : r_.copies) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<tr class=\"fi\" data-source=\"" << H(c.source_a + "|" + c.source_b) << "\"><td>"
           << H(c.source_a) << "</td><td>" << DocumentCell(c.document_a) << "</td><td>"
           << H(c.source_b) << "</td><td>" << DocumentCell(c.document_b)
           << "</td><td class=\"num\">" << Fixed(c.score) << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(r_.copies.size(), shown, "copies");
  }

  // The chart of the proposition's first kTimelinePoints claims, with the links among them.
  std::string TimelineSvg(const ReportData::Timeline& t,
                          const std::vector<svg::TimelineLink>& links) const {
    std::vector<svg::TimelinePoint> points;
    for (const Claim* c : t.claims) {
      if (points.size() == kTimelinePoints) break;
      svg::TimelinePoint p;
      p.date = c->date;
      p.lane = c->source;
      const std::string speaker = SpeakerLabel(*c);
      p.label = (speaker.empty() ? c->source : speaker) + ": " + c->text;
      p.negated = c->polarity == engine::Polarity::kNegated;
      p.forecast = c->modality == engine::Modality::kForecast;
      for (const engine::TimeRef& ref : c->about)
        if (!ref.end.empty()) p.deadline = ref.end;
      points.push_back(std::move(p));
    }
    return svg::TimelineChart(points, links, {"Timeline: " + t.label, 760});
  }

  // The links between the claims each charted timeline draws, by timeline.
  std::vector<std::vector<svg::TimelineLink>> TimelineLinks(size_t charts) const {
    std::unordered_map<int64_t, std::pair<size_t, size_t>> where;  // claim id -> (timeline, point)
    const auto& timelines = data_.timelines();
    for (size_t i = 0; i < charts; ++i)
      for (size_t k = 0; k < timelines[i].claims.size() && k < kTimelinePoints; ++k)
        where.emplace(timelines[i].claims[k]->id, std::make_pair(i, k));
    std::vector<std::vector<svg::TimelineLink>> links(charts);
    const std::pair<Relation, svg::LinkKind> kinds[] = {
        {Relation::kContradict, svg::LinkKind::kContradict},
        {Relation::kUpdate, svg::LinkKind::kUpdate},
        {Relation::kAgree, svg::LinkKind::kAgree}};
    for (const auto& [relation, kind] : kinds) {
      for (const ClaimLink* l : data_.links(relation)) {
        const auto a = where.find(l->a), b = where.find(l->b);
        if (a == where.end() || b == where.end() || a->second.first != b->second.first) continue;
        auto& v = links[a->second.first];
        if (v.size() < kTimelineLinks) v.push_back({a->second.second, b->second.second, kind});
      }
    }
    return links;
  }

  void Timelines() {
    const auto& timelines = data_.timelines();
    out_ << "<h2 id=\"timelines\">Timelines (" << timelines.size() << " propositions)</h2>\n";
    if (timelines.empty()) {
      out_ << "<p>No proposition is stated by two or more claims.</p>\n";
      return;
    }
    out_ << "<p class=\"note\">The propositions stated by the most claims. Each chart has a lane "
            "per source and the claims by date: filled circles affirm, hollow circles negate, "
            "diamonds are forecasts with a dashed line to their deadline; arcs join linked claims "
            "(red: contradiction, grey dashed: update, green: agreement). Hover for the "
            "sentence. The table below each chart lists the first claims in date order.</p>\n";
    const size_t charts =
        std::min(timelines.size(),
                 opt_.max_items ? std::min(opt_.max_items, kTimelineCharts) : kTimelineCharts);
    const auto links = TimelineLinks(charts);
    size_t shown = 0;
    for (const ReportData::Timeline& t : timelines) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<h3 id=\"t" << shown << "\">" << H(t.label) << "</h3>\n<p class=\"meta\"><code>"
           << H(t.key) << "</code> · " << Plural(t.claims.size(), "claim", "claims") << ", "
           << Plural(t.contradictions, "contradiction", "contradictions") << ", "
           << Plural(t.updates, "update", "updates") << "</p>\n";
      if (shown <= charts)
        Figure(TimelineSvg(t, links[shown - 1]),
               t.claims.size() > kTimelinePoints
                   ? "The first " + std::to_string(kTimelinePoints) + " of " +
                         Plural(t.claims.size(), "claim", "claims") + " by date."
                   : Plural(t.claims.size(), "claim", "claims") + " by date.");
      out_ << "<details" << (t.claims.size() <= 8 ? " open" : "") << "><summary>"
           << Plural(t.claims.size(), "claim", "claims") << "</summary>\n"
           << "<table class=\"sortable\"><thead><tr><th>Date</th><th>Source</th><th>Speaker</th>"
              "<th>Stance</th><th>Claim</th></tr></thead><tbody>\n";
      size_t rows = 0;
      for (const Claim* c : t.claims) {
        if (rows == kTimelineRows || Capped(rows)) break;
        ++rows;
        out_ << "<tr class=\"fi\"" << FilterAttrs(*c) << "><td>"
             << (c->date.empty() ? "undated" : H(c->date)) << "</td><td>" << H(c->source)
             << "</td><td>"
             << (c->speaker.empty() ? "<span class=\"note\">(outlet)</span>" : H(SpeakerLabel(*c)))
             << "</td><td class=\"" << (c->polarity == engine::Polarity::kNegated ? "neg" : "aff")
             << "\">" << H(StanceLabel(*c)) << "</td><td>" << H(c->text)
             << " <span class=\"badge\">claim " << c->id << "</span></td></tr>\n";
      }
      out_ << "</tbody></table></details>\n";
      LeftOut(t.claims.size(), rows, "claims");
    }
    LeftOut(timelines.size(), shown, "timelines");
  }

  // A link to entry n of a list section, or plain text when the section stops before n.
  std::string Ref(const char* anchor, const char* label, size_t n) const {
    const std::string text = label + std::to_string(n);
    if (Capped(n - 1)) return text;
    return "<a href=\"#" + std::string(anchor) + std::to_string(n) + "\">" + text + "</a>";
  }

  void EvidencePerSource() {
    out_ << "<h2 id=\"evidence\">Evidence per source</h2>\n<p class=\"note\">The links behind "
            "each source's agreement and contradiction counts.</p>\n";
    size_t sources_shown = 0;
    for (const Evidence& e : data_.sources()) {
      if (sources_shown++ == SourceCap()) break;
      out_ << "<h3 id=\"ev-" << source_anchor_.at(e.name) << "\">" << H(e.name) << "</h3>\n";
      if (e.contradiction_links.empty() && e.agreement_links.empty()) {
        out_ << "<p class=\"note\">No links touch this source's claims.</p>\n";
        continue;
      }
      out_ << "<p>";
      if (!e.contradiction_links.empty()) {
        out_ << "Contradictions:";
        size_t shown = 0;
        for (const ClaimLink* l : e.contradiction_links) {
          if (Capped(shown)) break;
          ++shown;
          const size_t n = contradiction_.at(l);
          out_ << " " << Ref("c", "C", n);
        }
        if (shown < e.contradiction_links.size())
          out_ << " and " << (e.contradiction_links.size() - shown) << " more";
        out_ << "<br>";
      }
      if (!e.agreement_links.empty()) {
        out_ << "Agreements:";
        size_t shown = 0;
        for (const ClaimLink* l : e.agreement_links) {
          if (Capped(shown)) break;
          ++shown;
          const size_t n = agreement_.at(l);
          out_ << " " << Ref("a", "A", n);
        }
        if (shown < e.agreement_links.size())
          out_ << " and " << (e.agreement_links.size() - shown) << " more";
      }
      out_ << "</p>\n";
    }
  }

  void Documents() {
    out_ << "<h2 id=\"documents\">Documents (" << r_.documents.size() << ")</h2>\n";
    if (r_.documents.empty()) return;
    out_ << "<table><thead><tr><th class=\"num\">ID</th><th>Source</th><th>Date</th>"
            "<th>Title</th></tr></thead><tbody>\n";
    size_t shown = 0;
    for (const engine::Document& d : r_.documents) {
      if (Capped(shown)) break;
      ++shown;
      const std::string href = SafeHref(d.url);
      out_ << "<tr class=\"fi\" data-source=\"" << H(d.source) << "\"><td class=\"num\">" << d.id
           << "</td><td>" << H(d.source)
           << (d.source_inferred ? " <span class=\"badge\">inferred</span>" : "") << "</td><td>"
           << H(d.date) << (d.date_inferred ? " <span class=\"badge\">inferred</span>" : "")
           << "</td><td>"
           << (href.empty()
                   ? H(d.title)
                   : "<a href=\"" + H(href) + "\">" + H(d.title.empty() ? d.url : d.title) + "</a>")
           << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(r_.documents.size(), shown, "documents");
  }

  const ReportData& data_;
  const engine::AnalysisResult& r_;
  std::ostream& out_;
  const ReportOptions& opt_;
  std::unordered_map<const ClaimLink*, size_t> contradiction_;
  std::unordered_map<const ClaimLink*, size_t> agreement_;
  std::unordered_map<std::string, size_t> source_anchor_;
  // Agreements and contradictions per source pair (names in order), summed over the windows.
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> pair_counts_;
};

}  // namespace

void WriteHtmlReport(const ReportData& data, std::ostream& out, const ReportOptions& options) {
  HtmlWriter(data, out, options).Write();
}

}  // namespace claimgraph::io::report
