#include "io/report/compare_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "io/report/escape.h"
#include "io/report/format_util.h"
#include "io/report/json_writer.h"
#include "io/report/render_parts.h"

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::ClaimLink;
using engine::Relation;
using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string YearOf(const std::string& date) {
  return date.size() >= 4 ? date.substr(0, 4) : "undated";
}

std::string Joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json Cited(const ReportData& data, const Claim& c) {
  const engine::Document* d = data.document(c.document);
  return {{"id", c.id},
          {"text", c.text},
          {"source", c.source},
          {"speaker", OrNull(c.speaker)},
          {"speaker_role", OrNull(c.speaker_role)},
          {"date", OrNull(c.date)},
          {"document", c.document},
          {"title", d ? d->title : ""},
          {"url", d ? d->url : ""},
          {"span", {c.char_begin, c.char_end}},
          {"polarity", std::string(engine::ToString(c.polarity))},
          {"modality", std::string(engine::ToString(c.modality))},
          {"proposition", OrNull(c.proposition)}};
}

}  // namespace

std::string ResolveSource(const ReportData& data, const std::string& name) {
  if (data.source(name)) return name;
  std::string found;
  for (const Evidence& e : data.sources()) {
    if (Lower(e.name) != Lower(name)) continue;
    if (!found.empty()) return "";
    found = e.name;
  }
  return found;
}

Comparison Compare(const ReportData& data, const std::vector<std::string>& names) {
  Comparison c;
  for (const std::string& n : names) {
    const std::string resolved = ResolveSource(data, n);
    if (resolved.empty()) {
      std::vector<std::string> known;
      for (const Evidence& e : data.sources()) known.push_back(e.name);
      std::sort(known.begin(), known.end());
      throw std::invalid_argument("unknown source '" + n +
                                  "'; the run has: " + Joined(known, ", "));
    }
    if (std::find(c.sources.begin(), c.sources.end(), resolved) == c.sources.end())
      c.sources.push_back(resolved);
  }
  if (c.sources.size() < 2) throw std::invalid_argument("compare needs two or more sources");
  const std::unordered_set<std::string> set(c.sources.begin(), c.sources.end());
  for (const std::string& s : c.sources) c.claims[s] = 0;

  // Propositions each compared source states.
  std::unordered_map<std::string, std::set<std::string>> stated_by;
  for (const Claim& cl : data.result().claims) {
    if (!set.count(cl.source)) continue;
    ++c.claims[cl.source];
    ++c.claims_per_year[YearOf(cl.date)][cl.source];
    if (!cl.proposition.empty()) stated_by[cl.proposition].insert(cl.source);
  }

  std::unordered_set<int64_t> linked;  // claims linked to another compared source
  std::map<std::tuple<std::string, std::string, std::string>, Comparison::Window> windows;
  for (Relation r : {Relation::kContradict, Relation::kAgree, Relation::kUpdate}) {
    for (const ClaimLink* l : data.links(r)) {
      const Claim& a = *data.claim(l->a);
      const Claim& b = *data.claim(l->b);
      if (a.source == b.source || !set.count(a.source) || !set.count(b.source)) continue;
      linked.insert(a.id);
      linked.insert(b.id);
      (r == Relation::kContradict ? c.contradictions
       : r == Relation::kAgree    ? c.agreements
                                  : c.updates)
          .push_back(l);
      const std::string window = YearOf(std::max(a.date, b.date));
      const auto [x, y] = std::minmax(a.source, b.source);
      Comparison::Window& w = windows[{window, x, y}];
      w.window = window;
      w.a = x;
      w.b = y;
      (r == Relation::kContradict ? w.contradictions
       : r == Relation::kAgree    ? w.agreements
                                  : w.updates)++;
    }
  }
  for (auto& [key, w] : windows) c.over_time.push_back(w);

  for (const Claim& cl : data.result().claims) {
    if (!set.count(cl.source) || linked.count(cl.id)) continue;
    if (!cl.proposition.empty() && stated_by[cl.proposition].size() > 1) continue;
    c.alone[cl.source].push_back(&cl);
  }
  for (auto& [s, v] : c.alone)
    std::stable_sort(v.begin(), v.end(),
                     [](const Claim* x, const Claim* y) { return x->date < y->date; });

  for (const ReportData::Timeline& t : data.timelines()) {
    auto it = stated_by.find(t.key);
    if (it == stated_by.end() || it->second.size() < 2) continue;
    ReportData::Timeline shared{t.key, t.label, {}};
    for (const Claim* cl : t.claims)
      if (set.count(cl->source)) shared.claims.push_back(cl);
    for (const ClaimLink* l : c.contradictions)
      shared.contradictions += data.claim(l->a)->proposition == t.key;
    for (const ClaimLink* l : c.updates) shared.updates += data.claim(l->a)->proposition == t.key;
    c.shared.push_back(std::move(shared));
  }
  return c;
}

