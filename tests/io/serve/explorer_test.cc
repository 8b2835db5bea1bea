// The explorer: StoreBrowser's keyset pages (every row once, in order, across pages of any
// size), full-text search, and the HTTP server started in process on a free port (pages, status
// codes, escaping of hostile text, refusal of bad paths, cursors, methods and hosts).
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <thread>
#include <tuple>

#include "io/report/run_diff.h"
#include "io/serve/explorer_server.h"
#include "io/serve/html.h"
#include "io/serve/pages.h"
#include "io/store/sqlite_store.h"
#include "io/store/store.h"
#include "io/store/store_browser.h"
#include "tests/test_support.h"

namespace {

using claimgraph::engine::AnalysisResult;
using claimgraph::engine::Claim;
using claimgraph::engine::Document;
using claimgraph::engine::Relation;
using namespace claimgraph::io;

const std::string kHostile = "Alpha <b>\"News\"</b> & 'Co'";

Document Doc(const std::string& source, const std::string& text, int n) {
  Document d;
  d.source = source;
  d.date = "2024-01-0" + std::to_string(n);
  d.title = "Story " + std::to_string(n) + " <i>title</i>";
  d.url = n == 1 ? "javascript:alert(1)" : "https://example.org/" + std::to_string(n);
  d.language = "en";
  d.text = text;
  d.content_hash = "hash-" + std::to_string(n);
  d.path = "doc" + std::to_string(n) + ".txt";
  return d;
}

// Three sources: 30 claims of the hostile-named one, 20 of "Beta", 10 of "Gamma"; links of every
// relation with tied scores, so pages break inside ties.
AnalysisResult MakeRun(std::vector<Document>& docs, Store* store) {
  const std::string text1 =
      "Intro. The withdrawal is complete <script>alert(1)</script> officials said. Outro.";
  docs = {Doc(kHostile, text1, 1), Doc("Beta", "Beta text about the withdrawal of troops.", 2),
          Doc("Gamma", "Gamma text about bridges.", 3)};
  for (Document& d : docs) store->PutDocument(&d);
  AnalysisResult r;
  r.documents = docs;
  r.reliability_method = "truthfinder";
  int64_t id = 100;
  auto add = [&](const Document& d, int i, const std::string& text, const std::string& prop) {
    Claim c;
    c.id = id++;
    c.document = d.id;
    c.source = d.source;
    c.text = text;
    c.date = "2024-0" + std::to_string(1 + i % 3) + "-1" + std::to_string(i % 10);
    c.proposition = prop;
    c.polarity = i % 4 == 0 ? claimgraph::engine::Polarity::kNegated
                            : claimgraph::engine::Polarity::kAffirmed;
    if (i % 5 == 0) c.speaker = "General <Smith>";
    r.claims.push_back(c);
  };
  // Claim 100: the hostile span in document 1.
  add(docs[0], 0, "The withdrawal is complete <script>alert(1)</script> officials said",
      "withdraw|troops");
  r.claims[0].byte_begin = text1.find("The withdrawal");
  r.claims[0].byte_end = text1.find(" Outro");
  for (int i = 1; i < 30; ++i)
    add(docs[0], i, "Alpha says troops withdrawal step " + std::to_string(i), "withdraw|troops");
  for (int i = 0; i < 20; ++i)
    add(docs[1], i, "Beta reports the bridge reopening number " + std::to_string(i),
        i < 10 ? "withdraw|troops" : "bridge|open");
  for (int i = 0; i < 10; ++i)
    add(docs[2], i, "Gamma on the harbour bridge " + std::to_string(i), "bridge|open");
  // Links: Alpha claim i <-> Beta claim i % 20, scores in {0.5, 0.75, 0.9}; Beta <-> Gamma.
  for (int i = 0; i < 30; ++i) {
    const Relation rel = i % 3 == 0   ? Relation::kAgree
                         : i % 3 == 1 ? Relation::kContradict
                                      : Relation::kUpdate;
    r.links.push_back(
        {100 + i, 130 + i % 20, rel, i % 2 ? 0.75 : 0.5, {"reason <" + std::to_string(i) + ">"}});
  }
  for (int i = 0; i < 10; ++i)
    r.links.push_back({130 + i, 150 + i, Relation::kContradict, 0.9, {"numbers differ"}});
  r.propositions = {{"withdraw|troops", "troops <withdrawal>", {}},
                    {"bridge|open", "bridge open", {}}};
  for (const Claim& c : r.claims)
    (c.proposition == "bridge|open" ? r.propositions[1] : r.propositions[0]).claims.push_back(c.id);
  for (const auto& [name, claims, rel] :
       {std::tuple{kHostile, 30, 0.4}, {"Beta", 20, 0.8}, {"Gamma", 10, 0.6}}) {
    claimgraph::engine::ReliabilityScore s;
    s.name = name;
    s.claims = claims;
    s.reliability = rel;
    s.uncertainty = 0.1;
    s.windows = {{"2024", rel, claims}};
    r.sources.push_back(s);
  }
  claimgraph::engine::ReliabilityScore sp;
  sp.name = "General <Smith>";
  sp.claims = 12;
  sp.reliability = 0.5;
  r.speakers = {sp};
  store->SaveRun(&r);
  return r;
}

struct Fixture {
  claimgraph::testing::TempDir dir{"serve"};
  std::string db = dir / "store.db";
  std::vector<Document> docs;
  AnalysisResult run;
  Fixture() {
    auto store = OpenStore(db);
    run = MakeRun(docs, store.get());
  }
};

// Every page of a keyset listing, concatenated.
template <class Row, class F>
std::vector<Row> AllPages(F&& page, int limit, int* pages) {
  std::vector<Row> out;
  std::string cursor;
  *pages = 0;
  do {
    Page<Row> p = page(cursor, limit);
    ++*pages;
    REQUIRE(static_cast<int>(p.rows.size()) <= limit);
    for (auto& r : p.rows) out.push_back(std::move(r));
    cursor = p.next;
  } while (!cursor.empty() && *pages < 1000);
  return out;
}

}  // namespace

