// Not-a-claim checks over tags and parse (see claim_filter.h).
#include "engine/extract/claim_filter.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace claimgraph::engine {
namespace {

using nlp::AnnotatedDocument;
using nlp::Token;

bool IsFinite(const Token& t) {
  return t.pos == "VBD" || t.pos == "VBZ" || t.pos == "VBP" || t.pos == "MD";
}

bool IsSubjectRelation(std::string_view r) {
  return r == "nsubj" || r == "nsubjpass" || r == "csubj" || r == "csubjpass" || r == "expl";
}

// "It" and the demonstratives (a closed class), which the coreference resolver never links:
// "I", "we" and "you" in a quotation are its speaker and audience, and "he", "she", "they" often
// the speaker or someone named in the sentence.
bool IsReferringPronoun(const Token& t) {
  std::string f;
  for (char c : t.form) f += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return f == "it" || f == "this" || f == "that" || f == "these" || f == "those";
}

// The sentence's first and last characters other than white space, quotes and full stops.
std::string_view Trimmed(std::string_view s) {
  auto skip = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c == '.' || c == '\r';
  };
  size_t b = 0, e = s.size();
  while (b < e && skip(s[b])) ++b;
  while (e > b && skip(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace

std::string NotAClaimReason(const ClaimFilterInput& in) {
  const AnnotatedDocument& doc = *in.doc;
  if (in.sentence_end <= in.sentence_begin || in.sentence_end > doc.text.size()) return "";
  const std::string_view sentence =
      std::string_view(doc.text).substr(in.sentence_begin, in.sentence_end - in.sentence_begin);
  // The layer's tokens inside the sentence.
  const auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), in.sentence_begin,
                                      [](const Token& t, size_t at) { return t.begin < at; });
  std::vector<size_t> words;
  for (auto it = first; it != doc.tokens.end() && it->end <= in.sentence_end; ++it)
    words.push_back(static_cast<size_t>(it - doc.tokens.begin()));
  const std::string_view core = Trimmed(sentence);
  // A bracketed label as a whole.
  if (core.size() >= 2 && core.front() == '[' && core.back() == ']') return "citation";
  if (words.empty() || doc.tokens[words[0]].pos.empty()) return "";
  // Question: the last token of the sentence, or of the content, that is not a quote or
  // bracket.
  auto ends_in_question = [&](size_t end_byte) {
    for (size_t k = words.size(); k-- > 0;) {
      const Token& t = doc.tokens[words[k]];
      if (t.end > end_byte) continue;
      if (t.pos == "''" || t.pos == "``" || t.pos == "-RRB-" || t.form == "\"" || t.form == "'")
        continue;
      return t.form == "?";
    }
    return false;
  };
  if (!in.keep_questions && (ends_in_question(in.sentence_end) || ends_in_question(in.content_end)))
    return "question";
  // The first finite verb: a finite tag, or a past participle or base form right after a noun
  // or pronoun (the tagger's VBD / VBN and VBP / VB confusions: "the NAACP called for").
  long finite = -1;
  for (size_t k = 0; k < words.size() && finite < 0; ++k) {
    const Token& t = doc.tokens[words[k]];
    if (IsFinite(t)) {
      finite = static_cast<long>(k);
    } else if ((t.pos == "VBN" || t.pos == "VB") && k > 0) {
      const std::string& p = doc.tokens[words[k - 1]].pos;
      if (p.rfind("NN", 0) == 0 || p == "PRP") finite = static_cast<long>(k);
    }
  }
  if (finite < 0) {
    // A parenthetical credit ("(Reporting by ...; Editing by ...)") is a citation too.
    if (core.size() >= 2 && core.front() == '(' && core.back() == ')') return "citation";
    return "fragment: no finite verb";
  }
  // No subject: nothing that can be one (a noun, name, pronoun, number, determiner,
  // comparative) before the first finite verb: "is African American turnout.", "Keeps saying
  // she opposed the Iraq War".
  bool nominal = false;
  for (long k = 0; k < finite; ++k) {
    const std::string& p = doc.tokens[words[static_cast<size_t>(k)]].pos;
    if (p.rfind("NN", 0) == 0 || p.rfind("PRP", 0) == 0 || p == "CD" || p == "DT" || p == "EX" ||
        p.rfind("WP", 0) == 0 || p == "WDT" || p == "JJR" || p == "JJS" || p == "RBR" ||
        p == "RBS" || p == "VBG" || p == "PDT")
      nominal = true;
  }
  if (!nominal) return "fragment: no subject";
  // Pronoun only: the content's subject is "it" or a demonstrative that coreference does not
  // resolve, and the content has no noun, name or number.
  bool pronoun_subject = false, substance = false;
  for (size_t k = 0; k < words.size(); ++k) {
    const size_t w = words[k];
    const Token& t = doc.tokens[w];
    if (t.begin < in.content_begin || t.end > in.content_end) continue;
    if (t.pos.rfind("NN", 0) == 0 || t.pos == "CD") substance = true;
    const bool subject_position =
        IsSubjectRelation(t.deprel) || (k + 1 < words.size() && IsFinite(doc.tokens[words[k + 1]]));
    if (subject_position && IsReferringPronoun(t)) {
      const bool resolved = in.coref != nullptr && w < in.coref->entity_of_token.size() &&
                            in.coref->entity_of_token[w] >= 0;
      if (!resolved) pronoun_subject = true;
    }
  }
  if (pronoun_subject && !substance) return "pronoun only";
  return "";
}

}  // namespace claimgraph::engine
