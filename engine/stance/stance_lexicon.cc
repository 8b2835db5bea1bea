#include "engine/stance/stance_lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace claimgraph::engine {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& Refuting() {
  static const WordSet kWords = {
      "deny",      "denies",       "denied",      "denying",     "denial",
      "false",     "falsely",      "fake",        "faked",       "fakes",
      "hoax",      "hoaxes",       "debunk",      "debunked",    "debunks",
      "debunking", "untrue",       "myth",        "rumour",      "rumor",
      "bogus",     "prank",        "pranked",     "pranks",      "satire",
      "satirical", "fabricated",   "fabrication", "misleading",  "refute",
      "refuted",   "refutes",      "dismiss",     "dismissed",   "dismisses",
      "reject",    "rejected",     "rejects",     "doubt",       "doubts",
      "doubtful",  "lie",          "lies",        "lied",        "retract",
      "retracted", "retraction",   "wrong",       "incorrect",   "invented",
      "photoshop", "photoshopped", "fictional",   "spoof",       "scam",
      "nonsense",  "baseless",     "unfounded",   "disproved",   "disputed",
      "dispute",   "disputes",     "contradict",  "contradicts", "contradicted",
      "erroneous", "phony",        "phoney",      "fraud",       "fraudulent",
      "gag",       "joke",         "misreported", "mistaken",    "shot" /* "shot down" */,
      "rebut",     "rebuts",       "rebuffed"};
  return kWords;
}

const WordSet& Hedging() {
  static const WordSet kWords = {
      "reportedly", "allegedly",   "alleged",     "alleges",     "allegations", "allegation",
      "may",        "might",       "could",       "possibly",    "possible",    "perhaps",
      "apparently", "unconfirmed", "rumored",     "rumoured",    "purportedly", "purported",
      "supposedly", "suggests",    "suggested",   "appears",     "appear",      "seems",
      "seem",       "believed",    "unclear",     "unverified",  "speculation", "speculated",
      "claims",     "claimed",     "claim",       "claiming",    "report",      "reports",
      "reported",   "according",   "sources",     "source",      "if",          "whether",
      "likely",     "unlikely",    "probably",    "potentially", "rumors",      "rumours",
      "would",      "expected",    "considering", "mulling",     "plans",       "planning",
      "maybe",      "said",        "says",        "say",         "tipped",      "circulating"};
  return kWords;
}

const WordSet& Confirming() {
  static const WordSet kWords = {
      "confirmed", "confirms",     "confirm",      "confirmation", "official", "officially",
      "announced", "announces",    "announce",     "revealed",     "reveals",  "proved",
      "proves",    "proven",       "true",         "indeed",       "verified", "verifies",
      "genuine",   "authentic",    "real",         "actually",     "finally",  "admitted",
      "admits",    "acknowledged", "acknowledges", "evidence",     "shows",    "showed",
      "video",     "footage",      "photos",       "pictured"};
  return kWords;
}

const WordSet& Negation() {
  static const WordSet kWords = {
      "not",      "no",        "never",  "none",    "nobody",  "nothing", "neither",
      "nor",      "without",   "cannot", "cant",    "can't",   "don't",   "doesn't",
      "didn't",   "isn't",     "aren't", "wasn't",  "weren't", "won't",   "wouldn't",
      "couldn't", "shouldn't", "hasn't", "haven't", "hadn't",  "ain't",   "dont",
      "doesnt",   "didnt",     "isnt",   "wasnt",   "nowhere", "lack",    "lacks",
      "absent",   "fails",     "failed", "unable",  "refused", "refuses"};
  return kWords;
}

// Antonym pairs, as plain words; compared through their light stems.
constexpr std::pair<std::string_view, std::string_view> kAntonyms[] = {
    {"alive", "dead"},
    {"alive", "died"},
    {"alive", "killed"},
    {"survived", "died"},
    {"survived", "killed"},
    {"true", "false"},
    {"real", "fake"},
    {"real", "hoax"},
    {"confirm", "deny"},
    {"admit", "deny"},
    {"accept", "reject"},
    {"agree", "disagree"},
    {"win", "lose"},
    {"won", "lost"},
    {"rise", "fall"},
    {"increase", "decrease"},
    {"open", "close"},
    {"guilty", "innocent"},
    {"arrest", "release"},
    {"arrest", "freed"},
    {"found", "missing"},
    {"legal", "illegal"},
    {"start", "end"},
    {"begin", "end"},
    {"before", "after"},
    {"allow", "ban"},
    {"permit", "ban"},
    {"approve", "reject"},
    {"support", "oppose"},
    {"join", "leave"},
    {"join", "quit"},
    {"hire", "fire"},
    {"buy", "sell"},
    {"bought", "sold"},
    {"safe", "dangerous"},
    {"success", "failure"},
    {"succeed", "fail"},
    {"pass", "fail"},
    {"male", "female"},
    {"man", "woman"},
    {"married", "divorced"},
    {"present", "absent"},
    {"possible", "impossible"},
    {"withdraw", "stay"},
    {"withdrawal", "remain"},
    {"leave", "stay"},
    {"leave", "remain"},
    {"exist", "nonexistent"},
    {"first", "last"},
    {"more", "less"},
    {"higher", "lower"},
    {"captured", "escaped"},
    {"launch", "cancel"},
    {"resign", "stay"},
};

}  // namespace

bool IsRefutingWord(std::string_view word) { return Refuting().count(word) > 0; }
bool IsHedgingWord(std::string_view word) { return Hedging().count(word) > 0; }
bool IsConfirmingWord(std::string_view word) { return Confirming().count(word) > 0; }

bool IsNegationWord(std::string_view word) {
  if (Negation().count(word) > 0) return true;
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

std::vector<std::pair<std::string_view, std::string_view>> AntonymPairs() {
  return {std::begin(kAntonyms), std::end(kAntonyms)};
}

int MonthNumber(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"};
  // "may" is far more often the modal verb than the month in news text: not a month here.
  if (w == "may") return 0;
  for (size_t i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kShort[i]) {
      return static_cast<int>(i) + 1;
    }
  }
  return w == "sep" ? 9 : 0;
}

}  // namespace claimgraph::engine
