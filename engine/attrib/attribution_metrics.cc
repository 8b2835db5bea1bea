// Attribution scores (see attribution_metrics.h).
#include "engine/attrib/attribution_metrics.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace claimgraph::engine::attrib {
namespace {

bool IsEdgeJunk(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == ':' ||
         c == ';' || c == '"' || c == '\'' || c == '(' || c == ')' || c == '-';
}

// Trims ASCII white space and punctuation at the edges of each range (curly quotes, three-byte
// sequences starting E2 80, too).
ByteRanges Trimmed(std::string_view text, const ByteRanges& r) {
  ByteRanges out;
  for (ByteRange x : r) {
    x.end = std::min(x.end, text.size());
    bool changed = true;
    while (changed && x.begin < x.end) {
      changed = false;
      if (IsEdgeJunk(text[x.begin])) {
        ++x.begin;
        changed = true;
      } else if (x.end - x.begin >= 3 && static_cast<unsigned char>(text[x.begin]) == 0xE2 &&
                 static_cast<unsigned char>(text[x.begin + 1]) == 0x80) {
        x.begin += 3;
        changed = true;
      }
      if (x.begin < x.end && IsEdgeJunk(text[x.end - 1])) {
        --x.end;
        changed = true;
      } else if (x.end - x.begin >= 3 && static_cast<unsigned char>(text[x.end - 3]) == 0xE2 &&
                 static_cast<unsigned char>(text[x.end - 2]) == 0x80) {
        x.end -= 3;
        changed = true;
      }
    }
    if (x.begin < x.end) out.push_back(x);
  }
  return out;
}

void ScoreRole(std::string_view text, std::vector<ByteRanges> gold, std::vector<ByteRanges> pred,
               PrfCounts* exact, PrfCounts* overlap) {
  auto dedupe = [&](std::vector<ByteRanges>* v) {
    for (ByteRanges& r : *v) r = Trimmed(text, r);
    std::erase_if(*v, [](const ByteRanges& r) { return r.empty(); });
    std::sort(v->begin(), v->end(), [](const ByteRanges& a, const ByteRanges& b) {
      return std::lexicographical_compare(
          a.begin(), a.end(), b.begin(), b.end(), [](const ByteRange& x, const ByteRange& y) {
            return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
          });
    });
    v->erase(std::unique(v->begin(), v->end()), v->end());
  };
  dedupe(&gold);
  dedupe(&pred);
  exact->gold += gold.size();
  overlap->gold += gold.size();
  exact->predicted += pred.size();
  overlap->predicted += pred.size();
  for (const ByteRanges& g : gold) {
    bool e = false, o = false;
    for (const ByteRanges& p : pred) {
      e = e || p == g;
      o = o || OverlapSize(p, g) > 0;
    }
    exact->gold_found += e;
    overlap->gold_found += o;
  }
  for (const ByteRanges& p : pred) {
    bool e = false, o = false;
    for (const ByteRanges& g : gold) {
      e = e || p == g;
      o = o || OverlapSize(p, g) > 0;
    }
    exact->predicted_right += e;
    overlap->predicted_right += o;
  }
}

std::string SpanText(std::string_view text, const ByteRanges& r) {
  std::string s;
  for (const ByteRange& x : r) {
    if (x.end > text.size()) break;
    if (!s.empty()) s += ' ';
    s += text.substr(x.begin, x.size());
  }
  return s;
}

}  // namespace

double PrfCounts::precision() const {
  return predicted ? static_cast<double>(predicted_right) / predicted : 0.0;
}
double PrfCounts::recall() const { return gold ? static_cast<double>(gold_found) / gold : 0.0; }
double PrfCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

