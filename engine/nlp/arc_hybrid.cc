// The arc-hybrid transition system and Goldberg & Nivre's dynamic oracle (see arc_hybrid.h).
#include "engine/nlp/arc_hybrid.h"

#include <algorithm>

namespace claimgraph::engine::nlp {

void ArcHybridState::Reset(int n) {
  n_ = n;
  buffer_ = 0;
  moves_ = 0;
  stack_.clear();
  stack_.reserve(n + 1);
  const size_t size = static_cast<size_t>(n) + 1;
  head_.assign(size, -1);
  label_.assign(size, -1);
  left1_.assign(size, -1);
  left2_.assign(size, -1);
  right1_.assign(size, -1);
  right2_.assign(size, -1);
  left_count_.assign(size, 0);
  right_count_.assign(size, 0);
  left_labels_.assign(size, 0);
  right_labels_.assign(size, 0);
}

bool ArcHybridState::Valid(Move move) const {
  switch (move) {
    case Move::kShift:
      return buffer_ < n_;
    case Move::kLeft:
      // The virtual root takes a child only when it is the last item left.
      return !stack_.empty() && (buffer_ < n_ || stack_.size() == 1);
    case Move::kRight:
      return stack_.size() >= 2;
  }
  return false;
}

void ArcHybridState::AddArc(int head, int dependent, int label) {
  head_[dependent] = head;
  label_[dependent] = label;
  const uint64_t bit = uint64_t{1} << std::min(label < 0 ? 63 : label, 63);
  if (dependent < head) {
    ++left_count_[head];
    left_labels_[head] |= bit;
    if (left1_[head] < 0 || dependent < left1_[head]) {
      left2_[head] = left1_[head];
      left1_[head] = dependent;
    } else if (left2_[head] < 0 || dependent < left2_[head]) {
      left2_[head] = dependent;
    }
  } else {
    ++right_count_[head];
    right_labels_[head] |= bit;
    if (right1_[head] < 0 || dependent > right1_[head]) {
      right2_[head] = right1_[head];
      right1_[head] = dependent;
    } else if (right2_[head] < 0 || dependent > right2_[head]) {
      right2_[head] = dependent;
    }
  }
}

void ArcHybridState::Apply(Move move, int label) {
  ++moves_;
  switch (move) {
    case Move::kShift:
      stack_.push_back(buffer_++);
      return;
    case Move::kLeft: {
      const int s0 = stack_.back();
      stack_.pop_back();
      AddArc(buffer_, s0, label);
      return;
    }
    case Move::kRight: {
      const int s0 = stack_.back();
      stack_.pop_back();
      AddArc(stack_.back(), s0, label);
      return;
    }
  }
}

int MoveCost(const ArcHybridState& state, Move move, const std::vector<int>& gold_heads) {
  const int n = state.words();
  const int front = state.buffer_front();
  const auto in_buffer = [&](int t) { return t >= front; };  // the root n is always there
  int cost = 0;
  switch (move) {
    case Move::kShift: {
      // b0 goes on the stack: its children on the stack, and a head on the stack other than
      // s0 (which can still take it by RIGHT), become unreachable.
      const int b0 = front;
      const int s0 = state.Stack(0);
      for (int i = 0; i < state.stack_size(); ++i) {
        const int d = state.Stack(i);
        if (gold_heads[d] == b0) ++cost;
        if (gold_heads[b0] == d && d != s0) ++cost;
      }
      return cost;
    }
    case Move::kLeft:
    case Move::kRight: {
      // s0 leaves with a head: its children still in the buffer are lost, and so is its gold
      // head unless that is the head this move gives it. Heads deeper in the stack than s1 are
      // already out of reach and cost nothing more.
      const int s0 = state.Stack(0);
      const int s1 = state.Stack(1);
      const int given = move == Move::kLeft ? front : s1;
      const int gold = gold_heads[s0];
      if (gold != given) {
        if (in_buffer(gold)) ++cost;
        if (move == Move::kLeft && gold == s1 && s1 >= 0) ++cost;
      }
      for (int d = front; d < n; ++d) {
        if (gold_heads[d] == s0) ++cost;
      }
      return cost;
    }
  }
  return cost;
}

bool IsProjective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  for (int d = 0; d < n; ++d) {
    const int h = heads[d] < 0 ? n : heads[d];
    const int lo = std::min(h, d), hi = std::max(h, d);
    // Every word strictly between the ends must descend from h.
    for (int k = lo + 1; k < hi; ++k) {
      int a = k, steps = 0;
      while (a != h && a < n && a >= 0 && steps <= n) {
        a = heads[a] < 0 ? n : heads[a];
        ++steps;
      }
      if (a != h) return false;
    }
  }
  return true;
}

}  // namespace claimgraph::engine::nlp
