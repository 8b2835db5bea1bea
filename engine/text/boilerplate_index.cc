#include "engine/text/boilerplate_index.h"

#include <algorithm>
#include <cstring>

#include "engine/text/mix_hash.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;
constexpr char kMagic[8] = {'C', 'G', 'B', 'P', 'I', 'D', 'X', '1'};

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
bool GetU64(std::string_view in, size_t* pos, uint64_t* v) {
  if (*pos + 8 > in.size()) return false;
  *v = 0;
  for (int i = 0; i < 8; ++i)
    *v |= static_cast<uint64_t>(static_cast<unsigned char>(in[*pos + i])) << (8 * i);
  *pos += 8;
  return true;
}

}  // namespace

BoilerplateIndex::BoilerplateIndex(BoilerplateOptions options) : options_(options) {}

uint64_t BoilerplateIndex::KeyOfSquashed(std::string_view source, std::string_view squashed) {
  uint64_t h = Fnv(kFnvOffset, FoldCase(source));
  h = Fnv(h, std::string_view("\0", 1));
  h = Fnv(h, squashed);
  return SplitMix64(h);  // final avalanche, so that nearby FNV values spread
}

uint64_t BoilerplateIndex::Key(std::string_view source, std::string_view paragraph) {
  std::string squashed;
  for (const Token& t : Tokenize(paragraph)) {
    if (!squashed.empty()) squashed.push_back(' ');
    squashed += t.text;
  }
  return KeyOfSquashed(source, squashed);
}

void BoilerplateIndex::Add(const Document& doc) {
  ++documents_;
  finalized_ = false;
  std::vector<uint64_t> keys;
  for (const TextSpan& p : SplitParagraphs(doc.text)) {
    if (p.size() < options_.min_paragraph_bytes) continue;
    keys.push_back(Key(doc.source, std::string_view(doc.text).substr(p.begin, p.size())));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  pending_.insert(pending_.end(), keys.begin(), keys.end());
}

void BoilerplateIndex::Merge(const BoilerplateIndex& other) {
  documents_ += other.documents_;
  finalized_ = false;
  pending_.insert(pending_.end(), other.pending_.begin(), other.pending_.end());
  // Finalized entries of `other` are re-expanded into pending keys with their counts.
  for (const Entry& e : other.entries_) pending_.insert(pending_.end(), e.count, e.key);
}

void BoilerplateIndex::Finalize() {
  if (finalized_) return;
  for (const Entry& e : entries_) pending_.insert(pending_.end(), e.count, e.key);
  entries_.clear();
  std::sort(pending_.begin(), pending_.end());
  for (size_t i = 0; i < pending_.size();) {
    size_t j = i;
    while (j < pending_.size() && pending_[j] == pending_[i]) ++j;
    if (j - i >= 2) entries_.push_back({pending_[i], static_cast<uint32_t>(j - i)});
    i = j;
  }
  pending_.clear();
  pending_.shrink_to_fit();
  finalized_ = true;
}

int BoilerplateIndex::DocumentCount(std::string_view source, std::string_view paragraph) const {
  if (paragraph.size() < options_.min_paragraph_bytes) return 0;
  return DocumentCountOfKey(Key(source, paragraph));
}

int BoilerplateIndex::DocumentCountOfKey(uint64_t key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const Entry& e, uint64_t k) { return e.key < k; });
  if (it == entries_.end() || it->key != key) return 0;
  return static_cast<int>(it->count);
}

bool BoilerplateIndex::IsBoilerplate(std::string_view source, std::string_view paragraph) const {
  if (entries_.empty()) return false;
  return DocumentCount(source, paragraph) >= options_.min_documents;
}

std::string BoilerplateIndex::Serialize() const {
  BoilerplateIndex copy = *this;
  copy.Finalize();
  std::string out(kMagic, sizeof(kMagic));
  PutU64(&out, static_cast<uint64_t>(options_.min_documents));
  PutU64(&out, options_.min_paragraph_bytes);
  PutU64(&out, copy.documents_);
  PutU64(&out, copy.entries_.size());
  for (const Entry& e : copy.entries_) {
    PutU64(&out, e.key);
    PutU64(&out, e.count);
  }
  return out;
}

bool BoilerplateIndex::Deserialize(std::string_view blob, BoilerplateIndex* out) {
  if (blob.size() < sizeof(kMagic) || std::memcmp(blob.data(), kMagic, sizeof(kMagic)) != 0)
    return false;
  size_t pos = sizeof(kMagic);
  uint64_t min_docs, min_bytes, docs, n;
  if (!GetU64(blob, &pos, &min_docs) || !GetU64(blob, &pos, &min_bytes) ||
      !GetU64(blob, &pos, &docs) || !GetU64(blob, &pos, &n))
    return false;
  if (n > (blob.size() - pos) / 16) return false;
  BoilerplateOptions options;
  options.min_documents = static_cast<int>(min_docs);
  options.min_paragraph_bytes = static_cast<size_t>(min_bytes);
  BoilerplateIndex index(options);
  index.documents_ = docs;
  index.entries_.reserve(n);
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key, count;
    if (!GetU64(blob, &pos, &key) || !GetU64(blob, &pos, &count)) return false;
    if ((i > 0 && key <= prev) || count < 2 || count > 0xFFFFFFFFull) return false;
    index.entries_.push_back({key, static_cast<uint32_t>(count)});
    prev = key;
  }
  if (pos != blob.size()) return false;
  *out = std::move(index);
  return true;
}

}  // namespace claimgraph::engine
