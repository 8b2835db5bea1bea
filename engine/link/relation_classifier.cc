#include "engine/link/relation_classifier.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "engine/proposition/proposition.h"
#include "engine/stance/stance_lexicon.h"
#include "engine/text/quantity.h"
#include "engine/text/stemmer.h"
#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

// Opposing concepts, as stems. A cue fires when one claim has a word of one side and the other
// claim a word of the other side, and neither has both.
struct Opposition {
  const char* name;
  std::vector<std::string> left;
  std::vector<std::string> right;
};

std::vector<std::string> Stems(std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (const char* w : words) out.push_back(Stem(w));
  return out;
}

const std::vector<Opposition>& Oppositions() {
  static const std::vector<Opposition> kOppositions = {
      {"leave vs stay",
       Stems({"withdraw", "withdrawal", "leave", "left", "depart", "exit", "pullout", "evacuate",
              "removed"}),
       Stems({"stay", "remain", "remained", "kept", "presence", "stationed", "occupy"})},
      {"confirm vs deny", Stems({"confirm", "true", "accurate", "correct", "verified"}),
       Stems({"deny", "denied", "false", "fake", "hoax", "untrue", "incorrect", "debunk",
              "rejected", "unrealistic", "baseless"})},
      {"open vs closed", Stems({"open", "reopen", "reopened"}), Stems({"close", "closed", "shut"})},
      {"more vs fewer", Stems({"increase", "rise", "grow", "more", "higher"}),
       Stems({"decrease", "fall", "drop", "decline", "fewer", "less", "lower", "cut"})},
      {"safe vs unsafe", Stems({"safe", "sound", "stable", "intact"}),
       Stems({"unsafe", "dangerous", "unstable", "damaged", "crack", "cracked", "failing"})},
      {"accept vs reject", Stems({"accept", "approve", "support", "endorse"}),
       Stems({"reject", "refuse", "oppose", "veto"})},
      {"complete vs incomplete", Stems({"complete", "completed", "finished", "concluded"}),
       Stems({"incomplete", "unfinished", "ongoing", "delayed", "postponed"})},
  };
  return kOppositions;
}

// Concept classes: words that name one action, folded to one stem before any comparison.
const std::unordered_map<std::string, std::string>& Concepts() {
  static const std::unordered_map<std::string, std::string> kConcepts = [] {
    const std::pair<const char*, const char*> words[] = {
        {"leave", "withdraw"},
        {"left", "withdraw"},
        {"depart", "withdraw"},
        {"departure", "withdraw"},
        {"exit", "withdraw"},
        {"pullout", "withdraw"},
        {"evacuate", "withdraw"},
        {"drawdown", "withdraw"},
        {"go", "withdraw"},
        {"remain", "stay"},
        {"remaining", "stay"},
        {"kept", "stay"},
        {"keep", "stay"},
        {"american", "us"},
        {"america", "us"},
        {"washington", "us"},
        {"usa", "us"},
        {"soldier", "troop"},
        {"personnel", "troop"},
        {"forces", "troop"},
        {"reopen", "open"},
        {"shut", "close"},
        {"closure", "close"},
        {"finished", "complete"},
        {"concluded", "complete"},
        {"ended", "end"},
    };
    std::unordered_map<std::string, std::string> m;
    for (const auto& [w, c] : words) m.emplace(Stem(w), Stem(c));
    return m;
  }();
  return kConcepts;
}

std::string ConceptStem(const std::string& folded) {
  const std::string s = Stem(folded);
  auto it = Concepts().find(s);
  return it == Concepts().end() ? s : it->second;
}

bool IsNegator(const std::string& w) {
  return w == "not" || w == "no" || w == "non" || w == "never" || w == "without" || w == "nobody" ||
         w == "nothing" || w == "none" || w == "cannot" || w.ends_with("n't");
}

// Verbs of denying: a claim with one reports a denial.
bool IsDenialWord(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "deny",    "denied",   "denies",    "reject",    "rejected",
      "rejects", "dismiss",  "dismissed", "dismisses", "refuted",
      "refutes", "disputed", "disputes",  "contested", "contests"};
  return kWords.count(w) > 0;
}

// Words that judge whether what the clause's subject names is so or will happen: "X is not
// realistic" says X will not happen.
bool IsJudgementOfFact(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "realistic", "possible", "feasible", "likely",   "achievable", "credible",
      "plausible", "viable",   "true",     "accurate", "correct"};
  return kWords.count(w) > 0;
}

