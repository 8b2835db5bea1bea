#include "io/store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "io/store/store.h"

namespace {

using claimgraph::engine::AnalysisResult;
using claimgraph::engine::Claim;
using claimgraph::engine::ClaimLink;
using claimgraph::engine::Document;
using namespace claimgraph::io;

Document MakeDoc(const std::string& source, const std::string& date, const std::string& text) {
  Document d;
  d.source = source;
  d.date = date;
  d.title = "Title of " + text.substr(0, 10);
  d.url = "https://example.org/" + source;
  d.language = "en";
  d.authors = {"A. Writer", "B. Writer"};
  d.text = text;
  d.content_hash = "hash-" + text;  // any unique key will do for the store
  d.path = source + ".txt";
  return d;
}

// A temporary file name, removed (with its WAL files) at scope exit.
struct TempDb {
  std::string path;
  TempDb() {
    path = (std::filesystem::temp_directory_path() /
            ("claimgraph_store_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter++) + ".db"))
               .string();
    Remove();
  }
  ~TempDb() { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::remove((path + suffix).c_str());
    }
  }
  static inline int counter = 0;
};

// A run exercising every stored field.
AnalysisResult MakeRun(const std::vector<Document>& docs) {
  AnalysisResult r;
  r.config_json = R"({"linker":{"threshold":0.5}})";
  r.documents = docs;
  Claim c1;
  c1.id = 10;
  c1.document = docs[0].id;
  c1.source = docs[0].source;
  c1.speaker = "Qais al-Muhammadawi";
  c1.speaker_role = "commander of the Joint Operations Command";
  c1.text = "All international coalition forces are now in the Kurdistan Region";
  c1.byte_begin = 5;
  c1.byte_end = 70;
  c1.char_begin = 5;
  c1.char_end = 69;
  c1.date = "2025-11-17";
  c1.about = {{"2025-11-01", "2025-11-30", "now"}};
  c1.polarity = claimgraph::engine::Polarity::kAffirmed;
  c1.modality = claimgraph::engine::Modality::kReported;
  c1.quantities = {{4, 5, "personnel", "four to five personnel"}};
  c1.entities = {"coalition", "Kurdistan Region"};
  c1.proposition = "withdraw|coalition|iraq";
  Claim c2;
  c2.id = 11;
  c2.document = docs[1].id;
  c2.source = docs[1].source;
  c2.text = "This is not a withdrawal";
  c2.polarity = claimgraph::engine::Polarity::kNegated;
  c2.modality = claimgraph::engine::Modality::kDenial;
  c2.proposition = "withdraw|coalition|iraq";
  r.claims = {c1, c2};
  r.links = {{10, 11, claimgraph::engine::Relation::kContradict, 0.8, {"negation: 'not'"}},
             {11, 10, claimgraph::engine::Relation::kUpdate, 0.3, {}}};
  r.propositions = {{"withdraw|coalition|iraq", "coalition withdrawal from Iraq", {10, 11}}};
  r.copies = {{docs[0].id, docs[1].id, docs[0].source, docs[1].source, 0.93}};
  r.source_windows = {{"2025", docs[0].source, docs[1].source, 2, 1}};
  claimgraph::engine::ReliabilityScore s;
  s.name = docs[0].source;
  s.reliability = 0.75;
  s.uncertainty = 0.05;
  s.claims = 1;
  s.corroborated = 1;
  s.contradicted = 2;
  s.agreements = 3;
  s.contradictions = 4;
  s.failed_forecasts = 5;
  s.windows = {{"2025", 0.7, 1}};
  r.sources = {s};
  claimgraph::engine::ReliabilityScore sp;
  sp.name = "Qais al-Muhammadawi";
  sp.role = "commander";
  sp.reliability = 0.6;
  r.speakers = {sp};
  r.reliability_method = "truthfinder";
  r.iterations = 7;
  r.converged = true;
  return r;
}

}  // namespace

TEST_CASE("store puts a document once per content hash", "[io][store]") {
  auto store = OpenStore(":memory:");
  Document a = MakeDoc("The Cradle", "2025-11-17", "body one");
  REQUIRE(store->PutDocument(&a) == PutStatus::kAdded);
  CHECK(a.id > 0);
  Document again = MakeDoc("Other name", "2020-01-01", "body one");  // same hash
  CHECK(store->PutDocument(&again) == PutStatus::kAlreadyPresent);
  CHECK(again.id == a.id);
  CHECK(store->CountDocuments() == 1);
  const auto loaded = store->GetDocument(a.id);
  REQUIRE(loaded);
  CHECK(loaded->source == "The Cradle");  // the first stored version stays
  CHECK(loaded->authors == std::vector<std::string>{"A. Writer", "B. Writer"});
  CHECK(loaded->text == "body one");
  CHECK(store->FindDocumentByHash("hash-body one")->id == a.id);
  CHECK_FALSE(store->FindDocumentByHash("nope"));
  CHECK_FALSE(store->GetDocument(999));
  Document no_hash;
  CHECK_THROWS_AS(store->PutDocument(&no_hash), std::invalid_argument);
}

TEST_CASE("store transaction rolls back unless committed", "[io][store]") {
  auto store = OpenStore(":memory:");
  Document kept = MakeDoc("A", "2025-01-01", "kept");
  store->PutDocument(&kept);
  {
    auto tx = store->Begin();
    Document d = MakeDoc("B", "2025-01-02", "rolled back");
    store->PutDocument(&d);
    CHECK(store->CountDocuments() == 2);
    CHECK_THROWS_AS(store->Begin(), std::logic_error);  // one at a time
  }
  CHECK(store->CountDocuments() == 1);
  {
    auto tx = store->Begin();
    Document d = MakeDoc("C", "2025-01-03", "committed");
    store->PutDocument(&d);
    tx->Commit();
  }
  CHECK(store->CountDocuments() == 2);
}

TEST_CASE("store streams documents with filters", "[io][store]") {
  auto store = OpenStore(":memory:");
  std::vector<int64_t> ids;
  for (int i = 0; i < 50; ++i) {
    const int day = i % 28 + 1;
    Document d = MakeDoc(i % 2 ? "Odd" : "Even",
                         "2025-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day),
                         "text " + std::to_string(i));
    store->PutDocument(&d);
    ids.push_back(d.id);
  }
  int64_t last = 0, n = 0;
  store->ForEachDocument({}, [&](Document&& d) {
    CHECK(d.id > last);
    last = d.id;
    CHECK_FALSE(d.text.empty());
    ++n;
    return true;
  });
  CHECK(n == 50);

  DocumentQuery odd;
  odd.sources = {"Odd"};
  odd.with_text = false;
  n = 0;
  store->ForEachDocument(odd, [&](Document&& d) {
    CHECK(d.source == "Odd");
    CHECK(d.text.empty());
    ++n;
    return true;
  });
  CHECK(n == 25);

  DocumentQuery some;
  some.ids = {ids[7], ids[3], ids[7], 12345};
  std::vector<int64_t> got;
  store->ForEachDocument(some, [&](Document&& d) {
    got.push_back(d.id);
    return true;
  });
  CHECK(got == std::vector<int64_t>{ids[3], ids[7]});

  DocumentQuery dates;
  dates.date_from = "2025-01-05";
  dates.date_to = "2025-01-06";
  n = store->ForEachDocument(dates, [&](Document&& d) {
    CHECK((d.date == "2025-01-05" || d.date == "2025-01-06"));
    return true;
  });
  CHECK(n == 4);  // i = 4, 5, 32, 33

  n = store->ForEachDocument({}, [&](Document&&) { return false; });
  CHECK(n == 1);  // stopped at the first
}

TEST_CASE("store saves and loads a whole analysis run", "[io][store]") {
  auto store = OpenStore(":memory:");
  CHECK_FALSE(store->LatestRunId());
  CHECK_THROWS_AS(store->LoadLatestRun(), StoreError);
  std::vector<Document> docs = {MakeDoc("The Cradle", "2025-11-17", "first text"),
                                MakeDoc("Atalayar", "2021-12-11", "second text")};
  for (auto& d : docs) store->PutDocument(&d);
  AnalysisResult run = MakeRun(docs);
  const int64_t id = store->SaveRun(&run);
  CHECK(id == run.run_id);
  CHECK_FALSE(run.created_at.empty());
  CHECK_FALSE(run.program_version.empty());

  const AnalysisResult back = store->LoadRun(id);
  CHECK(back.run_id == id);
  CHECK(back.config_json == run.config_json);
  CHECK(back.program_version == run.program_version);
  CHECK(back.created_at == run.created_at);
  CHECK(back.reliability_method == "truthfinder");
  CHECK(back.iterations == 7);
  CHECK(back.converged);
  REQUIRE(back.documents.size() == 2);
  CHECK(back.documents[1].source == "Atalayar");
  CHECK(back.documents[1].text.empty());  // metadata only by default
  CHECK(store->LoadRun(id, {.with_document_text = true}).documents[1].text == "second text");

  REQUIRE(back.claims.size() == 2);
  const Claim& c = back.claims[0];
  CHECK(c.id == 10);
  CHECK(c.document == docs[0].id);
  CHECK(c.speaker == "Qais al-Muhammadawi");
  CHECK(c.speaker_role == "commander of the Joint Operations Command");
  CHECK(c.text == run.claims[0].text);
  CHECK(c.byte_begin == 5);
  CHECK(c.byte_end == 70);
  CHECK(c.char_begin == 5);
  CHECK(c.char_end == 69);
  CHECK(c.date == "2025-11-17");
  REQUIRE(c.about.size() == 1);
  CHECK(c.about[0].begin == "2025-11-01");
  CHECK(c.about[0].end == "2025-11-30");
  CHECK(c.about[0].text == "now");
  CHECK(c.modality == claimgraph::engine::Modality::kReported);
  REQUIRE(c.quantities.size() == 1);
  CHECK(c.quantities[0].low == 4);
  CHECK(c.quantities[0].high == 5);
  CHECK(c.quantities[0].unit == "personnel");
  CHECK(c.entities == std::vector<std::string>{"coalition", "Kurdistan Region"});
  CHECK(c.proposition == "withdraw|coalition|iraq");
  CHECK(back.claims[1].polarity == claimgraph::engine::Polarity::kNegated);
  CHECK(back.claims[1].modality == claimgraph::engine::Modality::kDenial);

  REQUIRE(back.links.size() == 2);
  CHECK(back.links[0].a == 10);
  CHECK(back.links[0].b == 11);
  CHECK(back.links[0].relation == claimgraph::engine::Relation::kContradict);
  CHECK(back.links[0].score == Approx(0.8));
  CHECK(back.links[0].reasons == std::vector<std::string>{"negation: 'not'"});
  CHECK(back.links[1].relation == claimgraph::engine::Relation::kUpdate);
  REQUIRE(back.propositions.size() == 1);
  CHECK(back.propositions[0].label == "coalition withdrawal from Iraq");
  CHECK(back.propositions[0].claims == std::vector<int64_t>{10, 11});
  REQUIRE(back.copies.size() == 1);
  CHECK(back.copies[0].score == Approx(0.93));
  CHECK(back.copies[0].source_b == "Atalayar");
  REQUIRE(back.source_windows.size() == 1);
  CHECK(back.source_windows[0].window == "2025");
  CHECK(back.source_windows[0].agreements == 2);
  CHECK(back.source_windows[0].contradictions == 1);
  REQUIRE(back.sources.size() == 1);
  const auto& s = back.sources[0];
  CHECK(s.reliability == Approx(0.75));
  CHECK(s.uncertainty == Approx(0.05));
  CHECK(s.claims == 1);
  CHECK(s.corroborated == 1);
  CHECK(s.contradicted == 2);
  CHECK(s.agreements == 3);
  CHECK(s.contradictions == 4);
  CHECK(s.failed_forecasts == 5);
  REQUIRE(s.windows.size() == 1);
  CHECK(s.windows[0].reliability == Approx(0.7));
  REQUIRE(back.speakers.size() == 1);
  CHECK(back.speakers[0].role == "commander");

  // A second run becomes the latest; both are listed, newest first.
  AnalysisResult second = MakeRun(docs);
  second.claims.pop_back();
  second.links.clear();
  const int64_t id2 = store->SaveRun(&second);
  CHECK(id2 > id);
  CHECK(*store->LatestRunId() == id2);
  CHECK(store->LoadLatestRun().claims.size() == 1);
  const auto runs = store->ListRuns();
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].id == id2);
  CHECK(runs[0].claims == 1);
  CHECK(runs[1].claims == 2);
  CHECK(runs[1].links == 2);
  CHECK(runs[1].documents == 2);
  CHECK(runs[1].config_json == run.config_json);
  CHECK_THROWS_WITH(store->LoadRun(9999), Catch::Contains("no analysis run with id 9999"));
}

