// Pieces the Markdown and HTML renderers (the report and the comparison) share: a cited claim with
// its provenance, a link's score and reasons, and the HTML page frame with its inline style sheet.
// Internal to io/report.
#pragma once

#include <ostream>
#include <string>

#include "engine/claim.h"
#include "io/report/report_data.h"

namespace claimgraph::io::report {

// Markdown: "**tag**", the exact sentence as a block quote, then who, which outlet, when, the
// document (linked), claim and document ids, the character span, polarity and modality.
void MarkdownCite(const ReportData& data, const engine::Claim& c, const std::string& tag,
                  std::ostream& out);
// "Score 0.91. Reasons: negation: 'not'; date: 2021 vs 2025.\n"; with `data`, then the two
// claims' aligned propositions (issue 10): "Propositions: A: Donald Trump · leave ...".
void MarkdownReasons(const engine::ClaimLink& l, std::ostream& out,
                     const ReportData* data = nullptr);

// HTML: a <div class="claim"> with the sentence in a <blockquote> and the provenance below.
void HtmlCite(const ReportData& data, const engine::Claim& c, const std::string& tag,
              std::ostream& out);
void HtmlReasons(const engine::ClaimLink& l, std::ostream& out, const ReportData* data = nullptr);

// The narrative-camps summary both reports print, as plain text: how many camps, and how much
// of the source pairs' weight the split leaves unexplained.
std::string CampsSummary(const graph::SourceNetwork& net);
// How many of the most contested claims the reports list.
constexpr size_t kContestedShown = 20;

// <!DOCTYPE html> ... <body> with the inline style sheet; no external assets.
void HtmlPageStart(const std::string& title, std::ostream& out);
void HtmlPageEnd(std::ostream& out);
// The inline script of the filter box (#filters with inputs #fq, #fs, #fp and output #fn, items
// of class "fi" with optional data-source / data-speaker lists joined by '|') and of
// table.sortable. Put it before HtmlPageEnd; the page works without it.
void HtmlScript(std::ostream& out);

}  // namespace claimgraph::io::report
