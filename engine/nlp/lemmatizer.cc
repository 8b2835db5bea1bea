// WordNet Morphy lemmatisation guided by the POS tag, with the corpus's learned exceptions.
#include "engine/nlp/lemmatizer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace claimgraph::engine::nlp {
namespace {

constexpr char kMagic[4] = {'C', 'G', 'L', 'X'};
constexpr uint32_t kVersion = 1;

struct Rule {
  std::string_view suffix;
  std::string_view ending;
};
// Morphy's detachment rules (morphy(7WN)), per part of speech.
constexpr std::array<Rule, 8> kNounRules = {{{"s", ""},
                                             {"ses", "s"},
                                             {"xes", "x"},
                                             {"zes", "z"},
                                             {"ches", "ch"},
                                             {"shes", "sh"},
                                             {"men", "man"},
                                             {"ies", "y"}}};
constexpr std::array<Rule, 8> kVerbRules = {{{"s", ""},
                                             {"ies", "y"},
                                             {"es", "e"},
                                             {"es", ""},
                                             {"ed", "e"},
                                             {"ed", ""},
                                             {"ing", "e"},
                                             {"ing", ""}}};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutString(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

class Reader {
 public:
  Reader(std::string_view bytes, size_t* offset, const std::string& what)
      : bytes_(bytes), offset_(offset), what_(what) {}
  uint32_t U32() {
    if (*offset_ + 4 > bytes_.size()) Fail();
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes_[*offset_ + i])) << (8 * i);
    *offset_ += 4;
    return v;
  }
  std::string String() {
    const uint32_t n = U32();
    if (*offset_ + n > bytes_.size()) Fail();
    std::string s(bytes_.substr(*offset_, n));
    *offset_ += n;
    return s;
  }
  [[noreturn]] void Fail() { throw std::runtime_error(what_ + ": truncated lemmatizer table"); }

 private:
  std::string_view bytes_;
  size_t* offset_;
  const std::string& what_;
};

template <typename Map>
std::vector<std::pair<std::string, std::string>> Sorted(const Map& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

std::string Lemmatizer::Morphy(const std::string& lower, Pos pos) const {
  if (pos == kOther) return lower;
  const auto e = exceptions_[pos].find(lower);
  if (e != exceptions_[pos].end()) return e->second;
  if (index_[pos].count(lower)) return lower;
  const Rule* begin = pos == kNoun ? kNounRules.data() : kVerbRules.data();
  const Rule* end = begin + (pos == kNoun ? kNounRules.size() : kVerbRules.size());
  std::string first;
  for (const Rule* r = begin; r != end; ++r) {
    if (!EndsWith(lower, r->suffix)) continue;
    std::string candidate = lower.substr(0, lower.size() - r->suffix.size());
    candidate += r->ending;
    if (index_[pos].count(candidate)) return candidate;
    if (first.empty()) first = candidate;
  }
  if (pos == kVerb && (EndsWith(lower, "ed") || EndsWith(lower, "ing"))) {
    // Unknown verb: undouble a final consonant ("zapped" -> "zap"), else strip the ending.
    std::string stem = lower.substr(0, lower.size() - (EndsWith(lower, "ed") ? 2 : 3));
    const size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
        stem[n - 1] != 's' && stem[n - 1] != 'z') {
      stem.pop_back();
    }
    return stem.empty() ? lower : stem;
  }
  if (pos == kNoun && !first.empty()) {
    // Unknown plural: "-ies" -> "-y" beats "-s" -> "" ("candies"), else the plain "-s" rule.
    if (EndsWith(lower, "ies")) return lower.substr(0, lower.size() - 3) + "y";
    if (EndsWith(lower, "ss")) return lower;
    return lower.substr(0, lower.size() - 1);
  }
  return first.empty() ? lower : first;
}

std::string Lemmatizer::RuleLemma(std::string_view form, std::string_view tag) const {
  if (tag == "NNP" || tag == "NNPS") return std::string(form);
  const std::string lower = Lower(form);
  if (tag == "NNS") return Morphy(lower, kNoun);
  if ((!tag.empty() && tag[0] == 'V') || tag == "MD") return Morphy(lower, kVerb);
  return lower;
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view pos) const {
  if (!learned_.empty()) {
    std::string key = Lower(form);
    key.push_back('\t');
    key.append(pos);
    const auto it = learned_.find(key);
    if (it != learned_.end()) return it->second;
  }
  return RuleLemma(form, pos);
}

void Lemmatizer::Lemmatize(AnnotatedDocument* doc) const {
  for (Token& t : doc->tokens) t.lemma = Lemmatize(t.form, t.pos);
}

