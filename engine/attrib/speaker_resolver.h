// Names the speaker of an attribution the model found: the source's head resolved through
// within-document coreference (engine/nlp/coreference.h) to the entity's full name and role
// ("he" -> "Donald Trump"; "Sen. Kaine" -> "Tim Kaine", role "Sen."; "the spokeswoman" ->
// "Jennifer Palmieri", role "the campaign's spokeswoman"). A source that is not a named entity
// keeps its words ("a campaign operative", "Hillary Clinton's campaign"), without a leading
// article; a pronoun or a bare title that cannot be resolved gives no name.
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
