// Speaker names from source spans and coreference (see speaker_resolver.h).
#include "engine/attrib/speaker_resolver.h"

#include <cctype>

namespace claimgraph::engine::attrib {
namespace {

bool IsPronoun(const nlp::Token& t) { return t.pos == "PRP" || t.pos == "PRP$" || t.pos == "WP"; }

}  // namespace

ResolvedSpeaker ResolveSpeaker(const nlp::AnnotatedDocument& doc, const nlp::CorefResult& coref,
                               const TokenAttribution& a) {
  ResolvedSpeaker r;
  if (a.source_head < 0 || a.source_tokens.empty()) return r;
  const size_t head = static_cast<size_t>(a.source_head);
  const int e = head < coref.entity_of_token.size() ? coref.entity_of_token[head] : -1;
  if (e >= 0) {
    const nlp::CorefEntity& entity = coref.entities[static_cast<size_t>(e)];
    r.name = entity.name;
    r.role = entity.role;
    r.resolved = true;
    return r;
  }
  const nlp::Token& h = doc.tokens[head];
  if (IsPronoun(h)) return r;  // "he" with no antecedent: no name
  // A bare title or role noun ("the spokeswoman", "Sen.") is not a name: the source's words are
  // kept only when they hold more than a determiner and the head.
  size_t first = 0;
  while (first < a.source_tokens.size() && (doc.tokens[a.source_tokens[first]].pos == "DT" ||
                                            doc.tokens[a.source_tokens[first]].pos == "PRP$"))
    ++first;
  if (first >= a.source_tokens.size()) return r;
  // A lone singular noun or title ("the spokeswoman", "Sen.") names no one.
  if (first + 1 == a.source_tokens.size()) {
    const nlp::Token& only = doc.tokens[a.source_tokens[first]];
    if (only.pos == "NN" ||
        (only.pos == "NNP" && only.ner != "PERSON" && only.ner != "ORGANIZATION"))
      return r;
  }
  const size_t b = doc.tokens[a.source_tokens[first]].begin;
  const size_t end = doc.tokens[a.source_tokens.back()].end;
  if (end <= b || end > doc.text.size()) return r;
  r.name = doc.text.substr(b, end - b);
  // Runs of white space (line breaks inside the span) become one space.
  std::string clean;
  for (char c : r.name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!clean.empty() && clean.back() != ' ') clean += ' ';
    } else {
      clean += c;
    }
  }
  r.name = clean;
  return r;
}

}  // namespace claimgraph::engine::attrib
