#include "io/store/diff_keys.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "engine/text/mix_hash.h"

namespace claimgraph::io::diff_keys {
namespace {

using engine::SplitMix64;

uint64_t Combine(uint64_t h, uint64_t v) { return SplitMix64(h ^ SplitMix64(v)); }

using Key = std::tuple<int64_t, int64_t, int64_t>;  // document, byte_begin, byte_end

}  // namespace

uint64_t SpanHash(int64_t byte_begin, int64_t byte_end) {
  return Combine(SplitMix64(static_cast<uint64_t>(byte_begin)), static_cast<uint64_t>(byte_end));
}

DiffKeys ComputeDiffKeys(const std::vector<int64_t>& documents,
                         const std::vector<ClaimSpan>& claims, const std::vector<LinkEnds>& links) {
  std::map<int64_t, DocumentDigest> docs;
  for (int64_t d : documents) {
    docs[d].document = d;
    docs[d].listed = true;
  }
  std::unordered_map<int64_t, Key> by_id;
  by_id.reserve(claims.size());
  std::set<Key> spans;
  for (const ClaimSpan& c : claims) {
    const Key k{c.document, c.byte_begin, c.byte_end};
    by_id.emplace(c.id, k);
    if (!spans.insert(k).second) continue;  // a span twice counts once, as in DiffRuns
    DocumentDigest& d = docs[c.document];
    d.document = c.document;
    ++d.claims;
    d.claims_digest = static_cast<int64_t>(static_cast<uint64_t>(d.claims_digest) +
                                           SpanHash(c.byte_begin, c.byte_end));
  }
  DiffKeys out;
  out.links.reserve(links.size());
  std::set<std::pair<int64_t, int64_t>> seen;  // (home, ident)
  for (const LinkEnds& l : links) {
    const auto a = by_id.find(l.a), b = by_id.find(l.b);
    if (a == by_id.end() || b == by_id.end()) continue;
    Key ka = a->second, kb = b->second;
    if (kb < ka) std::swap(ka, kb);
    uint64_t h = 0;
    for (int64_t v : {std::get<0>(ka), std::get<1>(ka), std::get<2>(ka), std::get<0>(kb),
                      std::get<1>(kb), std::get<2>(kb)})
      h = Combine(h, static_cast<uint64_t>(v));
    for (char c : l.relation) h = Combine(h, static_cast<unsigned char>(c));
    const int64_t home = std::get<0>(kb), ident = static_cast<int64_t>(h);
    out.links.push_back({l.seq, home, ident});
    if (!seen.emplace(home, ident).second) continue;
    DocumentDigest& d = docs[home];
    d.document = home;
    ++d.links;
    d.links_digest = static_cast<int64_t>(static_cast<uint64_t>(d.links_digest) + SplitMix64(h));
  }
  out.documents.reserve(docs.size());
  for (auto& [id, d] : docs) out.documents.push_back(d);
  return out;
}

}  // namespace claimgraph::io::diff_keys
