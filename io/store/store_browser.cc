// StoreBrowser over the SQLite store. Every list is a keyset page along one index: the cursor holds
// the sort key of the last row shown, and the next page is an index range starting after it. Lists
// sorted by a descending key with ties broken by position (links by score, propositions and
// sources by size) take two ranges: the rest of the tie, then the keys below it.
#include "io/store/store_browser.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "io/store/sqlite_store.h"
#include "io/store/store_rows.h"

namespace claimgraph::io {
namespace {

using Json = nlohmann::json;

constexpr int kMaxLimit = 500;
constexpr int64_t kRunShift = 4294967296;  // claims_fts rowid = run_id * 2^32 + seq
constexpr double kAboveAnyScore = 1e300;

int Clamp(int limit) { return std::clamp(limit, 1, kMaxLimit); }

int64_t ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty())
    throw std::invalid_argument("malformed page cursor");
  return v;
}

// Cursors are "<key>~<seq>": the sort key of the last row shown and its position.
struct Cursor {
  std::string key;
  int64_t seq = -1;
  bool start = true;
};

Cursor ParseCursor(const std::string& s) {
  Cursor c;
  if (s.empty()) return c;
  const size_t tilde = s.rfind('~');
  if (tilde == std::string::npos || s.size() > 512)
    throw std::invalid_argument("malformed page cursor");
  c.key = s.substr(0, tilde);
  c.seq = ParseInt(std::string_view(s).substr(tilde + 1));
  if (c.seq < 0) throw std::invalid_argument("malformed page cursor");
  c.start = false;
  return c;
}

std::string MakeCursor(const std::string& key, int64_t seq) {
  return key + "~" + std::to_string(seq);
}

double ParseScore(const std::string& s) {
  if (s.empty() || s.size() > 40) throw std::invalid_argument("malformed page cursor");
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v))
    throw std::invalid_argument("malformed page cursor");
  return v;
}

std::string ScoreKey(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

using store_rows::kClaimColumns;
using store_rows::kScoreColumns;
using store_rows::StringsFromJson;

// List pages read the claim without its quantities and entities; a value the engine does not
// know keeps the claim's defaults (the page still shows it).
engine::Claim ClaimFromRow(SQLite::Statement& q, bool details) {
  engine::Claim c;
  store_rows::ReadClaimRow(q, details, &c);
  return c;
}

engine::ReliabilityScore ScoreFromRow(SQLite::Statement& q) {
  engine::ReliabilityScore s;
  store_rows::ReadScoreRow(q, 0, &s);
  return s;
}

engine::ClaimLink LinkFromRow(SQLite::Statement& q) {
  engine::ClaimLink l;
  store_rows::ReadLinkRow(q, &l);
  return l;
}

const char* KindName(ScoreKind k) { return k == ScoreKind::kSource ? "source" : "speaker"; }

RunInfo RunFromRow(SQLite::Statement& q) {
  RunInfo info;
  info.id = q.getColumn(0).getInt64();
  info.created_at = q.getColumn(1).getString();
  info.program_version = q.getColumn(2).getString();
  info.config_json = q.getColumn(3).getString();
  info.reliability_method = q.getColumn(4).getString();
  info.documents = q.getColumn(5).getInt64();
  info.claims = q.getColumn(6).getInt64();
  info.links = q.getColumn(7).getInt64();
  return info;
}

constexpr const char* kRunColumns =
    "id, created_at, program_version, config_json, reliability_method, n_documents, n_claims, "
    "n_links";

// Appends the words of `text` (runs of letters, digits and any non-ASCII bytes) as one quoted
// FTS5 string each, or as one quoted phrase when `phrase`.
void AppendTerms(std::string_view text, bool phrase, std::vector<std::string>* terms) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || std::isalnum(u)) {
      word += ch;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.empty()) return;
  if (phrase) {
    std::string joined;
    for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
    terms->push_back("\"" + joined + "\"");
  } else {
    for (const std::string& w : words) terms->push_back("\"" + w + "\"");
  }
}

}  // namespace

