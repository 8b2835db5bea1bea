#include "engine/truth/claim_matrix.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <numeric>

namespace claimgraph::engine::truth {

int ClaimMatrix::FindObject(std::string_view name) const {
  return object_index.Find(objects, name);
}

int ClaimMatrix::FindClaim(int o, std::string_view value) const {
  if (o < 0 || o >= num_objects()) return -1;
  for (int c = object_begin[o]; c < object_begin[o + 1]; ++c)
    if (values[c] == value) return c;
  return -1;
}

void ClaimMatrix::RebuildIncidence() {
  bool sorted = true;
  for (size_t i = 1; i < entries.size() && sorted; ++i) {
    const ClaimEntry& a = entries[i - 1];
    const ClaimEntry& b = entries[i];
    sorted = a.source < b.source || (a.source == b.source && a.claim < b.claim);
  }
  sc = SparseMatrix(num_sources(), num_claims());
  if (!sorted) {
    std::vector<Eigen::Triplet<double, int>> triplets;
    triplets.reserve(entries.size());
    for (const ClaimEntry& e : entries)
      if (e.weight > 0) triplets.emplace_back(e.source, e.claim, e.weight);
    sc.setFromTriplets(triplets.begin(), triplets.end());
    sc.makeCompressed();
    return;
  }
  // Compressed row storage straight from the sorted entries.
  size_t nnz = 0;
  for (const ClaimEntry& e : entries) nnz += e.weight > 0;
  sc.resizeNonZeros(static_cast<Eigen::Index>(nnz));
  int* outer = sc.outerIndexPtr();
  int* inner = sc.innerIndexPtr();
  double* value = sc.valuePtr();
  size_t k = 0;
  for (const ClaimEntry& e : entries) {
    if (!(e.weight > 0)) continue;
    ++outer[e.source + 1];
    inner[k] = e.claim;
    value[k] = e.weight;
    ++k;
  }
  for (int s = 0; s < num_sources(); ++s) outer[s + 1] += outer[s];
}

ClaimMatrix Reweighted(const ClaimMatrix& m, const std::vector<double>& weights) {
  ClaimMatrix out = m;
  for (size_t i = 0; i < out.entries.size(); ++i) out.entries[i].weight = weights[i];
  out.RebuildIncidence();
  return out;
}

int ClaimMatrixBuilder::SourceId(std::string_view source) {
  // Records usually come in runs from one source: skip the hash lookup then.
  if (last_source_ < 0 || sources_[last_source_] != source) last_source_ = sources_.Intern(source);
  return last_source_;
}

int ClaimMatrixBuilder::ValueId(std::string_view value, double number) {
  const auto [id, added] = values_.InternNew(value);
  if (added) value_numbers_.push_back(number);
  return id;
}

int ClaimMatrixBuilder::FileId(std::string_view file) {
  if (last_file_ < 0 || files_[last_file_] != file) last_file_ = files_.Intern(file);
  return last_file_;
}

void ClaimMatrixBuilder::Append(ClaimMatrixBuilder&& other) {
  auto remap = [](const InternTable& from, auto&& intern) {
    std::vector<int> ids(from.size());
    for (size_t i = 0; i < from.size(); ++i) ids[i] = intern(from[static_cast<int>(i)], i);
    return ids;
  };
  const std::vector<int> source =
      remap(other.sources_, [&](std::string_view n, size_t) { return sources_.Intern(n); });
  const std::vector<int> object =
      remap(other.objects_, [&](std::string_view n, size_t) { return objects_.Intern(n); });
  const std::vector<int> value = remap(other.values_, [&](std::string_view n, size_t i) {
    return ValueId(n, other.value_numbers_[i]);
  });
  const std::vector<int> file =
      remap(other.files_, [&](std::string_view n, size_t) { return files_.Intern(n); });
  last_source_ = last_file_ = -1;
  if (!weights_.empty() || !other.weights_.empty()) {
    weights_.resize(records_.size(), 1.0);
    for (size_t i = 0; i < other.records_.size(); ++i) weights_.push_back(other.Weight(i));
  }
  records_.reserve(records_.size() + other.records_.size());
  for (const Record& r : other.records_)
    records_.push_back({source[r.source], object[r.object], value[r.value],
                        r.file < 0 ? -1 : file[r.file], r.time, r.line});
  other = ClaimMatrixBuilder();
}

void ClaimMatrixBuilder::Add(std::string_view source, std::string_view object,
                             std::string_view value, double number, double time, double weight,
                             std::string_view file, size_t line) {
  const int s = SourceId(source);
  const int o = ObjectId(object);
  const int v = ValueId(value, number);
  AddIds(s, o, v, time, weight, FileId(file), line);
}

ClaimMatrix ClaimMatrixBuilder::Build(Diagnostics* diagnostics) {
  size_t omitted = 0;
  return Build(diagnostics, std::numeric_limits<size_t>::max(), &omitted);
}

ClaimMatrix ClaimMatrixBuilder::Build(Diagnostics* diagnostics, size_t max_repeat_warnings,
                                      size_t* omitted_warnings) {
  *omitted_warnings = 0;
  const size_t n = records_.size();
  const int num_objects = static_cast<int>(objects_.size());
  const int num_sources = static_cast<int>(sources_.size());

  // Records object by object (a counting sort, stable in the order of Add), copied with what the
  // steps below need, so that they read memory in order rather than records all over.
  // An item carries its record's file and line (for a repeat warning), so that the records can
  // be freed as soon as they are copied and the arrays below reuse their memory (lines past
  // 2^32 - 1, in a file of more than 4 GB, are reported as that). Weights, when any is not 1,
  // stay in weights_ by record.
  struct Item {
    int source, value;
    double time;
    uint32_t record;
    int file;
    uint32_t line;
  };
  std::vector<uint32_t> object_start(num_objects + 1, 0);
  for (const Record& r : records_) ++object_start[r.object + 1];
  for (int o = 0; o < num_objects; ++o) object_start[o + 1] += object_start[o];
  std::unique_ptr<Item[]> items(new Item[n]);  // no fill: every item is written below
  {
    std::vector<uint32_t> next(object_start.begin(), object_start.end() - 1);
    for (uint32_t i = 0; i < n; ++i) {
      const Record& r = records_[i];
      items[next[r.object]++] = {
          r.source,
          r.value,
          r.time,
          i,
          r.file,
          static_cast<uint32_t>(std::min<size_t>(r.line, std::numeric_limits<uint32_t>::max()))};
    }
  }
  records_ = {};

  ClaimMatrix m;
  m.object_begin.assign(num_objects + 1, 0);
  // Warnings about repeats, in the order (source, object, record order) once sorted.
  struct Repeat {
    int source, object, earlier_value, later_value, later_file;
    size_t later_line;
  };
  std::vector<Repeat> repeats;
  std::vector<ClaimEntry> kept;  // claim = the value's number until the claims are numbered
  kept.reserve(n);
  std::vector<int> claim_values;  // per claim: its value
  claim_values.reserve(values_.size());
  const auto later = [](const Item& x, const Item& y) {
    if (x.source != y.source) return x.source < y.source;
    const bool xt = !std::isnan(x.time), yt = !std::isnan(y.time);
    if (xt && yt && x.time != y.time) return x.time < y.time;
    return x.record < y.record;
  };
  for (int o = 0; o < num_objects; ++o) {
    // One value per (source, object): sort so repeats are adjacent, latest last.
    Item* const begin = items.get() + object_start[o];
    Item* const end = items.get() + object_start[o + 1];
    std::sort(begin, end, later);
    const size_t first_kept = kept.size();
    const size_t base = claim_values.size();
    for (const Item* p = begin; p != end; ++p) {
      if (p + 1 != end && p[1].source == p->source) {
        if (p[1].value != p->value && diagnostics)
          repeats.push_back({p->source, o, p->value, p[1].value, p[1].file, p[1].line});
        continue;
      }
      kept.push_back({p->source, p->value, Weight(p->record), p->time});
      claim_values.push_back(p->value);
    }
    // Claims: the object's distinct values, by value number.
    const auto values_begin = claim_values.begin() + static_cast<std::ptrdiff_t>(base);
    std::sort(values_begin, claim_values.end());
    claim_values.erase(std::unique(values_begin, claim_values.end()), claim_values.end());
    m.object_begin[o + 1] = static_cast<int>(claim_values.size());
    for (size_t k = first_kept; k < kept.size(); ++k)
      kept[k].claim = static_cast<int>(
          std::lower_bound(values_begin, claim_values.end(), kept[k].claim) - claim_values.begin());
  }
  // Records and items are done with: let later arrays reuse their memory.
  records_ = {};
  weights_ = {};
  items.reset();
  const size_t num_claims = claim_values.size();
  m.values.reserve(num_claims);
  m.numbers.reserve(num_claims);
  m.claim_object.reserve(num_claims);
  for (int o = 0; o < num_objects; ++o)
    for (int c = m.object_begin[o]; c < m.object_begin[o + 1]; ++c) {
      m.values.emplace_back(values_[claim_values[c]]);
      m.numbers.push_back(value_numbers_[claim_values[c]]);
      m.claim_object.push_back(o);
    }
  if (diagnostics && !repeats.empty()) {
    // Repeats come object by object; report them source by source (a stable counting sort).
    std::vector<size_t> start(num_sources + 1, 0);
    for (const Repeat& r : repeats) ++start[r.source + 1];
    for (int src = 0; src < num_sources; ++src) start[src + 1] += start[src];
    std::vector<uint32_t> order(repeats.size());
    for (uint32_t i = 0; i < repeats.size(); ++i) order[start[repeats[i].source]++] = i;
    if (order.size() > max_repeat_warnings) {
      *omitted_warnings = order.size() - max_repeat_warnings;
      order.resize(max_repeat_warnings);
    }
    diagnostics->reserve(diagnostics->size() + order.size());
    std::string message;
    for (uint32_t i : order) {
      const Repeat& rep = repeats[i];
      message.assign("source '");
      message.append(sources_[rep.source]);
      message.append("' gives object '");
      message.append(objects_[rep.object]);
      message.append("' two values ('");
      message.append(values_[rep.earlier_value]);
      message.append("' and '");
      message.append(values_[rep.later_value]);
      message.append("'); keeping the later one");
      diagnostics->push_back(
          {Diagnostic::Severity::kWarning,
           std::string(rep.later_file >= 0 ? files_[rep.later_file] : std::string_view()),
           rep.later_line, message});
    }
  }

  // Entries by (source, claim): a stable counting sort by source of the object-ordered records
  // (a source has one record per object, so its claims come out ascending).
  std::vector<size_t> source_start(num_sources + 1, 0);
  for (const ClaimEntry& k : kept) ++source_start[k.source + 1];
  for (int s = 0; s < num_sources; ++s) source_start[s + 1] += source_start[s];
  m.entries.resize(kept.size());
  for (const ClaimEntry& k : kept) m.entries[source_start[k.source]++] = k;

  m.sources = sources_.TakeNames();
  objects_.MoveTo(&m.objects, &m.object_index);
  m.RebuildIncidence();

  values_.clear();
  files_.clear();
  last_file_ = last_source_ = -1;
  value_numbers_.clear();
  return m;
}

}  // namespace claimgraph::engine::truth
