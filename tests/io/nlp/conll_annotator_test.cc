#include "io/nlp/conll_annotator.h"

#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace claimgraph::io {
namespace {

constexpr const char* kConll =
    "# sent_id = 1\n"
    "1\tKaine\tKaine\tNNP\tPERSON\t0\t5\t2\tnsubj\n"
    "2\tspoke\tspeak\tVBD\tO\t6\t11\t0\troot\n"
    "3\t.\t.\t.\tO\t11\t12\t2\tpunct\n";

TEST_CASE("ConllAnnotator gives a document the annotations of its file name", "[io][nlp]") {
  claimgraph::testing::TempDir dir("annotator");
  dir.Write("paper_x.conll", kConll);
  const ConllAnnotator annotate(dir.path.string());
  engine::Document doc;
  doc.path = "/corpus/paper_x.txt";
  doc.text = "Kaine spoke.";
  engine::nlp::AnnotatedDocument a;
  REQUIRE(annotate(doc, &a));
  REQUIRE(a.tokens.size() == 3);
  CHECK(a.tokens[0].ner == "PERSON");
  CHECK(a.text == doc.text);
  // Annotations of another text are refused (offsets would point at the wrong words).
  doc.text = "Someone else spoke at length.";
  CHECK_FALSE(annotate(doc, &a));
  // No file: no annotations.
  doc.path = "/corpus/other.txt";
  CHECK_FALSE(annotate(doc, &a));
}

}  // namespace
}  // namespace claimgraph::io