TEST_CASE("store rejects a run with broken references and writes nothing", "[io][store]") {
  auto store = OpenStore(":memory:");
  std::vector<Document> docs = {MakeDoc("A", "2025-01-01", "a"), MakeDoc("B", "2025-01-02", "b")};
  for (auto& d : docs) store->PutDocument(&d);

  AnalysisResult dup = MakeRun(docs);
  dup.claims[1].id = dup.claims[0].id;
  CHECK_THROWS_AS(store->SaveRun(&dup), std::invalid_argument);
  AnalysisResult dangling = MakeRun(docs);
  dangling.links.push_back({10, 77, claimgraph::engine::Relation::kAgree, 1, {}});
  CHECK_THROWS_AS(store->SaveRun(&dangling), std::invalid_argument);
  AnalysisResult unstored = MakeRun(docs);
  unstored.documents[0].id = 0;
  CHECK_THROWS_AS(store->SaveRun(&unstored), std::invalid_argument);
  // A claim on a document the store does not hold fails inside SQLite (foreign key): the
  // savepoint rolls the partial run back.
  AnalysisResult bad_fk = MakeRun(docs);
  bad_fk.documents.clear();
  bad_fk.claims[1].document = 4242;
  CHECK_THROWS_AS(store->SaveRun(&bad_fk), StoreError);
  CHECK(store->ListRuns().empty());
}

