#include "io/report/run_diff.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>

#include "io/report/escape.h"
#include "io/report/format_util.h"
#include "io/report/json_writer.h"

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::ClaimLink;

// Where a claim comes from: its document and byte span.
using ClaimKey = std::tuple<int64_t, size_t, size_t>;
ClaimKey KeyOf(const Claim& c) { return {c.document, c.byte_begin, c.byte_end}; }

using LinkKey = std::tuple<ClaimKey, ClaimKey, int>;

struct RunIndex {
  std::unordered_map<int64_t, const Claim*> by_id;
  std::map<ClaimKey, const Claim*> by_key;
  std::map<LinkKey, const ClaimLink*> links;

  explicit RunIndex(const engine::AnalysisResult& r) {
    for (const Claim& c : r.claims) {
      by_id.emplace(c.id, &c);
      by_key.emplace(KeyOf(c), &c);
    }
    for (const ClaimLink& l : r.links) {
      const auto a = by_id.find(l.a), b = by_id.find(l.b);
      if (a == by_id.end() || b == by_id.end()) continue;
      ClaimKey ka = KeyOf(*a->second), kb = KeyOf(*b->second);
      if (kb < ka) std::swap(ka, kb);
      links.emplace(LinkKey{ka, kb, static_cast<int>(l.relation)}, &l);
    }
  }
  LinkChange Change(const ClaimLink* l) const { return {l, by_id.at(l->a), by_id.at(l->b)}; }
};

bool ByScore(const LinkChange& x, const LinkChange& y) {
  return std::tie(y.link->score, x.a->id, x.b->id) < std::tie(x.link->score, y.a->id, y.b->id);
}

}  // namespace

std::vector<SourceMove> MovedSources(const std::vector<engine::ReliabilityScore>& a,
                                     const std::vector<engine::ReliabilityScore>& b,
                                     const DiffOptions& options) {
  std::map<std::string, SourceMove> moves;
  for (const engine::ReliabilityScore& s : a) moves[s.name].before = &s;
  for (const engine::ReliabilityScore& s : b) moves[s.name].after = &s;
  std::vector<SourceMove> out;
  for (auto& [name, m] : moves) {
    m.name = name;
    if (m.before && m.after) {
      m.change = m.after->reliability - m.before->reliability;
      if (std::abs(m.change) < options.min_reliability_change) continue;
    }
    out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), [](const SourceMove& x, const SourceMove& y) {
    const bool xb = x.before && x.after, yb = y.before && y.after;
    if (xb != yb) return xb;
    return std::abs(x.change) > std::abs(y.change);
  });
  return out;
}

RunDiff DiffRuns(const engine::AnalysisResult& a, const engine::AnalysisResult& b,
                 const DiffOptions& options) {
  RunDiff d;
  d.a = &a;
  d.b = &b;
  const RunIndex ia(a), ib(b);
  for (const auto& [key, c] : ib.by_key) {
    if (ia.by_key.count(key))
      ++d.claims_kept;
    else
      d.claims_added.push_back(c);
  }
  for (const auto& [key, c] : ia.by_key)
    if (!ib.by_key.count(key)) d.claims_gone.push_back(c);
  for (const auto& [key, l] : ib.links) {
    if (ia.links.count(key))
      ++d.links_kept;
    else
      d.links_added.push_back(ib.Change(l));
  }
  for (const auto& [key, l] : ia.links)
    if (!ib.links.count(key)) d.links_gone.push_back(ia.Change(l));
  std::stable_sort(d.links_added.begin(), d.links_added.end(), ByScore);
  std::stable_sort(d.links_gone.begin(), d.links_gone.end(), ByScore);

  d.sources = MovedSources(a.sources, b.sources, options);

  std::set<int64_t> docs_a, docs_b;
  for (const engine::Document& doc : a.documents) docs_a.insert(doc.id);
  for (const engine::Document& doc : b.documents) docs_b.insert(doc.id);
  for (int64_t id : docs_b) d.documents_added += !docs_a.count(id);
  for (int64_t id : docs_a) d.documents_gone += !docs_b.count(id);
  return d;
}