TEST_CASE("FtsQuery quotes every word and phrase, so input cannot be FTS5 syntax", "[io][serve]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"withdrawal", "\"withdrawal\""},
      {"US troops", "\"US\" \"troops\""},
      {"\"no withdrawal\" Iraq", "\"no withdrawal\" \"Iraq\""},
      {"a OR b NOT c", "\"a\" \"OR\" \"b\" \"NOT\" \"c\""},
      {"' OR 1=1; DROP TABLE claims; --", "\"OR\" \"1\" \"1\" \"DROP\" \"TABLE\" \"claims\""},
      {"col:term* ^x (y)", "\"col\" \"term\" \"x\" \"y\""},
      {"\"unbalanced", "\"unbalanced\""},
      {"Ain al-Asad", "\"Ain\" \"al\" \"Asad\""},
      {"Qaïm", "\"Qaïm\""},
      {"  ;;; ", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    INFO(in);
    CHECK(FtsQuery(in) == want);
  }
}

TEST_CASE("StoreBrowser pages every list along its index, each row once, in order", "[io][serve]") {
  Fixture f;
  StoreBrowser b(f.db);
  const int64_t run = f.run.run_id;
  REQUIRE(b.Run(run));
  CHECK_FALSE(b.Run(run + 1));

  for (int limit : {1, 3, 7, 50}) {
    INFO("limit " << limit);
    int pages = 0;
    // Claims of a source by (date, order in run): all 30, sorted.
    const auto claims =
        AllPages<Claim>([&](const std::string& c,
                            int l) { return b.Claims(run, ClaimField::kSource, kHostile, c, l); },
                        limit, &pages);
    REQUIRE(claims.size() == 30);
    CHECK(pages == (30 + limit - 1) / limit);
    CHECK(std::is_sorted(claims.begin(), claims.end(),
                         [](const Claim& x, const Claim& y) { return x.date < y.date; }));
    std::set<int64_t> ids;
    for (const Claim& c : claims) ids.insert(c.id);
    CHECK(ids.size() == 30);

    // Links of one relation, score descending, ties by position: the same as sorting them here.
    for (Relation rel : {Relation::kContradict, Relation::kAgree, Relation::kUpdate}) {
      for (const std::string& source : {std::string(), std::string("Beta")}) {
        LinkFilter filter;
        filter.relation = rel;
        filter.source = source;
        const auto links = AllPages<LinkRow>(
            [&](const std::string& c, int l) { return b.Links(run, filter, c, l); }, limit, &pages);
        std::vector<std::pair<double, int64_t>> want;
        for (size_t i = 0; i < f.run.links.size(); ++i) {
          const auto& l = f.run.links[i];
          if (l.relation != rel) continue;
          const bool beta = (l.a >= 130 && l.a < 150) || (l.b >= 130 && l.b < 150);
          if (!source.empty() && !beta) continue;
          want.emplace_back(-l.score, static_cast<int64_t>(i));
        }
        std::sort(want.begin(), want.end());
        REQUIRE(links.size() == want.size());
        for (size_t i = 0; i < want.size(); ++i) {
          CHECK(links[i].seq == want[i].second);
          CHECK(links[i].link.score == -want[i].first);
          CHECK(links[i].a.id == links[i].link.a);  // the claims come with the link
          CHECK_FALSE(links[i].b.text.empty());
        }
      }
    }
    // Links between two named sources only.
    LinkFilter pair;
    pair.relation = Relation::kContradict;
    pair.source = "Beta";
    pair.other = "Gamma";
    const auto between = AllPages<LinkRow>(
        [&](const std::string& c, int l) { return b.Links(run, pair, c, l); }, limit, &pages);
    CHECK(between.size() == 10);
    for (const LinkRow& l : between) CHECK(l.b.source == "Gamma");

    // Propositions by size, sources and speakers by claims.
    const auto props = AllPages<PropositionRow>(
        [&](const std::string& c, int l) { return b.Propositions(run, c, l); }, limit, &pages);
    REQUIRE(props.size() == 2);
    CHECK(props[0].key == "withdraw|troops");
    CHECK(props[0].claims == 40);
    const auto scores = AllPages<claimgraph::engine::ReliabilityScore>(
        [&](const std::string& c, int l) { return b.Scores(run, ScoreKind::kSource, c, l); }, limit,
        &pages);
    REQUIRE(scores.size() == 3);
    CHECK(scores[0].name == kHostile);
    CHECK(scores[2].name == "Gamma");
  }

  // Links of one claim: contradictions first.
  const std::vector<LinkRow> of = b.LinksOf(run, 130, 100);
  REQUIRE(of.size() == 3);  // Alpha 100 (agree), Alpha 120 (update), Gamma 150 (contradict)
  CHECK(of[0].link.relation == Relation::kContradict);

  // Counts per source and year of a proposition.
  bool capped = true;
  const auto counts = b.PropositionCounts(run, "withdraw|troops", 100, &capped);
  CHECK_FALSE(capped);
  int64_t total = 0;
  for (const auto& c : counts) total += c.affirmed + c.negated;
  CHECK(total == 40);
  b.PropositionCounts(run, "withdraw|troops", 5, &capped);
  CHECK(capped);

  // Malformed cursors are refused, not run.
  for (const std::string bad :
       std::vector<std::string>{"x", "~", "1~", "abc~def", "1e999~3", "nan~1", "0.5~-1",
                                "0.5~99999999999999999999", std::string(600, '9') + "~1"}) {
    INFO(bad);
    LinkFilter filter;
    CHECK_THROWS_AS(b.Links(run, filter, bad, 10), std::invalid_argument);
  }
  CHECK_THROWS_AS(b.Search(run, "bridge", "12", 10), std::invalid_argument);
  CHECK_THROWS_AS(b.Scores(run, ScoreKind::kSource, "many~1", 10), std::invalid_argument);
}

