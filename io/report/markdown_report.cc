#include "io/report/markdown_report.h"

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

std::string E(const std::string& s) { return MarkdownEscape(s); }

class MarkdownWriter {
 public:
  MarkdownWriter(const ReportData& data, std::ostream& out, const ReportOptions& options)
      : data_(data), r_(data.result()), out_(out), opt_(options) {
    // Number contradictions in report order so evidence lists can point at them.
    size_t i = 0;
    for (const ClaimLink* l : data.links(Relation::kContradict)) number_.emplace(l, ++i);
  }

  void Write() {
    Header();
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
  }

 private:
  bool Capped(size_t shown) const { return opt_.max_items && shown >= opt_.max_items; }
  void LeftOut(size_t total, size_t shown, const char* what) {
    if (shown < total)
      out_ << "\n*" << (total - shown) << " more " << what
           << " not shown (all are in the JSON export).*\n";
  }

  void Header() {
    out_ << "# " << E(opt_.title.empty() ? "Source-reliability report" : opt_.title) << "\n\n";
    out_ << "Run " << r_.run_id;
    if (!r_.created_at.empty()) out_ << ", " << E(r_.created_at);
    if (!r_.program_version.empty()) out_ << ", claimgraph " << E(r_.program_version);
    out_ << ". Reliability: "
         << E(r_.reliability_method.empty() ? "(not scored)" : r_.reliability_method);
    if (!r_.reliability_method.empty())
      out_ << " (" << Plural(static_cast<size_t>(r_.iterations), "iteration", "iterations") << ", "
           << (r_.converged ? "converged" : "not converged") << ")";
    out_ << ".\n\n";
    out_ << "- " << Plural(r_.documents.size(), "document", "documents") << " from "
         << Plural(data_.sources().size(), "source", "sources") << "; "
         << Plural(r_.claims.size(), "claim", "claims") << " by "
         << Plural(data_.speakers().size(), "named speaker", "named speakers") << "\n";
    out_ << "- links: "
         << Plural(data_.links(Relation::kContradict).size(), "contradiction", "contradictions")
         << ", " << Plural(data_.links(Relation::kUpdate).size(), "update", "updates") << ", "
         << Plural(data_.links(Relation::kAgree).size(), "agreement", "agreements") << ", "
         << Plural(data_.links(Relation::kCopy).size(), "copied claim", "copied claims") << "; "
         << Plural(r_.copies.size(), "copied document pair", "copied document pairs") << "\n";
    if (data_.dangling_links())
      out_ << "- " << Plural(data_.dangling_links(), "link names", "links name")
           << " claims that are not in the run and are left out\n";
    out_ << "\nEvery claim below is quoted exactly as it appears in its document, with the "
            "document, the "
            "speaker, the date and the character span [start, end) in code points of the "
            "document's text.\n";
  }

  void Cite(const Claim& c, const char* tag) { MarkdownCite(data_, c, tag, out_); }
  void Reasons(const ClaimLink& l) { MarkdownReasons(l, out_, &data_); }

