#include "engine/extract/claim_extractor.h"

#include <algorithm>
#include <set>

#include "engine/attrib/attribution_model.h"
#include "engine/attrib/claim_frame.h"
#include "engine/attrib/speaker_resolver.h"
#include "engine/extract/attribution.h"
#include "engine/extract/claim_features.h"
#include "engine/extract/claim_filter.h"
#include "engine/extract/lexer.h"
#include "engine/extract/time_resolver.h"
#include "engine/nlp/annotator.h"
#include "engine/nlp/coreference.h"
#include "engine/nlp/nlp_models.h"
#include "engine/text/page_cleaner.h"
#include "engine/text/quantity.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"
#include "engine/text/utf8.h"

namespace claimgraph::engine {
namespace {

// True if byte `at` of `text` lies in an aside like "as the mayor had said last month": the
// stretch since the last comma, semicolon or parenthesis holds "as" and then a reporting verb.
bool InReportingAside(std::string_view text, size_t at) {
  size_t start = text.substr(0, at).find_last_of(",;(");
  start = start == std::string_view::npos ? 0 : start + 1;
  const std::string clause = FoldCase(text.substr(start, at - start));
  const size_t as = clause.find("as ") == 0 ? 0 : clause.find(" as ");
  if (as == std::string::npos) return false;
  for (const char* verb : {" said", " had said", " reported", " announced", " claimed", " stated",
                           " told", " promised", " predicted", " put it"})
    if (clause.find(verb, as) != std::string::npos) return true;
  return false;
}

bool IsQuoteChar(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

// Trims white space, unbalanced quote marks and stray commas / colons from [*b, *e).
void TrimContent(std::string_view text, size_t* b, size_t* e) {
  for (int round = 0; round < 4; ++round) {
    int quotes = 0;
    for (size_t p = *b; p < *e;) {
      if (IsQuoteChar(DecodeUtf8(text, &p))) ++quotes;
    }
    bool changed = false;
    // Leading.
    while (*b < *e) {
      size_t p = *b;
      const char32_t c = DecodeUtf8(text, &p);
      if (c == ' ' || c == ',' || c == ':' || c == ';' || c == 0xA0 ||
          (IsQuoteChar(c) && quotes % 2 == 1)) {
        if (IsQuoteChar(c)) --quotes;
        *b = p;
        changed = true;
        continue;
      }
      break;
    }
    // Trailing.
    while (*e > *b) {
      size_t s = *e - 1;
      while (s > *b && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
      size_t p = s;
      const char32_t c = DecodeUtf8(text, &p);
      if (c == ' ' || c == ',' || c == ':' || c == ';' || c == 0xA0 || c == '-' ||
          (IsQuoteChar(c) && quotes % 2 == 1)) {
        if (IsQuoteChar(c)) --quotes;
        *e = s;
        changed = true;
        continue;
      }
      break;
    }
    // A whole quotation: “...” or “....”.
    if (quotes == 2 && *e > *b) {
      size_t p = *b;
      const char32_t first = DecodeUtf8(text, &p);
      size_t s = *e - 1;
      while (s > *b && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
      size_t q = s;
      char32_t last = DecodeUtf8(text, &q);
      // “...”. : the quotation and a full stop after it.
      if (last == '.' && s > p) {
        size_t s2 = s - 1;
        while (s2 > *b && (static_cast<unsigned char>(text[s2]) & 0xC0) == 0x80) --s2;
        size_t q2 = s2;
        if (IsQuoteChar(DecodeUtf8(text, &q2))) {
          s = s2;
          last = '"';
        }
      }
      if (IsQuoteChar(first) && IsQuoteChar(last) && p < s) {
        *b = p;
        *e = s;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

int CountWords(const std::vector<Lexeme>& lex, size_t b, size_t e) {
  int n = 0;
  for (size_t i = b; i < e && i < lex.size(); ++i)
    if (lex[i].kind != Lexeme::kPunct) ++n;
  return n;
}

struct SpeechQuote {
  TextSpan span;
  size_t paragraph = 0;
  bool has_speaker = false;
  std::string speaker, role;
  std::string verb;
};

// A speaker met at a position of the document: a sentence's attribution or a quotation's.
struct SpeakerEvent {
  size_t pos = 0;
  size_t paragraph = 0;
  std::string speaker, role, verb;
};

struct SentenceWork {
  TextSpan span;
  std::vector<Lexeme> lex;
  Attribution att;
  std::string drop;  // reason, if not a claim
  bool inherited = false;
  // Further attributions of the sentence with contents of their own ("X said A, adding B"):
  // each becomes a claim of its own.
  std::vector<Attribution> more;
};

// An attribution of the learned model, with its speaker named.
struct ModelAttribution {
  std::string speaker, role, cue_text;
  size_t cue_begin = 0;
  attrib::AttributionSpan spans;
};

// An attribution of the model as lexemes of the sentence: the cue and the lexemes inside the
// model's content ranges. `inherited` marks one whose cue lies outside the sentence.
Attribution ToLexemes(const ModelAttribution& m, const std::vector<Lexeme>& lex, bool inherited) {
  Attribution att;
  att.kind = inherited ? Attribution::kVerbQuote : Attribution::kVerbThat;
  att.speaker = m.speaker;
  att.role = m.role;
  att.verb = FoldCase(m.cue_text);
  att.content_begin = lex.size();
  att.content_end = 0;
  for (size_t i = 0; i < lex.size(); ++i) {
    if (lex[i].begin <= m.cue_begin && m.cue_begin < lex[i].end) att.cue = i;
    if (attrib::OverlapSize(m.spans.content, {{lex[i].begin, lex[i].end}}) == 0) continue;
    att.content_begin = std::min(att.content_begin, i);
    att.content_end = i + 1;
  }
  if (att.content_end <= att.content_begin) {
    att.content_begin = 0;
    att.content_end = lex.size();
  }
  return att;
}

// The sentence's attributions from the model: those whose cue lies in the sentence and whose
// content reaches into it, in the model's order; else the one whose content covers the sentence
// (a quotation running over several sentences, or "Content. He said." across a split).
// The first is the sentence's attribution; further ones ("X said A, adding B") follow when their
// contents are disjoint from those before (a nested "X said Y claimed C" stays one claim) and
// both hold at least `min_words` words.
std::vector<Attribution> FromModel(const std::vector<ModelAttribution>& model,
                                   const std::vector<Lexeme>& lex, const TextSpan& span,
                                   int min_words) {
  std::vector<Attribution> out;
  for (const ModelAttribution& m : model) {
    if (m.cue_begin < span.begin || m.cue_begin >= span.end) continue;
    if (attrib::OverlapSize(m.spans.content, {{span.begin, span.end}}) == 0) continue;
    Attribution att = ToLexemes(m, lex, false);
    if (!out.empty()) {
      const bool whole = att.content_begin == 0 && att.content_end == lex.size();
      if (whole || CountWords(lex, att.content_begin, att.content_end) < min_words) continue;
      bool disjoint = true;
      for (const Attribution& a : out)
        disjoint =
            disjoint && (att.content_end <= a.content_begin || a.content_end <= att.content_begin);
      const Attribution& first = out.front();
      if (!disjoint || CountWords(lex, first.content_begin, first.content_end) < min_words ||
          (first.content_begin == 0 && first.content_end == lex.size()))
        continue;
    }
    out.push_back(std::move(att));
  }
  if (!out.empty()) return out;
  for (const ModelAttribution& m : model) {
    const size_t o = attrib::OverlapSize(m.spans.content, {{span.begin, span.end}});
    if (2 * o >= span.size()) {
      out.push_back(ToLexemes(m, lex, true));
      break;
    }
  }
  return out;
}

// Running conversion from byte offsets (increasing) to code-point offsets.
class CharCursor {
 public:
  explicit CharCursor(std::string_view text) : text_(text) {}
  size_t At(size_t byte) {
    if (byte < byte_) {
      byte_ = 0;
      chars_ = 0;
    }
    chars_ += CountCodePoints(text_.substr(byte_, byte - byte_));
    byte_ = byte;
    return chars_;
  }

 private:
  std::string_view text_;
  size_t byte_ = 0, chars_ = 0;
};

}  // namespace

ClaimExtractor::ClaimExtractor(ExtractorOptions options, const BoilerplateIndex* boilerplate,
                               AliasTable aliases)
    : options_(options), boilerplate_(boilerplate), aliases_(std::move(aliases)) {}

std::vector<Claim> ClaimExtractor::Extract(const Document& doc) const {
  return Run(doc, false, nullptr).claims;
}

std::vector<Claim> ClaimExtractor::Extract(const Document& doc,
                                           const nlp::AnnotatedDocument* annotated) const {
  return Run(doc, false, annotated).claims;
}

ExtractionResult ClaimExtractor::ExtractWithTrace(const Document& doc,
                                                  const nlp::AnnotatedDocument* annotated) const {
  return Run(doc, true, annotated);
}

ExtractionResult ClaimExtractor::Run(const Document& doc, bool trace,
                                     const nlp::AnnotatedDocument* annotated) const {
  ExtractionResult result;
  const std::string_view text = doc.text;
  CleanOptions clean;
  clean.drop_off_topic = options_.drop_off_topic;
  const std::vector<Block> blocks = CleanPage(doc, boilerplate_, clean);
  // The linguistic layer: the given annotations, else the built-in layer's. A document that
  // does not read as English (language "und") has tokens and sentences only: no attribution and
  // no frame are read from it (no English structure invented).
  nlp::AnnotatedDocument own;
  if (annotated == nullptr) {
    own = nlp::Annotate(text, nlp::DefaultNlpModels());
    own.name = doc.path;
    annotated = &own;
  }
  if (annotated->language == "und" || annotated->tokens.empty()) annotated = nullptr;
  std::vector<ModelAttribution> model;
  nlp::CorefResult coref;
  if (annotated != nullptr) {
    coref = nlp::ResolveCoreference(*annotated);
    const attrib::AttributionModel& attribution = options_.attribution_model != nullptr
                                                      ? *options_.attribution_model
                                                      : attrib::AttributionModel::Default();
    for (attrib::TokenAttribution& a : attribution.Predict(*annotated)) {
      ModelAttribution m;
      const attrib::ResolvedSpeaker sp = attrib::ResolveSpeaker(*annotated, coref, a);
      m.speaker = sp.name;
      m.role = sp.role;
      for (const attrib::ByteRange& r : a.spans.cue) {
        if (!m.cue_text.empty()) m.cue_text += ' ';
        m.cue_text += text.substr(r.begin, r.size());
      }
      m.cue_begin = annotated->tokens[a.cue].begin;
      m.spans = std::move(a.spans);
      // "said that he would win": the claim is what follows the complementizer.
      if (!a.content_tokens.empty() && !m.spans.content.empty() && a.content_tokens.size() > 1) {
        const nlp::Token& lead = annotated->tokens[a.content_tokens[0]];
        attrib::ByteRange& first = m.spans.content.front();
        if (lead.deprel == "mark" && FoldCase(lead.form) == "that" && first.begin == lead.begin)
          first.begin = annotated->tokens[a.content_tokens[1]].begin;
      }
      model.push_back(std::move(m));
    }
  }
  std::vector<SpeechQuote> quotes;  // speech quotations of the document so far
  std::vector<SpeakerEvent> events;
  long last_spoken = -1;  // index in `quotes` of the last quotation with a speaker
  size_t body_index = 0;
  CharCursor cursor(text);

  // A paragraph judged off-topic (its words barely overlap the title and lead) is read after all
  // when the model finds in it a speaker who also speaks in the article's body: the story's own
  // people in a long article's later paragraphs, not an unrelated story's.
  std::set<std::string> body_speakers;
  auto speakers_in = [&](const TextSpan& span, auto&& fn) {
    for (const ModelAttribution& m : model)
      if (!m.speaker.empty() && m.cue_begin >= span.begin && m.cue_begin < span.end) fn(m.speaker);
  };
  for (const Block& block : blocks)
    if (block.kind == BlockKind::kBody)
      speakers_in(block.span, [&](const std::string& who) { body_speakers.insert(who); });
  auto on_topic_after_all = [&](const Block& block) {
    bool known = false;
    if (block.kind == BlockKind::kOffTopic)
      speakers_in(block.span,
                  [&](const std::string& who) { known = known || body_speakers.count(who); });
    return known;
  };
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::kBody && !on_topic_after_all(block)) {
      if (trace) {
        result.trace.push_back({block.span.begin, block.span.end,
                                std::string(text.substr(block.span.begin, block.span.size())),
                                std::string(ToString(block.kind)) + ": " + block.reason});
      }
      continue;
    }
    const size_t paragraph = body_index++;
    // Speech quotations of this paragraph: at least four words inside the marks.
    const size_t first_quote = quotes.size();
    for (const TextSpan& q : QuoteSpans(text, block.span)) {
      if (q.size() < 12) continue;  // too short for four words
      const std::vector<Lexeme> inner = Lex(text, q.begin, q.end);
      if (CountWords(inner, 0, inner.size()) >= 4)
        quotes.push_back({q, paragraph, false, {}, {}, {}});
    }
    // The quotations of a paragraph and its sentences are both in text order: each loop over
    // the sentences keeps a cursor at the first quotation not yet behind the sentence and stops
    // at the first one beyond it, so a paragraph costs sentences + quotations, not their product.
    auto advance = [](size_t* cursor, size_t end, size_t begin, auto span_of) {
      while (*cursor < end && span_of(*cursor).end <= begin) ++*cursor;
    };

    std::vector<SentenceWork> work;
    for (const TextSpan& s : SplitSentences(text, block.span)) {
      SentenceWork w;
      w.span = s;
      const std::string_view sentence = text.substr(s.begin, s.size());
      if (IsBylineSentence(sentence, doc.source)) {
        w.drop = "byline";
      } else if (const size_t d = DatelineEnd(sentence, doc.source); d > 0) {
        w.span.begin += d;
      }
      work.push_back(std::move(w));
    }
    // Pass 1: attribution sentence by sentence (references resolve to what came before).
    const std::vector<TextSpan> paragraph_quotes = QuoteSpans(text, block.span);
    bool colon_speech = false;
    Attribution colon_att;
    size_t next_mark = 0, next_speech = first_quote;
    for (SentenceWork& w : work) {
      if (!w.drop.empty()) continue;
      w.lex = Lex(text, w.span.begin, w.span.end);
      // Mark words inside quotations (the marks themselves stay outside).
      advance(&next_mark, paragraph_quotes.size(), w.span.begin,
              [&](size_t i) { return paragraph_quotes[i]; });
      for (size_t qi = next_mark;
           qi < paragraph_quotes.size() && paragraph_quotes[qi].begin < w.span.end; ++qi) {
        const TextSpan& q = paragraph_quotes[qi];
        if (q.end <= w.span.begin || q.begin >= w.span.end) continue;
        for (Lexeme& l : w.lex)
          if (l.begin > q.begin && l.end < q.end) l.in_quote = true;
        // A quote closing at the very end of the span: its content is inside.
        for (Lexeme& l : w.lex)
          if (l.begin > q.begin && l.end == q.end && q.end == block.span.end && !l.IsPunct('"'))
            l.in_quote = true;
      }
      if (annotated != nullptr) {
        std::vector<Attribution> found = FromModel(model, w.lex, w.span, 4);
        if (!found.empty()) {
          w.att = std::move(found.front());
          w.more.assign(std::make_move_iterator(found.begin() + 1),
                        std::make_move_iterator(found.end()));
        }
      }
      if (w.att.found()) {
        events.push_back({w.span.begin, paragraph, w.att.speaker, w.att.role, w.att.verb});
        // The speaker of this sentence also speaks the quotations it introduces or closes.
        advance(&next_speech, quotes.size(), w.span.begin,
                [&](size_t i) { return quotes[i].span; });
        for (size_t i = next_speech; i < quotes.size() && quotes[i].span.begin < w.span.end; ++i) {
          SpeechQuote& q = quotes[i];
          if (q.has_speaker || !(q.span.begin < w.span.end && w.span.begin < q.span.end)) continue;
          q.has_speaker = true;
          q.speaker = w.att.speaker;
          q.role = w.att.role;
          q.verb = w.att.verb;
        }
        colon_speech = w.att.kind == Attribution::kVerbColon;
        if (colon_speech) colon_att = w.att;
      } else if (colon_speech) {
        w.att = colon_att;
        w.att.kind = Attribution::kVerbThat;
        w.att.content_begin = 0;
        w.att.content_end = w.lex.size();
        w.inherited = true;
      }
    }
    // Quotations without a cue continue the last speaker before them, in the same or the
    // previous paragraph: “...,” General McKenzie maintained. “So, as long as ...”
    for (size_t i = first_quote; i < quotes.size(); ++i) {
      SpeechQuote& q = quotes[i];
      if (q.has_speaker) {
        last_spoken = static_cast<long>(i);
        continue;
      }
      // Events and quotations are in text order: the last event before this quotation by
      // binary search.
      const SpeakerEvent* last = nullptr;
      const auto after =
          std::partition_point(events.begin(), events.end(),
                               [&](const SpeakerEvent& e) { return e.pos < q.span.begin; });
      if (after != events.begin()) last = &*(after - 1);
      SpeakerEvent from_quote;
      if (last_spoken >= 0) {
        const SpeechQuote& p = quotes[static_cast<size_t>(last_spoken)];
        if (!last || p.span.begin >= last->pos) {
          from_quote = {p.span.begin, p.paragraph, p.speaker, p.role, p.verb};
          last = &from_quote;
        }
      }
      if (!last || last->paragraph + 1 < q.paragraph) continue;
      q.has_speaker = true;
      q.speaker = last->speaker;
      q.role = last->role;
      q.verb = last->verb;
      last_spoken = static_cast<long>(i);
    }
    // Pass 2: sentences inside a spoken quotation take its speaker.
    size_t next_inside = first_quote;
    for (SentenceWork& w : work) {
      if (!w.drop.empty() || w.att.found()) continue;
      advance(&next_inside, quotes.size(), w.span.begin, [&](size_t i) { return quotes[i].span; });
      SpeechQuote* q = next_inside < quotes.size() && quotes[next_inside].span.begin < w.span.end
                           ? &quotes[next_inside]
                           : nullptr;
      if (!q || !q->has_speaker) continue;
      w.att.kind = Attribution::kVerbQuote;
      w.att.speaker = q->speaker;
      w.att.role = q->role;
      w.att.verb = q->verb;
      w.att.content_begin = 0;
      w.att.content_end = w.lex.size();
      w.inherited = true;
    }
    // Claims: one per attribution of the sentence (usually one), in text order.
    for (SentenceWork& w : work) {
      std::vector<const Attribution*> units = {&w.att};
      for (const Attribution& m : w.more) units.push_back(&m);
      std::stable_sort(units.begin(), units.end(), [](const Attribution* x, const Attribution* y) {
        return x->content_begin < y->content_begin;
      });
      for (const Attribution* unit : units) {
        const Attribution& att = *unit;
        const std::string_view sentence = text.substr(w.span.begin, w.span.size());
        std::string drop = w.drop;
        const int words = drop.empty() ? CountWords(w.lex, 0, w.lex.size()) : 0;
        if (drop.empty() && words < options_.min_words) drop = "too short";
        size_t cb = w.span.begin, ce = w.span.end;
        size_t lb = 0, le = w.lex.size();
        if (drop.empty() && att.found() && options_.content_clause_only &&
            att.content_end > att.content_begin && att.content_end <= w.lex.size()) {
          const size_t b = w.lex[att.content_begin].begin;
          const size_t e = w.lex[att.content_end - 1].end;
          if (CountWords(w.lex, att.content_begin, att.content_end) >= 4) {
            cb = b;
            ce = e;
            lb = att.content_begin;
            le = att.content_end;
          }
        }
        if (drop.empty()) {
          TrimContent(text, &cb, &ce);
          if (ce <= cb) drop = "empty";
        }
        Modality modality = Modality::kAsserted;
        std::vector<TimeMention> times;
        if (drop.empty()) {
          const std::string_view content = text.substr(cb, ce - cb);
          times = FindTimes(content, doc.date);
          // "two lanes, not three as the mayor had said last month, were open": a time inside an
          // "as X said" aside dates the saying, not what the claim is about.
          std::erase_if(
              times, [&](const TimeMention& t) { return InReportingAside(content, t.byte_begin); });
          bool future = false, deadline = false;
          // Past-tense content ("had withdrawn before the end of the year") is not a forecast
          // even when the year it names is read as the publication year.
          bool past = false;
          for (size_t i = lb; i < le; ++i)
            if (w.lex[i].Is("had") || w.lex[i].Is("was") || w.lex[i].Is("were") ||
                w.lex[i].Is("did"))
              past = true;
          for (const TimeMention& t : times) {
            if (!doc.date.empty() && t.ref.begin > doc.date && !past) future = true;
            const std::string lead = FoldCase(t.ref.text.substr(0, 6));
            // A deadline still ahead at publication: "by September 2026".
            if ((lead.rfind("by ", 0) == 0 || lead.rfind("until ", 0) == 0) &&
                (doc.date.empty() || t.ref.end >= doc.date))
              deadline = true;
          }
          ModalityInput in;
          in.lex = &w.lex;
          in.begin = lb;
          in.end = le;
          // A question mark at the very end of the sentence counts even outside the clause.
          if (le < w.lex.size() && w.lex.back().IsPunct('?')) in.end = w.lex.size();
          in.reported = att.found() && !att.speaker.empty();
          in.reporting_verb = att.verb;
          in.future_time = future;
          in.deadline = deadline;
          modality = ComputeModality(in);
          if (modality == Modality::kQuestion && !options_.keep_questions) drop = "question";
        }
        // With the layer: fragments, citations, headings, prompts and pronoun-only contents go.
        if (drop.empty() && annotated != nullptr) {
          ClaimFilterInput check;
          check.doc = annotated;
          check.coref = &coref;
          check.sentence_begin = w.span.begin;
          check.sentence_end = w.span.end;
          check.content_begin = cb;
          check.content_end = ce;
          check.keep_questions = options_.keep_questions;
          drop = NotAClaimReason(check);
        }
        if (!drop.empty()) {
          if (trace)
            result.trace.push_back({w.span.begin, w.span.end, std::string(sentence), drop});
          continue;
        }
        Claim c;
        c.document = doc.id;
        c.source = doc.source;
        if (att.found()) {
          c.speaker = att.speaker;
          c.speaker_role = att.role;
          if (!c.speaker.empty() || annotated != nullptr) c.cue = att.verb;
        }
        // A cue with a speaker the model could not name (an unresolved "he") is still someone
        // else's voice.
        c.own_voice = c.speaker.empty() && c.cue.empty();
        c.byte_begin = cb;
        c.byte_end = ce;
        c.char_begin = cursor.At(cb);
        c.char_end = cursor.At(ce);
        c.text = std::string(text.substr(cb, ce - cb));
        c.date = doc.date;
        // A day named in the attribution ("said in a speech on December 26", "on December 9, X
        // announced") dates the claim.
        size_t frame_end = cb;
        if (att.found() && att.cue < w.lex.size() && w.lex[att.cue].begin > cb)
          frame_end = w.lex[att.cue].begin;
        if (frame_end > w.span.begin || ce < w.span.end) {
          const size_t head_end = cb > w.span.begin ? cb : frame_end;
          for (const auto& part : {std::pair<size_t, size_t>{w.span.begin, head_end},
                                   std::pair<size_t, size_t>{ce, w.span.end}}) {
            if (part.second <= part.first) continue;
            for (const TimeMention& t :
                 FindTimes(text.substr(part.first, part.second - part.first), doc.date)) {
              if (t.day_precise && (doc.date.empty() || t.ref.begin <= doc.date)) {
                c.date = t.ref.begin;
                break;
              }
            }
          }
        }
        for (TimeMention& t : times) c.about.push_back(std::move(t.ref));
        c.polarity = ComputePolarity(w.lex, lb, le);
        c.modality = modality;
        c.quantities = FindQuantities(c.text);
        std::set<std::string> seen;
        for (const EntityMention& m : aliases_.Find(c.text))
          if (seen.insert(m.canonical).second) c.entities.push_back(m.canonical);
        if (annotated != nullptr) {
          attrib::FillClaimFrame(*annotated, coref, &c);
          if (!c.subject.empty()) {
            // The alias table's canonical name for the subject, when it knows one.
            const std::vector<EntityMention> alias = aliases_.Find(c.subject);
            if (alias.size() == 1) c.subject = alias[0].canonical;
          }
        }
        if (trace) {
          std::string verdict = "claim";
          if (!c.speaker.empty())
            verdict += " (" + c.speaker + (w.inherited ? ", continued" : "") + ")";
          result.trace.push_back({w.span.begin, w.span.end, std::string(sentence), verdict});
        }
        result.claims.push_back(std::move(c));
      }
    }
  }
  return result;
}

}  // namespace claimgraph::engine
