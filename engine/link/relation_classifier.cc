#include "engine/link/relation_classifier.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>
#include <utility>

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

// Verbs that pass a negation on to their object: "I do not anticipate a withdrawal" negates the
// withdrawal as much as the anticipating.
bool PassesNegationOn(const std::string& stem) {
  static const std::unordered_set<std::string> kVerbs = [] {
    std::unordered_set<std::string> s;
    for (const char* w : {"anticipate", "expect", "see", "believe", "think", "foresee", "plan",
                          "intend", "want", "consider", "mean", "represent", "involve", "real"})
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
  char buf[64];
  if (q.low == q.high)
    std::snprintf(buf, sizeof buf, "%g", q.low);
  else
    std::snprintf(buf, sizeof buf, "%g-%g", q.low, q.high);
  return q.unit.empty() ? buf : std::string(buf) + " " + q.unit;
}

// A number cue: both claims count the same kind of thing and the counts cannot both be right.
// A number cue: both claims count the same kind of thing, and no count in one agrees with any
// count of that kind in the other ("two of the six lanes" does not contradict "two lanes").
// Durations are left out: "six months of talks" and "three months after" count different things.
std::optional<std::string> NumberMismatch(const Claim& a, const Claim& b) {
  auto usable = [](const Quantity& q) {
    if (LooksLikeYear(q) || q.unit.empty()) return false;
    const std::string cls = UnitClass(q.unit);
    return cls != "day" && cls != "week" && cls != "month" && cls != "year";
  };
  std::optional<std::string> mismatch;
  for (const auto& qa : a.quantities) {
    if (!usable(qa)) continue;
    for (const auto& qb : b.quantities) {
      if (!usable(qb) || UnitClass(qa.unit) != UnitClass(qb.unit)) continue;
      const bool overlap = qa.low <= qb.high * 1.1 && qb.low <= qa.high * 1.1;
      if (overlap) return std::nullopt;
      if (!mismatch) mismatch = "numbers differ: " + FormatRange(qa) + " vs " + FormatRange(qb);
    }
  }
  return mismatch;
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

ClaimTerms ComputeClaimTerms(const Claim& claim) {
  ClaimTerms t;
  bool in_scope = false;  // the next content word is negated ("not left", "no withdrawal")
  std::string previous;
  for (const auto& tok : Tokenize(claim.text)) {
    const std::string prev = std::exchange(previous, tok.text);
    if (IsNegator(tok.text)) {
      in_scope = true;
      continue;
    }
    if (tok.text == "but" || tok.text == "while" || tok.text == "although") in_scope = false;
    // "US" is the country, not the pronoun the stopword list drops.
    const bool country = tok.text == "us" && claim.text.compare(tok.begin, 2, "US") == 0;
    if ((IsStopword(tok.text) && !country) || tok.text.size() < 2) continue;
    // "personnel are left" means they stay, unlike "troops have left".
    const bool stays = tok.text == "left" && (prev == "are" || prev == "is" || prev == "were" ||
                                              prev == "was" || prev == "be" || prev == "been");
    t.stems.push_back(stays ? ConceptStem("stay") : ConceptStem(tok.text));
    if (in_scope) {
      // Numbers and verbs of expectation carry the scope on but are not what is negated.
      if (!tok.numeric && !PassesNegationOn(t.stems.back())) t.negated.push_back(t.stems.back());
      // "not two cables", "do not anticipate a withdrawal": the scope runs on.
      in_scope = tok.numeric || PassesNegationOn(t.stems.back());
    }
  }
  for (auto* v : {&t.stems, &t.negated}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return t;
}

std::optional<ClaimLink> ClassifyPair(const Claim& a, const ClaimTerms& ta, const Claim& b,
                                      const ClaimTerms& tb, double similarity,
                                      const RelationOptions& options,
                                      const StanceFunction* stance) {
  if (similarity < options.link_min_similarity) return std::nullopt;
  std::vector<std::string> reasons;
  double cue = 0;  // strength of the contradiction evidence, 0..1

  // Polarity: one claim negates a predicate the other affirms ("have not left" / "withdrew").
  // The shared negated predicate is specific evidence, so less similarity is asked for.
  if (a.polarity != b.polarity && similarity >= options.negation_min_similarity) {
    const bool a_neg = a.polarity == Polarity::kNegated;
    const ClaimTerms& neg = a_neg ? ta : tb;
    const ClaimTerms& pos = a_neg ? tb : ta;
    for (const auto& stem : neg.negated) {
      if (!std::binary_search(pos.stems.begin(), pos.stems.end(), stem) ||
          std::binary_search(pos.negated.begin(), pos.negated.end(), stem))
        continue;
      reasons.push_back("negation: " + Quote(stem) + " negated in " + (a_neg ? "A" : "B") +
                        ", affirmed in " + (a_neg ? "B" : "A"));
      cue = std::max(cue, 0.7);
      break;
    }
  }
  for (const auto& opp : Oppositions()) {
    const bool al = HasAny(ta.stems, opp.left), ar = HasAny(ta.stems, opp.right);
    const bool bl = HasAny(tb.stems, opp.left), br = HasAny(tb.stems, opp.right);
    if (((al && !ar && br && !bl) || (ar && !al && bl && !br)) &&
        similarity >= options.polarity_min_similarity) {
      // Opposite words under opposite polarity say the same thing ("did not leave" = "stayed").
      if (a.polarity != b.polarity) {
        cue = 0;
        reasons.clear();
        reasons.push_back(std::string("antonym under negation cancels: ") + opp.name);
        break;
      }
      // Under a double negation, or a negation elsewhere in the sentence, the pair says nothing.
      if (a.polarity == Polarity::kNegated) continue;
      reasons.push_back(std::string("antonym: ") + opp.name);
      cue = std::max(cue, 0.65);
    }
  }
  if (auto n = NumberMismatch(a, b)) {
    reasons.push_back(*n);
    cue = std::max(cue, 0.6);
  }
  if ((a.modality == Modality::kDenial) != (b.modality == Modality::kDenial) &&
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
    model = (*stance)(a.text, b.text);
    if (model.disagree >= options.model_min_probability) {
      reasons.push_back("stance model: disagree " + std::to_string(model.disagree).substr(0, 4));
      cue = model.disagree * 0.9;
    }
  }

  ClaimLink link;
  link.a = a.id;
  link.b = b.id;
  if (cue > 0) {
    link.relation = Relation::kContradict;
    link.score = 1 - (1 - cue) * (1 - 0.5 * model.disagree);
  } else if (similarity >= options.agree_min_similarity ||
             (asked && model.agree >= options.model_min_probability &&
              similarity >= options.polarity_min_similarity)) {
    link.relation = Relation::kAgree;
    link.score = std::min(1.0, 0.5 * similarity + 0.5 * std::max(similarity, model.agree));
    reasons.clear();
    reasons.push_back("same proposition: shared content " +
                      std::to_string(similarity).substr(0, 4));
    if (stance)
      reasons.push_back("stance model: agree " + std::to_string(model.agree).substr(0, 4));
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
