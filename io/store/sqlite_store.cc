// SqliteStore: Store over one SQLite file through SQLiteCpp. Every SQLite::Exception is caught at
// the statement that raised it and rethrown as StoreError naming the file and the statement.
#include "io/store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "engine/version.h"
#include "io/store/diff_keys.h"
#include "io/store/sqlite_schema.h"
#include "io/store/store_rows.h"

namespace claimgraph::io {

StoreError::StoreError(const std::string& db_file, const std::string& statement,
                       const std::string& message)
    : std::runtime_error("store " + (db_file.empty() ? std::string(":memory:") : db_file) + ": " +
                         message + (statement.empty() ? "" : " [in: " + statement + "]")),
      db_file_(db_file),
      statement_(statement) {}

engine::AnalysisResult Store::LoadLatestRun(const LoadRunOptions& options) {
  const std::optional<int64_t> id = LatestRunId();
  if (!id) throw StoreError(name(), "", "the store holds no analysis run");
  return LoadRun(*id, options);
}

std::unique_ptr<Store> OpenStore(const std::string& path) { return OpenSqliteStore(path); }

namespace {

using Json = nlohmann::json;

std::string NowUtc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Statement text shortened for messages: one line, at most 160 characters.
std::string Shorten(std::string_view sql) {
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (c == '\n' || c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > 160) out = out.substr(0, 157) + "...";
  return out;
}

using store_rows::CalibrationFromJson;
using store_rows::CalibrationToJson;
using store_rows::IdsFromJson;
using store_rows::IdsToJson;
using store_rows::QuantitiesToJson;
using store_rows::StringsFromJson;
using store_rows::StringsToJson;
using store_rows::TimeRefsToJson;
using store_rows::WindowsToJson;

using store_rows::DocumentFromRow;
using store_rows::kDocumentColumns;

class SqliteStore;

class SqliteTransaction final : public Transaction {
 public:
  explicit SqliteTransaction(SqliteStore* store);
  ~SqliteTransaction() override;
  void Commit() override;

 private:
  SqliteStore* store_;
  bool done_ = false;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, int target_version);

  const std::string& name() const override { return name_; }
  std::unique_ptr<Transaction> Begin() override;
  PutStatus PutDocument(engine::Document* doc) override;
  std::optional<engine::Document> GetDocument(int64_t id) override;
  std::optional<engine::Document> FindDocumentByHash(const std::string& content_hash) override;
  int64_t CountDocuments() override;
  int64_t ForEachDocument(const DocumentQuery& query,
                          const std::function<bool(engine::Document&&)>& fn) override;
  using Store::SaveRun;
  int64_t SaveRun(engine::AnalysisResult* result, const std::function<void()>& numbered) override;
  std::vector<RunInfo> ListRuns() override;
  std::optional<int64_t> LatestRunId() override;
  engine::AnalysisResult LoadRun(int64_t run_id, const LoadRunOptions& options) override;

  // Runs f(); a SQLite::Exception it throws becomes a StoreError naming `sql`.
  template <class F>
  auto Guard(std::string_view sql, F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const SQLite::Exception& e) {
      throw StoreError(name_, Shorten(sql), e.what());
    }
  }
  void Exec(std::string_view sql) {
    Guard(sql, [&] { return db_->exec(std::string(sql)); });
  }
  bool in_transaction_ = false;

 private:
  void Migrate(int target_version);
  // Writes a run's link_keys and document_digests rows (schema 7).
  void PutDiffKeys(int64_t run, const diff_keys::DiffKeys& keys);
  // Computes and writes them for every stored run (the 6 -> 7 migration).
  void FillDiffKeys();
  SQLite::Statement& Cached(std::unique_ptr<SQLite::Statement>* slot, const char* sql);
  void SaveRunRows(engine::AnalysisResult* result, const std::function<void()>& numbered);

  std::string name_;
  int schema_version_ = 0;  // after Migrate
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> find_hash_, insert_doc_;
};

