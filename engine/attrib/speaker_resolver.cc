// Speaker names from source spans and coreference (see speaker_resolver.h).
#include "engine/attrib/speaker_resolver.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::engine::attrib {
namespace {

bool IsPronoun(const nlp::Token& t) { return t.pos == "PRP" || t.pos == "PRP$" || t.pos == "WP"; }

// The relative pronoun's antecedent: in "Sanders, who said ...", the source "who" is the subject
// of a relative clause (acl:relcl) whose head is the noun it stands for. Returns that noun's
// document index, or -1.
long RelativeAntecedent(const nlp::AnnotatedDocument& doc, const TokenAttribution& a) {
  const size_t head = static_cast<size_t>(a.source_head);
  const nlp::Token& t = doc.tokens[head];
  if (t.pos != "WP" && t.pos != "WDT") return -1;
  if (a.sentence >= doc.sentences.size()) return -1;
  const nlp::Sentence& s = doc.sentences[a.sentence];
  if (head < s.first || head >= s.first + s.count || t.head < 0) return -1;
  const size_t verb = s.first + static_cast<size_t>(t.head);
  const nlp::Token& v = doc.tokens[verb];
  if (v.deprel != "acl:relcl" || v.head < 0) return -1;
  const size_t noun = s.first + static_cast<size_t>(v.head);
  const std::string& pos = doc.tokens[noun].pos;
  return pos.rfind("NN", 0) == 0 ? static_cast<long>(noun) : -1;
}

// The noun phrase of `noun` up to it: its left dependents (determiners, compounds, adjectives,
// titles) and their dependents, contiguous with it.
std::vector<size_t> LeftPhrase(const nlp::AnnotatedDocument& doc, size_t sentence, size_t noun) {
  const nlp::Sentence& s = doc.sentences[sentence];
  auto dominated = [&](size_t k) {
    for (size_t x = k, guard = 0; guard <= s.count; ++guard) {
      if (x == noun) return true;
      const int h = doc.tokens[x].head;
      if (h < 0) return false;
      x = s.first + static_cast<size_t>(h);
    }
    return false;
  };
  std::vector<size_t> out = {noun};
  for (size_t k = noun; k-- > s.first && dominated(k);) out.insert(out.begin(), k);
  return out;
}

// A capitalised proper noun the tagger gave no entity type ("Trump said", "Pence told"): the
// document's person or organisation whose name holds it as a word, the one mentioned last before
// it (else the first after). Returns the entity index or -1.
int EntityNamedBy(const nlp::AnnotatedDocument& doc, const nlp::CorefResult& coref, size_t head) {
  const std::string& word = doc.tokens[head].form;
  if (word.size() < 2 || !std::isupper(static_cast<unsigned char>(word[0]))) return -1;
  auto holds = [&](const std::string& name) {
    for (size_t at = name.find(word); at != std::string::npos; at = name.find(word, at + 1)) {
      const size_t end = at + word.size();
      if ((at == 0 || name[at - 1] == ' ') && (end == name.size() || name[end] == ' ')) return true;
    }
    return false;
  };
  int before = -1, after = -1;
  for (const nlp::CorefMention& m : coref.mentions) {
    if (m.entity < 0 || m.kind != nlp::CorefMention::kName) continue;
    if (!holds(coref.entities[static_cast<size_t>(m.entity)].name)) continue;
    if (m.head < head) {
      before = m.entity;
    } else if (after < 0) {
      after = m.entity;
    }
  }
  return before >= 0 ? before : after;
}

}  // namespace

