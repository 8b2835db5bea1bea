// Readers for the labelled stance data sets, into engine::StanceDataset:
// - FNC-1 (FakeNewsChallenge/fnc-1): a bodies file (Body ID, articleBody; bodies quoted, with
//   newlines) and a stances file (Headline, Body ID, Stance: agree / disagree / discuss /
//   unrelated). A pair's group is its Body ID.
// - Emergent (Ferreira & Vlachos 2016; the cleaned split of thanhan/fc-aaai18): claimHeadline,
//   articleHeadline, articleHeadlineStance (for / against / observing, read as agree / disagree /
//   discuss), claimId. The claim is A, the article headline is B; a pair's group is its claim.
// Columns are found by their header names. Bad rows — too few fields, an unknown label, a Body ID
// with no body — are diagnostics naming the file and line; the other rows are read. A file that
// cannot be opened or lacks a needed column throws std::runtime_error.
#pragma once

#include <string>
#include <string_view>

#include "engine/diagnostic.h"
#include "engine/stance/stance_dataset.h"

namespace claimgraph::io {

struct StanceData {
  engine::StanceDataset dataset;
  engine::Diagnostics diagnostics;
};

StanceData ReadFnc1(const std::string& bodies_path, const std::string& stances_path);
// The same on text in memory; the names stand in for paths in diagnostics.
StanceData ParseFnc1(std::string_view bodies_csv, std::string_view stances_csv,
                     const std::string& bodies_name = "bodies.csv",
                     const std::string& stances_name = "stances.csv");

StanceData ReadEmergent(const std::string& path);
StanceData ParseEmergent(std::string_view csv, const std::string& name = "emergent.csv");

}  // namespace claimgraph::io
