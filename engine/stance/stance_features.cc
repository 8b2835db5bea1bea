#include "engine/stance/stance_features.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <istream>
#include <map>
#include <ostream>
#include <stdexcept>
#include <unordered_set>

#include "engine/stance/stance_lexicon.h"
#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

constexpr std::string_view kDenseNames[kNumDenseFeatures] = {
    "cosine_whole",   "cosine_max",       "cosine_top_mean",    "bm25_max",
    "bm25_whole",     "overlap_whole",    "overlap_top",        "bigram_overlap",
    "number_overlap", "best_position",    "log_sentences_b",    "short_b",
    "refute_a",       "refute_top",       "refute_whole",       "refute_lead",
    "hedge_a",        "hedge_top",        "hedge_whole",        "confirm_a",
    "confirm_top",    "confirm_whole",    "negation_a",         "negation_top",
    "negation_whole", "negated_shared_a", "negated_shared_b",   "polarity_mismatch",
    "antonym_top",    "number_mismatch",  "date_mismatch",      "question_a",
    "question_b",     "quote_b",          "refute_near_shared", "hedge_near_shared"};

constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;
constexpr size_t kNegationScope = 4;  // tokens after a negation cue that it governs
constexpr size_t kNearWindow = 5;     // "near a shared word": within this many tokens
constexpr float kCueCap = 3;

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Sentence spans of raw text: a break after . ! ? (and any closing quotes or brackets) when
// white space and then an upper-case letter, digit or quote follow; and at every line break.
std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t start = 0;
  auto push = [&](size_t end) {
    if (end > start) spans.emplace_back(start, end);
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ')' ||
                               text[j] == '.' || text[j] == '!' || text[j] == '?')) {
      ++j;
    }
    // Closing curly quote (U+201D, U+2019: E2 80 9D / E2 80 99).
    while (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xE2 &&
           static_cast<unsigned char>(text[j + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[j + 2]) == 0x9D ||
            static_cast<unsigned char>(text[j + 2]) == 0x99)) {
      j += 3;
    }
    if (j >= text.size() || (text[j] != ' ' && text[j] != '\t')) continue;
    size_t k = j;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= text.size()) continue;
    const unsigned char next = static_cast<unsigned char>(text[k]);
    const bool starts = (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
                        next == '"' || next == '\'' || next >= 0x80;
    if (!starts) continue;
    if (c == '.') {
      // "Mr. Smith", "U.S. officials", "J. Doe": a short or single-letter word before the point.
      size_t w = i;
      while (w > start && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
      const std::string_view word = text.substr(w, i - w);
      if (word.size() == 1 || word == "Mr" || word == "Mrs" || word == "Ms" || word == "Dr" ||
          word == "St" || word == "Jr" || word == "Sr" || word == "Gen" || word == "Sen" ||
          word == "Rep" || word == "Gov" || word == "Lt" || word == "Col" || word == "No") {
        continue;
      }
    }
    push(j);
    start = k;
    i = k - 1;
  }
  push(text.size());
  return spans;
}

bool HasQuestion(std::string_view s) { return s.find('?') != std::string_view::npos; }
bool HasQuote(std::string_view s) {
  return s.find('"') != std::string_view::npos || s.find("\xE2\x80\x9C") != std::string_view::npos;
}

int YearOf(const std::string& w) {
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), ::isdigit)) return 0;
  const int y = std::stoi(w);
  return (y >= 1900 && y <= 2100) ? y : 0;
}

// Sparse dot product of two id-sorted vectors.
float Dot(const std::vector<std::pair<uint64_t, float>>& a,
          const std::vector<std::pair<uint64_t, float>>& b) {
  float s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      s += a[i++].second * b[j++].second;
    }
  }
  return s;
}

const std::unordered_map<uint64_t, std::vector<std::pair<uint64_t, std::string_view>>>&
AntonymIndex() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<uint64_t, std::vector<std::pair<uint64_t, std::string_view>>>;
    for (const auto& [a, b] : AntonymPairs()) {
      (*m)[StemId(a)].emplace_back(StemId(b), b);
      (*m)[StemId(b)].emplace_back(StemId(a), a);
    }
    return m;
  }();
  return *index;
}

