#include "io/serve/pages.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "io/report/compare_report.h"
#include "io/report/format_util.h"
#include "io/report/report_data.h"
#include "io/serve/html.h"

namespace claimgraph::io::serve {
namespace {

using report::Fixed;

constexpr size_t kMaxParam = 4096;

std::string Num(int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3)
    s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string Td(const std::string& html, bool num = false) {
  return std::string(num ? "<td class=\"num\">" : "<td>") + html + "</td>";
}

std::string Th(std::string_view text, bool num = false) {
  return std::string(num ? "<th class=\"num\">" : "<th>") + H(text) + "</th>";
}

std::string Framed(const PageContext& ctx, const std::string& title, const std::string& body,
                   const std::string& search = "") {
  return RenderPage({title, ctx.run, search, ctx.store_name}, body);
}

std::string SourceLink(int64_t run, const std::string& name) {
  return Link(Url(RunPath(run, "source"), {{"name", name}}), name);
}

std::string PropositionLink(int64_t run, const std::string& key, const std::string& label) {
  return Link(Url(RunPath(run, "proposition"), {{"key", key}}), label.empty() ? key : label);
}

std::string RelationTitle(engine::Relation r) {
  switch (r) {
    case engine::Relation::kContradict:
      return "Contradictions";
    case engine::Relation::kAgree:
      return "Agreements";
    case engine::Relation::kUpdate:
      return "Updates";
    case engine::Relation::kCopy:
      return "Copies";
  }
  return "Links";
}

std::string Reasons(const std::vector<std::string>& reasons) {
  std::string out = "<span class=\"reasons\">";
  for (size_t i = 0; i < reasons.size(); ++i) out += (i ? "; " : "") + H(reasons[i]);
  return out + "</span>";
}

// A "claim id -> other claim" row of a link as seen from claim `self`.
const engine::Claim& Other(const LinkRow& l, int64_t self) { return l.link.a == self ? l.b : l.a; }

// Filter box for a table on the page (shown by the script; hidden without it).
std::string FilterBox(const std::string& table_id) {
  return "<input class=\"filter\" type=\"search\" hidden placeholder=\"Filter rows on this page\" "
         "aria-label=\"Filter rows on this page\" data-table=\"" +
         H(table_id) + "\">\n";
}

std::string LinkTable(int64_t run, const std::vector<LinkRow>& rows, const std::string& id) {
  std::string out = "<table class=\"sortable\" id=\"" + H(id) + "\"><thead><tr>" + Th("Relation") +
                    Th("Score", true) + Th("Claim A") + Th("Claim B") + Th("Reasons") +
                    "</tr></thead><tbody>\n";
  for (const LinkRow& l : rows) {
    out += "<tr>" + Td(H(engine::ToString(l.link.relation))) + Td(Fixed(l.link.score), true) +
           Td(ClaimCell(run, l.a)) + Td(ClaimCell(run, l.b)) + Td(Reasons(l.link.reasons)) +
           "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string ClaimTable(int64_t run, const std::vector<engine::Claim>& claims,
                       const std::string& id) {
  std::string out = "<table class=\"sortable\" id=\"" + H(id) + "\"><thead><tr>" + Th("Date") +
                    Th("Claim") + Th("Proposition") + "</tr></thead><tbody>\n";
  for (const engine::Claim& c : claims) {
    out += "<tr>" + Td(c.date.empty() ? "undated" : H(c.date)) + Td(ClaimCell(run, c)) +
           Td(c.proposition.empty() ? "" : PropositionLink(run, c.proposition, c.proposition)) +
           "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

int64_t ParseId(const std::string& s, const char* what) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0)
    throw HttpError(404, std::string("no such ") + what);
  return v;
}

// The page size: ?limit=N (1..500), else the default.
int Limit(const PageContext& ctx) {
  const std::string s = ctx.query->Get("limit");
  if (s.empty()) return ctx.page_size;
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 1 || v > 500)
    throw HttpError(400, "limit must be a number from 1 to 500");
  return v;
}

std::string LimitValue(const PageContext& ctx) { return ctx.query->Get("limit"); }

// Runs a browser call, turning a malformed cursor into a 400.
template <class F>
auto Paged(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::invalid_argument& e) {
    throw HttpError(400, e.what());
  }
}

std::string RequiredParam(const PageContext& ctx, const char* name) {
  std::string v = ctx.query->Get(name);
  if (v.empty()) throw HttpError(400, std::string("missing ?") + name + "=");
  return v;
}

}  // namespace

std::string Query::Get(const std::string& key) const {
  auto it = params.find(key);
  if (it == params.end()) return "";
  if (it->second.size() > kMaxParam) throw HttpError(400, "parameter " + key + " is too long");
  return it->second;
}

std::vector<std::string> Query::All(const std::string& key) const {
  std::vector<std::string> out;
  auto [lo, hi] = params.equal_range(key);
  for (auto it = lo; it != hi; ++it) {
    if (it->second.size() > kMaxParam) throw HttpError(400, "parameter " + key + " is too long");
    out.push_back(it->second);
  }
  return out;
}

std::string RunsPage(const PageContext& ctx) {
  const std::vector<RunInfo> runs = ctx.browser->Runs();
  std::string body;
  if (runs.empty()) {
    body =
        "<p>The store holds no analysis run yet: run <code>claimgraph analyze --db FILE</code> "
        "or <code>claimgraph run</code>.</p>\n";
  } else {
    body = "<table class=\"sortable\" id=\"runs\"><thead><tr>" + Th("Run", true) + Th("Created") +
           Th("Version") + Th("Reliability method") + Th("Documents", true) + Th("Claims", true) +
           Th("Links", true) + Th("Changes") + "</tr></thead><tbody>\n";
    for (size_t i = 0; i < runs.size(); ++i) {
      const RunInfo& r = runs[i];
      const std::string changes =
          i + 1 < runs.size()
              ? Link(RunPath(r.id, "diff"), "since run " + std::to_string(runs[i + 1].id))
              : "";
      body += "<tr>" + Td(Link(RunPath(r.id), std::to_string(r.id)), true) + Td(H(r.created_at)) +
              Td(H(r.program_version)) + Td(H(r.reliability_method)) + Td(Num(r.documents), true) +
              Td(Num(r.claims), true) + Td(Num(r.links), true) + Td(changes) + "</tr>\n";
    }
    body += "</tbody></table>\n";
  }
  return Framed(ctx, "Runs", body);
}