namespace {

std::string Title(const Comparison& c) { return "Comparison: " + Joined(c.sources, " · "); }

class Capper {
 public:
  explicit Capper(const ReportOptions& o) : max_(o.max_items) {}
  bool Done(size_t shown) const { return max_ && shown >= max_; }

 private:
  size_t max_;
};

}  // namespace

void WriteComparisonMarkdown(const ReportData& data, const Comparison& c, std::ostream& out,
                             const ReportOptions& options) {
  const Capper cap(options);
  auto E = [](const std::string& s) { return MarkdownEscape(s); };
  auto left_out = [&](size_t total, size_t shown, const char* what) {
    if (shown < total) out << "\n*" << (total - shown) << " more " << what << " not shown.*\n";
  };
  out << "# " << E(Title(c)) << "\n\nRun " << data.result().run_id << ". ";
  for (size_t i = 0; i < c.sources.size(); ++i) {
    const Evidence* e = data.source(c.sources[i]);
    out << (i ? "; " : "") << "**" << E(c.sources[i])
        << "**: " << Plural(c.claims.at(c.sources[i]), "claim", "claims");
    if (e && e->score) out << ", reliability " << Fixed(e->score->reliability);
  }
  out << ".\n\nBetween these sources: "
      << Plural(c.contradictions.size(), "contradiction", "contradictions") << ", "
      << Plural(c.agreements.size(), "agreement", "agreements") << ", "
      << Plural(c.updates.size(), "update", "updates") << ".\n";

  auto pairs = [&](const char* heading, const std::vector<const ClaimLink*>& links,
                   const char* prefix) {
    out << "\n## " << heading << " (" << links.size() << ")\n";
    if (links.empty()) out << "\nNone between these sources.\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (cap.Done(shown)) break;
      ++shown;
      const Claim* a = data.claim(l->a);
      const Claim* b = data.claim(l->b);
      std::string time;
      if (l->relation == Relation::kUpdate) {
        const TimeRelation t = DescribeTimeRelation(*a, *b);
        a = t.earlier;
        b = t.later;
        time = t.text;
      }
      out << "\n### " << prefix << shown << ". " << E(a->source) << " / " << E(b->source);
      if (!a->proposition.empty()) out << " — " << E(data.PropositionLabel(a->proposition));
      out << "\n\n";
      if (!time.empty()) out << "Time: " << E(time) << ". ";
      MarkdownReasons(*l, out);
      MarkdownCite(data, *a, l->relation == Relation::kUpdate ? "Earlier:" : "A:", out);
      MarkdownCite(data, *b, l->relation == Relation::kUpdate ? "Later:" : "B:", out);
    }
    left_out(links.size(), shown, "pairs");
  };
  pairs("Where they contradict each other", c.contradictions, "C");
  pairs("Where they agree", c.agreements, "A");
  pairs("How claims moved on (updates)", c.updates, "U");

  out << "\n## What each claims alone\n\nClaims no other compared source links to or states.\n";
  for (const std::string& s : c.sources) {
    auto it = c.alone.find(s);
    const size_t total = it == c.alone.end() ? 0 : it->second.size();
    out << "\n### " << E(s) << " (" << total << ")\n\n";
    if (!total) {
      out << "Nothing: every claim is shared with or answered by another compared source.\n";
      continue;
    }
    size_t shown = 0;
    for (const Claim* cl : it->second) {
      if (cap.Done(shown)) break;
      ++shown;
      out << "- " << (cl->date.empty() ? "undated" : E(cl->date)) << ", "
          << (cl->speaker.empty() ? "(outlet)" : E(SpeakerLabel(*cl))) << ": " << E(cl->text)
          << " (claim " << cl->id << ", characters " << cl->char_begin << "–" << cl->char_end
          << ")\n";
    }
    left_out(total, shown, "claims");
  }

  out << "\n## Over time\n\n### Claims per year\n\n| Year |";
  for (const std::string& s : c.sources) out << " " << E(s) << " |";
  out << "\n|---|";
  for (size_t i = 0; i < c.sources.size(); ++i) out << "---:|";
  out << "\n";
  for (const auto& [year, counts] : c.claims_per_year) {
    out << "| " << E(year) << " |";
    for (const std::string& s : c.sources) {
      auto it = counts.find(s);
      out << " " << (it == counts.end() ? 0 : it->second) << " |";
    }
    out << "\n";
  }
  out << "\n### Links per year\n\n";
  if (c.over_time.empty()) {
    out << "No links between these sources.\n";
  } else {
    out << "| Year | Source A | Source B | Agreements | Contradictions | Updates |\n"
           "|---|---|---|---:|---:|---:|\n";
    for (const Comparison::Window& w : c.over_time)
      out << "| " << E(w.window) << " | " << E(w.a) << " | " << E(w.b) << " | " << w.agreements
          << " | " << w.contradictions << " | " << w.updates << " |\n";
  }
  out << "\n### Shared propositions\n";
  if (c.shared.empty()) out << "\nNo proposition is stated by two or more of these sources.\n";
  size_t shown = 0;
  for (const ReportData::Timeline& t : c.shared) {
    if (cap.Done(shown)) break;
    ++shown;
    out << "\n#### " << E(t.label) << "\n\n`" << E(t.key) << "` · "
        << Plural(t.contradictions, "contradiction", "contradictions") << ", "
        << Plural(t.updates, "update", "updates") << " between these sources\n\n"
        << "| Date | Source | Speaker | Stance | Claim |\n|---|---|---|---|---|\n";
    size_t rows = 0;
    for (const Claim* cl : t.claims) {
      if (cap.Done(rows)) break;
      ++rows;
      out << "| " << (cl->date.empty() ? "undated" : E(cl->date)) << " | " << E(cl->source) << " | "
          << (cl->speaker.empty() ? "(outlet)" : E(SpeakerLabel(*cl))) << " | " << StanceLabel(*cl)
          << " | " << E(cl->text) << " (claim " << cl->id << ") |\n";
    }
    left_out(t.claims.size(), rows, "claims");
  }
  left_out(c.shared.size(), shown, "propositions");
}

