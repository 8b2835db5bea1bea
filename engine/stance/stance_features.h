// Stance features between a claim (A) and another text (B): a sentence, a headline or an article.
//
// Method, after de Marneffe, Rafferty & Manning (2008, "Finding Contradictions in Text"):
// negation and its scope, antonyms and refuting words, numeric and date mismatch, modality and
// hedging, polarity of the predicate, plus lexical overlap, TF-IDF cosine and BM25 (Robertson &
// Zaragoza 2009) between A and each sentence of B. Sentence-level features are aggregated to the
// article level from the sentences most related to A (by TF-IDF cosine), so one model serves
// claim-vs-claim and claim-vs-article. Riedel et al. (2017) add the term-frequency vectors of both
// texts; we take B's from its most related sentences rather than the whole body, for the same
// reason.
//
// Deviations from de Marneffe et al.: no parser, no WordNet and no alignment. "Scope" is a window
// of tokens after a negation cue; the "main predicate" is approximated by A's content words that
// reappear in B's related sentences (polarity: whether such a word sits in a negation's scope on
// one side only); antonyms and refuting / hedging / confirming words come from short hand-written
// lists (stance_lexicon.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace claimgraph::engine {

// Cue-word bits of a token (stance_lexicon.h).
inline constexpr uint8_t kRefuteCue = 1, kHedgeCue = 2, kConfirmCue = 4, kNegationCue = 8;

// One text, tokenized, stemmed and split into sentences, ready for featurizing against others.
struct AnalyzedText {
  struct Sentence {
    size_t first = 0, last = 0;  // token range [first, last)
    // L2-normalised TF-IDF vector over stem ids, sorted by id.
    std::vector<std::pair<uint64_t, float>> tfidf;
    bool question = false;  // contains '?'
    bool quote = false;     // contains a quotation mark
  };
  std::vector<std::string> words;  // folded tokens
  std::vector<uint64_t> stems;     // stem id of each token (0 for stop words)
  std::vector<bool> numeric;       // token is a number
  std::vector<uint8_t> cues;       // per token: kRefuteCue | kHedgeCue | kConfirmCue | kNegationCue
  std::vector<Sentence> sentences;
  std::vector<std::pair<uint64_t, float>> tfidf;  // whole text, L2-normalised
  std::vector<uint64_t> unique_stems;             // sorted, distinct (0 included if present)

  // What Featurize needs of the text as the claim (A), computed once here rather than once per
  // pair it takes part in.
  struct ClaimSide {
    std::unordered_set<uint64_t> stems;    // content stems
    std::vector<size_t> first_of_stem;     // token index of each content stem's first occurrence
    std::unordered_set<uint64_t> bigrams;  // adjacent content stems (stop words skipped)
    std::vector<std::string> numbers;      // numbers other than years, in order
    std::vector<int> years, months;
    double bm25_idf_sum = 0;                     // BM25 idf over `stems`, in the set's order
    std::vector<std::pair<int, float>> term_tf;  // the first term-frequency block of the input
  } claim_side;
};

// Dense features: index, name, and the reason group their explanation belongs to.
enum DenseFeature : int {
  kCosineWhole = 0,   // TF-IDF cosine, A vs all of B
  kCosineMax,         // best sentence
  kCosineTopMean,     // mean of the top sentences
  kBm25Max,           // BM25 of A against each sentence, normalised to 0..1, best sentence
  kBm25Whole,         // BM25 of A against all of B, normalised
  kOverlapWhole,      // share of A's content stems found in B
  kOverlapTop,        // ... in B's top sentences
  kBigramOverlap,     // share of A's content bigrams found in B's top sentences
  kNumberOverlapTop,  // share of A's numbers found in B's top sentences
  kBestPosition,      // position of the best sentence in B (0 = first, 1 = last)
  kLogSentencesB,     // log(1 + sentences in B)
  kShortB,            // B is a single sentence
  kRefuteA,           // refuting words in A (count, capped)
  kRefuteTop,         // refuting words in B's top sentences
  kRefuteWhole,       // refuting words per sentence of B
  kRefuteLead,        // refuting words in B's first two sentences
  kHedgeA,
  kHedgeTop,
  kHedgeWhole,
  kConfirmA,
  kConfirmTop,
  kConfirmWhole,
  kNegationA,
  kNegationTop,
  kNegationWhole,
  kNegatedSharedA,    // A's shared content word in the scope of a negation in A
  kNegatedSharedB,    // a content word of A in the scope of a negation in B's top sentences
  kPolarityMismatch,  // exactly one side negates a shared word
  kAntonymTop,        // antonym pairs between A and B's top sentences
  kNumberMismatch,    // A and B's top sentences give numbers and none of A's recur
  kDateMismatch,      // years or months differ
  kQuestionA,         // A ends in a question mark
  kQuestionB,         // B's top sentence or B (a headline) asks a question
  kQuoteB,            // quotation marks in B's top sentences
  kRefuteNearShared,  // refuting word within a few tokens of a word shared with A
  kHedgeNearShared,
  kNumDenseFeatures
};