std::string RunPage(const PageContext& ctx) {
  const std::optional<RunInfo> run = ctx.browser->Run(ctx.run);
  const int64_t r = ctx.run;
  std::string body = "<p class=\"meta\">Created " + H(run->created_at) + " by claimgraph " +
                     H(run->program_version) + "; reliability by " + H(run->reliability_method) +
                     ". " + Num(run->documents) + " documents, " + Num(run->claims) + " claims, " +
                     Num(run->links) + " links.</p>\n";
  body += "<div class=\"cols\"><section><h2>Most-cited sources</h2>\n";
  const Page<engine::ReliabilityScore> sources = ctx.browser->Scores(r, ScoreKind::kSource, "", 10);
  body += "<table><thead><tr>" + Th("Source") + Th("Reliability") + Th("Claims", true) +
          "</tr></thead><tbody>\n";
  for (const auto& s : sources.rows) {
    body += "<tr>" + Td(SourceLink(r, s.name)) +
            Td(ScoreBar(s.reliability, s.uncertainty) + " " + Fixed(s.reliability)) +
            Td(Num(s.claims), true) + "</tr>\n";
  }
  body += "</tbody></table><p>" + Link(RunPath(r, "sources"), "All sources →") +
          "</p></section>\n<section><h2>Largest propositions</h2>\n<table><thead><tr>" +
          Th("Proposition") + Th("Claims", true) + "</tr></thead><tbody>\n";
  for (const PropositionRow& p : ctx.browser->Propositions(r, "", 10).rows)
    body += "<tr>" + Td(PropositionLink(r, p.key, p.label)) + Td(Num(p.claims), true) + "</tr>\n";
  body += "</tbody></table><p>" + Link(RunPath(r, "propositions"), "All propositions →") +
          "</p></section></div>\n<h2>Strongest contradictions</h2>\n";
  LinkFilter filter;
  const Page<LinkRow> links = ctx.browser->Links(r, filter, "", 10);
  body += LinkTable(r, links.rows, "contradictions") + "<p>" +
          Link(Url(RunPath(r, "links"), {{"relation", "contradict"}}), "All contradictions →") +
          "</p>\n<h2>Configuration</h2>\n<pre>" + H(run->config_json) + "</pre>\n";
  return Framed(ctx, "Run " + std::to_string(r), body);
}

std::string ScoresPage(const PageContext& ctx, ScoreKind kind) {
  const int64_t r = ctx.run;
  const bool sources = kind == ScoreKind::kSource;
  const std::string after = ctx.query->Get("after");
  const Page<engine::ReliabilityScore> page =
      Paged([&] { return ctx.browser->Scores(r, kind, after, Limit(ctx)); });
  std::string body =
      std::string("<p class=\"meta\">") + (sources ? "Outlets" : "People and bodies quoted") +
      ", most claims first. Reliability from truth discovery, with its uncertainty "
      "(bootstrap standard deviation) as the whisker; the evidence counts come from "
      "the links between claims.</p>\n" +
      FilterBox("scores") + "<table class=\"sortable\" id=\"scores\"><thead><tr>" +
      Th(sources ? "Source" : "Speaker") + (sources ? "" : Th("Role")) + Th("Reliability") +
      Th("±", true) + Th("Claims", true) + Th("Corroborated", true) + Th("Contradicted", true) +
      Th("Agreements", true) + Th("Contradictions", true) + Th("Failed forecasts", true) +
      "</tr></thead><tbody>\n";
  for (const auto& s : page.rows) {
    const std::string url = Url(RunPath(r, sources ? "source" : "speaker"), {{"name", s.name}});
    body += "<tr>" + Td(Link(url, s.name)) + (sources ? "" : Td(H(s.role))) +
            Td(ScoreBar(s.reliability, s.uncertainty) + " " + Fixed(s.reliability)) +
            Td(Fixed(s.uncertainty), true) + Td(Num(s.claims), true) +
            Td(Num(s.corroborated), true) + Td(Num(s.contradicted), true) +
            Td(Num(s.agreements), true) + Td(Num(s.contradictions), true) +
            Td(Num(s.failed_forecasts), true) + "</tr>\n";
  }
  body += "</tbody></table>\n";
  if (page.rows.empty()) body += "<p>None in this run.</p>\n";
  body += NextLink(RunPath(r, sources ? "sources" : "speakers"), {{"limit", LimitValue(ctx)}},
                   page.next);
  return Framed(ctx, sources ? "Sources" : "Speakers", body);
}