TEST_CASE("StoreBrowser searches claim text by word stems within one run", "[io][serve]") {
  Fixture f;
  {
    // A second run over the same documents: its claims must not leak into the first's search.
    auto store = OpenStore(f.db);
    AnalysisResult second = f.run;
    second.run_id = 0;
    store->SaveRun(&second);
  }
  StoreBrowser b(f.db);
  const int64_t run = f.run.run_id;
  int pages = 0;
  const auto bridge = AllPages<Claim>(
      [&](const std::string& c, int l) { return b.Search(run, "bridges", c, l); }, 4, &pages);
  CHECK(bridge.size() == 30);  // 20 Beta "bridge" claims + 10 Gamma, matched through the stem
  const auto phrase = b.Search(run, "\"harbour bridge\"", "", 100);
  CHECK(phrase.rows.size() == 10);
  for (const Claim& c : phrase.rows) CHECK(c.source == "Gamma");
  CHECK(b.Search(run, "withdrawal step 7", "", 100).rows.size() == 1);
  CHECK(b.Search(run, "' OR 1=1; --", "", 100).rows.empty());
  CHECK(b.Search(run, ";;;", "", 100).rows.empty());

  // The comparison's part of the run: only the two sources' claims and the links between them.
  const AnalysisResult part = b.LoadSources(run, {"Beta", "Gamma"});
  CHECK(part.claims.size() == 30);
  CHECK(part.links.size() == 10);
  CHECK(part.sources.size() == 2);
}

