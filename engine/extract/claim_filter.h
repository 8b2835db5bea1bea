// Which sentences are not claims, read from the linguistic layer's tags and parse (issue 9 §3).
// A claim is a sentence or clause asserting something checkable; these are not:
//   citation     a bracketed label: "[Goldman Sachs ... Symposium, 10/24/13.]", and a
//                parenthesis without a finite verb: "(Reporting by X; Editing by Y)";
//   question     the sentence, or the claim's content, ends in "?" (before closing quotes or
//                brackets): “Who is going to pay for the wall?” Trump asked;
//   no verb      no finite verb (VBD, VBZ, VBP, a modal, or a VBN / VB right after a noun or
//                pronoun, where the tagger confuses them) anywhere in the sentence: bylines
//                ("By Jane Doe, CNN"), photo credits ("Photo by X/Getty Images"), list and section
//                headings ("Key findings:", "Related coverage"), datelines, and imperatives such
//                as share prompts ("Click here to share", "Follow us on Twitter": a base form);
//   no subject   nothing that can be a subject (a noun, name, pronoun, number, determiner) before
//                the first finite verb: fragments cut from a sentence ("is African American
//                turnout.", "Keeps saying she opposed the Iraq War"). Read from the tags, not the
//                parse: on PolNeAR dev the parser's subject arcs missed too many real subjects of
//                copular and conjoined sentences for this to be safe;
//   pronoun only the claim's content has "it" or a demonstrative for subject, unresolved, and no
//                noun, name or number of its own: “That's not fact-checking,” Shah said.
// Only closed classes are named (Penn tags, dependency relations, "it" and the demonstrative
// pronouns); everything else is read from the tags and parse. The sentence is checked as a
// whole (an attributed claim keeps its content clause: "X promised to raise taxes" is a claim
// whose content "to raise taxes" has no finite verb of its own).
#pragma once

#include <cstddef>
#include <string>

#include "engine/nlp/annotation.h"
#include "engine/nlp/coreference.h"

namespace claimgraph::engine {

struct ClaimFilterInput {
  const nlp::AnnotatedDocument* doc = nullptr;  // tagged and parsed
  const nlp::CorefResult* coref = nullptr;      // may be null: pronouns then never resolve
  size_t sentence_begin = 0, sentence_end = 0;  // bytes of the sentence in doc->text
  size_t content_begin = 0, content_end = 0;    // bytes of the claim's text (within the sentence)
  bool keep_questions = false;
};

// "" when the sentence may be a claim; otherwise the reason, one of "citation", "question",
// "fragment: no finite verb", "fragment: no subject", "pronoun only". A sentence without parsed
// tokens (nothing of the layer overlaps it) is never dropped here.
std::string NotAClaimReason(const ClaimFilterInput& in);

}  // namespace claimgraph::engine