// A savepoint: nests inside an open transaction, or is its own transaction when none is open.
class Savepoint {
 public:
  Savepoint(SqliteStore* store, const char* name) : store_(store), name_(name) {
    store_->Exec("SAVEPOINT " + name_);
  }
  ~Savepoint() {
    if (released_) return;
    try {
      store_->Exec("ROLLBACK TO " + name_);
      store_->Exec("RELEASE " + name_);
    } catch (...) {  // nothing more can be done in a destructor; the outer transaction rolls back
    }
  }
  void Release() {
    store_->Exec("RELEASE " + name_);
    released_ = true;
  }

 private:
  SqliteStore* store_;
  std::string name_;
  bool released_ = false;
};

SqliteTransaction::SqliteTransaction(SqliteStore* store) : store_(store) {
  if (store_->in_transaction_) {
    throw std::logic_error("store " + store_->name() + ": a transaction is already open");
  }
  store_->Exec("BEGIN IMMEDIATE");
  store_->in_transaction_ = true;
}

SqliteTransaction::~SqliteTransaction() {
  if (done_) return;
  try {
    store_->Exec("ROLLBACK");
  } catch (...) {  // the connection rolls back by itself if this fails (e.g. already rolled back)
  }
  store_->in_transaction_ = false;
}

void SqliteTransaction::Commit() {
  if (done_) throw std::logic_error("transaction committed twice");
  try {
    store_->Exec("COMMIT");
  } catch (...) {
    try {
      store_->Exec("ROLLBACK");
    } catch (...) {
    }
    done_ = true;
    store_->in_transaction_ = false;
    throw;
  }
  done_ = true;
  store_->in_transaction_ = false;
}

SqliteStore::SqliteStore(const std::string& path, int target_version)
    : name_(path.empty() ? ":memory:" : path) {
  if (target_version < 1 || target_version > kStoreSchemaVersion) {
    throw std::invalid_argument("schema version " + std::to_string(target_version) +
                                " is not one this build can write");
  }
  Guard("open", [&] {
    db_ = std::make_unique<SQLite::Database>(name_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db_->setBusyTimeout(5000);
  });
  if (name_ != ":memory:") {
    // WAL + synchronous=NORMAL: a killed process keeps every committed transaction and none of
    // an uncommitted one; only a power cut may lose the very last commit.
    Exec("PRAGMA journal_mode = WAL");
    Exec("PRAGMA synchronous = NORMAL");
  }
  Exec("PRAGMA foreign_keys = ON");
  Exec("PRAGMA cache_size = -65536");  // 64 MiB page cache
  Migrate(target_version);
}

void SqliteStore::Migrate(int target_version) {
  constexpr int kKnown = static_cast<int>(std::size(sqlite_schema::kMigrations));
  static_assert(kKnown == kStoreSchemaVersion);
  int version = 0;
  const bool has_table =
      Guard("schema_version lookup", [&] { return db_->tableExists("schema_version"); });
  if (has_table) {
    const char* sql = "SELECT version FROM schema_version";
    version = Guard(sql, [&] { return db_->execAndGet(sql).getInt(); });
  } else {
    const char* sql = "SELECT count(*) FROM sqlite_master";
    if (Guard(sql, [&] { return db_->execAndGet(sql).getInt(); }) != 0) {
      throw StoreError(name_, "", "not a claimgraph store (it has tables but no schema_version)");
    }
  }
  if (version > kKnown) {
    throw StoreError(name_, "",
                     "schema version " + std::to_string(version) +
                         " is newer than this claimgraph understands (" + std::to_string(kKnown) +
                         "); use a newer claimgraph");
  }
  schema_version_ = std::max(version, target_version);
  if (version >= target_version) return;
  SqliteTransaction tx(this);
  for (int v = version; v < target_version; ++v) {
    Exec(sqlite_schema::kMigrations[v]);
    if (v + 1 == 7) FillDiffKeys();
    Exec("UPDATE schema_version SET version = " + std::to_string(v + 1));
  }
  tx.Commit();
}

void SqliteStore::PutDiffKeys(int64_t run, const diff_keys::DiffKeys& keys) {
  {
    const char* sql = "INSERT INTO link_keys (run_id, home, ident, seq) VALUES (?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (const diff_keys::LinkKey& k : keys.links) {
        q.reset();
        q.bind(1, run);
        q.bind(2, k.home);
        q.bind(3, k.ident);
        q.bind(4, k.seq);
        q.exec();
      }
    });
  }
  const char* sql =
      "INSERT INTO document_digests (run_id, document_id, listed, claims, claims_digest, links, "
      "links_digest) VALUES (?,?,?,?,?,?,?)";
  Guard(sql, [&] {
    SQLite::Statement q(*db_, sql);
    for (const diff_keys::DocumentDigest& d : keys.documents) {
      q.reset();
      q.bind(1, run);
      q.bind(2, d.document);
      q.bind(3, d.listed ? 1 : 0);
      q.bind(4, d.claims);
      q.bind(5, d.claims_digest);
      q.bind(6, d.links);
      q.bind(7, d.links_digest);
      q.exec();
    }
  });
}