// Month and weekday names and the words that place a time in one ("mid", "early", "late").
bool IsTimeWord(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mid",    "early",   "late",      "year",     "month",  "week",     "day"};
  return MonthNumber(w) != 0 || kWords.count(w) > 0;
}

// Verbs whose object is negated: refusing or denying something.
bool IsNegatingVerb(const std::string& w) {
  return w == "refuse" || w == "refused" || w == "refuses" || w == "declined" || IsDenialWord(w);
}

// Verbs that pass a negation on to their object: "I do not anticipate a withdrawal" negates the
// withdrawal as much as the anticipating.
bool PassesNegationOn(const std::string& stem) {
  static const std::unordered_set<std::string> kVerbs = [] {
    std::unordered_set<std::string> s;
    for (const char* w : {"anticipate",
                          "expect",
                          "see",
                          "believe",
                          "think",
                          "foresee",
                          "plan",
                          "intend",
                          "want",
                          "consider",
                          "mean",
                          "represent",
                          "involve",
                          "real",
                          "let",
                          "allow",
                          "attempt",
                          "bid",
                          "effort",
                          "description",
                          "describe",
                          "label",
                          "call",
                          "characterisation",
                          "characterization"})
      s.insert(Stem(w));
    return s;
  }();
  return kVerbs.count(stem) > 0;
}

bool HasAny(const std::vector<std::string>& sorted, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (std::binary_search(sorted.begin(), sorted.end(), w)) return true;
  return false;
}

// Units that name the same kind of thing, so "2,500 troops" and "five personnel" compare.
std::string UnitClass(const std::string& unit) {
  static const std::unordered_map<std::string, std::string> kClasses = [] {
    const std::pair<const char*, const char*> words[] = {
        {"troops", "personnel"},
        {"soldiers", "personnel"},
        {"personnel", "personnel"},
        {"advisers", "personnel"},
        {"advisors", "personnel"},
        {"forces", "personnel"},
        {"members", "personnel"},
        {"staff", "personnel"},
        {"dollars", "usd"},
        {"usd", "usd"},
        {"$", "usd"},
        {"US$", "usd"},
        {"\xC2\xA3", "gbp"},
        {"pounds", "gbp"},
        {"\xE2\x82\xAC", "eur"},
        {"euros", "eur"},
        {"lanes", "lane"},
        {"percent", "percent"},
        {"%", "percent"},
        {"days", "day"},
        {"weeks", "week"},
        {"months", "month"},
        {"years", "year"},
    };
    std::unordered_map<std::string, std::string> m;
    for (const auto& [w, cls] : words) m.emplace(Stem(w), cls);
    return m;
  }();
  const std::string stem = Stem(FoldCase(unit));
  auto it = kClasses.find(stem);
  return it == kClasses.end() ? stem : it->second;
}

bool LooksLikeYear(const Quantity& q) {
  return q.unit.empty() && q.low == q.high && q.low >= 1900 && q.low <= 2100 &&
         std::floor(q.low) == q.low;
}

std::string FormatRange(const Quantity& q) {
  if (!q.text.empty()) return q.text;  // as written: "£12 million", "two of the six lanes"
  char buf[64];
  if (q.low == q.high)
    std::snprintf(buf, sizeof buf, "%g", q.low);
  else
    std::snprintf(buf, sizeof buf, "%g-%g", q.low, q.high);
  return q.unit.empty() ? buf : std::string(buf) + " " + q.unit;
}

// A count of part of something ("the other four lanes", "the remaining 2,500", "two of the six
// lanes") says nothing against a count of the whole.
bool IsSubsetCount(std::string_view text, std::string_view written) {
  const size_t at = written.empty() ? std::string_view::npos : text.find(written);
  if (at == std::string_view::npos) return false;
  size_t e = at;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  std::string before(text.substr(b, e - b));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::unordered_set<std::string> kMarkers = {
      "other", "remaining",  "further", "another", "first",
      "last",  "additional", "more",    "extra",   "next"};
  if (kMarkers.count(before)) return true;
  std::string_view after = text.substr(at + written.size());
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  return after.substr(0, 3) == "of ";
}

