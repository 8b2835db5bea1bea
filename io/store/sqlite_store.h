// SqliteStore: the default Store backend, one SQLite file (through SQLiteCpp) holding documents
// and recorded runs. The schema (docs/FORMATS.md, "Store schema") carries its version in the
// schema_version table and migrates forward on open; a file written by a newer claimgraph is
// refused rather than damaged. The file uses WAL journaling with synchronous=NORMAL: a crash or
// kill at any point leaves the last committed state, never a half-written transaction.
#pragma once

#include <memory>
#include <string>

#include "io/store/store.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace claimgraph::io {

// The schema version this build writes and the number of forward migrations it knows.
inline constexpr int kStoreSchemaVersion = 7;

// Opens the SQLite store at `path` (":memory:" for a private in-memory one). Migrates the
// schema to `target_version` (tests use a lower one to build an old store). Throws StoreError.
std::unique_ptr<Store> OpenSqliteStore(const std::string& path,
                                       int target_version = kStoreSchemaVersion);

// Returns the schema version recorded in the SQLite file at `path` (0 for an empty file).
int ReadSchemaVersion(const std::string& path);

}  // namespace claimgraph::io
