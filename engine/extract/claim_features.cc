#include "engine/extract/claim_features.h"

#include "engine/extract/attribution.h"

namespace claimgraph::engine {
namespace {

template <size_t N>
bool In(const std::string_view (&table)[N], std::string_view w) {
  // Length and first letter first: most words differ there, and this runs for every word.
  for (std::string_view t : table)
    if (t.size() == w.size() && !w.empty() && t[0] == w[0] && t == w) return true;
  return false;
}

constexpr std::string_view kAux[] = {
    "is",   "are",   "was", "were", "be",      "been",  "being",  "am",   "has",   "have", "had",
    "do",   "does",  "did", "will", "would",   "shall", "should", "can",  "could", "may",  "might",
    "must", "there", "'s",  "it's", "there's", "'re",   "'ve",    "need", "ought", "is'nt"};
// Negators fused with an auxiliary.
constexpr std::string_view kFused[] = {"cannot",   "can't",   "won't",  "don't",    "doesn't",
                                       "didn't",   "isn't",   "aren't", "wasn't",   "weren't",
                                       "hasn't",   "haven't", "hadn't", "wouldn't", "shouldn't",
                                       "couldn't", "mustn't", "shan't", "ain't",    "can't"};
constexpr std::string_view kNegators[] = {"not",    "no",      "never", "none",   "nothing",
                                          "nobody", "neither", "nor",   "nowhere"};
constexpr std::string_view kSubordinators[] = {
    "which",  "who",   "whom",    "whose",   "where",    "if",      "unless", "although",
    "though", "while", "because", "when",    "whenever", "whether", "once",   "until",
    "before", "after", "since",   "whereas", "despite",  "without"};
constexpr std::string_view kMainOpeners[] = {"that", "and", "but", "so", "yet", "or"};

constexpr std::string_view kHedges[] = {
    "may",      "might",       "could",       "reportedly", "allegedly",  "possibly",  "probably",
    "likely",   "apparently",  "supposedly",  "perhaps",    "presumably", "seemingly", "rumored",
    "rumoured", "unconfirmed", "purportedly", "seems",      "appears",    "suspected", "alleged"};
constexpr std::string_view kFuture[] = {
    "will",    "won't",  "shall",    "would",     "going", "plans",    "plan",
    "intends", "intend", "expected", "scheduled", "set",   "aims",     "promised",
    "pledged", "vowed",  "promises", "pledges",   "'ll",   "upcoming", "next"};

bool VerbLike(const Lexeme& l) {
  if (l.kind != Lexeme::kWord) return false;
  const std::string& w = l.folded;
  if (w == "there") return false;
  if (In(kAux, w) || In(kFused, w)) return true;
  if (w.find("'ve") != std::string::npos || w.find("'re") != std::string::npos ||
      w.find("'ll") != std::string::npos)
    return true;
  return !l.capital && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0;
}

}  // namespace

Polarity ComputePolarity(const std::vector<Lexeme>& lex, size_t b, size_t e) {
  size_t clause = b;
  bool subordinate = false;
  bool verb_seen = false;
  for (size_t i = b; i < e; ++i) {
    const Lexeme& l = lex[i];
    if (l.kind == Lexeme::kPunct) {
      if (l.IsPunct(',') || l.IsPunct(';') || l.IsPunct(':') || l.IsPunct('-') || l.IsPunct('"') ||
          l.IsPunct('(') || l.IsPunct(')')) {
        clause = i + 1;
        subordinate = false;
        verb_seen = false;
      }
      continue;
    }
    const std::string& w = l.folded;
    if (In(kSubordinators, w)) {
      clause = i + 1;
      subordinate = true;
      verb_seen = false;
      continue;
    }
    if (In(kMainOpeners, w) &&
        (w == "that" || i == clause || (i > b && (lex[i - 1].IsPunct(','))))) {
      clause = i + 1;
      subordinate = false;
      verb_seen = false;
      continue;
    }
    if (subordinate) continue;
    const bool fused = In(kFused, w);
    const bool negator = In(kNegators, w);
    if (fused) {
      if (!verb_seen) return Polarity::kNegated;
      verb_seen = true;
      continue;
    }
    if (negator) {
      // "not only", "not just": additive, not negation.
      if (w == "not" && i + 1 < e && (lex[i + 1].Is("only") || lex[i + 1].Is("just"))) continue;
      const bool first = i == clause;
      if (first) {
        // "..., not as a unilateral measure": contrastive. A clause may open with "No" though.
        if (w == "not") continue;
        if (w == "no" || w == "never" || w == "none" || w == "nothing" || w == "nobody")
          return Polarity::kNegated;
        continue;
      }
      const Lexeme& prev = lex[i - 1];
      const bool after_aux = prev.kind == Lexeme::kWord && In(kAux, prev.folded);
      // "no longer", "never" may stand before the main verb: "have never been", "never left".
      if (after_aux) {
        // The auxiliary before must be the clause's first verb.
        bool other_verb = false;
        for (size_t k = clause; k + 1 < i; ++k)
          if (VerbLike(lex[k])) other_verb = true;
        if (!other_verb) return Polarity::kNegated;
      } else if (w == "never" && !verb_seen) {
        return Polarity::kNegated;
      }
      continue;
    }
    if (VerbLike(l)) verb_seen = true;
  }
  return Polarity::kAffirmed;
}

Modality ComputeModality(const ModalityInput& in) {
  const std::vector<Lexeme>& lex = *in.lex;
  // A question: '?' at the end of the content (or of the sentence).
  for (size_t i = in.end; i-- > in.begin;) {
    if (lex[i].kind != Lexeme::kPunct) break;
    if (lex[i].IsPunct('?')) return Modality::kQuestion;
  }
  if (!in.reporting_verb.empty() && IsDenialVerb(in.reporting_verb)) return Modality::kDenial;
  bool hedge = false, future = in.future_time || in.deadline;
  for (size_t i = in.begin; i < in.end; ++i) {
    const Lexeme& l = lex[i];
    if (l.kind != Lexeme::kWord) continue;
    const std::string& w = l.folded;
    if (In(kHedges, w)) {
      // "may" as a month is capitalised and not in a clause; "could not" is still a hedge.
      if (w == "may" && l.capital && i > in.begin) continue;
      hedge = true;
    }
    if (In(kFuture, w)) {
      if (w == "set" || w == "going" || w == "expected" || w == "scheduled" || w == "plans" ||
          w == "plan" || w == "intends" || w == "intend" || w == "aims") {
        if (i + 1 < in.end && lex[i + 1].Is("to")) future = true;
      } else if (w == "next") {
        if (i + 1 < in.end &&
            (lex[i + 1].Is("year") || lex[i + 1].Is("month") || lex[i + 1].Is("week")))
          future = true;
      } else {
        future = true;
      }
    }
  }
  if (hedge) return Modality::kHedged;
  if (future) return Modality::kForecast;
  if (in.reported) return Modality::kReported;
  return Modality::kAsserted;
}

}  // namespace claimgraph::engine
