#include "io/report/index_page.h"

#include <algorithm>
#include <cstdio>

#include "io/report/escape.h"
#include "io/report/format_util.h"
#include "io/report/render_parts.h"
#include "io/report/svg_charts.h"

namespace claimgraph::io::report {

std::string EncodePathSegment(const std::string& segment) {
  std::string out;
  for (unsigned char c : segment) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

void WriteIndexPage(const std::vector<IndexEntry>& entries, const std::string& title,
                    std::ostream& out) {
  HtmlPageStart(title, out);
  out << "<h1>" << HtmlEscape(title) << "</h1>\n<p>" << Plural(entries.size(), "run", "runs")
      << ", one per story: each story's sources are scored and split into camps on their own, "
         "so unrelated stories do not mix.</p>\n"
      << "<table><thead><tr><th>Story</th><th class=\"num\">Documents</th><th "
         "class=\"num\">Sources</th><th class=\"num\">Claims</th><th "
         "class=\"num\">Contradictions</th><th class=\"num\">Updates</th><th "
         "class=\"num\">Agreements</th><th>Reports</th></tr></thead><tbody>\n";
  for (const IndexEntry& e : entries) {
    const engine::AnalysisResult& r = *e.run;
    size_t counts[4] = {0, 0, 0, 0};
    for (const engine::ClaimLink& l : r.links) ++counts[static_cast<int>(l.relation)];
    const std::string dir = HtmlEscape(EncodePathSegment(e.dir));
    out << "<tr><td><a href=\"" << dir << "/report.html\">" << HtmlEscape(e.name)
        << "</a></td><td class=\"num\">" << r.documents.size() << "</td><td class=\"num\">"
        << r.sources.size() << "</td><td class=\"num\">" << r.claims.size()
        << "</td><td class=\"num\">" << counts[static_cast<int>(engine::Relation::kContradict)]
        << "</td><td class=\"num\">" << counts[static_cast<int>(engine::Relation::kUpdate)]
        << "</td><td class=\"num\">" << counts[static_cast<int>(engine::Relation::kAgree)]
        << "</td><td><a href=\"" << dir << "/report.html\">HTML</a> · <a href=\"" << dir
        << "/report.md\">Markdown</a> · <a href=\"" << dir << "/report.json\">JSON</a> · <a href=\""
        << dir << "/claims.json\">export</a></td></tr>\n";
  }
  out << "</tbody></table>\n";
  for (const IndexEntry& e : entries) {
    const engine::AnalysisResult& r = *e.run;
    out << "<h2>" << HtmlEscape(e.name) << "</h2>\n<p class=\"meta\">Run " << r.run_id;
    if (!r.created_at.empty()) out << " · " << HtmlEscape(r.created_at);
    out << " · <a href=\"" << HtmlEscape(EncodePathSegment(e.dir))
        << "/report.html\">the report</a></p>\n";
    std::vector<const engine::ReliabilityScore*> scored;
    for (const engine::ReliabilityScore& s : r.sources) scored.push_back(&s);
    std::stable_sort(scored.begin(), scored.end(),
                     [](auto* x, auto* y) { return x->reliability > y->reliability; });
    if (scored.empty()) {
      out << "<p>No source was scored.</p>\n";
      continue;
    }
    std::vector<svg::ReliabilityRow> rows;
    for (const engine::ReliabilityScore* s : scored) {
      if (rows.size() == 15) break;
      rows.push_back({s->name, s->reliability, s->reliability - s->uncertainty,
                      s->reliability + s->uncertainty, s->claims});
    }
    out << "<figure class=\"chart\">"
        << svg::ReliabilityChart(rows, {"Source reliability: " + e.name, 720}) << "<figcaption>The "
        << Plural(rows.size(), "source", "sources")
        << " by reliability (most reliable first), ± one bootstrap standard deviation; n: "
           "claims.</figcaption></figure>\n";
  }
  HtmlPageEnd(out);
}

}  // namespace claimgraph::io::report
