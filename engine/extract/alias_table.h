// AliasTable: named entities normalised to one canonical name, so that claims written as "Ain al
// Asad", "Ain Al-Assad" and "Al-Asad airbase", or "Daesh", "ISIS" and "Islamic State", count as
// the same thing for linking. Matching is on folded word sequences (case and Latin accents
// folded, hyphens and punctuation as word breaks), longest match first. Capitals that stand for
// their government ("Washington", "Baghdad", "Tehran") resolve to the country except after a
// locative preposition ("in Baghdad", "from Baghdad"), where they stay the city.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimgraph::engine {

struct EntityMention {
  std::string canonical;
  size_t byte_begin = 0, byte_end = 0;  // into the text searched
};

class AliasTable {
 public:
  // The built-in table (countries, capitals, bases, armed groups, coalition bodies, agencies).
  static AliasTable Default();

  // Adds `alias` for `canonical` (the canonical name is itself an alias). `metonym_city`, if
  // given, is the name used after a locative preposition ("Baghdad" for alias "baghdad" of
  // "Iraq").
  void Add(std::string_view canonical, std::string_view alias, std::string_view metonym_city = {});

  // The canonical name of `phrase` if the whole phrase is a known alias, else empty.
  std::string Canonical(std::string_view phrase) const;

  // All mentions in `text`, left to right, longest match first, non-overlapping.
  std::vector<EntityMention> Find(std::string_view text) const;

  size_t size() const { return aliases_.size(); }

 private:
  struct Target {
    std::string canonical;
    std::string city;  // canonical name after a locative preposition; empty = same
  };
  std::unordered_map<std::string, Target> aliases_;  // folded words joined by ' '
  std::unordered_map<std::string, int> prefixes_;    // every proper word prefix of an alias
  size_t max_words_ = 1;
};

}  // namespace claimgraph::engine
