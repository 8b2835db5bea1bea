#include "io/attribution/polnear_reader.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/test_support.h"

namespace claimgraph::io {
namespace {

using engine::attrib::ByteRange;

// A curly quote before the spans, so character and byte offsets differ by two bytes; the
// content is interrupted by the source and cue ("“We will win,” he said, “in November.”").
constexpr std::string_view kText = "’ “We will win,” he said, “in November.”";

std::string Slice(std::string_view text, const ByteRange& r) {
  return std::string(text.substr(r.begin, r.size()));
}

TEST_CASE("ParseBratAttributions joins source, cue and content in bytes", "[io][attribution]") {
  const std::string ann =
      "T1\tContent 3 14;27 38\tWe will win in November\n"
      "T2\tSource 17 19\the\n"
      "T3\tCue 20 24\tsaid\n"
      "T4\tAttribution 20 24\tsaid\n"
      "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
  engine::Diagnostics d;
  const auto a = ParseBratAttributions(ann, kText, "x.ann", &d);
  REQUIRE(d.empty());
  REQUIRE(a.size() == 1);
  REQUIRE(a[0].content.size() == 2);
  CHECK(Slice(kText, a[0].content[0]) == "We will win");
  CHECK(Slice(kText, a[0].content[1]) == "in November");
  REQUIRE(a[0].source.size() == 1);
  CHECK(Slice(kText, a[0].source[0]) == "he");
  CHECK(Slice(kText, a[0].cue[0]) == "said");
}

TEST_CASE("ParseBratAttributions reports malformed lines with file and line and goes on",
          "[io][attribution]") {
  const std::string ann =
      "T1\tContent 3 14\tWe will win\n"
      "T2\tSource x 18\the\n"   // line 2: bad offset
      "T3\tCue 20 900\tsaid\n"  // line 3: past the text
      "T5\tCue 20 24\tsaid\n"
      "E1\tAttribution:T4 Content:T1 Cue:T5\n"  // line 5: unknown T4 is only the trigger
      "E2\tAttribution:T5 Content:T1 Cue:T9\n"  // line 6: unknown span
      "T6\n";                                   // line 7: no type
  engine::Diagnostics d;
  const auto a = ParseBratAttributions(ann, kText, "x.ann", &d);
  REQUIRE(d.size() == 4);
  CHECK(d[0].file == "x.ann");
  CHECK(d[0].line == 2);
  CHECK(d[1].line == 3);
  CHECK(d[2].line == 7);
  CHECK(d[3].line == 6);
  // E1 stands (the trigger is not needed): no source, cue and content read.
  REQUIRE(a.size() == 1);
  CHECK(a[0].source.empty());
  CHECK(Slice(kText, a[0].cue[0]) == "said");
}

TEST_CASE("ReadPolnearDirectory finds metadata one level up and picks the listed annotator",
          "[io][attribution]") {
  claimgraph::testing::TempDir dir("polnear");
  dir.Write("metadata.tsv",
            "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n"
            "dev\tpaper_2016-01-02_x\t1\tbbbb\tpaper\t2016-01-02\tA. Writer\tA title\n");
  dir.Write("dev/text/paper_2016-01-02_x.txt", std::string(kText));
  dir.Write("dev/attributions/paper_2016-01-02_x_aaaa.ann", "");
  dir.Write("dev/attributions/paper_2016-01-02_x_bbbb.ann",
            "T1\tContent 3 14\tWe will win\nT3\tCue 20 24\tsaid\n"
            "E1\tAttribution:T3 Content:T1 Cue:T3\n");
  const PolnearCorpus c = ReadPolnearDirectory(dir / "dev");
  REQUIRE(c.documents.size() == 1);
  CHECK(c.documents[0].publisher == "paper");
  CHECK(c.documents[0].date == "2016-01-02");
  CHECK(c.documents[0].annotator == "bbbb");
  CHECK(c.documents[0].attributions.size() == 1);
}

}  // namespace
}  // namespace claimgraph::io