// Short stable name of a dense feature ("cosine_max"), for model files and debugging.
std::string_view DenseFeatureName(int feature);

// The features of one (A, B) pair: dense values, sparse term frequencies, and for each dense
// feature the words behind it (for reasons: "'denied' in B").
struct StanceFeatures {
  std::vector<float> dense;                   // kNumDenseFeatures values
  std::vector<std::pair<int, float>> sparse;  // (input index, value); indices >= kNumDenseFeatures
  std::vector<std::string> evidence;          // per dense feature; empty if nothing to show
};

struct StanceFeaturizerOptions {
  int vocabulary_size = 2000;  // stems per term-frequency block
  int top_sentences = 3;       // sentences aggregated as "top"
  int min_document_frequency = 2;
};

// Holds the tables learnt from training text (document frequencies, vocabulary) and computes
// features. Immutable after Fit()/Load(); Analyze() and Featurize() are const and thread-safe.
class StanceFeaturizer {
 public:
  StanceFeaturizer() = default;

  // Learns document frequencies and the vocabulary from `documents` (bodies and headlines).
  static StanceFeaturizer Fit(const std::vector<std::string_view>& documents,
                              const StanceFeaturizerOptions& options);

  AnalyzedText Analyze(std::string_view text) const;

  // Features of the pair (A = claim, B = other). Both must come from Analyze() of this object.
  StanceFeatures Featurize(const AnalyzedText& claim, const AnalyzedText& other,
                           bool with_evidence = false) const;

  // Number of network inputs: dense features + two vocabulary blocks.
  int input_size() const { return kNumDenseFeatures + 2 * static_cast<int>(vocabulary_.size()); }

  void Save(std::ostream& out) const;
  // Throws std::runtime_error on a malformed table.
  static StanceFeaturizer Load(std::istream& in, const std::string& name);

 private:
  void Index();  // rebuilds the hash tables from document_frequency_ and vocabulary_
  float Idf(uint64_t stem) const;
  float Bm25Idf(uint64_t stem) const;
  void Weigh(const AnalyzedText& text, size_t first, size_t last,
             std::vector<std::pair<uint64_t, float>>* out) const;
  // Appends the L2-normalised vocabulary frequencies of `text`'s token ranges to `out`, as
  // (offset + vocabulary index, value) sorted by index.
  void AddTermFrequencies(const AnalyzedText& text,
                          const std::vector<std::pair<size_t, size_t>>& ranges, int offset,
                          std::vector<std::pair<int, float>>* out) const;

  StanceFeaturizerOptions options_;
  double documents_ = 0;
  double average_sentence_length_ = 20;
  std::vector<std::pair<std::string, uint32_t>> document_frequency_;  // stem, df (sorted)
  std::unordered_map<uint64_t, std::pair<float, float>> idf_;  // stem -> (TF-IDF idf, BM25 idf)
  float unseen_idf_ = 1, unseen_bm25_idf_ = 1;
  std::vector<std::string> vocabulary_;
  std::unordered_map<uint64_t, int> vocabulary_index_;
};

// Stem id of a folded word: a 64-bit FNV-1a hash of its light stem (stance_lexicon.cc), or 0 for
// a stop word. Exposed for tests.
uint64_t StemId(std::string_view folded_word);
std::string LightStem(std::string_view folded_word);

}  // namespace claimgraph::engine