  void Sources() {
    out_ << "\n## Source reliability\n\n";
    if (data_.sources().empty()) {
      out_ << "No sources.\n";
      return;
    }
    out_ << "Claims: claims the source published. Corroborated: its claims agreed with by an "
            "independent "
            "source (not a copy). Contradicted: its claims contradicted by another source. "
            "Agreements / "
            "contradictions: links touching its claims (listed under *Evidence per source*). "
            "Reliability: the probability that a claim of the source holds (n = its claims that "
            "carry evidence: corroborated, contradicted or fact-checked), with its 95% "
            "interval.\n\n";
    out_ << "| Source | Reliability | 95% interval | Claims | Corroborated | Contradicted | "
            "Agreements | "
            "Contradictions | Failed forecasts |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Evidence& e : data_.sources()) {
      out_ << "| " << E(e.name) << " | " << (e.score ? ScoreWithEvidence(*e.score) : "–") << " | "
           << (e.score ? IntervalText(*e.score) : "–") << " | " << e.claims << " | "
           << e.corroborated << " | " << e.contradicted << " | " << e.agreements << " | "
           << e.contradictions << " | " << (e.score ? e.score->failed_forecasts : 0) << " |\n";
    }
    const std::vector<std::string> windows = data_.ReliabilityWindows();
    if (windows.empty()) return;
    out_ << "\n### Reliability per window\n\nEach cell: reliability (claims in the window).\n\n| "
            "Source |";
    for (const std::string& w : windows) out_ << " " << E(w) << " |";
    out_ << "\n|---|";
    for (size_t i = 0; i < windows.size(); ++i) out_ << "---:|";
    out_ << "\n";
    for (const Evidence& e : data_.sources()) {
      if (!e.score || e.score->windows.empty()) continue;
      out_ << "| " << E(e.name) << " |";
      for (const std::string& w : windows) {
        const engine::ReliabilityWindow* found = nullptr;
        for (const auto& rw : e.score->windows)
          if (rw.window == w) found = &rw;
        if (found)
          out_ << " " << Fixed(found->reliability) << " (" << found->claims << ") |";
        else
          out_ << " – |";
      }
      out_ << "\n";
    }
  }

  void Speakers() {
    out_ << "\n## Speakers\n\n";
    if (data_.speakers().empty()) {
      out_ << "No named speakers.\n";
      return;
    }
    out_ << "| Speaker | Role | Reliability | 95% interval | Claims | Corroborated | Contradicted "
            "|\n"
            "|---|---|---:|---:|---:|---:|---:|\n";
    size_t shown = 0;
    for (const Evidence& e : data_.speakers()) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "| " << E(e.name) << " | " << E(e.role) << " | "
           << (e.score ? ScoreWithEvidence(*e.score) : "–") << " | "
           << (e.score ? IntervalText(*e.score) : "–") << " | " << e.claims << " | "
           << e.corroborated << " | " << e.contradicted << " |\n";
    }
    LeftOut(data_.speakers().size(), shown, "speakers");
  }

  void Camps() {
    const graph::SourceNetwork& net = data_.network();
    out_ << "\n## Narrative camps\n\n";
    if (net.sources.empty()) {
      out_ << "No source's claims are linked to another source's.\n";
      return;
    }
    out_ << E(CampsSummary(net)) << "\n\n| Camp | Source | Linked sources | Agreements | "
         << "Contradictions | Betweenness |\n|---:|---|---:|---:|---:|---:|\n";
    for (const graph::SourceNode& s : net.sources)
      out_ << "| " << s.camp + 1 << " | " << E(s.source) << " | " << s.partners << " | "
           << s.agreements << " | " << s.contradictions << " | " << Fixed(s.betweenness) << " |\n";
  }

  void Contested() {
    const auto& contested = data_.contested();
    out_ << "\n## Most contested claims\n\n";
    if (contested.empty()) {
      out_ << "No claim is in more than one contradiction.\n";
      return;
    }
    out_ << "The claims in the most contradictions, with the contradictions they are in.\n";
    size_t shown = 0;
    for (const ReportData::Contested& k : contested) {
      if (shown == kContestedShown || Capped(shown)) break;
      ++shown;
      out_ << "\n### K" << shown << ". " << E(k.claim->source) << " — in "
           << Plural(k.links.size(), "contradiction", "contradictions") << ":";
      for (const ClaimLink* l : k.links) {
        const size_t n = number_.at(l);
        out_ << (l == k.links.front() ? " " : ", ");
        if (Capped(n - 1))
          out_ << "C" << n;
        else
          out_ << "[C" << n << "](#c" << n << ")";
      }
      out_ << "\n";
      Cite(*k.claim, "Claim:");
    }
    LeftOut(contested.size(), shown, "contested claims");
  }

  void Contradictions() {
    const auto& links = data_.links(Relation::kContradict);
    out_ << "\n## Contradictions (" << links.size() << ")\n\n";
    out_
        << "Pairs of claims about the same thing at the same time that cannot both be true. Claims "
           "about different times are listed under *Updates* instead.\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (Capped(shown)) break;
      ++shown;
      const Claim& a = *data_.claim(l->a);
      const Claim& b = *data_.claim(l->b);
      out_ << "\n<a id=\"c" << number_.at(l) << "\"></a>\n### C" << number_.at(l) << ". "
           << E(a.source) << " vs " << E(b.source);
      if (!a.proposition.empty()) out_ << " — " << E(data_.PropositionLabel(a.proposition));
      out_ << "\n\n";
      Reasons(*l);
      Cite(a, "A:");
      Cite(b, "B:");
    }
    LeftOut(links.size(), shown, "contradictions");
  }

  void Updates() {
    const auto& links = data_.links(Relation::kUpdate);
    out_ << "\n## Updates (" << links.size() << ")\n\n";
    out_ << "Claims about the same thing at different times (a later state of affairs, a moved "
            "deadline, a resolved forecast): not contradictions.\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (Capped(shown)) break;
      ++shown;
      const TimeRelation t = DescribeTimeRelation(*data_.claim(l->a), *data_.claim(l->b));
      out_ << "\n### U" << shown << ". " << E(t.earlier->source) << " → " << E(t.later->source);
      if (!t.earlier->proposition.empty())
        out_ << " — " << E(data_.PropositionLabel(t.earlier->proposition));
      out_ << "\n\nTime: " << E(t.text) << ". ";
      Reasons(*l);
      Cite(*t.earlier, "Earlier:");
      Cite(*t.later, "Later:");
    }
    LeftOut(links.size(), shown, "updates");
  }

  void Agreements() {
    const auto& links = data_.links(Relation::kAgree);
    out_ << "\n## Agreements (" << links.size() << ")\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (Capped(shown)) break;
      ++shown;
      const Claim& a = *data_.claim(l->a);
      const Claim& b = *data_.claim(l->b);
      out_ << "\n### A" << shown << ". " << E(a.source) << " and " << E(b.source)
           << (data_.Independent(a, b) ? "" : " (not independent)") << "\n\n";
      Reasons(*l);
      Cite(a, "A:");
      Cite(b, "B:");
    }
    LeftOut(links.size(), shown, "agreements");
  }

  void SourcePairs() {
    out_ << "\n## Source pairs over time\n\n";
    if (r_.source_windows.empty()) {
      out_ << "No source pair shares a linked claim.\n";
      return;
    }
    out_ << "| Window | Source A | Source B | Agreements | Contradictions "
            "|\n|---|---|---|---:|---:|\n";
    size_t shown = 0;
    for (const engine::SourcePairWindow& w : r_.source_windows) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "| " << E(w.window) << " | " << E(w.source_a) << " | " << E(w.source_b) << " | "
           << w.agreements << " | " << w.contradictions << " |\n";
    }
    LeftOut(r_.source_windows.size(), shown, "source pairs");
  }

  void Copies() {
    out_ << "\n## Copies and syndication (" << r_.copies.size() << ")\n\n";
    if (r_.copies.empty()) {
      out_ << "No near-duplicate documents.\n";
      return;
    }
    out_ << "Near-identical documents; their agreement counts once, not as independent "
            "corroboration.\n\n| Source A | Document A | Source B | Document B | Resemblance |\n"
            "|---|---|---|---|---:|\n";
    size_t shown = 0;
    for (const engine::CopyPair& c : r_.copies) {
      if (Capped(shown)) break;
      ++shown;
      auto doc = [&](int64_t id) {
        const engine::Document* d = data_.document(id);
        std::string s = std::to_string(id);
        if (d) s += ": " + E(d->title) + (d->date.empty() ? "" : " (" + E(d->date) + ")");
        return s;
      };
      out_ << "| " << E(c.source_a) << " | " << doc(c.document_a) << " | " << E(c.source_b) << " | "
           << doc(c.document_b) << " | " << Fixed(c.score) << " |\n";
    }
    LeftOut(r_.copies.size(), shown, "copies");
  }

  void Timelines() {
    const auto& timelines = data_.timelines();
    out_ << "\n## Timelines (" << timelines.size() << " propositions)\n\n";
    if (timelines.empty()) {
      out_ << "No proposition is stated by two or more claims.\n";
      return;
    }
    out_
        << "Each proposition's claims in date order: who said it, where, and whether they affirmed "
           "or negated it.\n";
    size_t shown = 0;
    for (const ReportData::Timeline& t : timelines) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "\n### " << E(t.label) << "\n\n`" << E(t.key) << "` · "
           << Plural(t.claims.size(), "claim", "claims") << ", "
           << Plural(t.contradictions, "contradiction", "contradictions") << ", "
           << Plural(t.updates, "update", "updates") << "\n\n"
           << "| Date | Source | Speaker | Stance | Claim |\n|---|---|---|---|---|\n";
      size_t rows = 0;
      for (const Claim* c : t.claims) {
        if (Capped(rows)) break;
        ++rows;
        out_ << "| " << (c->date.empty() ? "undated" : E(c->date)) << " | " << E(c->source) << " | "
             << (c->speaker.empty() ? "(outlet)" : E(SpeakerLabel(*c))) << " | " << StanceLabel(*c)
             << " | " << E(c->text) << " (claim " << c->id << ") |\n";
      }
      LeftOut(t.claims.size(), rows, "claims");
    }
    LeftOut(timelines.size(), shown, "timelines");
  }

  void EvidencePerSource() {
    out_
        << "\n## Evidence per source\n\nThe links behind each source's agreement and contradiction "
           "counts.\n";
    for (const Evidence& e : data_.sources()) {
      if (e.contradiction_links.empty() && e.agreement_links.empty()) continue;
      out_ << "\n### " << E(e.name) << "\n\n";
      if (!e.contradiction_links.empty()) {
        out_ << "- contradictions:";
        size_t shown = 0;
        for (const ClaimLink* l : e.contradiction_links) {
          if (Capped(shown)) break;
          ++shown;
          const size_t n = number_.at(l);
          out_ << (shown > 1 ? "," : "");
          if (Capped(n - 1))
            out_ << " C" << n;  // beyond the listed contradictions
          else
            out_ << " [C" << n << "](#c" << n << ")";
        }
        if (shown < e.contradiction_links.size())
          out_ << " and " << (e.contradiction_links.size() - shown) << " more";
        out_ << "\n";
      }
      if (!e.agreement_links.empty()) {
        out_ << "- agreements (claim pairs):";
        size_t shown = 0;
        for (const ClaimLink* l : e.agreement_links) {
          if (Capped(shown)) break;
          ++shown;
          out_ << (shown > 1 ? "," : "") << " " << l->a << "–" << l->b;
        }
        if (shown < e.agreement_links.size())
          out_ << " and " << (e.agreement_links.size() - shown) << " more";
        out_ << "\n";
      }
    }
  }

  void Documents() {
    out_ << "\n## Documents (" << r_.documents.size() << ")\n\n";
    if (r_.documents.empty()) return;
    out_ << "| ID | Source | Date | Title | URL |\n|---:|---|---|---|---|\n";
    size_t shown = 0;
    for (const engine::Document& d : r_.documents) {
      if (Capped(shown)) break;
      ++shown;
      out_ << "| " << d.id << " | " << E(d.source) << (d.source_inferred ? " (inferred)" : "")
           << " | " << E(d.date) << (d.date_inferred ? " (inferred)" : "") << " | " << E(d.title)
           << " | " << E(SafeHref(d.url)) << " |\n";
    }
    LeftOut(r_.documents.size(), shown, "documents");
  }

  const ReportData& data_;
  const engine::AnalysisResult& r_;
  std::ostream& out_;
  const ReportOptions& opt_;
  std::unordered_map<const ClaimLink*, size_t> number_;
};

}  // namespace

void WriteMarkdownReport(const ReportData& data, std::ostream& out, const ReportOptions& options) {
  MarkdownWriter(data, out, options).Write();
}

}  // namespace claimgraph::io::report
