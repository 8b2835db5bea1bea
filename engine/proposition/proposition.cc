#include "engine/proposition/proposition.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "engine/extract/alias_table.h"
#include "engine/text/quantity.h"
#include "engine/text/stemmer.h"
#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

// Closed classes: auxiliaries, negators, reporting verbs, approximators, pronouns, months.
bool IsAuxiliary(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "is",   "are",   "was",   "were",  "be",   "been",   "being", "am",    "has",
      "have", "had",   "do",    "does",  "did",  "will",   "would", "shall", "should",
      "can",  "could", "may",   "might", "must", "having", "'s",    "'re",   "'ve",
      "'ll",  "'d",    "going", "got",   "get",  "gets"};
  return k.count(w) > 0;
}
bool IsNegator(std::string_view w) {
  return w == "not" || w == "never" || w == "no" || w == "cannot" || w == "nobody" || w == "none" ||
         w == "nothing" || w == "neither" || w == "nor" || w.ends_with("n't");
}
bool IsReportingVerb(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "said",      "says",         "say",      "told",      "tells",     "claimed",   "claims",
      "insisted",  "insists",      "argued",   "argues",    "added",     "noted",     "stated",
      "announced", "wrote",        "tweeted",  "asserted",  "contended", "suggested", "explained",
      "reported",  "acknowledged", "admitted", "testified", "alleged",   "alleges",   "warned"};
  return k.count(w) > 0;
}
bool IsDenialWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "deny",    "denied",     "denies",   "denying", "reject",  "rejected", "rejects",
      "dispute", "disputed",   "disputes", "refute",  "refuted", "false",    "untrue",
      "wrong",   "misleading", "debunked", "lie",     "lied",    "baseless", "inaccurate"};
  return k.count(w) > 0;
}
bool IsHedge(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "may",    "might",   "could",    "reportedly", "allegedly", "possibly", "perhaps",
      "likely", "appears", "appeared", "seems",      "seemed",    "suggests", "suggested"};
  return k.count(w) > 0;
}
bool IsForecast(std::string_view w) {
  return w == "will" || w == "would" || w == "plans" || w == "plan" || w == "expects" ||
         w == "expected" || w == "promised" || w == "vowed" || w == "pledged" || w == "going";
}
bool IsPronoun(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "he",  "she",   "it",   "they", "we",    "i",     "you", "his",  "her",
      "its", "their", "this", "that", "these", "those", "him", "them", "who"};
  return k.count(w) > 0;
}
bool IsDeterminer(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "a",    "an",   "the",  "his",   "her",   "its",  "their", "our",   "my",
      "your", "this", "that", "these", "those", "some", "any",   "every", "each",
      "of",   "in",   "on",   "at",    "for",   "by",   "with",  "from",  "to"};
  return k.count(w) > 0;
}
// Words that mark a figure as approximate or bounded, and how.
std::string ApproximationOf(std::string_view prev, std::string_view prev2) {
  static const std::unordered_set<std::string_view> kAbout = {
      "about", "around",    "roughly", "approximately", "nearly", "almost",
      "some",  "estimated", "close",   "circa",         "just",   "upwards"};
  if ((prev2 == "more" || prev2 == "greater" || prev2 == "higher") && prev == "than")
    return "more than";
  if ((prev2 == "less" || prev2 == "fewer" || prev2 == "lower") && prev == "than")
    return "less than";
  if (prev2 == "at" && prev == "least") return "more than";
  if (prev2 == "at" && prev == "most") return "less than";
  if (prev2 == "up" && prev == "to") return "less than";
  if (prev == "over" || prev == "above") return "more than";
  if (prev == "under" || prev == "below") return "less than";
  if (kAbout.count(prev) || (prev2 == "close" && prev == "to")) return "about";
  return {};
}
int MonthOf(std::string_view w) {
  static const char* kMonths[] = {"january",   "february", "march",    "april",
                                  "may",       "june",     "july",     "august",
                                  "september", "october",  "november", "december"};
  for (int i = 0; i < 12; ++i)
    if (w == kMonths[i]) return i + 1;
  return 0;
}

// Unit classes: units that name one kind of thing compare.
std::string UnitClass(std::string_view unit) {
  static const std::unordered_map<std::string, std::string> kClasses = [] {
    const std::pair<const char*, const char*> words[] = {{"troops", "personnel"},
                                                         {"soldiers", "personnel"},
                                                         {"personnel", "personnel"},
                                                         {"forces", "personnel"},
                                                         {"advisers", "personnel"},
                                                         {"staff", "personnel"},
                                                         {"dollars", "usd"},
                                                         {"usd", "usd"},
                                                         {"$", "usd"},
                                                         {"million", "usd"},
                                                         {"billion", "usd"},
                                                         {"percent", "percent"},
                                                         {"%", "percent"},
                                                         {"points", "point"},
                                                         {"point", "point"},
                                                         {"delegates", "delegate"},
                                                         {"votes", "vote"},
                                                         {"people", "people"},
                                                         {"pounds", "gbp"},
                                                         {"euros", "eur"}};
    std::unordered_map<std::string, std::string> m;
    for (const auto& [w, c] : words) m.emplace(Stem(w), c);
    return m;
  }();
  const std::string folded = FoldCase(unit);
  if (folded.find('$') != std::string::npos) return "usd";
  if (folded.find('%') != std::string::npos) return "percent";
  auto it = kClasses.find(Stem(folded));
  return it == kClasses.end() ? Stem(folded) : it->second;
}

// Domain domain_class classes the general WordNet classes miss (the seed corpus's "withdraw"
// family; hand-kept, closed, after relation_classifier.cc).
std::string DomainConcept(std::string_view lemma) {
  static const std::unordered_map<std::string_view, std::string_view> k = {
      {"leave", "withdraw"},    {"depart", "withdraw"},   {"exit", "withdraw"},
      {"pull", "withdraw"},     {"drawdown", "withdraw"}, {"evacuate", "withdraw"},
      {"withdraw", "withdraw"}, {"remain", "stay"},       {"stay", "stay"},
      {"keep", "stay"},         {"finish", "complete"},   {"complete", "complete"},
      {"conclude", "complete"}, {"end", "complete"}};
  auto it = k.find(lemma);
  return it == k.end() ? std::string() : std::string(it->second);
}
// Opposed domain concepts: one claim's predicate class against the other's.
bool DomainOpposed(std::string_view a, std::string_view b) {
  return (a == "withdraw" && b == "stay") || (a == "stay" && b == "withdraw");
}

