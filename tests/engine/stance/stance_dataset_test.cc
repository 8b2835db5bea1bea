#include "engine/stance/stance_dataset.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace claimgraph::engine;

namespace {

// 10 groups of 3 pairs each; group g's pairs use claim g and others 3g..3g+2.
StanceDataset Grouped() {
  StanceDataset d;
  for (uint32_t g = 0; g < 10; ++g) {
    d.claims.push_back("claim " + std::to_string(g));
    for (uint32_t k = 0; k < 3; ++k) {
      d.others.push_back("other " + std::to_string(3 * g + k));
      d.pairs.push_back({g, 3 * g + k, StanceLabel::kAgree, 100 + g});
    }
  }
  return d;
}

}  // namespace

TEST_CASE("Folds keep a group together and are balanced and reproducible", "[engine][stance]") {
  const StanceDataset d = Grouped();
  const std::vector<int> folds = AssignFolds(d, 5, 1234);
  CHECK(folds == AssignFolds(d, 5, 1234));
  std::map<uint32_t, std::set<int>> fold_of_group;
  std::map<int, int> groups_per_fold;
  for (size_t i = 0; i < folds.size(); ++i) fold_of_group[d.pairs[i].group].insert(folds[i]);
  for (const auto& [g, f] : fold_of_group) {
    CHECK(f.size() == 1);
    ++groups_per_fold[*f.begin()];
  }
  REQUIRE(groups_per_fold.size() == 5);
  for (const auto& [f, n] : groups_per_fold) CHECK(n == 2);
}

TEST_CASE("Subset keeps only the texts its pairs use; Append reindexes and weighs",
          "[engine][stance]") {
  const StanceDataset d = Grouped();
  std::vector<bool> keep(d.pairs.size(), false);
  keep[4] = keep[5] = true;  // group 1, others 4 and 5
  const StanceDataset s = Subset(d, keep);
  REQUIRE(s.pairs.size() == 2);
  CHECK(s.claims == std::vector<std::string>{"claim 1"});
  CHECK(s.others == std::vector<std::string>{"other 4", "other 5"});
  CHECK(s.others[s.pairs[1].other] == "other 5");

  StanceDataset joined = s;
  joined.Append(s, 3);
  REQUIRE(joined.pairs.size() == 4);
  CHECK(joined.claims[joined.pairs[3].claim] == "claim 1");
  CHECK(joined.others[joined.pairs[3].other] == "other 5");
  CHECK(joined.pairs[3].weight == 3);
  CHECK(joined.pairs[0].weight == 1);
}

TEST_CASE("Unrelated pairs come from other groups", "[engine][stance]") {
  StanceDataset d = Grouped();
  AddUnrelatedPairs(&d, 1, 7);
  REQUIRE(d.pairs.size() == 60);
  for (size_t i = 30; i < 60; ++i) {
    const auto& p = d.pairs[i];
    CHECK(p.label == StanceLabel::kUnrelated);
    CHECK(p.claim == d.pairs[i - 30].claim);
    CHECK(p.other / 3 != p.claim);  // another group's text
  }
}
