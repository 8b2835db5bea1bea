// The SQLite store's schema as a list of forward migrations: kMigrations[i] takes a store from
// version i to version i + 1. A released migration is never edited; a change to the schema is a
// new migration appended here (and kStoreSchemaVersion raised in sqlite_store.h). docs/FORMATS.md
// describes the resulting tables.
#pragma once

namespace claimgraph::io::sqlite_schema {

inline constexpr const char* kMigrations[] = {
    // 0 -> 1: documents, keyed by the SHA-256 of their bytes.
    R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);
CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  content_hash     TEXT NOT NULL UNIQUE,
  source           TEXT NOT NULL,
  source_inferred  INTEGER NOT NULL DEFAULT 0,
  date             TEXT NOT NULL,
  date_inferred    INTEGER NOT NULL DEFAULT 0,
  title            TEXT NOT NULL,
  url              TEXT NOT NULL,
  language         TEXT NOT NULL,
  authors          TEXT NOT NULL,
  path             TEXT NOT NULL,
  text             TEXT NOT NULL,
  ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_date ON documents (date);
)sql",
    // 1 -> 2: recorded analysis runs and everything they produce.
    R"sql(
CREATE TABLE runs (
  id                  INTEGER PRIMARY KEY,
  created_at          TEXT NOT NULL,
  program_version     TEXT NOT NULL,
  config_json         TEXT NOT NULL,
  reliability_method  TEXT NOT NULL,
  iterations          INTEGER NOT NULL,
  converged           INTEGER NOT NULL,
  n_documents         INTEGER NOT NULL,
  n_claims            INTEGER NOT NULL,
  n_links             INTEGER NOT NULL
);
CREATE TABLE run_documents (
  run_id       INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  document_id  INTEGER NOT NULL REFERENCES documents (id),
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE claims (
  run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  id            INTEGER NOT NULL,
  document_id   INTEGER NOT NULL REFERENCES documents (id),
  source        TEXT NOT NULL,
  speaker       TEXT NOT NULL,
  speaker_role  TEXT NOT NULL,
  text          TEXT NOT NULL,
  byte_begin    INTEGER NOT NULL,
  byte_end      INTEGER NOT NULL,
  char_begin    INTEGER NOT NULL,
  char_end      INTEGER NOT NULL,
  date          TEXT NOT NULL,
  about         TEXT NOT NULL,
  polarity      TEXT NOT NULL,
  modality      TEXT NOT NULL,
  quantities    TEXT NOT NULL,
  entities      TEXT NOT NULL,
  proposition   TEXT NOT NULL,
  PRIMARY KEY (run_id, seq),
  UNIQUE (run_id, id)
);
CREATE TABLE links (
  run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  a         INTEGER NOT NULL,
  b         INTEGER NOT NULL,
  relation  TEXT NOT NULL,
  score     REAL NOT NULL,
  reasons   TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE propositions (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  key     TEXT NOT NULL,
  label   TEXT NOT NULL,
  claims  TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE copies (
  run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  document_a  INTEGER NOT NULL,
  document_b  INTEGER NOT NULL,
  source_a    TEXT NOT NULL,
  source_b    TEXT NOT NULL,
  score       REAL NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE source_windows (
  run_id          INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  time_window     TEXT NOT NULL,
  source_a        TEXT NOT NULL,
  source_b        TEXT NOT NULL,
  agreements      INTEGER NOT NULL,
  contradictions  INTEGER NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TABLE reliability (
  run_id            INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  kind              TEXT NOT NULL CHECK (kind IN ('source', 'speaker')),
  seq               INTEGER NOT NULL,
  name              TEXT NOT NULL,
  role              TEXT NOT NULL,
  reliability       REAL NOT NULL,
  uncertainty       REAL NOT NULL,
  claims            INTEGER NOT NULL,
  corroborated      INTEGER NOT NULL,
  contradicted      INTEGER NOT NULL,
  agreements        INTEGER NOT NULL,
  contradictions    INTEGER NOT NULL,
  failed_forecasts  INTEGER NOT NULL,
  windows           TEXT NOT NULL,
  PRIMARY KEY (run_id, kind, seq)
);
)sql",
    // 2 -> 3: attribution and the claim's proposition (issue 9). Additive: old runs read back
    // with empty values.
    R"sql(
ALTER TABLE claims ADD COLUMN cue TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN own_voice INTEGER NOT NULL DEFAULT 1;
ALTER TABLE claims ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN subject_text TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN predicate TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN object TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN negation TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN negation_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN modal TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: what the explorer (`claimgraph serve`) reads a page at a time. Indexes for claims by
    // source, speaker, proposition and document (each in date order), links by claim and by
    // relation and score, and link_sources: each link once per source at either end, so the
    // links touching one source (or between two) come out of one index range in score order.
    // claims_fts: a full-text index of claim text (FTS5, contentless: its rowid is
    // run_id * 2^32 + seq, which names the claim and survives VACUUM). SaveRun fills
    // link_sources and claims_fts for each new run (kIndexRun below); rows of existing runs are
    // indexed here.
    R"sql(
CREATE INDEX claims_by_source ON claims (run_id, source, date, seq);
CREATE INDEX claims_by_speaker ON claims (run_id, speaker, date, seq);
CREATE INDEX claims_by_proposition ON claims (run_id, proposition, date, seq);
CREATE INDEX claims_by_document ON claims (run_id, document_id);
CREATE INDEX links_by_a ON links (run_id, a, relation, score, seq);
CREATE INDEX links_by_b ON links (run_id, b, relation, score, seq);
CREATE INDEX links_by_score ON links (run_id, relation, score DESC, seq);
CREATE INDEX propositions_by_key ON propositions (run_id, key);
CREATE INDEX propositions_by_size ON propositions (run_id, json_array_length(claims) DESC, seq);
CREATE INDEX reliability_by_claims ON reliability (run_id, kind, claims DESC, seq);
CREATE INDEX reliability_by_name ON reliability (run_id, kind, name);
CREATE TABLE link_sources (
  run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  relation  TEXT NOT NULL,
  source    TEXT NOT NULL,
  score     REAL NOT NULL,
  seq       INTEGER NOT NULL,
  other     TEXT NOT NULL,
  PRIMARY KEY (run_id, relation, source, score DESC, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE claims_fts USING fts5 (
  text, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, text)
  VALUES ('delete', old.run_id * 4294967296 + old.seq, old.text);
END;
INSERT INTO claims_fts (rowid, text) SELECT run_id * 4294967296 + seq, text FROM claims;
INSERT INTO link_sources (run_id, relation, source, score, seq, other)
WITH ends AS (
  SELECT l.run_id, l.relation, ca.source AS sa, cb.source AS sb, l.score, l.seq
  FROM links l
  JOIN claims ca ON ca.run_id = l.run_id AND ca.id = l.a
  JOIN claims cb ON cb.run_id = l.run_id AND cb.id = l.b
)
SELECT run_id, relation, sa, score, seq, sb FROM ends
UNION ALL
SELECT run_id, relation, sb, score, seq, sa FROM ends WHERE sa <> sb
ORDER BY 1, 2, 3, 4 DESC, 5;
)sql",
    // 4 -> 5: calibrated reliability (issue 11): each score's 95% interval, evidence and verdict
    // counts and the method's own trust, as JSON {"low", "high", "evidence", "verdicts", "trust",
    // "trust_sd"}; empty for runs recorded before.
    R"sql(
ALTER TABLE reliability ADD COLUMN calibration TEXT NOT NULL DEFAULT '';
)sql",
    // 5 -> 6: propositions as first-class (issue 10): each claim's predicate sense class (the
    // quantities' JSON gains "approximation"), and what a proposition group is about. Additive:
    // old runs read back with empty values.
    R"sql(
ALTER TABLE claims ADD COLUMN predicate_class TEXT NOT NULL DEFAULT '';
ALTER TABLE propositions ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE propositions ADD COLUMN predicate TEXT NOT NULL DEFAULT '';
ALTER TABLE propositions ADD COLUMN measure TEXT NOT NULL DEFAULT '';
)sql",
    // 6 -> 7: comparing two runs without reading them whole (the explorer's diff view; issue 12,
    // io/store/diff_keys.h). claims_by_span: a run's claims by document and byte span (how the
    // diff matches claims). link_keys: each link's identity hash (its two claims' spans and
    // relation) under its home document. document_digests: per run and document, the count and
    // order-free hash sum of its claim spans and of its home links, so that only the documents
    // whose digests differ between two runs are compared item by item. SaveRun fills both tables
    // for each new run; OpenStore fills them for the runs already stored when it migrates.
    R"sql(
CREATE INDEX claims_by_span ON claims (run_id, document_id, byte_begin, byte_end, seq, id);
CREATE TABLE link_keys (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  home    INTEGER NOT NULL,
  ident   INTEGER NOT NULL,
  seq     INTEGER NOT NULL,
  PRIMARY KEY (run_id, home, ident, seq)
) WITHOUT ROWID;
CREATE TABLE document_digests (
  run_id         INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  document_id    INTEGER NOT NULL,
  listed         INTEGER NOT NULL,
  claims         INTEGER NOT NULL,
  claims_digest  INTEGER NOT NULL,
  links          INTEGER NOT NULL,
  links_digest   INTEGER NOT NULL,
  PRIMARY KEY (run_id, document_id)
) WITHOUT ROWID;
)sql",
};

// Statements SaveRun runs once a run's claims and links are written, with the run's id bound to
// ?1: they fill the run's rows of the explorer's indexes (migration 3 -> 4 above).
inline constexpr const char* kIndexRun[] = {
    R"sql(
INSERT INTO claims_fts (rowid, text)
SELECT run_id * 4294967296 + seq, text FROM claims WHERE run_id = ?1
)sql",
    R"sql(
INSERT INTO link_sources (run_id, relation, source, score, seq, other)
WITH ends AS (
  SELECT l.run_id, l.relation, ca.source AS sa, cb.source AS sb, l.score, l.seq
  FROM links l
  JOIN claims ca ON ca.run_id = l.run_id AND ca.id = l.a
  JOIN claims cb ON cb.run_id = l.run_id AND cb.id = l.b
  WHERE l.run_id = ?1
)
SELECT run_id, relation, sa, score, seq, sb FROM ends
UNION ALL
SELECT run_id, relation, sb, score, seq, sa FROM ends WHERE sa <> sb
ORDER BY 1, 2, 3, 4 DESC, 5
)sql",
};

}  // namespace claimgraph::io::sqlite_schema
