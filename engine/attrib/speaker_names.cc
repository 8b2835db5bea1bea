// Speaker names unified across a run (see speaker_names.h).
#include "engine/attrib/speaker_names.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace claimgraph::engine::attrib {
namespace {

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < s.size()) {
    const size_t sp = s.find(' ', at);
    const size_t end = sp == std::string_view::npos ? s.size() : sp;
    if (end > at) out.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

bool Capitalised(std::string_view w) {
  if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  for (char c : w)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'') return false;
  return true;
}

// A person-like full name: two to four capitalised words.
bool FullName(const std::vector<std::string_view>& w) {
  if (w.size() < 2 || w.size() > 4) return false;
  for (std::string_view x : w)
    if (!Capitalised(x)) return false;
  return true;
}

// "Joe" for "Joseph", "Tim" for "Timothy": the shorter of two first names (at most four letters)
// without its last letter begins the longer.
bool ShortForm(std::string_view a, std::string_view b) {
  if (a.size() == b.size()) return false;
  if (a.size() > b.size()) std::swap(a, b);
  return a.size() >= 3 && a.size() <= 4 && b.substr(0, a.size() - 1) == a.substr(0, a.size() - 1);
}

// Two spellings of one person's first name across outlets ("Joe Biden" / "Joseph Biden"): two
// two-word names with the same last word, one first name a short form of the other (ShortForm),
// that never occur in the same document (relatives named together, "Jeb Bush" and "Jenna Bush",
// do). The rarer becomes the more common. Returns the renames.
std::unordered_map<std::string, std::string> FirstNameVariants(const std::vector<Claim>& claims) {
  std::unordered_map<std::string, size_t> count;
  std::unordered_map<std::string, std::set<int64_t>> documents;
  std::unordered_map<std::string, std::vector<std::string>> by_last;  // last word -> names
  for (const Claim& c : claims) {
    const std::vector<std::string_view> w = Words(c.speaker);
    if (w.size() != 2 || !FullName(w)) continue;
    if (count[c.speaker]++ == 0) by_last[std::string(w[1])].push_back(c.speaker);
    documents[c.speaker].insert(c.document);
  }
  std::unordered_map<std::string, std::string> rename;
  for (auto& [last, names] : by_last) {
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
      return count[a] != count[b] ? count[a] > count[b] : a < b;
    });
    for (size_t i = 1; i < names.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        const std::string& rare = names[i];
        const std::string& common = names[j];
        if (!ShortForm(Words(rare)[0], Words(common)[0]) || rename.count(common)) continue;
        const std::set<int64_t>& a = documents[rare];
        const std::set<int64_t>& b = documents[common];
        bool together = false;
        for (int64_t d : a) together = together || b.count(d) > 0;
        if (together) continue;
        rename[rare] = common;
        break;
      }
    }
  }
  return rename;
}

}  // namespace

size_t UnifySpeakerNames(std::vector<Claim>* claims, const SpeakerNameOptions& options) {
  size_t renamed = 0;
  const std::unordered_map<std::string, std::string> variants = FirstNameVariants(*claims);
  for (Claim& c : *claims) {
    const auto it = variants.find(c.speaker);
    if (it == variants.end()) continue;
    c.speaker = it->second;
    ++renamed;
  }
  std::unordered_map<std::string, size_t> count;
  for (const Claim& c : *claims)
    if (!c.speaker.empty()) ++count[c.speaker];
  // Per edge word (a full name's last or first word): the two full names with the most claims.
  struct Best {
    std::string name;
    size_t claims = 0;
    size_t runner_up = 0;
  };
  std::unordered_map<std::string, Best> by_word;
  auto offer = [&](const std::string& word, const std::string& name, size_t n) {
    Best& b = by_word[word];
    if (n > b.claims) {
      b.runner_up = b.claims;
      b.claims = n;
      b.name = name;
    } else if (n > b.runner_up) {
      b.runner_up = n;
    }
  };
  std::unordered_map<std::string, std::string> rename;
  for (const auto& [name, n] : count) {
    const std::vector<std::string_view> w = Words(name);
    if (!FullName(w)) continue;
    offer(std::string(w.back()), name, n);
    if (w.back() != w.front()) offer(std::string(w.front()), name, n);
  }
  for (const auto& [name, n] : count) {
    const std::vector<std::string_view> w = Words(name);
    if (w.size() == 1 && Capitalised(w[0])) {
      const auto it = by_word.find(name);
      if (it == by_word.end()) continue;
      const Best& b = it->second;
      if (static_cast<double>(b.claims) >= options.dominance * static_cast<double>(b.runner_up))
        rename[name] = b.name;
    } else if (w.size() >= 3 && FullName(w)) {
      const std::string short_name = std::string(w.front()) + " " + std::string(w.back());
      const auto it = count.find(short_name);
      if (it != count.end() && it->second > n) rename[name] = short_name;
    }
  }
  for (Claim& c : *claims) {
    const auto it = rename.find(c.speaker);
    if (it == rename.end()) continue;
    c.speaker = it->second;
    ++renamed;
  }
  return renamed;
}

}  // namespace claimgraph::engine::attrib
