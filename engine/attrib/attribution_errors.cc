// Causes of missed and wrong attributions (see attribution_errors.h).
#include "engine/attrib/attribution_errors.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace claimgraph::engine::attrib {
namespace {

double Cover(const ByteRanges& content, const ByteRanges& by) {
  const size_t size = TotalSize(content);
  return size ? static_cast<double>(OverlapSize(content, by)) / size : 0.0;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The kind of a model source that gave no speaker: a personal pronoun (a closed class), none,
// or another phrase (a title or description the resolver would not name).
std::string SourceKind(std::string_view text, const ByteRanges& source) {
  if (source.empty()) return "no source found";
  std::string s;
  for (const ByteRange& r : source)
    if (r.end <= text.size()) s += Lower(text.substr(r.begin, r.size()));
  while (!s.empty() && !std::isalpha(static_cast<unsigned char>(s.back()))) s.pop_back();
  for (const char* p :
       {"he", "she", "they", "i", "we", "you", "it", "who", "his", "her", "their", "him", "them"})
    if (s == p) return "source a pronoun";
  return "source not a name";
}

// The class of a drop verdict: the text before ':' ("furniture: share prompt" -> "furniture"),
// the whole verdict for the filter's fragments.
std::string VerdictClass(const std::string& v) {
  if (v.rfind("fragment", 0) == 0) return v;
  const size_t colon = v.find(':');
  return colon == std::string::npos ? v : v.substr(0, colon);
}

}  // namespace

AttributionErrors AnalyseAttributionErrors(const AttributionErrorInput& in) {
  AttributionErrors out;
  const std::vector<AttributionSpan>& gold = *in.gold;
  const std::vector<AttributionSpan>& model = *in.model;
  const std::vector<ClaimExtent>& claims = *in.claims;
  ByteRanges model_any, model_spoken, claims_any, claims_spoken, gold_content;
  for (const AttributionSpan& m : model) {
    model_any.insert(model_any.end(), m.content.begin(), m.content.end());
    if (!m.resolved_source.empty())
      model_spoken.insert(model_spoken.end(), m.content.begin(), m.content.end());
  }
  for (const ClaimExtent& c : claims) {
    claims_any.push_back(c.range);
    if (c.has_speaker) claims_spoken.push_back(c.range);
  }
  for (const AttributionSpan& g : gold)
    gold_content.insert(gold_content.end(), g.content.begin(), g.content.end());
  for (ByteRanges* r : {&model_any, &model_spoken, &claims_any, &claims_spoken, &gold_content})
    Normalize(r);

  for (size_t ci = 0; ci < claims.size(); ++ci) {
    const ClaimExtent& c = claims[ci];
    if (!c.has_speaker) continue;
    const size_t inside = OverlapSize({c.range}, gold_content);
    if (2 * inside >= c.range.size()) continue;
    out.wrong.push_back(ci);
    if (inside == 0) {
      ++out.wrong_outside;
    } else {
      ++out.wrong_partial;
    }
  }

  for (size_t gi = 0; gi < gold.size(); ++gi) {
    const AttributionSpan& g = gold[gi];
    const size_t size = TotalSize(g.content);
    if (size == 0 || 2 * OverlapSize(g.content, claims_spoken) >= size) continue;
    AttributionMiss miss;
    miss.gold = gi;
    miss.model_cover = Cover(g.content, model_spoken);
    miss.claims_cover = Cover(g.content, claims_spoken);
    // The pipeline sentences the content lies in, and the bytes of it that were dropped.
    size_t sentences = 0, dropped_bytes = 0;
    std::map<std::string, size_t> drop_bytes;
    if (in.sentences != nullptr) {
      std::set<std::pair<size_t, size_t>> seen;  // a sentence with two claims is listed twice
      for (const SentenceVerdict& s : *in.sentences) {
        const size_t o = OverlapSize(g.content, {s.range});
        if (o == 0 || !seen.insert({s.range.begin, s.range.end}).second) continue;
        ++sentences;
        if (s.verdict.rfind("claim", 0) == 0) continue;
        dropped_bytes += o;
        drop_bytes[VerdictClass(s.verdict)] += o;
      }
    }
    size_t best_overlap = 0;
    for (size_t k = 0; k < model.size(); ++k) {
      const size_t o = OverlapSize(g.content, model[k].content);
      if (o > best_overlap) {
        best_overlap = o;
        miss.model_best = static_cast<long>(k);
      }
    }
    const std::string span = sentences > 1 ? "several sentences" : "one sentence";
    if (2 * OverlapSize(g.content, model_spoken) >= size) {
      if (2 * OverlapSize(g.content, claims_any) < size && 2 * dropped_bytes >= size) {
        miss.cause = "pipeline: dropped";
        std::string worst;
        size_t most = 0;
        for (const auto& [v, n] : drop_bytes)
          if (n > most) {
            most = n;
            worst = v;
          }
        miss.detail = worst;
      } else if (2 * OverlapSize(g.content, claims_any) >= size) {
        miss.cause = "pipeline: no speaker";
        miss.detail = span;
      } else {
        miss.cause = "pipeline: claims short";
        miss.detail = span;
      }
    } else if (2 * OverlapSize(g.content, model_any) >= size) {
      miss.cause = "model: no speaker";
      // The covering attribution with the most overlap names the kind of source.
      miss.detail = miss.model_best >= 0
                        ? SourceKind(in.text, model[static_cast<size_t>(miss.model_best)].source)
                        : "no source found";
    } else {
      bool cue = false;
      for (const AttributionSpan& m : model) cue = cue || OverlapSize(g.cue, m.cue) > 0;
      miss.cause = cue ? "model: content" : "model: cue missed";
      miss.detail = span;
    }
    out.misses.push_back(std::move(miss));
  }
  return out;
}

void AttributionErrorTable::Add(const AttributionErrors& e) {
  misses_ += e.misses.size();
  wrong_outside_ += e.wrong_outside;
  wrong_partial_ += e.wrong_partial;
  for (const AttributionMiss& m : e.misses) {
    ++causes_[m.cause];
    ++details_[m.cause + " / " + m.detail];
  }
}

}  // namespace claimgraph::engine::attrib
