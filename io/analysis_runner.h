// Runs the engine's pipeline over documents in the store and records the run: the glue behind
// `claimgraph analyze` and `claimgraph run`. The engine reads documents through
// engine::DocumentSource; StoreDocumentSource implements it by streaming from a Store.
#pragma once

#include <functional>

#include "engine/pipeline.h"
#include "io/store/store.h"

namespace claimgraph::io {

// Streams the documents matching `query` from `store` (the pipeline reads them twice).
class StoreDocumentSource : public engine::DocumentSource {
 public:
  StoreDocumentSource(Store* store, DocumentQuery query)
      : store_(store), query_(std::move(query)) {}
  void ForEach(const std::function<void(const engine::Document&)>& fn) override;

 private:
  Store* store_;
  DocumentQuery query_;
};

// Analyses the matching documents, saves the run (one transaction) and returns it with run_id set.
// When no document matches, nothing is recorded and run_id stays 0.
engine::AnalysisResult AnalyzeAndRecord(Store* store, const DocumentQuery& query,
                                        const engine::PipelineOptions& options,
                                        engine::PipelineStats* stats = nullptr);

// As AnalyzeAndRecord, and calls `with_run(result)` (writing the reports, say) on this thread
// while the run's rows are saved on another: it starts as soon as the run has its id and time
// stamp, which is all of the store a report needs. `with_run` must only read the result. Rethrows
// the saving's failure, else `with_run`'s, after both have finished; `with_run` is not called when
// saving fails before the run is numbered. When no document matches, nothing is recorded and
// `with_run` sees the empty run.
engine::AnalysisResult AnalyzeAndRecordWhile(
    Store* store, const DocumentQuery& query, const engine::PipelineOptions& options,
    engine::PipelineStats* stats,
    const std::function<void(const engine::AnalysisResult&)>& with_run);

// A few lines for the terminal: documents, claims, links by relation, copies, the most and least
// reliable sources, and the time and peak memory per stage.
std::string SummarizeRun(const engine::AnalysisResult& result, const engine::PipelineStats* stats);

}  // namespace claimgraph::io