std::string FtsQuery(const std::string& text) {
  std::vector<std::string> terms;
  const std::string_view t = std::string_view(text).substr(0, 1000);
  size_t i = 0;
  bool in_quote = false;
  while (i <= t.size()) {
    const size_t q = t.find('"', i);
    const size_t end = q == std::string_view::npos ? t.size() : q;
    AppendTerms(t.substr(i, end - i), in_quote, &terms);
    if (q == std::string_view::npos) break;
    in_quote = !in_quote;
    i = q + 1;
  }
  if (terms.size() > 32) terms.resize(32);
  std::string out;
  for (const std::string& term : terms) out += (out.empty() ? "" : " ") + term;
  return out;
}

template <class F>
auto StoreBrowser::Guard(const char* sql, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw StoreError(name_, sql, e.what());
  } catch (const Json::exception& e) {
    throw StoreError(name_, sql, std::string("malformed JSON in a row: ") + e.what());
  }
}

StoreBrowser::StoreBrowser(const std::string& path) : name_(path) {
  Guard("open", [&] {
    db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    db_->setBusyTimeout(5000);
  });
  const char* sql = "SELECT version FROM schema_version";
  const int version = Guard(sql, [&] {
    if (!db_->tableExists("schema_version")) return -1;
    return db_->execAndGet(sql).getInt();
  });
  if (version < 0) throw StoreError(name_, "", "not a claimgraph store");
  if (version != kStoreSchemaVersion) {
    throw StoreError(name_, "",
                     "schema version " + std::to_string(version) + ", this build reads " +
                         std::to_string(kStoreSchemaVersion) +
                         (version < kStoreSchemaVersion ? " (open it once with a command that "
                                                          "writes, e.g. `claimgraph serve`, to "
                                                          "migrate it)"
                                                        : ""));
  }
  Guard("PRAGMA cache_size", [&] { return db_->exec("PRAGMA cache_size = -32768"); });
}

StoreBrowser::~StoreBrowser() = default;

std::vector<RunInfo> StoreBrowser::Runs(int limit) {
  static const std::string sql =
      std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY id DESC LIMIT ?";
  return Guard(sql.c_str(), [&] {
    std::vector<RunInfo> out;
    SQLite::Statement q(*db_, sql);
    q.bind(1, std::max(1, limit));
    while (q.executeStep()) out.push_back(RunFromRow(q));
    return out;
  });
}

std::optional<RunInfo> StoreBrowser::Run(int64_t run) {
  static const std::string sql = std::string("SELECT ") + kRunColumns + " FROM runs WHERE id = ?";
  return Guard(sql.c_str(), [&]() -> std::optional<RunInfo> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    if (!q.executeStep()) return std::nullopt;
    return RunFromRow(q);
  });
}

Page<engine::ReliabilityScore> StoreBrowser::Scores(int64_t run, ScoreKind kind,
                                                    const std::string& cursor, int limit) {
  limit = Clamp(limit);
  const Cursor c = ParseCursor(cursor);
  const int64_t claims = c.start ? std::numeric_limits<int>::max() : ParseInt(c.key);
  static const std::string tie =
      std::string("SELECT ") + kScoreColumns +
      ", seq FROM reliability INDEXED BY reliability_by_claims WHERE run_id = ?1 AND kind = ?2 "
      "AND claims = ?3 AND seq > ?4 ORDER BY seq LIMIT ?5";
  static const std::string rest =
      std::string("SELECT ") + kScoreColumns +
      ", seq FROM reliability INDEXED BY reliability_by_claims WHERE run_id = ?1 AND kind = ?2 "
      "AND claims < ?3 ORDER BY claims DESC, seq LIMIT ?5";
  Page<engine::ReliabilityScore> page;
  std::vector<int64_t> seqs;
  for (const std::string* sql : {&tie, &rest}) {
    if (c.start && sql == &tie) continue;
    const int want = limit + 1 - static_cast<int>(page.rows.size());
    if (want <= 0) break;
    Guard(sql->c_str(), [&] {
      SQLite::Statement q(*db_, *sql);
      q.bind(1, run);
      q.bind(2, KindName(kind));
      q.bind(3, claims);
      if (sql == &tie) q.bind(4, c.seq);
      q.bind(5, want);
      while (q.executeStep()) {
        page.rows.push_back(ScoreFromRow(q));
        seqs.push_back(q.getColumn(11).getInt64());
      }
    });
  }
  // The extra row only says there is a next page.
  if (static_cast<int>(page.rows.size()) > limit) {
    page.rows.pop_back();
    seqs.pop_back();
    page.next = MakeCursor(std::to_string(page.rows.back().claims), seqs.back());
  }
  return page;
}

