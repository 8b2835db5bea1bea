// The claim read as a proposition from the dependency parse of its text (issue 9 §3, used by the
// proposition model of issue 10): subject (resolved through coreference, else as written),
// predicate lemma, object or complement, negation with its scope, the modal auxiliary, and what
// each quantity measures. Fills the Claim fields of the same names from the analysed document the
// claim was extracted from.
//
// Reading (basic Stanford dependencies, as CoreNLP and our parser write them):
//   predicate  the head of the claim's tokens (the token whose head lies outside the claim); for
//              a copula ("Trump is the nominee") the complement heads the clause and the
//              predicate is "be" with the complement as object;
//   subject    its nsubj / nsubjpass dependent's subtree; the entity its head refers to, if any;
//   object     dobj, else xcomp / ccomp, else the copula's complement, else the first nmod;
//   negation   a neg dependent of the predicate (scope: the predicate), else "no" / "never" under
//              the subject or object (scope: that noun);
//   modal      an MD auxiliary of the predicate ("will", "may", "could");
//   measure    for a number, the noun it counts (nummod's head, or "percent of X") with its
//              compounds, adjectives and nmod ("US troops in Iraq").
#pragma once

#include "engine/claim.h"
#include "engine/nlp/annotation.h"
#include "engine/nlp/coreference.h"

namespace claimgraph::engine::attrib {

// REQUIRES: claim->byte_begin/byte_end index doc.text (the claim came from this document).
void FillClaimFrame(const nlp::AnnotatedDocument& doc, const nlp::CorefResult& coref, Claim* claim);

}  // namespace claimgraph::engine::attrib
