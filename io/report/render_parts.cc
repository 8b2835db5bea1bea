#include "io/report/render_parts.h"

#include <sstream>

#include "engine/proposition/proposition.h"
#include "io/report/escape.h"
#include "io/report/format_util.h"

namespace claimgraph::io::report {
namespace {

// A URL inside Markdown link parentheses.
std::string MarkdownLinkTarget(const std::string& url) {
  std::string out;
  for (char c : SafeHref(url)) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '(':
        out += "%28";
        break;
      case ')':
        out += "%29";
        break;
      case '<':
        out += "%3C";
        break;
      case '>':
        out += "%3E";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr const char* kStyle = R"css(
:root { --fg:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --bg:#ffffff; --soft:#f5f6f8;
        --red:#b3261e; --green:#1e7b34; --orange:#a35c00; --blue:#174ea6; }
* { box-sizing: border-box; }
body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 80px; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin-top: 40px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 24px 0 6px; }
.meta, .note { color: var(--muted); font-size: 13px; }
nav.toc { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
          padding: 8px 14px; margin: 16px 0; font-size: 14px; }
nav.toc a { display: inline-block; margin-right: 14px; white-space: nowrap; }
a { color: var(--blue); text-decoration: none; } a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; height: 8px; background: var(--blue); border-radius: 2px;
       vertical-align: middle; margin-right: 6px; }
.pair { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 14px 0; }
.pair.contradict { border-left: 5px solid var(--red); }
.pair.update { border-left: 5px solid var(--orange); }
.pair.agree { border-left: 5px solid var(--green); }
.pair.contested { border-left: 5px solid var(--orange); }
tr.camp1 td { background: var(--soft); }
.pair h3 { margin-top: 4px; }
.claim { margin: 8px 0; }
.claim .tag { font-weight: 600; font-size: 13px; color: var(--muted); text-transform: uppercase; }
blockquote { margin: 4px 0; padding: 6px 12px; background: var(--soft); border-left: 3px solid var(--line);
             font-size: 15.5px; }
.prov { font-size: 13px; color: var(--muted); }
.prov b { color: var(--fg); }
.reasons { font-size: 13.5px; }
.reasons code, code { background: var(--soft); padding: 0 4px; border-radius: 3px; font-size: 12.5px; }
.badge { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 9px;
         border: 1px solid var(--line); color: var(--muted); margin-left: 4px; }
.neg { color: var(--red); } .aff { color: var(--green); }
.time { font-weight: 600; color: var(--orange); }
details > summary { cursor: pointer; color: var(--blue); }
[hidden] { display: none !important; }
figure.chart { margin: 12px 0 18px; overflow-x: auto; }
figure.chart figcaption { color: var(--muted); font-size: 13px; }
svg.chart { max-width: 100%; height: auto; }
svg.chart .mark:hover { opacity: 0.7; }
#filters { position: sticky; top: 0; z-index: 2; background: var(--bg); border: 1px solid var(--line);
           border-radius: 6px; padding: 8px 12px; margin: 12px 0; font-size: 14px; }
#filters input, #filters select { font: inherit; margin-right: 10px; max-width: 260px; }
#filters output { color: var(--muted); }
table.sortable th { cursor: pointer; }
table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; }
table.sortable th[aria-sort="descending"]::after { content: " \25BC"; }
)css";