Lemmatizer Lemmatizer::FromWordNet(const std::string& dir) {
  Lemmatizer l;
  const std::array<std::string_view, 3> names = {"noun", "verb", "adj"};
  for (int p = 0; p < 3; ++p) {
    const std::string exc = dir + "/" + std::string(names[p]) + ".exc";
    std::ifstream in(exc);
    if (!in) {
      throw std::runtime_error("cannot read WordNet file " + exc +
                               " (install Debian's wordnet-base, or give --wordnet DIR)");
    }
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string inflected, base;
      if (fields >> inflected >> base) l.exceptions_[p].emplace(inflected, base);
    }
    const std::string index = dir + "/index." + std::string(names[p]);
    std::ifstream idx(index);
    if (!idx) {
      throw std::runtime_error("cannot read WordNet file " + index +
                               " (install Debian's wordnet-base, or give --wordnet DIR)");
    }
    while (std::getline(idx, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      const std::string lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string::npos) continue;  // multi-word entries
      l.index_[p].insert(lemma);
    }
  }
  return l;
}

void Lemmatizer::LearnExceptions(const std::vector<AnnotatedDocument>& docs, int min_count) {
  learned_.clear();
  std::map<std::string, std::map<std::string, int>> counts;  // key -> lemma -> n
  for (const AnnotatedDocument& d : docs) {
    for (const Token& t : d.tokens) {
      std::string key = Lower(t.form);
      key.push_back('\t');
      key.append(t.pos);
      ++counts[key][t.lemma];
    }
  }
  for (const auto& [key, lemmas] : counts) {
    int total = 0, best = 0;
    const std::string* best_lemma = nullptr;
    for (const auto& [lemma, n] : lemmas) {
      total += n;
      if (n > best) {
        best = n;
        best_lemma = &lemma;
      }
    }
    if (best < min_count || 2 * best < total) continue;
    // Keep the pair only if the rules get it wrong. NNP/NNPS keep the form's case, which a
    // lower-cased key cannot reproduce: the rules stand for them.
    const size_t tab = key.find('\t');
    const std::string tag = key.substr(tab + 1);
    if (tag == "NNP" || tag == "NNPS") continue;
    if (RuleLemma(key.substr(0, tab), tag) != *best_lemma) learned_.emplace(key, *best_lemma);
  }
}

void Lemmatizer::SerializeTo(std::string* out) const {
  out->append(kMagic, 4);
  PutU32(out, kVersion);
  for (int p = 0; p < 3; ++p) {
    const auto exc = Sorted(exceptions_[p]);
    PutU32(out, static_cast<uint32_t>(exc.size()));
    for (const auto& [a, b] : exc) {
      PutString(out, a);
      PutString(out, b);
    }
    std::vector<std::string> index(index_[p].begin(), index_[p].end());
    std::sort(index.begin(), index.end());
    PutU32(out, static_cast<uint32_t>(index.size()));
    // Front coding: each lemma as (bytes shared with the previous, rest); about 3x smaller.
    std::string previous;
    for (const std::string& w : index) {
      size_t shared = 0;
      while (shared < previous.size() && shared < w.size() && shared < 255 &&
             previous[shared] == w[shared])
        ++shared;
      out->push_back(static_cast<char>(shared));
      out->push_back(static_cast<char>(w.size() - shared));
      out->append(w, shared, std::string::npos);
      previous = w;
    }
  }
  const auto learned = Sorted(learned_);
  PutU32(out, static_cast<uint32_t>(learned.size()));
  for (const auto& [a, b] : learned) {
    PutString(out, a);
    PutString(out, b);
  }
}

Lemmatizer Lemmatizer::Parse(std::string_view bytes, size_t* offset, const std::string& what) {
  if (*offset + 8 > bytes.size() || bytes.substr(*offset, 4) != std::string_view(kMagic, 4)) {
    throw std::runtime_error(what + ": not a lemmatizer table (wrong magic)");
  }
  *offset += 4;
  Reader r(bytes, offset, what);
  const uint32_t version = r.U32();
  if (version != kVersion) {
    throw std::runtime_error(what + ": lemmatizer table version " + std::to_string(version) +
                             ", this build reads version " + std::to_string(kVersion));
  }
  Lemmatizer l;
  for (int p = 0; p < 3; ++p) {
    const uint32_t n = r.U32();
    for (uint32_t k = 0; k < n; ++k) {
      std::string a = r.String();
      l.exceptions_[p].emplace(std::move(a), r.String());
    }
    const uint32_t m = r.U32();
    std::string previous;
    for (uint32_t k = 0; k < m; ++k) {
      if (*offset + 2 > bytes.size()) r.Fail();
      const size_t shared = static_cast<unsigned char>(bytes[*offset]);
      const size_t rest = static_cast<unsigned char>(bytes[*offset + 1]);
      *offset += 2;
      if (shared > previous.size() || *offset + rest > bytes.size()) r.Fail();
      std::string w = previous.substr(0, shared);
      w.append(bytes.substr(*offset, rest));
      *offset += rest;
      l.index_[p].insert(w);
      previous = std::move(w);
    }
  }
  const uint32_t n = r.U32();
  for (uint32_t k = 0; k < n; ++k) {
    std::string a = r.String();
    l.learned_.emplace(std::move(a), r.String());
  }
  return l;
}

}  // namespace claimgraph::engine::nlp
