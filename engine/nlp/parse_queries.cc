// Queries over a sentence's dependency parse (see parse_queries.h).
#include "engine/nlp/parse_queries.h"

#include <algorithm>
#include <stdexcept>

namespace claimgraph::engine::nlp {
namespace {

bool OneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool IsClausal(std::string_view relation) {
  return OneOf(relation,
               {"root", "ccomp", "xcomp", "advcl", "acl:relcl", "parataxis", "csubj", "csubjpass"});
}

}  // namespace

ParseView::ParseView(const AnnotatedDocument& doc, size_t sentence_index) : doc_(&doc) {
  const Sentence& s = doc.sentences.at(sentence_index);
  first_ = s.first;
  count_ = s.count;
  heads_.resize(count_);
  children_.resize(count_);
  for (size_t i = 0; i < count_; ++i) {
    const int h = doc.tokens[first_ + i].head;
    if (h == -1 || h >= static_cast<int>(count_) || h < -2) {
      throw std::invalid_argument("ParseView: " + doc.name + ": sentence " +
                                  std::to_string(sentence_index + 1) + " is not parsed");
    }
    heads_[i] = h == -2 ? -1 : h;
    if (h == -2 && root_ < 0) root_ = static_cast<int>(i);
    if (h >= 0) children_[h].push_back(static_cast<int>(i));
  }
}

int ParseView::Child(int i, std::initializer_list<std::string_view> relations) const {
  if (i < 0) return -1;
  for (const int c : children_[i]) {
    if (OneOf(relation(c), relations)) return c;
  }
  return -1;
}

std::vector<int> ParseView::Children(int i,
                                     std::initializer_list<std::string_view> relations) const {
  std::vector<int> out;
  if (i < 0) return out;
  for (const int c : children_[i]) {
    if (OneOf(relation(c), relations)) out.push_back(c);
  }
  return out;
}

std::pair<int, int> ParseView::Span(int i) const {
  int lo = i, hi = i;
  std::vector<int> todo = {i};
  while (!todo.empty()) {
    const int t = todo.back();
    todo.pop_back();
    lo = std::min(lo, t);
    hi = std::max(hi, t);
    for (const int c : children_[t]) todo.push_back(c);
  }
  return {lo, hi};
}

bool ParseView::Dominates(int ancestor, int i) const {
  for (int steps = 0; i >= 0 && steps <= size(); ++steps) {
    if (i == ancestor) return true;
    i = heads_[i];
  }
  return false;
}

PredicateArguments ArgumentsOf(const ParseView& parse, int predicate) {
  PredicateArguments a;
  a.predicate = predicate;
  if (predicate < 0 || predicate >= parse.size()) return a;
  for (const int c : parse.children(predicate)) {
    const std::string_view r = parse.relation(c);
    if (a.subject < 0 && OneOf(r, {"nsubj", "nsubjpass", "csubj", "csubjpass"})) {
      a.subject = c;
      a.passive = a.passive || r == "nsubjpass" || r == "csubjpass";
    } else if (r == "dobj" && a.object < 0) {
      a.object = c;
    } else if (r == "iobj" && a.indirect_object < 0) {
      a.indirect_object = c;
    } else if (r == "ccomp" && a.clausal_complement < 0) {
      a.clausal_complement = c;
    } else if (r == "xcomp" && a.open_complement < 0) {
      a.open_complement = c;
    } else if (r == "cop" && a.copula < 0) {
      a.copula = c;
    } else if (r == "neg") {
      a.negations.push_back(c);
    } else if (r == "aux" || r == "auxpass") {
      a.auxiliaries.push_back(c);
      a.passive = a.passive || r == "auxpass";
    }
  }
  if (a.passive) {
    for (const int c : parse.Children(predicate, {"nmod", "nmod:agent"})) {
      const int marker = parse.Child(c, {"case"});
      const bool by =
          marker >= 0 && (parse.token(marker).form == "by" || parse.token(marker).form == "By");
      if (parse.relation(c) == "nmod:agent" || by) {
        a.agent = c;
        break;
      }
    }
  }
  if (a.subject < 0) {
    // Shared subjects: climb open complements and conjuncts (bounded by the sentence length).
    int clause = predicate;
    for (int steps = 0; steps < parse.size() && a.subject < 0; ++steps) {
      const int governor = parse.head(clause);
      if (governor < 0) break;
      const std::string_view r = parse.relation(clause);
      if (r == "xcomp") {
        // Object control ("urges supporters to monitor") before subject control ("wants to sign").
        const int object = parse.Child(governor, {"dobj"});
        a.subject = object >= 0
                        ? object
                        : parse.Child(governor, {"nsubj", "nsubjpass", "csubj", "csubjpass"});
      } else if (r == "conj") {
        a.subject = parse.Child(governor, {"nsubj", "nsubjpass", "csubj", "csubjpass"});
      } else {
        break;
      }
      a.subject_shared = a.subject >= 0;
      clause = governor;
    }
  }
  return a;
}

std::vector<int> ClausalComplements(const ParseView& parse, int verb) {
  std::vector<int> out = parse.Children(verb, {"ccomp"});
  // "“We have plans,” he said": a parenthetical reporting verb hangs from the quoted clause.
  if (verb >= 0 && parse.head(verb) >= 0 && parse.relation(verb) == "parataxis") {
    out.push_back(parse.head(verb));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsNegated(const ParseView& parse, int predicate) {
  if (parse.Child(predicate, {"neg"}) >= 0) return true;
  const int object = parse.Child(predicate, {"dobj"});
  return object >= 0 && parse.Child(object, {"neg"}) >= 0;
}

std::vector<int> Predicates(const ParseView& parse) {
  std::vector<int> out;
  for (int i = 0; i < parse.size(); ++i) {
    const std::string_view r = parse.relation(i);
    if (IsClausal(r)) {
      out.push_back(i);
    } else if (r == "conj") {
      // A conjunct of a clause is a clause ("complied ... and left").
      const int h = parse.head(i);
      if (h >= 0 && (IsClausal(parse.relation(h)) || parse.relation(h) == "conj") &&
          std::find(out.begin(), out.end(), h) != out.end()) {
        out.push_back(i);
      }
    }
  }
  return out;
}

}  // namespace claimgraph::engine::nlp
