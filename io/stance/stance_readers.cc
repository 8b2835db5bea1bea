#include "io/stance/stance_readers.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "io/csv_reader.h"

namespace claimgraph::io {
namespace {

using engine::Diagnostic;
using engine::StanceLabel;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void AddError(StanceData* out, const std::string& file, size_t line, std::string message) {
  out->diagnostics.push_back(
      Diagnostic{Diagnostic::Severity::kError, file, line, std::move(message)});
}

// Index of each named column in the header row; throws if one is missing.
std::vector<size_t> Columns(const std::vector<CsvRecord>& rows, const std::string& file,
                            const std::vector<std::string_view>& names) {
  if (rows.empty()) throw std::runtime_error(file + ": empty file, expected a header row");
  std::vector<size_t> index;
  for (std::string_view name : names) {
    const auto& header = rows[0].fields;
    size_t i = 0;
    while (i < header.size() && header[i] != name) ++i;
    if (i == header.size()) {
      throw std::runtime_error(file + ":1: no column '" + std::string(name) + "' in the header");
    }
    index.push_back(i);
  }
  return index;
}

bool ParseId(std::string_view s, long* out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

size_t Needed(const std::vector<size_t>& columns) {
  size_t n = 0;
  for (size_t c : columns) n = std::max(n, c + 1);
  return n;
}

}  // namespace

StanceData ParseFnc1(std::string_view bodies_csv, std::string_view stances_csv,
                     const std::string& bodies_name, const std::string& stances_name) {
  StanceData out;
  auto& data = out.dataset;
  const auto body_rows = ParseCsv(bodies_csv, bodies_name);
  const auto body_cols = Columns(body_rows, bodies_name, {"Body ID", "articleBody"});
  std::unordered_map<long, uint32_t> body_index;
  for (size_t r = 1; r < body_rows.size(); ++r) {
    const auto& row = body_rows[r];
    if (row.fields.size() < Needed(body_cols)) {
      AddError(&out, bodies_name, row.line,
               "too few fields: " + std::to_string(row.fields.size()) + ", expected " +
                   std::to_string(Needed(body_cols)));
      continue;
    }
    long id = 0;
    if (!ParseId(row.fields[body_cols[0]], &id)) {
      AddError(&out, bodies_name, row.line, "bad Body ID '" + row.fields[body_cols[0]] + "'");
      continue;
    }
    if (!body_index.emplace(id, static_cast<uint32_t>(data.others.size())).second) {
      AddError(&out, bodies_name, row.line, "duplicate Body ID " + std::to_string(id));
      continue;
    }
    data.others.push_back(row.fields[body_cols[1]]);
  }

  const auto rows = ParseCsv(stances_csv, stances_name);
  const auto cols = Columns(rows, stances_name, {"Headline", "Body ID", "Stance"});
  std::unordered_map<std::string, uint32_t> headline_index;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.fields.size() < Needed(cols)) {
      AddError(&out, stances_name, row.line,
               "too few fields: " + std::to_string(row.fields.size()) + ", expected " +
                   std::to_string(Needed(cols)));
      continue;
    }
    const auto label = engine::ParseStanceLabel(row.fields[cols[2]]);
    if (!label) {
      AddError(&out, stances_name, row.line,
               "unknown stance '" + row.fields[cols[2]] +
                   "' (expected agree, disagree, discuss or unrelated)");
      continue;
    }
    long id = 0;
    if (!ParseId(row.fields[cols[1]], &id)) {
      AddError(&out, stances_name, row.line, "bad Body ID '" + row.fields[cols[1]] + "'");
      continue;
    }
    const auto body = body_index.find(id);
    if (body == body_index.end()) {
      AddError(&out, stances_name, row.line,
               "Body ID " + std::to_string(id) + " not found in " + bodies_name);
      continue;
    }
    auto [h, added] =
        headline_index.emplace(row.fields[cols[0]], static_cast<uint32_t>(data.claims.size()));
    if (added) data.claims.push_back(row.fields[cols[0]]);
    data.pairs.push_back({h->second, body->second, *label, static_cast<uint32_t>(id)});
  }
  return out;
}

StanceData ReadFnc1(const std::string& bodies_path, const std::string& stances_path) {
  return ParseFnc1(Slurp(bodies_path), Slurp(stances_path), bodies_path, stances_path);
}

StanceData ParseEmergent(std::string_view csv, const std::string& name) {
  StanceData out;
  auto& data = out.dataset;
  const auto rows = ParseCsv(csv, name);
  const auto cols =
      Columns(rows, name, {"claimHeadline", "articleHeadline", "articleHeadlineStance"});
  // claimId is optional: without it, claims are grouped by their text.
  size_t claim_id_col = SIZE_MAX;
  for (size_t i = 0; i < rows[0].fields.size(); ++i) {
    if (rows[0].fields[i] == "claimId") claim_id_col = i;
  }
  std::unordered_map<std::string, uint32_t> claim_index, other_index, group_index;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    size_t needed = Needed(cols);
    if (claim_id_col != SIZE_MAX) needed = std::max(needed, claim_id_col + 1);
    if (row.fields.size() < needed) {
      AddError(&out, name, row.line,
               "too few fields: " + std::to_string(row.fields.size()) + ", expected " +
                   std::to_string(needed));
      continue;
    }
    const std::string& stance = row.fields[cols[2]];
    StanceLabel label;
    if (stance == "for") {
      label = StanceLabel::kAgree;
    } else if (stance == "against") {
      label = StanceLabel::kDisagree;
    } else if (stance == "observing") {
      label = StanceLabel::kDiscuss;
    } else {
      AddError(&out, name, row.line,
               "unknown stance '" + stance + "' (expected for, against or observing)");
      continue;
    }
    const std::string& claim = row.fields[cols[0]];
    const std::string& group_key = claim_id_col != SIZE_MAX ? row.fields[claim_id_col] : claim;
    auto [c, new_claim] = claim_index.emplace(claim, static_cast<uint32_t>(data.claims.size()));
    if (new_claim) data.claims.push_back(claim);
    auto [o, new_other] =
        other_index.emplace(row.fields[cols[1]], static_cast<uint32_t>(data.others.size()));
    if (new_other) data.others.push_back(row.fields[cols[1]]);
    auto [g, new_group] = group_index.emplace(group_key, static_cast<uint32_t>(group_index.size()));
    data.pairs.push_back({c->second, o->second, label, g->second});
  }
  return out;
}

StanceData ReadEmergent(const std::string& path) { return ParseEmergent(Slurp(path), path); }

}  // namespace claimgraph::io
