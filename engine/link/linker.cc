#include "engine/link/linker.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "engine/proposition/proposition.h"
#include "engine/stance/stance_features.h"
#include "engine/text/stemmer.h"
#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

// Normalised token string of a claim, for matching copied claims exactly.
std::string Normalised(const std::string& text) {
  std::string out;
  for (const auto& t : TokenStrings(text)) {
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return out;
}

struct UnionFind {
  std::vector<size_t> parent, size;
  explicit UnionFind(size_t n) : parent(n), size(n, 1) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  bool Union(size_t a, size_t b, size_t max_size) {
    a = Find(a);
    b = Find(b);
    if (a == b || size[a] + size[b] > max_size) return false;
    if (size[a] < size[b]) std::swap(a, b);
    parent[b] = a;
    size[a] += size[b];
    return true;
  }
};

std::vector<CopyPair> FindCopies(const std::vector<DocumentFingerprint>& docs,
                                 const LinkOptions& options) {
  std::vector<MinHashSignature> sigs;
  sigs.reserve(docs.size());
  for (const auto& d : docs) sigs.push_back(d.signature);
  std::vector<CopyPair> out;
  for (const auto& p : FindSimilar(sigs, options.document_minhash, options.copy_threshold)) {
    const auto& a = docs[p.a];
    const auto& b = docs[p.b];
    // The earlier document is the original; the pair is stored original first.
    const bool a_first = a.date < b.date || (a.date == b.date && a.document < b.document);
    const auto& first = a_first ? a : b;
    const auto& second = a_first ? b : a;
    out.push_back({first.document, second.document, first.source, second.source, p.resemblance});
  }
  return out;
}

// Readable label of a proposition: its most frequent content words, in their commonest form.
std::string LabelOf(const std::vector<const Claim*>& members, std::string* key) {
  std::map<std::string, int> stem_count;
  std::map<std::string, std::map<std::string, int>> surface;
  for (const Claim* c : members) {
    std::unordered_set<std::string> seen;
    for (const auto& tok : Tokenize(c->text)) {
      if (tok.numeric || tok.text.size() < 3 || IsStopword(tok.text)) continue;
      const std::string s = Stem(tok.text);
      if (!seen.insert(s).second) continue;
      ++stem_count[s];
      ++surface[s][tok.text];
    }
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [s, n] : stem_count) ranked.emplace_back(-n, s);
  std::sort(ranked.begin(), ranked.end());
  std::string label;
  std::vector<std::string> top;
  for (size_t i = 0; i < ranked.size() && i < 4; ++i) {
    const auto& forms = surface[ranked[i].second];
    const auto best =
        std::max_element(forms.begin(), forms.end(),
                         [](const auto& x, const auto& y) { return x.second < y.second; });
    if (!label.empty()) label += " ";
    label += best->first;
    top.push_back(ranked[i].second);
  }
  std::sort(top.begin(), top.end());
  key->clear();
  for (const auto& s : top) *key += (key->empty() ? "" : "|") + s;
  return label;
}

// What a group of claims is about: the commonest subject, predicate class and measure among its
// members' propositions (ties to the alphabetically first); the label leads with them.
void DescribeGroup(const std::vector<const Claim*>& members, Proposition* p) {
  std::map<std::string, int> subjects, predicates, measures;
  for (const Claim* c : members) {
    if (!c->subject.empty()) ++subjects[c->subject];
    const std::string& pred = c->predicate_class.empty() ? c->predicate : c->predicate_class;
    if (!pred.empty()) ++predicates[pred];
    for (const auto& q : c->quantities)
      if (!q.measure.empty()) ++measures[q.measure];
  }
  auto commonest = [&](const std::map<std::string, int>& counts) {
    std::string best;
    int most = 0;
    for (const auto& [k, n] : counts)
      if (n > most) best = k, most = n;
    // Named only when at least half the members share it.
    return 2 * most >= static_cast<int>(members.size()) ? best : std::string();
  };
  p->subject = commonest(subjects);
  p->predicate = commonest(predicates);
  p->measure = commonest(measures);
  std::string about = p->subject;
  if (!p->predicate.empty()) about += (about.empty() ? "" : " \xC2\xB7 ") + p->predicate;
  if (!p->measure.empty()) about += (about.empty() ? "" : " \xC2\xB7 ") + p->measure;
  if (!about.empty()) p->label = about + " (" + p->label + ")";
}

StanceJudgement ToJudgement(const StancePrediction& p) {
  StanceJudgement j;
  j.agree = p.probabilities[static_cast<int>(StanceLabel::kAgree)];
  j.disagree = p.probabilities[static_cast<int>(StanceLabel::kDisagree)];
  j.discuss = p.probabilities[static_cast<int>(StanceLabel::kDiscuss)];
  j.unrelated = p.probabilities[static_cast<int>(StanceLabel::kUnrelated)];
  j.reasons = p.reasons;
  return j;
}

// Per-claim data computed on first use and freed after the claim's last candidate pair, so each
// claim's data is computed once (not once per pair) and held only while a pair still needs it.
// With the pairs visited in locality order (LocalityOrder) few claims are held at a time.
// Thread-safe.
template <class T>
class PairCache {
 public:
  PairCache(std::function<T(size_t)> compute, size_t n, const std::vector<CandidatePair>& pairs)
      : compute_(std::move(compute)), slots_(n), uses_(n) {
    for (const auto& p : pairs) {
      uses_[p.a].fetch_add(1, std::memory_order_relaxed);
      uses_[p.b].fetch_add(1, std::memory_order_relaxed);
    }
  }
  ~PairCache() {
    for (auto& s : slots_) delete s.load();
  }

  const T& Get(size_t i) {
    T* a = slots_[i].load(std::memory_order_acquire);
    if (a) return *a;
    auto fresh = std::make_unique<T>(compute_(i));
    if (slots_[i].compare_exchange_strong(a, fresh.get(), std::memory_order_acq_rel))
      return *fresh.release();
    return *a;  // another thread computed it first
  }

  // One of claim i's pairs is done; frees its data after the last.
  void Done(size_t i) {
    if (uses_[i].fetch_sub(1, std::memory_order_acq_rel) == 1)
      delete slots_[i].exchange(nullptr, std::memory_order_acq_rel);
  }

 private:
  std::function<T(size_t)> compute_;
  std::vector<std::atomic<T*>> slots_;
  std::vector<std::atomic<uint32_t>> uses_;
};

// Reorders `pairs` so that pairs sharing claims come close together: claims are numbered in
// breadth-first order over the candidate graph (claims of one story end up next to each other,
// wherever their documents sit in the corpus), and pairs sorted by their claims' numbers. The
// per-claim caches then hold about one story's claims at a time rather than the whole corpus's.
void LocalityOrder(size_t n, std::vector<CandidatePair>* pairs) {
  std::vector<uint32_t> offset(n + 1, 0);
  for (const auto& p : *pairs) {
    ++offset[p.a + 1];
    ++offset[p.b + 1];
  }
  for (size_t i = 0; i < n; ++i) offset[i + 1] += offset[i];
  std::vector<uint32_t> next(offset.begin(), offset.end() - 1);
  std::vector<uint32_t> adjacent(offset[n]);
  for (const auto& p : *pairs) {
    adjacent[next[p.a]++] = static_cast<uint32_t>(p.b);
    adjacent[next[p.b]++] = static_cast<uint32_t>(p.a);
  }
  std::vector<uint32_t>().swap(next);
  constexpr uint32_t kUnseen = static_cast<uint32_t>(-1);
  std::vector<uint32_t> rank(n, kUnseen);
  uint32_t numbered = 0;
  std::vector<uint32_t> queue;
  for (size_t s = 0; s < n; ++s) {
    if (rank[s] != kUnseen) continue;
    rank[s] = numbered++;
    queue.assign(1, static_cast<uint32_t>(s));
    for (size_t head = 0; head < queue.size(); ++head) {
      const uint32_t u = queue[head];
      for (uint32_t k = offset[u]; k < offset[u + 1]; ++k) {
        const uint32_t v = adjacent[k];
        if (rank[v] != kUnseen) continue;
        rank[v] = numbered++;
        queue.push_back(v);
      }
    }
  }
  auto key = [&](const CandidatePair& p) {
    const uint32_t x = rank[p.a], y = rank[p.b];
    return std::make_pair(std::max(x, y), std::min(x, y));
  };
  std::sort(pairs->begin(), pairs->end(),
            [&](const CandidatePair& p, const CandidatePair& q) { return key(p) < key(q); });
}

}  // namespace