bool Capitalised(std::string_view text, const Token& t) {
  return t.begin < text.size() && std::isupper(static_cast<unsigned char>(text[t.begin]));
}

std::vector<std::string> SortedUnique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

size_t Intersection(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

std::string LastWord(std::string_view name) {
  const size_t sp = name.rfind(' ');
  return FoldCase(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

// Two names for one referent: equal, or one a single word that ends the other ("Clinton" /
// "Hillary Clinton"); "Bill Clinton" and "Hillary Clinton" are two people.
bool SameReferent(std::string_view a, std::string_view b) {
  const std::string fa = FoldCase(a), fb = FoldCase(b);
  if (fa == fb) return true;
  // Aliases of one entity: "US" = "United States" = "American" (engine/extract/alias_table.h).
  static const AliasTable kAliases = AliasTable::Default();
  const std::string ca = kAliases.Canonical(a), cb = kAliases.Canonical(b);
  if (!ca.empty() && ca == cb) return true;
  if (!ca.empty() && !cb.empty()) return false;
  const bool single_a = fa.find(' ') == std::string::npos,
             single_b = fb.find(' ') == std::string::npos;
  if (single_a && LastWord(fb) == fa) return true;
  if (single_b && LastWord(fa) == fb) return true;
  return false;
}

}  // namespace

std::string_view ToString(PairRelation r) {
  switch (r) {
    case PairRelation::kAgree:
      return "agree";
    case PairRelation::kContradict:
      return "contradict";
    case PairRelation::kUpdate:
      return "update";
    case PairRelation::kRelated:
      return "related";
    case PairRelation::kUnrelated:
      return "unrelated";
  }
  return "related";
}

bool ParsePairRelation(std::string_view name, PairRelation* out) {
  for (int i = 0; i < kNumPairRelations; ++i) {
    if (ToString(static_cast<PairRelation>(i)) == name) {
      *out = static_cast<PairRelation>(i);
      return true;
    }
  }
  return false;
}

std::string PropositionFrame::Summary() const {
  std::string s = subject.empty() ? (pronoun_subject ? "(pronoun)" : "(none)") : subject;
  s += " | ";
  if (negated) s += "NOT ";
  s += predicate.empty() ? "(no predicate)" : predicate;
  if (!predicate_class.empty() && predicate_class != predicate) s += " (" + predicate_class + ")";
  if (!object_stems.empty()) {
    s += " |";
    for (size_t i = 0; i < object_stems.size() && i < 6; ++i) s += " " + object_stems[i];
  }
  for (const auto& q : quantities) {
    s += " | " + q.text + " [" + q.unit;
    for (const auto& m : q.measure) s += " " + m;
    if (!q.holder.empty()) s += " of " + q.holder;
    s += "]";
  }
  if (!times.empty()) {
    s += " | time";
    for (const auto& t : times) s += " " + t;
  }
  if (!attribution.empty()) s += " | per " + attribution;
  return s;
}

PropositionFrame BuildProposition(std::string_view text, const WordNet* wordnet,
                                  std::string_view speaker) {
  PropositionFrame p;
  const bool wn = wordnet != nullptr && !wordnet->empty();
  const std::vector<Token> tokens = Tokenize(text);
  p.tokens = tokens.size();
  // Names: runs of capitalised tokens (a sentence-initial function word is not a name).
  std::vector<int> entity_of(tokens.size(), -1);
  // A capitalised token that can be part of a name: not a function word, number word, negator,
  // month or the first person.
  auto name_token = [&](size_t i) {
    const std::string& w = tokens[i].text;
    double number;
    return Capitalised(text, tokens[i]) && !tokens[i].numeric && !IsStopword(w) && !IsPronoun(w) &&
           !IsNegator(w) && !ParseNumberWord(w, &number) && MonthOf(w) == 0 && w != "i";
  };
  // Tokens of one name are separated by spaces only ("Baghdad – The" is two).
  auto joined = [&](size_t i) {
    for (size_t c = tokens[i - 1].end; c < tokens[i].begin; ++c)
      if (text[c] != ' ') return false;
    return true;
  };
  for (size_t i = 0; i < tokens.size();) {
    if (!name_token(i)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < tokens.size() && name_token(j) && joined(j)) ++j;
    // A single capitalised word opening the sentence is a name only if WordNet does not know it
    // as a verb or adjective ("Rumours are going round", "Asked if ...").
    if (i == 0 && j == 1 && wordnet != nullptr && !wordnet->empty() &&
        !(tokens.size() > 1 && IsReportingVerb(tokens[1].text)) &&
        (!wordnet->Lemma(tokens[0].text, WordNet::kVerb).empty() ||
         !wordnet->Lemma(tokens[0].text, WordNet::kAdjective).empty())) {
      i = j;
      continue;
    }
    std::string name(text.substr(tokens[i].begin, tokens[j - 1].end - tokens[i].begin));
    const int id = static_cast<int>(p.entities.size());
    p.entities.push_back(name);
    for (size_t k = i; k < j; ++k) entity_of[k] = id;
    i = j;
  }
  // The reported frame: "X said (that) ...", "..., X said", "according to X".
  size_t first = 0, last = tokens.size();  // the asserted clause
  // A dateline ("Baghdad – The withdrawal ...") is not the subject.
  for (size_t i = 1; i < tokens.size() && i < 4; ++i) {
    const std::string_view gap =
        text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
    if (gap.find("\xE2\x80\x93") != std::string_view::npos ||
        gap.find("\xE2\x80\x94") != std::string_view::npos ||
        gap.find(" - ") != std::string_view::npos) {
      first = i;
      break;
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].text;
    if (w == "according" && i + 1 < tokens.size() && tokens[i + 1].text == "to") {
      p.reports_view = true;
      for (size_t k = i + 2; k < tokens.size() && k < i + 6; ++k)
        if (entity_of[k] >= 0) {
          p.attribution = p.entities[entity_of[k]];
          break;
        }
      if (i > tokens.size() / 2)
        last = i;
      else
        first = std::min(tokens.size(), i + 4);
      break;
    }
    if (IsReportingVerb(w)) {
      p.reports_view = true;
      for (size_t k = i; k-- > 0 && k + 5 > i;)
        if (entity_of[k] >= 0) {
          p.attribution = p.entities[entity_of[k]];
          break;
        }
      if (p.attribution.empty() && i + 1 < tokens.size() && entity_of[i + 1] >= 0)
        p.attribution = p.entities[entity_of[i + 1]];
      if (i < tokens.size() / 2) {
        first = i + 1;
        if (first < tokens.size() && tokens[first].text == "that") ++first;
      } else {
        last = i;
        while (last > first && (entity_of[last - 1] >= 0 || IsPronoun(tokens[last - 1].text)))
          --last;
      }
      break;
    }
  }
  if (!speaker.empty()) {
    p.attribution = std::string(speaker);
    p.reports_view = true;
  }
  // Predicate: the first verb after the subject, past auxiliaries; a negation before it (within
  // the auxiliaries) governs it.
  size_t pred = tokens.size();
  bool saw_aux = false;
  for (size_t i = first; i < last; ++i) {
    const std::string& w = tokens[i].text;
    if (w == "if" || w == "unless") p.conditional = true;
    if (IsHedge(w)) p.modality = Modality::kHedged;
    if (IsForecast(w) && p.modality == Modality::kAsserted) p.modality = Modality::kForecast;
    if (IsDenialWord(w)) p.denies = true;
    if (tokens[i].numeric || entity_of[i] >= 0) continue;
    // "little or no tax", "few or no": a bound on an amount, not a negation.
    const bool amount_bound = w == "no" && i > 0 &&
                              (tokens[i - 1].text == "or" || tokens[i - 1].text == "little" ||
                               tokens[i - 1].text == "few");
    if (amount_bound) continue;
    if (IsNegator(w)) {
      if (pred == tokens.size()) {
        p.negated = true;
        p.negator = w;
      }
      continue;
    }
    if (IsAuxiliary(w)) {
      saw_aux = true;
      continue;
    }
    if (pred != tokens.size()) continue;
    // "US-led": a participle glued to a name is not the predicate.
    if (tokens[i].begin > 0 && text[tokens[i].begin - 1] == '-') continue;
    const std::string_view prev = i > first ? std::string_view(tokens[i - 1].text) : "";
    const bool after_det = i > first && IsDeterminer(prev);
    std::string lemma = wn ? wordnet->Lemma(w, WordNet::kVerb) : std::string();
    if (lemma.empty() || after_det || IsStopword(w)) continue;
    // A verb by its position: after an auxiliary, a negation, "to", a pronoun or a name, or in
    // a past form; a copula's complement ("is complete", "is not a withdrawal") is read below.
    const bool after_aux = i > first && (IsAuxiliary(prev) || IsNegator(prev) || prev == "to");
    const bool past = w.ends_with("ed") || lemma != w;
    // "Sanders' campaign received": a possessive name is not the subject of the next word.
    const std::string_view gap_before =
        i > 0 ? text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end)
              : std::string_view();
    const bool possessive = gap_before.find('\'') != std::string_view::npos ||
                            gap_before.find("\xE2\x80\x99") != std::string_view::npos ||
                            prev == "'s";
    const bool after_subject =
        i > first && !possessive &&
        (IsPronoun(prev) || prev == "i" || prev == "we" || entity_of[i - 1] >= 0);
    if (after_aux && (prev == "is" || prev == "are" || prev == "was" || prev == "were") &&
        !w.ends_with("ing") && !w.ends_with("ed") && wordnet->Lemma(w, WordNet::kAdjective) == w)
      continue;  // "is complete": the copula's complement, below
    // A noun heading the subject: "US troops had not left", "forces have".
    const std::string_view next = i + 1 < last ? std::string_view(tokens[i + 1].text) : "";
    if (IsAuxiliary(next) || IsNegator(next)) continue;
    // Number words are not predicates ("million" is no form of "mill").
    double number_value;
    if (ParseNumberWord(w, &number_value) || (i > 0 && tokens[i - 1].numeric)) continue;
    // "The council put the bill": a verb between a content word and a determiner.
    const bool before_object = i > first && !IsStopword(prev) && !tokens[i - 1].numeric &&
                               (next == "the" || next == "a" || next == "an" || next == "its" ||
                                next == "his" || next == "her" || next == "their");
    if (after_aux || after_subject || before_object || (past && !w.ends_with("s"))) {
      pred = i;
      p.predicate = lemma;
    }
  }
  if (pred == tokens.size() && saw_aux) {
    // A copula: "the withdrawal is complete" -> complete; "is not a withdrawal" -> withdraw.
    p.predicate = "be";
    for (size_t i = first; i < last; ++i) {
      if (!IsAuxiliary(tokens[i].text)) continue;
      pred = i;
      for (size_t k = i + 1; k < last && k < i + 5; ++k) {
        const std::string& w = tokens[k].text;
        if (IsNegator(w)) {
          p.negated = true;
          p.negator = w;
          continue;
        }
        if (IsStopword(w) || IsAuxiliary(w) || w == "now" || w == "still" || w == "also") continue;
        std::string lemma = wn ? wordnet->Lemma(w, WordNet::kVerb) : std::string();
        if (lemma.empty() && wn) lemma = wordnet->Lemma(w, WordNet::kAdjective);
        if (!lemma.empty()) p.predicate = lemma;
        break;
      }
      break;
    }
  }
  if (!p.predicate.empty()) {
    std::string domain_class = DomainConcept(p.predicate);
    p.predicate_class = !domain_class.empty() ? domain_class
                        : wn                  ? wordnet->ClassName(p.predicate, WordNet::kVerb)
                                              : p.predicate;
  }
  // "no withdrawal", "there is no ...": a negated object negates the proposition.
  for (size_t i = first; i + 1 < last; ++i)
    if (tokens[i].text == "no" && !p.negated && pred != tokens.size() && i > pred &&
        tokens[i - 1].text != "or" && tokens[i - 1].text != "little") {
      p.negated = true;
      p.negator = "no";
    }
  // Subject: the first name before the predicate, else the last content word before it.
  size_t subject_end = pred == tokens.size() ? std::min(last, first + 4) : pred;
  // The subject's head phrase ends at its first preposition: "the withdrawal of the coalition's
  // forces from Iraq" is about the withdrawal, not Iraq.
  for (size_t i = first + 1; i < subject_end; ++i) {
    const std::string& w = tokens[i].text;
    if (w == "of" || w == "from" || w == "in" || w == "on" || w == "at" || w == "for" ||
        w == "with" || w == "by" || w == "to" || w == "under" || w == "after" || w == "before") {
      subject_end = i;
      break;
    }
  }
  for (size_t i = first; i < subject_end; ++i) {
    if (entity_of[i] >= 0) {
      p.subject = p.entities[entity_of[i]];
      p.subject_named = true;
      break;
    }
  }
  if (p.subject.empty()) {
    for (size_t i = subject_end; i-- > first;) {
      const std::string& w = tokens[i].text;
      if (IsPronoun(w) || w == "i" || w == "we" || w == "us") {
        const bool third_person = w == "he" || w == "she" || w == "they" || w == "it" ||
                                  w == "him" || w == "them" || w == "his" || w == "its";
        // "I", "we": the speaker, when the claim is attributed; other pronouns stay unresolved
        // until coreference (issue 9) lands.
        if ((w == "i" || w == "we") && !p.attribution.empty()) {
          p.subject = p.attribution;
          p.subject_named = true;
        } else {
          p.pronoun_subject = third_person;
        }
        break;
      }
      if (!IsStopword(w) && !tokens[i].numeric && !IsAuxiliary(w) && !IsNegator(w)) {
        p.subject = w;
        break;
      }
    }
  }
  for (size_t i = first; i < subject_end; ++i)
    if (!IsStopword(tokens[i].text) && !tokens[i].numeric)
      p.subject_stems.push_back(Stem(tokens[i].text));
  p.subject_stems = SortedUnique(std::move(p.subject_stems));
  // Object and content words; the predicate's lemma stands for its surface form.
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].text;
    if (IsStopword(w) || IsAuxiliary(w) || IsNegator(w) || w.size() < 2) continue;
    if (tokens[i].numeric) continue;
    std::string stem = Stem(w);
    if (wn) {
      const std::string lemma = wordnet->Lemma(w, WordNet::kVerb);
      const std::string domain_class = lemma.empty() ? std::string() : DomainConcept(lemma);
      if (!domain_class.empty()) stem = domain_class;
    }
    p.content.push_back(stem);
    if (i > pred && i >= first && i < last && pred != tokens.size()) p.object_stems.push_back(stem);
  }
  p.content = SortedUnique(std::move(p.content));
  p.object_stems = SortedUnique(std::move(p.object_stems));
  // The object as written: the words after the predicate up to a clause break, at most eight.
  if (pred + 1 < last) {
    size_t end = pred + 1;
    while (end < last && end < pred + 9) {
      const std::string_view gap =
          end > pred + 1 ? text.substr(tokens[end - 1].end, tokens[end].begin - tokens[end - 1].end)
                         : std::string_view();
      if (gap.find_first_of(",;:(") != std::string_view::npos) break;
      if (tokens[end].text == "and" || tokens[end].text == "but" || tokens[end].text == "while" ||
          tokens[end].text == "because")
        break;
      ++end;
    }
    if (end > pred + 1)
      p.object_text = std::string(
          text.substr(tokens[pred + 1].begin, tokens[end - 1].end - tokens[pred + 1].begin));
  }
  // Times: years and months named.
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].text;
    if (tokens[i].numeric && w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
        (w.starts_with("19") || w.starts_with("20")))
      p.times.push_back(w);
    else if (MonthOf(w) && Capitalised(text, tokens[i]) && w != "may")
      p.times.push_back(w);
  }
  p.times = SortedUnique(std::move(p.times));
  // Quantities with their measure and holder.
  for (const Quantity& q : FindQuantities(text)) {
    if (q.low >= 1900 && q.low <= 2100 && q.low == q.high && q.unit.empty()) continue;  // a year
    MeasuredQuantity m;
    m.low = q.low;
    m.high = q.high;
    m.value = q.low;
    m.text = q.text;
    m.unit =
        q.unit.empty() ? (q.text.find('$') != std::string::npos ? "usd" : "") : UnitClass(q.unit);
    if (m.unit.empty() && q.text.find('%') != std::string::npos) m.unit = "percent";
    if (q.low != q.high) m.approximation = "range";
    const size_t at = text.find(q.text);
    size_t ti = 0;
    while (ti < tokens.size() && tokens[ti].end <= at) ++ti;
    if (ti >= 2)
      m.approximation = m.approximation.empty()
                            ? ApproximationOf(tokens[ti - 1].text, tokens[ti - 2].text)
                            : m.approximation;
    else if (ti == 1)
      m.approximation =
          m.approximation.empty() ? ApproximationOf(tokens[0].text, "") : m.approximation;
    // What is counted: content words right after the figure ("percent of Latino voters").
    size_t after = ti;
    while (after < tokens.size() && tokens[after].begin < at + q.text.size()) ++after;
    size_t measure_end = after;
    for (size_t k = after; k < tokens.size() && k < after + 5; ++k) {
      const std::string& w = tokens[k].text;
      if (tokens[k].numeric || w == "and" || w == "while" || w == "but" || w == "to") break;
      if (k > after && text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end)
                               .find_first_of(",;:") != std::string_view::npos)
        break;
      if (!IsStopword(w) && !IsNegator(w)) {
        m.measure.push_back(Stem(w));
        measure_end = k + 1;
      }
    }
    if (measure_end > after)
      m.measure_text = std::string(
          text.substr(tokens[after].begin, tokens[measure_end - 1].end - tokens[after].begin));
    m.measure = SortedUnique(std::move(m.measure));
    // Holder: the nearest name before the figure in the same clause.
    for (size_t k = ti; k-- > 0 && k + 10 > ti;) {
      if (tokens[k].text == "while" || tokens[k].text == "compared") break;
      // A comma ends the clause: in "behind John Kasich in Utah, getting just 14 percent" the
      // figure is the subject's, not Utah's.
      if (k + 1 < tokens.size() &&
          text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end).find(',') !=
              std::string_view::npos)
        break;
      if (entity_of[k] >= 0) {
        m.holder = p.entities[entity_of[k]];
        break;
      }
    }
    // Stated approximation widens the value; plain figures get a rounding tolerance.
    if (m.approximation == "about") {
      m.low *= 0.85, m.high *= 1.15;
    } else if (m.approximation == "more than") {
      m.high = m.high * 1.5 + 1;
    } else if (m.approximation == "less than") {
      m.low = 0;
    } else {
      m.low *= 0.97, m.high *= 1.03;
    }
    p.quantities.push_back(std::move(m));
  }
  const size_t content_tokens = p.content.size();
  // Too little to assert anything: a citation label, a number without its sentence.
  p.fragment = (content_tokens < 2 && p.quantities.empty()) ||
               (wn && p.predicate.empty() && p.quantities.empty()) ||
               // "5 billion estimated by Forbes.": the tail of "$4.5 billion" split at its point
               // "5million contributions to ...": a figure's tail glued to its unit
               (!tokens.empty() && !tokens[0].numeric && !text.empty() &&
                std::isdigit(static_cast<unsigned char>(text[0])) &&
                std::isalpha(static_cast<unsigned char>(tokens[0].text.back()))) ||
               (!tokens.empty() && tokens[0].numeric && !text.empty() &&
                std::isdigit(static_cast<unsigned char>(text[0])) &&
                !(tokens[0].text.size() == 4 && tokens.size() > 1 && !tokens[1].numeric &&
                  (tokens[0].text.starts_with("19") || tokens[0].text.starts_with("20"))));
  return p;
}