std::string ScorePage(const PageContext& ctx, ScoreKind kind) {
  const int64_t r = ctx.run;
  const bool source = kind == ScoreKind::kSource;
  const std::string name = RequiredParam(ctx, "name");
  const std::string after = ctx.query->Get("after");
  const std::optional<engine::ReliabilityScore> score = ctx.browser->Score(r, kind, name);
  const Page<engine::Claim> claims = Paged([&] {
    return ctx.browser->Claims(r, source ? ClaimField::kSource : ClaimField::kSpeaker, name, after,
                               Limit(ctx));
  });
  if (!score && claims.rows.empty() && after.empty())
    throw HttpError(404, std::string("no ") + (source ? "source" : "speaker") + " named '" + name +
                             "' in run " + std::to_string(r));
  std::string body;
  if (score) {
    const auto& s = *score;
    body += "<p>Reliability " + ScoreBar(s.reliability, s.uncertainty) + " <strong>" +
            Fixed(s.reliability) + "</strong> ± " + Fixed(s.uncertainty) +
            (s.role.empty() ? "" : " · " + H(s.role)) + "</p>\n<table><thead><tr>" +
            Th("Claims", true) + Th("Corroborated", true) + Th("Contradicted", true) +
            Th("Agreements", true) + Th("Contradictions", true) + Th("Failed forecasts", true) +
            "</tr></thead><tbody><tr>" + Td(Num(s.claims), true) + Td(Num(s.corroborated), true) +
            Td(Num(s.contradicted), true) + Td(Num(s.agreements), true) +
            Td(Num(s.contradictions), true) + Td(Num(s.failed_forecasts), true) +
            "</tr></tbody></table>\n";
    if (!s.windows.empty()) {
      body += "<h2>Reliability over time</h2>\n<table id=\"windows\"><thead><tr>" + Th("Window") +
              Th("Reliability") + Th("Claims", true) + "</tr></thead><tbody>\n";
      for (const auto& w : s.windows) {
        body += "<tr>" + Td(H(w.window)) +
                Td(ScoreBar(w.reliability, 0) + " " + Fixed(w.reliability)) +
                Td(Num(w.claims), true) + "</tr>\n";
      }
      body += "</tbody></table>\n";
    }
  } else {
    body += "<p class=\"note\">Not scored in this run.</p>\n";
  }
  if (source) {
    body +=
        "<h2>Evidence</h2>\n<p>" +
        Link(Url(RunPath(r, "links"), {{"relation", "contradict"}, {"source", name}}),
             "Contradictions involving " + name) +
        " · " +
        Link(Url(RunPath(r, "links"), {{"relation", "agree"}, {"source", name}}), "Agreements") +
        " · " +
        Link(Url(RunPath(r, "links"), {{"relation", "update"}, {"source", name}}), "Updates") +
        " · " + Link(Url(RunPath(r, "compare"), {{"source", name}}), "Compare with…") + "</p>\n";
  }
  body += "<h2>Claims over time</h2>\n" + FilterBox("claims") +
          ClaimTable(r, claims.rows, "claims") +
          NextLink(RunPath(r, source ? "source" : "speaker"),
                   {{"name", name}, {"limit", LimitValue(ctx)}}, claims.next);
  return Framed(ctx, name, body);
}

std::string PropositionsPage(const PageContext& ctx) {
  const int64_t r = ctx.run;
  const std::string after = ctx.query->Get("after");
  const Page<PropositionRow> page =
      Paged([&] { return ctx.browser->Propositions(r, after, Limit(ctx)); });
  std::string body =
      "<p class=\"meta\">Claims grouped as statements of one proposition, most claims "
      "first.</p>\n" +
      FilterBox("propositions") + "<table class=\"sortable\" id=\"propositions\"><thead><tr>" +
      Th("Proposition") + Th("Key") + Th("Claims", true) + "</tr></thead><tbody>\n";
  for (const PropositionRow& p : page.rows) {
    body += "<tr>" + Td(PropositionLink(r, p.key, p.label)) + Td("<code>" + H(p.key) + "</code>") +
            Td(Num(p.claims), true) + "</tr>\n";
  }
  body += "</tbody></table>\n";
  if (page.rows.empty()) body += "<p>None in this run.</p>\n";
  body += NextLink(RunPath(r, "propositions"), {{"limit", LimitValue(ctx)}}, page.next);
  return Framed(ctx, "Propositions", body);
}

std::string PropositionPage(const PageContext& ctx) {
  const int64_t r = ctx.run;
  const std::string key = RequiredParam(ctx, "key");
  const std::string after = ctx.query->Get("after");
  const std::optional<PropositionRow> prop = ctx.browser->Proposition(r, key);
  const Page<engine::Claim> claims = Paged(
      [&] { return ctx.browser->Claims(r, ClaimField::kProposition, key, after, Limit(ctx)); });
  if (!prop && claims.rows.empty() && after.empty())
    throw HttpError(404, "no proposition '" + key + "' in run " + std::to_string(r));
  std::string body = "<p class=\"meta\">Key <code>" + H(key) + "</code>";
  if (prop) body += " · " + Num(prop->claims) + " claims listed";
  body += "</p>\n";

  // Claims by source and year: affirmed / negated.
  bool capped = false;
  constexpr int kCap = 20000;
  const std::vector<SourceYearCount> counts = ctx.browser->PropositionCounts(r, key, kCap, &capped);
  std::set<std::string> years;
  std::map<std::string, std::map<std::string, const SourceYearCount*>> by_source;
  for (const SourceYearCount& c : counts) {
    years.insert(c.year);
    by_source[c.source][c.year] = &c;
  }
  body +=
      "<h2>Claims by source over time</h2>\n<p class=\"meta\">Affirmed / negated claims per "
      "year" +
      std::string(capped ? " (the first 20,000 claims by date)" : "") +
      ".</p>\n<table class=\"sortable\" id=\"by-source\"><thead><tr>" + Th("Source");
  for (const std::string& y : years) body += Th(y.empty() ? "undated" : y, true);
  body += "</tr></thead><tbody>\n";
  for (const auto& [source, per_year] : by_source) {
    body += "<tr>" + Td(SourceLink(r, source));
    for (const std::string& y : years) {
      auto it = per_year.find(y);
      body += it == per_year.end() ? Td("", true)
                                   : Td(Num(it->second->affirmed) + " / <span class=\"negated\">" +
                                            Num(it->second->negated) + "</span>",
                                        true);
    }
    body += "</tr>\n";
  }
  body += "</tbody></table>\n<h2>Claims and their links</h2>\n" + FilterBox("claims") +
          "<table id=\"claims\"><thead><tr>" + Th("Date") + Th("Claim") +
          Th("Links (contradictions and updates first)") + "</tr></thead><tbody>\n";
  for (const engine::Claim& c : claims.rows) {
    std::string links;
    for (const LinkRow& l : ctx.browser->LinksOf(r, c.id, 5)) {
      const engine::Claim& o = Other(l, c.id);
      links += "<div>" + H(engine::ToString(l.link.relation)) + " " + Fixed(l.link.score) + ": " +
               Link(RunPath(r, "claims/" + std::to_string(o.id)), report::Truncate(o.text, 90)) +
               " <span class=\"meta\">(" + H(o.source) + ", " +
               (o.date.empty() ? "undated" : H(o.date)) + ")</span></div>";
    }
    body += "<tr>" + Td(c.date.empty() ? "undated" : H(c.date)) + Td(ClaimCell(r, c)) + Td(links) +
            "</tr>\n";
  }
  body += "</tbody></table>\n" + NextLink(RunPath(r, "proposition"),
                                          {{"key", key}, {"limit", LimitValue(ctx)}}, claims.next);
  return Framed(ctx, prop && !prop->label.empty() ? prop->label : key, body);
}