DocumentFingerprint Fingerprint(const Document& doc, const MinHashOptions& options) {
  return {doc.id, doc.source, doc.date, ComputeMinHash(TokenStrings(doc.text), options)};
}

LinkResult LinkClaims(const std::vector<DocumentFingerprint>& documents, std::vector<Claim>* claims,
                      const LinkOptions& options, const StanceModel* stance) {
  LinkResult result;
  auto& cs = *claims;
  const size_t n = cs.size();
  auto step_start = std::chrono::steady_clock::now();
  auto step_done = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    result.step_seconds.emplace_back(name, std::chrono::duration<double>(now - step_start).count());
    step_start = now;
  };

  // 0. Each claim's proposition (issue 10): the fields the parse left empty are filled from the
  // proposition model, so candidates, relations, the store and the reports all read one frame.
  {
    // The proposition model reads English; other documents' claims keep no English structure.
    std::unordered_set<int64_t> foreign;
    for (const auto& d : documents)
      if (!d.language.empty() && !d.language.starts_with("en")) foreign.insert(d.document);
    const size_t frame_workers =
        std::max<size_t>(1, std::min<size_t>(options.threads, n / 256 + 1));
    auto fill = [&](size_t w) {
      for (size_t i = w; i < n; i += frame_workers)
        if (!foreign.count(cs[i].document)) FillPropositionFields(&cs[i], options.relation.wordnet);
    };
    std::vector<std::thread> pool;
    for (size_t w = 1; w < frame_workers; ++w) pool.emplace_back(fill, w);
    fill(0);
    for (auto& t : pool) t.join();
  }
  step_done("frames");

  // 1. Copies between documents, and the claims they share.
  result.copies = FindCopies(documents, options);
  std::unordered_map<int64_t, std::vector<size_t>> claims_of_doc;
  for (size_t i = 0; i < n; ++i) claims_of_doc[cs[i].document].push_back(i);
  std::set<std::pair<size_t, size_t>> linked;
  for (const auto& copy : result.copies) {
    std::unordered_map<std::string, size_t> original;
    for (size_t i : claims_of_doc[copy.document_a]) original.emplace(Normalised(cs[i].text), i);
    for (size_t j : claims_of_doc[copy.document_b]) {
      auto it = original.find(Normalised(cs[j].text));
      if (it == original.end()) continue;
      const size_t i = it->second;
      ClaimLink link{std::min(cs[i].id, cs[j].id),
                     std::max(cs[i].id, cs[j].id),
                     Relation::kCopy,
                     copy.score,
                     {"copy: " + copy.source_b + " republished " + copy.source_a}};
      result.links.push_back(std::move(link));
      linked.emplace(std::min(i, j), std::max(i, j));
    }
  }

  step_done("copies");

  // 2. Candidate pairs from the inverted index, over interned term ids (claim terms as strings
  // for a million claims would not fit beside the claims themselves).
  std::vector<CandidatePair> candidates;
  {
    std::vector<std::vector<uint32_t>> term_ids(n);
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<uint8_t> key_term;  // by term id: a proposition key
    // A claim's terms as strings: content stems, entities, units of amounts ("£38 million" and
    // "a £12 million job" are what numeric contradictions are made of) and stated times ("by
    // September 2026" in two claims is a shared deadline).
    auto terms_of = [&](size_t i) {
      std::vector<std::string> terms = ComputeClaimTerms(cs[i]).stems;
      for (const auto& e : cs[i].entities) terms.push_back("entity:" + FoldCase(e));
      for (const auto& q : cs[i].quantities)
        if (!q.unit.empty()) terms.push_back("unit:" + q.unit);
      for (const auto& t : cs[i].about)
        if (!t.begin.empty()) terms.push_back("about:" + t.begin + ".." + t.end);
      if (options.proposition_candidates)
        for (auto& k : PropositionKeys(cs[i], options.relation.wordnet))
          terms.push_back("key:" + std::move(k));
      return terms;
    };
    // Terms are computed a block of claims at a time on the worker threads, then numbered in
    // claim order on this one (the numbering, and with it the result, is that of one thread).
    constexpr size_t kBlock = 4096;
    const size_t term_workers = std::max(1, options.threads);
    std::vector<std::vector<std::string>> block(kBlock);
    for (size_t first = 0; first < n; first += kBlock) {
      const size_t count = std::min(kBlock, n - first);
      auto compute = [&](size_t w) {
        for (size_t k = w; k < count; k += term_workers) block[k] = terms_of(first + k);
      };
      std::vector<std::thread> pool;
      for (size_t w = 1; w < term_workers; ++w) pool.emplace_back(compute, w);
      compute(0);
      for (auto& t : pool) t.join();
      for (size_t k = 0; k < count; ++k) {
        auto& list = term_ids[first + k];
        for (auto& term : block[k]) {
          const uint8_t key = term.starts_with("key:fig:") ? 2 : term.starts_with("key:") ? 1 : 0;
          const auto [it, fresh] = ids.emplace(std::move(term), static_cast<uint32_t>(ids.size()));
          if (fresh) key_term.push_back(key);
          list.push_back(it->second);
        }
        block[k].clear();
      }
    }
    const size_t num_terms = ids.size();
    decltype(ids)().swap(ids);
    CandidateOptions candidate_options = options.candidates;
    candidate_options.threads = options.threads;
    if (!options.proposition_candidates) key_term.clear();
    candidates = FindCandidatePairs(std::move(term_ids), num_terms, candidate_options, key_term);
  }
  std::erase_if(candidates, [&](const CandidatePair& p) { return linked.count({p.a, p.b}) > 0; });
  linked.clear();
  result.candidate_pairs = candidates.size();
  LocalityOrder(n, &candidates);
  step_done("candidates");

  // 3. Classify candidates, in parallel (interleaved, so both workers need the same claims'
  // data). Links are sorted by claim afterwards, so the order of work does not show.
  const size_t workers =
      std::max<size_t>(1, std::min<size_t>(options.threads, candidates.size() / 64 + 1));
  std::vector<std::vector<ClaimLink>> found(workers);
  PairCache<ClaimTerms> terms(
      [&](size_t i) {
        ClaimTerms t = ComputeClaimTerms(cs[i]);
        t.frame = BuildProposition(cs[i], options.relation.wordnet);
        return t;
      },
      n, candidates);
  std::optional<PairCache<AnalyzedText>> analyses;
  if (stance) {
    analyses.emplace([&](size_t i) { return stance->featurizer().Analyze(cs[i].text); }, n,
                     candidates);
  }
  auto work = [&](size_t w) {
    for (size_t k = w; k < candidates.size(); k += workers) {
      const auto& p = candidates[k];
      const PairStance judge = [&](bool with_reasons) {
        return ToJudgement(
            stance->PredictAnalyzed(analyses->Get(p.a), analyses->Get(p.b), with_reasons));
      };
      if (auto link = ClassifyPair(cs[p.a], terms.Get(p.a), cs[p.b], terms.Get(p.b), p.similarity,
                                   options.relation, stance ? &judge : nullptr)) {
        if (link->a > link->b) std::swap(link->a, link->b);
        found[w].push_back(std::move(*link));
      }
      terms.Done(p.a);
      terms.Done(p.b);
      if (analyses) {
        analyses->Done(p.a);
        analyses->Done(p.b);
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
  std::vector<CandidatePair>().swap(candidates);
  size_t total = result.links.size();
  for (const auto& f : found) total += f.size();
  result.links.reserve(total);
  for (auto& f : found) {
    result.links.insert(result.links.end(), std::make_move_iterator(f.begin()),
                        std::make_move_iterator(f.end()));
    std::vector<ClaimLink>().swap(f);
  }
  std::sort(result.links.begin(), result.links.end(),
            [](const auto& x, const auto& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });

  step_done("classify");

  // 4. Propositions: components of strong links, bounded in size.
  std::unordered_map<int64_t, size_t> index_of;
  for (size_t i = 0; i < n; ++i) index_of[cs[i].id] = i;
  UnionFind uf(n);
  for (const auto& l : result.links)
    if (l.score >= options.proposition_min_score)
      uf.Union(index_of[l.a], index_of[l.b], options.max_proposition_size);
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[uf.Find(i)].push_back(i);
  std::unordered_set<std::string> used_keys;
  for (auto& [root, members] : groups) {
    if (members.size() < 2) continue;
    std::vector<const Claim*> ptrs;
    for (size_t i : members) ptrs.push_back(&cs[i]);
    Proposition p;
    p.label = LabelOf(ptrs, &p.key);
    DescribeGroup(ptrs, &p);
    // Keys must be unique: suffix the smallest claim id when two groups share their top words.
    if (!used_keys.insert(p.key).second) {
      p.key += "#" + std::to_string(cs[members.front()].id);
      used_keys.insert(p.key);
    }
    for (size_t i : members) {
      cs[i].proposition = p.key;
      p.claims.push_back(cs[i].id);
    }
    result.propositions.push_back(std::move(p));
  }
  step_done("propositions");
  return result;
}

}  // namespace claimgraph::engine