std::vector<std::string> NameWords(std::string_view name) {
  // Closed classes: pronouns, articles and determiners, honorifics and political titles.
  static const std::set<std::string> kNot = {
      "i",         "he",      "she",          "it",         "we",         "they",     "you",
      "his",       "her",     "its",          "their",      "our",        "my",       "the",
      "a",         "an",      "this",         "that",       "these",      "those",    "mr",
      "mrs",       "ms",      "miss",         "dr",         "sen",        "rep",      "gov",
      "gen",       "lt",      "col",          "rev",        "president",  "senator",  "governor",
      "secretary", "former",  "vice",         "democratic", "republican", "democrat", "gop",
      "candidate", "nominee", "presidential", "jr",         "sr",         "u.s",      "us"};
  std::vector<std::string> out;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !std::isalpha(static_cast<unsigned char>(name[i]))) ++i;
    size_t j = i;
    while (j < name.size() && (std::isalnum(static_cast<unsigned char>(name[j])) ||
                               name[j] == '-' || name[j] == '.' || name[j] == '\''))
      ++j;
    if (j > i && std::isupper(static_cast<unsigned char>(name[i]))) {
      std::string w;
      for (size_t k = i; k < j; ++k)
        if (name[k] != '.')
          w += static_cast<char>(std::tolower(static_cast<unsigned char>(name[k])));
      if (w.size() > 2 && w.ends_with("'s")) w.resize(w.size() - 2);
      if (w.size() >= 2 && !kNot.count(w)) out.push_back(w);
    }
    i = j;
  }
  return out;
}

void AttributionScorer::Add(std::string_view text, const std::vector<AttributionSpan>& gold,
                            const std::vector<AttributionSpan>& predicted) {
  std::vector<ByteRanges> g_src, g_cue, g_con, p_src, p_cue, p_con;
  for (const AttributionSpan& a : gold) {
    if (!a.source.empty()) g_src.push_back(a.source);
    g_cue.push_back(a.cue);
    g_con.push_back(a.content);
  }
  for (const AttributionSpan& a : predicted) {
    if (!a.source.empty()) p_src.push_back(a.source);
    if (!a.cue.empty()) p_cue.push_back(a.cue);
    if (!a.content.empty()) p_con.push_back(a.content);
  }
  ScoreRole(text, g_src, p_src, &scores_.source_exact, &scores_.source_overlap);
  ScoreRole(text, g_cue, p_cue, &scores_.cue_exact, &scores_.cue_overlap);
  ScoreRole(text, g_con, p_con, &scores_.content_exact, &scores_.content_overlap);

  // Attribution level: predictions with a speaker.
  std::vector<const AttributionSpan*> spoken;
  ByteRanges spoken_content;
  for (const AttributionSpan& a : predicted) {
    if (a.content.empty() || (a.resolved_source.empty() && a.source.empty())) continue;
    spoken.push_back(&a);
    spoken_content.insert(spoken_content.end(), a.content.begin(), a.content.end());
  }
  Normalize(&spoken_content);
  ByteRanges gold_content;
  for (const AttributionSpan& a : gold)
    gold_content.insert(gold_content.end(), a.content.begin(), a.content.end());
  Normalize(&gold_content);
  scores_.attribution.predicted += spoken.size();
  for (const AttributionSpan* p : spoken)
    if (2 * OverlapSize(p->content, gold_content) >= TotalSize(p->content))
      ++scores_.attribution.predicted_right;
  scores_.attribution.gold += gold.size();
  for (const AttributionSpan& g : gold) {
    const size_t size = TotalSize(g.content);
    if (size == 0 || 2 * OverlapSize(g.content, spoken_content) < size) continue;
    ++scores_.attribution.gold_found;
    const std::vector<std::string> want = NameWords(SpanText(text, g.source));
    if (want.empty()) continue;
    ++scores_.named_sources;
    const AttributionSpan* best = nullptr;
    size_t best_overlap = 0;
    for (const AttributionSpan* p : spoken) {
      const size_t o = OverlapSize(p->content, g.content);
      if (o > best_overlap) {
        best_overlap = o;
        best = p;
      }
    }
    if (best == nullptr) continue;
    const std::string said =
        best->resolved_source.empty() ? SpanText(text, best->source) : best->resolved_source;
    const std::vector<std::string> have = NameWords(said);
    bool right = false;
    for (const std::string& w : want)
      right = right || std::find(have.begin(), have.end(), w) != have.end();
    scores_.named_right += right;
  }
}

}  // namespace claimgraph::engine::attrib