std::string ClaimPage(const PageContext& ctx, int64_t claim_id) {
  const int64_t r = ctx.run;
  const std::optional<engine::Claim> claim = ctx.browser->Claim(r, claim_id);
  if (!claim)
    throw HttpError(404, "no claim " + std::to_string(claim_id) + " in run " + std::to_string(r));
  const engine::Claim& c = *claim;
  std::string body = "<blockquote id=\"claim-text\">" + H(c.text) + "</blockquote>\n<table>";
  auto row = [&](const char* k, const std::string& v) {
    body += "<tr><th>" + H(k) + "</th><td>" + v + "</td></tr>\n";
  };
  row("Source", SourceLink(r, c.source));
  row("Speaker", c.speaker.empty() ? "the outlet itself"
                                   : Link(Url(RunPath(r, "speaker"), {{"name", c.speaker}}),
                                          report::SpeakerLabel(c)));
  row("Date", c.date.empty() ? "undated" : H(c.date));
  row("Stance", H(engine::ToString(c.polarity)) + ", " + H(engine::ToString(c.modality)));
  if (!c.about.empty()) row("About", H(report::AboutLabel(c)));
  if (!c.proposition.empty()) row("Proposition", PropositionLink(r, c.proposition, c.proposition));
  if (!c.entities.empty()) {
    std::string e;
    for (size_t i = 0; i < c.entities.size(); ++i) e += (i ? ", " : "") + H(c.entities[i]);
    row("Entities", e);
  }
  if (!c.quantities.empty()) {
    std::string q;
    for (size_t i = 0; i < c.quantities.size(); ++i) q += (i ? ", " : "") + H(c.quantities[i].text);
    row("Quantities", q);
  }
  row("Span", "characters " + std::to_string(c.char_begin) + "–" + std::to_string(c.char_end) +
                  " of document " + std::to_string(c.document));
  body += "</table>\n<h2>Links</h2>\n";
  const std::vector<LinkRow> links = ctx.browser->LinksOf(r, c.id, 100);
  if (links.empty()) {
    body += "<p>No link to another claim.</p>\n";
  } else {
    body += "<table class=\"sortable\" id=\"links\"><thead><tr>" + Th("Relation") +
            Th("Score", true) + Th("Other claim") + Th("Reasons") + "</tr></thead><tbody>\n";
    for (const LinkRow& l : links) {
      body += "<tr>" + Td(H(engine::ToString(l.link.relation))) + Td(Fixed(l.link.score), true) +
              Td(ClaimCell(r, Other(l, c.id))) + Td(Reasons(l.link.reasons)) + "</tr>\n";
    }
    body += "</tbody></table>\n";
    if (links.size() == 100) body += "<p class=\"note\">The first 100 links.</p>\n";
  }
  const std::optional<engine::Document> doc = ctx.browser->Document(c.document);
  body += "<h2>In its document</h2>\n";
  if (!doc) {
    body += "<p class=\"note\">The document is not in the store.</p>\n";
  } else {
    const std::string safe = report::SafeHref(doc->url);
    body += "<p class=\"meta\">" + H(doc->title.empty() ? "(untitled)" : doc->title) + " · " +
            H(doc->source) + " · " + (doc->date.empty() ? "undated" : H(doc->date)) +
            (safe.empty() ? (doc->url.empty() ? "" : " · " + H(doc->url))
                          : " · <a rel=\"noreferrer noopener\" href=\"" + H(safe) + "\">" +
                                H(doc->url) + "</a>") +
            "</p>\n";
    const std::string& t = doc->text;
    size_t b = std::min(c.byte_begin, t.size());
    size_t e = std::clamp(c.byte_end, b, t.size());
    // Keep the cut on code point boundaries.
    auto cont = [&](size_t i) {
      return i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80;
    };
    while (b > 0 && cont(b)) --b;
    while (cont(e)) ++e;
    body += "<div class=\"doc\">" + H(std::string_view(t).substr(0, b)) + "<mark id=\"span\">" +
            H(std::string_view(t).substr(b, e - b)) + "</mark>" + H(std::string_view(t).substr(e)) +
            "</div>\n";
    const std::vector<engine::Claim> others = ctx.browser->ClaimsOfDocument(r, c.document, 200);
    if (others.size() > 1) {
      body += "<h2>Other claims in this document</h2>\n<ul>\n";
      for (const engine::Claim& o : others) {
        if (o.id == c.id) continue;
        body += "<li>" + Link(RunPath(r, "claims/" + std::to_string(o.id)), o.text) + "</li>\n";
      }
      body += "</ul>\n";
    }
  }
  return Framed(ctx, "Claim " + std::to_string(c.id), body);
}

