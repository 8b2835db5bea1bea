// The attribution model's features, decoding and training (see attribution_model.h).
#include "engine/attrib/attribution_model.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <random>
#include <stdexcept>

extern const unsigned char kClaimgraphAttributionModel[];
extern const size_t kClaimgraphAttributionModelSize;

namespace claimgraph::engine::attrib {
namespace {

using nlp::AnnotatedDocument;
using nlp::Token;

constexpr int kMaxPath = 4;         // longer dependency paths read as "far"
constexpr int kContentReach = 3;    // content heads within this many arcs of the cue
constexpr int kQuoteSentences = 8;  // an open quotation extends the content this far at most
// A token is a cue when its score exceeds this. Below 0 because the perceptron, trained on
// forty non-cues for every cue, is conservative; tuned on the PolNeAR dev split (the model's
// attribution F1 0.672 at 0, 0.691 at -3; docs/EVALUATION.md). Retuned for the pipeline's claims
// after the speaker and claim changes of the error analysis: attribution_f1 0.678 at -3, 0.680
// at -4 (precision 0.853), 0.684 at -4.5 (precision 0.850, the floor we keep).
constexpr float kCueThreshold = -4.0f;

bool IsOpenQuote(std::string_view f) { return f == "“" || f == "``" || f == "«"; }
bool IsCloseQuote(std::string_view f) { return f == "”" || f == "''" || f == "»"; }
bool IsQuote(std::string_view f) { return f == "\"" || IsOpenQuote(f) || IsCloseQuote(f); }
bool IsPunctPos(std::string_view p) {
  return p == "," || p == "." || p == ":" || p == "``" || p == "''" || p == "-LRB-" ||
         p == "-RRB-" || p == "HYPH" || p == "NFP" || p == "$" || p == "#";
}
bool IsPunct(const Token& t) {
  if (IsPunctPos(t.pos) || IsQuote(t.form)) return true;
  return t.pos.empty() && t.form.size() == 1 && std::ispunct(static_cast<unsigned char>(t.form[0]));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Lemma(const Token& t) {
  return t.lemma.empty() ? std::string_view(t.form) : t.lemma;
}

// Per-document state: quotation status of every token (inside an open quotation; the marks
// themselves are outside), reset at paragraph breaks.
std::vector<char> QuoteState(const AnnotatedDocument& doc) {
  std::vector<char> in(doc.tokens.size(), 0);
  bool open = false;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (i > 0 && !doc.text.empty() && t.begin > doc.tokens[i - 1].end &&
        t.begin <= doc.text.size() &&
        doc.text.substr(doc.tokens[i - 1].end, t.begin - doc.tokens[i - 1].end).find('\n') !=
            std::string::npos)
      open = false;
    if (IsOpenQuote(t.form)) {
      open = true;
    } else if (IsCloseQuote(t.form)) {
      open = false;
    } else if (t.form == "\"") {
      open = !open;
    } else {
      in[i] = open;
    }
  }
  return in;
}

// One parsed sentence with its children lists (local indices).
class SentenceView {
 public:
  SentenceView(const AnnotatedDocument& doc, const std::vector<char>& quotes, size_t s)
      : doc_(doc), quotes_(quotes), first_(doc.sentences[s].first), n_(doc.sentences[s].count) {
    children_.resize(n_);
    for (size_t i = 0; i < n_; ++i) {
      const int h = Head(static_cast<int>(i));
      if (h >= 0) children_[static_cast<size_t>(h)].push_back(static_cast<int>(i));
    }
    for (size_t i = 0; i < n_; ++i)
      has_quote_ = has_quote_ || IsQuote(tok(static_cast<int>(i)).form);
  }
  int size() const { return static_cast<int>(n_); }
  size_t first() const { return first_; }
  const Token& tok(int i) const { return doc_.tokens[first_ + static_cast<size_t>(i)]; }
  int Head(int i) const {
    const int h = tok(i).head;
    return h >= 0 && h < static_cast<int>(n_) && h != i ? h : -1;
  }
  const std::vector<int>& Children(int i) const { return children_[static_cast<size_t>(i)]; }
  bool InQuote(int i) const { return quotes_[first_ + static_cast<size_t>(i)] != 0; }
  bool HasQuote() const { return has_quote_; }

