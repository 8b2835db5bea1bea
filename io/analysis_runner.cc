#include "io/analysis_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <future>
#include <map>
#include <sstream>
#include <thread>

namespace claimgraph::io {

void StoreDocumentSource::ForEach(const std::function<void(const engine::Document&)>& fn) {
  store_->ForEachDocument(query_, [&](engine::Document&& d) {
    fn(d);
    return true;
  });
}

engine::AnalysisResult AnalyzeAndRecord(Store* store, const DocumentQuery& query,
                                        const engine::PipelineOptions& options,
                                        engine::PipelineStats* stats) {
  StoreDocumentSource source(store, query);
  engine::AnalysisResult result = engine::Analyze(source, options, stats);
  if (result.documents.empty()) return result;  // an empty run is not recorded
  const auto t0 = std::chrono::steady_clock::now();
  store->SaveRun(&result);
  if (stats) {
    stats->stages.push_back(
        {"save", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
         result.claims.size() + result.links.size(), 0, engine::PeakResidentBytes()});
  }
  return result;
}

engine::AnalysisResult AnalyzeAndRecordWhile(
    Store* store, const DocumentQuery& query, const engine::PipelineOptions& options,
    engine::PipelineStats* stats,
    const std::function<void(const engine::AnalysisResult&)>& with_run) {
  StoreDocumentSource source(store, query);
  engine::AnalysisResult result = engine::Analyze(source, options, stats);
  if (result.documents.empty()) {  // an empty run is not recorded
    with_run(result);
    return result;
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::promise<void> numbered;
  bool numbered_ok = false;  // written before `numbered` is fulfilled, read after
  std::exception_ptr save_error, run_error;
  double save_seconds = 0;
  std::thread saver([&] {
    try {
      store->SaveRun(&result, [&] {
        numbered_ok = true;
        numbered.set_value();
      });
    } catch (...) {
      save_error = std::current_exception();
    }
    if (!numbered_ok) numbered.set_value();
    save_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  });
  numbered.get_future().wait();
  if (numbered_ok) {
    try {
      with_run(result);
    } catch (...) {
      run_error = std::current_exception();
    }
  }
  saver.join();
  if (save_error) std::rethrow_exception(save_error);
  if (run_error) std::rethrow_exception(run_error);
  if (stats) {
    stats->stages.push_back({"save", save_seconds, result.claims.size() + result.links.size(), 0,
                             engine::PeakResidentBytes()});
  }
  return result;
}

std::string SummarizeRun(const engine::AnalysisResult& result, const engine::PipelineStats* stats) {
  std::map<engine::Relation, int> by_relation;
  for (const auto& l : result.links) ++by_relation[l.relation];
  int attributed = 0;
  for (const auto& c : result.claims) attributed += !c.speaker.empty();
  std::ostringstream out;
  out << "run " << result.run_id << ": " << result.documents.size() << " documents, "
      << result.claims.size() << " claims (" << attributed << " attributed to a speaker), "
      << result.propositions.size() << " propositions\n";
  out << "links: " << by_relation[engine::Relation::kContradict] << " contradict, "
      << by_relation[engine::Relation::kUpdate] << " update, "
      << by_relation[engine::Relation::kAgree] << " agree, " << by_relation[engine::Relation::kCopy]
      << " copy; " << result.copies.size() << " copied documents\n";
  if (!result.sources.empty()) {
    auto sources = result.sources;
    std::sort(sources.begin(), sources.end(),
              [](const auto& a, const auto& b) { return a.reliability > b.reliability; });
    out << "reliability (" << result.reliability_method << ", " << result.iterations
        << " iterations" << (result.converged ? "" : ", not converged") << "):\n";
    for (const auto& s : sources) {
      char line[256];
      std::snprintf(line, sizeof line, "  %-40s %.3f ± %.3f  (%d claims, %d contradicted)\n",
                    s.name.c_str(), s.reliability, s.uncertainty, s.claims, s.contradicted);
      out << line;
    }
  }
  if (stats) {
    out << "stages:";
    for (const auto& s : stats->stages) {
      char part[96];
      std::snprintf(part, sizeof part, " %s %.2fs", s.stage.c_str(), s.seconds);
      out << part;
    }
    out << "\n";
    if (!stats->link_steps.empty()) {
      out << "link steps:";
      for (const auto& [step, seconds] : stats->link_steps) {
        char part[96];
        std::snprintf(part, sizeof part, " %s %.2fs", step.c_str(), seconds);
        out << part;
      }
      out << " (" << stats->candidate_pairs << " candidate pairs)\n";
    }
    if (stats->tokens > 0 || !stats->not_english.empty()) {
      char part[256];
      std::snprintf(part, sizeof part,
                    "linguistic layer: %zu tokens, %.2f CPU s annotating, %.2f CPU s "
                    "reading claims%s\n",
                    stats->tokens, stats->annotate_seconds, stats->claims_seconds,
                    stats->annotated_elsewhere > 0 ? " (some documents from --annotations)" : "");
      out << part;
    }
    if (!stats->not_english.empty()) {
      out << stats->not_english.size()
          << " document(s) not read as English: sentences kept as claims in the outlet's voice, "
             "without speakers or frames:";
      for (size_t i = 0; i < stats->not_english.size() && i < 5; ++i)
        out << " " << stats->not_english[i];
      if (stats->not_english.size() > 5) out << " ...";
      out << "\n";
    }
    out << "peak memory after each stage:";
    for (const auto& s : stats->stages) {
      char part[96];
      std::snprintf(part, sizeof part, " %s %.0f MiB", s.stage.c_str(),
                    static_cast<double>(s.peak_rss) / (1024 * 1024));
      out << part;
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace claimgraph::io
