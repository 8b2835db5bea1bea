// The analysis pipeline: documents -> clean and extract -> link -> graph -> score, as one call.
// Start here for the engine. Documents arrive through DocumentSource (io implements it over the
// store), are read twice in a stream — once to learn each source's repeated page furniture, once
// to extract claims — and never all held in memory with their text.
//
// Thread safety: Analyze uses `threads` worker threads internally; the call itself is not
// reentrant on one DocumentSource.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/analysis.h"
#include "engine/extract/claim_extractor.h"
#include "engine/link/linker.h"
#include "engine/nlp/annotation.h"
#include "engine/text/boilerplate_index.h"
#include "engine/truth/text_reliability.h"
#include "graph/claim_graph.h"
#include "graph/source_windows.h"

namespace claimgraph::engine {

// Streams documents to the pipeline. Implemented by io over the store; tests use a vector.
class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // Calls `fn` once per document, in a stable order. May be called more than once.
  virtual void ForEach(const std::function<void(const Document&)>& fn) = 0;
};

class VectorDocumentSource : public DocumentSource {
 public:
  explicit VectorDocumentSource(const std::vector<Document>& docs) : docs_(docs) {}
  void ForEach(const std::function<void(const Document&)>& fn) override {
    for (const auto& d : docs_) fn(d);
  }

 private:
  const std::vector<Document>& docs_;
};

struct PipelineOptions {
  BoilerplateOptions boilerplate;
  ExtractorOptions extract;
  LinkOptions link;
  graph::WindowSize window = graph::WindowSize::kYear;
  bool use_stance_model = true;  // the learned model adds its judgement to the link rules
  // Scoring. TruthFinder stops when the direction of the trust vector settles (1 - cosine); its
  // library default of 0.001 would stop after the first iteration here, where every source's
  // trust falls from the initial 0.9 by about the same factor, leaving scores one step from the
  // start: the pipeline runs it to 1e-6.
  truth::TextReliabilityOptions reliability = [] {
    truth::TextReliabilityOptions o;
    o.truth.tolerance = 1e-6;
    return o;
  }();
  int threads = 2;
  // The linguistic layer (issue 9): every document is analysed (tokens, tags, lemmas, entities,
  // dependency parse: nlp::Annotate with the built-in models) so that extraction takes
  // attribution from the learned model, speakers through coreference, and each claim's frame
  // from the parse. A document that does not read as English (language "und") gets no English
  // structure: its sentences stay claims in the outlet's voice, without speaker or frame, and
  // the run counts it (PipelineStats::not_english).
  // Overrides the layer with precomputed annotations (e.g. CoreNLP's, io/nlp/conll_annotator.h);
  // returning false falls back to the built-in layer for that document. Called from the worker
  // threads: must be thread-safe.
  std::function<bool(const Document&, nlp::AnnotatedDocument*)> annotate;
  // Progress, for the command line (not recorded with the run): called on the calling thread as
  // the stages go — "boilerplate" and "extract" with the documents done of
  // `expected_documents` (0: unknown), then "link", "graph" and "score" once as each starts, with
  // the claims (links for "graph") they work on and a total of 0. May be empty.
  std::function<void(std::string_view stage, size_t done, size_t total)> progress;
  size_t expected_documents = 0;

  // The options as JSON, recorded with the run.
  std::string ToJson() const;
};

// Time and volume per stage, for benchmarks and the run summary.
struct StageStats {
  std::string stage;
  double seconds = 0;
  size_t items = 0;  // documents, claims or pairs, as the stage counts them
  size_t bytes = 0;
  size_t peak_rss = 0;  // the process's peak resident memory at the end of the stage, bytes
};

// The process's peak resident set size so far (VmHWM), in bytes; 0 where it cannot be read.
size_t PeakResidentBytes();

struct PipelineStats {
  std::vector<StageStats> stages;
  size_t documents = 0;
  size_t bytes = 0;
  size_t claims = 0;
  size_t candidate_pairs = 0;
  std::vector<std::pair<std::string, double>> link_steps;  // LinkResult::step_seconds
  // The linguistic layer within "extract": CPU seconds (summed over the worker threads) in
  // nlp::Annotate, and in the rest of extraction (coreference, attribution model, claims).
  double annotate_seconds = 0;
  double claims_seconds = 0;
  size_t tokens = 0;                     // tokens annotated
  size_t annotated_elsewhere = 0;        // documents read from PipelineOptions::annotate
  std::vector<std::string> not_english;  // documents (path, else id) not read as English
};

// Runs every stage. The result's documents carry metadata only (empty text); created_at is left
// for the store to fill when the run is recorded. Claim ids are 1..n in
// document order.
AnalysisResult Analyze(DocumentSource& documents, const PipelineOptions& options,
                       PipelineStats* stats = nullptr);

}  // namespace claimgraph::engine
