#include "io/nlp/conll_reader.h"

#include <catch2/catch.hpp>
#include <filesystem>

namespace claimgraph::io {
namespace {

// Two sentences in the shared files' layout, with a coreference chain across them
// ("Hillary Clinton" ... "her") and a curly apostrophe so byte and character offsets differ.
constexpr std::string_view kText = "Hillary Clinton’s team left. They took her home.";
constexpr std::string_view kConll =
    "# sent_id = 1\n"
    "1\tHillary\tHillary\tNNP\tPERSON\t0\t7\t2\tcompound\n"
    "2\tClinton\tClinton\tNNP\tPERSON\t8\t15\t4\tnmod:poss\n"
    "3\t’s\t's\tPOS\tO\t15\t17\t2\tcase\n"
    "4\tteam\tteam\tNN\tO\t18\t22\t5\tnsubj\n"
    "5\tleft\tleave\tVBD\tO\t23\t27\t0\troot\n"
    "6\t.\t.\t.\tO\t27\t28\t5\tpunct\n"
    "\n"
    "# sent_id = 2\n"
    "1\tThey\tthey\tPRP\tO\t29\t33\t2\tnsubj\n"
    "2\ttook\ttake\tVBD\tO\t34\t38\t0\troot\n"
    "3\ther\tshe\tPRP\tO\t39\t42\t2\tdobj\n"
    "4\thome\thome\tNN\tO\t43\t47\t2\tadvmod\n"
    "5\t.\t.\t.\tO\t47\t48\t2\tpunct\n"
    "# coref = 1:1-3:2 | 2:3-4:3\n";

TEST_CASE("ParseConll reads tokens, heads, sentences and coreference", "[io][nlp]") {
  engine::Diagnostics diags;
  const auto doc = ParseConll(kConll, "x.conll", &diags);
  REQUIRE(diags.empty());
  REQUIRE(doc.tokens.size() == 11);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.sentences[1].first == 6);
  CHECK(doc.tokens[4].lemma == "leave");
  CHECK(doc.tokens[4].head == -2);  // root
  CHECK(doc.tokens[3].head == 4);   // team <- left
  CHECK(doc.tokens[3].deprel == "nsubj");
  CHECK(doc.tokens[0].ner == "PERSON");
  REQUIRE(doc.coref.size() == 1);
  const auto& m = doc.coref[0].mentions;
  REQUIRE(m.size() == 2);
  CHECK(m[0].first == 0);
  CHECK(m[0].last == 1);
  CHECK(m[0].head == 1);
  CHECK(m[1].first == 8);
  CHECK(m[1].last == 8);
  CHECK(doc.text.empty());
  CHECK(doc.tokens[6].begin == 29);  // characters without the text
}

TEST_CASE("ParseConll converts character offsets to bytes when given the text", "[io][nlp]") {
  const auto doc = ParseConll(kConll, "x.conll", nullptr, kText);
  // "’" is three bytes in UTF-8: everything after it moves two bytes right.
  CHECK(doc.tokens[2].begin == 15);
  CHECK(doc.tokens[2].end == 19);
  CHECK(doc.text.substr(doc.tokens[3].begin, doc.tokens[3].end - doc.tokens[3].begin) == "team");
  CHECK(doc.text.substr(doc.tokens[8].begin, doc.tokens[8].end - doc.tokens[8].begin) == "her");
  CHECK(doc.sentences[1].begin == doc.tokens[6].begin);
}

TEST_CASE("ParseConll drops a malformed sentence with a diagnostic and keeps the rest",
          "[io][nlp]") {
  struct Case {
    std::string bad_line;
    std::string what;
  };
  const Case cases[] = {
      {"1\tHillary\tHillary\tNNP\tPERSON\t0\n", "too few fields"},
      {"1\tHillary\tHillary\tNNP\tPERSON\tx\t7\t2\tcompound\n", "non-number start"},
      {"1\tHillary\tHillary\tNNP\tPERSON\t0\t7\t-3\tcompound\n", "negative head"},
      {"7\tHillary\tHillary\tNNP\tPERSON\t0\t7\t2\tcompound\n", "id out of sequence"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::string content(kConll);
    const size_t first_token = content.find("1\tHillary");
    const size_t line_end = content.find('\n', first_token);
    content.replace(first_token, line_end + 1 - first_token, c.bad_line);
    engine::Diagnostics diags;
    const auto doc = ParseConll(content, "bad.conll", &diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "bad.conll");
    CHECK(diags[0].line == 2);
    REQUIRE(doc.sentences.size() == 1);  // the second sentence survives
    CHECK(doc.tokens[0].form == "They");
    CHECK(doc.coref.empty());  // the chain loses its first mention: one left, not a chain
  }
}

TEST_CASE("The shared CoreNLP dev annotations read without errors and match the articles",
          "[io][nlp]") {
  const std::string root = std::string(CLAIMGRAPH_SOURCE_DIR) + "/../shared/data/";
  if (!std::filesystem::exists(root + "syntax/polnear-corenlp/dev")) {
    WARN("shared data absent; skipped");
    return;
  }
  const auto corpus = ReadConllDirectory(root + "syntax/polnear-corenlp/dev",
                                         root + "attribution/polnear/dev/text");
  CHECK(corpus.diagnostics.empty());
  REQUIRE(corpus.documents.size() == 83);
  size_t tokens = 0, matched = 0, chains = 0;
  for (const auto& doc : corpus.documents) {
    chains += doc.coref.size();
    for (const auto& t : doc.tokens) {
      ++tokens;
      if (doc.text.compare(t.begin, t.end - t.begin, t.form) == 0) ++matched;
    }
  }
  CHECK(tokens > 60000);
  CHECK(chains > 1000);
  // CoreNLP writes Penn Treebank forms (`` '' for quotes, -LRB- for brackets, 's for ’s, -- for
  // dashes): 96.3% of forms equal the text at their offsets, the rest are those normalisations.
  CHECK(static_cast<double>(matched) / tokens > 0.95);
}

}  // namespace
}  // namespace claimgraph::io