std::optional<engine::ReliabilityScore> StoreBrowser::Score(int64_t run, ScoreKind kind,
                                                            const std::string& name) {
  static const std::string sql =
      std::string("SELECT ") + kScoreColumns +
      " FROM reliability WHERE run_id = ? AND kind = ? AND name = ? ORDER BY claims DESC LIMIT 1";
  return Guard(sql.c_str(), [&]() -> std::optional<engine::ReliabilityScore> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, KindName(kind));
    q.bind(3, name);
    if (!q.executeStep()) return std::nullopt;
    return ScoreFromRow(q);
  });
}

std::vector<std::string> StoreBrowser::SourceNames(int64_t run, int limit) {
  const char* sql =
      "SELECT DISTINCT name FROM reliability WHERE run_id = ? AND kind = 'source' ORDER BY name "
      "LIMIT ?";
  return Guard(sql, [&] {
    std::vector<std::string> out;
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, std::max(1, limit));
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
}

Page<engine::Claim> StoreBrowser::Claims(int64_t run, ClaimField field, const std::string& value,
                                         const std::string& cursor, int limit) {
  limit = Clamp(limit);
  const Cursor c = ParseCursor(cursor);
  static const auto make = [](const char* column, const char* index) {
    return std::string("SELECT ") + kClaimColumns + ", seq FROM claims INDEXED BY " + index +
           " WHERE run_id = ?1 AND " + column +
           " = ?2 AND (date, seq) > (?3, ?4) ORDER BY date, seq LIMIT ?5";
  };
  static const std::string by_source = make("source", "claims_by_source");
  static const std::string by_speaker = make("speaker", "claims_by_speaker");
  static const std::string by_proposition = make("proposition", "claims_by_proposition");
  const std::string& sql = field == ClaimField::kSource    ? by_source
                           : field == ClaimField::kSpeaker ? by_speaker
                                                           : by_proposition;
  return Guard(sql.c_str(), [&] {
    Page<engine::Claim> page;
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, value);
    q.bind(3, c.key);
    q.bind(4, c.seq);
    q.bind(5, limit + 1);
    int64_t last_seq = -1;
    while (q.executeStep()) {
      if (static_cast<int>(page.rows.size()) == limit) {
        page.next = MakeCursor(page.rows.back().date, last_seq);
        break;
      }
      page.rows.push_back(ClaimFromRow(q, false));
      last_seq = q.getColumn(17).getInt64();
    }
    return page;
  });
}

std::optional<engine::Claim> StoreBrowser::Claim(int64_t run, int64_t claim_id) {
  static const std::string sql =
      std::string("SELECT ") + kClaimColumns + " FROM claims WHERE run_id = ? AND id = ?";
  return Guard(sql.c_str(), [&]() -> std::optional<engine::Claim> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, claim_id);
    if (!q.executeStep()) return std::nullopt;
    return ClaimFromRow(q, true);
  });
}

std::vector<engine::Claim> StoreBrowser::ClaimsOfDocument(int64_t run, int64_t document_id,
                                                          int limit) {
  static const std::string sql = std::string("SELECT ") + kClaimColumns +
                                 " FROM claims INDEXED BY claims_by_document WHERE run_id = ? "
                                 "AND document_id = ? ORDER BY byte_begin LIMIT ?";
  return Guard(sql.c_str(), [&] {
    std::vector<engine::Claim> out;
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, document_id);
    q.bind(3, Clamp(limit));
    while (q.executeStep()) out.push_back(ClaimFromRow(q, false));
    return out;
  });
}

std::optional<engine::Document> StoreBrowser::Document(int64_t document_id) {
  static const std::string sql =
      std::string("SELECT ") + store_rows::kDocumentColumns + ", text FROM documents WHERE id = ?";
  return Guard(sql.c_str(), [&]() -> std::optional<engine::Document> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, document_id);
    if (!q.executeStep()) return std::nullopt;
    return store_rows::DocumentFromRow(q, true);
  });
}

