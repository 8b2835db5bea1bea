// StringIndex: an open-addressing hash index from strings to dense ids 0..n-1, for interning the
// names of sources, objects and values while claims are loaded (hundreds of thousands of lookups
// per file, so std::unordered_map's node per key and pointer chase per probe matter). The index
// holds no strings: the caller keeps them in a container indexed by id (a std::vector of
// std::string, or of std::string_view into a buffer that outlives the index) and passes it to
// Find and Insert. Each slot packs 32 bits of the hash with the id, so a probe touches one 8-byte
// slot and compares strings only when the hash bits match. Memory: 16 to 32 bytes per key.
// Not thread-safe for writes; concurrent Find on a const index is safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::engine::truth {

// A fast 64-bit hash of a byte string (8 bytes at a time, multiply-xorshift mixing).
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull ^ (s.size() * kMul);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    // The last 1-7 bytes as one word, without a variable-length copy: two overlapping 4-byte
    // loads, or the first, middle and last byte (together they cover every byte).
    uint64_t w;
    if (n >= 4) {
      uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      w = first | (static_cast<uint64_t>(last) << 32);
    } else {
      w = static_cast<unsigned char>(p[0]) |
          (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  return h;
}

// Whether the n bytes at a and b are equal; short strings (names, values) without a call.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8 && n <= 16) {  // two words, overlapping when n < 16
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + n - 8, 8);
    std::memcpy(&b1, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n > 16 && n <= 32) {  // four words, overlapping when n < 32
    uint64_t a0, a1, a2, a3, b0, b1, b2, b3;
    std::memcpy(&a0, a, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + 8, 8);
    std::memcpy(&b1, b + 8, 8);
    std::memcpy(&a2, a + n - 16, 8);
    std::memcpy(&b2, b + n - 16, 8);
    std::memcpy(&a3, a + n - 8, 8);
    std::memcpy(&b3, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3)) == 0;
  }
  if (n >= 4 && n < 8) {
    uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n < 4) {
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  return std::memcmp(a, b, n) == 0;
}

class StringIndex {
 public:
  // Returns the id whose keys[id] equals `s`, or -1. Keys: anything with operator[] giving a
  // string or string_view.
  template <class Keys>
  int Find(const Keys& keys, std::string_view s) const {
    return FindHashed(keys, s, Tag(s));
  }

  // Returns the id of `s`, adding it as keys->size() (and appending it to *keys) if absent; the
  // second member says whether it was added.
  template <class Keys>
  std::pair<int, bool> Intern(Keys* keys, std::string_view s) {
    const uint32_t tag = Tag(s);
    const int found = FindHashed(*keys, s, tag);
    if (found >= 0) return {found, false};
    const int id = static_cast<int>(keys->size());
    keys->emplace_back(s);
    Put(tag, id);
    return {id, true};
  }

  // Adds keys[id] (REQUIRES: not yet present).
  template <class Keys>
  void Insert(const Keys& keys, int id) {
    Put(Tag(keys[id]), id);
  }

  size_t size() const { return size_; }
  void clear() {
    slots_.clear();
    size_ = 0;
  }
  // Makes room for `n` keys without rehashing.
  void reserve(size_t n) {
    if ((n + 1) * 2 > slots_.size()) Rehash(n);
  }

 private:
  static uint32_t Tag(std::string_view s) { return static_cast<uint32_t>(HashBytes(s) >> 32); }

