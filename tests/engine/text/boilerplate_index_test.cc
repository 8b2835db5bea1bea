#include "engine/text/boilerplate_index.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/text/page_cleaner.h"

using namespace claimgraph::engine;

namespace {

Document Page(const std::string& source, const std::string& body, int i) {
  Document d;
  d.id = i;
  d.source = source;
  d.text = "Article number " + std::to_string(i) + " reports something different today.\n" + body +
           "\nSupport independent journalism: become a member of our club today.\n";
  return d;
}

}  // namespace

TEST_CASE("BoilerplateIndex flags paragraphs repeated across a source's pages",
          "[engine][text][boilerplate]") {
  BoilerplateIndex index;
  for (int i = 0; i < 4; ++i) index.Add(Page("Harbor Times", "The bridge story goes on.", i));
  index.Add(Page("Other Paper", "Nothing to see here at all today.", 10));
  index.Finalize();
  const std::string promo = "Support independent journalism: become a member of our club today.";
  CHECK(index.DocumentCount("Harbor Times", promo) == 4);
  CHECK(index.IsBoilerplate("Harbor Times", promo));
  // White space, case and punctuation do not matter.
  CHECK(index.IsBoilerplate("Harbor Times",
                            "support independent journalism  become a member of our club today"));
  // Counted per source.
  CHECK_FALSE(index.IsBoilerplate("Other Paper", promo));
  CHECK_FALSE(
      index.IsBoilerplate("Harbor Times", "Article number 1 reports something different today."));

  // CleanPage uses the index.
  const Document d = Page("Harbor Times", "A new paragraph about the bridge toll.", 7);
  int repeated = 0;
  for (const Block& b : CleanPage(d, &index)) repeated += b.kind == BlockKind::kRepeated;
  CHECK(repeated == 1);
}

TEST_CASE("BoilerplateIndex shards merge to the same index and serialise losslessly",
          "[engine][text][boilerplate]") {
  BoilerplateIndex whole, a, b;
  for (int i = 0; i < 6; ++i) {
    const Document d =
        Page(i % 2 ? "A" : "B", "Body " + std::to_string(i % 3) + " text here, long enough.", i);
    whole.Add(d);
    (i < 3 ? a : b).Add(d);
  }
  whole.Finalize();
  a.Merge(b);
  a.Finalize();
  CHECK(a.Serialize() == whole.Serialize());
  CHECK(a.documents() == 6);

  BoilerplateIndex back;
  REQUIRE(BoilerplateIndex::Deserialize(whole.Serialize(), &back));
  CHECK(back.Serialize() == whole.Serialize());
  const std::string promo = "Support independent journalism: become a member of our club today.";
  CHECK(back.DocumentCount("A", promo) == 3);
  CHECK(back.IsBoilerplate("B", promo));

  BoilerplateIndex bad;
  CHECK_FALSE(BoilerplateIndex::Deserialize("garbage", &bad));
  std::string truncated = whole.Serialize();
  truncated.pop_back();
  CHECK_FALSE(BoilerplateIndex::Deserialize(truncated, &bad));
}
