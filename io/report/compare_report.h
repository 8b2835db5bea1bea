// The narrative comparison of two or more sources (`claimgraph compare`): where the sources agree,
// where they contradict each other, what each claims that the others do not touch, and how that
// moved over time (per year, and per shared proposition). Every entry quotes the exact sentences
// with their provenance, like the reliability report. Rendered as Markdown, HTML or JSON.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "io/report/report_data.h"

namespace claimgraph::io::report {

struct Comparison {
  std::vector<std::string> sources;   // resolved names, in the order asked
  std::map<std::string, int> claims;  // per source
  // Links between claims of two different compared sources, in report order.
  std::vector<const engine::ClaimLink*> agreements;
  std::vector<const engine::ClaimLink*> contradictions;
  std::vector<const engine::ClaimLink*> updates;
  // Per source: its claims with no link to another compared source's claims and whose
  // proposition no other compared source states. In date order.
  std::map<std::string, std::vector<const engine::Claim*>> alone;
  struct Window {
    std::string window;  // year of the later claim, "undated" if neither has a date
    std::string a, b;    // a < b
    int agreements = 0;
    int contradictions = 0;
    int updates = 0;
  };
  std::vector<Window> over_time;  // by window, then pair
  // Claims per source per year (the year of the claim's date, or "undated").
  std::map<std::string, std::map<std::string, int>> claims_per_year;
  // Propositions stated by two or more of the compared sources: their claims by those sources.
  std::vector<ReportData::Timeline> shared;
};

// Returns the source name in the run that `name` designates: the exact name, else the one name
// equal ignoring case. Returns "" when there is none (or the case-insensitive match is ambiguous).
std::string ResolveSource(const ReportData& data, const std::string& name);

// REQUIRES: at least two distinct source names known to the run (throws std::invalid_argument
// naming the unknown source and listing the known ones).
Comparison Compare(const ReportData& data, const std::vector<std::string>& sources);

void WriteComparisonMarkdown(const ReportData& data, const Comparison& c, std::ostream& out,
                             const ReportOptions& options = {});
void WriteComparisonHtml(const ReportData& data, const Comparison& c, std::ostream& out,
                         const ReportOptions& options = {});
void WriteComparisonJson(const ReportData& data, const Comparison& c, std::ostream& out,
                         const ReportOptions& options = {});

}  // namespace claimgraph::io::report
