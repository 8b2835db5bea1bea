// Claim frames from the dependency parse (see claim_frame.h).
#include "engine/attrib/claim_frame.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace claimgraph::engine::attrib {
namespace {

using nlp::AnnotatedDocument;
using nlp::Token;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Clause {
  const AnnotatedDocument& doc;
  size_t first = 0, count = 0;  // the sentence
  std::vector<std::vector<size_t>> children;
  const Token& tok(size_t local) const { return doc.tokens[first + local]; }
  long Head(size_t local) const {
    const int h = tok(local).head;
    return h >= 0 && static_cast<size_t>(h) < count ? h : -1;
  }
  long Child(size_t i, std::initializer_list<std::string_view> rels) const {
    for (std::string_view r : rels)
      for (size_t c : children[i])
        if (tok(c).deprel == r) return static_cast<long>(c);
    return -1;
  }
  // Text of the subtree of i (contiguous stretch from its leftmost to rightmost token), leading
  // punctuation dropped, clipped to [lo, hi) bytes.
  std::string SubtreeText(size_t i, size_t lo, size_t hi, long skip = -1) const {
    size_t b = i, e = i;
    std::vector<size_t> stack = {i};
    size_t guard = 0;
    while (!stack.empty() && guard++ <= count) {
      const size_t k = stack.back();
      stack.pop_back();
      if (static_cast<long>(k) == skip) continue;
      b = std::min(b, k);
      e = std::max(e, k);
      for (size_t c : children[k]) stack.push_back(c);
    }
    while (b < e &&
           (tok(b).deprel == "punct" || tok(b).deprel == "mark" || tok(b).deprel == "case"))
      ++b;
    while (e > b && tok(e).deprel == "punct") --e;
    size_t bb = std::max(tok(b).begin, lo), ee = std::min(tok(e).end, hi);
    if (ee <= bb || ee > doc.text.size()) return "";
    std::string s = doc.text.substr(bb, ee - bb);
    for (char& c : s)
      if (c == '\n') c = ' ';
    return s;
  }
};

bool IsNegator(const Token& t) {
  const std::string f = Lower(t.form);
  return f == "not" || f == "n't" || f == "never" || f == "no" || f == "nobody" || f == "nothing" ||
         f == "none" || f == "neither" || f == "nor";
}

}  // namespace