// StemId through a per-thread cache: news vocabulary repeats, and stemming allocates.
uint64_t CachedStemId(const std::string& word) {
  thread_local std::unordered_map<std::string, uint64_t> cache;
  if (const auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() > 200000) cache.clear();
  const uint64_t id = StemId(word);
  cache.emplace(word, id);
  return id;
}

uint8_t CachedCues(const std::string& word) {
  thread_local std::unordered_map<std::string, uint8_t> cache;
  if (const auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() > 200000) cache.clear();
  const uint8_t cues =
      (IsRefutingWord(word) ? kRefuteCue : 0) | (IsHedgingWord(word) ? kHedgeCue : 0) |
      (IsConfirmingWord(word) ? kConfirmCue : 0) | (IsNegationWord(word) ? kNegationCue : 0);
  cache.emplace(word, cues);
  return cues;
}

std::string Quoted(std::string_view w) { return "'" + std::string(w) + "'"; }

}  // namespace

std::string_view DenseFeatureName(int feature) {
  return (feature >= 0 && feature < kNumDenseFeatures) ? kDenseNames[feature] : "?";
}

std::string LightStem(std::string_view w) {
  std::string s(w);
  auto strip = [&](size_t n) { s.resize(s.size() - n); };
  if (s.size() > 4 && (EndsWith(s, "ies") || EndsWith(s, "ied"))) {
    strip(3);
    s += 'y';
  } else if (EndsWith(s, "sses")) {
    strip(2);
  } else if (s.size() > 3 && EndsWith(s, "s") && !EndsWith(s, "ss") && !EndsWith(s, "us") &&
             !EndsWith(s, "is")) {
    strip(1);
  }
  if (s.size() > 4 && EndsWith(s, "ly")) strip(2);
  if (s.size() > 5 && EndsWith(s, "ing")) {
    strip(3);
  } else if (s.size() > 4 && EndsWith(s, "ed")) {
    strip(2);
  }
  if (s.size() > 3 && EndsWith(s, "e")) strip(1);
  return s;
}

uint64_t StemId(std::string_view w) {
  if (w.empty() || IsStopword(w)) return 0;
  return Fnv1a(LightStem(w));
}

float StanceFeaturizer::Idf(uint64_t stem) const {
  const auto it = idf_.find(stem);
  return it == idf_.end() ? unseen_idf_ : it->second.first;
}

float StanceFeaturizer::Bm25Idf(uint64_t stem) const {
  const auto it = idf_.find(stem);
  return it == idf_.end() ? unseen_bm25_idf_ : it->second.second;
}

void StanceFeaturizer::Weigh(const AnalyzedText& text, size_t first, size_t last,
                             std::vector<std::pair<uint64_t, float>>* out) const {
  out->clear();
  for (size_t i = first; i < last; ++i) {
    if (text.stems[i] != 0) out->emplace_back(text.stems[i], 1.0f);
  }
  std::sort(out->begin(), out->end());
  size_t n = 0;
  for (size_t i = 0; i < out->size();) {
    size_t j = i;
    while (j < out->size() && (*out)[j].first == (*out)[i].first) ++j;
    (*out)[n++] = {(*out)[i].first,
                   (1.0f + std::log(static_cast<float>(j - i))) * Idf((*out)[i].first)};
    i = j;
  }
  out->resize(n);
  float norm = 0;
  for (const auto& [id, w] : *out) norm += w * w;
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& e : *out) e.second /= norm;
  }
}