TEST_CASE("store errors name the file and the statement", "[io][store]") {
  TempDb db;
  {
    SQLite::Database raw(db.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE unrelated (x)");
  }
  CHECK_THROWS_WITH(OpenStore(db.path),
                    Catch::Contains(db.path) && Catch::Contains("not a claimgraph store"));
  // A directory cannot be opened as a database.
  const std::string dir = std::filesystem::temp_directory_path().string();
  try {
    OpenStore(dir);
    FAIL("opening a directory should throw");
  } catch (const StoreError& e) {
    CHECK(e.db_file() == dir);
    CHECK(std::string(e.what()).find(dir) != std::string::npos);
  }
  // A failing statement is named.
  TempDb ro;
  {
    auto s = OpenStore(ro.path);
    Document d = MakeDoc("A", "2025-01-01", "x");
    s->PutDocument(&d);
  }
  {
    SQLite::Database raw(ro.path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TABLE documents");  // simulate a damaged store
  }
  auto s = OpenStore(ro.path);
  CHECK_THROWS_WITH(s->CountDocuments(), Catch::Contains(ro.path) &&
                                             Catch::Contains("SELECT count(*) FROM documents") &&
                                             Catch::Contains("no such table"));
}

TEST_CASE("store schema migrates forward and refuses newer stores", "[io][store]") {
  TempDb db;
  {
    auto v1 = OpenSqliteStore(db.path, 1);  // an old store: documents only
    Document d = MakeDoc("A", "2025-01-01", "kept across the migration");
    v1->PutDocument(&d);
  }
  CHECK(ReadSchemaVersion(db.path) == 1);
  {
    auto current = OpenStore(db.path);
    CHECK(ReadSchemaVersion(db.path) == kStoreSchemaVersion);
    CHECK(current->CountDocuments() == 1);
    std::vector<Document> docs = {*current->GetDocument(1), MakeDoc("B", "2025-01-02", "b")};
    current->PutDocument(&docs[1]);
    AnalysisResult r = MakeRun(docs);
    CHECK(current->SaveRun(&r) == 1);  // the run tables exist now
  }
  {
    SQLite::Database raw(db.path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE schema_version SET version = 99");
  }
  CHECK_THROWS_WITH(OpenStore(db.path), Catch::Contains("schema version 99 is newer"));
}

TEST_CASE("store numbers a run before saving its rows, and reads nothing after", "[io][store]") {
  auto store = OpenStore(":memory:");
  std::vector<Document> docs = {MakeDoc("The Cradle", "2025-11-17", "first text"),
                                MakeDoc("Atalayar", "2021-12-11", "second text")};
  for (auto& d : docs) store->PutDocument(&d);
  AnalysisResult run = MakeRun(docs);
  int calls = 0;
  int64_t seen_id = 0;
  std::string seen_time;
  const int64_t id = store->SaveRun(&run, [&] {
    ++calls;
    seen_id = run.run_id;
    seen_time = run.created_at;
  });
  CHECK(calls == 1);
  CHECK(seen_id == id);
  CHECK_FALSE(seen_time.empty());
  CHECK(run.created_at == seen_time);
  const AnalysisResult back = store->LoadRun(id);
  CHECK(back.claims.size() == run.claims.size());
  CHECK(back.links.size() == run.links.size());

  // A run refused before it is numbered never calls back.
  AnalysisResult dup = MakeRun(docs);
  dup.claims.push_back(dup.claims.front());
  CHECK_THROWS_AS(store->SaveRun(&dup, [&] { ++calls; }), std::invalid_argument);
  CHECK(calls == 1);
}
