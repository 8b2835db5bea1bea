// Reader for PolNeAR (Newell, Margolin & Ruths 2018) as laid out in
// ../shared/data/attribution/polnear/{train,dev}: text/NAME.txt (the article), attributions/
// NAME_ANNOTATOR.ann (brat standoff) and metadata.tsv (compartment, filename, level, annotators,
// publisher, publication_date, author, title, ...) in the split's folder or its parent.
//
// brat lines used:
//   T<n> TAB Source|Cue|Content|Attribution|Attribution-no-source START END[;START END...] TAB text
//   E<n> TAB Attribution[-no-source]:T<a> Source:T<b> Cue:T<c> Content:T<d>
// START/END are character (code point) offsets into the text; they become byte ranges. Discard
// and Discuss spans and other lines (#notes, relations) are skipped. A malformed T or E line (too
// few fields, a bad offset, an offset past the text, an unknown T id) is a diagnostic naming the
// file and line; the rest of the file is read.
//
// Some articles carry a second annotator's file (NAME_<other>.ann). The reader keeps one file an
// article: the first annotator listed in metadata.tsv, else the first file in name order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/attrib/attribution_span.h"
#include "engine/diagnostic.h"

namespace claimgraph::io {

struct PolnearDocument {
  std::string name;       // NAME (file stem without the annotator suffix)
  std::string annotator;  // the suffix of the .ann file read
  std::string text;
  std::string publisher;  // metadata.tsv; empty when the article has no row
  std::string date;       // publication date, ISO
  std::string title;
  std::string author;
  std::vector<engine::attrib::AttributionSpan> attributions;
};

struct PolnearCorpus {
  std::vector<PolnearDocument> documents;  // in name order
  engine::Diagnostics diagnostics;
};

// Parses one .ann file's content against the article `text`; `name` stands in for its path in
// diagnostics.
std::vector<engine::attrib::AttributionSpan> ParseBratAttributions(
    std::string_view ann, std::string_view text, const std::string& name,
    engine::Diagnostics* diagnostics);

// Reads a PolNeAR split folder (text/, attributions/, metadata.tsv here or one level up). An
// article without a .ann file is read with no attributions and a warning. Throws
// std::runtime_error if `dir`/text is not a readable directory.
PolnearCorpus ReadPolnearDirectory(const std::string& dir);

}  // namespace claimgraph::io