std::string LinksPage(const PageContext& ctx) {
  const int64_t r = ctx.run;
  LinkFilter filter;
  const std::string relation = ctx.query->Get("relation");
  if (!relation.empty() && !engine::ParseRelation(relation, &filter.relation))
    throw HttpError(400, "relation must be contradict, agree, update or copy");
  filter.source = ctx.query->Get("source");
  filter.other = ctx.query->Get("other");
  if (!filter.other.empty() && filter.source.empty())
    throw HttpError(400, "?other= needs ?source=");
  const std::string min = ctx.query->Get("min");
  if (!min.empty()) {
    char* end = nullptr;
    filter.min_score = std::strtod(min.c_str(), &end);
    if (end != min.c_str() + min.size() || !std::isfinite(filter.min_score) ||
        filter.min_score < 0 || filter.min_score > 1)
      throw HttpError(400, "min must be a score from 0 to 1");
  }
  const std::string after = ctx.query->Get("after");
  const Page<LinkRow> page =
      Paged([&] { return ctx.browser->Links(r, filter, after, Limit(ctx)); });
  const std::vector<std::string> names = ctx.browser->SourceNames(r);
  const std::string rel(engine::ToString(filter.relation));

  auto options = [&](const std::string& selected) {
    std::string out = "<option value=\"\">any</option>";
    for (const std::string& n : names) {
      out += "<option value=\"" + H(n) + "\"" + (n == selected ? " selected" : "") + ">" + H(n) +
             "</option>";
    }
    return out;
  };
  std::string body = "<form class=\"filters\" method=\"get\" action=\"" + H(RunPath(r, "links")) +
                     "\"><label>Relation <select name=\"relation\">";
  for (const char* v : {"contradict", "agree", "update", "copy"})
    body += std::string("<option") + (rel == v ? " selected" : "") + ">" + v + "</option>";
  body += "</select></label><label>Source <select name=\"source\">" + options(filter.source) +
          "</select></label><label>Other source <select name=\"other\">" + options(filter.other) +
          "</select></label><label>Minimum score <input name=\"min\" type=\"number\" min=\"0\" "
          "max=\"1\" step=\"0.05\" value=\"" +
          H(min) + "\"></label><button type=\"submit\">Filter</button></form>\n";
  body +=
      "<p class=\"meta\">Highest score first" +
      (filter.source.empty() ? std::string()
                             : "; with a claim of " + H(filter.source) +
                                   (filter.other.empty() ? "" : " and one of " + H(filter.other))) +
      ".</p>\n";
  body += LinkTable(r, page.rows, "links");
  if (page.rows.empty()) body += "<p id=\"no-links\">No such links.</p>\n";
  body += NextLink(RunPath(r, "links"),
                   {{"relation", rel},
                    {"source", filter.source},
                    {"other", filter.other},
                    {"min", min},
                    {"limit", LimitValue(ctx)}},
                   page.next);
  return Framed(ctx, RelationTitle(filter.relation), body);
}

std::string SearchPage(const PageContext& ctx) {
  const int64_t r = ctx.run;
  const std::string q = ctx.query->Get("q");
  const std::string after = ctx.query->Get("after");
  std::string body =
      "<form class=\"filters\" method=\"get\" action=\"" + H(RunPath(r, "search")) +
      "\"><label>Words or \"a phrase\" <input type=\"search\" name=\"q\" value=\"" + H(q) +
      "\" size=\"40\"></label><button type=\"submit\">Search</button></form>\n"
      "<p class=\"meta\">All words must occur; matched on word stems, ignoring case and accents; "
      "in run order.</p>\n";
  if (!q.empty()) {
    const Page<engine::Claim> page =
        Paged([&] { return ctx.browser->Search(r, q, after, Limit(ctx)); });
    if (page.rows.empty()) {
      body += "<p id=\"no-results\">No claim matches.</p>\n";
    } else {
      body += ClaimTable(r, page.rows, "results");
    }
    body += NextLink(RunPath(r, "search"), {{"q", q}, {"limit", LimitValue(ctx)}}, page.next);
  }
  return Framed(ctx, q.empty() ? "Search" : "Search: " + q, body, q);
}

