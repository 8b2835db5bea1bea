// AnalyzeAndRecordWhile: the work given to it sees the numbered run while the run's rows are
// saved on another thread, and both end before it returns (the run is then in the store whole).
#include "io/analysis_runner.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "io/store/store.h"

using namespace claimgraph;

namespace {

std::unique_ptr<io::Store> StoreWithArticles() {
  auto store = io::OpenStore(":memory:");
  const char* texts[] = {
      "The harbour bridge will reopen to traffic on March 3, the city transport office said on "
      "Monday. Engineers replaced two cracked suspension cables over the winter.",
      "The harbour bridge will not reopen on March 3, the mayor said on Tuesday. Engineers found "
      "a third cracked cable during the final inspection of the span.",
  };
  int day = 1;
  for (const char* t : texts) {
    engine::Document d;
    d.source = day == 1 ? "Harbor Daily" : "City Wire";
    d.date = "2026-02-0" + std::to_string(day++);
    d.title = "Bridge";
    d.text = t;
    d.content_hash = std::string("hash-") + t;
    d.language = "en";
    d.path = "article" + std::to_string(day) + ".txt";
    store->PutDocument(&d);
  }
  return store;
}

}  // namespace

TEST_CASE("AnalyzeAndRecordWhile hands over the numbered run and saves it whole", "[io]") {
  auto store = StoreWithArticles();
  engine::PipelineOptions options;
  options.use_stance_model = false;
  int64_t seen_id = 0;
  size_t seen_claims = 0;
  std::string seen_time;
  const engine::AnalysisResult run = io::AnalyzeAndRecordWhile(
      store.get(), {}, options, nullptr, [&](const engine::AnalysisResult& r) {
        seen_id = r.run_id;
        seen_claims = r.claims.size();
        seen_time = r.created_at;
      });
  REQUIRE(run.run_id > 0);
  CHECK(seen_id == run.run_id);
  CHECK(seen_time == run.created_at);
  CHECK(seen_claims == run.claims.size());
  CHECK(seen_claims > 0);
  const engine::AnalysisResult back = store->LoadRun(run.run_id);
  CHECK(back.claims.size() == run.claims.size());
  CHECK(back.links.size() == run.links.size());
}

TEST_CASE("AnalyzeAndRecordWhile rethrows the work's failure after the run is saved", "[io]") {
  auto store = StoreWithArticles();
  engine::PipelineOptions options;
  options.use_stance_model = false;
  CHECK_THROWS_WITH(io::AnalyzeAndRecordWhile(store.get(), {}, options, nullptr,
                                              [](const engine::AnalysisResult&) {
                                                throw std::runtime_error("report failed");
                                              }),
                    "report failed");
  CHECK(store->LatestRunId().has_value());  // the save went on and committed
}
