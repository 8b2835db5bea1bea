// Scores predicted attributions against gold ones (PolNeAR's scheme, attribution_span.h).
//
// Span scores, per role (source, cue, content), over the distinct role spans of each document:
//   exact    a predicted span counts when some gold span of that role has the same byte ranges
//            (after trimming white space and punctuation at the edges), and a gold span is found
//            when some predicted span equals it;
//   overlap  the same with "shares at least one byte".
// Attribution-level detection, as issue 9 defines it for claims:
//   recall     a gold attribution is found when the contents of predicted attributions that have
//              a speaker cover at least half of its content's bytes;
//   precision  a predicted attribution with a speaker is right when at least half of its content
//              lies inside gold contents.
// Named source right: of the found gold attributions whose source names someone (a capitalised
// word that is not a pronoun, article or title: "Trump", "The New York Post", "Sen. Kaine"), the
// share whose best-overlapping prediction gives a speaker sharing such a word with the gold
// source (case folded): "Donald Trump" for "Trump", "Tim Kaine" for "Sen. Kaine".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/attrib/attribution_span.h"

namespace claimgraph::engine::attrib {

struct PrfCounts {
  size_t gold = 0, predicted = 0;
  size_t gold_found = 0, predicted_right = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct AttributionScores {
  PrfCounts source_exact, source_overlap;
  PrfCounts cue_exact, cue_overlap;
  PrfCounts content_exact, content_overlap;
  PrfCounts attribution;
  size_t named_sources = 0;  // found gold attributions with a named source
  size_t named_right = 0;
  double named_source_right() const {
    return named_sources ? static_cast<double>(named_right) / named_sources : 0.0;
  }
};

// The words of `name` that name someone: capitalised, not a pronoun, article or title, folded
// to lower case ("Sen. Tim Kaine" -> {"tim", "kaine"}).
std::vector<std::string> NameWords(std::string_view name);

// Accumulates scores over documents.
class AttributionScorer {
 public:
  // `predicted[i].resolved_source` is the speaker the system gives (if empty, the text of its
  // source span is used). A prediction "has a speaker" when either is non-empty.
  void Add(std::string_view text, const std::vector<AttributionSpan>& gold,
           const std::vector<AttributionSpan>& predicted);
  const AttributionScores& scores() const { return scores_; }

 private:
  AttributionScores scores_;
};

}  // namespace claimgraph::engine::attrib
