// The arc-hybrid transition system that the dependency parser (dependency_parser.h) runs, and
// its dynamic oracle.
//
// Method: arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez & Satta 2011) over a stack and a
// buffer, with a virtual root token after the last word (Ballesteros & Nivre 2013), and the
// arc-decomposable dynamic oracle of Goldberg & Nivre 2013 ("Training deterministic parsers with
// non-deterministic oracles", TACL 1): the cost of a move is the number of gold arcs it makes
// unreachable, so a parser that has gone wrong is still told the best move from where it is.
//   SHIFT     move the first buffer item b0 onto the stack
//   LEFT(l)   attach the stack top s0 to b0 (b0 -> s0), pop s0
//   RIGHT(l)  attach s0 to the item under it s1 (s1 -> s0), pop s0
// Every word is shifted once and popped once: a sentence of n words takes exactly 2n moves, so
// parsing time is linear in sentence length. Only the virtual root may take a LEFT when the
// stack holds one item, which gives every parse exactly one root word.
//
// The oracle is exact for projective gold trees; non-projective trees are left out of training
// (IsProjective) rather than projectivised.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimgraph::engine::nlp {

enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kMoveCount = 3;

// The parser's configuration over a sentence of n words (indices 0..n-1; n is the virtual
// root). Stack items never have a head yet (arcs are made when an item is popped), and the
// buffer is always the contiguous range [buffer_front(), n].
class ArcHybridState {
 public:
  ArcHybridState() = default;
  explicit ArcHybridState(int n) { Reset(n); }

  // Starts over on a sentence of n words; reuses the memory held.
  void Reset(int n);

  int words() const { return n_; }
  bool Terminal() const { return buffer_ == n_ && stack_.empty(); }
  bool Valid(Move move) const;
  // REQUIRES: Valid(move). `label` is stored on the arc made by LEFT or RIGHT.
  void Apply(Move move, int label);

  // The i-th stack item from the top (0 = top), or -1.
  int Stack(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : -1;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // The i-th buffer item (0 = front; the virtual root n is the last), or -1 past the end.
  int Buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : -1; }
  int buffer_front() const { return buffer_; }

  // The arcs made so far. head(t) is -1 while t has none, n for the root word.
  int head(int t) const { return head_[t]; }
  int label(int t) const { return label_[t]; }
  // Children of t (t may be the virtual root n) made so far: nearest-to-the-edge first.
  // -1 when absent; t = -1 gives -1.
  int LeftmostChild(int t) const { return t < 0 ? -1 : left1_[t]; }
  int SecondLeftmostChild(int t) const { return t < 0 ? -1 : left2_[t]; }
  int RightmostChild(int t) const { return t < 0 ? -1 : right1_[t]; }
  int SecondRightmostChild(int t) const { return t < 0 ? -1 : right2_[t]; }
  int LeftValency(int t) const { return t < 0 ? 0 : left_count_[t]; }
  int RightValency(int t) const { return t < 0 ? 0 : right_count_[t]; }
  // Bit l set when t has a left (right) child labelled l (labels >= 64 share bit 63).
  uint64_t LeftLabels(int t) const { return t < 0 ? 0 : left_labels_[t]; }
  uint64_t RightLabels(int t) const { return t < 0 ? 0 : right_labels_[t]; }

  // Moves applied since Reset (2n once Terminal).
  size_t moves() const { return moves_; }

 private:
  void AddArc(int head, int dependent, int label);

  int n_ = 0;
  int buffer_ = 0;
  size_t moves_ = 0;
  std::vector<int> stack_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_, left_count_, right_count_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

// Goldberg & Nivre's cost of `move` from `state`: how many arcs of the gold tree it makes
// unreachable. `gold_heads[t]` is t's gold head, n for the root word. REQUIRES: state.Valid(move).
// O(n) per call.
int MoveCost(const ArcHybridState& state, Move move, const std::vector<int>& gold_heads);

// True when no two arcs of the tree cross (heads: n or -1 for the root word, else an index).
bool IsProjective(const std::vector<int>& heads);

}  // namespace claimgraph::engine::nlp