// The report's filter box and sortable tables, in plain JavaScript: it reveals #filters, hides the
// items (class "fi") whose text, data-source or data-speaker do not match, and sorts a
// table.sortable by the clicked column. Without JavaScript the page shows every item unsorted.
constexpr const char* kScript = R"js(
(function () {
  var box = document.getElementById('filters');
  if (box) {
    box.hidden = false;
    var q = document.getElementById('fq'), src = document.getElementById('fs'),
        spk = document.getElementById('fp'), status = document.getElementById('fn');
    var items = Array.prototype.slice.call(document.querySelectorAll('.fi'));
    var fits = function (el, attr, v) {
      var x = el.getAttribute(attr);
      return !v || x === null || ('|' + x + '|').indexOf('|' + v + '|') >= 0;
    };
    var run = function () {
      var t = q.value.trim().toLowerCase(), n = 0;
      items.forEach(function (el) {
        var ok = (!t || el.textContent.toLowerCase().indexOf(t) >= 0) &&
                 fits(el, 'data-source', src.value) && fits(el, 'data-speaker', spk.value);
        el.hidden = !ok;
        if (ok) n++;
      });
      status.textContent = (t || src.value || spk.value) ? n + ' of ' + items.length + ' items match' : '';
    };
    q.addEventListener('input', run);
    src.addEventListener('change', run);
    spk.addEventListener('change', run);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.tabIndex = 0;
      th.addEventListener('click', function () {
        var col = th.cellIndex, num = th.classList.contains('num');
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var key = function (row) {
          var s = row.cells[col] ? row.cells[col].textContent.trim() : '';
          if (!num) return s.toLowerCase();
          var v = parseFloat(s.replace(/[^0-9.\-]/g, ''));
          return isNaN(v) ? -Infinity : v;
        };
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
)js";

}  // namespace

void MarkdownCite(const ReportData& data, const engine::Claim& c, const std::string& tag,
                  std::ostream& out) {
  const engine::Document* d = data.document(c.document);
  out << "\n**" << MarkdownEscape(tag) << "**\n\n> " << MarkdownEscape(c.text) << "\n\n— ";
  const std::string speaker = SpeakerLabel(c);
  if (speaker.empty())
    out << "**" << MarkdownEscape(c.source) << "** (the outlet's own claim)";
  else
    out << "**" << MarkdownEscape(speaker) << "**, reported by **" << MarkdownEscape(c.source)
        << "**";
  out << ", " << (c.date.empty() ? "undated" : MarkdownEscape(c.date));
  if (d) {
    const std::string title = d->title.empty() ? "document " + std::to_string(d->id) : d->title;
    const std::string href = MarkdownLinkTarget(d->url);
    if (href.empty()) out << " · \"" << MarkdownEscape(title) << "\"";
    if (href.empty() && !d->path.empty())
      out << " (" << MarkdownEscape(d->path) << ")";
    else
      out << " · [" << MarkdownEscape(title) << "](" << href << ")";
  }
  out << " · claim " << c.id << ", document " << c.document << ", characters " << c.char_begin
      << "–" << c.char_end << " · " << StanceLabel(c);
  const std::string about = AboutLabel(c);
  if (!about.empty()) out << " · about " << MarkdownEscape(about);
  out << "\n";
}

void MarkdownReasons(const engine::ClaimLink& l, std::ostream& out, const ReportData* data) {
  out << "Score " << Fixed(l.score) << ". Reasons: ";
  if (l.reasons.empty()) out << "(none given)";
  for (size_t i = 0; i < l.reasons.size(); ++i)
    out << (i ? "; " : "") << MarkdownEscape(l.reasons[i]);
  out << ".\n";
  const engine::Claim* a = data ? data->claim(l.a) : nullptr;
  const engine::Claim* b = data ? data->claim(l.b) : nullptr;
  if (a && b)
    out << "\nPropositions: A: " << MarkdownEscape(engine::DescribeProposition(*a))
        << " — B: " << MarkdownEscape(engine::DescribeProposition(*b)) << "\n";
}

void HtmlCite(const ReportData& data, const engine::Claim& c, const std::string& tag,
              std::ostream& out) {
  const engine::Document* d = data.document(c.document);
  out << "<div class=\"claim\"><span class=\"tag\">" << HtmlEscape(tag) << "</span><blockquote>"
      << HtmlEscape(c.text) << "</blockquote><div class=\"prov\">";
  const std::string speaker = SpeakerLabel(c);
  if (speaker.empty())
    out << "<b>" << HtmlEscape(c.source) << "</b> (the outlet's own claim)";
  else
    out << "<b>" << HtmlEscape(speaker) << "</b>, reported by <b>" << HtmlEscape(c.source)
        << "</b>";
  out << ", " << (c.date.empty() ? "undated" : HtmlEscape(c.date));
  if (d) {
    const std::string title = d->title.empty() ? "document " + std::to_string(d->id) : d->title;
    const std::string href = SafeHref(d->url);
    out << " · ";
    if (href.empty())
      out << "&ldquo;" << HtmlEscape(title) << "&rdquo;"
          << (d->path.empty() ? "" : " (<code>" + HtmlEscape(d->path) + "</code>)");
    else
      out << "<a href=\"" << HtmlEscape(href) << "\" rel=\"noreferrer noopener\">"
          << HtmlEscape(title) << "</a>";
  }
  out << " · claim " << c.id << ", document " << c.document << ", characters <code>" << c.char_begin
      << "–" << c.char_end << "</code> · <span class=\""
      << (c.polarity == engine::Polarity::kNegated ? "neg" : "aff") << "\">"
      << HtmlEscape(StanceLabel(c)) << "</span>";
  const std::string about = AboutLabel(c);
  if (!about.empty()) out << " · about " << HtmlEscape(about);
  out << "</div></div>\n";
}

void HtmlReasons(const engine::ClaimLink& l, std::ostream& out, const ReportData* data) {
  out << "<div class=\"reasons\">Score <b>" << Fixed(l.score) << "</b>. Reasons: ";
  if (l.reasons.empty()) out << "(none given)";
  for (size_t i = 0; i < l.reasons.size(); ++i)
    out << (i ? " " : "") << "<code>" << HtmlEscape(l.reasons[i]) << "</code>";
  out << "</div>\n";
  const engine::Claim* a = data ? data->claim(l.a) : nullptr;
  const engine::Claim* b = data ? data->claim(l.b) : nullptr;
  if (a && b)
    out << "<div class=\"reasons props\">Propositions: A: <code>"
        << HtmlEscape(engine::DescribeProposition(*a)) << "</code> B: <code>"
        << HtmlEscape(engine::DescribeProposition(*b)) << "</code></div>\n";
}

void HtmlPageStart(const std::string& title, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"claimgraph\">\n<title>"
      << HtmlEscape(title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<main>\n";
}

void HtmlPageEnd(std::ostream& out) { out << "</main>\n</body>\n</html>\n"; }

void HtmlScript(std::ostream& out) { out << "<script>" << kScript << "</script>\n"; }

std::string CampsSummary(const graph::SourceNetwork& net) {
  std::ostringstream out;
  out << "Sources split by signed clustering of the links between their claims: sources that agree "
         "in one camp, sources that contradict each other in different camps. "
      << Plural(static_cast<size_t>(net.camps), "camp", "camps") << " among "
      << Plural(net.sources.size(), "linked source", "linked sources") << ". ";
  if (net.frustration == 0) {
    out << "The split is balanced: every agreeing pair is within a camp and every contradicting "
           "pair across camps.";
  } else {
    out << "Pairs against the split (agreeing across camps or contradicting within one) weigh "
        << Fixed(net.frustration) << " of " << Fixed(net.total_weight)
        << " (a pair weighs |agreements - contradictions|).";
  }
  out << " Betweenness: the share of shortest paths between two other sources that run through "
         "the source (0-1).";
  return out.str();
}

}  // namespace claimgraph::io::report