AnalyzedText StanceFeaturizer::Analyze(std::string_view text) const {
  AnalyzedText out;
  for (const auto& [b, e] : SplitSentences(text)) {
    const std::string_view span = text.substr(b, e - b);
    std::vector<Token> tokens = Tokenize(span);
    if (tokens.empty()) continue;
    AnalyzedText::Sentence s;
    s.first = out.words.size();
    for (Token& t : tokens) {
      out.stems.push_back(CachedStemId(t.text));
      out.numeric.push_back(t.numeric);
      out.cues.push_back(CachedCues(t.text));
      out.words.push_back(std::move(t.text));
    }
    s.last = out.words.size();
    s.question = HasQuestion(span);
    s.quote = HasQuote(span);
    Weigh(out, s.first, s.last, &s.tfidf);
    out.sentences.push_back(std::move(s));
  }
  Weigh(out, 0, out.words.size(), &out.tfidf);
  out.unique_stems = out.stems;
  std::sort(out.unique_stems.begin(), out.unique_stems.end());
  out.unique_stems.erase(std::unique(out.unique_stems.begin(), out.unique_stems.end()),
                         out.unique_stems.end());

  // The text as the claim side of a pair: content stems, bigrams, numbers, years, months.
  AnalyzedText::ClaimSide& side = out.claim_side;
  uint64_t prev = 0;
  for (size_t i = 0; i < out.words.size(); ++i) {
    const uint64_t s = out.stems[i];
    if (s != 0) {
      if (side.stems.insert(s).second) side.first_of_stem.push_back(i);
      if (prev != 0) side.bigrams.insert(prev * 31 + s);
      prev = s;
    }
    if (const int y = YearOf(out.words[i])) {
      side.years.push_back(y);
    } else if (out.numeric[i]) {
      side.numbers.push_back(out.words[i]);
    }
    if (const int m = MonthNumber(out.words[i])) side.months.push_back(m);
  }
  for (uint64_t s : side.stems) side.bm25_idf_sum += Bm25Idf(s);
  AddTermFrequencies(out, {{0, out.words.size()}}, kNumDenseFeatures, &side.term_tf);
  return out;
}

void StanceFeaturizer::AddTermFrequencies(const AnalyzedText& t,
                                          const std::vector<std::pair<size_t, size_t>>& ranges,
                                          int offset,
                                          std::vector<std::pair<int, float>>* out) const {
  std::vector<std::pair<int, float>> tf;
  for (const auto& [first, last] : ranges) {
    for (size_t i = first; i < last; ++i) {
      const auto it = vocabulary_index_.find(t.stems[i]);
      if (it != vocabulary_index_.end()) tf.emplace_back(it->second, 1.0f);
    }
  }
  std::sort(tf.begin(), tf.end());
  size_t m = 0;
  for (size_t i = 0; i < tf.size(); ++i) {
    if (m > 0 && tf[m - 1].first == tf[i].first) {
      tf[m - 1].second += 1;
    } else {
      tf[m++] = tf[i];
    }
  }
  tf.resize(m);
  float norm = 0;
  for (const auto& [i, v] : tf) norm += v * v;
  norm = std::sqrt(norm);
  for (const auto& [i, v] : tf) out->emplace_back(offset + i, v / norm);
}

