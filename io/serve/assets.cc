#include "io/serve/assets.h"

namespace claimgraph::io::serve {

const std::string_view kStyleCss = R"css(
:root { --fg: #1d2329; --muted: #5b6670; --line: #d8dde2; --accent: #1f5f99; --bad: #b3261e;
        --good: #2e7d32; --bg: #fbfcfd; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
       background: var(--bg); }
header { background: #13293d; color: #fff; padding: .5rem 1rem; display: flex; flex-wrap: wrap;
         gap: .4rem 1.2rem; align-items: center; }
header a { color: #fff; text-decoration: none; }
header a.brand { font-weight: 600; }
header nav a { margin-right: .8rem; opacity: .9; }
header nav a:hover { text-decoration: underline; }
header form { margin-left: auto; }
header input[type=search] { width: 16rem; padding: .25rem .4rem; border-radius: 3px; border: 0; }
main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
footer { color: var(--muted); font-size: 12px; padding: 0 1.5rem 1rem; }
h1 { font-size: 1.4rem; margin: .2rem 0 .8rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
table.sortable th { cursor: pointer; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta, .note { color: var(--muted); font-size: 13px; }
.claim .text { display: block; }
.stance { font-size: 12px; color: var(--muted); }
.negated { color: var(--bad); }
.reasons { font-size: 12px; color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
               background: #eef1f4; padding: .6rem; border-radius: 4px; }
form.filters label { display: flex; flex-direction: column; font-size: 13px; }
.pager { margin: .8rem 0; }
.doc { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: 1rem;
       max-height: 40rem; overflow: auto; }
mark { background: #ffe58a; padding: 0 1px; }
.error { color: var(--bad); }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
svg.bar { vertical-align: middle; margin-right: .25rem; }
td:has(> svg.bar) { white-space: nowrap; }
svg.bar rect.bg { fill: #e3e7eb; }
svg.bar rect.val { fill: var(--accent); }
svg.bar line { stroke: #13293d; stroke-width: 1.5; }
input.filter { padding: .25rem .4rem; width: 16rem; }
)css";

const std::string_view kScriptJs = R"js(
"use strict";
// Sorts a table.sortable by the clicked column (numbers as numbers), and filters the rows of the
// table an input.filter names (data-table) by the text typed. Only the rows on this page.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.sortable th").forEach(function (th, _) {
    th.addEventListener("click", function () {
      var table = th.closest("table"), body = table.tBodies[0];
      var col = Array.prototype.indexOf.call(th.parentNode.children, th);
      var asc = th.getAttribute("data-sort") !== "asc";
      th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-sort"); });
      th.setAttribute("data-sort", asc ? "asc" : "desc");
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) {
        var t = (r.cells[col] || {}).textContent || "";
        var n = parseFloat(t.replace(/,/g, ""));
        return isNaN(n) || !/^[\s\d.,+-]+$/.test(t) ? t.trim().toLowerCase() : n;
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  document.querySelectorAll("input.filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    if (!table) return;
    input.hidden = false;
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  });
});
)js";

}  // namespace claimgraph::io::serve
