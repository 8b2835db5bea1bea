// serve_bench: how long the explorer (`claimgraph serve`) takes to answer each kind of page on a
// large store, measured through HTTP against the real server started in this process
// (docs/EVALUATION.md, "Explorer"). For each page kind it asks the first page, pages deep in
// the list (cursors built from the store for the rows at 50%, 99% and the last position, since
// keyset paging must cost the same there) and, for the detail pages, the largest
// item (the source with the most claims, the largest proposition, the claim with the most links).
// Each URL is asked `--repeat` times; it prints the first answer's time (the store's pages not yet
// in SQLite's cache) and the median and worst of the others. When the run has an earlier run, the
// diff view (changes since it: the overview, and the first and last page of each list) is asked
// with the explorer's diff cache off, so every answer finds the diff afresh, as a first visit does.
//
// usage: serve_bench --db FILE [--repeat N] [--run ID]
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "io/serve/explorer_server.h"
#include "io/serve/html.h"
#include "io/store/store_browser.h"

namespace {

using claimgraph::io::serve::Url;
using claimgraph::io::serve::UrlEncode;

struct Target {
  std::string kind;
  std::string url;
  int expect = 200;
};

std::string ScoreCursor(double score, int64_t seq) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g~%lld", score, static_cast<long long>(seq));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int repeat = 5;
  int64_t run = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--db") {
      db = value();
    } else if (a == "--repeat") {
      repeat = std::stoi(value());
    } else if (a == "--run") {
      run = std::stoll(value());
    } else {
      std::cerr << "usage: serve_bench --db FILE [--repeat N] [--run ID]\n";
      return 2;
    }
  }
  if (db.empty() || repeat < 1) {
    std::cerr << "usage: serve_bench --db FILE [--repeat N] [--run ID]\n";
    return 2;
  }

  // Set-up (not timed): which run, the largest items, and cursors deep in each list.
  std::vector<Target> targets;
  int64_t n_claims = 0;
  {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    if (run == 0) run = s.execAndGet("SELECT max(id) FROM runs").getInt64();
    n_claims = s.execAndGet("SELECT count(*) FROM claims WHERE run_id = " + std::to_string(run))
                   .getInt64();
    const std::string r = "/runs/" + std::to_string(run);
    auto one = [&](const std::string& sql) {
      SQLite::Statement q(s, sql);
      q.bind(1, run);
      if (!q.executeStep()) throw std::runtime_error("no row for: " + sql);
      return q;
    };
    const std::string big_source =
        one("SELECT name FROM reliability WHERE run_id = ? AND kind = 'source' ORDER BY claims "
            "DESC LIMIT 1")
            .getColumn(0)
            .getString();
    const std::string second_source =
        one("SELECT name FROM reliability WHERE run_id = ? AND kind = 'source' ORDER BY claims "
            "DESC LIMIT 1 OFFSET 1")
            .getColumn(0)
            .getString();
    const std::string big_speaker =
        one("SELECT name FROM reliability WHERE run_id = ? AND kind = 'speaker' ORDER BY claims "
            "DESC LIMIT 1")
            .getColumn(0)
            .getString();
    const std::string big_prop = one("SELECT key FROM propositions WHERE run_id = ? ORDER BY "
                                     "json_array_length(claims) DESC LIMIT 1")
                                     .getColumn(0)
                                     .getString();
    const int64_t linked_claim =
        one("SELECT a FROM links WHERE run_id = ? GROUP BY a ORDER BY count(*) DESC LIMIT 1")
            .getColumn(0)
            .getInt64();
    targets.push_back({"runs", "/"});
    targets.push_back({"run overview", r});
    targets.push_back({"sources", r + "/sources"});
    targets.push_back({"speakers", r + "/speakers"});
    targets.push_back({"propositions", r + "/propositions"});
    targets.push_back({"source (largest)", Url(r + "/source", {{"name", big_source}})});
    targets.push_back({"speaker (largest)", Url(r + "/speaker", {{"name", big_speaker}})});
    targets.push_back({"proposition (largest)", Url(r + "/proposition", {{"key", big_prop}})});
    targets.push_back({"claim (most links)", r + "/claims/" + std::to_string(linked_claim)});
    for (int64_t id : {int64_t{1}, n_claims / 2, n_claims - 1})
      targets.push_back({"claim", r + "/claims/" + std::to_string(id)});

    // Deep pages: the cursor of the row at a position, as the server would have made it.
    auto link_cursor = [&](const std::string& relation, const std::string& source, int64_t at) {
      const std::string sql =
          source.empty()
              ? "SELECT score, seq FROM links WHERE run_id = ? AND relation = ? ORDER BY score "
                "DESC, seq LIMIT 1 OFFSET ?"
              : "SELECT score, seq FROM link_sources WHERE run_id = ? AND relation = ? AND source "
                "= ? ORDER BY score DESC, seq LIMIT 1 OFFSET ?";
      SQLite::Statement q(s, sql);
      q.bind(1, run);
      q.bind(2, relation);
      if (source.empty()) {
        q.bind(3, at);
      } else {
        q.bind(3, source);
        q.bind(4, at);
      }
      return q.executeStep() ? ScoreCursor(q.getColumn(0).getDouble(), q.getColumn(1).getInt64())
                             : std::string();
    };
    auto count = [&](const std::string& sql, const std::string& arg) {
      SQLite::Statement q(s, sql);
      q.bind(1, run);
      if (!arg.empty()) q.bind(2, arg);
      q.executeStep();
      return q.getColumn(0).getInt64();
    };
    for (const std::string rel : {"contradict", "agree", "update"}) {
      const int64_t n = count("SELECT count(*) FROM links WHERE run_id = ? AND relation = ?", rel);
      targets.push_back({"links " + rel, Url(r + "/links", {{"relation", rel}})});
      for (const auto& [label, at] : std::vector<std::pair<std::string, int64_t>>{
               {"50%", n / 2}, {"99%", n * 99 / 100}, {"last", std::max<int64_t>(0, n - 2)}}) {
        const std::string c = link_cursor(rel, "", at);
        if (!c.empty())
          targets.push_back({"links " + rel + " at " + label,
                             Url(r + "/links", {{"relation", rel}, {"after", c}})});
      }
      targets.push_back({"links " + rel + " by source",
                         Url(r + "/links", {{"relation", rel}, {"source", big_source}})});
      const int64_t ns =
          count("SELECT count(*) FROM link_sources WHERE run_id = ? AND relation = '" + rel +
                    "' AND source = ?",
                big_source);
      const std::string deep = link_cursor(rel, big_source, std::max<int64_t>(0, ns - 2));
      if (!deep.empty())
        targets.push_back(
            {"links " + rel + " by source, last",
             Url(r + "/links", {{"relation", rel}, {"source", big_source}, {"after", deep}})});
      targets.push_back(
          {"links " + rel + " by pair",
           Url(r + "/links",
               {{"relation", rel}, {"source", big_source}, {"other", second_source}})});
      targets.push_back(
          {"links " + rel + " min 0.9", Url(r + "/links", {{"relation", rel}, {"min", "0.9"}})});
    }
    // Deep claims of the largest source: the cursor of its row at 99%.
    {
      SQLite::Statement q(s,
                          "SELECT date, seq FROM claims WHERE run_id = ? AND source = ? ORDER BY "
                          "date, seq LIMIT 1 OFFSET ?");
      q.bind(1, run);
      q.bind(2, big_source);
      q.bind(3, count("SELECT count(*) FROM claims WHERE run_id = ? AND source = ?", big_source) *
                    99 / 100);
      if (q.executeStep())
        targets.push_back({"source (largest) at 99%",
                           Url(r + "/source", {{"name", big_source},
                                               {"after", q.getColumn(0).getString() + "~" +
                                                             q.getColumn(1).getString()}})});
    }
    // Search: a word in most claims' text, a rarer one, a phrase, none; and a deep page.
    const std::string common = "said";
    targets.push_back({"search common word", Url(r + "/search", {{"q", common}})});
    targets.push_back(
        {"search common word, late",
         Url(r + "/search",
             {{"q", common}, {"after", std::to_string(run * 4294967296 + n_claims * 99 / 100)}})});
    targets.push_back({"search two words", Url(r + "/search", {{"q", "troops withdrawal"}})});
    targets.push_back({"search phrase", Url(r + "/search", {{"q", "\"according to\""}})});
    targets.push_back({"search no match", Url(r + "/search", {{"q", "zzqqxxyy"}})});
    targets.push_back({"compare two largest",
                       Url(r + "/compare", {{"source", big_source}, {"source", second_source}})});
    // The diff view: changes since the run before, if there is one.
    int64_t before = 0;
    {
      SQLite::Statement q(s, "SELECT max(id) FROM runs WHERE id < ?");
      q.bind(1, run);
      if (q.executeStep() && !q.getColumn(0).isNull()) before = q.getColumn(0).getInt64();
    }
    if (before) {
      const claimgraph::io::RunChanges ch = claimgraph::io::StoreBrowser(db).Changes(before, run);
      const std::string from = std::to_string(before);
      std::printf(
          "diff of runs %s and %lld: %zu + %zu claims, %zu + %zu links changed, %lld "
          "documents compared item by item\n",
          from.c_str(), static_cast<long long>(run), ch.claims_added.size(), ch.claims_gone.size(),
          ch.links_added.size(), ch.links_gone.size(),
          static_cast<long long>(ch.documents_compared));
      targets.push_back({"diff overview", Url(r + "/diff", {{"from", from}})});
      const std::pair<const char*, size_t> lists[] = {{"sources", 0},
                                                      {"links-added", ch.links_added.size()},
                                                      {"links-gone", ch.links_gone.size()},
                                                      {"claims-added", ch.claims_added.size()},
                                                      {"claims-gone", ch.claims_gone.size()}};
      for (const auto& [list, n] : lists) {
        targets.push_back(
            {std::string("diff ") + list, Url(r + "/diff", {{"from", from}, {"list", list}})});
        if (n > 50)
          targets.push_back(
              {std::string("diff ") + list + " last page",
               Url(r + "/diff",
                   {{"from", from}, {"list", list}, {"page", std::to_string((n + 49) / 50)}})});
      }
    }
    targets.push_back(
        {"bad cursor (400)", Url(r + "/links", {{"after", "99999999999999999999"}}), 400});
    targets.push_back({"no such claim (404)", r + "/claims/99999999999", 404});
  }

  claimgraph::io::serve::ServeOptions options;
  options.db = db;
  options.port = 0;
  options.cached_diffs = 0;  // every diff answer is a first visit
  claimgraph::io::serve::ExplorerServer server(options);
  const int port = server.Bind();
  std::thread thread([&] { server.Run(); });
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(120);

  std::printf("store %s, run %lld, %lld claims; %d requests per page\n", db.c_str(),
              static_cast<long long>(run), static_cast<long long>(n_claims), repeat);
  std::printf("%-34s %6s %9s %9s %9s %9s\n", "page", "status", "bytes", "first_ms", "median_ms",
              "max_ms");
  double worst = 0;
  std::string worst_kind;
  int bad = 0;
  for (const Target& t : targets) {
    std::vector<double> ms;
    int status = 0;
    size_t bytes = 0;
    for (int i = 0; i < repeat + 1; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      httplib::Result res = client.Get(t.url.c_str());
      const auto t1 = std::chrono::steady_clock::now();
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      status = res ? res->status : -1;
      bytes = res ? res->body.size() : 0;
    }
    if (status != t.expect) ++bad;
    const double first = ms[0];
    std::vector<double> rest(ms.begin() + 1, ms.end());
    std::sort(rest.begin(), rest.end());
    const double median = rest[rest.size() / 2];
    const double max = rest.back();
    if (std::max(first, max) > worst && t.kind.rfind("compare", 0) != 0) {
      worst = std::max(first, max);
      worst_kind = t.kind;
    }
    std::printf("%-34s %6d %9zu %9.1f %9.1f %9.1f\n", t.kind.c_str(), status, bytes, first, median,
                max);
  }
  std::printf("slowest page other than compare: %s, %.1f ms; unexpected statuses: %d\n",
              worst_kind.c_str(), worst, bad);
  server.Stop();
  thread.join();
  return bad == 0 ? 0 : 1;
}