StanceFeatures StanceFeaturizer::Featurize(const AnalyzedText& a, const AnalyzedText& b,
                                           bool with_evidence) const {
  StanceFeatures f;
  f.dense.assign(kNumDenseFeatures, 0.0f);
  if (with_evidence) f.evidence.assign(kNumDenseFeatures, std::string());
  auto note = [&](int feature, std::string text) {
    if (with_evidence && f.evidence[feature].empty()) f.evidence[feature] = std::move(text);
  };

  // A's content stems, numbers, years, months, bigrams (computed by Analyze).
  const std::unordered_set<uint64_t>& a_stems = a.claim_side.stems;
  const std::unordered_set<uint64_t>& a_bigrams = a.claim_side.bigrams;
  const std::vector<std::string>& a_numbers = a.claim_side.numbers;
  const std::vector<int>& a_years = a.claim_side.years;
  const std::vector<int>& a_months = a.claim_side.months;

  // Relatedness of each sentence of B; the top sentences by TF-IDF cosine.
  const size_t n = b.sentences.size();
  std::vector<float> cosine(n), bm25(n);
  // BM25 of A (as the query) against a span of B, divided by the sum of A's idf weights so that
  // a sentence of average length holding each of A's terms once scores about 1.
  const double idf_norm = a.claim_side.bm25_idf_sum;
  auto bm25_of = [&](size_t first, size_t last) {
    std::vector<uint64_t> hits;
    for (size_t i = first; i < last; ++i) {
      if (b.stems[i] != 0 && a_stems.count(b.stems[i])) hits.push_back(b.stems[i]);
    }
    std::sort(hits.begin(), hits.end());
    std::vector<std::pair<uint64_t, int>> tf;
    for (uint64_t h : hits) {
      if (!tf.empty() && tf.back().first == h) {
        ++tf.back().second;
      } else {
        tf.emplace_back(h, 1);
      }
    }
    const double len = static_cast<double>(last - first);
    double score = 0;
    for (const auto& [stem, count] : tf) {
      score += Bm25Idf(stem) * count * (kBm25K1 + 1) /
               (count + kBm25K1 * (1 - kBm25B + kBm25B * len / average_sentence_length_));
    }
    return idf_norm > 0 ? static_cast<float>(score / idf_norm) : 0.0f;
  };
  for (size_t i = 0; i < n; ++i) {
    cosine[i] = Dot(a.tfidf, b.sentences[i].tfidf);
    bm25[i] = bm25_of(b.sentences[i].first, b.sentences[i].last);
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return cosine[x] > cosine[y]; });
  const size_t k = std::min<size_t>(n, static_cast<size_t>(options_.top_sentences));
  std::vector<size_t> top(order.begin(), order.begin() + k);

  f.dense[kCosineWhole] = Dot(a.tfidf, b.tfidf);
  if (n > 0) {
    f.dense[kCosineMax] = cosine[order[0]];
    float sum = 0;
    for (size_t i : top) sum += cosine[i];
    f.dense[kCosineTopMean] = sum / static_cast<float>(k);
    f.dense[kBm25Max] = *std::max_element(bm25.begin(), bm25.end());
    f.dense[kBestPosition] = n > 1 ? static_cast<float>(order[0]) / static_cast<float>(n - 1) : 0;
  }
  f.dense[kBm25Whole] = std::min(bm25_of(0, b.words.size()), 3.0f);
  f.dense[kLogSentencesB] = std::log1p(static_cast<float>(n));
  f.dense[kShortB] = n <= 1 ? 1.0f : 0.0f;

  // Overlap with all of B and with the top sentences.

  // Stems and bigrams of the top sentences, sorted for lookups (a few dozen: cheaper to sort
  // than to hash, once per pair).
  std::vector<uint64_t> top_stems, top_bigrams;
  std::vector<std::string> top_numbers;
  std::vector<int> top_years, top_months;
  for (size_t si : top) {
    const auto& s = b.sentences[si];
    uint64_t p = 0;
    for (size_t i = s.first; i < s.last; ++i) {
      const uint64_t st = b.stems[i];
      if (st != 0) {
        top_stems.push_back(st);
        if (p != 0) top_bigrams.push_back(p * 31 + st);
        p = st;
      }
      if (const int y = YearOf(b.words[i])) {
        top_years.push_back(y);
      } else if (b.numeric[i]) {
        top_numbers.push_back(b.words[i]);
      }
      if (const int m = MonthNumber(b.words[i])) top_months.push_back(m);
    }
  }
  for (auto* v : {&top_stems, &top_bigrams}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  auto holds = [](const std::vector<uint64_t>& sorted, uint64_t x) {
    return std::binary_search(sorted.begin(), sorted.end(), x);
  };
  std::vector<std::string> shared_words;
  int in_whole = 0, in_top = 0;
  for (size_t i : a.claim_side.first_of_stem) {
    const uint64_t s = a.stems[i];
    if (std::binary_search(b.unique_stems.begin(), b.unique_stems.end(), s)) ++in_whole;
    if (holds(top_stems, s)) {
      ++in_top;
      if (shared_words.size() < 3) shared_words.push_back(a.words[i]);
    }
  }
  if (!a_stems.empty()) {
    f.dense[kOverlapWhole] = static_cast<float>(in_whole) / static_cast<float>(a_stems.size());
    f.dense[kOverlapTop] = static_cast<float>(in_top) / static_cast<float>(a_stems.size());
  }
  if (!a_bigrams.empty()) {
    int hits = 0;
    for (uint64_t g : a_bigrams) hits += holds(top_bigrams, g) ? 1 : 0;
    f.dense[kBigramOverlap] = static_cast<float>(hits) / static_cast<float>(a_bigrams.size());
  }
  if (with_evidence) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "TF-IDF cosine %.2f", static_cast<double>(f.dense[kCosineMax]));
    std::string sim = buf;
    if (!shared_words.empty()) {
      sim += ", shared:";
      for (const auto& w : shared_words) sim += " " + Quoted(w);
    }
    for (int feat : {kCosineWhole, kCosineMax, kCosineTopMean, kBm25Max, kBm25Whole, kOverlapWhole,
                     kOverlapTop, kBigramOverlap, kBestPosition}) {
      note(feat, "similarity: " + sim);
    }
  }

  // Numbers and dates.
  if (!a_numbers.empty()) {
    int hits = 0;
    for (const auto& x : a_numbers) {
      hits += std::find(top_numbers.begin(), top_numbers.end(), x) != top_numbers.end() ? 1 : 0;
    }
    f.dense[kNumberOverlapTop] = static_cast<float>(hits) / static_cast<float>(a_numbers.size());
    if (hits > 0) note(kNumberOverlapTop, "same number: " + a_numbers[0]);
    if (hits == 0 && !top_numbers.empty()) {
      f.dense[kNumberMismatch] = 1;
      note(kNumberMismatch, "numbers differ: " + a_numbers[0] + " vs " + top_numbers[0]);
    }
  }
  auto disjoint = [](const std::vector<int>& x, const std::vector<int>& y) {
    if (x.empty() || y.empty()) return false;
    for (int v : x) {
      if (std::find(y.begin(), y.end(), v) != y.end()) return false;
    }
    return true;
  };
  if (disjoint(a_years, top_years)) {
    f.dense[kDateMismatch] = 1;
    note(kDateMismatch,
         "dates differ: " + std::to_string(a_years[0]) + " vs " + std::to_string(top_years[0]));
  } else if (disjoint(a_months, top_months)) {
    f.dense[kDateMismatch] = 1;
    note(kDateMismatch, "dates differ: month " + std::to_string(a_months[0]) + " vs " +
                            std::to_string(top_months[0]));
  }

  // Cue words: counts in A, in B's top sentences, per sentence of all of B, in B's lead.
  struct Cue {
    uint8_t bit;
    int in_a, in_top, in_whole, in_lead;
    const char* label;
  };
  const Cue cues[] = {
      {kRefuteCue, kRefuteA, kRefuteTop, kRefuteWhole, kRefuteLead, "refuting word"},
      {kHedgeCue, kHedgeA, kHedgeTop, kHedgeWhole, -1, "hedging"},
      {kConfirmCue, kConfirmA, kConfirmTop, kConfirmWhole, -1, "confirming word"},
      {kNegationCue, kNegationA, kNegationTop, kNegationWhole, -1, "negation"},
  };
  std::vector<bool> in_top_sentence(b.words.size(), false);
  for (size_t si : top) {
    for (size_t i = b.sentences[si].first; i < b.sentences[si].last; ++i) in_top_sentence[i] = true;
  }
  const size_t lead_end = n >= 2 ? b.sentences[1].last : b.words.size();
  for (const Cue& cue : cues) {
    float ca = 0, ct = 0, cw = 0, cl = 0;
    for (size_t i = 0; i < a.words.size(); ++i) {
      if (a.cues[i] & cue.bit) {
        ++ca;
        note(cue.in_a, std::string(cue.label) + ": " + Quoted(a.words[i]) + " in A");
      }
    }
    for (size_t i = 0; i < b.words.size(); ++i) {
      if (!(b.cues[i] & cue.bit)) continue;
      ++cw;
      if (i < lead_end) {
        ++cl;
        if (cue.in_lead >= 0)
          note(cue.in_lead, std::string(cue.label) + ": " + Quoted(b.words[i]) + " early in B");
      }
      if (in_top_sentence[i]) {
        ++ct;
        note(cue.in_top, std::string(cue.label) + ": " + Quoted(b.words[i]) + " in B");
      }
      note(cue.in_whole, std::string(cue.label) + ": " + Quoted(b.words[i]) + " in B");
    }
    f.dense[cue.in_a] = std::min(ca, kCueCap);
    f.dense[cue.in_top] = std::min(ct, kCueCap);
    f.dense[cue.in_whole] = n > 0 ? std::min(cw / static_cast<float>(n), kCueCap) : 0;
    if (cue.in_lead >= 0) f.dense[cue.in_lead] = std::min(cl, kCueCap);
  }

  // Negation scope over shared words: polarity of the shared predicate on each side.
  auto negated_shared = [&](const AnalyzedText& t, size_t first, size_t last, const auto& other,
                            std::string* what) {
    int count = 0;
    for (size_t i = first; i < last; ++i) {
      if (!(t.cues[i] & kNegationCue)) continue;
      for (size_t j = i + 1; j < std::min(last, i + 1 + kNegationScope); ++j) {
        if (t.stems[j] != 0 && other(t.stems[j])) {
          ++count;
          if (what->empty()) *what = Quoted(t.words[i]) + " before " + Quoted(t.words[j]);
          break;
        }
      }
    }
    return count;
  };
  std::string neg_a, neg_b;
  int na = 0;
  const auto in_top_stems = [&](uint64_t x) { return holds(top_stems, x); };
  const auto in_a_stems = [&](uint64_t x) { return a_stems.count(x) > 0; };
  for (const auto& s : a.sentences) na += negated_shared(a, s.first, s.last, in_top_stems, &neg_a);
  int nb = 0;
  for (size_t si : top) {
    nb += negated_shared(b, b.sentences[si].first, b.sentences[si].last, in_a_stems, &neg_b);
  }
  f.dense[kNegatedSharedA] = std::min(static_cast<float>(na), kCueCap);
  f.dense[kNegatedSharedB] = std::min(static_cast<float>(nb), kCueCap);
  if (na > 0) note(kNegatedSharedA, "negation: " + neg_a + " in A");
  if (nb > 0) note(kNegatedSharedB, "negation: " + neg_b + " in B");
  if ((na > 0) != (nb > 0) && in_top > 0) {
    f.dense[kPolarityMismatch] = 1;
    note(kPolarityMismatch, "polarity differs: " + (na > 0 ? neg_a + " in A" : neg_b + " in B"));
  }

  // Refuting and hedging words near a word shared with A.
  auto near_shared = [&](uint8_t bit, int feature, const char* label) {
    int count = 0;
    for (size_t si : top) {
      const auto& s = b.sentences[si];
      for (size_t i = s.first; i < s.last; ++i) {
        if (!(b.cues[i] & bit)) continue;
        const size_t lo = i >= s.first + kNearWindow ? i - kNearWindow : s.first;
        const size_t hi = std::min(s.last, i + kNearWindow + 1);
        for (size_t j = lo; j < hi; ++j) {
          if (j != i && b.stems[j] != 0 && a_stems.count(b.stems[j])) {
            ++count;
            note(feature, std::string(label) + ": " + Quoted(b.words[i]) + " near " +
                              Quoted(b.words[j]) + " in B");
            break;
          }
        }
      }
    }
    f.dense[feature] = std::min(static_cast<float>(count), kCueCap);
  };
  near_shared(kRefuteCue, kRefuteNearShared, "refuting word");
  near_shared(kHedgeCue, kHedgeNearShared, "hedging");

  // Antonyms between A and B's top sentences.
  {
    const auto& index = AntonymIndex();
    int count = 0;
    for (size_t si : top) {
      for (size_t i = b.sentences[si].first; i < b.sentences[si].last; ++i) {
        const auto it = index.find(b.stems[i]);
        if (it == index.end()) continue;
        for (const auto& [other, word] : it->second) {
          if (a_stems.count(other)) {
            ++count;
            note(kAntonymTop,
                 "antonyms: " + Quoted(word) + " in A vs " + Quoted(b.words[i]) + " in B");
          }
        }
      }
    }
    f.dense[kAntonymTop] = std::min(static_cast<float>(count), kCueCap);
  }

  // Questions and quotes.
  bool qa = false;
  for (const auto& s : a.sentences) qa = qa || s.question;
  f.dense[kQuestionA] = qa ? 1 : 0;
  if (qa) note(kQuestionA, "question in A");
  bool qb = false, quote = false;
  for (size_t si : top) {
    qb = qb || b.sentences[si].question;
    quote = quote || b.sentences[si].quote;
  }
  f.dense[kQuestionB] = qb ? 1 : 0;
  f.dense[kQuoteB] = quote ? 1 : 0;
  if (qb) note(kQuestionB, "question in B");
  if (quote) note(kQuoteB, "quotation in B");

  // Term frequencies (Riedel et al. 2017): A, and B's top sentences; each L2-normalised.
  f.sparse = a.claim_side.term_tf;
  std::vector<std::pair<size_t, size_t>> top_ranges;
  for (size_t si : top) top_ranges.emplace_back(b.sentences[si].first, b.sentences[si].last);
  AddTermFrequencies(b, top_ranges, kNumDenseFeatures + static_cast<int>(vocabulary_.size()),
                     &f.sparse);
  return f;
}

