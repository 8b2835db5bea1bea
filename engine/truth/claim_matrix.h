// ClaimMatrix: the input of every truth-discovery algorithm. Sources make claims; a claim is one
// value for one object ("berlin|population" = 3,400,000); claims on the same object are mutually
// exclusive. The source x claim incidence is an Eigen sparse matrix whose entries are weights
// (1 by default; lower for time decay or copied evidence, a count for a bootstrap resample).
// Claims are numbered object by object, so the claims of object o are
// [object_begin[o], object_begin[o + 1]) and the sums over "claims on the same object" that
// the algorithms need are contiguous ranges.
//
// Built by ClaimMatrixBuilder from (source, object, value) records; io/truth reads the files and
// normalises values, the engine only sees value keys. Memory is proportional to the number of
// claim records.
#pragma once

#include <Eigen/SparseCore>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/truth/string_index.h"

namespace claimgraph::engine::truth {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

constexpr double kNoNumber = std::numeric_limits<double>::quiet_NaN();

// One record: `source` says `object` has the value of claim `claim`.
struct ClaimEntry {
  int source = 0;
  int claim = 0;
  double weight = 1;
  double time = kNoNumber;  // days since 1970-01-01 (fractional), NaN when unknown
};

struct ClaimMatrix {
  std::vector<std::string> sources;
  std::vector<std::string> objects;
  std::vector<std::string> values;  // per claim: the normalised value key
  std::vector<double> numbers;      // per claim: the value as a number, NaN if not numeric
  std::vector<int> claim_object;    // per claim
  std::vector<int> object_begin;    // size objects + 1
  std::vector<ClaimEntry> entries;  // one per (source, claim) record
  SparseMatrix sc;                  // sources x claims, entry = summed weight

  int num_sources() const { return static_cast<int>(sources.size()); }
  int num_claims() const { return static_cast<int>(values.size()); }
  int num_objects() const { return static_cast<int>(objects.size()); }
  int ObjectSize(int o) const { return object_begin[o + 1] - object_begin[o]; }

  // Returns the object's index, or -1.
  int FindObject(std::string_view name) const;
  // Returns the claim index of `value` on object `o`, or -1.
  int FindClaim(int o, std::string_view value) const;

  // Rebuilds `sc` from `entries` (after the weights changed). Entries with weight <= 0 are left
  // out of `sc`; the index spaces stay the same. Linear when `entries` are sorted by (source,
  // claim) without repeats, as Build leaves them; otherwise summed from triplets.
  void RebuildIncidence();

  StringIndex object_index;  // name -> object, over `objects`
};

// Returns a copy of `m` whose entry weights are `weights` (one per entry); the index spaces
// (sources, objects, claims) are unchanged, so results line up with those on `m`.
ClaimMatrix Reweighted(const ClaimMatrix& m, const std::vector<double>& weights);

// Collects records and builds a ClaimMatrix. A source that gives one object two different values
// keeps the later one (by time, else by order of Add) and a warning is recorded; an exact repeat
// is merged silently. Sources, objects and values are numbered in order of first use, claims
// object by object and, within an object, by their value's number; Build takes time linear in the
// number of records (plus a sort of each object's few records).
// Not thread-safe.
class ClaimMatrixBuilder {
 public:
  // `file` and `line` are used in a diagnostic about this record.
  void Add(std::string_view source, std::string_view object, std::string_view value,
           double number = kNoNumber, double time = kNoNumber, double weight = 1,
           std::string_view file = {}, size_t line = 0);

  // The same in two steps, for readers that cache names: intern each name (returns its number),
  // then add the record by numbers. `number` is the value as a number (NaN if not numeric); only
  // the first call for a value sets it.
  int SourceId(std::string_view source);
  int ObjectId(std::string_view object) { return objects_.Intern(object); }
  // Starts loading what ObjectId(object) will look at first (a reader's look-ahead).
  void PrefetchObject(std::string_view object) const { objects_.Prefetch(object); }
  int ValueId(std::string_view value, double number = kNoNumber);
  int FileId(std::string_view file);
  // REQUIRES: the ids come from this builder's *Id functions.
  void AddIds(int source, int object, int value, double time = kNoNumber, double weight = 1,
              int file = -1, size_t line = 0) {
    if (weight != 1 || !weights_.empty()) {
      weights_.resize(records_.size(), 1.0);  // the earlier records' weights, all 1
      weights_.push_back(weight);
    }
    records_.push_back({source, object, value, file, time, line});
  }

  size_t size() const { return records_.size(); }
  void reserve(size_t records) { records_.reserve(records); }
  size_t capacity() const { return records_.capacity(); }

  // Moves the records of `other` after this builder's, as if they had been added here in their
  // order: names new to this builder are numbered in `other`'s order of first appearance, so a
  // load split over builders and appended in order gives the same matrix as one builder.
  // Costs one lookup per distinct name of `other` and a copy per record. Leaves `other` empty.
  void Append(ClaimMatrixBuilder&& other);

  // Builds the matrix; appends diagnostics about repeated objects to *diagnostics. Leaves the
  // builder empty.
  ClaimMatrix Build(Diagnostics* diagnostics);
  // The same, with at most `max_repeat_warnings` of the warnings about a source giving an object
  // two values (the first ones, in the order Build gives them); *omitted_warnings = how many more
  // there were. For a caller that shows only the first diagnostics (Weather has 34,128 such
  // warnings; composing and freeing them was a tenth of `claimgraph truth`).
  ClaimMatrix Build(Diagnostics* diagnostics, size_t max_repeat_warnings, size_t* omitted_warnings);

 private:
  struct Record {
    int source, object, value, file;  // file: -1 = none
    double time;
    size_t line;
  };
  double Weight(size_t record) const { return weights_.empty() ? 1.0 : weights_[record]; }

  InternTable sources_, objects_, values_, files_;
  int last_file_ = -1, last_source_ = -1;
  std::vector<double> value_numbers_;
  std::vector<Record> records_;
  std::vector<double> weights_;  // per record; empty while every weight is 1 (the usual case)
};

}  // namespace claimgraph::engine::truth