namespace {

// The comparison's body (without the frame), from the sources' part of the run.
std::string CompareBody(const PageContext& ctx, const std::vector<std::string>& names) {
  const int64_t r = ctx.run;
  const engine::AnalysisResult part = ctx.browser->LoadSources(r, names);
  const report::ReportData data(part);
  const report::Comparison c = report::Compare(data, names);
  constexpr size_t kShown = 50;
  std::string body = "<table class=\"sortable\" id=\"compared\"><thead><tr>" + Th("Source") +
                     Th("Claims", true) + Th("Reliability") + "</tr></thead><tbody>\n";
  for (const std::string& s : c.sources) {
    const report::Evidence* e = data.source(s);
    body += "<tr>" + Td(SourceLink(r, s)) + Td(Num(c.claims.at(s)), true) +
            Td(e && e->score ? ScoreBar(e->score->reliability, e->score->uncertainty) + " " +
                                   Fixed(e->score->reliability)
                             : "–") +
            "</tr>\n";
  }
  body += "</tbody></table>\n<p>Between these sources: " +
          report::Plural(c.contradictions.size(), "contradiction", "contradictions") + ", " +
          report::Plural(c.agreements.size(), "agreement", "agreements") + ", " +
          report::Plural(c.updates.size(), "update", "updates") + ".</p>\n";
  auto pairs = [&](const char* id, const char* heading,
                   const std::vector<const engine::ClaimLink*>& links) {
    body += std::string("<h2 id=\"") + id + "\">" + heading + " (" +
            Num(static_cast<int64_t>(links.size())) + ")</h2>\n";
    if (links.empty()) {
      body += "<p>None between these sources.</p>\n";
      return;
    }
    body += std::string("<table class=\"sortable\" id=\"") + id + "-table\"><thead><tr>" +
            Th("Score", true) + Th("Claim A") + Th("Claim B") + Th("Reasons") +
            "</tr></thead><tbody>\n";
    for (size_t i = 0; i < links.size() && i < kShown; ++i) {
      const engine::ClaimLink& l = *links[i];
      const engine::Claim* a = data.claim(l.a);
      const engine::Claim* b = data.claim(l.b);
      if (l.relation == engine::Relation::kUpdate) {
        const report::TimeRelation t = report::DescribeTimeRelation(*a, *b);
        a = t.earlier;
        b = t.later;
      }
      body += "<tr>" + Td(Fixed(l.score), true) + Td(ClaimCell(r, *a)) + Td(ClaimCell(r, *b)) +
              Td(Reasons(l.reasons)) + "</tr>\n";
    }
    body += "</tbody></table>\n";
    if (links.size() > kShown) {
      body += "<p class=\"note\">The " + std::to_string(kShown) + " highest-scored of " +
              Num(static_cast<int64_t>(links.size())) + ".";
      if (c.sources.size() == 2) {
        const std::string rel = links[0]->relation == engine::Relation::kContradict ? "contradict"
                                : links[0]->relation == engine::Relation::kAgree    ? "agree"
                                                                                    : "update";
        body +=
            " " + Link(Url(RunPath(r, "links"),
                           {{"relation", rel}, {"source", c.sources[0]}, {"other", c.sources[1]}}),
                       "All of them →");
      }
      body += "</p>\n";
    }
  };
  pairs("contradict", "Where they contradict each other", c.contradictions);
  pairs("agree", "Where they agree", c.agreements);
  pairs("update", "How claims moved on (updates)", c.updates);

  body +=
      "<h2 id=\"alone\">What each claims alone</h2>\n<p class=\"meta\">Claims no other compared "
      "source links to or states.</p>\n<div class=\"cols\">";
  for (const std::string& s : c.sources) {
    auto it = c.alone.find(s);
    const size_t total = it == c.alone.end() ? 0 : it->second.size();
    body += "<section><h3>" + H(s) + " (" + Num(static_cast<int64_t>(total)) + ")</h3><ul>";
    for (size_t i = 0; i < total && i < 20; ++i) {
      const engine::Claim* cl = it->second[i];
      body += "<li>" + (cl->date.empty() ? std::string("undated") : H(cl->date)) + ": " +
              Link(RunPath(r, "claims/" + std::to_string(cl->id)), cl->text) + "</li>";
    }
    body += "</ul>" + std::string(total > 20 ? "<p class=\"note\">The first 20.</p>" : "") +
            "</section>";
  }
  body +=
      "</div>\n<h2 id=\"time\">Over time</h2>\n<table class=\"sortable\" "
      "id=\"per-year\"><thead><tr>" +
      Th("Year");
  for (const std::string& s : c.sources) body += Th(s, true);
  body += "</tr></thead><tbody>\n";
  for (const auto& [year, counts] : c.claims_per_year) {
    body += "<tr>" + Td(H(year));
    for (const std::string& s : c.sources) {
      auto it = counts.find(s);
      body += Td(Num(it == counts.end() ? 0 : it->second), true);
    }
    body += "</tr>\n";
  }
  body += "</tbody></table>\n";
  if (!c.over_time.empty()) {
    body += "<table class=\"sortable\" id=\"links-per-year\"><thead><tr>" + Th("Year") +
            Th("Source A") + Th("Source B") + Th("Agreements", true) + Th("Contradictions", true) +
            Th("Updates", true) + "</tr></thead><tbody>\n";
    for (const report::Comparison::Window& w : c.over_time) {
      body += "<tr>" + Td(H(w.window)) + Td(H(w.a)) + Td(H(w.b)) + Td(Num(w.agreements), true) +
              Td(Num(w.contradictions), true) + Td(Num(w.updates), true) + "</tr>\n";
    }
    body += "</tbody></table>\n";
  }
  body += "<h2 id=\"shared\">Shared propositions (" + Num(static_cast<int64_t>(c.shared.size())) +
          ")</h2>\n";
  if (c.shared.empty()) {
    body += "<p>No proposition is stated by two or more of these sources.</p>\n";
  } else {
    body += "<table class=\"sortable\" id=\"shared-table\"><thead><tr>" + Th("Proposition") +
            Th("Claims", true) + Th("Contradictions", true) + Th("Updates", true) +
            "</tr></thead><tbody>\n";
    for (size_t i = 0; i < c.shared.size() && i < kShown; ++i) {
      const report::ReportData::Timeline& t = c.shared[i];
      body += "<tr>" + Td(PropositionLink(r, t.key, t.label)) +
              Td(Num(static_cast<int64_t>(t.claims.size())), true) +
              Td(Num(t.contradictions), true) + Td(Num(t.updates), true) + "</tr>\n";
    }
    body += "</tbody></table>\n";
    if (c.shared.size() > kShown)
      body += "<p class=\"note\">The " + std::to_string(kShown) + " with the most claims.</p>\n";
  }
  return body;
}

}  // namespace

std::string ComparePage(const PageContext& ctx) {
  const int64_t r = ctx.run;
  const std::vector<std::string> known = ctx.browser->SourceNames(r);
  std::vector<std::string> names;
  for (const std::string& asked : ctx.query->All("source")) {
    if (asked.empty()) continue;
    std::string found;
    if (std::binary_search(known.begin(), known.end(), asked)) {
      found = asked;
    } else {
      auto lower = [](std::string s) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
      };
      for (const std::string& k : known) {
        if (lower(k) != lower(asked)) continue;
        if (!found.empty()) throw HttpError(400, "source '" + asked + "' is ambiguous");
        found = k;
      }
    }
    if (found.empty()) throw HttpError(404, "no source named '" + asked + "' in this run");
    if (std::find(names.begin(), names.end(), found) == names.end()) names.push_back(found);
  }
  if (names.size() > 8) throw HttpError(400, "compare at most 8 sources at once");
  std::string body = "<form class=\"filters\" method=\"get\" action=\"" + H(RunPath(r, "compare")) +
                     "\"><label>Sources (two or more) <select name=\"source\" multiple size=\"8\">";
  for (const std::string& k : known) {
    const bool on = std::find(names.begin(), names.end(), k) != names.end();
    body += "<option value=\"" + H(k) + "\"" + (on ? " selected" : "") + ">" + H(k) + "</option>";
  }
  body += "</select></label><button type=\"submit\">Compare</button></form>\n";
  if (names.size() < 2) {
    body +=
        "<p>Choose two or more sources to see where they agree, where they contradict each "
        "other, what each claims alone, and how that moved over time.</p>\n";
    return Framed(ctx, "Compare sources", body);
  }
  std::string key = std::to_string(r);
  for (const std::string& n : names) key += '\n' + n;
  body +=
      ctx.memo ? ctx.memo(key, [&] { return CompareBody(ctx, names); }) : CompareBody(ctx, names);
  std::string title = "Compare: ";
  for (size_t i = 0; i < names.size(); ++i) title += (i ? " · " : "") + names[i];
  return Framed(ctx, title, body);
}