StanceFeaturizer StanceFeaturizer::Fit(const std::vector<std::string_view>& documents,
                                       const StanceFeaturizerOptions& options) {
  StanceFeaturizer f;
  f.options_ = options;
  std::unordered_map<std::string, uint32_t> df;
  double sentence_tokens = 0, sentences = 0;
  for (std::string_view doc : documents) {
    std::unordered_set<std::string> stems;
    for (const auto& [b, e] : SplitSentences(doc)) {
      const std::vector<std::string> words = TokenStrings(doc.substr(b, e - b));
      if (words.empty()) continue;
      sentence_tokens += static_cast<double>(words.size());
      sentences += 1;
      for (const auto& w : words) {
        if (StemId(w) != 0) stems.insert(LightStem(w));
      }
    }
    for (const auto& s : stems) ++df[s];
  }
  f.documents_ = static_cast<double>(documents.size());
  f.average_sentence_length_ = sentences > 0 ? sentence_tokens / sentences : 20;
  for (const auto& [stem, count] : df) {
    if (count >= static_cast<uint32_t>(options.min_document_frequency)) {
      f.document_frequency_.emplace_back(stem, count);
    }
  }
  std::sort(f.document_frequency_.begin(), f.document_frequency_.end());
  // Vocabulary: the most frequent stems (ties broken alphabetically, so Fit is deterministic).
  std::vector<std::pair<std::string, uint32_t>> by_df = f.document_frequency_;
  std::stable_sort(by_df.begin(), by_df.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (size_t i = 0; i < by_df.size() && i < static_cast<size_t>(options.vocabulary_size); ++i) {
    f.vocabulary_.push_back(by_df[i].first);
  }
  f.Index();
  return f;
}

void StanceFeaturizer::Index() {
  idf_.clear();
  for (const auto& [stem, count] : document_frequency_) {
    const double df = count;
    idf_[Fnv1a(stem)] = {static_cast<float>(std::log((documents_ + 1) / (df + 1)) + 1),
                         static_cast<float>(std::log(1 + (documents_ - df + 0.5) / (df + 0.5)))};
  }
  // A stem below the document-frequency threshold counts as seen once.
  unseen_idf_ = static_cast<float>(std::log((documents_ + 1) / 2.0) + 1);
  unseen_bm25_idf_ = static_cast<float>(std::log(1 + (documents_ - 0.5) / 1.5));
  vocabulary_index_.clear();
  for (size_t i = 0; i < vocabulary_.size(); ++i) {
    vocabulary_index_[Fnv1a(vocabulary_[i])] = static_cast<int>(i);
  }
}

void StanceFeaturizer::Save(std::ostream& out) const {
  out.precision(17);
  out << "featurizer " << options_.vocabulary_size << " " << options_.top_sentences << " "
      << options_.min_document_frequency << " " << documents_ << " " << average_sentence_length_
      << "\n";
  out << "df " << document_frequency_.size() << "\n";
  for (const auto& [stem, count] : document_frequency_) out << stem << " " << count << "\n";
  out << "vocabulary " << vocabulary_.size() << "\n";
  for (const auto& v : vocabulary_) out << v << "\n";
}

StanceFeaturizer StanceFeaturizer::Load(std::istream& in, const std::string& name) {
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(name + ": malformed stance model (" + what + ")");
  };
  StanceFeaturizer f;
  std::string tag;
  size_t count = 0;
  if (!(in >> tag) || tag != "featurizer") fail("featurizer header");
  if (!(in >> f.options_.vocabulary_size >> f.options_.top_sentences >>
        f.options_.min_document_frequency >> f.documents_ >> f.average_sentence_length_)) {
    fail("featurizer options");
  }
  if (!(in >> tag >> count) || tag != "df") fail("df header");
  f.document_frequency_.resize(count);
  for (auto& [stem, df] : f.document_frequency_) {
    if (!(in >> stem >> df)) fail("df table");
  }
  if (!(in >> tag >> count) || tag != "vocabulary") fail("vocabulary header");
  f.vocabulary_.resize(count);
  for (auto& v : f.vocabulary_) {
    if (!(in >> v)) fail("vocabulary");
  }
  in.get();  // the newline after the last word
  f.Index();
  return f;
}

}  // namespace claimgraph::engine