TEST_CASE("StoreBrowser migrates nothing and refuses an old or foreign store", "[io][serve]") {
  claimgraph::testing::TempDir dir("serve_old");
  const std::string old_db = dir / "old.db";
  OpenSqliteStore(old_db, 3);
  CHECK_THROWS_WITH(StoreBrowser(old_db), Catch::Contains("schema version 3"));
  CHECK(ReadSchemaVersion(old_db) == 3);
  CHECK_THROWS_AS(StoreBrowser(dir / "missing.db"), StoreError);
  // A store at version 3 (claims already carry the attribution columns) with a run gets its
  // runs indexed by the migration.
  {
    auto v3 = OpenSqliteStore(old_db, 3);
    Document d = Doc("Beta", "Beta text about the bridge.", 2);
    v3->PutDocument(&d);
    AnalysisResult r;
    r.documents = {d};
    Claim c;
    c.id = 1;
    c.document = d.id;
    c.source = "Beta";
    c.text = "The bridge reopened";
    r.claims = {c, c};
    r.claims[1].id = 2;
    r.links = {{1, 2, Relation::kAgree, 0.9, {}}};
    v3->SaveRun(&r);
  }
  OpenStore(old_db);
  StoreBrowser b(old_db);
  CHECK(b.Search(1, "reopen", "", 10).rows.size() == 2);
  LinkFilter filter;
  filter.relation = Relation::kAgree;
  filter.source = "Beta";
  CHECK(b.Links(1, filter, "", 10).rows.size() == 1);
}

