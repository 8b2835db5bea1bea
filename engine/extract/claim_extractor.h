// ClaimExtractor: the clean-and-extract stage. It turns one Document into attributed claims:
//
//   text -> paragraphs -> furniture removed (text/page_cleaner.h, with the corpus-level
//   BoilerplateIndex) -> sentences (text/sentence_splitter.h) -> claim sentences -> for each:
//   speaker and role, content clause, polarity and modality (claim_features.h), quantities
//   (text/quantity.h), times resolved against the publication date (time_resolver.h), entities
//   normalised through the alias table (alias_table.h).
//
// Start here for extraction. With the linguistic layer (an nlp::AnnotatedDocument of the text:
// what the pipeline always passes) the speaker, cue and content come from the learned
// attribution model (engine/attrib/attribution_model.h) with speakers named through coreference,
// sentences that are not claims are dropped from the tags and parse (claim_filter.h: fragments,
// citations, headings, prompts, questions, pronoun-only contents), and each claim's frame is read
// from the parse (engine/attrib/claim_frame.h). A sentence with several attributions whose
// contents are disjoint ("X said A, adding B") gives one claim per attribution; an off-topic
// paragraph is read after all when the model finds in it a speaker of the article's body.
// Extract(doc) reads the document with the built-in layer (engine/nlp/annotator.h); a document
// it does not read as English gets no speakers or frames.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/attrib/attribution_model.h"
#include "engine/claim.h"
#include "engine/document.h"
#include "engine/extract/alias_table.h"
#include "engine/nlp/annotation.h"
#include "engine/text/boilerplate_index.h"

namespace claimgraph::engine {

struct ExtractorOptions {
  // Sentences with fewer words than this are not claims ("Loading", headings already go).
  int min_words = 5;
  // Keep questions (as Modality::kQuestion) instead of dropping them.
  bool keep_questions = false;
  // Drop paragraphs whose content words barely overlap the title and lead (unrelated stories).
  bool drop_off_topic = true;
  // When attribution separates a speaker from what they said ("X said that Y", "“Y,” X added"),
  // the claim's text is the content clause Y; otherwise the whole sentence.
  bool content_clause_only = true;
  // The attribution model to read speakers with; null = the built-in one
  // (attrib::AttributionModel::Default()). Must outlive the extractor.
  const attrib::AttributionModel* attribution_model = nullptr;
};

// Why a sentence was not made a claim, for debugging and the evaluation listing.
struct SentenceTrace {
  size_t byte_begin = 0, byte_end = 0;
  std::string text;
  std::string verdict;  // "claim", or the reason it was dropped ("furniture: share prompt", ...)
};

struct ExtractionResult {
  std::vector<Claim> claims;
  std::vector<SentenceTrace> trace;  // every paragraph or sentence considered, in order
};

class ClaimExtractor {
 public:
  // `boilerplate` (may be null) is the corpus pre-pass; it must outlive the extractor.
  explicit ClaimExtractor(ExtractorOptions options = {},
                          const BoilerplateIndex* boilerplate = nullptr,
                          AliasTable aliases = AliasTable::Default());

  // Returns the claims of `doc` in text order. Every claim's text equals
  // doc.text.substr(byte_begin, byte_end - byte_begin), and char_begin/char_end are the same span
  // in code points. Fills every Claim field except id and proposition. Thread-safe (const, no
  // shared mutable state).
  std::vector<Claim> Extract(const Document& doc) const;

  // With the linguistic layer: `annotated` is doc.text tagged and parsed (byte offsets into
  // doc.text; from nlp::Annotate or a reader). Attribution then comes from the learned model
  // (engine/attrib/attribution_model.h) with speakers named through coreference
  // (engine/nlp/coreference.h), and each claim's frame (subject, predicate, object, negation,
  // modal, what its numbers measure) is read from the parse (engine/attrib/claim_frame.h).
  // A null `annotated` is Extract(doc): the built-in layer reads the text.
  std::vector<Claim> Extract(const Document& doc, const nlp::AnnotatedDocument* annotated) const;

  // Extract() plus the verdict on every paragraph and sentence.
  ExtractionResult ExtractWithTrace(const Document& doc,
                                    const nlp::AnnotatedDocument* annotated = nullptr) const;

  const AliasTable& aliases() const { return aliases_; }

 private:
  ExtractionResult Run(const Document& doc, bool trace,
                       const nlp::AnnotatedDocument* annotated) const;

  ExtractorOptions options_;
  const BoilerplateIndex* boilerplate_;
  AliasTable aliases_;
};

}  // namespace claimgraph::engine
