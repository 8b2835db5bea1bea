#include "io/report/html_report.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "io/report/escape.h"
#include "io/report/format_util.h"
#include "io/report/render_parts.h"

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::ClaimLink;
using engine::Relation;

std::string H(const std::string& s) { return HtmlEscape(s); }

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
  }

  void Write() {
    const std::string title = opt_.title.empty() ? "Source-reliability report" : opt_.title;
    HtmlPageStart(title, out_);
    out_ << "<h1>" << H(title) << "</h1>\n";
    Header();
    out_
        << "<nav class=\"toc\"><a href=\"#sources\">Source reliability</a><a "
           "href=\"#speakers\">Speakers</a><a href=\"#camps\">Narrative camps</a><a "
           "href=\"#contested\">Most contested</a><a href=\"#contradictions\">Contradictions</a><a "
           "href=\"#updates\">Updates</a><a href=\"#agreements\">Agreements</a><a "
           "href=\"#pairs\">Source pairs over time</a><a href=\"#copies\">Copies</a><a "
           "href=\"#timelines\">Timelines</a><a href=\"#evidence\">Evidence per source</a><a "
           "href=\"#documents\">Documents</a></nav>\n";
    Sources();
    Speakers();
    Camps();
    Contested();
    Contradictions();
    Updates();
    Agreements();
    SourcePairs();
    Copies();
    Timelines();
    EvidencePerSource();
    Documents();
    HtmlPageEnd(out_);
  }

 private:
  bool Capped(size_t shown) const { return opt_.max_items && shown >= opt_.max_items; }
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
    out_ << "<p class=\"note\">Claims: claims the source published. Corroborated: its claims "
            "agreed with by an independent source (not a copy). Contradicted: its claims "
            "contradicted by another source. Agreements / contradictions: links touching its "
            "claims; each count links to the sentences behind it.</p>\n"
            "<table><thead><tr><th>Source</th><th class=\"num\">Reliability</th><th "
            "class=\"num\">Uncertainty</th><th class=\"num\">Claims</th><th "
            "class=\"num\">Corroborated</th><th class=\"num\">Contradicted</th><th "
            "class=\"num\">Agreements</th><th class=\"num\">Contradictions</th><th "
            "class=\"num\">Failed forecasts</th></tr></thead><tbody>\n";
    for (const Evidence& e : data_.sources()) {
      out_ << "<tr><td>" << H(e.name) << "</td><td class=\"num\">";
      if (e.score) {
        const int width = static_cast<int>(std::clamp(e.score->reliability, 0.0, 1.0) * 80);
        out_ << "<span class=\"bar\" style=\"width:" << width << "px\"></span>"
             << Fixed(e.score->reliability);
      } else {
        out_ << "–";
      }
      out_ << "</td><td class=\"num\">" << (e.score ? "±" + Fixed(e.score->uncertainty) : "–")
           << "</td><td class=\"num\">" << e.claims << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.corroborated) << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.contradicted) << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.agreements) << "</td><td class=\"num\">"
           << EvidenceLink(e.name, e.contradictions) << "</td><td class=\"num\">"
           << (e.score ? e.score->failed_forecasts : 0) << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    const std::vector<std::string> windows = data_.ReliabilityWindows();
    if (windows.empty()) return;
    out_ << "<h3>Reliability per window</h3>\n<p class=\"note\">Each cell: reliability (claims in "
            "the window).</p>\n<table><thead><tr><th>Source</th>";
    for (const std::string& w : windows) out_ << "<th class=\"num\">" << H(w) << "</th>";
    out_ << "</tr></thead><tbody>\n";
    for (const Evidence& e : data_.sources()) {
      if (!e.score || e.score->windows.empty()) continue;
      out_ << "<tr><td>" << H(e.name) << "</td>";
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
  }

  void Speakers() {
    out_ << "<h2 id=\"speakers\">Speakers</h2>\n";
    if (data_.speakers().empty()) {
      out_ << "<p>No named speakers.</p>\n";
      return;
    }
    out_ << "<table><thead><tr><th>Speaker</th><th>Role</th><th "
            "class=\"num\">Reliability</th><th class=\"num\">Uncertainty</th><th "
            "class=\"num\">Claims</th><th class=\"num\">Corroborated</th><th "
            "class=\"num\">Contradicted</th></tr></thead><tbody>\n";
    size_t shown = 0;
    for (const Evidence& e : data_.speakers()) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<tr><td>" << H(e.name) << "</td><td>" << H(e.role) << "</td><td class=\"num\">"
           << (e.score ? Fixed(e.score->reliability) : "–") << "</td><td class=\"num\">"
           << (e.score ? "±" + Fixed(e.score->uncertainty) : "–") << "</td><td class=\"num\">"
           << e.claims << "</td><td class=\"num\">" << e.corroborated << "</td><td class=\"num\">"
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
    out_ << "<p class=\"note\">" << H(CampsSummary(net)) << "</p>\n"
         << "<table><thead><tr><th class=\"num\">Camp</th><th>Source</th><th "
            "class=\"num\">Linked sources</th><th class=\"num\">Agreements</th><th "
            "class=\"num\">Contradictions</th><th class=\"num\">Betweenness</th></tr></thead>"
            "<tbody>\n";
    for (const graph::SourceNode& s : net.sources)
      out_ << "<tr class=\"camp" << s.camp % 2 << "\"><td class=\"num\">" << s.camp + 1
           << "</td><td>" << H(s.source) << "</td><td class=\"num\">" << s.partners
           << "</td><td class=\"num\">" << s.agreements << "</td><td class=\"num\">"
           << s.contradictions << "</td><td class=\"num\">" << Fixed(s.betweenness)
           << "</td></tr>\n";
    out_ << "</tbody></table>\n";
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
      out_ << "<section class=\"pair contested\" id=\"k" << shown << "\"><h3>K" << shown << ". "
           << H(k.claim->source) << " — in "
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
      out_ << "<section class=\"pair contradict\" id=\"c" << n << "\"><h3>C" << n << ". "
           << H(a.source) << " vs " << H(b.source);
      if (!a.proposition.empty()) out_ << " — " << H(data_.PropositionLabel(a.proposition));
      out_ << "</h3>\n";
      HtmlReasons(*l, out_);
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
      out_ << "<section class=\"pair update\" id=\"u" << shown << "\"><h3>U" << shown << ". "
           << H(t.earlier->source) << " &rarr; " << H(t.later->source);
      if (!t.earlier->proposition.empty())
        out_ << " — " << H(data_.PropositionLabel(t.earlier->proposition));
      out_ << "</h3>\n<div class=\"time\">" << H(t.text) << "</div>\n";
      HtmlReasons(*l, out_);
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
      out_ << "<section class=\"pair agree\" id=\"a" << agreement_.at(l) << "\"><h3>A"
           << agreement_.at(l) << ". " << H(a.source) << " and " << H(b.source)
           << (data_.Independent(a, b) ? "" : " <span class=\"badge\">not independent</span>")
           << "</h3>\n";
      HtmlReasons(*l, out_);
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
    out_ << "<table><thead><tr><th>Window</th><th>Source A</th><th>Source B</th><th "
            "class=\"num\">Agreements</th><th class=\"num\">Contradictions</th></tr></thead>"
            "<tbody>\n";
    size_t shown = 0;
    for (const engine::SourcePairWindow& w : r_.source_windows) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<tr><td>" << H(w.window) << "</td><td>" << H(w.source_a) << "</td><td>"
           << H(w.source_b) << "</td><td class=\"num\">" << w.agreements
           << "</td><td class=\"num\">" << w.contradictions << "</td></tr>\n";
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
      out_ << "<tr><td>" << H(c.source_a) << "</td><td>" << DocumentCell(c.document_a)
           << "</td><td>" << H(c.source_b) << "</td><td>" << DocumentCell(c.document_b)
           << "</td><td class=\"num\">" << Fixed(c.score) << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
    LeftOut(r_.copies.size(), shown, "copies");
  }

  void Timelines() {
    const auto& timelines = data_.timelines();
    out_ << "<h2 id=\"timelines\">Timelines (" << timelines.size() << " propositions)</h2>\n";
    if (timelines.empty()) {
      out_ << "<p>No proposition is stated by two or more claims.</p>\n";
      return;
    }
    out_ << "<p class=\"note\">Each proposition's claims in date order: who said it, where, and "
            "whether they affirmed or negated it.</p>\n";
    size_t shown = 0;
    for (const ReportData::Timeline& t : timelines) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "<h3 id=\"t" << shown << "\">" << H(t.label) << "</h3>\n<p class=\"meta\"><code>"
           << H(t.key) << "</code> · " << Plural(t.claims.size(), "claim", "claims") << ", "
           << Plural(t.contradictions, "contradiction", "contradictions") << ", "
           << Plural(t.updates, "update", "updates") << "</p>\n"
           << "<table><thead><tr><th>Date</th><th>Source</th><th>Speaker</th><th>Stance</th>"
              "<th>Claim</th></tr></thead><tbody>\n";
      size_t rows = 0;
      for (const Claim* c : t.claims) {
        if (Capped(rows)) break;
        ++rows;
        out_ << "<tr><td>" << (c->date.empty() ? "undated" : H(c->date)) << "</td><td>"
             << H(c->source) << "</td><td>"
             << (c->speaker.empty() ? "<span class=\"note\">(outlet)</span>" : H(SpeakerLabel(*c)))
             << "</td><td class=\"" << (c->polarity == engine::Polarity::kNegated ? "neg" : "aff")
             << "\">" << H(StanceLabel(*c)) << "</td><td>" << H(c->text)
             << " <span class=\"badge\">claim " << c->id << "</span></td></tr>\n";
      }
      out_ << "</tbody></table>\n";
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
    for (const Evidence& e : data_.sources()) {
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
      out_ << "<tr><td class=\"num\">" << d.id << "</td><td>" << H(d.source)
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
};

}  // namespace

void WriteHtmlReport(const ReportData& data, std::ostream& out, const ReportOptions& options) {
  HtmlWriter(data, out, options).Write();
}

}  // namespace claimgraph::io::report
