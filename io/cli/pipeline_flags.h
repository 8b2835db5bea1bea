// Options of the analysis pipeline shared by `claimgraph analyze` and `claimgraph run`.
#pragma once

#include <boost/program_options.hpp>

#include "engine/pipeline.h"

namespace claimgraph::cli {

struct PipelineFlags {
  bool no_stance = false;
  std::string window = "year";
  int threads = 2;
  double update_gap_days = 183;
  int boilerplate_min_documents = 3;
  std::string candidates = "propositions";  // or "words": the word-overlap index alone
  std::string annotations;  // folder of NAME.conll annotations (io/nlp/conll_annotator.h)
  std::vector<std::string> verdicts;  // known verdicts: CSV or ClaimReview JSON-LD files

  void Add(boost::program_options::options_description* desc);
  // Throws UsageError for a bad value. Reads the verdict files (their diagnostics, and those of
  // matching them to the run's claims, go to standard error).
  engine::PipelineOptions ToOptions() const;
};

}  // namespace claimgraph::cli