TEST_CASE("explorer server answers pages, escapes store text and refuses bad requests",
          "[io][serve]") {
  Fixture f;
  serve::ServeOptions options;
  options.db = f.db;
  options.port = 0;
  serve::ExplorerServer server(options);
  const int port = server.Bind();
  REQUIRE(port > 0);
  std::thread thread([&] { server.Run(); });
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  const std::string r = "/runs/" + std::to_string(f.run.run_id);

  auto get = [&](const std::string& path) {
    httplib::Result res = client.Get(path.c_str());
    REQUIRE(res);
    return *res;
  };
  // Hostile text from the store never reaches a page unescaped.
  auto no_raw_markup = [](const std::string& body) {
    CHECK(body.find("<script>alert") == std::string::npos);
    CHECK(body.find("<b>\"News") == std::string::npos);
    CHECK(body.find("<Smith>") == std::string::npos);
    CHECK(body.find("href=\"javascript:") == std::string::npos);
  };

  SECTION("pages") {
    struct Case {
      std::string path;
      std::string expect;  // in the body
    };
    const std::vector<Case> cases = {
        {"/", "truthfinder"},
        {r, "Strongest contradictions"},
        {"/runs/latest", "Run " + std::to_string(f.run.run_id)},
        {r + "/sources", "Alpha &lt;b&gt;&quot;News&quot;&lt;/b&gt; &amp; &#39;Co&#39;"},
        {r + "/speakers", "General &lt;Smith&gt;"},
        {r + "/source?name=Beta", "Claims over time"},
        {r + "/source?name=" + serve::UrlEncode(kHostile), "Reliability over time"},
        {r + "/speaker?name=General%20%3CSmith%3E", "General &lt;Smith&gt;"},
        {r + "/propositions", "troops &lt;withdrawal&gt;"},
        {r + "/proposition?key=withdraw%7Ctroops", "Claims by source over time"},
        {r + "/claims/100", "<mark id=\"span\">The withdrawal is complete &lt;script&gt;"},
        {r + "/links?relation=contradict&source=Beta&other=Gamma", "numbers differ"},
        {r + "/links?relation=agree&min=0.8", "No such links."},
        {r + "/search?q=harbour", "Gamma on the harbour bridge"},
        {r + "/search?q=%27%20OR%201%3D1%3B%20DROP%20TABLE%20claims%3B%20--", "No claim matches."},
        {r + "/compare", "Choose two or more sources"},
        {r + "/compare?source=Beta&source=gamma", "Where they contradict each other (10)"},
    };
    for (const Case& c : cases) {
      INFO(c.path);
      const httplib::Response res = get(c.path);
      CHECK(res.status == 200);
      CHECK(res.get_header_value("Content-Type") == "text/html; charset=utf-8");
      CHECK(res.get_header_value("Content-Security-Policy").find("default-src 'none'") !=
            std::string::npos);
      CHECK(res.body.find(c.expect) != std::string::npos);
      no_raw_markup(res.body);
    }
    // Paging: the links page links to its next page, and that page answers.
    const httplib::Response first = get(r + "/links?relation=contradict&limit=4");
    const size_t at = first.body.find("rel=\"next\" href=\"");
    REQUIRE(at != std::string::npos);
    std::string next = first.body.substr(at + 17, first.body.find('"', at + 17) - at - 17);
    for (size_t i; (i = next.find("&amp;")) != std::string::npos;) next.replace(i, 5, "&");
    CHECK(get(next).status == 200);
    // Assets are embedded.
    CHECK(get("/static/app.js").body.find("DOMContentLoaded") != std::string::npos);
    CHECK(get("/static/style.css").get_header_value("Content-Type") == "text/css; charset=utf-8");
  }

  SECTION("bad requests get clean 4xx errors") {
    const std::vector<std::pair<std::string, int>> cases = {
        {"/nope", 404},
        {"/../../etc/passwd", 404},
        {"/static/../../etc/passwd", 404},
        {"/static/", 404},
        {"/runs/999", 404},
        {"/runs/abc", 404},
        {"/runs/99999999999999999999999999", 404},
        {"/runs/-1", 404},
        {r + "/nope", 404},
        {r + "/claims/999999", 404},
        {r + "/claims/1%27%20OR%201=1", 404},
        {r + "/claims/100/extra/more", 404},
        {r + "/source?name=Nobody", 404},
        {r + "/source", 400},
        {r + "/proposition?key=none", 404},
        {r + "/links?relation=bogus", 400},
        {r + "/links?other=Beta", 400},
        {r + "/links?min=2", 400},
        {r + "/links?min=nan", 400},
        {r + "/links?after=garbage", 400},
        {r + "/links?after=0.5~99999999999999999999999", 400},
        {r + "/sources?after=99999999999999999999~1", 400},
        {r + "/propositions?after=1~x", 400},
        {r + "/search?q=bridge&after=-5", 400},
        {r + "/search?q=bridge&after=999999999999999999", 400},
        {r + "/sources?limit=100000", 400},
        {r + "/sources?limit=0", 400},
        {r + "/compare?source=Beta&source=Nobody", 404},
        {r + "/source?name=" + std::string(5000, 'x'), 400},
    };
    for (const auto& [path, status] : cases) {
      INFO(path);
      const httplib::Response res = get(path);
      CHECK(res.status == status);
      no_raw_markup(res.body);
      CHECK(res.body.find("</html>") != std::string::npos);  // a whole page, not a crash
    }
    // A valid cursor far past the end is an empty last page, not an error.
    const httplib::Response past = get(r + "/links?after=0.0000001~99999");
    CHECK(past.status == 200);
    CHECK(past.body.find("No such links.") != std::string::npos);
    // Only reading: other methods are refused.
    httplib::Result post = client.Post((r + "/sources").c_str(), "x", "text/plain");
    REQUIRE(post);
    CHECK(post->status == 405);
    httplib::Result del = client.Delete(r.c_str());
    REQUIRE(del);
    CHECK(del->status == 405);
    // Another host name (DNS rebinding) is refused.
    httplib::Result rebound = client.Get("/", {{"Host", "evil.example:8765"}});
    REQUIRE(rebound);
    CHECK(rebound->status == 403);
  }

  server.Stop();
  thread.join();
  // The store is as it was.
  auto store = OpenStore(f.db);
  CHECK(store->LoadRun(f.run.run_id).claims.size() == f.run.claims.size());
}

