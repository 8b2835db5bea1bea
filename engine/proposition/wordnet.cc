#include "engine/proposition/wordnet.h"

#include <algorithm>
#include <istream>
#include <sstream>
#include <tuple>

namespace claimgraph::engine {
namespace {

// WordNet writes multi-word lemmas with underscores and adjectives with a syntactic marker
// ("galore(ip)"); we keep lower-case words joined by spaces.
std::string CleanLemma(std::string w) {
  if (auto paren = w.find('('); paren != std::string::npos) w.erase(paren);
  for (char& c : w) {
    if (c == '_') c = ' ';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return w;
}

std::string Key(std::string_view a, std::string_view b) {
  std::string k(a);
  k += '|';
  k += b;
  return k;
}

}  // namespace

size_t WordNet::Read(Pos pos, std::istream& index, std::istream& data, std::istream& exceptions) {
  const size_t first = synsets_.size();
  struct PendingAntonym {
    uint32_t synset;
    int source;  // word number in the source synset, 1-based
    uint64_t target_offset;
    int target;
  };
  std::vector<std::vector<uint64_t>> hypernym_offsets;
  std::vector<PendingAntonym> antonyms;
  std::string line;
  while (std::getline(data, line)) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    std::istringstream in(line);
    uint64_t offset = 0;
    std::string lex_file, ss_type, w_cnt_hex;
    if (!(in >> offset >> lex_file >> ss_type >> w_cnt_hex)) continue;
    const int w_cnt = static_cast<int>(std::strtol(w_cnt_hex.c_str(), nullptr, 16));
    Synset synset;
    for (int i = 0; i < w_cnt; ++i) {
      std::string word, lex_id;
      if (!(in >> word >> lex_id)) break;
      synset.words.push_back(CleanLemma(word));
    }
    int p_cnt = 0;
    in >> p_cnt;
    const uint32_t id = static_cast<uint32_t>(synsets_.size());
    std::vector<uint64_t> hypernyms;
    for (int i = 0; i < p_cnt; ++i) {
      std::string symbol, target_pos, source_target;
      uint64_t target = 0;
      if (!(in >> symbol >> target >> target_pos >> source_target)) break;
      const bool same_pos = (pos == kVerb && target_pos == "v") ||
                            (pos == kAdjective && (target_pos == "a" || target_pos == "s"));
      if (!same_pos) continue;
      if (symbol == "@") hypernyms.push_back(target);
      if (symbol == "!" && source_target.size() == 4) {
        antonyms.push_back(
            {id, static_cast<int>(std::strtol(source_target.substr(0, 2).c_str(), nullptr, 16)),
             target, static_cast<int>(std::strtol(source_target.substr(2).c_str(), nullptr, 16))});
      }
    }
    by_offset_[pos][offset] = id;
    synsets_.push_back(std::move(synset));
    hypernym_offsets.push_back(std::move(hypernyms));
  }
  for (size_t i = 0; i < hypernym_offsets.size(); ++i) {
    for (uint64_t off : hypernym_offsets[i]) {
      auto it = by_offset_[pos].find(off);
      if (it != by_offset_[pos].end()) synsets_[first + i].hypernyms.push_back(it->second);
    }
  }
  for (const PendingAntonym& a : antonyms) {
    auto it = by_offset_[pos].find(a.target_offset);
    if (it == by_offset_[pos].end()) continue;
    const auto& src = synsets_[a.synset].words;
    const auto& dst = synsets_[it->second].words;
    if (a.source < 1 || a.source > static_cast<int>(src.size()) || a.target < 1 ||
        a.target > static_cast<int>(dst.size()))
      continue;
    antonyms_[pos].insert(Key(src[a.source - 1], dst[a.target - 1]));
    antonyms_[pos].insert(Key(dst[a.target - 1], src[a.source - 1]));
  }
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream in(line);
    std::string lemma, p;
    int synset_cnt = 0, p_cnt = 0;
    if (!(in >> lemma >> p >> synset_cnt >> p_cnt)) continue;
    std::string skip;
    for (int i = 0; i < p_cnt; ++i) in >> skip;
    int sense_cnt = 0, tagsense_cnt = 0;
    in >> sense_cnt >> tagsense_cnt;
    std::vector<uint32_t> ids;
    uint64_t off = 0;
    for (int i = 0; i < synset_cnt && (in >> off); ++i) {
      auto it = by_offset_[pos].find(off);
      if (it != by_offset_[pos].end()) ids.push_back(it->second);
    }
    if (!ids.empty()) index_[pos][CleanLemma(lemma)] = std::move(ids);
  }
  while (std::getline(exceptions, line)) {
    std::istringstream in(line);
    std::string inflected, base;
    if (in >> inflected >> base) exceptions_[pos].emplace(CleanLemma(inflected), CleanLemma(base));
  }
  return synsets_.size() - first;
}