void SqliteStore::FillDiffKeys() {
  std::vector<int64_t> runs;
  {
    const char* sql = "SELECT id FROM runs ORDER BY id";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      while (q.executeStep()) runs.push_back(q.getColumn(0).getInt64());
    });
  }
  for (int64_t run : runs) {
    std::vector<int64_t> documents;
    std::vector<diff_keys::ClaimSpan> claims;
    std::vector<std::string> relations;
    std::vector<diff_keys::LinkEnds> links;
    {
      const char* sql = "SELECT document_id FROM run_documents WHERE run_id = ? ORDER BY seq";
      Guard(sql, [&] {
        SQLite::Statement q(*db_, sql);
        q.bind(1, run);
        while (q.executeStep()) documents.push_back(q.getColumn(0).getInt64());
      });
    }
    {
      const char* sql =
          "SELECT id, document_id, byte_begin, byte_end FROM claims WHERE run_id = ? ORDER BY seq";
      Guard(sql, [&] {
        SQLite::Statement q(*db_, sql);
        q.bind(1, run);
        while (q.executeStep())
          claims.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                            q.getColumn(2).getInt64(), q.getColumn(3).getInt64()});
      });
    }
    {
      const char* sql = "SELECT seq, a, b, relation FROM links WHERE run_id = ? ORDER BY seq";
      Guard(sql, [&] {
        SQLite::Statement q(*db_, sql);
        q.bind(1, run);
        while (q.executeStep()) {
          links.push_back({q.getColumn(0).getInt64(),
                           q.getColumn(1).getInt64(),
                           q.getColumn(2).getInt64(),
                           {}});
          relations.push_back(q.getColumn(3).getString());
        }
      });
    }
    for (size_t i = 0; i < links.size(); ++i) links[i].relation = relations[i];
    PutDiffKeys(run, diff_keys::ComputeDiffKeys(documents, claims, links));
  }
}

std::unique_ptr<Transaction> SqliteStore::Begin() {
  return std::make_unique<SqliteTransaction>(this);
}

SQLite::Statement& SqliteStore::Cached(std::unique_ptr<SQLite::Statement>* slot, const char* sql) {
  if (!*slot) {
    Guard(sql, [&] { *slot = std::make_unique<SQLite::Statement>(*db_, sql); });
  }
  (*slot)->reset();
  (*slot)->clearBindings();
  return **slot;
}

PutStatus SqliteStore::PutDocument(engine::Document* doc) {
  if (doc->content_hash.empty()) {
    throw std::invalid_argument("PutDocument: document from " + doc->path + " has no content hash");
  }
  {
    const char* sql = "SELECT id FROM documents WHERE content_hash = ?";
    SQLite::Statement& q = Cached(&find_hash_, sql);
    const bool found = Guard(sql, [&] {
      q.bind(1, doc->content_hash);
      if (!q.executeStep()) return false;
      doc->id = q.getColumn(0).getInt64();
      return true;
    });
    q.reset();
    if (found) return PutStatus::kAlreadyPresent;
  }
  const char* sql =
      "INSERT INTO documents (content_hash, source, source_inferred, date, date_inferred, title, "
      "url, language, authors, path, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
  SQLite::Statement& ins = Cached(&insert_doc_, sql);
  Guard(sql, [&] {
    ins.bind(1, doc->content_hash);
    ins.bind(2, doc->source);
    ins.bind(3, doc->source_inferred ? 1 : 0);
    ins.bind(4, doc->date);
    ins.bind(5, doc->date_inferred ? 1 : 0);
    ins.bind(6, doc->title);
    ins.bind(7, doc->url);
    ins.bind(8, doc->language);
    ins.bind(9, StringsToJson(doc->authors));
    ins.bind(10, doc->path);
    ins.bindNoCopy(11, doc->text);
    ins.bind(12, NowUtc());
    ins.exec();
    doc->id = db_->getLastInsertRowid();
  });
  ins.reset();
  ins.clearBindings();  // the text was bound without a copy
  return PutStatus::kAdded;
}

