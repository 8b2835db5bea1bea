// Within-document coreference for people and organisations: "he", "she", "the senator", "the
// spokeswoman", "Mr. Trump", "Rep. Nadler", "Clinton" resolved to the named entity they refer to,
// so that a speaker is named in full ("Hillary Clinton", role "Democratic presidential nominee")
// and a title alone ("Sen.", "spokeswoman") is never a speaker.
//
// Method: a deterministic multi-pass sieve in the style of Raghunathan et al. 2010 and Lee et al.
// 2013 ("Deterministic coreference resolution based on entity-centric, precision-ranked rules"),
// restricted to the mentions speakers are made of and run over the tagger's NER and the parser's
// dependencies, in text order:
//   1. named mentions: maximal runs of PERSON or ORGANIZATION tokens; titles before the name
//      ("Sen.", "President", "Rep.") and appositions ("Jennifer Palmieri, the campaign's
//      spokeswoman") become the entity's role;
//   2. name match: a person named by a surname or a first name alone ("Mr. Trump", "Clinton",
//      "Hillary") joins the most recent person whose full name ends (or starts) with it; an
//      organisation named again (or by a shorter form: "the Post" for "The New York Post") joins
//      the most recent one with that name;
//   3. definite descriptions: "the senator", "the spokeswoman", "the candidate" join the most
//   recent
//      entity whose role has that head noun (the title abbreviations "Sen.", "Rep.", "Gov." read as
//      "senator", "representative", "governor": a closed class);
//   4. pronouns: "he", "him", "his", "she", "her" join the most recent person within three
//      sentences that agrees in gender (learnt within the document from earlier pronouns and
//      titles such as "Mr." / "Mrs."), preferring sentence subjects.
// Deviation: no plural "they" and no "it" (rarely a speaker and mostly non-referential); no
// cataphora. Time is linear in the document: each pass looks back over a window of the last
// kWindow entities, never over all pairs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/nlp/annotation.h"

namespace claimgraph::engine::nlp {

struct CorefEntity {
  std::string name;  // the longest proper name seen ("Hillary Clinton"); never a title alone
  std::string type;  // "PERSON" or "ORGANIZATION"
  std::string role;  // title or apposition ("Sen.", "the campaign's spokeswoman"); may be empty
  int gender = 0;    // +1 male, -1 female, 0 unknown
};

struct CorefMention {
  size_t first = 0, last = 0;  // tokens [first, last] (document indices)
  size_t head = 0;
  int entity = -1;  // index into CorefResult::entities
  enum Kind { kName, kNominal, kPronoun } kind = kName;
};

struct CorefResult {
  std::vector<CorefEntity> entities;
  std::vector<CorefMention> mentions;  // in text order
  std::vector<int> entity_of_token;  // per document token: the entity its mention refers to, or -1
};

struct CorefOptions {
  size_t window = 40;            // entities looked back over
  size_t pronoun_sentences = 3;  // a pronoun's antecedent lies this many sentences back at most
};

// REQUIRES: doc has POS, NER and (for roles, subjects and titles) the dependency parse.
CorefResult ResolveCoreference(const AnnotatedDocument& doc, const CorefOptions& options = {});

// Mention linking against reference chains (CoreNLP's): of the pronoun and nominal mentions the
// resolver links to a named entity, `right` counts those whose reference chain (by head token)
// also holds one of that entity's named mentions; `reference` counts the reference chains'
// mentions headed by a personal pronoun or a definite noun that share a chain with a PERSON or
// ORGANIZATION name, and `found` those of them the resolver links correctly.
struct CorefScores {
  size_t linked = 0, right = 0;
  size_t reference = 0, found = 0;
};
void ScoreCoreference(const AnnotatedDocument& reference, const CorefResult& system,
                      CorefScores* scores);

}  // namespace claimgraph::engine::nlp
