#include "engine/truth/claim_matrix.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace claimgraph::engine::truth {

int ClaimMatrix::FindObject(std::string_view name) const {
  auto it = object_index.find(name);
  return it == object_index.end() ? -1 : it->second;
}

int ClaimMatrix::FindClaim(int o, std::string_view value) const {
  if (o < 0 || o >= num_objects()) return -1;
  for (int c = object_begin[o]; c < object_begin[o + 1]; ++c)
    if (values[c] == value) return c;
  return -1;
}

void ClaimMatrix::RebuildIncidence() {
  std::vector<Eigen::Triplet<double, int>> triplets;
  triplets.reserve(entries.size());
  for (const ClaimEntry& e : entries)
    if (e.weight > 0) triplets.emplace_back(e.source, e.claim, e.weight);
  sc = SparseMatrix(num_sources(), num_claims());
  sc.setFromTriplets(triplets.begin(), triplets.end());
  sc.makeCompressed();
}

ClaimMatrix Reweighted(const ClaimMatrix& m, const std::vector<double>& weights) {
  ClaimMatrix out = m;
  for (size_t i = 0; i < out.entries.size(); ++i) out.entries[i].weight = weights[i];
  out.RebuildIncidence();
  return out;
}

int ClaimMatrixBuilder::Intern(NameIndex* map, std::vector<std::string>* names,
                               std::string_view key) {
  auto it = map->find(key);
  if (it != map->end()) return it->second;
  const int id = static_cast<int>(names->size());
  map->emplace(std::string(key), id);
  names->emplace_back(key);
  return id;
}

void ClaimMatrixBuilder::Add(std::string_view source, std::string_view object,
                             std::string_view value, double number, double time, double weight,
                             std::string_view file, size_t line) {
  Record r;
  // Records usually come in runs from one source and one file: skip the hash lookup then.
  if (last_source_ < 0 || source_names_[last_source_] != source)
    last_source_ = Intern(&source_ids_, &source_names_, source);
  r.source = last_source_;
  r.object = Intern(&object_ids_, &object_names_, object);
  const size_t before = value_names_.size();
  r.value = Intern(&value_ids_, &value_names_, value);
  if (value_names_.size() != before) value_numbers_.push_back(number);
  r.number = number;
  r.time = time;
  r.weight = weight;
  if (last_file_ < 0 || file_names_[last_file_] != file)
    last_file_ = Intern(&file_ids_, &file_names_, file);
  r.file = last_file_;
  r.line = line;
  records_.push_back(r);
}

ClaimMatrix ClaimMatrixBuilder::Build(Diagnostics* diagnostics) {
  // One value per (source, object): sort so repeats are adjacent, latest last.
  std::vector<uint32_t> order(records_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Record& x = records_[a];
    const Record& y = records_[b];
    if (x.source != y.source) return x.source < y.source;
    if (x.object != y.object) return x.object < y.object;
    const bool xt = !std::isnan(x.time), yt = !std::isnan(y.time);
    if (xt && yt && x.time != y.time) return x.time < y.time;
    return a < b;
  });
  std::vector<uint32_t> kept;
  kept.reserve(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const Record& r = records_[order[i]];
    if (i + 1 < order.size()) {
      const Record& next = records_[order[i + 1]];
      if (next.source == r.source && next.object == r.object) {
        if (next.value != r.value && diagnostics) {
          diagnostics->push_back({Diagnostic::Severity::kWarning, file_names_[next.file], next.line,
                                  "source '" + source_names_[r.source] + "' gives object '" +
                                      object_names_[r.object] + "' two values ('" +
                                      value_names_[r.value] + "' and '" + value_names_[next.value] +
                                      "'); keeping the later one"});
        }
        continue;
      }
    }
    kept.push_back(order[i]);
  }

  // Claims: distinct (object, value), numbered object by object.
  auto key = [](const Record& r) {
    return (static_cast<uint64_t>(r.object) << 32) | static_cast<uint32_t>(r.value);
  };
  std::vector<uint64_t> keys;
  keys.reserve(kept.size());
  for (uint32_t i : kept) keys.push_back(key(records_[i]));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  ClaimMatrix m;
  m.sources = std::move(source_names_);
  m.objects = std::move(object_names_);
  m.object_begin.assign(m.objects.size() + 1, 0);
  m.values.reserve(keys.size());
  m.numbers.reserve(keys.size());
  m.claim_object.reserve(keys.size());
  for (uint64_t k : keys) {
    const int o = static_cast<int>(k >> 32);
    const int v = static_cast<int>(k & 0xffffffffu);
    m.values.push_back(value_names_[v]);
    m.numbers.push_back(value_numbers_[v]);
    m.claim_object.push_back(o);
    ++m.object_begin[o + 1];
  }
  for (size_t o = 0; o < m.objects.size(); ++o) m.object_begin[o + 1] += m.object_begin[o];
  m.entries.reserve(kept.size());
  for (uint32_t i : kept) {
    const Record& r = records_[i];
    const int c =
        static_cast<int>(std::lower_bound(keys.begin(), keys.end(), key(r)) - keys.begin());
    m.entries.push_back({r.source, c, r.weight, r.time});
  }
  std::sort(m.entries.begin(), m.entries.end(), [](const ClaimEntry& a, const ClaimEntry& b) {
    return a.source != b.source ? a.source < b.source : a.claim < b.claim;
  });
  m.object_index = std::move(object_ids_);
  m.RebuildIncidence();

  source_ids_.clear();
  value_ids_.clear();
  file_ids_.clear();
  last_file_ = last_source_ = -1;
  value_names_.clear();
  value_numbers_.clear();
  file_names_.clear();
  records_.clear();
  return m;
}

}  // namespace claimgraph::engine::truth
