#include "io/cli/pipeline_flags.h"

#include <iostream>

#include "io/cli/commands.h"
#include "io/nlp/conll_annotator.h"
#include "io/truth/verdicts.h"
#include "io/wordnet_loader.h"

namespace po = boost::program_options;

namespace claimgraph::cli {

void PipelineFlags::Add(po::options_description* desc) {
  desc->add_options()("no-stance", po::bool_switch(&no_stance),
                      "link claims by the rules only, without the learned stance model")(
      "window", po::value(&window)->default_value(window),
      "time window of source-to-source counts: year or month")(
      "threads", po::value(&threads)->default_value(threads), "worker threads")(
      "update-gap-days", po::value(&update_gap_days)->default_value(update_gap_days),
      "claims made further apart than this are about different times (update, not contradict)")(
      "boilerplate-min-documents",
      po::value(&boilerplate_min_documents)->default_value(boilerplate_min_documents),
      "a paragraph repeated in this many pages of one source is page furniture")(
      "candidates", po::value(&candidates)->default_value(candidates),
      "how the link stage finds candidate pairs: propositions (shared subject and predicate "
      "class, subject and measure, or event; word overlap only above a high bar) or words "
      "(word overlap alone, as before issue 10)")(
      "annotations", po::value(&annotations),
      "folder of CoNLL annotations (NAME.conll for NAME.txt, e.g. "
      "../shared/data/syntax/polnear-corenlp/dev) read instead of the built-in linguistic layer "
      "(documents without one get the built-in layer)")(
      "verdicts", po::value(&verdicts)->composing()->value_name("FILE"),
      "known verdicts (past fact-checks) that calibrate the sources: CSV `claim,verdict` keyed "
      "by claim text or proposition, or schema.org ClaimReview JSON-LD (repeatable)");
}

engine::PipelineOptions PipelineFlags::ToOptions() const {
  engine::PipelineOptions o;
  if (window == "year") {
    o.window = graph::WindowSize::kYear;
  } else if (window == "month") {
    o.window = graph::WindowSize::kMonth;
  } else {
    throw UsageError("--window must be year or month, not '" + window + "'");
  }
  if (threads < 1 || threads > 256) throw UsageError("--threads must be between 1 and 256");
  if (update_gap_days < 0) throw UsageError("--update-gap-days must not be negative");
  if (boilerplate_min_documents < 2) throw UsageError("--boilerplate-min-documents must be >= 2");
  if (candidates != "propositions" && candidates != "words")
    throw UsageError("--candidates must be propositions or words, not '" + candidates + "'");
  o.link.proposition_candidates = candidates == "propositions";
  o.threads = threads;
  o.use_stance_model = !no_stance;
  o.link.relation.update_gap_days = update_gap_days;
  o.link.relation.wordnet = &io::SharedWordNet();  // empty if not installed: stems only
  o.boilerplate.min_documents = boilerplate_min_documents;
  if (!annotations.empty()) o.annotate = io::ConllAnnotator(annotations);
  if (!verdicts.empty()) {
    engine::Diagnostics diagnostics;
    for (const std::string& file : verdicts) {
      try {
        auto read = io::truth::ReadVerdicts(file, &diagnostics);
        o.reliability.verdicts.insert(o.reliability.verdicts.end(), read.begin(), read.end());
      } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
      }
    }
    for (const engine::Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
    std::cerr << "verdicts: " << o.reliability.verdicts.size() << " read from " << verdicts.size()
              << " file(s)\n";
    o.reliability.on_verdicts = [](const engine::Diagnostics& found, int matched, int known) {
      for (const engine::Diagnostic& d : found) std::cerr << d.ToString() << "\n";
      std::cerr << "verdicts: " << matched << " matched claims of the run; " << known
                << " proposition(s) or claim(s) with a verdict\n";
    };
  }
  return o;
}

}  // namespace claimgraph::cli
