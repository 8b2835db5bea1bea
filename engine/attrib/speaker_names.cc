// Speaker names unified across a run (see speaker_names.h).
#include "engine/attrib/speaker_names.h"

#include <cctype>
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

}  // namespace

size_t UnifySpeakerNames(std::vector<Claim>* claims, const SpeakerNameOptions& options) {
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
  size_t renamed = 0;
  for (Claim& c : *claims) {
    const auto it = rename.find(c.speaker);
    if (it == rename.end()) continue;
    c.speaker = it->second;
    ++renamed;
  }
  return renamed;
}

}  // namespace claimgraph::engine::attrib