namespace {

// Fills a LinkRow from the link at (run, seq) and its two claims; false if the link is gone.
bool FillLink(SQLite::Statement& link, SQLite::Statement& claim, int64_t run, int64_t seq,
              LinkRow* row) {
  link.reset();
  link.bind(1, run);
  link.bind(2, seq);
  if (!link.executeStep()) return false;
  row->seq = seq;
  row->link = LinkFromRow(link);
  for (auto [id, out] : {std::pair{row->link.a, &row->a}, std::pair{row->link.b, &row->b}}) {
    claim.reset();
    claim.bind(1, run);
    claim.bind(2, id);
    if (claim.executeStep()) {
      *out = ClaimFromRow(claim, false);
    } else {
      out->id = id;  // a dangling link: the claim is missing from the run
    }
  }
  return true;
}

// Selects store_rows::kLinkColumns.
constexpr const char* kLinkById =
    "SELECT a, b, relation, score, reasons FROM links WHERE run_id = ? AND seq = ?";

}  // namespace

std::vector<LinkRow> StoreBrowser::LinksOf(int64_t run, int64_t claim_id, int limit) {
  const char* sql =
      "SELECT seq, CASE relation WHEN 'contradict' THEN 0 WHEN 'update' THEN 1 WHEN 'agree' THEN 2 "
      "ELSE 3 END AS r, score FROM links INDEXED BY links_by_a WHERE run_id = ?1 AND a = ?2 "
      "UNION ALL "
      "SELECT seq, CASE relation WHEN 'contradict' THEN 0 WHEN 'update' THEN 1 WHEN 'agree' THEN 2 "
      "ELSE 3 END AS r, score FROM links INDEXED BY links_by_b WHERE run_id = ?1 AND b = ?2 "
      "ORDER BY r, score DESC, seq LIMIT ?3";
  return Guard(sql, [&] {
    std::vector<int64_t> seqs;
    {
      SQLite::Statement q(*db_, sql);
      q.bind(1, run);
      q.bind(2, claim_id);
      q.bind(3, Clamp(limit));
      while (q.executeStep()) seqs.push_back(q.getColumn(0).getInt64());
    }
    return LinksAt(run, seqs);
  });
}

std::vector<engine::Claim> StoreBrowser::ClaimsById(int64_t run, const std::vector<int64_t>& ids) {
  static const std::string sql =
      std::string("SELECT ") + kClaimColumns + " FROM claims WHERE run_id = ? AND id = ?";
  return Guard(sql.c_str(), [&] {
    std::vector<engine::Claim> out;
    SQLite::Statement q(*db_, sql);
    for (int64_t id : ids) {
      q.reset();
      q.bind(1, run);
      q.bind(2, id);
      if (q.executeStep()) out.push_back(ClaimFromRow(q, false));
    }
    return out;
  });
}

std::vector<LinkRow> StoreBrowser::LinksAt(int64_t run, const std::vector<int64_t>& seqs) {
  static const std::string claim_sql =
      std::string("SELECT ") + kClaimColumns + " FROM claims WHERE run_id = ? AND id = ?";
  return Guard(kLinkById, [&] {
    SQLite::Statement link(*db_, kLinkById);
    SQLite::Statement claim(*db_, claim_sql);
    std::vector<LinkRow> out;
    for (int64_t seq : seqs) {
      LinkRow row;
      if (FillLink(link, claim, run, seq, &row)) out.push_back(std::move(row));
    }
    return out;
  });
}

