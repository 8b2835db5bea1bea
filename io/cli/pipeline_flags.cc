#include "io/cli/pipeline_flags.h"

#include "io/cli/commands.h"
#include "io/nlp/conll_annotator.h"
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
      "../shared/data/syntax/polnear-corenlp/dev): attribution by the learned model on them");
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
  return o;
}

}  // namespace claimgraph::cli