// "Kenneth F. McKenzie" -> "Kenneth McKenzie", "Donald J. Trump" -> "Donald Trump": a middle
// initial between two words is dropped, so one person is one speaker however the outlet spells
// the name.
std::string WithoutMiddleInitials(const std::string& name) {
  std::vector<std::string> words;
  size_t at = 0;
  while (at < name.size()) {
    const size_t sp = name.find(' ', at);
    const size_t end = sp == std::string::npos ? name.size() : sp;
    if (end > at) words.push_back(name.substr(at, end - at));
    at = end + 1;
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool initial = i > 0 && i + 1 < words.size() &&
                         ((w.size() == 2 && w[1] == '.') || w.size() == 1) &&
                         std::isupper(static_cast<unsigned char>(w[0]));
    if (initial) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

ResolvedSpeaker ResolveSpeaker(const nlp::AnnotatedDocument& doc, const nlp::CorefResult& coref,
                               const TokenAttribution& a) {
  ResolvedSpeaker r;
  if (a.source_head < 0 || a.source_tokens.empty()) return r;
  const size_t head = static_cast<size_t>(a.source_head);
  const int e = head < coref.entity_of_token.size() ? coref.entity_of_token[head] : -1;
  if (e >= 0) {
    const nlp::CorefEntity& entity = coref.entities[static_cast<size_t>(e)];
    r.name = WithoutMiddleInitials(entity.name);
    r.role = entity.role;
    r.resolved = true;
    return r;
  }
  const nlp::Token& h = doc.tokens[head];
  if (const long noun = RelativeAntecedent(doc, a); noun >= 0) {
    // "Sanders, who said ...": the speaker is the noun the relative clause hangs on.
    TokenAttribution antecedent;
    antecedent.sentence = a.sentence;
    antecedent.source_head = noun;
    antecedent.source_tokens = LeftPhrase(doc, a.sentence, static_cast<size_t>(noun));
    return ResolveSpeaker(doc, coref, antecedent);
  }
  if (IsPronoun(h)) return r;  // "he" with no antecedent: no name
  if ((h.pos == "NNP" || h.pos == "NNPS") && (h.ner.empty() || h.ner == "O")) {
    if (const int ent = EntityNamedBy(doc, coref, head); ent >= 0) {
      r.name = WithoutMiddleInitials(coref.entities[static_cast<size_t>(ent)].name);
      r.role = coref.entities[static_cast<size_t>(ent)].role;
      r.resolved = true;
      return r;
    }
  }
  // A person named inside the source ("member of the committee, Ali Nema Al Bandawi"), or the
  // organisation that heads it: the longest such run, through coreference when an entity.
  const std::vector<size_t>& src = a.source_tokens;
  for (const char* type : {"PERSON", "ORGANIZATION"}) {
    size_t best_b = 0, best_n = 0;
    for (size_t k = 0; k < src.size();) {
      size_t n = 0;
      while (k + n < src.size() && doc.tokens[src[k + n]].ner == type &&
             (n == 0 || src[k + n] == src[k + n - 1] + 1))
        ++n;
      if (n > best_n) {
        best_b = k;
        best_n = n;
      }
      k += n > 0 ? n : 1;
    }
    if (best_n == 0) continue;
    // An organisation only when it heads the source ("US State Department spokesperson" is
    // the spokesperson, named below by the whole phrase).
    if (std::string_view(type) == "ORGANIZATION" &&
        (head < src[best_b] || head > src[best_b + best_n - 1]))
      continue;
    for (size_t k = best_b; k < best_b + best_n; ++k) {
      const int ent = src[k] < coref.entity_of_token.size() ? coref.entity_of_token[src[k]] : -1;
      if (ent >= 0) {
        r.name = WithoutMiddleInitials(coref.entities[static_cast<size_t>(ent)].name);
        r.role = coref.entities[static_cast<size_t>(ent)].role;
        r.resolved = true;
        return r;
      }
    }
    const size_t b = doc.tokens[src[best_b]].begin, end = doc.tokens[src[best_b + best_n - 1]].end;
    if (end > b && end <= doc.text.size()) {
      r.name = WithoutMiddleInitials(doc.text.substr(b, end - b));
      return r;
    }
  }
  // Otherwise the head's own noun phrase: from the first word after a determiner to the head,
  // then any proper nouns right after it; a relative clause, apposition or prepositional phrase
  // after the head is not part of the name ("Iraqi government, despite the complaints of ...").
  size_t first = 0;
  while (first < src.size() &&
         (doc.tokens[src[first]].pos == "DT" || doc.tokens[src[first]].pos == "PRP$"))
    ++first;
  size_t last = first;
  while (last < src.size() && src[last] < head) ++last;
  if (first >= src.size() || last >= src.size() || src[last] != head) return r;
  // Contiguous words only.
  for (size_t k = last; k > first; --k)
    if (src[k] != src[k - 1] + 1 || doc.tokens[src[k - 1]].pos == "," ||
        doc.tokens[src[k - 1]].pos == ":") {
      first = k;
      break;
    }
  while (last + 1 < src.size() && src[last + 1] == src[last] + 1 &&
         (doc.tokens[src[last + 1]].pos == "NNP" || doc.tokens[src[last + 1]].pos == "NNPS"))
    ++last;
  // A bare title or role noun ("the spokeswoman", "Sen.", "the lieutenant general") names no one:
  // the phrase needs a proper noun or entity word, or a plural head or an adjective describing
  // the speaker ("Iraqi security sources", "senior officials", "a military official").
  bool proper = false, described = false;
  for (size_t k = first; k <= last; ++k) {
    const nlp::Token& t = doc.tokens[src[k]];
    if (t.pos == "NNP" || t.pos == "NNPS") {
      proper = proper || (t.ner != "O" && !t.ner.empty()) || k != last || last > first;
      if (t.ner == "PERSON" || t.ner == "ORGANIZATION" || t.ner == "LOCATION") proper = true;
    }
    if (t.pos == "JJ" || t.pos == "NNS" || t.pos == "NNPS") described = true;
  }
  size_t from = src[first], to = src[last];
  if (!proper && !described) {
    // Else the whole source without its article ("a spokesman for the campaign"), unless that
    // too is a title or role noun alone ("the lieutenant general", "the spokeswoman").
    size_t lead = 0;
    while (lead < src.size() &&
           (doc.tokens[src[lead]].pos == "DT" || doc.tokens[src[lead]].pos == "PRP$"))
      ++lead;
    if (lead >= src.size() || src.size() - lead > 6) return r;
    bool bare = src.size() - lead <= 2;
    for (size_t k = lead; k < src.size() && bare; ++k) {
      const nlp::Token& t = doc.tokens[src[k]];
      bare = t.pos == "NN" || (t.pos == "NNP" && (t.ner == "O" || t.ner.empty()));
    }
    if (bare) {
      // No name, but the reader learns who spoke: the role alone ("minister", "spokeswoman").
      const size_t rb = doc.tokens[src[lead]].begin, re = doc.tokens[src.back()].end;
      if (re > rb && re <= doc.text.size()) r.role = doc.text.substr(rb, re - rb);
      return r;
    }
    from = src[lead];
    to = src.back();
  }
  const size_t b = doc.tokens[from].begin;
  const size_t end = doc.tokens[to].end;
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
  r.name = WithoutMiddleInitials(clean);
  return r;
}

}  // namespace claimgraph::engine::attrib