// A number cue: both claims count the same kind of thing, and no count in one agrees with any
// count of that kind in the other ("two of the six lanes" does not contradict "two lanes").
// Durations are left out: "six months of talks" and "three months after" count different things.
// Only asserted counts are compared: not a negated one ("this is not two cables", "two lanes, not
// three"), nor any count of a claim whose predicate is negated ("all six lanes would not be back
// in use"), which says nothing about how many there are.
std::optional<std::string> NumberMismatch(const Claim& a, const ClaimTerms& ta, const Claim& b,
                                          const ClaimTerms& tb) {
  auto count_negated = [](const ClaimTerms& t) {
    return std::any_of(t.negated.begin(), t.negated.end(), [&](const std::string& stem) {
      return std::binary_search(t.counts.begin(), t.counts.end(), stem);
    });
  };
  const bool a_predicate_negated = a.polarity == Polarity::kNegated && !count_negated(ta);
  const bool b_predicate_negated = b.polarity == Polarity::kNegated && !count_negated(tb);
  auto usable = [&](const Claim& c, const Quantity& q) {
    const ClaimTerms& t = &c == &a ? ta : tb;
    if (&c == &a ? a_predicate_negated : b_predicate_negated) return false;
    if (LooksLikeYear(q) || q.unit.empty()) return false;
    char count[32];
    std::snprintf(count, sizeof count, "%.0f ", q.low);
    for (const std::string& stem : t.negated)
      if (stem.rfind(count, 0) == 0) return false;
    if (IsSubsetCount(c.text, q.text)) return false;
    const std::string cls = UnitClass(q.unit);
    return cls != "day" && cls != "week" && cls != "month" && cls != "year";
  };
  // Counts of part of a whole ("two of the six lanes") are set against counts of part of a whole,
  // counts of the whole against counts of the whole. A disagreement is cancelled by an agreeing
  // pair of the same kind, or by a count of one kind that equals a count of the other kind in
  // the other claim ("three lanes will be open" / "three of the six lanes will reopen").
  auto partitive = [](const Quantity& q) { return q.text.find(" of ") != std::string::npos; };
  std::optional<std::string> mismatch[2];
  bool overlap[2] = {false, false}, cross_overlap = false;
  for (const auto& qa : a.quantities) {
    if (!usable(a, qa)) continue;
    for (const auto& qb : b.quantities) {
      if (!usable(b, qb) || UnitClass(qa.unit) != UnitClass(qb.unit)) continue;
      const bool agree = qa.low <= qb.high * 1.1 && qb.low <= qa.high * 1.1;
      if (partitive(qa) != partitive(qb)) {
        cross_overlap |= agree;
        continue;
      }
      const int kind = partitive(qa) ? 1 : 0;
      if (agree)
        overlap[kind] = true;
      else if (!mismatch[kind])
        mismatch[kind] = "numbers differ: " + FormatRange(qa) + " vs " + FormatRange(qb);
    }
  }
  if (cross_overlap) return std::nullopt;
  for (int kind : {1, 0})
    if (mismatch[kind] && !overlap[kind]) return mismatch[kind];
  return std::nullopt;
}

// Date ranges of what a claim is about; falls back to the day it was made.
std::pair<std::string, std::string> AboutRange(const Claim& c) {
  std::string begin, end;
  for (const auto& t : c.about) {
    if (t.begin.empty()) continue;
    if (begin.empty() || t.begin < begin) begin = t.begin;
    const std::string& e = t.end.empty() ? t.begin : t.end;
    if (end.empty() || e > end) end = e;
  }
  return {begin, end};
}

std::optional<std::chrono::sys_days> ParseDate(std::string_view s) {
  int y = 0, m = 1, d = 1;
  if (s.size() < 4 || std::sscanf(std::string(s).c_str(), "%d-%d-%d", &y, &m, &d) < 1)
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                        std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

std::string Quote(std::string_view w) { return "'" + std::string(w) + "'"; }

}  // namespace

std::optional<long> DaysBetween(std::string_view a, std::string_view b) {
  const auto da = ParseDate(a), db = ParseDate(b);
  if (!da || !db) return std::nullopt;
  return static_cast<long>((*db - *da).count());
}

// A number written as a word ("two", "twenty", "dozen"), or a vague one ("hundreds", "half").
bool IsNumberWord(const std::string& w) {
  double value;
  return ParseNumberWord(w, &value) || w == "hundreds" || w == "thousands" || w == "dozens" ||
         w == "half";
}

// The stems a claim affirms: its stems less those only in a negation's scope.
std::vector<std::string> Affirmed(const ClaimTerms& t) {
  std::vector<std::string> out;
  std::set_difference(t.asserted.begin(), t.asserted.end(), t.negated.begin(), t.negated.end(),
                      std::back_inserter(out));
  return out;
}

