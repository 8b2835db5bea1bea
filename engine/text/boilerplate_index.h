// BoilerplateIndex: the corpus-level pre-pass of the clean stage. Page furniture that a site puts
// on every page (newsletter prompts, "about us" blurbs, teaser lists, disclaimers) repeats verbatim
// across a source's documents, while article paragraphs do not. The index counts, per source, in
// how many documents each paragraph occurs, as 64-bit hashes of the paragraph's folded text, so a
// paragraph seen in at least `min_documents` pages of the same source is treated as furniture.
//
// Memory is 16 bytes per distinct (source, paragraph) pair: 100,000 articles of ~15 paragraphs
// take about 25 MB while building and less after Finalize(), which drops pairs seen once.
// Building from shards (one index per thread, then Merge) gives the same result as one pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"

namespace claimgraph::engine {

struct BoilerplateOptions {
  // A paragraph is boilerplate when it occurs in at least this many documents of one source.
  int min_documents = 3;
  // Paragraphs shorter than this many bytes are not counted (they are judged by the rule-based
  // furniture filter instead; very short lines repeat by chance: "Loading", "Share").
  size_t min_paragraph_bytes = 20;
};

class BoilerplateIndex {
 public:
  explicit BoilerplateIndex(BoilerplateOptions options = {});

  // Counts the distinct paragraphs (non-empty lines) of `doc` under doc.source. Not thread-safe:
  // build one index per thread and Merge them.
  void Add(const Document& doc);
  // Adds the counts of `other` (built with the same options) to this index.
  void Merge(const BoilerplateIndex& other);
  // Sorts and compacts the counts; required before IsBoilerplate. Idempotent.
  void Finalize();

  // True if `paragraph` of a document from `source` occurs in at least min_documents documents
  // of that source. REQUIRES: Finalize() was called after the last Add/Merge. Thread-safe.
  bool IsBoilerplate(std::string_view source, std::string_view paragraph) const;
  // Number of documents of `source` that contain `paragraph` when at least two do; 0 otherwise
  // (pairs seen once are dropped by Finalize) and for paragraphs below min_paragraph_bytes.
  int DocumentCount(std::string_view source, std::string_view paragraph) const;

  size_t documents() const { return documents_; }
  size_t entries() const { return entries_.size() + pending_.size(); }
  const BoilerplateOptions& options() const { return options_; }

  // Compact binary form (little-endian), and back. Deserialize returns false on a malformed blob.
  std::string Serialize() const;
  static bool Deserialize(std::string_view blob, BoilerplateIndex* out);

  // The key a paragraph is counted under: hash of the source and the paragraph's folded text with
  // white space and punctuation collapsed (so "Share this!" and "share  this" count together).
  static uint64_t Key(std::string_view source, std::string_view paragraph);
  // The same key from the paragraph's tokens (engine/text/tokenizer.h) joined by single spaces.
  static uint64_t KeyOfSquashed(std::string_view source, std::string_view squashed);
  // DocumentCount for a key from Key() / KeyOfSquashed().
  int DocumentCountOfKey(uint64_t key) const;

 private:
  struct Entry {
    uint64_t key;
    uint32_t count;
  };
  BoilerplateOptions options_;
  std::vector<uint64_t> pending_;  // one key per (document, distinct paragraph), unsorted
  std::vector<Entry> entries_;     // sorted by key, counts >= 2 only after Finalize
  size_t documents_ = 0;
  bool finalized_ = true;
};

}  // namespace claimgraph::engine