  // Ancestors of i, i first (bounded, so a cyclic parse cannot loop).
  std::vector<int> Ancestors(int i) const {
    std::vector<int> out;
    for (int k = i; k >= 0 && out.size() <= n_; k = Head(k)) out.push_back(k);
    return out;
  }
  // "<nsubj" steps up from a, ">ccomp" steps down to b; "far" beyond kMaxPath arcs; also the
  // number of arcs.
  std::string Path(int a, int b, int* length) const {
    const std::vector<int> up = Ancestors(a), down = Ancestors(b);
    for (size_t i = 0; i < up.size(); ++i) {
      const auto it = std::find(down.begin(), down.end(), up[i]);
      if (it == down.end()) continue;
      const size_t j = static_cast<size_t>(it - down.begin());
      *length = static_cast<int>(i + j);
      if (*length > kMaxPath) return "far";
      std::string p;
      for (size_t k = 0; k < i; ++k) p += "<" + tok(up[k]).deprel;
      for (size_t k = j; k-- > 0;) p += ">" + tok(down[k]).deprel;
      return p;
    }
    *length = 99;
    return "none";
  }
  bool IsAncestor(int a, int of) const {
    for (int k : Ancestors(of))
      if (k == a) return true;
    return false;
  }
  void Subtree(int i, std::vector<char>* mark) const {
    std::vector<int> stack = {i};
    size_t guard = 0;
    while (!stack.empty() && guard++ <= n_) {
      const int k = stack.back();
      stack.pop_back();
      if ((*mark)[static_cast<size_t>(k)]) continue;
      (*mark)[static_cast<size_t>(k)] = 1;
      for (int c : Children(k)) stack.push_back(c);
    }
  }
  int ChildWith(int i, std::string_view deprel) const {
    for (int c : Children(i))
      if (tok(c).deprel == deprel) return c;
    return -1;
  }

