#include "engine/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "engine/attrib/speaker_names.h"
#include "engine/nlp/annotator.h"
#include "engine/nlp/nlp_models.h"
#include "engine/stance/stance_model.h"
#include "engine/truth/text_reliability.h"
#include "engine/version.h"

namespace claimgraph::engine {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU time of the calling thread, in seconds: the layer's cost per stage, which wall time on a
// shared machine would overstate.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// The claim's side within its proposition: claims joined by agree links share a side, claims
// joined by contradict links take opposite sides. Truth discovery then sees "which side is right"
// rather than raw polarity, so "no withdrawal" and "US forces remain" count as one value. Claims
// no link reaches keep their polarity. Returns each claim's polarity so read (no copy of the
// claims: a run of a million claims holds them once).
std::vector<Polarity> SidesOf(const std::vector<Claim>& out, const std::vector<ClaimLink>& links) {
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
  std::vector<std::vector<std::pair<size_t, bool>>> adj(out.size());  // (neighbour, same side)
  for (const auto& l : links) {
    if (l.relation != Relation::kAgree && l.relation != Relation::kContradict &&
        l.relation != Relation::kCopy)
      continue;
    auto ia = index.find(l.a), ib = index.find(l.b);
    if (ia == index.end() || ib == index.end()) continue;
    const bool same = l.relation != Relation::kContradict;
    adj[ia->second].push_back({ib->second, same});
    adj[ib->second].push_back({ia->second, same});
  }
  std::vector<int> side(out.size(), -1);
  for (size_t s = 0; s < out.size(); ++s) {
    if (side[s] >= 0 || adj[s].empty()) continue;
    side[s] = out[s].polarity == Polarity::kAffirmed ? 0 : 1;
    std::deque<size_t> queue = {s};
    while (!queue.empty()) {
      const size_t u = queue.front();
      queue.pop_front();
      for (const auto& [v, same] : adj[u]) {
        if (side[v] >= 0) continue;  // first assignment wins; conflicts are the frustrated links
        side[v] = same ? side[u] : 1 - side[u];
        queue.push_back(v);
      }
    }
  }
  std::vector<Polarity> sides(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    sides[i] = side[i] < 0    ? out[i].polarity
               : side[i] == 0 ? Polarity::kAffirmed
                              : Polarity::kNegated;
  }
  return sides;
}

}  // namespace

size_t PeakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10) * 1024;
  }
  return 0;
}

std::string PipelineOptions::ToJson() const {
  nlohmann::json j;
  j["boilerplate"] = {{"min_documents", boilerplate.min_documents},
                      {"min_paragraph_bytes", boilerplate.min_paragraph_bytes}};
  j["extract"] = {{"min_words", extract.min_words},
                  {"keep_questions", extract.keep_questions},
                  {"drop_off_topic", extract.drop_off_topic},
                  {"content_clause_only", extract.content_clause_only}};
  j["link"] = {{"max_candidates_per_claim", link.candidates.max_per_claim},
               {"max_df", link.candidates.max_df},
               {"min_similarity", link.candidates.min_similarity},
               {"update_gap_days", link.relation.update_gap_days},
               {"agree_min_similarity", link.relation.agree_min_similarity},
               {"copy_threshold", link.copy_threshold},
               {"proposition_min_score", link.proposition_min_score}};
  j["score"] = {{"method", reliability.method},
                {"tolerance", reliability.truth.tolerance},
                {"reported_weight", reliability.reported_weight},
                {"bootstrap_samples", reliability.bootstrap_samples}};
  j["window"] = window == graph::WindowSize::kYear ? "year" : "month";
  j["use_stance_model"] = use_stance_model;
  j["threads"] = threads;
  j["linguistic_layer"] = annotate ? "annotations" : "built-in";
  return j.dump();
}