Page<LinkRow> StoreBrowser::Links(int64_t run, const LinkFilter& filter, const std::string& cursor,
                                  int limit) {
  limit = Clamp(limit);
  if (!filter.other.empty() && filter.source.empty())
    throw std::invalid_argument("a second source filter needs a first");
  const Cursor c = ParseCursor(cursor);
  const double score = c.start ? kAboveAnyScore : ParseScore(c.key);
  const bool by_source = !filter.source.empty();
  const bool by_other = !filter.other.empty();
  // ?1 run, ?2 relation, ?3 cursor score, ?4 cursor seq, ?5 limit, ?6 min score, ?7 source,
  // ?8 other.
  static const std::string all_tie =
      "SELECT seq, score FROM links INDEXED BY links_by_score WHERE run_id = ?1 AND relation = ?2 "
      "AND score = ?3 AND seq > ?4 AND score >= ?6 ORDER BY seq LIMIT ?5";
  static const std::string all_rest =
      "SELECT seq, score FROM links INDEXED BY links_by_score WHERE run_id = ?1 AND relation = ?2 "
      "AND score < ?3 AND score >= ?6 ORDER BY score DESC, seq LIMIT ?5";
  static const std::string src_tie =
      "SELECT seq, score FROM link_sources WHERE run_id = ?1 AND relation = ?2 AND source = ?7 "
      "AND score = ?3 AND seq > ?4 AND score >= ?6 ORDER BY seq LIMIT ?5";
  static const std::string src_rest =
      "SELECT seq, score FROM link_sources WHERE run_id = ?1 AND relation = ?2 AND source = ?7 "
      "AND score < ?3 AND score >= ?6 ORDER BY score DESC, seq LIMIT ?5";
  static const std::string pair_tie =
      "SELECT seq, score FROM link_sources WHERE run_id = ?1 AND relation = ?2 AND source = ?7 "
      "AND score = ?3 AND seq > ?4 AND score >= ?6 AND other = ?8 ORDER BY seq LIMIT ?5";
  static const std::string pair_rest =
      "SELECT seq, score FROM link_sources WHERE run_id = ?1 AND relation = ?2 AND source = ?7 "
      "AND score < ?3 AND score >= ?6 AND other = ?8 ORDER BY score DESC, seq LIMIT ?5";
  const std::string& tie = by_other ? pair_tie : by_source ? src_tie : all_tie;
  const std::string& rest = by_other ? pair_rest : by_source ? src_rest : all_rest;

  std::vector<std::pair<int64_t, double>> keys;  // (seq, score)
  for (const std::string* sql : {&tie, &rest}) {
    if (c.start && sql == &tie) continue;
    const int want = limit + 1 - static_cast<int>(keys.size());
    if (want <= 0) break;
    Guard(sql->c_str(), [&] {
      SQLite::Statement q(*db_, *sql);
      q.bind(1, run);
      q.bind(2, std::string(engine::ToString(filter.relation)));
      q.bind(3, score);
      if (sql == &tie) q.bind(4, c.seq);
      q.bind(5, want);
      q.bind(6, filter.min_score);
      if (by_source) q.bind(7, filter.source);
      if (by_other) q.bind(8, filter.other);
      while (q.executeStep())
        keys.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getDouble());
    });
  }
  Page<LinkRow> page;
  if (static_cast<int>(keys.size()) > limit) {
    keys.pop_back();
    page.next = MakeCursor(ScoreKey(keys.back().second), keys.back().first);
  }
  static const std::string claim_sql =
      std::string("SELECT ") + kClaimColumns + " FROM claims WHERE run_id = ? AND id = ?";
  Guard(kLinkById, [&] {
    SQLite::Statement link(*db_, kLinkById);
    SQLite::Statement claim(*db_, claim_sql);
    for (const auto& [seq, s] : keys) {
      LinkRow row;
      if (FillLink(link, claim, run, seq, &row)) page.rows.push_back(std::move(row));
    }
  });
  return page;
}

namespace {

constexpr const char* kPropositionSize = "json_array_length(claims)";

}  // namespace

Page<PropositionRow> StoreBrowser::Propositions(int64_t run, const std::string& cursor, int limit) {
  limit = Clamp(limit);
  const Cursor c = ParseCursor(cursor);
  const int64_t size = c.start ? std::numeric_limits<int64_t>::max() : ParseInt(c.key);
  static const std::string tie =
      std::string("SELECT seq, key, label, ") + kPropositionSize +
      " FROM propositions INDEXED BY propositions_by_size WHERE run_id = ?1 AND " +
      kPropositionSize + " = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4";
  static const std::string rest =
      std::string("SELECT seq, key, label, ") + kPropositionSize +
      " FROM propositions INDEXED BY propositions_by_size WHERE run_id = ?1 AND " +
      kPropositionSize + " < ?2 ORDER BY " + kPropositionSize + " DESC, seq LIMIT ?4";
  Page<PropositionRow> page;
  for (const std::string* sql : {&tie, &rest}) {
    if (c.start && sql == &tie) continue;
    const int want = limit + 1 - static_cast<int>(page.rows.size());
    if (want <= 0) break;
    Guard(sql->c_str(), [&] {
      SQLite::Statement q(*db_, *sql);
      q.bind(1, run);
      q.bind(2, size);
      if (sql == &tie) q.bind(3, c.seq);
      q.bind(4, want);
      while (q.executeStep()) {
        page.rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                             q.getColumn(2).getString(), q.getColumn(3).getInt64()});
      }
    });
  }
  if (static_cast<int>(page.rows.size()) > limit) {
    page.rows.pop_back();
    page.next = MakeCursor(std::to_string(page.rows.back().claims), page.rows.back().seq);
  }
  return page;
}