namespace {

// Run A and run B of the diff test: B drops A's claims 0-3 (and their links), adds six claims
// and a document with two more, links one of those to an old claim, adds two agreements of the
// same score, turns the contradiction 1010-1011 into an update, and moves Beta's reliability;
// Gamma is scored in A only, "Delta <new>" in B only. A's first claim's span is claimed twice.
AnalysisResult DiffRun(const std::vector<Document>& docs, bool later) {
  AnalysisResult r;
  r.documents.assign(docs.begin(), docs.begin() + (later ? 4 : 3));
  r.reliability_method = "truthfinder";
  for (int i = later ? 4 : 0; i < (later ? 26 : 20); ++i) {
    Claim c;
    c.id = 1000 + i;
    c.document = docs[static_cast<size_t>(i % 3)].id;
    c.source = docs[static_cast<size_t>(i % 3)].source;
    c.text = "Claim <" + std::to_string(i) + "> on the withdrawal";
    c.byte_begin = static_cast<size_t>(i);
    c.byte_end = static_cast<size_t>(i + 1);
    r.claims.push_back(c);
  }
  if (later) {
    for (int i = 26; i < 28; ++i) {
      Claim c;
      c.id = 1000 + i;
      c.document = docs[3].id;
      c.source = docs[3].source;
      c.text = "Claim <" + std::to_string(i) + "> on the withdrawal";
      c.byte_begin = static_cast<size_t>(i - 26);
      c.byte_end = static_cast<size_t>(i - 25);
      r.claims.push_back(c);
    }
  } else {
    Claim twice = r.claims[0];
    twice.id = 1099;
    twice.text = "Claim <0> again";
    r.claims.push_back(twice);
  }
  auto has = [&](int64_t id) {
    return std::any_of(r.claims.begin(), r.claims.end(),
                       [&](const Claim& c) { return c.id == id; });
  };
  for (int i = 0; i + 1 < 20; i += 2)
    if (has(1000 + i) && has(1001 + i))
      r.links.push_back({1000 + i,
                         1001 + i,
                         later && i == 10 ? Relation::kUpdate : Relation::kContradict,
                         0.5 + i / 100.0,
                         {"why"}});
  if (later) {
    r.links.push_back({1022, 1023, Relation::kAgree, 0.95, {"tie"}});
    r.links.push_back({1020, 1021, Relation::kAgree, 0.95, {"both <agree>"}});
    r.links.push_back({1026, 1005, Relation::kContradict, 0.7, {"new document"}});
  }
  for (const auto& [name, rel] : {std::pair{kHostile, 0.4},
                                  {"Beta", later ? 0.5 : 0.8},
                                  {later ? "Delta <new>" : "Gamma", 0.6}}) {
    claimgraph::engine::ReliabilityScore s;
    s.name = name;
    s.reliability = rel;
    s.uncertainty = 0.1;
    s.claims = 5;
    r.sources.push_back(s);
  }
  return r;
}

}  // namespace