 private:
  const AnnotatedDocument& doc_;
  const std::vector<char>& quotes_;
  size_t first_, n_;
  std::vector<std::vector<int>> children_;
  bool has_quote_ = false;
};

std::string Bucket(int d) {
  d = std::abs(d);
  return d <= 3 ? std::to_string(d) : d <= 6 ? "4-6" : d <= 12 ? "7-12" : "13+";
}

// --- cue ---

std::vector<uint64_t> CueFeatures(const SentenceView& s, int i) {
  std::vector<uint64_t> f;
  f.reserve(40);
  const Token& t = s.tok(i);
  const std::string w = Lower(t.form);
  const std::string_view l = Lemma(t);
  const std::string q = s.InQuote(i) ? "1" : "0";
  f.push_back(Feature("b"));
  f.push_back(Feature("w", w));
  f.push_back(Feature("l", l));
  f.push_back(Feature("p", t.pos));
  f.push_back(Feature("lp", l, t.pos));
  f.push_back(Feature("d", t.deprel));
  f.push_back(Feature("ld", l, t.deprel));
  const int h = s.Head(i);
  const std::string_view hl = h >= 0 ? Lemma(s.tok(h)) : "ROOT";
  f.push_back(Feature("hl", hl));
  f.push_back(Feature("lhl", l, hl));
  f.push_back(Feature("hp", h >= 0 ? std::string_view(s.tok(h).pos) : "ROOT"));
  std::string subj_type = "none";
  for (int c : s.Children(i)) {
    const Token& ct = s.tok(c);
    f.push_back(Feature("cd", ct.deprel));
    f.push_back(Feature("lcd", l, ct.deprel));
    if (ct.deprel == "ccomp" && s.ChildWith(c, "mark") >= 0)
      f.push_back(Feature("lthat", l, Lower(s.tok(s.ChildWith(c, "mark")).form)));
    if (ct.deprel.rfind("nsubj", 0) == 0)
      subj_type = ct.ner != "O" && !ct.ner.empty() ? ct.ner : ct.pos;
  }
  f.push_back(Feature("sn", subj_type));
  f.push_back(Feature("lsn", l, subj_type));
  const std::string_view prev = i > 0 ? Lemma(s.tok(i - 1)) : "<s>";
  const std::string_view next = i + 1 < s.size() ? Lemma(s.tok(i + 1)) : "</s>";
  f.push_back(Feature("l-1", prev));
  f.push_back(Feature("l+1", next));
  f.push_back(Feature("ll+1", l, next));
  f.push_back(Feature("l-1l", prev, l));
  f.push_back(Feature("p-1", i > 0 ? std::string_view(s.tok(i - 1).pos) : "<s>"));
  f.push_back(Feature("p+1", i + 1 < s.size() ? std::string_view(s.tok(i + 1).pos) : "</s>"));
  f.push_back(Feature("q", q));
  f.push_back(Feature("lq", l, q));
  f.push_back(Feature("lsq", l, s.HasQuote() ? "1" : "0"));
  f.push_back(Feature("pq", t.pos, q));
  return f;
}

// The words of the cue headed by `c`: auxiliaries, negation, particles and fixed expressions
// ("has learned", "according to", "did not say").
std::vector<int> CueTokens(const SentenceView& s, int c) {
  std::vector<int> out = {c};
  for (int k : s.Children(c)) {
    const std::string& d = s.tok(k).deprel;
    if (d == "aux" || d == "auxpass" || d == "neg" || d == "mwe" || d == "compound:prt" ||
        d == "fixed")
      out.push_back(k);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// --- source ---

bool IsSourceCandidate(const SentenceView& s, int j) {
  const Token& t = s.tok(j);
  if (t.deprel == "compound" || t.deprel == "det" || t.deprel == "amod" || t.deprel == "punct")
    return false;
  return t.pos.rfind("NN", 0) == 0 || t.pos == "PRP" || t.pos == "PRP$" || t.pos == "WP" ||
         (t.pos == "DT" && t.deprel.rfind("nsubj", 0) == 0) || t.pos == "CD";
}

std::vector<uint64_t> SourceFeatures(const SentenceView& s, int c, int j) {
  std::vector<uint64_t> f;
  const std::string_view cl = Lemma(s.tok(c));
  if (j < 0) {
    f.push_back(Feature("none"));
    f.push_back(Feature("nonel", cl));
    f.push_back(Feature("noned", s.tok(c).deprel));
    f.push_back(Feature("nonep", s.tok(c).pos));
    f.push_back(Feature("noneq", s.InQuote(c) ? "1" : "0"));
    bool subj = false;
    for (int k : s.Children(c)) subj = subj || s.tok(k).deprel.rfind("nsubj", 0) == 0;
    f.push_back(Feature("nones", subj ? "1" : "0", cl));
    return f;
  }
  const Token& t = s.tok(j);
  int length = 0;
  const std::string path = s.Path(c, j, &length);
  const std::string dir = j < c ? "L" : "R";
  const std::string ner = t.ner.empty() ? "O" : t.ner;
  f.push_back(Feature("sp", path));
  f.push_back(Feature("spl", path, cl));
  f.push_back(Feature("spp", path, t.pos));
  f.push_back(Feature("spn", path, ner));
  f.push_back(Feature("sn", ner));
  f.push_back(Feature("spos", t.pos));
  f.push_back(Feature("sd", t.deprel));
  f.push_back(Feature("sdl", t.deprel, cl));
  f.push_back(Feature("sdir", dir, std::to_string(std::min(length, 5))));
  f.push_back(Feature("sdist", dir, Bucket(j - c)));
  f.push_back(Feature("sq", s.InQuote(j) ? "1" : "0", s.InQuote(c) ? "1" : "0"));
  f.push_back(Feature("sw", Lower(t.form)));
  f.push_back(Feature("scd", s.tok(c).deprel, path));
  return f;
}

// --- content ---

std::vector<uint64_t> ContentFeatures(const SentenceView& s, int c, int y, size_t span_size,
                                      bool starts_with_quote) {
  std::vector<uint64_t> f;
  const Token& t = s.tok(y);
  const std::string_view cl = Lemma(s.tok(c));
  int length = 0;
  const std::string path = s.Path(c, y, &length);
  const std::string dir = y < c ? "L" : "R";
  f.push_back(Feature("cp", path));
  f.push_back(Feature("cpl", path, cl));
  f.push_back(Feature("cpp", path, t.pos));
  f.push_back(Feature("cd", t.deprel));
  f.push_back(Feature("cdp", t.deprel, t.pos));
  f.push_back(Feature("cdir", dir));
  f.push_back(Feature("cq", s.InQuote(y) ? "1" : "0", s.InQuote(c) ? "1" : "0"));
  f.push_back(Feature("cpq", path, s.InQuote(y) ? "1" : "0"));
  f.push_back(Feature("csz", Bucket(static_cast<int>(span_size))));
  f.push_back(Feature("cszp", Bucket(static_cast<int>(span_size)), path));
  f.push_back(Feature("canc", s.IsAncestor(y, c) ? "1" : "0"));
  f.push_back(Feature("copen", starts_with_quote ? "1" : "0"));
  const int mark = s.ChildWith(y, "mark");
  f.push_back(Feature("cm", mark >= 0 ? Lower(s.tok(mark).form) : "-", path));
  return f;
}

// The content tokens of candidate head y: its subtree without the source's and the cue's
// branches; punctuation trimmed at both ends.
std::vector<int> ContentSpan(const SentenceView& s, int c, int y, int source) {
  std::vector<char> in(static_cast<size_t>(s.size()), 0);
  s.Subtree(y, &in);
  std::vector<char> out(static_cast<size_t>(s.size()), 0);
  if (source >= 0) s.Subtree(source, &out);
  if (s.IsAncestor(y, c)) {
    // Drop the branch of y that holds the cue.
    int k = c;
    while (s.Head(k) >= 0 && s.Head(k) != y) k = s.Head(k);
    s.Subtree(k, &out);
  } else {
    out[static_cast<size_t>(c)] = 1;
  }
  std::vector<int> span;
  for (int i = 0; i < s.size(); ++i)
    if (in[static_cast<size_t>(i)] && !out[static_cast<size_t>(i)]) span.push_back(i);
  while (!span.empty() && IsPunct(s.tok(span.front())) && !IsQuote(s.tok(span.front()).form))
    span.erase(span.begin());
  while (!span.empty() && IsPunct(s.tok(span.back())) && !IsQuote(s.tok(span.back()).form))
    span.pop_back();
  return span;
}

std::vector<int> SourceSpan(const SentenceView& s, int j, const std::vector<int>& cue) {
  std::vector<char> in(static_cast<size_t>(s.size()), 0);
  s.Subtree(j, &in);
  for (int k : cue) in[static_cast<size_t>(k)] = 0;
  std::vector<int> span;
  for (int i = 0; i < s.size(); ++i)
    if (in[static_cast<size_t>(i)]) span.push_back(i);
  // Leading prepositions of "according to X" / "by X" are not the source.
  while (!span.empty() && (IsPunct(s.tok(span.front())) || s.tok(span.front()).deprel == "case"))
    span.erase(span.begin());
  while (!span.empty() && IsPunct(s.tok(span.back()))) span.pop_back();
  return span;
}

std::vector<int> ContentCandidates(const SentenceView& s, int c, const std::vector<int>& cue,
                                   int source) {
  std::vector<int> out;
  for (int y = 0; y < s.size(); ++y) {
    if (y == source || IsPunct(s.tok(y))) continue;
    if (std::find(cue.begin(), cue.end(), y) != cue.end()) continue;
    int length = 0;
    s.Path(c, y, &length);
    if (length <= kContentReach) out.push_back(y);
  }
  return out;
}

// Byte ranges of document tokens (sorted indices), merging runs of consecutive tokens.
ByteRanges ToRanges(const AnnotatedDocument& doc, const std::vector<size_t>& tokens) {
  ByteRanges r;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = doc.tokens[tokens[k]];
    if (k > 0 && tokens[k] == tokens[k - 1] + 1) {
      r.back().end = t.end;
    } else {
      r.push_back({t.begin, t.end});
    }
  }
  return r;
}

// Extends content that starts inside a quotation opened in an earlier sentence of the paragraph
// back to the opening mark ("“A. B. C,” he said." gives all three sentences), at most
// kQuoteSentences sentences back.
void ExtendQuoteBack(const AnnotatedDocument& doc, const std::vector<char>& quotes, size_t sentence,
                     std::vector<size_t>* content) {
  if (content->empty()) return;
  const size_t first = doc.sentences[sentence].first;
  const size_t k = content->front();
  if (!quotes[k] || first == 0) return;
  for (size_t i = first; i < k; ++i)
    if (!quotes[i]) return;  // the quotation opens in this sentence
  const size_t from_sentence = sentence > kQuoteSentences ? sentence - kQuoteSentences : 0;
  const size_t limit = doc.sentences[from_sentence].first;
  std::vector<size_t> before;
  for (size_t i = first; i-- > limit;) {
    if (!quotes[i]) break;  // the opening mark or a paragraph break
    before.push_back(i);
  }
  if (before.empty()) return;
  std::reverse(before.begin(), before.end());
  for (size_t i = first; i < k; ++i) before.push_back(i);
  content->insert(content->begin(), before.begin(), before.end());
}

// Extends content that stops inside an open quotation to the closing mark (at most
// kQuoteSentences sentences on); `content` holds document token indices, sorted.
void ExtendOpenQuote(const AnnotatedDocument& doc, const std::vector<char>& quotes, size_t sentence,
                     std::vector<size_t>* content) {
  if (content->empty()) return;
  size_t k = content->back();
  if (!quotes[k]) return;
  const size_t end_sentence = std::min(doc.sentences.size(), sentence + 1 + kQuoteSentences);
  const size_t limit =
      doc.sentences[end_sentence - 1].first + doc.sentences[end_sentence - 1].count;
  // The quotation must still be open at the end of this sentence.
  const size_t sentence_end = doc.sentences[sentence].first + doc.sentences[sentence].count;
  for (size_t i = k + 1; i < sentence_end; ++i)
    if (IsQuote(doc.tokens[i].form)) return;
  for (size_t i = sentence_end; i < limit; ++i) {
    if (!quotes[i]) return;  // closed (the mark) or a paragraph break
    content->push_back(i);
  }
}

std::vector<size_t> ToDoc(const SentenceView& s, const std::vector<int>& local) {
  std::vector<size_t> out;
  out.reserve(local.size());
  for (int i : local) out.push_back(s.first() + static_cast<size_t>(i));
  return out;
}

template <typename ScoreFn>
size_t ArgMax(size_t n, ScoreFn score) {
  size_t best = 0;
  float best_score = 0;
  for (size_t i = 0; i < n; ++i) {
    const float v = score(i);
    if (i == 0 || v > best_score) {
      best = i;
      best_score = v;
    }
  }
  return best;
}

// Gold attributions mapped onto one document's tokens.
struct GoldTokens {
  size_t sentence = 0;
  int cue = -1;              // local head of the cue
  std::vector<char> source;  // local token marks
  std::vector<char> content;
  bool source_outside = false;  // a source exists but not in the cue's sentence
};

std::vector<char> Marks(const SentenceView& s, const ByteRanges& r) {
  std::vector<char> m(static_cast<size_t>(s.size()), 0);
  for (int i = 0; i < s.size(); ++i) {
    const Token& t = s.tok(i);
    for (const ByteRange& x : r)
      if (t.begin < x.end && x.begin < t.end) m[static_cast<size_t>(i)] = 1;
  }
  return m;
}

// The head of the marked tokens: the first marked token whose head is not marked.
int MarkedHead(const SentenceView& s, const std::vector<char>& m) {
  for (int i = 0; i < s.size(); ++i) {
    if (!m[static_cast<size_t>(i)] || IsPunct(s.tok(i))) continue;
    const int h = s.Head(i);
    if (h < 0 || !m[static_cast<size_t>(h)]) return i;
  }
  return -1;
}

double Jaccard(const std::vector<int>& span, const std::vector<char>& gold) {
  size_t inter = 0, g = 0;
  for (char x : gold) g += x != 0;
  for (int i : span) inter += gold[static_cast<size_t>(i)] != 0;
  const size_t uni = span.size() + g - inter;
  return uni ? static_cast<double>(inter) / uni : 0.0;
}

}  // namespace

std::vector<TokenAttribution> AttributionModel::Predict(const AnnotatedDocument& doc) const {
  std::vector<TokenAttribution> out;
  const std::vector<char> quotes = QuoteState(doc);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceView s(doc, quotes, si);
    if (s.size() == 0 || s.tok(0).head == -1) continue;  // unparsed
    for (int c = 0; c < s.size(); ++c) {
      if (IsPunct(s.tok(c))) continue;
      if (cue_.Score(CueFeatures(s, c)) <= kCueThreshold) continue;
      TokenAttribution a;
      a.sentence = si;
      a.cue = s.first() + static_cast<size_t>(c);
      const std::vector<int> cue = CueTokens(s, c);
      a.cue_tokens = ToDoc(s, cue);
      // Source.
      std::vector<int> cands = {-1};
      for (int j = 0; j < s.size(); ++j)
        if (std::find(cue.begin(), cue.end(), j) == cue.end() && IsSourceCandidate(s, j))
          cands.push_back(j);
      const int source = cands[ArgMax(
          cands.size(), [&](size_t k) { return source_.Score(SourceFeatures(s, c, cands[k])); })];
      if (source >= 0) {
        a.source_head = static_cast<long>(s.first()) + source;
        a.source_tokens = ToDoc(s, SourceSpan(s, source, cue));
      }
      // Content.
      const std::vector<int> heads = ContentCandidates(s, c, cue, source);
      if (heads.empty()) continue;
      std::vector<std::vector<int>> spans;
      for (int y : heads) spans.push_back(ContentSpan(s, c, y, source));
      const size_t best = ArgMax(heads.size(), [&](size_t k) {
        const bool open = !spans[k].empty() && IsQuote(s.tok(spans[k].front()).form);
        return content_.Score(ContentFeatures(s, c, heads[k], spans[k].size(), open));
      });
      if (spans[best].empty()) continue;
      a.content_tokens = ToDoc(s, spans[best]);
      ExtendOpenQuote(doc, quotes, si, &a.content_tokens);
      ExtendQuoteBack(doc, quotes, si, &a.content_tokens);
      a.spans.cue = ToRanges(doc, a.cue_tokens);
      a.spans.source = ToRanges(doc, a.source_tokens);
      a.spans.content = ToRanges(doc, a.content_tokens);
      out.push_back(std::move(a));
    }
  }
  return out;
}

AttributionModel TrainAttributionModel(const AttributionTrainingSet& data,
                                       const AttributionTrainOptions& options) {
  PerceptronTrainer cue, source, content;
  std::vector<size_t> order(data.documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with our own draw, so the order is the same on every standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t di : order) {
      const AnnotatedDocument& doc = *data.documents[di].doc;
      const std::vector<AttributionSpan>& gold = *data.documents[di].gold;
      const std::vector<char> quotes = QuoteState(doc);
      // Gold cue heads by sentence.
      std::vector<std::vector<GoldTokens>> by_sentence(doc.sentences.size());
      for (const AttributionSpan& g : gold) {
        if (g.cue.empty()) continue;
        // The sentence holding the cue's first byte.
        size_t si = doc.sentences.size();
        for (size_t k = 0; k < doc.sentences.size(); ++k)
          if (doc.sentences[k].begin <= g.cue[0].begin && g.cue[0].begin < doc.sentences[k].end) {
            si = k;
            break;
          }
        if (si == doc.sentences.size()) continue;
        const SentenceView s(doc, quotes, si);
        GoldTokens t;
        t.sentence = si;
        t.cue = MarkedHead(s, Marks(s, g.cue));
        if (t.cue < 0) continue;
        t.source = Marks(s, g.source);
        t.source_outside = !g.source.empty() && MarkedHead(s, t.source) < 0;
        t.content = Marks(s, g.content);
        by_sentence[si].push_back(std::move(t));
      }
      for (size_t si = 0; si < doc.sentences.size(); ++si) {
        const SentenceView s(doc, quotes, si);
        if (s.size() == 0 || s.tok(0).head == -1) continue;
        for (int c = 0; c < s.size(); ++c) {
          if (IsPunct(s.tok(c))) continue;
          const std::vector<uint64_t> f = CueFeatures(s, c);
          bool is_cue = false;
          for (const GoldTokens& g : by_sentence[si]) is_cue = is_cue || g.cue == c;
          const bool guess = cue.Score(f) > 0;
          if (guess != is_cue) cue.Update(f, is_cue ? 1.0f : -1.0f);
          cue.Tick();
        }
        for (const GoldTokens& g : by_sentence[si]) {
          const int c = g.cue;
          const std::vector<int> cue_toks = CueTokens(s, c);
          // Source: the gold head among the candidates, or "none".
          int gold_source = -1;
          if (!g.source_outside) {
            const int h = MarkedHead(s, g.source);
            if (h >= 0 && std::find(cue_toks.begin(), cue_toks.end(), h) == cue_toks.end())
              gold_source = h;
          }
          std::vector<int> cands = {-1};
          for (int j = 0; j < s.size(); ++j)
            if (std::find(cue_toks.begin(), cue_toks.end(), j) == cue_toks.end() &&
                IsSourceCandidate(s, j))
              cands.push_back(j);
          const bool reachable = std::find(cands.begin(), cands.end(), gold_source) != cands.end();
          if (!g.source_outside && reachable) {
            std::vector<std::vector<uint64_t>> feats;
            for (int j : cands) feats.push_back(SourceFeatures(s, c, j));
            const size_t guess =
                ArgMax(cands.size(), [&](size_t k) { return source.Score(feats[k]); });
            const size_t truth = static_cast<size_t>(
                std::find(cands.begin(), cands.end(), gold_source) - cands.begin());
            if (guess != truth) {
              source.Update(feats[truth], 1.0f);
              source.Update(feats[guess], -1.0f);
            }
            source.Tick();
          }
          // Content: the candidate whose span best matches the gold content.
          const std::vector<int> heads = ContentCandidates(s, c, cue_toks, gold_source);
          if (heads.empty()) continue;
          std::vector<std::vector<uint64_t>> feats;
          size_t truth = 0;
          double best = -1;
          for (size_t k = 0; k < heads.size(); ++k) {
            const std::vector<int> span = ContentSpan(s, c, heads[k], gold_source);
            const bool open = !span.empty() && IsQuote(s.tok(span.front()).form);
            feats.push_back(ContentFeatures(s, c, heads[k], span.size(), open));
            const double j = Jaccard(span, g.content);
            if (j > best) {
              best = j;
              truth = k;
            }
          }
          if (best < 0.5) continue;
          const size_t guess =
              ArgMax(heads.size(), [&](size_t k) { return content.Score(feats[k]); });
          if (guess != truth) {
            content.Update(feats[truth], 1.0f);
            content.Update(feats[guess], -1.0f);
          }
          content.Tick();
        }
      }
    }
  }
  AttributionModel model;
  model.cue_ = cue.Finish(options.min_weight);
  model.source_ = source.Finish(options.min_weight);
  model.content_ = content.Finish(options.min_weight);
  return model;
}