namespace {

size_t Cap(const DiffOptions& o, size_t n) { return o.max_items ? std::min(o.max_items, n) : n; }

std::string Score(const engine::ReliabilityScore* s) {
  return s ? Fixed(s->reliability) + " ±" + Fixed(s->uncertainty) : "–";
}

std::string Signed(double x) { return (x >= 0 ? "+" : "") + Fixed(x); }

void MarkdownClaimLine(const Claim& c, std::ostream& out) {
  out << "> " << MarkdownEscape(c.text) << "\n>\n> — **" << MarkdownEscape(c.source) << "**";
  if (!c.speaker.empty()) out << ", " << MarkdownEscape(c.speaker);
  out << ", " << (c.date.empty() ? "undated" : MarkdownEscape(c.date)) << " · document "
      << c.document << ", claim " << c.id << "\n\n";
}

void MarkdownLinks(const char* heading, const std::vector<LinkChange>& links, const DiffOptions& o,
                   std::ostream& out) {
  out << "## " << heading << " (" << links.size() << ")\n\n";
  const size_t n = Cap(o, links.size());
  for (size_t i = 0; i < n; ++i) {
    const LinkChange& l = links[i];
    out << "### " << engine::ToString(l.link->relation) << ": " << MarkdownEscape(l.a->source)
        << " – " << MarkdownEscape(l.b->source) << " (score " << Fixed(l.link->score) << ")\n\n";
    if (!l.link->reasons.empty()) {
      out << "Reasons: ";
      for (size_t k = 0; k < l.link->reasons.size(); ++k)
        out << (k ? "; " : "") << MarkdownEscape(l.link->reasons[k]);
      out << ".\n\n";
    }
    MarkdownClaimLine(*l.a, out);
    MarkdownClaimLine(*l.b, out);
  }
  if (n < links.size()) out << "_" << links.size() - n << " more not shown._\n\n";
}

void MarkdownClaims(const char* heading, const std::vector<const Claim*>& claims,
                    const DiffOptions& o, std::ostream& out) {
  out << "## " << heading << " (" << claims.size() << ")\n\n";
  const size_t n = Cap(o, claims.size());
  for (size_t i = 0; i < n; ++i) MarkdownClaimLine(*claims[i], out);
  if (n < claims.size()) out << "_" << claims.size() - n << " more not shown._\n\n";
}

nlohmann::json RunJson(const engine::AnalysisResult& r) {
  return {{"id", r.run_id},
          {"created_at", r.created_at},
          {"program_version", r.program_version},
          {"documents", r.documents.size()},
          {"claims", r.claims.size()},
          {"links", r.links.size()}};
}

nlohmann::json ClaimJson(const Claim& c) {
  return {{"id", c.id},           {"document", c.document}, {"source", c.source},
          {"speaker", c.speaker}, {"date", c.date},         {"text", c.text}};
}

nlohmann::json LinksJson(const std::vector<LinkChange>& links, const DiffOptions& o) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < Cap(o, links.size()); ++i)
    list.push_back({{"relation", engine::ToString(links[i].link->relation)},
                    {"score", links[i].link->score},
                    {"reasons", links[i].link->reasons},
                    {"a", ClaimJson(*links[i].a)},
                    {"b", ClaimJson(*links[i].b)}});
  return list;
}

nlohmann::json ClaimsJson(const std::vector<const Claim*>& claims, const DiffOptions& o) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < Cap(o, claims.size()); ++i) list.push_back(ClaimJson(*claims[i]));
  return list;
}

nlohmann::json ScoreJson(const engine::ReliabilityScore* s) {
  if (!s) return nullptr;
  return {{"reliability", s->reliability},
          {"uncertainty", s->uncertainty},
          {"claims", s->claims},
          {"corroborated", s->corroborated},
          {"contradicted", s->contradicted}};
}

}  // namespace

