#include "engine/nlp/parse_queries.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

namespace claimgraph::engine::nlp {
namespace {

// One sentence from "1:Form/POS/HEAD/rel 2:..." (CoNLL ids and heads, 0 = root), as CoreNLP
// parsed sentences of the PolNeAR dev articles.
AnnotatedDocument Sentence1(const std::string& spec) {
  AnnotatedDocument doc;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    item = item.substr(item.find(':') + 1);
    const size_t a = item.rfind('/');
    const size_t b = item.rfind('/', a - 1);
    const size_t c = item.rfind('/', b - 1);
    Token t;
    t.form = item.substr(0, c);
    t.pos = item.substr(c + 1, b - c - 1);
    const int head = std::stoi(item.substr(b + 1, a - b - 1));
    t.head = head == 0 ? -2 : head - 1;
    t.deprel = item.substr(a + 1);
    doc.tokens.push_back(t);
  }
  doc.sentences.push_back({0, doc.tokens.size(), 0, 0});
  return doc;
}

int Find(const ParseView& p, const std::string& form) {
  for (int i = 0; i < p.size(); ++i) {
    if (p.token(i).form == form) return i;
  }
  FAIL("no word " << form);
  return -1;
}
std::string Form(const ParseView& p, int i) { return i < 0 ? "-" : p.token(i).form; }

struct Case {
  const char* parse;
  const char* predicate;
  const char* subject;
  const char* object;
  const char* complement;  // ccomp, else xcomp
  const char* agent;
  bool passive;
  bool negated;
};

TEST_CASE("ArgumentsOf reads subject, object, complement, agent and negation",
          "[engine][nlp][parser]") {
  const Case cases[] = {
      {"1:Figueroa/NNP/2/nsubj 2:said/VBD/0/root 3:Stein/NNP/4/nsubj 4:complied/VBD/2/ccomp "
       "5:with/IN/7/case 6:police/NN/7/compound 7:orders/NNS/4/nmod 8:and/CC/4/cc "
       "9:left/VBD/4/conj 10:the/DT/11/det 11:area/NN/9/dobj 12:././2/punct",
       "said", "Figueroa", "-", "complied", "-", false, false},
      // A conjoined verb shares the first conjunct's subject.
      {"1:Figueroa/NNP/2/nsubj 2:said/VBD/0/root 3:Stein/NNP/4/nsubj 4:complied/VBD/2/ccomp "
       "5:with/IN/7/case 6:police/NN/7/compound 7:orders/NNS/4/nmod 8:and/CC/4/cc "
       "9:left/VBD/4/conj 10:the/DT/11/det 11:area/NN/9/dobj 12:././2/punct",
       "left", "Stein", "area", "-", "-", false, false},
      {"1:The/DT/3/det 2:Trump/NNP/3/compound 3:campaign/NN/7/nsubj 4:did/VBD/7/aux "
       "5:not/RB/7/neg 6:immediately/RB/7/advmod 7:respond/VB/0/root 8:to/TO/9/case "
       "9:requests/NNS/7/nmod 10:for/IN/11/case 11:comment/NN/9/nmod 12:././7/punct",
       "respond", "campaign", "-", "-", "-", false, true},
      {"1:The/DT/3/det 2:registration/NN/3/compound 3:issue/NN/6/nsubjpass 4:was/VBD/6/auxpass "
       "5:first/RB/6/advmod 6:reported/VBN/0/root 7:by/IN/10/case 8:The/DT/10/det "
       "9:Washington/NNP/10/compound 10:Post/NNP/6/nmod 11:././6/punct",
       "reported", "issue", "-", "-", "Post", true, false},
      // Object control: the supporters monitor.
      {"1:Trump/NNP/2/nsubj 2:urges/VBZ/0/root 3:supporters/NNS/2/dobj 4:to/TO/5/mark "
       "5:monitor/VB/2/xcomp 6:polling/NN/7/compound 7:places/NNS/5/dobj 8:././2/punct",
       "monitor", "supporters", "places", "-", "-", false, false},
      // Subject control: Clinton signs up.
      {"1:Clinton/NNP/2/nsubj 2:wants/VBZ/0/root 3:to/TO/4/mark 4:sign/VB/2/xcomp "
       "5:up/RP/4/compound:prt 6:5/CD/7/compound 7:million/CD/8/nummod 8:people/NNS/4/dobj "
       "9:././2/punct",
       "wants", "Clinton", "-", "sign", "-", false, false},
      {"1:Clinton/NNP/2/nsubj 2:wants/VBZ/0/root 3:to/TO/4/mark 4:sign/VB/2/xcomp "
       "5:up/RP/4/compound:prt 6:5/CD/7/compound 7:million/CD/8/nummod 8:people/NNS/4/dobj "
       "9:././2/punct",
       "sign", "Clinton", "people", "-", "-", false, false},
      // A copular predicate: "Trump is unfit".
      {"1:She/PRP/2/nsubj 2:says/VBZ/0/root 3:it/PRP/4/nsubj 4:underscores/VBZ/2/ccomp "
       "5:that/IN/10/mark 6:Trump/NNP/10/nsubj 7:is/VBZ/10/cop 8:``/``/10/punct "
       "9:temperamentally/RB/10/advmod 10:unfit/JJ/4/ccomp 11:to/TO/13/mark 12:be/VB/13/cop "
       "13:commander-in-chief/NN/10/xcomp 14:././2/punct 15:''/''/2/punct",
       "unfit", "Trump", "-", "commander-in-chief", "-", false, false},
      // Negation on the object: "offered no proof".
      {"1:He/PRP/2/nsubj 2:offered/VBD/0/root 3:no/DT/4/neg 4:proof/NN/2/dobj 5:that/IN/7/mark "
       "6:Clinton/NNP/7/nsubj 7:had/VBD/2/ccomp 8:a/DT/9/det 9:role/NN/7/dobj 10:././2/punct",
       "offered", "He", "proof", "had", "-", false, true},
  };
  for (const Case& c : cases) {
    const AnnotatedDocument doc = Sentence1(c.parse);
    const ParseView p(doc, 0);
    const PredicateArguments a = ArgumentsOf(p, Find(p, c.predicate));
    INFO(c.parse << "\npredicate " << c.predicate);
    CHECK(Form(p, a.subject) == c.subject);
    CHECK(Form(p, a.object) == c.object);
    CHECK(Form(p, a.clausal_complement >= 0 ? a.clausal_complement : a.open_complement) ==
          c.complement);
    CHECK(Form(p, a.agent) == c.agent);
    CHECK(a.passive == c.passive);
    CHECK(IsNegated(p, a.predicate) == c.negated);
  }
}

TEST_CASE("ClausalComplements and Predicates find the reported clauses", "[engine][nlp][parser]") {
  const AnnotatedDocument doc = Sentence1(
      "1:Clinton/NNP/2/nsubj 2:said/VBD/0/root 3:she/PRP/4/nsubj 4:thinks/VBZ/2/ccomp "
      "5:America/NNP/7/nsubj 6:is/VBZ/7/cop 7:strongest/JJS/4/ccomp 8:when/WRB/10/advmod "
      "9:people/NNS/10/nsubj 10:work/VBP/7/acl:relcl 11:together/RB/10/advmod 12:././2/punct");
  const ParseView p(doc, 0);
  const int said = Find(p, "said");
  CHECK(p.root() == said);
  REQUIRE(ClausalComplements(p, said) == std::vector<int>{Find(p, "thinks")});
  CHECK(ClausalComplements(p, Find(p, "thinks")) == std::vector<int>{Find(p, "strongest")});
  CHECK(Predicates(p) ==
        std::vector<int>{said, Find(p, "thinks"), Find(p, "strongest"), Find(p, "work")});
  // The reported clause covers "she thinks ... together".
  CHECK(p.Span(Find(p, "thinks")) == std::pair<int, int>{2, 10});
  CHECK(p.Dominates(said, Find(p, "people")));
  CHECK_FALSE(p.Dominates(Find(p, "work"), said));

  // A parenthetical reporting verb: "“We lost,” she said" parsed with said as parataxis.
  const AnnotatedDocument quote = Sentence1(
      "1:``/``/3/punct 2:We/PRP/3/nsubj 3:lost/VBD/0/root 4:,/,/3/punct 5:''/''/3/punct "
      "6:she/PRP/7/nsubj 7:said/VBD/3/parataxis 8:././3/punct");
  const ParseView q(quote, 0);
  CHECK(ClausalComplements(q, Find(q, "said")) == std::vector<int>{Find(q, "lost")});
  CHECK(Form(q, ArgumentsOf(q, Find(q, "said")).subject) == "she");
}

TEST_CASE("ParseView rejects an unparsed sentence", "[engine][nlp][parser]") {
  AnnotatedDocument doc = Sentence1("1:Hello/UH/0/root");
  doc.tokens[0].head = -1;
  CHECK_THROWS_AS(ParseView(doc, 0), std::invalid_argument);
}

}  // namespace
}  // namespace claimgraph::engine::nlp
