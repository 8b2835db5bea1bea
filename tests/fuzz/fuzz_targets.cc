// The table of fuzz targets (fuzz_targets.h).
#include "tests/fuzz/fuzz_targets.h"

namespace claimgraph::fuzz {

const std::vector<FuzzTarget>& FuzzTargets() {
  static const std::vector<FuzzTarget> kTargets = {
      {"front_matter", FuzzFrontMatter},
      {"newsplease", FuzzNewsPlease},
      {"csv_documents", FuzzCsvDocuments},
      {"truth_claims", FuzzTruthClaims},
      {"stance", FuzzStance},
      {"extract", FuzzExtract},
      {"writers", FuzzWriters},
  };
  return kTargets;
}

}  // namespace claimgraph::fuzz