std::string AttributionModel::Serialize() const {
  std::string out = "CGAT";
  const uint32_t version = kVersion;
  out.append(reinterpret_cast<const char*>(&version), 4);
  out += cue_.Serialize();
  out += source_.Serialize();
  out += content_.Serialize();
  return out;
}

AttributionModel AttributionModel::Parse(std::string_view bytes, const std::string& what) {
  if (bytes.size() < 8 || bytes.substr(0, 4) != "CGAT")
    throw std::runtime_error(what + ": not an attribution model (magic CGAT)");
  uint32_t version = 0;
  std::memcpy(&version, bytes.data() + 4, 4);
  if (version != kVersion)
    throw std::runtime_error(what + ": attribution model version " + std::to_string(version) +
                             ", this program reads " + std::to_string(kVersion));
  size_t offset = 8;
  AttributionModel m;
  m.cue_ = Perceptron::Parse(bytes, &offset, what);
  m.source_ = Perceptron::Parse(bytes, &offset, what);
  m.content_ = Perceptron::Parse(bytes, &offset, what);
  return m;
}

const AttributionModel& AttributionModel::Default() {
  static const AttributionModel model =
      Parse(std::string_view(reinterpret_cast<const char*>(kClaimgraphAttributionModel),
                             kClaimgraphAttributionModelSize),
            "built-in attribution model");
  return model;
}

}  // namespace claimgraph::engine::attrib
