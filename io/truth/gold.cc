#include "io/truth/gold.h"

#include <algorithm>
#include <iterator>
#include <sstream>
#include <unordered_map>

#include "engine/truth/latent_truth.h"
#include "io/csv_reader.h"
#include "io/truth/claim_readers.h"

namespace claimgraph::io::truth {
namespace {

using engine::Diagnostic;
using engine::Diagnostics;

void Warn(Diagnostics* d, std::string_view file, size_t line, std::string message) {
  if (d)
    d->push_back({Diagnostic::Severity::kWarning, std::string(file), line, std::move(message)});
}

GoldFormat Guess(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  if (first.find("|\t") != std::string_view::npos) return GoldFormat::kDafna;
  if (!first.empty() && first.front() == '"') return GoldFormat::kBook;
  const std::string folded = FoldText(first);
  if (folded.rfind("object", 0) == 0) return GoldFormat::kCsv;
  return GoldFormat::kPopulation;
}

void Add(Gold* gold, std::string object, std::string_view raw, ValueKind kind, size_t line,
         Diagnostics* d) {
  const NormalizedValue v = NormalizeValue(raw, kind);
  if (object.empty() || v.key.empty()) {
    Warn(d, gold->file, line, "gold line without object or value; skipped");
    return;
  }
  gold->values.push_back({std::move(object), v.key, line});
}

}  // namespace

bool ParseGoldFormat(std::string_view name, GoldFormat* out) {
  if (name == "auto")
    *out = GoldFormat::kAuto;
  else if (name == "csv")
    *out = GoldFormat::kCsv;
  else if (name == "dafna")
    *out = GoldFormat::kDafna;
  else if (name == "population")
    *out = GoldFormat::kPopulation;
  else if (name == "book")
    *out = GoldFormat::kBook;
  else
    return false;
  return true;
}

Gold ParseGold(std::string_view text, std::string_view name, GoldFormat format, ValueKind values,
               Diagnostics* d) {
  Gold gold;
  gold.file = std::string(name);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    Warn(d, name, 0, "empty gold file");
    return gold;
  }
  if (format == GoldFormat::kAuto) format = Guess(text);
  switch (format) {
    case GoldFormat::kDafna: {
      // Reuse the claim reader: each gold line is a claim by the gold source.
      engine::truth::ClaimMatrixBuilder builder;
      ClaimReadOptions options;
      options.values = values;
      ParseClaims(text, name, ClaimFormat::kDafna, &builder, d, options);
      Diagnostics ignored;
      const engine::truth::ClaimMatrix m = builder.Build(&ignored);
      for (const engine::truth::ClaimEntry& e : m.entries)
        gold.values.push_back({m.objects[m.claim_object[e.claim]], m.values[e.claim], 0});
      break;
    }
    case GoldFormat::kCsv: {
      const auto records = ParseCsv(text, gold.file);
      for (size_t i = 1; i < records.size(); ++i) {
        const CsvRecord& r = records[i];
        if (r.fields.size() < 2) {
          Warn(d, name, r.line, "gold line needs object,value; skipped");
          continue;
        }
        Add(&gold, ObjectKey(r.fields[0]), r.fields[1], values, r.line, d);
      }
      break;
    }
    case GoldFormat::kBook: {
      for (const CsvRecord& r : ParseCsv(text, gold.file)) {
        if (r.fields.size() < 3) {
          Warn(d, name, r.line, "book gold line needs isbn,property,authors; skipped");
          continue;
        }
        Add(&gold, ObjectKey(r.fields[0], r.fields[1]), r.fields[2], ValueKind::kAuthorList, r.line,
            d);
      }
      break;
    }
    case GoldFormat::kPopulation: {
      // "city, state, year, population": the last two fields are the year and the number.
      for (const CsvRecord& r : ParseCsv(text, gold.file)) {
        if (r.fields.size() < 3) {
          Warn(d, name, r.line, "population gold line needs city, year, population; skipped");
          continue;
        }
        std::string city;
        for (size_t i = 0; i + 2 < r.fields.size(); ++i) {
          if (i) city += ",";
          city += r.fields[i];
        }
        const std::string year = FoldText(r.fields[r.fields.size() - 2]);
        double number;
        if (!ParseNumber(r.fields.back(), &number)) {
          Warn(d, name, r.line, "population '" + r.fields.back() + "' is not a number; skipped");
          continue;
        }
        Add(&gold, ObjectKey(city, "population" + year), r.fields.back(), ValueKind::kAuto, r.line,
            d);
      }
      break;
    }
    case GoldFormat::kAuto:
      break;
  }
  return gold;
}