// "2" for "2" or "two"; "" if the token is not a count.
std::string CountKey(const Token& tok) {
  if (tok.numeric) return tok.text;
  double value;
  if (!ParseNumberWord(tok.text, &value)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", value);
  return buf;
}

bool IsPeopleNoun(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "troops", "troop",       "soldiers",    "personnel", "advisers", "advisors",
      "forces", "staff",       "trainers",    "marines",   "officers", "people",
      "men",    "instructors", "contractors", "diplomats", "experts",  "workers"};
  return kWords.count(w) > 0;
}

// Nouns that name something said ("that account", "those reports").
bool IsReportNoun(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {"account",
                                                         "accounts",
                                                         "claim",
                                                         "claims",
                                                         "report",
                                                         "reports",
                                                         "allegation",
                                                         "allegations",
                                                         "accusation",
                                                         "accusations",
                                                         "story",
                                                         "stories",
                                                         "version",
                                                         "description",
                                                         "figure",
                                                         "figures",
                                                         "rumour",
                                                         "rumours",
                                                         "rumor",
                                                         "rumors",
                                                         "statement",
                                                         "statements",
                                                         "suggestion",
                                                         "assessment",
                                                         "idea",
                                                         "notion",
                                                         "interpretation",
                                                         "view",
                                                         "characterisation",
                                                         "characterization"};
  return kWords.count(w) > 0;
}

// The counts in a claim, each with what it counts ("2 cabl" for "two cables", "2 lane" for "two of
// the bridge's six lanes"), starting at token i; empty if token i is not a count.
std::vector<std::string> CountsAt(const std::vector<Token>& tokens, size_t i) {
  std::vector<std::string> out;
  const std::string count = CountKey(tokens[i]);
  if (count.empty()) return out;
  size_t j = i + 1;
  // A partitive: "two of the bridge's 48 stay cables" counts stay cables (the two words after the
  // inner count); otherwise the count is of the next word ("two replacement cables": replacements).
  size_t words = 1;
  if (j < tokens.size() && tokens[j].text == "of") {
    for (size_t k = j + 1; k < tokens.size() && k <= j + 5; ++k)
      if (!CountKey(tokens[k]).empty()) {
        j = k + 1;
        words = 2;
        break;
      }
  }
  for (size_t k = j; k < tokens.size() && k <= j + 3 && out.size() < words; ++k) {
    const std::string& w = tokens[k].text;
    if (!CountKey(tokens[k]).empty()) break;
    if (IsStopword(w) || w.size() < 2) {
      if (out.empty()) continue;
      break;
    }
    out.push_back(count + " " + ConceptStem(w));
  }
  return out;
}