void WriteComparisonHtml(const ReportData& data, const Comparison& c, std::ostream& out,
                         const ReportOptions& options) {
  const Capper cap(options);
  auto H = [](const std::string& s) { return HtmlEscape(s); };
  auto left_out = [&](size_t total, size_t shown, const char* what) {
    if (shown < total)
      out << "<p class=\"note\">" << (total - shown) << " more " << what << " not shown.</p>\n";
  };
  const std::string title = Title(c);
  HtmlPageStart(title, out);
  out << "<h1>" << H(title) << "</h1>\n<p class=\"meta\">Run " << data.result().run_id
      << "</p>\n<table><thead><tr><th>Source</th><th class=\"num\">Claims</th><th "
         "class=\"num\">Reliability</th></tr></thead><tbody>\n";
  for (const std::string& s : c.sources) {
    const Evidence* e = data.source(s);
    out << "<tr><td>" << H(s) << "</td><td class=\"num\">" << c.claims.at(s)
        << "</td><td class=\"num\">" << (e && e->score ? Fixed(e->score->reliability) : "–")
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n<p>Between these sources: <a href=\"#contradict\">"
      << Plural(c.contradictions.size(), "contradiction", "contradictions")
      << "</a>, <a href=\"#agree\">" << Plural(c.agreements.size(), "agreement", "agreements")
      << "</a>, <a href=\"#update\">" << Plural(c.updates.size(), "update", "updates")
      << "</a>. See also <a href=\"#alone\">what each claims alone</a> and <a "
         "href=\"#time\">over time</a>.</p>\n";

  auto pairs = [&](const char* id, const char* heading, const std::vector<const ClaimLink*>& links,
                   const char* prefix) {
    out << "<h2 id=\"" << id << "\">" << heading << " (" << links.size() << ")</h2>\n";
    if (links.empty()) out << "<p>None between these sources.</p>\n";
    size_t shown = 0;
    for (const ClaimLink* l : links) {
      if (cap.Done(shown)) break;
      ++shown;
      const Claim* a = data.claim(l->a);
      const Claim* b = data.claim(l->b);
      std::string time;
      if (l->relation == Relation::kUpdate) {
        const TimeRelation t = DescribeTimeRelation(*a, *b);
        a = t.earlier;
        b = t.later;
        time = t.text;
      }
      out << "<section class=\"pair " << id << "\"><h3>" << prefix << shown << ". " << H(a->source)
          << " / " << H(b->source);
      if (!a->proposition.empty()) out << " — " << H(data.PropositionLabel(a->proposition));
      out << "</h3>\n";
      if (!time.empty()) out << "<div class=\"time\">" << H(time) << "</div>\n";
      HtmlReasons(*l, out);
      HtmlCite(data, *a, l->relation == Relation::kUpdate ? "Earlier" : "A", out);
      HtmlCite(data, *b, l->relation == Relation::kUpdate ? "Later" : "B", out);
      out << "</section>\n";
    }
    left_out(links.size(), shown, "pairs");
  };
  pairs("contradict", "Where they contradict each other", c.contradictions, "C");
  pairs("agree", "Where they agree", c.agreements, "A");
  pairs("update", "How claims moved on (updates)", c.updates, "U");

  out << "<h2 id=\"alone\">What each claims alone</h2>\n<p class=\"note\">Claims no other "
         "compared source links to or states.</p>\n";
  for (const std::string& s : c.sources) {
    auto it = c.alone.find(s);
    const size_t total = it == c.alone.end() ? 0 : it->second.size();
    out << "<h3>" << H(s) << " (" << total << ")</h3>\n";
    if (!total) {
      out << "<p class=\"note\">Nothing: every claim is shared with or answered by another "
             "compared source.</p>\n";
      continue;
    }
    out << "<table><thead><tr><th>Date</th><th>Speaker</th><th>Stance</th><th>Claim</th></tr>"
           "</thead><tbody>\n";
    size_t shown = 0;
    for (const Claim* cl : it->second) {
      if (cap.Done(shown)) break;
      ++shown;
      out << "<tr><td>" << (cl->date.empty() ? "undated" : H(cl->date)) << "</td><td>"
          << (cl->speaker.empty() ? "(outlet)" : H(SpeakerLabel(*cl))) << "</td><td>"
          << H(StanceLabel(*cl)) << "</td><td>" << H(cl->text) << " <span class=\"badge\">claim "
          << cl->id << ", chars " << cl->char_begin << "–" << cl->char_end << "</span></td></tr>\n";
    }
    out << "</tbody></table>\n";
    left_out(total, shown, "claims");
  }

  out << "<h2 id=\"time\">Over time</h2>\n<h3>Claims per "
         "year</h3>\n<table><thead><tr><th>Year</th>";
  for (const std::string& s : c.sources) out << "<th class=\"num\">" << H(s) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const auto& [year, counts] : c.claims_per_year) {
    out << "<tr><td>" << H(year) << "</td>";
    for (const std::string& s : c.sources) {
      auto it = counts.find(s);
      out << "<td class=\"num\">" << (it == counts.end() ? 0 : it->second) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table>\n<h3>Links per year</h3>\n";
  if (c.over_time.empty()) {
    out << "<p>No links between these sources.</p>\n";
  } else {
    out << "<table><thead><tr><th>Year</th><th>Source A</th><th>Source B</th><th "
           "class=\"num\">Agreements</th><th class=\"num\">Contradictions</th><th "
           "class=\"num\">Updates</th></tr></thead><tbody>\n";
    for (const Comparison::Window& w : c.over_time)
      out << "<tr><td>" << H(w.window) << "</td><td>" << H(w.a) << "</td><td>" << H(w.b)
          << "</td><td class=\"num\">" << w.agreements << "</td><td class=\"num\">"
          << w.contradictions << "</td><td class=\"num\">" << w.updates << "</td></tr>\n";
    out << "</tbody></table>\n";
  }
  out << "<h3>Shared propositions</h3>\n";
  if (c.shared.empty()) out << "<p>No proposition is stated by two or more of these sources.</p>\n";
  size_t shown = 0;
  for (const ReportData::Timeline& t : c.shared) {
    if (cap.Done(shown)) break;
    ++shown;
    out << "<h4>" << H(t.label) << "</h4>\n<p class=\"meta\"><code>" << H(t.key) << "</code> · "
        << Plural(t.contradictions, "contradiction", "contradictions") << ", "
        << Plural(t.updates, "update", "updates")
        << " between these sources</p>\n<table><thead><tr><th>Date</th><th>Source</th>"
           "<th>Speaker</th><th>Stance</th><th>Claim</th></tr></thead><tbody>\n";
    size_t rows = 0;
    for (const Claim* cl : t.claims) {
      if (cap.Done(rows)) break;
      ++rows;
      out << "<tr><td>" << (cl->date.empty() ? "undated" : H(cl->date)) << "</td><td>"
          << H(cl->source) << "</td><td>"
          << (cl->speaker.empty() ? "(outlet)" : H(SpeakerLabel(*cl))) << "</td><td class=\""
          << (cl->polarity == engine::Polarity::kNegated ? "neg" : "aff") << "\">"
          << H(StanceLabel(*cl)) << "</td><td>" << H(cl->text) << " <span class=\"badge\">claim "
          << cl->id << "</span></td></tr>\n";
    }
    out << "</tbody></table>\n";
    left_out(t.claims.size(), rows, "claims");
  }
  left_out(c.shared.size(), shown, "propositions");
  HtmlPageEnd(out);
}

void WriteComparisonJson(const ReportData& data, const Comparison& c, std::ostream& out,
                         const ReportOptions& options) {
  const size_t cap = options.max_items ? options.max_items : static_cast<size_t>(-1);
  json j;
  j["run"] = data.result().run_id;
  j["sources"] = json::array();
  for (const std::string& s : c.sources) {
    const Evidence* e = data.source(s);
    j["sources"].push_back(
        {{"name", s},
         {"claims", c.claims.at(s)},
         {"reliability", e && e->score ? json(e->score->reliability) : json(nullptr)}});
  }
  auto links = [&](const std::vector<const ClaimLink*>& v) {
    json arr = json::array();
    for (const ClaimLink* l : v) {
      if (arr.size() == cap) break;
      json item = {{"relation", std::string(engine::ToString(l->relation))},
                   {"score", l->score},
                   {"reasons", l->reasons},
                   {"a", Cited(data, *data.claim(l->a))},
                   {"b", Cited(data, *data.claim(l->b))}};
      if (l->relation == Relation::kUpdate) {
        const TimeRelation t = DescribeTimeRelation(*data.claim(l->a), *data.claim(l->b));
        item["earlier"] = t.earlier->id;
        item["later"] = t.later->id;
        item["time_relation"] = t.text;
      }
      arr.push_back(std::move(item));
    }
    return arr;
  };
  j["contradictions"] = links(c.contradictions);
  j["agreements"] = links(c.agreements);
  j["updates"] = links(c.updates);
  j["counts"] = {{"contradictions", c.contradictions.size()},
                 {"agreements", c.agreements.size()},
                 {"updates", c.updates.size()}};
  j["alone"] = json::object();
  for (const std::string& s : c.sources) {
    json arr = json::array();
    if (auto it = c.alone.find(s); it != c.alone.end())
      for (const Claim* cl : it->second) {
        if (arr.size() == cap) break;
        arr.push_back(Cited(data, *cl));
      }
    j["alone"][s] = std::move(arr);
  }
  j["over_time"] = json::array();
  for (const Comparison::Window& w : c.over_time)
    j["over_time"].push_back({{"window", w.window},
                              {"a", w.a},
                              {"b", w.b},
                              {"agreements", w.agreements},
                              {"contradictions", w.contradictions},
                              {"updates", w.updates}});
  j["claims_per_year"] = c.claims_per_year;
  j["shared_propositions"] = json::array();
  for (const ReportData::Timeline& t : c.shared) {
    if (j["shared_propositions"].size() == cap) break;
    json claims = json::array();
    for (const Claim* cl : t.claims) claims.push_back(Cited(data, *cl));
    j["shared_propositions"].push_back({{"proposition", t.key},
                                        {"label", t.label},
                                        {"contradictions", t.contradictions},
                                        {"updates", t.updates},
                                        {"claims", std::move(claims)}});
  }
  out << DumpJson(j, 1) << "\n";
}

}  // namespace claimgraph::io::report