Gold ReadGold(const std::string& path, GoldFormat format, ValueKind values, Diagnostics* d) {
  return ParseGold(ReadFileBytes(path), path, format, values, d);
}

Accuracy MeasureAccuracy(const engine::truth::ClaimMatrix& m,
                         const engine::truth::TruthResult& result, const Gold& gold, Diagnostics* d,
                         bool set_values) {
  Accuracy a;
  a.items = set_values;
  std::string examples;
  for (const GoldValue& g : gold.values) {
    const int o = m.FindObject(g.object);
    if (o < 0 || result.truth[o] < 0) {
      if (++a.unknown_objects <= 3) examples += (examples.empty() ? "'" : ", '") + g.object + "'";
      continue;
    }
    ++a.evaluated;
    const std::string chosen = engine::truth::ChosenValue(m, result, o);
    if (chosen == g.value) ++a.correct;
    if (set_values) {
      std::vector<std::string> got = engine::truth::ValueItems(chosen, true);
      std::vector<std::string> want = engine::truth::ValueItems(g.value, true);
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      std::vector<std::string> common;
      std::set_intersection(got.begin(), got.end(), want.begin(), want.end(),
                            std::back_inserter(common));
      a.true_items += static_cast<long>(common.size());
      a.false_items += static_cast<long>(got.size() - common.size());
      a.missed_items += static_cast<long>(want.size() - common.size());
    }
  }
  if (a.true_items + a.false_items > 0)
    a.item_precision = static_cast<double>(a.true_items) / (a.true_items + a.false_items);
  if (a.true_items + a.missed_items > 0)
    a.item_recall = static_cast<double>(a.true_items) / (a.true_items + a.missed_items);
  if (a.unknown_objects > 0)
    Warn(d, gold.file, 0,
         std::to_string(a.unknown_objects) + " gold object(s) have no claims and are not scored (" +
             examples + (a.unknown_objects > 3 ? ", ..." : "") + ")");
  if (a.evaluated > 0) a.accuracy = static_cast<double>(a.correct) / a.evaluated;
  return a;
}

std::vector<int8_t> KnownFromGold(const engine::truth::ClaimMatrix& m, const Gold& known,
                                  Diagnostics* diagnostics, int* objects_known) {
  std::vector<int8_t> out(m.num_claims(), 0);
  // Per object: the first verdict (index into known.values), or -2 once contradicted.
  std::unordered_map<int, int> verdict;
  int unknown = 0;
  for (size_t i = 0; i < known.values.size(); ++i) {
    const GoldValue& g = known.values[i];
    const int o = m.FindObject(g.object);
    if (o < 0) {
      if (++unknown <= 20)
        Warn(diagnostics, known.file, g.line,
             "known verdict for '" + g.object + "', which no claim is about; ignored");
      continue;
    }
    auto [it, fresh] = verdict.emplace(o, static_cast<int>(i));
    if (fresh || it->second == -2) continue;
    const GoldValue& first = known.values[it->second];
    if (first.value != g.value) {
      Warn(diagnostics, known.file, g.line,
           "contradictory verdicts for '" + g.object + "': '" + first.value + "' (line " +
               std::to_string(first.line) + ") and '" + g.value + "'; the object is left unknown");
      it->second = -2;
    }
  }
  if (unknown > 20)
    Warn(diagnostics, known.file, 0,
         std::to_string(unknown - 20) + " more known verdict(s) for objects without claims");
  int n = 0;
  for (const auto& [o, i] : verdict) {
    if (i < 0) continue;
    ++n;
    const std::string& value = known.values[i].value;
    for (int c = m.object_begin[o]; c < m.object_begin[o + 1]; ++c)
      out[c] = m.values[c] == value ? 1 : -1;
  }
  if (objects_known) *objects_known = n;
  return out;
}

}  // namespace claimgraph::io::truth
