// Questions later stages ask of a sentence's dependency parse (basic Stanford / UD v1 relations
// as CoreNLP writes them and dependency_parser.h predicts them): the subject, object and
// complement of a predicate, its negation and auxiliaries, the clausal complements of a
// reporting verb ("Trump said Tuesday that he would win": said -ccomp-> win), the predicates of
// a sentence and the span of a subtree. Attribution reads speakers and contents through these;
// claims read subject / predicate / object / negation.
//
// A ParseView is built once per sentence (child lists, O(n)); the queries are then cheap.
// Indices are word positions within the sentence (0-based), -1 for "none".
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

class ParseView {
 public:
  // REQUIRES: the sentence is parsed (heads >= 0 or -2).
  ParseView(const AnnotatedDocument& doc, size_t sentence_index);

  int size() const { return static_cast<int>(count_); }
  const Token& token(int i) const { return doc_->tokens[first_ + i]; }
  // Index in AnnotatedDocument::tokens of word i.
  size_t document_index(int i) const { return first_ + i; }
  // The head of word i, -1 for the root word.
  int head(int i) const { return heads_[i]; }
  std::string_view relation(int i) const { return token(i).deprel; }
  int root() const { return root_; }
  // Children of i in word order.
  const std::vector<int>& children(int i) const { return children_[i]; }
  // The first child of i (in word order) whose relation is one of `relations`, or -1.
  int Child(int i, std::initializer_list<std::string_view> relations) const;
  std::vector<int> Children(int i, std::initializer_list<std::string_view> relations) const;
  // The first and last word of i's subtree (i and all its descendants).
  std::pair<int, int> Span(int i) const;
  // True when `ancestor` dominates i (or is i).
  bool Dominates(int ancestor, int i) const;

 private:
  const AnnotatedDocument* doc_;
  size_t first_ = 0;
  size_t count_ = 0;
  int root_ = -1;
  std::vector<int> heads_;
  std::vector<std::vector<int>> children_;
};

struct PredicateArguments {
  int predicate = -1;
  // nsubj, nsubjpass, csubj or csubjpass; for a verb without one, the subject it shares: the
  // governing verb's object or subject for an open complement ("urges supporters to monitor":
  // supporters monitor), the first conjunct's for a conjoined verb.
  int subject = -1;
  bool subject_shared = false;
  bool passive = false;          // nsubjpass / csubjpass / auxpass
  int object = -1;               // dobj
  int indirect_object = -1;      // iobj
  int clausal_complement = -1;   // ccomp
  int open_complement = -1;      // xcomp ("wants to sign": sign)
  int agent = -1;                // a passive's "by" phrase ("reported by The Washington Post")
  int copula = -1;               // cop: the predicate is a noun or adjective ("Trump is unfit")
  std::vector<int> negations;    // neg dependents: "not", "n't", "never"
  std::vector<int> auxiliaries;  // aux and auxpass: "will", "has", "did", "was"
};

// The arguments of `predicate` (a verb, or the noun / adjective of a copular clause).
PredicateArguments ArgumentsOf(const ParseView& parse, int predicate);

// The clauses a reporting verb reports: its ccomp children ("said that he would win", "said, “We
// have plans”"), and, when the verb is itself a parenthetical ("“We have plans,” he said" where
// the parser attaches said as parataxis or ccomp's head the other way), the clause it hangs from.
std::vector<int> ClausalComplements(const ParseView& parse, int verb);

// True when `predicate` has a neg dependent or its object is negated by a determiner ("offered
// no proof" is a neg on "proof" in these relations).
bool IsNegated(const ParseView& parse, int predicate);

// The words that head a clause: the root, and dependents by a clausal relation (ccomp, xcomp,
// advcl, acl:relcl, parataxis, csubj, and conj of one of those), in word order.
std::vector<int> Predicates(const ParseView& parse);

}  // namespace claimgraph::engine::nlp