PropositionFrame BuildProposition(const Claim& claim, const WordNet* wordnet) {
  PropositionFrame p = BuildProposition(claim.text, wordnet, claim.speaker);
  p.modality = claim.modality;
  const bool wn = wordnet != nullptr && !wordnet->empty();
  // The parse's frame (claim_frame.cc), where the claim has one, replaces the positional reading.
  if (!claim.subject.empty()) {
    p.subject = claim.subject;
    p.subject_named = std::isupper(static_cast<unsigned char>(claim.subject[0])) != 0;
    p.pronoun_subject = false;
    p.subject_stems.clear();
    for (const auto& w : TokenStrings(claim.subject))
      if (!IsStopword(w)) p.subject_stems.push_back(Stem(w));
    p.subject_stems = SortedUnique(std::move(p.subject_stems));
  }
  // A sentence-initial name WordNet also knows as a verb ("Trump finished third"): the
  // extractor's entities say it is a name.
  if (claim.subject.empty() && !p.subject.empty() && !p.subject_named) {
    for (const auto& e : claim.entities) {
      if (LastWord(e) == FoldCase(p.subject)) {
        p.subject = e;
        p.subject_named = true;
        break;
      }
    }
  }
  const bool parsed = !claim.predicate.empty();
  if (parsed && claim.predicate != p.predicate) {
    p.predicate = claim.predicate;
    std::string domain_class = DomainConcept(p.predicate);
    p.predicate_class = !claim.predicate_class.empty() ? claim.predicate_class
                        : !domain_class.empty()        ? domain_class
                        : wn ? wordnet->ClassName(p.predicate, WordNet::kVerb)
                             : p.predicate;
  }
  if (!claim.object.empty()) {
    p.object_text = claim.object;
    p.object_stems.clear();
    for (const auto& w : TokenStrings(claim.object))
      if (!IsStopword(w) && !IsNegator(w) && w.size() > 1) p.object_stems.push_back(Stem(w));
    p.object_stems = SortedUnique(std::move(p.object_stems));
  }
  if (parsed) {
    // A negation counts for the proposition only when it scopes over its predicate: "federal law
    // does not require disclosure" negates "require", "no troops" negates the noun.
    p.negated = !claim.negation.empty() &&
                (claim.negation_scope.empty() || claim.negation_scope == claim.predicate);
    p.negator = p.negated ? claim.negation : std::string();
  }
  // Without a parse the frame's own reading of the negation stands: the extractor's polarity
  // says a negator is in the sentence, not that it governs the predicate ("little or no tax").
  // Measures the parse found for the claim's quantities.
  for (auto& m : p.quantities) {
    for (const Quantity& q : claim.quantities) {
      if (q.text != m.text || q.measure.empty()) continue;
      m.measure_text = q.measure;
      m.measure.clear();
      for (const auto& w : TokenStrings(q.measure))
        if (!IsStopword(w) && !IsNegator(w)) m.measure.push_back(Stem(w));
      m.measure = SortedUnique(std::move(m.measure));
    }
  }
  for (const auto& t : claim.about) {
    if (t.begin.size() >= 4) p.times.push_back(t.begin.substr(0, 7));
  }
  if (p.times.empty() && claim.date.size() >= 7) p.times.push_back(claim.date.substr(0, 7));
  p.times = SortedUnique(std::move(p.times));
  return p;
}