std::optional<PropositionRow> StoreBrowser::Proposition(int64_t run, const std::string& key) {
  static const std::string sql = std::string("SELECT seq, key, label, ") + kPropositionSize +
                                 " FROM propositions INDEXED BY propositions_by_key WHERE run_id "
                                 "= ? AND key = ? ORDER BY seq LIMIT 1";
  return Guard(sql.c_str(), [&]() -> std::optional<PropositionRow> {
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, key);
    if (!q.executeStep()) return std::nullopt;
    return PropositionRow{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                          q.getColumn(2).getString(), q.getColumn(3).getInt64()};
  });
}

std::vector<SourceYearCount> StoreBrowser::PropositionCounts(int64_t run, const std::string& key,
                                                             int cap, bool* capped) {
  const char* sql =
      "SELECT source, substr(date, 1, 4), polarity FROM claims INDEXED BY claims_by_proposition "
      "WHERE run_id = ? AND proposition = ? ORDER BY date, seq LIMIT ?";
  return Guard(sql, [&] {
    std::map<std::pair<std::string, std::string>, SourceYearCount> counts;
    SQLite::Statement q(*db_, sql);
    q.bind(1, run);
    q.bind(2, key);
    q.bind(3, std::max(1, cap) + 1);
    int n = 0;
    *capped = false;
    while (q.executeStep()) {
      if (++n > cap) {
        *capped = true;
        break;
      }
      const std::string source = q.getColumn(0).getString();
      const std::string year = q.getColumn(1).getString();
      SourceYearCount& c = counts[{source, year}];
      c.source = source;
      c.year = year;
      (q.getColumn(2).getString() == "negated" ? c.negated : c.affirmed)++;
    }
    std::vector<SourceYearCount> out;
    for (auto& [k, c] : counts) out.push_back(std::move(c));
    return out;
  });
}

Page<engine::Claim> StoreBrowser::Search(int64_t run, const std::string& query,
                                         const std::string& cursor, int limit) {
  limit = Clamp(limit);
  Page<engine::Claim> page;
  const std::string fts = FtsQuery(query);
  if (fts.empty() || run <= 0 || run >= (int64_t{1} << 30)) return page;
  int64_t after = run * kRunShift - 1;
  if (!cursor.empty()) {
    after = ParseInt(cursor);
    if (after < run * kRunShift - 1 || after >= (run + 1) * kRunShift)
      throw std::invalid_argument("malformed page cursor");
  }
  const char* sql =
      "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 AND rowid > ?2 AND rowid < ?3 "
      "ORDER BY rowid LIMIT ?4";
  std::vector<int64_t> rowids;
  Guard(sql, [&] {
    SQLite::Statement q(*db_, sql);
    q.bind(1, fts);
    q.bind(2, after);
    q.bind(3, (run + 1) * kRunShift);
    q.bind(4, limit + 1);
    while (q.executeStep()) rowids.push_back(q.getColumn(0).getInt64());
  });
  if (static_cast<int>(rowids.size()) > limit) {
    rowids.pop_back();
    page.next = std::to_string(rowids.back());
  }
  static const std::string claim_sql =
      std::string("SELECT ") + kClaimColumns + " FROM claims WHERE run_id = ? AND seq = ?";
  Guard(claim_sql.c_str(), [&] {
    SQLite::Statement q(*db_, claim_sql);
    for (int64_t rowid : rowids) {
      q.reset();
      q.bind(1, run);
      q.bind(2, rowid - run * kRunShift);
      if (q.executeStep()) page.rows.push_back(ClaimFromRow(q, false));
    }
  });
  return page;
}

