// Explaining reliability scores: the evidence behind each source's trust (claims made,
// corroborated, contradicted), its uncertainty (bootstrap over claim records), its trust per time
// window, and time decay. All work on a ClaimMatrix and reuse the methods of truth_discovery.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth/truth_discovery.h"

namespace claimgraph::engine::truth {

struct SourceEvidence {
  int claims = 0;        // claim records (one per object)
  int corroborated = 0;  // another source gives the same value
  int contradicted = 0;  // another source gives a different value for the object
  int chosen = 0;        // the value is the one the method chose
};

// Returns one SourceEvidence per source. `result` may be null (then `chosen` stays 0).
std::vector<SourceEvidence> CountEvidence(const ClaimMatrix& m, const TruthResult* result);

struct BootstrapOptions {
  int samples = 20;
  uint64_t seed = 1;
  // Resamples run this many at a time, each on its own thread; the result does not depend on it
  // (resamples are drawn in order from one seeded generator and summed in order).
  int threads = 2;
};

// Returns, per source, the standard deviation of its trust when `method` is rerun on resamples
// (with replacement) of the claim records; 0 for a source absent from all but one resample.
// REQUIRES: `method` is one of AlgorithmNames().
Eigen::VectorXd BootstrapTrust(const ClaimMatrix& m, std::string_view method,
                               const TruthOptions& options, const BootstrapOptions& bootstrap);

// "2010" for a time in days since 1970-01-01; empty for NaN.
std::string YearOf(double days);
// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (a prefix "YYYY" or "YYYY-MM" is read as its
// first day); NaN if it does not parse.
double DaysFromIsoDate(std::string_view date);
// Days since 1970-01-01 of a civil date; NaN if month or day is out of range.
double DaysFromDate(int year, int month, int day);

struct WindowTrust {
  std::string window;         // the year, "2010"
  std::vector<double> trust;  // per source; NaN where the source made no claim in the window
  std::vector<int> claims;    // per source: claim records in the window
  int iterations = 0;
  bool converged = false;
};

// Reruns `method` on the records of each calendar year (by ClaimEntry::time); records without a
// time are left out. Windows come in time order.
std::vector<WindowTrust> TrustByYear(const ClaimMatrix& m, std::string_view method,
                                     const TruthOptions& options);

// Returns `m` with each record's weight multiplied by 0.5^(age / half_life_days), the age being
// measured from the latest record; records without a time keep their weight.
// REQUIRES: half_life_days > 0.
ClaimMatrix Decayed(const ClaimMatrix& m, double half_life_days);

}  // namespace claimgraph::engine::truth