std::optional<engine::Document> SqliteStore::GetDocument(int64_t id) {
  const std::string sql =
      std::string("SELECT ") + kDocumentColumns + ", text FROM documents WHERE id = ?";
  return Guard(sql, [&]() -> std::optional<engine::Document> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return DocumentFromRow(q, true);
  });
}

std::optional<engine::Document> SqliteStore::FindDocumentByHash(const std::string& content_hash) {
  const std::string sql =
      std::string("SELECT ") + kDocumentColumns + ", text FROM documents WHERE content_hash = ?";
  return Guard(sql, [&]() -> std::optional<engine::Document> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, content_hash);
    if (!q.executeStep()) return std::nullopt;
    return DocumentFromRow(q, true);
  });
}

int64_t SqliteStore::CountDocuments() {
  const char* sql = "SELECT count(*) FROM documents";
  return Guard(sql, [&] { return db_->execAndGet(sql).getInt64(); });
}

int64_t SqliteStore::ForEachDocument(const DocumentQuery& query,
                                     const std::function<bool(engine::Document&&)>& fn) {
  std::string sql = std::string("SELECT ") + kDocumentColumns + (query.with_text ? ", text" : "") +
                    " FROM documents WHERE 1";
  if (!query.sources.empty()) {
    sql += " AND source IN (";
    for (size_t i = 0; i < query.sources.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  if (!query.date_from.empty()) sql += " AND date <> '' AND date >= ?";
  if (!query.date_to.empty()) sql += " AND date <> '' AND date <= ?";
  const bool by_id = !query.ids.empty();
  sql += by_id ? " AND id = ?" : " ORDER BY id";
  std::vector<int64_t> ids = query.ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  return Guard(sql, [&] {
    SQLite::Statement q(*db_, sql);
    int n = 1;
    for (const std::string& s : query.sources) q.bind(n++, s);
    if (!query.date_from.empty()) q.bind(n++, query.date_from);
    if (!query.date_to.empty()) q.bind(n++, query.date_to);
    const int id_param = n;
    int64_t visited = 0;
    auto drain = [&]() {
      while (q.executeStep()) {
        ++visited;
        if (!fn(DocumentFromRow(q, query.with_text))) return false;
      }
      return true;
    };
    if (!by_id) {
      drain();
      return visited;
    }
    for (int64_t id : ids) {
      q.reset();
      q.bind(id_param, id);
      if (!drain()) break;
    }
    return visited;
  });
}

int64_t SqliteStore::SaveRun(engine::AnalysisResult* r, const std::function<void()>& numbered) {
  // Check the run's internal references before writing anything.
  std::unordered_set<int64_t> doc_ids;
  for (const auto& d : r->documents) {
    if (d.id <= 0) {
      throw std::invalid_argument("SaveRun: document " + d.path + " is not stored (id 0)");
    }
    doc_ids.insert(d.id);
  }
  std::unordered_set<int64_t> claim_ids;
  for (const auto& c : r->claims) {
    if (!claim_ids.insert(c.id).second) {
      throw std::invalid_argument("SaveRun: claim id " + std::to_string(c.id) +
                                  " appears twice in the run");
    }
    if (!doc_ids.empty() && !doc_ids.count(c.document)) {
      throw std::invalid_argument("SaveRun: claim " + std::to_string(c.id) +
                                  " refers to document " + std::to_string(c.document) +
                                  " which is not in the run");
    }
  }
  for (const auto& l : r->links) {
    if (!claim_ids.count(l.a) || !claim_ids.count(l.b)) {
      throw std::invalid_argument("SaveRun: link " + std::to_string(l.a) + " - " +
                                  std::to_string(l.b) + " refers to a claim not in the run");
    }
  }
  if (r->created_at.empty()) r->created_at = NowUtc();
  if (r->program_version.empty()) r->program_version = kVersion;

  Savepoint sp(this, "save_run");
  SaveRunRows(r, numbered);
  sp.Release();
  return r->run_id;
}

void SqliteStore::SaveRunRows(engine::AnalysisResult* r, const std::function<void()>& numbered) {
  {
    const char* sql =
        "INSERT INTO runs (created_at, program_version, config_json, reliability_method, "
        "iterations, converged, n_documents, n_claims, n_links) VALUES (?,?,?,?,?,?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, r->created_at);
      q.bind(2, r->program_version);
      q.bind(3, r->config_json.empty() ? std::string("{}") : r->config_json);
      q.bind(4, r->reliability_method);
      q.bind(5, r->iterations);
      q.bind(6, r->converged ? 1 : 0);
      q.bind(7, static_cast<int64_t>(r->documents.size()));
      q.bind(8, static_cast<int64_t>(r->claims.size()));
      q.bind(9, static_cast<int64_t>(r->links.size()));
      q.exec();
      r->run_id = db_->getLastInsertRowid();
    });
  }
  const int64_t run = r->run_id;
  // Read-only from here on: the caller may now read *r on another thread.
  const engine::AnalysisResult* const result = r;
  if (numbered) numbered();
  {
    const char* sql = "INSERT INTO run_documents (run_id, seq, document_id) VALUES (?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < result->documents.size(); ++i) {
        q.reset();
        q.bind(1, run);
        q.bind(2, static_cast<int64_t>(i));
        q.bind(3, result->documents[i].id);
        q.exec();
      }
    });
  }
  {
    // A store kept at an older version (tests open one) has no proposition columns (5 -> 6).
    const bool v5 = schema_version_ >= 6;
    const char* sql =
        v5 ? "INSERT INTO claims (run_id, seq, id, document_id, source, speaker, speaker_role, "
             "text, byte_begin, byte_end, char_begin, char_end, date, about, polarity, modality, "
             "quantities, entities, proposition, cue, own_voice, subject, subject_text, "
             "predicate, object, negation, negation_scope, modal, predicate_class) VALUES "
             "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
           : "INSERT INTO claims (run_id, seq, id, document_id, source, speaker, speaker_role, "
             "text, byte_begin, byte_end, char_begin, char_end, date, about, polarity, modality, "
             "quantities, entities, proposition, cue, own_voice, subject, subject_text, "
             "predicate, object, negation, negation_scope, modal) VALUES "
             "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < result->claims.size(); ++i) {
        const engine::Claim& c = result->claims[i];
        q.reset();
        q.bind(1, run);
        q.bind(2, static_cast<int64_t>(i));
        q.bind(3, c.id);
        q.bind(4, c.document);
        q.bindNoCopy(5, c.source);
        q.bindNoCopy(6, c.speaker);
        q.bindNoCopy(7, c.speaker_role);
        q.bindNoCopy(8, c.text);
        q.bind(9, static_cast<int64_t>(c.byte_begin));
        q.bind(10, static_cast<int64_t>(c.byte_end));
        q.bind(11, static_cast<int64_t>(c.char_begin));
        q.bind(12, static_cast<int64_t>(c.char_end));
        q.bindNoCopy(13, c.date);
        q.bind(14, TimeRefsToJson(c.about));
        q.bind(15, std::string(engine::ToString(c.polarity)));
        q.bind(16, std::string(engine::ToString(c.modality)));
        q.bind(17, QuantitiesToJson(c.quantities));
        q.bind(18, StringsToJson(c.entities));
        q.bindNoCopy(19, c.proposition);
        q.bindNoCopy(20, c.cue);
        q.bind(21, c.own_voice ? 1 : 0);
        q.bindNoCopy(22, c.subject);
        q.bindNoCopy(23, c.subject_text);
        q.bindNoCopy(24, c.predicate);
        q.bindNoCopy(25, c.object);
        q.bindNoCopy(26, c.negation);
        q.bindNoCopy(27, c.negation_scope);
        q.bindNoCopy(28, c.modal);
        if (v5) q.bindNoCopy(29, c.predicate_class);
        q.exec();
      }
    });
  }
  {
    const char* sql =
        "INSERT INTO links (run_id, seq, a, b, relation, score, reasons) VALUES (?,?,?,?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < result->links.size(); ++i) {
        const engine::ClaimLink& l = result->links[i];
        q.reset();
        q.bind(1, run);
        q.bind(2, static_cast<int64_t>(i));
        q.bind(3, l.a);
        q.bind(4, l.b);
        q.bind(5, std::string(engine::ToString(l.relation)));
        q.bind(6, l.score);
        q.bind(7, StringsToJson(l.reasons));
        q.exec();
      }
    });
  }
  {
    const bool v5 = schema_version_ >= 6;
    const char* sql =
        v5 ? "INSERT INTO propositions (run_id, seq, key, label, claims, subject, predicate, "
             "measure) VALUES (?,?,?,?,?,?,?,?)"
           : "INSERT INTO propositions (run_id, seq, key, label, claims) VALUES (?,?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < result->propositions.size(); ++i) {
        const engine::Proposition& p = result->propositions[i];
        q.reset();
        q.bind(1, run);
        q.bind(2, static_cast<int64_t>(i));
        q.bind(3, p.key);
        q.bind(4, p.label);
        q.bind(5, IdsToJson(p.claims));
        if (v5) {
          q.bindNoCopy(6, p.subject);
          q.bindNoCopy(7, p.predicate);
          q.bindNoCopy(8, p.measure);
        }
        q.exec();
      }
    });
  }
  {
    const char* sql =
        "INSERT INTO copies (run_id, seq, document_a, document_b, source_a, source_b, score) "
        "VALUES (?,?,?,?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < result->copies.size(); ++i) {
        const engine::CopyPair& c = result->copies[i];
        q.reset();
        q.bind(1, run);
        q.bind(2, static_cast<int64_t>(i));
        q.bind(3, c.document_a);
        q.bind(4, c.document_b);
        q.bind(5, c.source_a);
        q.bind(6, c.source_b);
        q.bind(7, c.score);
        q.exec();
      }
    });
  }
  {
    const char* sql =
        "INSERT INTO source_windows (run_id, seq, time_window, source_a, source_b, agreements, "
        "contradictions) VALUES (?,?,?,?,?,?,?)";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (size_t i = 0; i < result->source_windows.size(); ++i) {
        const engine::SourcePairWindow& w = result->source_windows[i];
        q.reset();
        q.bind(1, run);
        q.bind(2, static_cast<int64_t>(i));
        q.bind(3, w.window);
        q.bind(4, w.source_a);
        q.bind(5, w.source_b);
        q.bind(6, w.agreements);
        q.bind(7, w.contradictions);
        q.exec();
      }
    });
  }
  {
    const char* sql =
        "INSERT INTO reliability (run_id, kind, seq, name, role, reliability, uncertainty, "
        "claims, corroborated, contradicted, agreements, contradictions, failed_forecasts, "
        "windows) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    const char* sql5 =
        "INSERT INTO reliability (run_id, kind, seq, name, role, reliability, uncertainty, "
        "claims, corroborated, contradicted, agreements, contradictions, failed_forecasts, "
        "windows, calibration) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    if (schema_version_ >= 5) sql = sql5;
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      auto put = [&](const char* kind, const std::vector<engine::ReliabilityScore>& scores) {
        for (size_t i = 0; i < scores.size(); ++i) {
          const engine::ReliabilityScore& s = scores[i];
          q.reset();
          q.bind(1, run);
          q.bind(2, kind);
          q.bind(3, static_cast<int64_t>(i));
          q.bind(4, s.name);
          q.bind(5, s.role);
          q.bind(6, s.reliability);
          q.bind(7, s.uncertainty);
          q.bind(8, s.claims);
          q.bind(9, s.corroborated);
          q.bind(10, s.contradicted);
          q.bind(11, s.agreements);
          q.bind(12, s.contradictions);
          q.bind(13, s.failed_forecasts);
          q.bind(14, WindowsToJson(s.windows));
          if (schema_version_ >= 5) q.bind(15, CalibrationToJson(s));
          q.exec();
        }
      };
      put("source", result->sources);
      put("speaker", result->speakers);
    });
  }
  // What comparing this run with another reads (schema 7 on; io/store/diff_keys.h).
  if (schema_version_ >= 7) {
    std::vector<int64_t> documents;
    documents.reserve(result->documents.size());
    for (const engine::Document& d : result->documents) documents.push_back(d.id);
    std::vector<diff_keys::ClaimSpan> claims;
    claims.reserve(result->claims.size());
    for (const engine::Claim& c : result->claims)
      claims.push_back(
          {c.id, c.document, static_cast<int64_t>(c.byte_begin), static_cast<int64_t>(c.byte_end)});
    std::vector<diff_keys::LinkEnds> links;
    links.reserve(result->links.size());
    for (size_t i = 0; i < result->links.size(); ++i) {
      const engine::ClaimLink& l = result->links[i];
      links.push_back({static_cast<int64_t>(i), l.a, l.b, engine::ToString(l.relation)});
    }
    PutDiffKeys(run, diff_keys::ComputeDiffKeys(documents, claims, links));
  }
  // The explorer's full-text index and per-source link index for this run (schema 4 on).
  if (schema_version_ >= 4) {
    for (const char* sql : sqlite_schema::kIndexRun) {
      Guard(sql, [&] {
        SQLite::Statement q(*db_, sql);
        q.bind(1, run);
        q.exec();
      });
    }
  }
}

