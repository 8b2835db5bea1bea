// A sink for the document readers' tests: keeps every document a reader hands over, with the
// diagnostics and counts it reports.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/document.h"
#include "io/readers/document_reader.h"

namespace claimgraph::testing {

struct CollectedDocuments {
  std::vector<engine::Document> docs;
  engine::Diagnostics diags;
  io::ReadStats stats;

  io::DocumentSink Sink() {
    return [this](engine::Document&& d) {
      docs.push_back(std::move(d));
      return true;
    };
  }
  size_t Errors() const {
    return std::count_if(diags.begin(), diags.end(), [](const engine::Diagnostic& d) {
      return d.severity == engine::Diagnostic::Severity::kError;
    });
  }
  // The first error diagnostic, or an empty one.
  engine::Diagnostic FirstError() const {
    for (const engine::Diagnostic& d : diags)
      if (d.severity == engine::Diagnostic::Severity::kError) return d;
    return {};
  }
};

}  // namespace claimgraph::testing