AnalysisResult Analyze(DocumentSource& documents, const PipelineOptions& options,
                       PipelineStats* stats) {
  PipelineStats local;
  PipelineStats& st = stats ? *stats : local;
  auto progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  AnalysisResult result;
  result.program_version = kVersion;
  result.config_json = options.ToJson();

  // Pass 1: paragraphs repeated across a source's pages.
  auto t0 = Clock::now();
  BoilerplateIndex boilerplate(options.boilerplate);
  documents.ForEach([&](const Document& d) {
    boilerplate.Add(d);
    if (boilerplate.documents() % 256 == 0)
      progress("boilerplate", boilerplate.documents(), options.expected_documents);
  });
  boilerplate.Finalize();
  st.stages.push_back(
      {"boilerplate", Seconds(t0), boilerplate.documents(), 0, PeakResidentBytes()});

  // Pass 2: extract claims and fingerprint documents, in batches spread over worker threads.
  t0 = Clock::now();
  const ClaimExtractor extractor(options.extract, &boilerplate);
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  std::vector<DocumentFingerprint> fingerprints;
  std::vector<Document> batch;
  auto flush = [&] {
    std::vector<std::vector<Claim>> claims(batch.size());
    std::vector<DocumentFingerprint> prints(batch.size());
    // Per document: 0 = built-in layer, 1 = given annotations, 2 = not English.
    std::vector<char> how(batch.size(), 0);
    std::vector<size_t> tokens(batch.size(), 0);
    std::vector<double> annotate_seconds(threads, 0), claims_seconds(threads, 0);
    auto work = [&](size_t w) {
      for (size_t i = w; i < batch.size(); i += threads) {
        double t = ThreadCpuSeconds();
        nlp::AnnotatedDocument annotated;
        if (options.annotate && options.annotate(batch[i], &annotated)) {
          how[i] = 1;
        } else {
          annotated = nlp::Annotate(batch[i].text, nlp::DefaultNlpModels());
          annotated.name = batch[i].path;
        }
        if (annotated.language == "und") how[i] = 2;
        tokens[i] = annotated.tokens.size();
        annotate_seconds[w] += ThreadCpuSeconds() - t;
        t = ThreadCpuSeconds();
        claims[i] = extractor.Extract(batch[i], &annotated);
        prints[i] = Fingerprint(batch[i], options.link.document_minhash);
        if (how[i] == 2) prints[i].language = "und";  // the link stage builds no English frame
        claims_seconds[w] += ThreadCpuSeconds() - t;
      }
    };
    std::vector<std::thread> pool;
    for (size_t w = 1; w < threads; ++w) pool.emplace_back(work, w);
    work(0);
    for (auto& t : pool) t.join();
    for (size_t w = 0; w < threads; ++w) {
      st.annotate_seconds += annotate_seconds[w];
      st.claims_seconds += claims_seconds[w];
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      st.tokens += tokens[i];
      if (how[i] == 1) ++st.annotated_elsewhere;
      if (how[i] == 2)
        st.not_english.push_back(batch[i].path.empty() ? std::to_string(batch[i].id)
                                                       : batch[i].path);
      for (auto& c : claims[i]) result.claims.push_back(std::move(c));
      fingerprints.push_back(std::move(prints[i]));
      batch[i].text.clear();
      batch[i].text.shrink_to_fit();
      result.documents.push_back(std::move(batch[i]));
    }
    batch.clear();
    progress("extract", result.documents.size(), options.expected_documents);
  };
  documents.ForEach([&](const Document& d) {
    st.bytes += d.text.size();
    batch.push_back(d);
    if (batch.size() >= 256) flush();
  });
  flush();
  // One person, one speaker across the run ("Obama" and "Barack Obama").
  attrib::UnifySpeakerNames(&result.claims);
  for (size_t i = 0; i < result.claims.size(); ++i)
    result.claims[i].id = static_cast<int64_t>(i + 1);
  st.documents = result.documents.size();
  st.claims = result.claims.size();
  st.stages.push_back({"extract", Seconds(t0), st.documents, st.bytes, PeakResidentBytes()});

  // Link: copies, candidates, relations, propositions.
  t0 = Clock::now();
  progress("link", result.claims.size(), 0);
  LinkOptions link_options = options.link;
  link_options.threads = options.threads;
  LinkResult linked = LinkClaims(fingerprints, &result.claims, link_options,
                                 options.use_stance_model ? &DefaultStanceModel() : nullptr);
  fingerprints.clear();
  st.candidate_pairs = linked.candidate_pairs;
  st.link_steps = linked.step_seconds;
  st.stages.push_back({"link", Seconds(t0), linked.candidate_pairs, 0, PeakResidentBytes()});
  result.links = std::move(linked.links);
  result.propositions = std::move(linked.propositions);
  result.copies = std::move(linked.copies);

  // Graph: source-to-source agreement and contradiction per window, counted straight off the
  // links (as graph::CountSourcePairs reads them off the claim graph, without building one: the
  // graph would copy every claim's text and every link's reasons).
  t0 = Clock::now();
  progress("graph", result.links.size(), 0);
  {
    std::unordered_map<int64_t, const Claim*> by_id;
    by_id.reserve(result.claims.size());
    for (const Claim& c : result.claims) by_id.emplace(c.id, &c);
    graph::SourcePairCounter counter(options.window);
    size_t counted = 0;
    for (const ClaimLink& l : result.links) {
      if (l.relation != Relation::kAgree && l.relation != Relation::kContradict) continue;
      auto a = by_id.find(l.a), b = by_id.find(l.b);
      if (a == by_id.end() || b == by_id.end()) continue;
      const Claim& ca = *a->second;
      const Claim& cb = *b->second;
      counter.Add(ca.source, cb.source, ca.date < cb.date ? cb.date : ca.date,
                  l.relation == Relation::kAgree);
      ++counted;
    }
    for (auto& w : counter.Finish())
      result.source_windows.push_back(
          {w.window, w.source_a, w.source_b, w.agreements, w.contradictions});
    st.stages.push_back({"graph", Seconds(t0), counted, 0, PeakResidentBytes()});
  }

  // Score: reliability of sources and speakers by truth discovery over propositions.
  t0 = Clock::now();
  progress("score", result.claims.size(), 0);
  const truth::TextReliabilityOptions& reliability = options.reliability;
  // The scorer reads each claim's side as its polarity: swapped in for the call, then back.
  std::vector<Polarity> sides = SidesOf(result.claims, result.links);
  auto swap_sides = [&] {
    for (size_t i = 0; i < sides.size(); ++i) std::swap(sides[i], result.claims[i].polarity);
  };
  swap_sides();
  truth::TextReliabilityResult scored;
  try {
    scored = truth::ScoreTextReliability(result.claims, result.links, reliability);
  } catch (...) {
    swap_sides();
    throw;
  }
  swap_sides();
  result.sources = scored.sources;
  result.speakers = scored.speakers;
  result.reliability_method = scored.method;
  result.iterations = scored.iterations;
  result.converged = scored.converged;
  st.stages.push_back({"score", Seconds(t0), result.claims.size(), 0, PeakResidentBytes()});
  return result;
}

}  // namespace claimgraph::engine