void FillPropositionFields(Claim* claim, const WordNet* wordnet) {
  const PropositionFrame p = BuildProposition(*claim, wordnet);
  static const AliasTable kAliases = AliasTable::Default();
  if (claim->subject.empty() && !p.subject.empty()) {
    claim->subject_text = p.subject;
    const std::string canonical = p.subject_named ? kAliases.Canonical(p.subject) : std::string();
    claim->subject = canonical.empty() ? p.subject : canonical;
  }
  if (claim->predicate.empty() && !p.predicate.empty()) {
    claim->predicate = p.predicate;
    if (claim->object.empty()) claim->object = p.object_text;
    if (claim->negation.empty() && p.negated) {
      claim->negation = p.negator;
      claim->negation_scope = p.predicate;
    }
  }
  if (claim->predicate_class.empty()) claim->predicate_class = p.predicate_class;
  if (claim->modal.empty() && claim->predicate.empty() == false) {
    // The hedge or forecast word of the claim's own clause, when the parse gave none.
    for (const auto& w : TokenStrings(claim->text)) {
      if ((p.modality == Modality::kHedged && IsHedge(w)) ||
          (p.modality == Modality::kForecast && IsForecast(w))) {
        claim->modal = w;
        break;
      }
    }
  }
  for (Quantity& q : claim->quantities) {
    for (const MeasuredQuantity& m : p.quantities) {
      if (m.text != q.text) continue;
      if (q.measure.empty()) q.measure = m.measure_text;
      if (q.approximation.empty()) q.approximation = m.approximation;
      break;
    }
  }
}