void FillClaimFrame(const AnnotatedDocument& doc, const nlp::CorefResult& coref, Claim* claim) {
  const size_t lo = claim->byte_begin, hi = claim->byte_end;
  // The sentence holding the claim's first token.
  size_t si = doc.sentences.size();
  for (size_t k = 0; k < doc.sentences.size(); ++k)
    if (doc.sentences[k].end > lo) {
      si = k;
      break;
    }
  if (si == doc.sentences.size()) return;
  Clause c{doc, doc.sentences[si].first, doc.sentences[si].count, {}};
  if (c.count == 0 || c.tok(0).head == -1) return;  // unparsed
  c.children.resize(c.count);
  for (size_t i = 0; i < c.count; ++i)
    if (const long h = c.Head(i); h >= 0) c.children[static_cast<size_t>(h)].push_back(i);
  auto inside = [&](size_t i) { return c.tok(i).begin >= lo && c.tok(i).end <= hi; };
  // The claim's head: an in-claim token whose head is outside it, preferring verbs.
  long head = -1;
  for (size_t i = 0; i < c.count; ++i) {
    if (!inside(i) || c.tok(i).deprel == "punct") continue;
    const long h = c.Head(i);
    if (h >= 0 && inside(static_cast<size_t>(h))) continue;
    if (head < 0 || (c.tok(i).pos.rfind("VB", 0) == 0 &&
                     c.tok(static_cast<size_t>(head)).pos.rfind("VB", 0) != 0))
      head = static_cast<long>(i);
  }
  if (head < 0) return;
  const size_t p = static_cast<size_t>(head);
  const long cop = c.Child(p, {"cop"});
  claim->predicate =
      cop >= 0 ? "be" : Lower(c.tok(p).lemma.empty() ? c.tok(p).form : c.tok(p).lemma);
  // Subject.
  const long subj = c.Child(p, {"nsubj", "nsubjpass", "csubj"});
  if (subj >= 0) {
    const size_t s = static_cast<size_t>(subj);
    claim->subject_text = c.SubtreeText(s, lo, hi);
    const size_t doc_index = c.first + s;
    const int e = doc_index < coref.entity_of_token.size() ? coref.entity_of_token[doc_index] : -1;
    claim->subject = e >= 0 ? coref.entities[static_cast<size_t>(e)].name : claim->subject_text;
  }
  // Object or complement.
  long obj = c.Child(p, {"dobj", "xcomp", "ccomp", "iobj"});
  if (obj < 0 && cop >= 0) {
    claim->object = c.SubtreeText(p, lo, hi, subj);
    // Drop the copula and anything before it from the complement's text.
    const std::string& be = c.tok(static_cast<size_t>(cop)).form;
    const size_t at = claim->object.find(be + " ");
    if (at != std::string::npos && at < 40)
      claim->object = claim->object.substr(at + be.size() + 1);
  } else {
    if (obj < 0) obj = c.Child(p, {"nmod", "advcl"});
    if (obj >= 0) claim->object = c.SubtreeText(static_cast<size_t>(obj), lo, hi);
  }
  // Negation.
  const long neg = c.Child(p, {"neg"});
  if (neg >= 0) {
    claim->negation = Lower(c.tok(static_cast<size_t>(neg)).form);
    claim->negation_scope = claim->predicate;
  } else {
    for (long arg : {subj, obj}) {
      if (arg < 0) continue;
      for (size_t k : c.children[static_cast<size_t>(arg)])
        if (IsNegator(c.tok(k)) && (c.tok(k).deprel == "det" || c.tok(k).deprel == "neg")) {
          claim->negation = Lower(c.tok(k).form);
          const Token& n = c.tok(static_cast<size_t>(arg));
          claim->negation_scope = Lower(n.lemma.empty() ? n.form : n.lemma);
        }
    }
  }
  // Modal.
  for (size_t k : c.children[p])
    if (c.tok(k).pos == "MD" && c.tok(k).deprel.rfind("aux", 0) == 0)
      claim->modal = Lower(c.tok(k).form);
  // What each number measures.
  for (Quantity& q : claim->quantities) {
    for (size_t i = 0; i < c.count; ++i) {
      const Token& t = c.tok(i);
      if (t.pos != "CD" || !inside(i) || q.text.find(t.form) == std::string::npos) continue;
      long n = -1;
      if (t.deprel == "nummod" || t.deprel == "amod") n = c.Head(i);
      // "5 percent of voters": the nmod of the unit.
      if (n < 0) {
        for (size_t k : c.children[i])
          if (c.tok(k).pos.rfind("NN", 0) == 0) n = static_cast<long>(k);
      }
      if (n < 0) continue;
      size_t noun = static_cast<size_t>(n);
      const std::string unit = Lower(c.tok(noun).form);
      if (unit == "percent" || unit == "%" || unit == "million" || unit == "billion") {
        const long of = c.Child(noun, {"nmod"});
        if (of >= 0) noun = static_cast<size_t>(of);
      }
      // The noun with its compounds, adjectives, possessor and nmod, without the number.
      std::string m;
      std::vector<size_t> parts = {noun};
      for (size_t k : c.children[noun]) {
        const std::string& d = c.tok(k).deprel;
        if (d == "compound" || d == "amod" || d == "nmod:poss" || d == "nmod") parts.push_back(k);
      }
      std::sort(parts.begin(), parts.end());
      for (size_t k : parts) {
        const std::string piece = k == noun ? c.tok(k).form : c.SubtreeText(k, lo, hi);
        if (piece.empty()) continue;
        if (!m.empty()) m += ' ';
        if (k != noun && c.tok(k).deprel == "nmod") {
          const long cs = c.Child(k, {"case"});
          if (cs >= 0) m += c.tok(static_cast<size_t>(cs)).form + " ";
        }
        m += piece;
      }
      q.measure = m;
      break;
    }
  }
}

}  // namespace claimgraph::engine::attrib
