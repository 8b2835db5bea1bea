// What changed between two recorded runs (`claimgraph diff`): claims and links added or gone, and
// sources whose reliability moved, with the evidence behind each move. This is how a team that
// re-runs an analysis after new articles, or with a new version, sees what moved.
//
// Claim ids are numbered per run, so claims are matched by where they come from: the document
// (store ids are stable: documents are keyed by their bytes' hash) and the byte span of the
// sentence. Links are matched by their two claims (either order) and relation; a pair linked in
// both runs under different relations counts as one link gone and one added. O(N log N) in the
// claims and links of the two runs.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/analysis.h"

namespace claimgraph::io::report {

struct DiffOptions {
  // A source "moved" when its reliability changed by at least this much, or it appears in one run
  // only.
  double min_reliability_change = 0.01;
  size_t max_items = 50;  // the top N of each list when rendered; 0 = all
};

struct LinkChange {
  const engine::ClaimLink* link;  // in the run it belongs to (A for gone, B for added)
  const engine::Claim* a;
  const engine::Claim* b;
};

struct SourceMove {
  std::string name;
  const engine::ReliabilityScore* before = nullptr;  // null: not scored in run A
  const engine::ReliabilityScore* after = nullptr;   // null: not scored in run B
  double change = 0;                                 // after - before (0 when either is missing)
};

struct RunDiff {
  const engine::AnalysisResult* a = nullptr;
  const engine::AnalysisResult* b = nullptr;
  size_t claims_kept = 0;
  std::vector<const engine::Claim*> claims_added;  // in B, by document and position
  std::vector<const engine::Claim*> claims_gone;   // in A
  size_t links_kept = 0;
  std::vector<LinkChange> links_added;  // highest score first
  std::vector<LinkChange> links_gone;
  std::vector<SourceMove> sources;  // largest move first; new and dropped sources after
  size_t documents_added = 0;       // documents in B not analysed in A
  size_t documents_gone = 0;
};

// The sources whose reliability moved from scores `a` to scores `b` (by name), in RunDiff's order:
// largest move first, then the sources scored in one run only. Points into `a` and `b`.
std::vector<SourceMove> MovedSources(const std::vector<engine::ReliabilityScore>& a,
                                     const std::vector<engine::ReliabilityScore>& b,
                                     const DiffOptions& options = {});

// Compares run `a` (the earlier) with run `b`. Both must outlive the result.
RunDiff DiffRuns(const engine::AnalysisResult& a, const engine::AnalysisResult& b,
                 const DiffOptions& options = {});

// The diff as Markdown (headline counts, then the top N of each list with the sentences) or as
// JSON (the same, machine-readable).
void WriteDiffMarkdown(const RunDiff& diff, std::ostream& out, const DiffOptions& options = {});
void WriteDiffJson(const RunDiff& diff, std::ostream& out, const DiffOptions& options = {});

}  // namespace claimgraph::io::report