  template <class Keys>
  int FindHashed(const Keys& keys, std::string_view s, uint32_t tag) const {
    if (slots_.empty()) return -1;
    const size_t mask = slots_.size() - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return -1;
      if (static_cast<uint32_t>(slot >> 32) == tag) {
        const int id = static_cast<int>(static_cast<uint32_t>(slot) - 1);
        if (std::string_view(keys[id]) == s) return id;
      }
    }
  }

  void Put(uint32_t tag, int id) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(size_ + 1);
    const size_t mask = slots_.size() - 1;
    size_t i = tag & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (static_cast<uint64_t>(tag) << 32) | (static_cast<uint32_t>(id) + 1);
    ++size_;
  }

  // Grows to a power of two at least 2 x max(n, 2 x size) slots and re-places every slot.
  void Rehash(size_t n) {
    size_t capacity = 16;
    while (capacity < 2 * std::max(n, 2 * size_)) capacity *= 2;
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(capacity, 0);
    const size_t mask = capacity - 1;
    for (uint64_t slot : old) {
      if (slot == 0) continue;
      size_t i = static_cast<uint32_t>(slot >> 32) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<uint64_t> slots_;  // (tag << 32) | (id + 1); 0 = empty
  size_t size_ = 0;
};

// Strings and their index together, for interning: ids in order of first Intern. The strings
// live back to back in one buffer and each slot holds a string's place in it, so a lookup touches
// one slot and the string's bytes (two cache lines at most for short names).
// Not thread-safe for writes.
class InternTable {
 public:
  // Returns the id of `s`, adding it if absent.
  int Intern(std::string_view s) { return InternNew(s).first; }
  // Returns the id and whether `s` was new. Throws std::length_error past 4 GiB of names.
  std::pair<int, bool> InternNew(std::string_view s) {
    const uint32_t tag = static_cast<uint32_t>(HashBytes(s) >> 32);
    if (!slots_.empty()) {
      const size_t mask = slots_.size() - 1;
      for (size_t i = tag & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.id == 0) break;
        if (slot.tag == tag && slot.size == s.size() &&
            SameBytes(bytes_.data() + slot.offset, s.data(), s.size()))
          return {static_cast<int>(slot.id - 1), false};
      }
    }
    if (bytes_.size() + s.size() > 0xFFFFFFFFu) throw std::length_error("InternTable: too large");
    const int id = static_cast<int>(offsets_.size());
    const uint32_t offset = static_cast<uint32_t>(bytes_.size());
    bytes_.append(s);
    offsets_.push_back(offset);
    if ((offsets_.size() + 1) * 2 > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    size_t i = tag & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = {tag, static_cast<uint32_t>(id) + 1, offset, static_cast<uint32_t>(s.size())};
    return {id, true};
  }
  // Starts loading the slot where a look-up of `s` begins, for a look-up soon after (a table of
  // a few hundred thousand names does not fit in the CPU's cache).
  void Prefetch(std::string_view s) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[(HashBytes(s) >> 32) & (slots_.size() - 1)]);
  }
  // Returns the id of `s`, or -1.
  int Find(std::string_view s) const {
    if (slots_.empty()) return -1;
    const uint32_t tag = static_cast<uint32_t>(HashBytes(s) >> 32);
    const size_t mask = slots_.size() - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == 0) return -1;
      if (slot.tag == tag && slot.size == s.size() &&
          SameBytes(bytes_.data() + slot.offset, s.data(), s.size()))
        return static_cast<int>(slot.id - 1);
    }
  }

  // The string of `id`; valid until the next Intern.
  std::string_view operator[](int id) const {
    const size_t begin = offsets_[id];
    const size_t end =
        static_cast<size_t>(id) + 1 < offsets_.size() ? offsets_[id + 1] : bytes_.size();
    return std::string_view(bytes_).substr(begin, end - begin);
  }
  size_t size() const { return offsets_.size(); }

  // Returns the strings in id order and empties the table.
  std::vector<std::string> TakeNames() {
    std::vector<std::string> names;
    names.reserve(size());
    for (size_t id = 0; id < size(); ++id) names.emplace_back((*this)[static_cast<int>(id)]);
    clear();
    return names;
  }
  // The same, with an index over them.
  void MoveTo(std::vector<std::string>* names, StringIndex* index) {
    *names = TakeNames();
    index->clear();
    index->reserve(names->size());
    for (size_t id = 0; id < names->size(); ++id) index->Insert(*names, static_cast<int>(id));
  }
  void clear() {
    slots_.clear();
    bytes_.clear();
    offsets_.clear();
  }

 private:
  struct Slot {
    uint32_t tag, id;  // id + 1; 0 = empty
    uint32_t offset, size;
  };

  void Grow() {
    size_t capacity = std::max<size_t>(16, slots_.size() * 2);
    while (capacity < (offsets_.size() + 1) * 2) capacity *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{0, 0, 0, 0});
    const size_t mask = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.id == 0) continue;
      size_t i = slot.tag & mask;
      while (slots_[i].id != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::string bytes_;              // the strings back to back
  std::vector<uint32_t> offsets_;  // per id: where its string starts in bytes_
};

}  // namespace claimgraph::engine::truth