engine::AnalysisResult StoreBrowser::RunHeader(int64_t run) {
  const std::optional<RunInfo> info = Run(run);
  if (!info) throw StoreError(name_, "", "no analysis run with id " + std::to_string(run));
  engine::AnalysisResult r;
  r.run_id = run;
  r.created_at = info->created_at;
  r.program_version = info->program_version;
  r.config_json = info->config_json;
  r.reliability_method = info->reliability_method;
  return r;
}

engine::AnalysisResult StoreBrowser::LoadSources(int64_t run,
                                                 const std::vector<std::string>& sources) {
  engine::AnalysisResult r = RunHeader(run);
  const std::set<std::string> distinct(sources.begin(), sources.end());
  const std::vector<std::string> names(distinct.begin(), distinct.end());
  static const std::string claims_sql =
      std::string("SELECT ") + kClaimColumns +
      " FROM claims INDEXED BY claims_by_source WHERE run_id = ? AND source = ? ORDER BY date, seq";
  std::map<std::string, std::set<std::string>> stated_by;  // proposition -> sources
  Guard(claims_sql.c_str(), [&] {
    SQLite::Statement q(*db_, claims_sql);
    for (const std::string& s : names) {
      q.reset();
      q.bind(1, run);
      q.bind(2, s);
      while (q.executeStep()) {
        r.claims.push_back(ClaimFromRow(q, false));
        if (!r.claims.back().proposition.empty()) stated_by[r.claims.back().proposition].insert(s);
      }
    }
  });
  // Documents (metadata only), once each.
  {
    std::vector<int64_t> ids;
    ids.reserve(r.claims.size());
    for (const engine::Claim& c : r.claims) ids.push_back(c.document);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const char* sql = "SELECT id, source, date, title, url, language FROM documents WHERE id = ?";
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (int64_t id : ids) {
        q.reset();
        q.bind(1, id);
        if (!q.executeStep()) continue;
        engine::Document d;
        d.id = q.getColumn(0).getInt64();
        d.source = q.getColumn(1).getString();
        d.date = q.getColumn(2).getString();
        d.title = q.getColumn(3).getString();
        d.url = q.getColumn(4).getString();
        d.language = q.getColumn(5).getString();
        r.documents.push_back(std::move(d));
      }
    });
  }
  // Links between two different compared sources, each once (from its smaller-named end).
  {
    const char* sql =
        "SELECT seq FROM link_sources WHERE run_id = ? AND relation = ? AND source = ? AND "
        "other = ?";
    std::vector<int64_t> seqs;
    Guard(sql, [&] {
      SQLite::Statement q(*db_, sql);
      for (engine::Relation rel :
           {engine::Relation::kContradict, engine::Relation::kAgree, engine::Relation::kUpdate}) {
        for (size_t i = 0; i < names.size(); ++i) {
          for (size_t j = i + 1; j < names.size(); ++j) {
            q.reset();
            q.bind(1, run);
            q.bind(2, std::string(engine::ToString(rel)));
            q.bind(3, names[i]);
            q.bind(4, names[j]);
            while (q.executeStep()) seqs.push_back(q.getColumn(0).getInt64());
          }
        }
      }
    });
    std::sort(seqs.begin(), seqs.end());
    Guard(kLinkById, [&] {
      SQLite::Statement q(*db_, kLinkById);
      for (int64_t seq : seqs) {
        q.reset();
        q.bind(1, run);
        q.bind(2, seq);
        if (!q.executeStep()) continue;
        r.links.push_back(LinkFromRow(q));
      }
    });
  }
  // Labels of the propositions two or more of the sources state (the comparison shows those).
  {
    static const std::string sql =
        "SELECT label FROM propositions INDEXED BY propositions_by_key WHERE run_id = ? AND key "
        "= ? ORDER BY seq LIMIT 1";
    Guard(sql.c_str(), [&] {
      SQLite::Statement q(*db_, sql);
      for (const auto& [key, by] : stated_by) {
        if (by.size() < 2) continue;
        q.reset();
        q.bind(1, run);
        q.bind(2, key);
        if (q.executeStep())
          r.propositions.push_back({key, q.getColumn(0).getString(), {}, {}, {}, {}});
      }
    });
  }
  for (const std::string& s : names) {
    if (std::optional<engine::ReliabilityScore> score = Score(run, ScoreKind::kSource, s))
      r.sources.push_back(std::move(*score));
  }
  return r;
}

}  // namespace claimgraph::io
