// How the SQLite store's rows and JSON columns map to engine values, shared by the store
// (io/store/sqlite_store.cc: SaveRun, LoadRun) and the explorer's paged reader
// (io/store/store_browser.cc). One decoder per row kind, so the two readers cannot drift apart.
// Internal to io/store.
#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/analysis.h"

namespace claimgraph::io::store_rows {

// The JSON-valued columns (docs/FORMATS.md, "Store schema"). An empty string or "[]" reads as
// empty; malformed JSON throws nlohmann::json::exception.
std::string StringsToJson(const std::vector<std::string>& v);
std::vector<std::string> StringsFromJson(const std::string& s);
std::string TimeRefsToJson(const std::vector<engine::TimeRef>& v);
std::vector<engine::TimeRef> TimeRefsFromJson(const std::string& s);
std::string QuantitiesToJson(const std::vector<engine::Quantity>& v);
std::vector<engine::Quantity> QuantitiesFromJson(const std::string& s);
std::string WindowsToJson(const std::vector<engine::ReliabilityWindow>& v);
std::vector<engine::ReliabilityWindow> WindowsFromJson(const std::string& s);
std::string IdsToJson(const std::vector<int64_t>& v);
std::vector<int64_t> IdsFromJson(const std::string& s);
std::string CalibrationToJson(const engine::ReliabilityScore& s);
// Runs recorded before schema 5 have no calibration (empty `text`): their interval is
// reliability ± uncertainty.
void CalibrationFromJson(const std::string& text, engine::ReliabilityScore* s);

inline constexpr const char* kDocumentColumns =
    "id, content_hash, source, source_inferred, date, date_inferred, title, url, language, "
    "authors, path";
// Reads a row selected with kDocumentColumns (and text as column 11 when with_text).
engine::Document DocumentFromRow(SQLite::Statement& q, bool with_text);

// A claim's first 17 columns, in this order; queries may select more after them.
inline constexpr const char* kClaimColumns =
    "id, document_id, source, speaker, speaker_role, text, byte_begin, byte_end, char_begin, "
    "char_end, date, about, polarity, modality, quantities, entities, proposition";
// The attribution and frame columns (schema 3 on), selected right after kClaimColumns.
inline constexpr int kClaimFrameColumn = 17;

// Reads kClaimColumns from the current row. Quantities and entities only when `details` (list
// pages do without them). Returns false when the polarity or modality is not one the engine
// knows (the claim is filled with the defaults for them).
bool ReadClaimRow(SQLite::Statement& q, bool details, engine::Claim* c);
// Reads cue, own_voice, subject, subject_text, predicate, object, negation, negation_scope,
// modal from columns kClaimFrameColumn on.
void ReadClaimFrame(SQLite::Statement& q, engine::Claim* c);

inline constexpr const char* kLinkColumns = "a, b, relation, score, reasons";
// Reads kLinkColumns from the current row. Returns false for a relation the engine does not know.
bool ReadLinkRow(SQLite::Statement& q, engine::ClaimLink* l);

inline constexpr const char* kScoreColumns =
    "name, role, reliability, uncertainty, claims, corroborated, contradicted, agreements, "
    "contradictions, failed_forecasts, windows";
// Reads kScoreColumns from the current row, starting at column `first`.
void ReadScoreRow(SQLite::Statement& q, int first, engine::ReliabilityScore* s);

}  // namespace claimgraph::io::store_rows
