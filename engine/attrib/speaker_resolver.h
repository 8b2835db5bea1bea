// Names the speaker of an attribution the model found: the source's head resolved through
// within-document coreference (engine/nlp/coreference.h) to the entity's full name and role
// ("he" -> "Donald Trump"; "Sen. Kaine" -> "Tim Kaine", role "Sen."; "the spokeswoman" ->
// "Jennifer Palmieri", role "the campaign's spokeswoman"). Otherwise a person named inside the
// source ("member of the committee, Ali Nema Al Bandawi"), or the organisation that heads it; else
// the head's noun phrase without its article and without what follows the head ("Iraqi
// government", not "Iraqi government, despite the complaints of ..."), or failing that the
// source's words ("a spokesman for the campaign"). Middle initials are dropped ("Kenneth F.
// McKenzie" -> "Kenneth McKenzie"). A pronoun or a bare title or role noun that cannot be
// resolved ("the spokeswoman", "the lieutenant general") gives no name.
#pragma once

#include <string>

#include "engine/attrib/attribution_model.h"
#include "engine/nlp/annotation.h"
#include "engine/nlp/coreference.h"

namespace claimgraph::engine::attrib {

struct ResolvedSpeaker {
  std::string name;  // empty when unresolved or absent
  std::string role;
  bool resolved = false;  // named through an entity (coreference or the source's own name)
};

ResolvedSpeaker ResolveSpeaker(const nlp::AnnotatedDocument& doc, const nlp::CorefResult& coref,
                               const TokenAttribution& a);

}  // namespace claimgraph::engine::attrib