TEST_CASE("explorer's diff view shows what claimgraph diff shows, a page at a time",
          "[io][serve]") {
  claimgraph::testing::TempDir dir{"serve-diff"};
  const std::string db = dir / "store.db";
  std::vector<Document> docs = {Doc(kHostile, "Alpha text.", 1), Doc("Beta", "Beta text.", 2),
                                Doc("Gamma", "Gamma text.", 3), Doc("Delta <new>", "New.", 4)};
  int64_t ra = 0, rb = 0;
  {
    // The runs are saved at schema 6 and migrated: the migration computes what SaveRun writes.
    auto store = OpenSqliteStore(db, 6);
    for (Document& d : docs) store->PutDocument(&d);
    AnalysisResult a = DiffRun(docs, false);
    ra = store->SaveRun(&a);
  }
  {
    auto store = OpenStore(db);
    AnalysisResult b = DiffRun(docs, true);
    rb = store->SaveRun(&b);
  }
  // What `claimgraph diff` computes from the fully loaded runs.
  auto store = OpenStore(db);
  const AnalysisResult full_a = store->LoadRun(ra), full_b = store->LoadRun(rb);
  const report::RunDiff expected = report::DiffRuns(full_a, full_b);
  REQUIRE(expected.claims_added.size() == 8);
  REQUIRE(expected.claims_gone.size() == 4);
  REQUIRE(expected.claims_kept == 16);
  REQUIRE(expected.links_added.size() == 4);
  REQUIRE(expected.links_gone.size() == 3);
  REQUIRE(expected.links_kept == 7);
  REQUIRE(expected.sources.size() == 3);  // Beta moved, Gamma dropped, Delta new
  REQUIRE(expected.documents_added == 1);

  // The explorer's indexed queries give the same diff, item for item and in the same order.
  StoreBrowser browser(db);
  const std::shared_ptr<const serve::LoadedDiff> loaded = serve::LoadDiff(&browser, ra, rb);
  const RunChanges& got = loaded->changes;
  auto claim_ids = [](const std::vector<const Claim*>& claims) {
    std::vector<int64_t> ids;
    for (const Claim* c : claims) ids.push_back(c->id);
    return ids;
  };
  CHECK(got.claims_added == claim_ids(expected.claims_added));
  CHECK(got.claims_gone == claim_ids(expected.claims_gone));
  CHECK(got.claims_kept == static_cast<int64_t>(expected.claims_kept));
  auto link_keys = [](const std::vector<report::LinkChange>& links) {
    std::vector<std::tuple<int64_t, int64_t, Relation>> keys;
    for (const report::LinkChange& l : links)
      keys.emplace_back(l.link->a, l.link->b, l.link->relation);
    return keys;
  };
  auto stored_keys = [&](int64_t run, const std::vector<int64_t>& seqs) {
    std::vector<std::tuple<int64_t, int64_t, Relation>> keys;
    for (const LinkRow& l : browser.LinksAt(run, seqs))
      keys.emplace_back(l.link.a, l.link.b, l.link.relation);
    return keys;
  };
  CHECK(stored_keys(rb, got.links_added) == link_keys(expected.links_added));
  CHECK(stored_keys(ra, got.links_gone) == link_keys(expected.links_gone));
  CHECK(got.links_kept == static_cast<int64_t>(expected.links_kept));
  CHECK(got.documents_added == static_cast<int64_t>(expected.documents_added));
  CHECK(got.documents_gone == static_cast<int64_t>(expected.documents_gone));
  REQUIRE(loaded->sources.size() == expected.sources.size());
  for (size_t i = 0; i < expected.sources.size(); ++i) {
    CHECK(loaded->sources[i].name == expected.sources[i].name);
    CHECK(loaded->sources[i].change == expected.sources[i].change);
  }
  // Only the documents whose digests differ were compared item by item.
  CHECK(got.documents_compared == 3);
  // The changed links' sort keys read in one pass over the run's links: the same lists.
  const RunChanges scanned = browser.Changes(ra, rb, 0);
  CHECK(scanned.links_added == got.links_added);
  CHECK(scanned.links_gone == got.links_gone);
  CHECK(scanned.claims_added == got.claims_added);
  // A run against itself: nothing changed, nothing compared.
  const RunChanges same = browser.Changes(rb, rb);
  CHECK(same.claims_added.empty());
  CHECK(same.links_gone.empty());
  CHECK(same.claims_kept == 24);
  CHECK(same.documents_compared == 0);

  serve::ServeOptions options;
  options.db = db;
  options.port = 0;
  serve::ExplorerServer server(options);
  const int port = server.Bind();
  REQUIRE(port > 0);
  std::thread thread([&] { server.Run(); });
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  auto get = [&](const std::string& path) {
    httplib::Result res = client.Get(path.c_str());
    REQUIRE(res);
    return *res;
  };
  const std::string path = "/runs/" + std::to_string(rb) + "/diff";
  auto rows = [](const std::string& body, const std::string& table) {
    const size_t begin = body.find("<table class=\"sortable\" id=\"" + table + "\"");
    if (begin == std::string::npos) return -1;
    const std::string t = body.substr(begin, body.find("</table>", begin) - begin);
    int n = 0;
    for (size_t at = t.find("<tr>"); at != std::string::npos; at = t.find("<tr>", at + 1)) ++n;
    return n - 1;  // the header row
  };

  // The overview: counts, and each list (the run before is the default).
  const httplib::Response overview = get(path);
  CHECK(overview.status == 200);
  CHECK(overview.body.find("Changes from run " + std::to_string(ra) + " to run " +
                           std::to_string(rb)) != std::string::npos);
  CHECK(overview.body.find("Claims: 8 added, 4 gone, 16 in both. Links: 4 added, 3 gone, 7 in "
                           "both.") != std::string::npos);
  CHECK(rows(overview.body, "sources") == 3);
  CHECK(rows(overview.body, "links-added") == 4);
  CHECK(rows(overview.body, "links-gone") == 3);
  CHECK(rows(overview.body, "claims-added") == 8);
  CHECK(rows(overview.body, "claims-gone") == 4);
  CHECK(overview.body.find("both &lt;agree&gt;") != std::string::npos);
  CHECK(overview.body.find("Delta &lt;new&gt;") != std::string::npos);
  CHECK(overview.body.find("<new>") == std::string::npos);
  CHECK(overview.body.find("<b>\"News") == std::string::npos);
  CHECK(overview.body.find("+-0.30") == std::string::npos);
  CHECK(overview.body.find("-0.30") != std::string::npos);  // Beta's move
  // Gone claims link to run A's pages, added ones to run B's.
  CHECK(overview.body.find("/runs/" + std::to_string(ra) + "/claims/1000") != std::string::npos);
  CHECK(overview.body.find("/runs/" + std::to_string(rb) + "/claims/1025") != std::string::npos);
  // The runs page links to it.
  CHECK(get("/").body.find("href=\"" + path + "\"") != std::string::npos);

  // One list a page at a time: every added claim once, over pages of 4.
  std::set<std::string> seen;
  for (int page = 1; page <= 2; ++page) {
    const httplib::Response res = get(path + "?from=" + std::to_string(ra) +
                                      "&list=claims-added&limit=4&page=" + std::to_string(page));
    CHECK(res.status == 200);
    CHECK(rows(res.body, "claims-added") == 4);
    CHECK((res.body.find("rel=\"next\"") != std::string::npos) == (page == 1));
    for (int i = 20; i < 28; ++i) {
      const std::string text = "Claim &lt;" + std::to_string(i) + "&gt;";
      if (res.body.find(text) != std::string::npos) CHECK(seen.insert(text).second);
    }
  }
  CHECK(seen.size() == 8);
  // Against run B itself from the other side: what was added is gone.
  const httplib::Response reverse =
      get("/runs/" + std::to_string(ra) + "/diff?from=" + std::to_string(rb));
  CHECK(reverse.body.find("Claims: 4 added, 8 gone") != std::string::npos);
  // The first run has no run before it: it says so.
  CHECK(get("/runs/" + std::to_string(ra) + "/diff").body.find("No earlier run") !=
        std::string::npos);

  // Bad parameters get clean errors.
  const std::vector<std::pair<std::string, int>> bad = {
      {path + "?from=" + std::to_string(rb), 400},
      {path + "?from=999", 404},
      {path + "?from=abc", 404},
      {path + "?list=bogus", 400},
      {path + "?list=claims-added&page=0", 400},
      {path + "?list=claims-added&page=99999999999999999999999", 400},
      {path + "?list=claims-added&page=50", 404},
      {path + "?list=claims-added&limit=0", 400},
  };
  for (const auto& [p, status] : bad) {
    INFO(p);
    const httplib::Response res = get(p);
    CHECK(res.status == status);
    CHECK(res.body.find("</html>") != std::string::npos);
  }
  server.Stop();
  thread.join();
}