void WriteDiffMarkdown(const RunDiff& d, std::ostream& out, const DiffOptions& o) {
  const engine::AnalysisResult& a = *d.a;
  const engine::AnalysisResult& b = *d.b;
  out << "# Changes from run " << a.run_id << " to run " << b.run_id << "\n\n"
      << "| | Run " << a.run_id << " | Run " << b.run_id << " |\n|---|---|---|\n"
      << "| Recorded | " << MarkdownEscape(a.created_at) << " | " << MarkdownEscape(b.created_at)
      << " |\n| Version | " << MarkdownEscape(a.program_version) << " | "
      << MarkdownEscape(b.program_version) << " |\n| Documents | " << a.documents.size() << " | "
      << b.documents.size() << " |\n| Claims | " << a.claims.size() << " | " << b.claims.size()
      << " |\n| Links | " << a.links.size() << " | " << b.links.size() << " |\n\n"
      << "Documents: " << d.documents_added << " added, " << d.documents_gone
      << " gone. Claims: " << d.claims_added.size() << " added, " << d.claims_gone.size()
      << " gone, " << d.claims_kept << " in both. Links: " << d.links_added.size() << " added, "
      << d.links_gone.size() << " gone, " << d.links_kept
      << " in both. Sources whose reliability moved by " << Fixed(o.min_reliability_change)
      << " or more (or that appear in one run only): " << d.sources.size() << ".\n\n"
      << "Claims are matched by document and character span, links by their two claims and "
         "relation.\n\n";
  out << "## Sources whose reliability moved (" << d.sources.size() << ")\n\n";
  if (!d.sources.empty()) {
    out << "| Source | Run " << a.run_id << " | Run " << b.run_id
        << " | Change | Claims | Corroborated | Contradicted |\n|---|---|---|---|---|---|---|\n";
    const size_t n = Cap(o, d.sources.size());
    auto pair = [](const SourceMove& m, int engine::ReliabilityScore::*field) {
      return (m.before ? std::to_string(m.before->*field) : "–") + " → " +
             (m.after ? std::to_string(m.after->*field) : "–");
    };
    for (size_t i = 0; i < n; ++i) {
      const SourceMove& m = d.sources[i];
      out << "| " << MarkdownEscape(m.name) << " | " << Score(m.before) << " | " << Score(m.after)
          << " | "
          << (m.before && m.after ? Signed(m.change)
              : m.after           ? "new"
                                  : "dropped")
          << " | " << pair(m, &engine::ReliabilityScore::claims) << " | "
          << pair(m, &engine::ReliabilityScore::corroborated) << " | "
          << pair(m, &engine::ReliabilityScore::contradicted) << " |\n";
    }
    if (n < d.sources.size()) out << "\n_" << d.sources.size() - n << " more not shown._\n";
    out << "\n";
  }
  MarkdownLinks("Links added", d.links_added, o, out);
  MarkdownLinks("Links gone", d.links_gone, o, out);
  MarkdownClaims("Claims added", d.claims_added, o, out);
  MarkdownClaims("Claims gone", d.claims_gone, o, out);
}

void WriteDiffJson(const RunDiff& d, std::ostream& out, const DiffOptions& o) {
  nlohmann::json sources = nlohmann::json::array();
  for (size_t i = 0; i < Cap(o, d.sources.size()); ++i) {
    const SourceMove& m = d.sources[i];
    sources.push_back({{"name", m.name},
                       {"before", ScoreJson(m.before)},
                       {"after", ScoreJson(m.after)},
                       {"change", m.before && m.after ? nlohmann::json(m.change) : nullptr}});
  }
  const nlohmann::json j = {
      {"a", RunJson(*d.a)},
      {"b", RunJson(*d.b)},
      {"top", o.max_items},
      {"documents", {{"added", d.documents_added}, {"gone", d.documents_gone}}},
      {"claims",
       {{"added", d.claims_added.size()},
        {"gone", d.claims_gone.size()},
        {"kept", d.claims_kept},
        {"added_list", ClaimsJson(d.claims_added, o)},
        {"gone_list", ClaimsJson(d.claims_gone, o)}}},
      {"links",
       {{"added", d.links_added.size()},
        {"gone", d.links_gone.size()},
        {"kept", d.links_kept},
        {"added_list", LinksJson(d.links_added, o)},
        {"gone_list", LinksJson(d.links_gone, o)}}},
      {"sources", sources},
  };
  out << DumpJson(j, 2) << "\n";
}

}  // namespace claimgraph::io::report
