// Golden end-to-end run: the real binary on samples/ (both corpora), checked against the findings
// samples/README.md says a correct analysis makes.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "engine/link/relation_classifier.h"
#include "tests/e2e/e2e_support.h"

using claimgraph::engine::DaysBetween;
using namespace claimgraph::e2e;
using nlohmann::json;

namespace {

struct RunOutput {
  int status = -1;
  std::string log;
  json claims;  // the contract export
  std::map<int64_t, json> by_id;
  std::string markdown;
};

// Runs once for all the cases in this file.
const RunOutput& SamplesRun() {
  static const RunOutput out = [] {
    RunOutput r;
    static TempDir dir("samples");
    const auto run =
        RunClaimgraph("run '" + SourceDir() + "/samples/iraq-withdrawal' '" + SourceDir() +
                      "/samples/harbor-bridge' --out '" + dir.path.string() + "'");
    r.status = run.status;
    r.log = run.text;
    if (r.status == 0) {
      r.claims = ReadJson(dir / "claims.json");
      for (const auto& c : r.claims["claims"]) r.by_id[c["id"].get<int64_t>()] = c;
      r.markdown = ReadFile(dir / "report.md");
    }
    return r;
  }();
  return out;
}

bool Contains(const json& claim, const std::string& needle) {
  return claim["text"].get<std::string>().find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("run on samples: succeeds and writes the contract export", "[e2e]") {
  const auto& r = SamplesRun();
  INFO(r.log);
  REQUIRE(r.status == 0);
  CHECK(r.claims["documents"].size() == 21);
  for (const char* key : {"documents", "claims", "edges", "sources", "copies"})
    CHECK(r.claims.contains(key));
  CHECK(r.markdown.find("Contradictions") != std::string::npos);
  // Reliability is TruthFinder run to a fixed point, not stopped after its first step, and the
  // run records how it was scored.
  CHECK(r.claims["run"]["iterations"].get<int>() >= 2);
  CHECK(r.claims["run"]["converged"] == true);
  CHECK(r.claims["run"]["config"]["score"]["method"] == "truthfinder");
  // The reports show the narrative camps of the two stories.
  CHECK(r.claims["source_network"]["camps"].get<int>() >= 2);
  CHECK(r.markdown.find("## Narrative camps") != std::string::npos);
}

TEST_CASE("run on samples: the syndicated copies are found, and only they", "[e2e]") {
  const auto& r = SamplesRun();
  REQUIRE(r.status == 0);
  std::set<std::pair<std::string, std::string>> copies;
  for (const auto& c : r.claims["copies"]) {
    auto a = c["a"].get<std::string>(), b = c["b"].get<std::string>();
    if (b < a) std::swap(a, b);
    copies.emplace(a, b);
  }
  CHECK(copies == std::set<std::pair<std::string, std::string>>{
                      {"Tigris Ledger", "levantwire.example"},
                      {"Harbourside Gazette", "coastlinepress.example"}});
}

TEST_CASE("run on samples: withdrawal claimed and denied in the same period is a contradiction",
          "[e2e]") {
  const auto& r = SamplesRun();
  REQUIRE(r.status == 0);
  int found = 0;
  for (const auto& e : r.claims["edges"]) {
    if (e["relation"] != "contradict") continue;
    const auto& a = r.by_id.at(e["a"].get<int64_t>());
    const auto& b = r.by_id.at(e["b"].get<int64_t>());
    const bool a_not_left = Contains(a, "have not left") || Contains(a, "had not left");
    const bool b_not_left = Contains(b, "have not left") || Contains(b, "had not left");
    const bool a_withdrew = Contains(a, "withdraw") && a["polarity"] == "affirmed";
    const bool b_withdrew = Contains(b, "withdraw") && b["polarity"] == "affirmed";
    if ((a_not_left && b_withdrew) || (b_not_left && a_withdrew)) ++found;
  }
  CHECK(found >= 1);
}

TEST_CASE("run on samples: no contradiction joins claims made far apart in time", "[e2e]") {
  const auto& r = SamplesRun();
  REQUIRE(r.status == 0);
  int updates = 0;
  for (const auto& e : r.claims["edges"]) {
    const auto& a = r.by_id.at(e["a"].get<int64_t>());
    const auto& b = r.by_id.at(e["b"].get<int64_t>());
    const auto gap = DaysBetween(a["date"].get<std::string>(), b["date"].get<std::string>());
    REQUIRE(gap.has_value());
    if (e["relation"] == "contradict") {
      INFO(a["text"] << " || " << b["text"]);
      CHECK(std::labs(*gap) <= 183);
    }
    updates += e["relation"] == "update";
  }
  CHECK(updates >= 1);
}

TEST_CASE("run on samples: quoted claims are attributed to their speakers", "[e2e]") {
  const auto& r = SamplesRun();
  REQUIRE(r.status == 0);
  std::set<std::string> speakers;
  for (const auto& c : r.claims["claims"])
    if (!c["speaker"].is_null()) speakers.insert(c["speaker"].get<std::string>());
  for (const char* name : {"Kenneth McKenzie", "Qais al-Khazali", "Qais al-Muhammadawi",
                           "Saif Al-Saadi", "Tomas Varga", "Graham Ashdown", "Helen Marsh"}) {
    INFO(name);
    CHECK(speakers.count(name) == 1);
  }
}

TEST_CASE("run on samples: no claim comes from page furniture", "[e2e]") {
  const auto& r = SamplesRun();
  REQUIRE(r.status == 0);
  for (const auto& c : r.claims["claims"]) {
    INFO(c["text"]);
    for (const char* furniture : {"Comments", "newsletter", "Newsletter", "Share this", "LATEST",
                                  "Related stories", "Sign up", "Subscribe"})
      CHECK_FALSE(Contains(c, furniture));
  }
}

TEST_CASE("run on samples: every claim keeps its provenance", "[e2e]") {
  const auto& r = SamplesRun();
  REQUIRE(r.status == 0);
  std::set<int64_t> docs;
  for (const auto& d : r.claims["documents"]) docs.insert(d["id"].get<int64_t>());
  for (const auto& c : r.claims["claims"]) {
    CHECK(docs.count(c["document"].get<int64_t>()) == 1);
    const auto span = c["span"];
    REQUIRE(span.size() == 2);
    CHECK(span[0].get<int64_t>() < span[1].get<int64_t>());
    CHECK(!c["text"].get<std::string>().empty());
  }
}

TEST_CASE("run again on the same corpus adds no documents", "[e2e]") {
  TempDir dir("rerun");
  const std::string corpus = "'" + SourceDir() + "/samples/harbor-bridge'";
  const std::string args = "run " + corpus + " --out '" + dir.path.string() + "'";
  REQUIRE(RunClaimgraph(args).status == 0);
  const auto again = RunClaimgraph(args);
  REQUIRE(again.status == 0);
  INFO(again.text);
  CHECK(again.text.find("added 0") != std::string::npos);
  CHECK(again.text.find("run 2") != std::string::npos);
}