ClaimTerms ComputeClaimTerms(const Claim& claim) {
  ClaimTerms t;
  bool in_scope = false;  // the next content word is negated ("not left", "no withdrawal")
  const std::vector<Token> tokens = Tokenize(claim.text);
  auto prev_is = [&](size_t i, std::string_view word) {
    return i > 0 && tokens[i - 1].text == word;
  };
  bool in_condition = false;
  bool ends_stay = false;
  // The stems of the current clause so far, less times and numbers ("a mid-April reopening":
  // reopen), for a negated judgement of it.
  std::vector<std::string> clause_subject;
  bool subject_open = true;  // no preposition yet in this clause ("reopening | of the tunnel")
  std::vector<std::string> condition_stems;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& tok = tokens[i];
    const std::string* next = i + 1 < tokens.size() ? &tokens[i + 1].text : nullptr;
    // The words as views: comparing them with literals then costs no length count of the literal.
    const std::string_view w = tok.text;
    const std::string_view nw = next ? std::string_view(*next) : std::string_view();
    // An if-clause runs to the next comma, semicolon or full stop.
    if (in_condition && i > 0) {
      const std::string_view gap =
          std::string_view(claim.text).substr(tokens[i - 1].end, tok.begin - tokens[i - 1].end);
      if (gap.find_first_of(",;.") != std::string_view::npos) in_condition = false;
    }
    if (w == "if" || w == "unless") {
      t.conditional = true;
      in_condition = true;
    }
    // "rejected that account", "denied this", "dismissed those reports" (but "denied that the
    // cable had snapped" states what is denied).
    if (IsDenialWord(tok.text) && next && i + 2 <= tokens.size()) {
      const std::string* after = i + 2 < tokens.size() ? &tokens[i + 2].text : nullptr;
      if (nw == "this" || nw == "it" || nw == "such" ||
          ((nw == "that" || nw == "these" || nw == "those") &&
           (after == nullptr || IsReportNoun(*after))))
        t.anaphoric_denial = true;
    }
    const std::string_view prev = i > 0 ? std::string_view(tokens[i - 1].text) : "";
    // A count and what it counts: "not two cables" negates the count, not the cables.
    const std::vector<std::string> counts = CountsAt(tokens, i);
    t.counts.insert(t.counts.end(), counts.begin(), counts.end());
    if (in_scope && !counts.empty()) {
      t.negated.insert(t.negated.end(), counts.begin(), counts.end());
      in_scope = false;
    }
    // "a mid-April reopening was not realistic": a negated judgement of whether something is
    // so negates the clause's subject, not only the judgement.
    if (IsNegator(tok.text) && next && IsJudgementOfFact(*next))
      t.negated.insert(t.negated.end(), clause_subject.begin(), clause_subject.end());
    if (i > 0 && (w == "that" || w == "and" || w == "but" || w == "because" || w == "while" ||
                  w == "although" ||
                  std::string_view(claim.text)
                          .substr(tokens[i - 1].end, tok.begin - tokens[i - 1].end)
                          .find_first_of(",;:") != std::string_view::npos)) {
      clause_subject.clear();
      subject_open = true;
    }
    if (w == "of" || w == "for" || w == "in" || w == "at" || w == "on" || w == "to" || w == "by" ||
        w == "with" || w == "from")
      subject_open = false;
    // "rather than withdrawing", "instead of leaving" negate what follows.
    if (IsNegator(tok.text) || (w == "than" && prev_is(i, "rather")) ||
        (w == "of" && prev_is(i, "instead"))) {
      in_scope = true;
      continue;
    }
    if (w == "but" || w == "while" || w == "although") in_scope = false;
    // "no further lanes", "no more troops": what is added, not the lanes, is negated.
    if (in_scope &&
        (w == "further" || w == "more" || w == "additional" || w == "other" || w == "new")) {
      in_scope = false;
      continue;
    }
    // "called the figure unacceptable" reports a rejection as much as "rejected the figure".
    if (IsDenialWord(tok.text) || w == "unacceptable") t.reports_denial = true;
    // "US" is the country, not the pronoun the stopword list drops.
    const bool country = w == "us" && claim.text.compare(tok.begin, 2, "US") == 0;
    if ((IsStopword(tok.text) && !country) || tok.text.size() < 2) continue;
    // "personnel are left" means they stay, unlike "troops have left".
    const bool stays = w == "left" && (prev == "are" || prev == "is" || prev == "were" ||
                                       prev == "was" || prev == "be" || prev == "been");
    // "leave 2,500 troops", "leave some advisers", "leave behind": to leave people somewhere is
    // to keep them there ("leave two bases" is still to go).
    bool leaves_behind = false;
    if ((w == "leave" || w == "leaving" || w == "leaves") && next) {
      leaves_behind = nw == "behind";
      for (size_t k = i + 1; k < tokens.size() && k <= i + 4 && !leaves_behind; ++k)
        leaves_behind =
            IsPeopleNoun(tokens[k].text) &&
            (tokens[i + 1].numeric || IsNumberWord(*next) || nw == "some" || nw == "about" ||
             nw == "around" || nw == "several" || nw == "only" || nw == "a");
    }
    // "the remaining presence is due to end": a stay that ends is a departure. A verb, not the
    // noun of "until the end of the year", and not under a negation ("will not end").
    if ((w == "end" || w == "ends" || w == "ended" || w == "ending" || w == "expire" ||
         w == "expires" || w == "expired") &&
        prev != "the" && prev != "an" && prev != "its" && prev != "their" &&
        !(next && nw == "of") && !in_scope && !in_condition)
      ends_stay = true;
    t.stems.push_back(stays || leaves_behind ? ConceptStem("stay") : ConceptStem(tok.text));
    if (subject_open && !tok.numeric && !IsNumberWord(tok.text) && !IsTimeWord(tok.text))
      clause_subject.push_back(t.stems.back());
    if (in_condition) condition_stems.push_back(t.stems.back());
    // Refusing or denying negates what follows ("refused to let Baghdad link", "rejected any
    // description of the drawdown as a withdrawal"); the verb itself stays a term.
    if (IsNegatingVerb(tok.text)) {
      in_scope = true;
      continue;
    }
    if (in_scope) {
      // Numbers, names and verbs of expectation carry the scope on but are not what is negated:
      // "do not see the Americans leaving", "do not anticipate a withdrawal".
      const bool number = tok.numeric || IsNumberWord(tok.text);
      const bool name = std::isupper(static_cast<unsigned char>(claim.text[tok.begin])) && i > 0;
      const bool passes = number || name || PassesNegationOn(t.stems.back());
      if (!passes) t.negated.push_back(t.stems.back());
      in_scope = passes;
    }
  }
  for (auto* v : {&t.stems, &t.negated, &t.counts, &condition_stems}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  // What the claim asserts: its stems less those met only inside an if-clause.
  std::set_difference(t.stems.begin(), t.stems.end(), condition_stems.begin(),
                      condition_stems.end(), std::back_inserter(t.asserted));
  // Antonyms compare what each claim affirms: "rather than withdrawing" is not a withdrawal.
  const std::vector<std::string> affirmed = Affirmed(t);
  const auto& oppositions = Oppositions();
  for (size_t k = 0; k < oppositions.size(); ++k) {
    if (HasAny(affirmed, oppositions[k].left)) t.opposition_left |= 1u << k;
    if (HasAny(affirmed, oppositions[k].right)) t.opposition_right |= 1u << k;
  }
  // Opposition 0 is "leave vs stay": a presence that ends is a leaving.
  if (ends_stay && (t.opposition_right & 1u)) {
    t.opposition_right &= ~1u;
    t.opposition_left |= 1u;
  }
  return t;
}