std::shared_ptr<const LoadedDiff> LoadDiff(StoreBrowser* browser, int64_t a, int64_t b) {
  auto loaded = std::make_shared<LoadedDiff>();
  loaded->changes = browser->Changes(a, b);
  loaded->sources = report::MovedSources(loaded->changes.sources_a, loaded->changes.sources_b);
  return loaded;
}

namespace {

// The lists of the diff view, in the order the overview shows them.
constexpr const char* kDiffLists[] = {"sources", "links-added", "links-gone", "claims-added",
                                      "claims-gone"};

size_t DiffListSize(const LoadedDiff& d, std::string_view list) {
  if (list == "sources") return d.sources.size();
  if (list == "links-added") return d.changes.links_added.size();
  if (list == "links-gone") return d.changes.links_gone.size();
  if (list == "claims-added") return d.changes.claims_added.size();
  return d.changes.claims_gone.size();
}

std::string DiffListTitle(std::string_view list) {
  if (list == "sources") return "Sources whose reliability moved";
  if (list == "links-added") return "Links added";
  if (list == "links-gone") return "Links gone";
  if (list == "claims-added") return "Claims added";
  return "Claims gone";
}

std::string ScoreText(const engine::ReliabilityScore* s) {
  return s ? ScoreBar(s->reliability, s->uncertainty) + " " + Fixed(s->reliability) + " ±" +
                 Fixed(s->uncertainty)
           : "–";
}

std::string CountPair(const report::SourceMove& m, int engine::ReliabilityScore::*field) {
  return (m.before ? Num(m.before->*field) : "–") + " → " + (m.after ? Num(m.after->*field) : "–");
}

// Rows [begin, end) of one list of the diff as a table, read from the store. Claims and links gone
// are shown from run A (linked to its pages), the rest from run B.
std::string DiffRows(StoreBrowser* browser, const LoadedDiff& ld, std::string_view list,
                     size_t begin, size_t end) {
  const int64_t ra = ld.changes.a.id, rb = ld.changes.b.id;
  const std::string id(list);
  std::string out;
  if (list == "sources") {
    out = "<table class=\"sortable\" id=\"" + id + "\"><thead><tr>" + Th("Source") +
          Th("Run " + std::to_string(ra)) + Th("Run " + std::to_string(rb)) + Th("Change", true) +
          Th("Claims", true) + Th("Corroborated", true) + Th("Contradicted", true) +
          "</tr></thead><tbody>\n";
    for (size_t i = begin; i < end; ++i) {
      const report::SourceMove& m = ld.sources[i];
      const std::string change = m.before && m.after ? (m.change >= 0 ? "+" : "") + Fixed(m.change)
                                 : m.after           ? "new"
                                                     : "dropped";
      out += "<tr>" + Td(SourceLink(m.after ? rb : ra, m.name)) + Td(ScoreText(m.before)) +
             Td(ScoreText(m.after)) + Td(H(change), true) +
             Td(CountPair(m, &engine::ReliabilityScore::claims), true) +
             Td(CountPair(m, &engine::ReliabilityScore::corroborated), true) +
             Td(CountPair(m, &engine::ReliabilityScore::contradicted), true) + "</tr>\n";
    }
  } else if (list == "links-added" || list == "links-gone") {
    const bool added = list == "links-added";
    const std::vector<int64_t>& all = added ? ld.changes.links_added : ld.changes.links_gone;
    const int64_t run = added ? rb : ra;
    out = "<table class=\"sortable\" id=\"" + id + "\"><thead><tr>" + Th("Relation") +
          Th("Score", true) + Th("Claim A") + Th("Claim B") + Th("Reasons") +
          "</tr></thead><tbody>\n";
    const std::vector<int64_t> seqs(all.begin() + static_cast<std::ptrdiff_t>(begin),
                                    all.begin() + static_cast<std::ptrdiff_t>(end));
    for (const LinkRow& l : browser->LinksAt(run, seqs))
      out += "<tr>" + Td(H(engine::ToString(l.link.relation))) + Td(Fixed(l.link.score), true) +
             Td(ClaimCell(run, l.a)) + Td(ClaimCell(run, l.b)) + Td(Reasons(l.link.reasons)) +
             "</tr>\n";
  } else {
    const bool added = list == "claims-added";
    const std::vector<int64_t>& all = added ? ld.changes.claims_added : ld.changes.claims_gone;
    const int64_t run = added ? rb : ra;
    out = "<table class=\"sortable\" id=\"" + id + "\"><thead><tr>" + Th("Claim") +
          Th("Document", true) + "</tr></thead><tbody>\n";
    const std::vector<int64_t> ids(all.begin() + static_cast<std::ptrdiff_t>(begin),
                                   all.begin() + static_cast<std::ptrdiff_t>(end));
    for (const engine::Claim& c : browser->ClaimsById(run, ids))
      out += "<tr>" + Td(ClaimCell(run, c)) + Td(Num(c.document), true) + "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string DiffPage(const PageContext& ctx) {
  const int64_t rb = ctx.run;
  const std::vector<RunInfo> runs = ctx.browser->Runs();
  int64_t ra = 0;
  const std::string from = ctx.query->Get("from");
  if (!from.empty()) {
    ra = ParseId(from, "run to compare with");
    if (ra == rb) throw HttpError(400, "compare two different runs");
    if (!ctx.browser->Run(ra)) throw HttpError(404, "no run " + from + " to compare with");
  } else {
    for (const RunInfo& r : runs)  // newest first: the first older one is the run before
      if (r.id < rb) {
        ra = r.id;
        break;
      }
  }
  const std::string list = ctx.query->Get("list");
  if (!list.empty() &&
      std::find(std::begin(kDiffLists), std::end(kDiffLists), list) == std::end(kDiffLists))
    throw HttpError(400,
                    "list must be one of sources, links-added, links-gone, claims-added, "
                    "claims-gone");
  size_t page = 1;
  if (const std::string p = ctx.query->Get("page"); !p.empty()) {
    const auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), page);
    if (ec != std::errc() || end != p.data() + p.size() || page < 1 || page > 1000000000)
      throw HttpError(400, "page must be a number from 1");
  }
  const size_t limit = static_cast<size_t>(Limit(ctx));