std::string DescribeProposition(const Claim& c) {
  std::string s = c.subject.empty() ? std::string("(no subject)") : c.subject;
  if (!c.subject_text.empty() && FoldCase(c.subject_text) != FoldCase(c.subject))
    s += " (\"" + c.subject_text + "\")";
  s += " \xC2\xB7 ";
  const bool negated =
      !c.negation.empty() && (c.negation_scope.empty() || c.negation_scope == c.predicate);
  if (negated) s += "NOT ";
  if (!c.modal.empty()) s += c.modal + " ";
  s += c.predicate.empty() ? std::string("(no predicate)") : c.predicate;
  if (!c.predicate_class.empty() && c.predicate_class != c.predicate)
    s += " [" + c.predicate_class + "]";
  if (!c.negation.empty() && !negated)
    s += " (\"" + c.negation + "\" scopes over " + c.negation_scope + ")";
  if (!c.object.empty()) s += " \xC2\xB7 " + c.object;
  for (const Quantity& q : c.quantities) {
    s += " \xC2\xB7 " + q.text;
    if (!q.measure.empty() || !q.approximation.empty()) {
      s += " [";
      s += q.measure.empty() ? std::string("?") : q.measure;
      if (!q.approximation.empty()) s += "; " + q.approximation;
      s += "]";
    }
  }
  for (const TimeRef& t : c.about) {
    s += " \xC2\xB7 about " + t.begin;
    if (t.end != t.begin) s += ".." + t.end;
  }
  if (!c.speaker.empty()) s += " \xC2\xB7 per " + c.speaker + (c.own_voice ? "" : " (reported)");
  return s;
}

