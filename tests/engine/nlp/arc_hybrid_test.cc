#include "engine/nlp/arc_hybrid.h"

#include <catch2/catch.hpp>
#include <random>
#include <vector>

namespace claimgraph::engine::nlp {
namespace {

// Follows zero-cost moves from the start, preferring moves in `preference` order among them;
// returns the heads built (n for the root word), or an empty vector if no zero-cost move
// existed somewhere.
std::vector<int> FollowOracle(const std::vector<int>& gold, const std::vector<Move>& preference,
                              size_t* moves) {
  const int n = static_cast<int>(gold.size());
  ArcHybridState state(n);
  while (!state.Terminal()) {
    bool moved = false;
    for (const Move m : preference) {
      if (state.Valid(m) && MoveCost(state, m, gold) == 0) {
        state.Apply(m, 0);
        moved = true;
        break;
      }
    }
    if (!moved) return {};
  }
  *moves = state.moves();
  std::vector<int> heads(n);
  for (int t = 0; t < n; ++t) heads[t] = state.head(t);
  return heads;
}

// A random projective tree over n words: heads[t] in [0, n), n for the root word.
void Subtree(int lo, int hi, int parent, std::mt19937* rng, std::vector<int>* heads) {
  while (lo < hi) {
    // Split [lo, hi) into a first chunk and the rest; the chunk is one subtree of `parent`.
    const int end = lo + 1 + static_cast<int>((*rng)() % (hi - lo));
    const int h = lo + static_cast<int>((*rng)() % (end - lo));
    (*heads)[h] = parent;
    Subtree(lo, h, h, rng, heads);
    Subtree(h + 1, end, h, rng, heads);
    lo = end;
  }
}
std::vector<int> RandomProjectiveTree(int n, std::mt19937* rng) {
  std::vector<int> heads(n);
  const int root = static_cast<int>((*rng)() % n);
  heads[root] = n;
  Subtree(0, root, root, rng, &heads);
  Subtree(root + 1, n, root, rng, &heads);
  return heads;
}

const std::vector<std::vector<Move>> kPreferences = {
    {Move::kShift, Move::kLeft, Move::kRight},
    {Move::kLeft, Move::kRight, Move::kShift},
    {Move::kRight, Move::kLeft, Move::kShift},
};

TEST_CASE("the dynamic oracle's zero-cost moves rebuild a projective tree exactly",
          "[engine][nlp][parser]") {
  // "Trump said Tuesday that he would win ." : said is the root; win <- said (ccomp).
  const std::vector<int> sentence = {1, 8, 1, 6, 6, 6, 1, 1};
  std::mt19937 rng(7);
  std::vector<std::vector<int>> trees = {sentence, {1}, {2, 2, 3}};
  for (int i = 0; i < 300; ++i) trees.push_back(RandomProjectiveTree(1 + i % 40, &rng));
  for (const auto& gold : trees) {
    REQUIRE(IsProjective(gold));
    for (const auto& preference : kPreferences) {
      size_t moves = 0;
      const std::vector<int> built = FollowOracle(gold, preference, &moves);
      REQUIRE(built == gold);
      CHECK(moves == 2 * gold.size());
    }
  }
}

TEST_CASE("move costs count the gold arcs a move makes unreachable", "[engine][nlp][parser]") {
  // Words 0 1 2; gold: 0 <- 1 -> 2, 1 the root (head 3).
  const std::vector<int> gold = {1, 3, 1};
  ArcHybridState state(3);
  CHECK(MoveCost(state, Move::kShift, gold) == 0);
  state.Apply(Move::kShift, 0);                     // stack [0], buffer [1 2 root]
  CHECK(MoveCost(state, Move::kLeft, gold) == 0);   // 0 <- 1 is gold
  CHECK(MoveCost(state, Move::kShift, gold) == 1);  // 1 over 0: 0 can no longer take 1 as head
  state.Apply(Move::kShift, 0);                     // (a mistake) stack [0 1], buffer [2 root]
  // RIGHT makes 0 -> 1: loses 1's gold head (the root) and its child 2 in the buffer.
  CHECK(MoveCost(state, Move::kRight, gold) == 2);
  // LEFT makes 2 -> 1: loses 1 -> 2 and 1's head (the root, still in the buffer).
  CHECK(MoveCost(state, Move::kLeft, gold) == 2);
  // SHIFT buries 1 under 2: 2's gold head 1 is s0, still reachable by RIGHT.
  CHECK(MoveCost(state, Move::kShift, gold) == 0);
}

TEST_CASE("only the virtual root may take a LEFT from a one-item stack at the end",
          "[engine][nlp][parser]") {
  ArcHybridState state(2);
  CHECK_FALSE(state.Valid(Move::kLeft));
  CHECK_FALSE(state.Valid(Move::kRight));
  state.Apply(Move::kShift, 0);
  state.Apply(Move::kShift, 0);
  CHECK_FALSE(state.Valid(Move::kShift));
  CHECK_FALSE(state.Valid(Move::kLeft));  // two items left: one must go under the other first
  CHECK(state.Valid(Move::kRight));
  state.Apply(Move::kRight, 5);
  CHECK(state.head(1) == 0);
  CHECK(state.label(1) == 5);
  CHECK(state.RightmostChild(0) == 1);
  CHECK(state.RightValency(0) == 1);
  CHECK(state.Valid(Move::kLeft));
  state.Apply(Move::kLeft, 0);
  CHECK(state.head(0) == 2);
  CHECK(state.Terminal());
  CHECK(state.moves() == 4);
}

TEST_CASE("IsProjective finds crossing arcs", "[engine][nlp][parser]") {
  CHECK(IsProjective({1, 3, 1}));
  // 0 -> 2 crosses 1 -> 3 (root is 1).
  CHECK_FALSE(IsProjective({4, 4, 0, 1}));
  // An arc over the root word: 0 <- 2 spans 1, whose head is the root.
  CHECK_FALSE(IsProjective({2, 3, 1}));
}

}  // namespace
}  // namespace claimgraph::engine::nlp