  std::string body = "<form class=\"filters\" method=\"get\" action=\"" + H(RunPath(rb, "diff")) +
                     "\"><label>Changes since run <select name=\"from\">";
  for (const RunInfo& r : runs) {
    if (r.id == rb) continue;
    body += "<option value=\"" + std::to_string(r.id) + "\"" + (r.id == ra ? " selected" : "") +
            ">" + std::to_string(r.id) + " (" + H(r.created_at) + ")</option>";
  }
  body += "</select></label><button type=\"submit\">Show</button></form>\n";
  const std::string title =
      "Changes from run " + std::to_string(ra) + " to run " + std::to_string(rb);
  if (ra == 0) {
    body += "<p>No earlier run to compare with; choose a run above.</p>\n";
    return Framed(ctx, "Changes in run " + std::to_string(rb), body);
  }
  const std::shared_ptr<const LoadedDiff> ld =
      ctx.diff ? ctx.diff(ra, rb) : LoadDiff(ctx.browser, ra, rb);
  const RunChanges& d = ld->changes;
  const RunInfo &a = d.a, &b = d.b;
  const std::string path = RunPath(rb, "diff");
  const std::string from_value = std::to_string(ra);

  if (!list.empty()) {
    const size_t n = DiffListSize(*ld, list);
    const size_t pages = std::max<size_t>(1, (n + limit - 1) / limit);
    if (page > pages)
      throw HttpError(404, "page " + std::to_string(page) + " is past the last page (" +
                               std::to_string(pages) + ")");
    const size_t begin = (page - 1) * limit, end = std::min(n, begin + limit);
    body += "<p class=\"meta\">" + Link(Url(path, {{"from", from_value}}), "← All changes") +
            " · " + Num(static_cast<int64_t>(n)) + " in all; page " + std::to_string(page) +
            " of " + std::to_string(pages) + ".</p>\n" + FilterBox(list) +
            DiffRows(ctx.browser, *ld, list, begin, end);
    if (n == 0) body += "<p>None.</p>\n";
    body += "<p class=\"pager\">";
    const std::string limit_value = LimitValue(ctx);
    if (page > 1)
      body += "<a rel=\"prev\" href=\"" +
              H(Url(path, {{"from", from_value},
                           {"list", list},
                           {"limit", limit_value},
                           {"page", std::to_string(page - 1)}})) +
              "\">← Previous page</a> ";
    if (page < pages)
      body += "<a rel=\"next\" href=\"" +
              H(Url(path, {{"from", from_value},
                           {"list", list},
                           {"limit", limit_value},
                           {"page", std::to_string(page + 1)}})) +
              "\">Next page →</a>";
    body += "</p>\n";
    return Framed(ctx, DiffListTitle(list) + " · " + title, body);
  }

  body += "<table id=\"diff-runs\"><thead><tr><th></th>" + Th("Run " + std::to_string(ra)) +
          Th("Run " + std::to_string(rb)) + "</tr></thead><tbody>\n";
  auto row = [&](const char* k, const std::string& x, const std::string& y) {
    body += "<tr><th>" + H(k) + "</th>" + Td(x) + Td(y) + "</tr>\n";
  };
  row("Recorded", H(a.created_at), H(b.created_at));
  row("Version", H(a.program_version), H(b.program_version));
  row("Documents", Num(a.documents), Num(b.documents));
  row("Claims", Num(a.claims), Num(b.claims));
  row("Links", Num(a.links), Num(b.links));
  body += "</tbody></table>\n<p id=\"diff-summary\">Documents: " + Num(d.documents_added) +
          " added, " + Num(d.documents_gone) +
          " gone. Claims: " + Num(static_cast<int64_t>(d.claims_added.size())) + " added, " +
          Num(static_cast<int64_t>(d.claims_gone.size())) + " gone, " + Num(d.claims_kept) +
          " in both. Links: " + Num(static_cast<int64_t>(d.links_added.size())) + " added, " +
          Num(static_cast<int64_t>(d.links_gone.size())) + " gone, " + Num(d.links_kept) +
          " in both.</p>\n<p class=\"meta\">Claims are matched by document and character span, "
          "links by their two claims and relation; a source moved when its reliability changed "
          "by " +
          Fixed(report::DiffOptions().min_reliability_change) +
          " or more, or it is scored in one run only. Claims and links gone link to run " +
          std::to_string(ra) + ".</p>\n";
  constexpr size_t kOverview = 10;
  for (const char* l : kDiffLists) {
    const size_t n = DiffListSize(*ld, l);
    body += "<h2 id=\"h-" + std::string(l) + "\">" + H(DiffListTitle(l)) + " (" +
            Num(static_cast<int64_t>(n)) + ")</h2>\n";
    if (n == 0) continue;
    body += DiffRows(ctx.browser, *ld, l, 0, std::min(n, kOverview));
    if (n > kOverview)
      body += "<p>" + Link(Url(path, {{"from", from_value}, {"list", l}}), "All " + Num(n) + " →") +
              "</p>\n";
  }
  return Framed(ctx, title, body);
}

std::string ErrorPage(const PageContext& ctx, int status, const std::string& message) {
  const char* reason = status == 404   ? "Not found"
                       : status == 400 ? "Bad request"
                       : status == 405 ? "Method not allowed"
                       : status == 403 ? "Forbidden"
                                       : "Error";
  return Framed(
      ctx, std::to_string(status) + " " + reason,
      "<p class=\"error\">" + H(message) + "</p>\n<p>" + Link("/", "All runs") + "</p>\n");
}

}  // namespace claimgraph::io::serve