std::optional<ClaimLink> ClassifyPair(const Claim& a, const ClaimTerms& ta, const Claim& b,
                                      const ClaimTerms& tb, double similarity,
                                      const RelationOptions& options, const PairStance* stance) {
  // Below the linking bar only one relation is possible: two reports of one figure of one named
  // holder agree (below); no cue is read.
  const bool weak = similarity < options.link_min_similarity;
  if (weak && (a.quantities.empty() || b.quantities.empty())) return std::nullopt;
  std::vector<std::string> reasons;
  double cue = 0;  // strength of the contradiction evidence, 0..1

  // A claim with a condition asserts nothing about what the condition says: the rules read only
  // its asserted stems, and a denial is not set against it.
  const bool conditional = ta.conditional || tb.conditional;
  // "X rejected that account": what X denies is in another sentence; the words this claim shares
  // with the other one (X, the setting) say nothing about whether they agree.
  const bool a_denies = a.modality == Modality::kDenial, b_denies = b.modality == Modality::kDenial;
  if ((a_denies && ta.anaphoric_denial) || (b_denies && tb.anaphoric_denial)) return std::nullopt;
  // Polarity: one claim negates a predicate the other affirms ("have not left" / "withdrew").
  // The shared negated predicate is specific evidence, so less similarity is asked for; less
  // still when both claims are about the same stated time ("will not leave Iraq by September
  // 2026" / "the withdrawal is due to be completed by September 2026").
  const bool same_time = std::any_of(a.about.begin(), a.about.end(), [&](const TimeRef& x) {
    return !x.begin.empty() && std::any_of(b.about.begin(), b.about.end(), [&](const TimeRef& y) {
      return x.begin == y.begin && x.end == y.end;
    });
  });
  const double negation_needs =
      same_time ? options.link_min_similarity : options.negation_min_similarity;
  if (a.polarity != b.polarity && similarity >= negation_needs) {
    const bool a_neg = a.polarity == Polarity::kNegated;
    const ClaimTerms& neg = a_neg ? ta : tb;
    const ClaimTerms& pos = a_neg ? tb : ta;
    for (const auto& stem : neg.negated) {
      // A negation inside an if-clause ("if the bridge isn't open") is not asserted.
      if (!std::binary_search(neg.asserted.begin(), neg.asserted.end(), stem) &&
          !std::binary_search(neg.counts.begin(), neg.counts.end(), stem))
        continue;
      const bool affirmed = std::binary_search(pos.asserted.begin(), pos.asserted.end(), stem) ||
                            std::binary_search(pos.counts.begin(), pos.counts.end(), stem);
      if (!affirmed || std::binary_search(pos.negated.begin(), pos.negated.end(), stem)) continue;
      reasons.push_back("negation: " + Quote(stem) + " negated in " + (a_neg ? "A" : "B") +
                        ", affirmed in " + (a_neg ? "B" : "A"));
      cue = std::max(cue, 0.7);
      break;
    }
  }
  // Antonyms compare what each claim affirms (ComputeClaimTerms's opposition bits).
  const auto& oppositions = Oppositions();
  for (size_t k = 0; k < oppositions.size(); ++k) {
    const auto& opp = oppositions[k];
    const uint32_t bit = 1u << k;
    const bool al = ta.opposition_left & bit, ar = ta.opposition_right & bit;
    const bool bl = tb.opposition_left & bit, br = tb.opposition_right & bit;
    if (((al && !ar && br && !bl) || (ar && !al && bl && !br)) &&
        similarity >= options.polarity_min_similarity) {
      // Opposite words under opposite polarity say the same thing ("did not leave" = "stayed"),
      // unless the negation is one the affirmed words already leave out: in "a mid-April
      // reopening was not realistic and the bridge would stay closed" the reopening is negated
      // and the closing stands.
      const ClaimTerms& negated_terms = a.polarity == Polarity::kNegated ? ta : tb;
      const bool negation_read =
          HasAny(negated_terms.negated, opp.left) || HasAny(negated_terms.negated, opp.right);
      if (a.polarity != b.polarity && !negation_read) {
        cue = 0;
        reasons.clear();
        reasons.push_back(std::string("antonym under negation cancels: ") + opp.name);
        break;
      }
      // Under a double negation, or a negation elsewhere in the sentence, the pair says nothing.
      if (a.polarity == Polarity::kNegated && b.polarity == Polarity::kNegated) continue;
      reasons.push_back(std::string("antonym: ") + opp.name);
      cue = std::max(cue, 0.65);
    }
  }
  if (auto n = weak ? std::nullopt : NumberMismatch(a, ta, b, tb)) {
    reasons.push_back(*n);
    cue = std::max(cue, 0.6);
  }
  // The other claim may report the same denial ("..., and rejected Iraq's demand"): no conflict.
  const bool reported_both = a_denies ? tb.reports_denial : ta.reports_denial;
  if (a_denies != b_denies && !conditional && !reported_both &&
      similarity >= options.denial_min_similarity) {
    reasons.push_back("denial: one claim denies, the other asserts");
    cue = std::max(cue, 0.6);
  }

  // One speaker in one article does not contradict themself; the rules misread such pairs.
  if (a.document == b.document && a.speaker == b.speaker && cue > 0) return std::nullopt;

  // The learned model is the costly part of linking: it is asked only where it can change the
  // verdict, i.e. when no rule fired on a pair similar enough for it to judge.
  StanceJudgement model;
  const bool asked = stance && cue == 0 && similarity >= options.polarity_min_similarity;
  if (asked) {
    model = (*stance)(/*with_reasons=*/false);
    if (model.disagree >= options.model_min_probability) {
      model = (*stance)(/*with_reasons=*/true);  // a contradiction shows the model's reasons
      reasons.push_back("stance model: disagree " + std::to_string(model.disagree).substr(0, 4));
      cue = model.disagree * 0.9;
    }
  }

  // The proposition check (issue 10): the surface cues above only propose a contradiction; it
  // stands when the two claims' propositions align — not fragments or unresolved pronouns, not
  // different subject referents, a number only against the same measure of the same holder, a
  // negation only where it scopes over the claim's predicate. Agreement too needs aligned
  // propositions. Otherwise the pair is related at most: no edge.
  // Below the bar of every relation but a contradiction, there is nothing to align.
  if (cue == 0 && similarity < options.polarity_min_similarity &&
      (a.quantities.empty() || b.quantities.empty()))
    return std::nullopt;
  std::optional<PropositionFrame> built_a, built_b;
  if (!ta.frame) built_a = BuildProposition(a, options.wordnet);
  if (!tb.frame) built_b = BuildProposition(b, options.wordnet);
  const PropositionFrame& pa = ta.frame ? *ta.frame : *built_a;
  const PropositionFrame& pb = tb.frame ? *tb.frame : *built_b;
  const Alignment al = Align(pa, pb, options.wordnet, /*with_features=*/false);
  auto all_start = [&](std::string_view prefix) {
    return !reasons.empty() && std::all_of(reasons.begin(), reasons.end(),
                                           [&](const auto& r) { return r.rfind(prefix, 0) == 0; });
  };
  if (cue > 0) {
    const bool numbers_only = all_start("numbers differ");
    // "paid little or no income tax" (the "no" scopes over the tax, not the paying) against
    // "paid little income tax": the negated side's proposition is not negated.
    const bool negation_only = all_start("negation:");
    const PropositionFrame& negated_side = a.polarity == Polarity::kNegated ? pa : pb;
    if (al.fragment || al.subject == Alignment::Match::kDifferent ||
        (numbers_only && !(al.measure_aligned && al.measure_differs)) ||
        (numbers_only && al.same_figure_other_holder) || (negation_only && !negated_side.negated))
      return std::nullopt;
    for (const auto& r : al.reasons) reasons.push_back(r);
  }

  ClaimLink link;
  link.a = a.id;
  link.b = b.id;
  // What an agreement needs beyond shared words: two independent statements (not two sentences
  // of one article, not one outlet's repeated page furniture) whose propositions align — no
  // fragment, no two different subjects, no figure of another holder or measure that differs.
  const bool agreement_aligned = !al.fragment && al.subject != Alignment::Match::kDifferent &&
                                 !(al.same_figure_other_holder && !al.measure_aligned) &&
                                 !(al.measure_differs && !al.measure_agrees) &&
                                 (a.document != b.document || a.document == 0) &&
                                 !(a.source == b.source && a.text == b.text);
  // The same measure with figures within rounding or the stated approximation agrees even where
  // the sentences share few words ("roughly $1 billion" / "$1.14 billion").
  // Of the same holder named in both ("the US maintained about 2,500 troops" / "Washington
  // would keep 2,500 troops"), the figure is enough; of the same subject, some shared content too.
  const bool measure_agreement =
      agreement_aligned && al.measure_agrees && !al.measure_differs &&
      (al.measure_same_holder ||
       (al.subject == Alignment::Match::kSame && similarity >= options.polarity_min_similarity));
  if (cue > 0) {
    link.relation = Relation::kContradict;
    link.score = 1 - (1 - cue) * (1 - 0.5 * model.disagree);
  } else if (agreement_aligned &&
             (similarity >= options.agree_min_similarity || measure_agreement ||
              (asked && model.agree >= options.model_min_probability &&
               similarity >= options.polarity_min_similarity))) {
    link.relation = Relation::kAgree;
    link.score = std::min(1.0, 0.5 * similarity + 0.5 * std::max(similarity, model.agree));
    reasons.clear();
    for (const auto& r : al.reasons) reasons.push_back(r);
    reasons.push_back("shared content " + std::to_string(similarity).substr(0, 4));
    if (stance)
      reasons.push_back("stance model: agree " + std::to_string(model.agree).substr(0, 4));
  } else if (al.rule_fired && al.rule == PairRelation::kUpdate && al.measure_aligned &&
             al.subject == Alignment::Match::kSame && !al.fragment &&
             similarity >= options.polarity_min_similarity) {
    // The same measure of the same subject at different times: a later figure updates it.
    link.relation = Relation::kUpdate;
    link.score = al.rule_score;
    reasons = al.reasons;
  } else {
    return std::nullopt;
  }
  if (link.relation == Relation::kContradict && model.disagree >= 0.3) {
    reasons.push_back("stance model: disagree " + std::to_string(model.disagree).substr(0, 4));
    for (size_t i = 0; i < model.reasons.size() && i < 2; ++i)
      reasons.push_back("model: " + model.reasons[i]);
  }

  // Time relation: claims about different times update each other rather than contradict.
  const auto [a_begin, a_end] = AboutRange(a);
  const auto [b_begin, b_end] = AboutRange(b);
  bool different_time = false;
  std::string time_reason;
  if (!a_begin.empty() && !b_begin.empty()) {
    if (a_end < b_begin || b_end < a_begin) {
      different_time = true;
      time_reason = "different times: " + a_begin + ".." + a_end + " vs " + b_begin + ".." + b_end;
    }
  }
  if (!different_time) {
    if (auto gap = DaysBetween(a.date, b.date); gap && std::labs(*gap) > options.update_gap_days) {
      different_time = true;
      time_reason = "different times: said " + a.date + " vs " + b.date;
    }
  }
  if (link.relation == Relation::kContradict) {
    const Claim& earlier = a.date <= b.date ? a : b;
    const Claim& later = a.date <= b.date ? b : a;
    const auto [e_begin, e_end] = AboutRange(earlier);
    if (earlier.modality == Modality::kForecast && !e_end.empty() && later.date > e_end) {
      link.relation = Relation::kUpdate;
      reasons.insert(reasons.begin(), "resolved forecast: made " + earlier.date + " for " + e_end +
                                          ", contradicted " + later.date);
    } else if (different_time) {
      link.relation = Relation::kUpdate;
      reasons.insert(reasons.begin(), time_reason);
    }
  }
  if (a.document == b.document && a.document != 0 && link.relation == Relation::kContradict) {
    reasons.push_back("within one article: " + (a.speaker.empty() ? a.source : a.speaker) + " vs " +
                      (b.speaker.empty() ? b.source : b.speaker));
  }
  link.reasons = std::move(reasons);
  return link;
}

}  // namespace claimgraph::engine
