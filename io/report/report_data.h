// ReportData: the index every report and comparison renders from. It resolves the ids in an
// engine::AnalysisResult (claims, documents, propositions), sorts the links by relation, and
// derives each source's and speaker's evidence (which claims were corroborated or contradicted,
// by which links) from the links themselves, so every figure a report prints can be traced to the
// sentences behind it. Built once per report in O(N log N); holds pointers into the result, which
// must outlive it.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/analysis.h"
#include "graph/source_network.h"

namespace claimgraph::io::report {

// What the human-readable reports (Markdown, HTML, JSON report sections) include.
struct ReportOptions {
  std::string title;  // "" = "Source-reliability report"
  // The top N of each list (contradictions, updates, agreements, contested claims, speakers,
  // timelines and their rows, documents); a capped list says how many it left out, and the rest
  // stays in the store and the exports. 0 = no cap (reports then grow with the run).
  size_t max_items = 50;
};

// A source's or speaker's claims and the links that touch them. Counts follow the definitions in
// engine::ReliabilityScore; reliability, uncertainty, windows and failed forecasts come from the
// scorer (`score`, null when the run did not score this name).
struct Evidence {
  std::string name;
  std::string role;  // speakers only
  const engine::ReliabilityScore* score = nullptr;
  int claims = 0;
  int corroborated = 0;    // claims with an agree link to a claim of an independent source
  int contradicted = 0;    // claims with a contradict link to a claim of another source
  int agreements = 0;      // agree links touching these claims
  int contradictions = 0;  // contradict links touching these claims
  std::vector<const engine::ClaimLink*> contradiction_links;  // in report order
  std::vector<const engine::ClaimLink*> agreement_links;
};

// The time relation of two claims linked as an update: which came first, and how they differ.
struct TimeRelation {
  const engine::Claim* earlier = nullptr;
  const engine::Claim* later = nullptr;
  std::string text;  // "2021-12-09 → 2025-11-17 (3 years 11 months later); about ... vs ..."
};
TimeRelation DescribeTimeRelation(const engine::Claim& a, const engine::Claim& b);

// "Qais al-Khazali (leader of Asa'ib Ahl al-Haq)", or "" for the outlet's own claim.
std::string SpeakerLabel(const engine::Claim& c);
// "September 2026" style description of a claim's `about` times: the text as written with the
// resolved range, "; "-joined; "" when none.
std::string AboutLabel(const engine::Claim& c);

class ReportData {
 public:
  explicit ReportData(const engine::AnalysisResult& result);

  const engine::AnalysisResult& result() const { return result_; }
  const engine::Claim* claim(int64_t id) const;
  const engine::Document* document(int64_t id) const;
  // The proposition's label, or its key when it has none.
  std::string PropositionLabel(const std::string& key) const;

  // Links whose two claims both exist. Contradictions and agreements: highest score first;
  // updates and copies: by the later claim's date.
  const std::vector<const engine::ClaimLink*>& links(engine::Relation r) const;
  size_t dangling_links() const { return dangling_links_; }

  // Sources (outlets) and speakers, most claims first. Every name that has a claim or a score
  // appears.
  const std::vector<Evidence>& sources() const { return sources_; }
  const std::vector<Evidence>& speakers() const { return speakers_; }
  const Evidence* source(const std::string& name) const;

  // The reliability windows any source was scored in, sorted.
  std::vector<std::string> ReliabilityWindows() const;

  // Claims stating each proposition (from Claim::proposition and Proposition::claims), by date.
  struct Timeline {
    std::string key;
    std::string label;
    std::vector<const engine::Claim*> claims;
    int contradictions = 0;  // contradict links inside the proposition
    int updates = 0;
  };
  // Propositions with at least two claims, most claims first.
  const std::vector<Timeline>& timelines() const { return timelines_; }

  // The sources as a network: narrative camps, degree and betweenness, from the run's
  // source-pair counts (graph/source_network.h).
  const graph::SourceNetwork& network() const { return network_; }

  // Claims in the most contradictions (degree in the graph of contradict links), most first, each
  // with those links in report order; only claims in two or more.
  struct Contested {
    const engine::Claim* claim;
    int contradictions;
    std::vector<const engine::ClaimLink*> links;
  };
  const std::vector<Contested>& contested() const { return contested_; }

  // True if the claims come from different sources whose documents are not marked as copies.
  bool Independent(const engine::Claim& a, const engine::Claim& b) const;

 private:
  const engine::AnalysisResult& result_;
  std::vector<const engine::Claim*> claims_dense_;            // by id, for ids 0..2n+16
  std::unordered_map<int64_t, const engine::Claim*> claims_;  // other ids
  std::unordered_map<int64_t, const engine::Document*> documents_;
  std::unordered_map<std::string, const engine::Proposition*> propositions_;
  std::map<engine::Relation, std::vector<const engine::ClaimLink*>> links_;
  size_t dangling_links_ = 0;
  std::vector<Evidence> sources_;
  std::vector<Evidence> speakers_;
  std::unordered_map<std::string, size_t> source_index_;
  std::vector<Timeline> timelines_;
  graph::SourceNetwork network_;
  std::vector<Contested> contested_;
  std::set<std::pair<int64_t, int64_t>> copy_documents_;  // (smaller, larger) document ids
};

}  // namespace claimgraph::io::report