std::string WordNet::Lemma(std::string_view word_in, Pos pos) const {
  std::string word(word_in);
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (word.empty()) return {};
  const auto& index = index_[pos];
  if (auto it = exceptions_[pos].find(word); it != exceptions_[pos].end()) return it->second;
  if (index.count(word)) return word;
  // Detachment rules of WordNet's morphy, then (verbs) the usual nominal suffixes.
  static const std::vector<std::pair<std::string, std::string>> kVerbRules = {
      {"ies", "y"}, {"es", "e"}, {"es", ""},   {"s", ""},    {"ed", "e"},  {"ed", ""},
      {"ing", "e"}, {"ing", ""}, {"al", ""},   {"ure", ""},  {"ment", ""}, {"ation", "e"},
      {"ion", "e"}, {"ion", ""}, {"ance", ""}, {"ence", ""}, {"ance", "e"}};
  static const std::vector<std::pair<std::string, std::string>> kAdjRules = {
      {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
  for (const auto& [suffix, repl] : pos == kVerb ? kVerbRules : kAdjRules) {
    if (word.size() <= suffix.size() + 1 || !word.ends_with(suffix)) continue;
    std::string base = word.substr(0, word.size() - suffix.size()) + repl;
    if (index.count(base)) return base;
    // "stopped" -> "stop": a doubled final consonant.
    if (repl.empty() && base.size() >= 3 && base[base.size() - 1] == base[base.size() - 2]) {
      base.pop_back();
      if (index.count(base)) return base;
    }
  }
  return {};
}

std::vector<uint32_t> WordNet::Senses(std::string_view lemma, Pos pos, size_t max_senses) const {
  auto it = index_[pos].find(std::string(lemma));
  if (it == index_[pos].end()) return {};
  const auto& ids = it->second;
  return std::vector<uint32_t>(ids.begin(), ids.begin() + std::min(max_senses, ids.size()));
}

bool WordNet::SameClass(std::string_view a, std::string_view b, Pos pos) const {
  if (a == b) return !a.empty();
  const auto sa = Senses(a, pos), sb = Senses(b, pos);
  // A synset among one lemma's first senses that the other lists at all ("exit" sense 1 is
  // {exit, go out, get out, leave}, a later sense of "leave").
  const auto all_a = Senses(a, pos, 64), all_b = Senses(b, pos, 64);
  for (uint32_t x : sa)
    if (std::find(all_b.begin(), all_b.end(), x) != all_b.end()) return true;
  for (uint32_t y : sb)
    if (std::find(all_a.begin(), all_a.end(), y) != all_a.end()) return true;
  for (uint32_t x : sa) {
    for (uint32_t y : sb) {
      if (x == y) return true;
      const auto& hx = synsets_[x].hypernyms;
      const auto& hy = synsets_[y].hypernyms;
      if (std::find(hx.begin(), hx.end(), y) != hx.end()) return true;
      if (std::find(hy.begin(), hy.end(), x) != hy.end()) return true;
    }
  }
  return false;
}

bool WordNet::Antonyms(std::string_view a, std::string_view b, Pos pos) const {
  if (a.empty() || b.empty() || a == b) return false;
  if (antonyms_[pos].count(Key(a, b))) return true;
  // Antonymy is recorded between particular words; extend it to the synonyms in the first
  // senses ("go away" / "arrive" through "leave").
  for (uint32_t x : Senses(a, pos)) {
    for (const std::string& w : synsets_[x].words)
      if (antonyms_[pos].count(Key(w, b))) return true;
  }
  return false;
}

std::string WordNet::ClassName(std::string_view lemma, Pos pos) const {
  const auto senses = Senses(lemma, pos, 1);
  if (senses.empty() || synsets_[senses[0]].words.empty()) return std::string(lemma);
  return synsets_[senses[0]].words[0];
}

}  // namespace claimgraph::engine
