#include "engine/text/stemmer.h"

#include <array>
#include <unordered_map>

namespace claimgraph::engine {
namespace {

const std::unordered_map<std::string_view, std::string_view>& Irregular() {
  static const std::unordered_map<std::string_view, std::string_view> kTable = {
      {"withdrew", "withdraw"},
      {"withdrawn", "withdraw"},
      {"left", "leave"},
      {"leaving", "leave"},
      {"leaves", "leave"},
      {"went", "go"},
      {"gone", "go"},
      {"said", "say"},
      {"says", "say"},
      {"told", "tell"},
      {"began", "begin"},
      {"begun", "begin"},
      {"kept", "keep"},
      {"held", "hold"},
      {"made", "make"},
      {"took", "take"},
      {"taken", "take"},
      {"forces", "force"},
      {"troops", "troop"},
      {"was", "be"},
      {"were", "be"},
      {"is", "be"},
      {"are", "be"},
      {"been", "be"},
      {"has", "have"},
      {"had", "have"},
      {"did", "do"},
      {"does", "do"},
      {"done", "do"},
      {"remained", "remain"},
      {"stayed", "stay"},
      {"ended", "end"},
      {"completed", "complete"},
      {"completion", "complete"},
      {"announcement", "announce"},
      {"agreement", "agree"},
      {"presence", "present"},
      {"closure", "close"},
      {"reopening", "reopen"},
      {"reopened", "reopen"},
      {"denied", "deny"},
      {"denies", "deny"},
      {"cities", "city"},
      {"countries", "country"},
      {"militias", "militia"},
  };
  return kTable;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool HasVowel(std::string_view s) {
  for (char c : s)
    if (IsVowel(c) || c == 'y') return true;
  return false;
}

// Porter's step 5: a final "e" goes, so "announce", "announced" and "announcing" meet.
std::string DropFinalE(std::string w) {
  if (w.size() > 4 && w.back() == 'e' && w[w.size() - 2] != 'e') w.pop_back();
  return w;
}

std::string StripSuffix(std::string_view word) {
  if (auto it = Irregular().find(word); it != Irregular().end()) return std::string(it->second);
  std::string w(word);
  if (w.size() <= 3) return w;
  for (char c : w)
    if (!(c >= 'a' && c <= 'z')) return w;  // numbers, non-Latin words, apostrophes: keep

  // Suffixes in order of length; the stem must keep three letters and a vowel.
  struct Rule {
    std::string_view suffix;
    std::string_view replacement;
  };
  static constexpr std::array<Rule, 22> kRules{{
      {"ations", "ate"}, {"ation", "ate"}, {"ments", ""}, {"ment", ""}, {"ness", ""}, {"ities", ""},
      {"ity", ""},       {"ingly", ""},    {"edly", ""},  {"ing", ""},  {"ies", "y"}, {"ied", "y"},
      {"als", ""},       {"al", ""},       {"ers", ""},   {"er", ""},   {"ed", ""},   {"ly", ""},
      {"es", ""},        {"s", ""},        {"ive", ""},   {"ful", ""},
  }};
  for (const Rule& r : kRules) {
    if (!w.ends_with(r.suffix)) continue;
    std::string stem = w.substr(0, w.size() - r.suffix.size());
    if (stem.size() < 3 || !HasVowel(stem)) continue;
    if (r.suffix == "s" && (stem.ends_with("s") || stem.ends_with("u") || stem.ends_with("i")))
      continue;  // "press", "status", "analysis"
    if (r.suffix == "es" && !(stem.ends_with("sh") || stem.ends_with("ch") || stem.ends_with("x") ||
                              stem.ends_with("ss") || stem.ends_with("z"))) {
      stem = w.substr(0, w.size() - 1);  // "bases" -> "base", "forces" handled above
    }
    stem += r.replacement;
    // Undo doubled final consonants left by -ing / -ed ("stopped" -> "stop"), except l, s, z.
    if ((r.suffix == "ing" || r.suffix == "ed") && stem.size() >= 4 &&
        stem[stem.size() - 1] == stem[stem.size() - 2] && !IsVowel(stem.back()) &&
        stem.back() != 'l' && stem.back() != 's' && stem.back() != 'z')
      stem.pop_back();
    return stem;
  }
  return w;
}

}  // namespace

std::string Stem(std::string_view word) { return DropFinalE(StripSuffix(word)); }

}  // namespace claimgraph::engine