std::vector<RunInfo> SqliteStore::ListRuns() {
  const char* sql =
      "SELECT id, created_at, program_version, config_json, reliability_method, n_documents, "
      "n_claims, n_links FROM runs ORDER BY id DESC";
  return Guard(sql, [&] {
    std::vector<RunInfo> out;
    SQLite::Statement q(*db_, sql);
    while (q.executeStep()) {
      RunInfo info;
      info.id = q.getColumn(0).getInt64();
      info.created_at = q.getColumn(1).getString();
      info.program_version = q.getColumn(2).getString();
      info.config_json = q.getColumn(3).getString();
      info.reliability_method = q.getColumn(4).getString();
      info.documents = q.getColumn(5).getInt64();
      info.claims = q.getColumn(6).getInt64();
      info.links = q.getColumn(7).getInt64();
      out.push_back(std::move(info));
    }
    return out;
  });
}

std::optional<int64_t> SqliteStore::LatestRunId() {
  const char* sql = "SELECT max(id) FROM runs";
  return Guard(sql, [&]() -> std::optional<int64_t> {
    SQLite::Column c = db_->execAndGet(sql);
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
  });
}

engine::AnalysisResult SqliteStore::LoadRun(int64_t run_id, const LoadRunOptions& options) {
  engine::AnalysisResult r;
  {
    const char* sql =
        "SELECT id, created_at, program_version, config_json, reliability_method, iterations, "
        "converged FROM runs WHERE id = ?";
    const bool found = Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run_id);
      if (!q.executeStep()) return false;
      r.run_id = q.getColumn(0).getInt64();
      r.created_at = q.getColumn(1).getString();
      r.program_version = q.getColumn(2).getString();
      r.config_json = q.getColumn(3).getString();
      r.reliability_method = q.getColumn(4).getString();
      r.iterations = q.getColumn(5).getInt();
      r.converged = q.getColumn(6).getInt() != 0;
      return true;
    });
    if (!found) throw StoreError(name_, "", "no analysis run with id " + std::to_string(run_id));
  }
  {
    const std::string sql = std::string("SELECT ") + kDocumentColumns +
                            (options.with_document_text ? ", text" : "") +
                            " FROM documents JOIN run_documents ON run_documents.document_id = "
                            "documents.id WHERE run_documents.run_id = ? ORDER BY "
                            "run_documents.seq";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run_id);
      while (q.executeStep()) r.documents.push_back(DocumentFromRow(q, options.with_document_text));
    });
  }
  {
    // The base columns, the attribution and frame columns, then predicate_class (schema 6 on).
    static const std::string sql = std::string("SELECT ") + store_rows::kClaimColumns +
                                   ", cue, own_voice, subject, subject_text, predicate, object, "
                                   "negation, negation_scope, modal, predicate_class FROM claims "
                                   "WHERE run_id = ? ORDER BY seq";
    static const std::string sql_v5 = std::string("SELECT ") + store_rows::kClaimColumns +
                                      ", cue, own_voice, subject, subject_text, predicate, "
                                      "object, negation, negation_scope, modal, '' FROM claims "
                                      "WHERE run_id = ? ORDER BY seq";
    const std::string& query = schema_version_ < 6 ? sql_v5 : sql;
    Guard(query, [&] {
      SQLite::Statement q(*db_, query);
      q.bind(1, run_id);
      while (q.executeStep()) {
        engine::Claim c;
        if (!store_rows::ReadClaimRow(q, true, &c)) {
          throw StoreError(name_, "",
                           "run " + std::to_string(run_id) + ": claim " + std::to_string(c.id) +
                               " has an unknown polarity or modality");
        }
        store_rows::ReadClaimFrame(q, &c);
        c.predicate_class = q.getColumn(store_rows::kClaimFrameColumn + 9).getString();
        r.claims.push_back(std::move(c));
      }
    });
  }
  {
    static const std::string sql = std::string("SELECT ") + store_rows::kLinkColumns +
                                   " FROM links WHERE run_id = ? ORDER BY seq";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run_id);
      while (q.executeStep()) {
        engine::ClaimLink l;
        if (!store_rows::ReadLinkRow(q, &l)) {
          throw StoreError(name_, "",
                           "run " + std::to_string(run_id) + ": a link has an unknown relation");
        }
        r.links.push_back(std::move(l));
      }
    });
  }
  {
    const char* sql =
        schema_version_ >= 6
            ? "SELECT key, label, claims, subject, predicate, measure FROM propositions WHERE "
              "run_id = ? ORDER BY seq"
            : "SELECT key, label, claims, '', '', '' FROM propositions WHERE run_id = ? ORDER BY "
              "seq";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run_id);
      while (q.executeStep()) {
        r.propositions.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                                  IdsFromJson(q.getColumn(2).getString()),
                                  q.getColumn(3).getString(), q.getColumn(4).getString(),
                                  q.getColumn(5).getString()});
      }
    });
  }
  {
    const char* sql =
        "SELECT document_a, document_b, source_a, source_b, score FROM copies WHERE run_id = ? "
        "ORDER BY seq";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run_id);
      while (q.executeStep()) {
        r.copies.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                            q.getColumn(2).getString(), q.getColumn(3).getString(),
                            q.getColumn(4).getDouble()});
      }
    });
  }
  {
    const char* sql =
        "SELECT time_window, source_a, source_b, agreements, contradictions FROM source_windows "
        "WHERE run_id = ? ORDER BY seq";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run_id);
      while (q.executeStep()) {
        r.source_windows.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                                    q.getColumn(2).getString(), q.getColumn(3).getInt(),
                                    q.getColumn(4).getInt()});
      }
    });
  }
  {
    // kind, the score columns, then the calibration (schema 5 on; '' before).
    static const std::string sql = std::string("SELECT kind, ") + store_rows::kScoreColumns +
                                   ", calibration FROM reliability WHERE run_id = ? ORDER BY "
                                   "kind DESC, seq";
    static const std::string sql_v4 = std::string("SELECT kind, ") + store_rows::kScoreColumns +
                                      ", '' FROM reliability WHERE run_id = ? ORDER BY kind "
                                      "DESC, seq";
    const std::string& query = schema_version_ >= 5 ? sql : sql_v4;
    Guard(query, [&] {
      SQLite::Statement q(*db_, query);
      q.bind(1, run_id);
      while (q.executeStep()) {
        engine::ReliabilityScore s;
        const std::string kind = q.getColumn(0).getString();
        store_rows::ReadScoreRow(q, 1, &s);
        CalibrationFromJson(q.getColumn(12).getString(), &s);
        (kind == "source" ? r.sources : r.speakers).push_back(std::move(s));
      }
    });
  }
  return r;
}

}  // namespace

std::unique_ptr<Store> OpenSqliteStore(const std::string& path, int target_version) {
  return std::make_unique<SqliteStore>(path, target_version);
}

int ReadSchemaVersion(const std::string& path) {
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    if (!db.tableExists("schema_version")) return 0;
    return db.execAndGet("SELECT version FROM schema_version").getInt();
  } catch (const SQLite::Exception& e) {
    throw StoreError(path, "SELECT version FROM schema_version", e.what());
  }
}

}  // namespace claimgraph::io
