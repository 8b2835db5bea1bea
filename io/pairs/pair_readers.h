// Readers for labelled sentence pairs, for `claimgraph eval pairs` and `train pairs`:
// - SICK (Marelli et al. 2014; ../shared/data/nli/sick/SICK.txt): tab-separated with a header
//   (pair_ID, sentence_A, sentence_B, entailment_label, ..., SemEval_set), CRLF line ends.
//   ENTAILMENT -> agree, CONTRADICTION -> contradict, NEUTRAL -> related. `portions` keeps only
//   rows whose SemEval_set is listed ("TRAIN", "TRIAL"); empty = all.
// - TSV (the team's real news pairs, as samples/polnear_pairs.py writes them): a header
//   `a<TAB>b<TAB>label`, labels agree / contradict / update / related / unrelated.
// Bad rows (too few fields, an unknown label) are diagnostics naming file and line; the rest are
// read. A file that cannot be opened, or lacks a needed column, throws std::runtime_error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/proposition/proposition.h"

namespace claimgraph::io {

struct LabelledPair {
  std::string a, b;
  engine::PairRelation label = engine::PairRelation::kRelated;
  size_t line = 0;
};

struct PairData {
  std::vector<LabelledPair> pairs;
  engine::Diagnostics diagnostics;
};

PairData ReadSickPairs(const std::string& path, const std::vector<std::string>& portions = {});
PairData ParseSickPairs(std::string_view text, const std::string& name,
                        const std::vector<std::string>& portions = {});

PairData ReadTsvPairs(const std::string& path);
PairData ParseTsvPairs(std::string_view text, const std::string& name);

}  // namespace claimgraph::io