std::vector<std::string> PropositionKeys(const Claim& c, const WordNet* wordnet) {
  std::vector<std::string> keys;
  const std::string subject = FoldCase(c.subject);
  const std::string predicate =
      FoldCase(c.predicate_class.empty() ? c.predicate : c.predicate_class);
  // Copulas and reporting verbs say little about what a claim is about: their key is the subject
  // with the complement's head instead.
  // The head of a phrase: its last content word before a preposition ("the likely bill at £38
  // million" -> bill; "Iraq in December" -> iraq).
  auto head_of = [](const std::string& phrase) {
    std::string head;
    for (const auto& w : TokenStrings(phrase)) {
      if (!head.empty() && (w == "of" || w == "at" || w == "in" || w == "on" || w == "for" ||
                            w == "to" || w == "from" || w == "by" || w == "with" || w == "behind" ||
                            w == "after" || w == "before" || w == "over"))
        break;
      if (!IsStopword(w) && !IsNegator(w) && w.size() > 1) head = Stem(w);
    }
    return head;
  };
  const std::string object_head = head_of(c.object);
  const std::string lemma = FoldCase(c.predicate);
  const bool light = predicate.empty() || lemma == "be" || lemma == "have" || lemma == "say" ||
                     lemma == "tell" || IsReportingVerb(lemma) || predicate == "be";
  if (!subject.empty()) {
    if (!light)
      keys.push_back("sp:" + subject + "|" + predicate);
    else if (!object_head.empty())
      keys.push_back("sp:" + subject + "|" + predicate + "|" + object_head);
    for (const Quantity& q : c.quantities) {
      const std::string measure_head = head_of(q.measure);
      if (!measure_head.empty() || !q.unit.empty())
        keys.push_back("sm:" + subject + "|" + Stem(FoldCase(q.unit)) + "|" + measure_head);
    }
  }
  if (!light && !object_head.empty()) keys.push_back("ev:" + predicate + "|" + object_head);
  // Events: the predicate's class, and the verb class of a nominalisation in the subject or
  // object ("withdrawal", "departure", "completion": suffixes of English deverbal nouns, the verb
  // from WordNet), each with the claim's arguments — its subject and the entities it names.
  std::vector<std::string> events;
  if (!light) events.push_back(predicate);
  if (wordnet != nullptr && !wordnet->empty()) {
    size_t nominal_events = 0;
    auto event_of = [&](const std::string& phrase) {
      const std::vector<std::string> words = TokenStrings(phrase);
      for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (nominal_events >= 3) return;
        // An infinitive names an event too: "expected to reopen the bridge".
        if (i > 0 && words[i - 1] == "to" && !IsStopword(w) &&
            wordnet->Lemma(w, WordNet::kVerb) == w) {
          const std::string domain = DomainConcept(w);
          events.push_back(domain.empty() ? wordnet->ClassName(w, WordNet::kVerb) : domain);
          ++nominal_events;
          continue;
        }
        if (IsStopword(w)) continue;
        const bool nominal =
            w.size() > 5 && (w.ends_with("al") || w.ends_with("ion") || w.ends_with("ure") ||
                             w.ends_with("ment") || w.ends_with("ing"));
        if (!nominal) continue;
        const std::string lemma = wordnet->Lemma(w, WordNet::kVerb);
        if (lemma.empty()) continue;
        const std::string domain = DomainConcept(lemma);
        events.push_back(domain.empty() ? wordnet->ClassName(lemma, WordNet::kVerb) : domain);
        ++nominal_events;
      }
    };
    // Anywhere in the claim: a positional reading of the sentence often misses which phrase is
    // the subject ("Under the timetable agreed ..., the withdrawal is due to be completed").
    event_of(c.text);
  }
  std::vector<std::string> arguments;
  if (!subject.empty()) arguments.push_back(subject);
  for (size_t i = 0; i < c.entities.size() && i < 4; ++i)
    arguments.push_back(FoldCase(c.entities[i]));
  for (const auto& e : events) {
    for (const auto& arg : arguments) keys.push_back("ev:" + e + "|" + arg);
    // The event at a stated time: "reopen the bridge by mid-April" / "a mid-April reopening".
    for (const TimeRef& t : c.about)
      if (!t.begin.empty()) keys.push_back("et:" + e + "|" + t.begin + ".." + t.end);
  }
  // The same measure whoever holds it (what is counted: "lanes", "percent of the Latino vote"):
  // the relation stage then checks the holder.
  for (const Quantity& q : c.quantities) {
    const std::string unit = q.unit.empty() ? std::string() : UnitClass(q.unit);
    const std::string measure_head = head_of(q.measure);
    const bool count_noun = !unit.empty() && unit != "percent" && unit != "usd" &&
                            unit != "point" && unit != "gbp" && unit != "eur";
    if (count_noun)
      keys.push_back("mu:" + unit);  // the unit is what is counted: "six lanes", "four-lane"
    else if (!unit.empty() && !measure_head.empty())
      keys.push_back("mu:" + unit + "|" + measure_head);
  }
  // The same figure with its unit: how readers find two outlets reporting one poll or total.
  for (const Quantity& q : c.quantities) {
    if (q.unit.empty() || q.low <= 0) continue;
    char value[32];
    std::snprintf(value, sizeof value, "%.6g", q.low);
    keys.push_back("fig:" + UnitClass(q.unit) + "|" + value);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Alignment Align(const PropositionFrame& a, const PropositionFrame& b, const WordNet* wordnet,
                bool with_features) {
  Alignment al;
  const bool wn = wordnet != nullptr && !wordnet->empty();
  auto& f = al.features;
  const double na = static_cast<double>(a.content.size()),
               nb = static_cast<double>(b.content.size());
  const double shared = static_cast<double>(Intersection(a.content, b.content));
  const double oa = na > 0 ? shared / na : 0, ob = nb > 0 ? shared / nb : 0;
  al.overlap = std::min(oa, ob);
  // Subject referent.
  if (!a.subject.empty() && !b.subject.empty()) {
    if (a.subject_named && b.subject_named) {
      al.subject = SameReferent(a.subject, b.subject) ? Alignment::Match::kSame
                                                      : Alignment::Match::kDifferent;
    } else if (a.subject_named || b.subject_named) {
      // A name against a common noun: the same referent only if the name's words appear in the
      // other subject ("US troops" / "American troops" stay unknown).
      const PropositionFrame& named = a.subject_named ? a : b;
      const PropositionFrame& other = a.subject_named ? b : a;
      al.subject = std::binary_search(other.subject_stems.begin(), other.subject_stems.end(),
                                      Stem(LastWord(named.subject)))
                       ? Alignment::Match::kSame
                       : Alignment::Match::kUnknown;
    } else {
      al.subject = Stem(FoldCase(a.subject)) == Stem(FoldCase(b.subject))
                       ? Alignment::Match::kSame
                       : Alignment::Match::kUnknown;
    }
    if (al.subject == Alignment::Match::kSame) al.reasons.push_back("same subject: " + a.subject);
    if (al.subject == Alignment::Match::kDifferent)
      al.reasons.push_back("different subjects: " + a.subject + " / " + b.subject);
  }
  // Predicate.
  if (!a.predicate.empty() && !b.predicate.empty()) {
    al.predicate_same = a.predicate == b.predicate ||
                        (!a.predicate_class.empty() && a.predicate_class == b.predicate_class) ||
                        (wn && wordnet->SameClass(a.predicate, b.predicate, WordNet::kVerb));
    al.predicate_opposed = DomainOpposed(a.predicate_class, b.predicate_class) ||
                           (wn && wordnet->Antonyms(a.predicate, b.predicate, WordNet::kVerb));
  }
  // WordNet antonyms among the content words (adjectives and verbs): "open" / "closed".
  int antonym_pairs = 0;
  if (wn && with_features) {
    for (const auto& x : a.content)
      for (const auto& y : b.content)
        if (x != y && (wordnet->Antonyms(x, y, WordNet::kAdjective) ||
                       wordnet->Antonyms(x, y, WordNet::kVerb)))
          ++antonym_pairs;
  }
  if (al.predicate_same && a.predicate != "be")
    al.reasons.push_back("aligned predicate: " + a.predicate +
                         (a.predicate == b.predicate ? "" : " / " + b.predicate));
  al.polarity_on_aligned = a.negated != b.negated && (al.predicate_same || al.predicate_opposed) &&
                           Intersection(a.object_stems, b.object_stems) > 0;
  // Times.
  if (!a.times.empty() && !b.times.empty()) {
    al.times_overlap = Intersection(a.times, b.times) > 0;
    // Different times: months named on both sides and none shared, or years and none shared.
    auto keep = [](const std::vector<std::string>& times, size_t len) {
      std::vector<std::string> out;
      for (const auto& t : times)
        if (t.size() >= len && std::isdigit(static_cast<unsigned char>(t[0])))
          out.push_back(t.substr(0, len));
      return SortedUnique(std::move(out));
    };
    const auto ma = keep(a.times, 7), mb = keep(b.times, 7);
    const auto ya = keep(a.times, 4), yb = keep(b.times, 4);
    al.times_differ =
        !al.times_overlap && ((!ma.empty() && !mb.empty() && Intersection(ma, mb) == 0) ||
                              (!ya.empty() && !yb.empty() && Intersection(ya, yb) == 0));
  }
  // Measures: a quantity of one unit class counting the same thing for the same holder.
  int figures_shared = 0;
  for (const auto& qa : a.quantities) {
    for (const auto& qb : b.quantities) {
      if (qa.unit != qb.unit) continue;
      const bool same_value = std::fabs(qa.value - qb.value) < 1e-9;
      const bool holders_known = !qa.holder.empty() && !qb.holder.empty();
      const bool same_holder = holders_known ? SameReferent(qa.holder, qb.holder)
                                             : al.subject != Alignment::Match::kDifferent;
      // A count noun names what is counted ("six lanes", "11 cables"); a percentage or an
      // amount of money needs its measure ("percent of Latino voters", "a £12 million job").
      const bool count_noun = !qa.unit.empty() && qa.unit != "percent" && qa.unit != "usd" &&
                              qa.unit != "point" && qa.unit != "gbp" && qa.unit != "eur" &&
                              qa.unit.find("\xC2\xA3") == std::string::npos;
      const bool measure_match = count_noun || Intersection(qa.measure, qb.measure) > 0 ||
                                 ((qa.measure.empty() || qb.measure.empty()) && al.overlap >= 0.25);
      if (same_value) ++figures_shared;
      if (same_value && holders_known && !same_holder) al.same_figure_other_holder = true;
      if (!measure_match || !same_holder) continue;
      al.measure_aligned = true;
      const bool within = qa.low <= qb.high && qb.low <= qa.high;
      std::string what = qa.unit;
      for (const auto& m : qa.measure) what += " " + m;
      if (within) {
        al.measure_agrees = true;
        if (holders_known) al.measure_same_holder = true;
        // The figures as written; one when both claims write it alike (the reason travels with
        // every link into the exports: a million links should not carry a figure twice).
        al.reasons.push_back(
            "same measure: " + what + (qa.holder.empty() ? "" : " of " + qa.holder) + "; '" +
            qa.text + (qa.text == qb.text ? "' in both" : "' vs '" + qb.text + "'") +
            (qa.approximation.empty() && qb.approximation.empty() ? ""
                                                                  : " (stated approximation)"));
      } else {
        al.measure_differs = true;
        al.reasons.push_back("same measure: " + what +
                             (qa.holder.empty() ? "" : " of " + qa.holder) + "; '" + qa.text +
                             "' vs '" + qb.text + "'");
      }
    }
  }
  if (al.same_figure_other_holder) al.reasons.push_back("same figure, different holders");
  // A denial against an assertion of the same content.
  al.denial = a.denies != b.denies && al.overlap >= 0.25;
  al.fragment = a.fragment || b.fragment || a.pronoun_subject || b.pronoun_subject;
  size_t shared_names = 0;
  for (const auto& x : a.entities)
    for (const auto& y : b.entities)
      if (SameReferent(x, y)) {
        ++shared_names;
        break;
      }
  al.aligned = !al.fragment && al.subject != Alignment::Match::kDifferent &&
               (al.subject == Alignment::Match::kSame || al.measure_aligned ||
                (shared_names > 0 && al.overlap >= 0.2)) &&
               (al.predicate_same || al.predicate_opposed || al.measure_aligned || al.denial) &&
               !a.conditional && !b.conditional;
  al.may_contradict = al.aligned && !al.times_differ;

  // Rules, in order of specificity; when unsure, "related".
  if (al.subject == Alignment::Match::kDifferent && al.same_figure_other_holder &&
      !al.measure_aligned) {
    al.rule = PairRelation::kUnrelated;
    al.rule_fired = true;
    al.rule_score = 0.7;
  } else if (al.measure_aligned && al.measure_differs && !al.measure_agrees) {
    al.rule_fired = true;
    if (al.times_differ) {
      al.rule = PairRelation::kUpdate;
      al.rule_score = 0.7;
      al.reasons.push_back("different times: " + (a.times.empty() ? "" : a.times.front()) + " vs " +
                           (b.times.empty() ? "" : b.times.front()));
    } else if (al.may_contradict && al.times_overlap) {
      al.rule = PairRelation::kContradict;
      al.rule_score = 0.6;
    } else {
      al.rule = PairRelation::kRelated;
      al.rule_score = 0.5;
      al.reasons.push_back("times not known to overlap: compared as related");
    }
  } else if (al.polarity_on_aligned && al.may_contradict) {
    al.rule = PairRelation::kContradict;
    al.rule_fired = true;
    al.rule_score = 0.7;
    al.reasons.push_back("negation of the aligned predicate: '" +
                         (a.negated ? a.negator : b.negator) + "' in " + (a.negated ? "A" : "B"));
  } else if (al.predicate_opposed && a.negated == b.negated && al.may_contradict &&
             Intersection(a.object_stems, b.object_stems) > 0) {
    al.rule = PairRelation::kContradict;
    al.rule_fired = true;
    al.rule_score = 0.65;
    al.reasons.push_back("opposed predicates: " + a.predicate + " / " + b.predicate);
  } else if (al.denial && al.may_contradict) {
    al.rule = PairRelation::kContradict;
    al.rule_fired = true;
    al.rule_score = 0.55;
    al.reasons.push_back(std::string("denial: ") + (a.denies ? "A" : "B") +
                         " denies what the other asserts");
  } else if (al.measure_agrees && !al.measure_differs) {
    al.rule = al.times_differ ? PairRelation::kUpdate : PairRelation::kAgree;
    al.rule_fired = true;
    al.rule_score = 0.6;
  } else if (al.overlap < 0.15 && figures_shared == 0) {
    al.rule = PairRelation::kUnrelated;
    al.rule_score = 0.5;
  }
  if (a.reports_view != b.reports_view && al.rule == PairRelation::kContradict)
    al.reasons.push_back("reported view: " +
                         (a.reports_view ? (a.attribution.empty() ? "A" : a.attribution)
                                         : (b.attribution.empty() ? "B" : b.attribution)) +
                         " says it, the outlet does not assert it");

  // Dense features for the learned model.
  auto b01 = [](bool x) { return x ? 1.0f : 0.0f; };
  f[0] = 1;
  f[1] = static_cast<float>(oa);
  f[2] = static_cast<float>(ob);
  f[3] = static_cast<float>(na + nb - shared > 0 ? shared / (na + nb - shared) : 0);
  f[4] = b01(a.negated);
  f[5] = b01(b.negated);
  f[6] = b01(a.negated != b.negated);
  f[7] = b01(al.polarity_on_aligned);
  f[8] = static_cast<float>(std::min(antonym_pairs, 3));
  f[9] = b01(!a.predicate.empty() && a.predicate == b.predicate);
  f[10] = b01(al.predicate_same);
  f[11] = b01(al.predicate_opposed);
  f[12] = b01(al.subject == Alignment::Match::kSame);
  f[13] = b01(al.subject == Alignment::Match::kDifferent);
  f[14] = b01(al.measure_aligned && al.measure_agrees);
  f[15] = b01(al.measure_aligned && al.measure_differs);
  f[16] = b01(al.same_figure_other_holder);
  f[17] = static_cast<float>(std::min(figures_shared, 3));
  f[18] = b01(al.times_differ);
  f[19] = b01(al.times_overlap);
  f[20] = b01(a.reports_view);
  f[21] = b01(b.reports_view);
  f[22] = b01(a.denies != b.denies);
  f[23] = b01(a.denies && b.denies);
  f[24] = b01(a.modality == Modality::kHedged || b.modality == Modality::kHedged);
  f[25] = static_cast<float>(std::min(na, nb) / std::max(1.0, std::max(na, nb)));
  const double ea = static_cast<double>(a.entities.size()),
               eb = static_cast<double>(b.entities.size());
  size_t shared_entities = 0;
  for (const auto& x : a.entities)
    for (const auto& y : b.entities)
      if (LastWord(x) == LastWord(y)) {
        ++shared_entities;
        break;
      }
  f[26] = static_cast<float>(ea > 0 ? shared_entities / ea : 0);
  f[27] = b01(ea > 0 && eb > 0 && shared_entities == 0);
  f[28] = b01(a.fragment || b.fragment);
  f[29] = b01(a.pronoun_subject || b.pronoun_subject);
  f[30] = static_cast<float>(std::log1p(na));
  f[31] = static_cast<float>(std::log1p(nb));
  f[32] = b01(al.overlap >= 0.8);
  f[33] = static_cast<float>(al.overlap * (a.negated != b.negated ? 1 : 0));
  f[34] = static_cast<float>(al.overlap * std::min(antonym_pairs, 1));
  f[35] = b01(a.conditional || b.conditional);
  f[36] = b01(al.may_contradict);
  f[37] = b01(a.modality == Modality::kForecast || b.modality == Modality::kForecast);
  f[38] = static_cast<float>(Intersection(a.object_stems, b.object_stems)) /
          static_cast<float>(
              std::max<size_t>(1, std::min(a.object_stems.size(), b.object_stems.size())));
  f[39] = b01(al.denial);
  return al;
}

}  // namespace claimgraph::engine
