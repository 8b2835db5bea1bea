// StoreBrowser::Changes: the diff of two stored runs (what io/report/run_diff.h's DiffRuns finds
// from the two loaded runs) by indexed queries over what schema 7 keeps per run
// (io/store/diff_keys.h). Both runs' document digests are read in document order along their
// primary key and merged; a document whose claim digest (or home-link digest) is the same in both
// runs contributes its count to the kept claims (links) and nothing else; a document whose digest
// differs, or that one run lacks, is compared by one index range per run: its claims by span
// (claims_by_span) and its home links by identity (link_keys). The changed links are then read by
// position and put in DiffRuns' order (score, highest first, then the two claim ids, then the
// relation).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <tuple>

#include "engine/claim.h"
#include "io/store/store_browser.h"
#include "io/store/store_rows.h"

namespace claimgraph::io {
namespace {

struct Digest {
  int64_t document = 0;
  bool listed = false;
  int64_t claims = 0, claims_digest = 0, links = 0, links_digest = 0;
};

std::vector<Digest> ReadDigests(SQLite::Statement& q, int64_t run) {
  std::vector<Digest> out;
  q.reset();
  q.bind(1, run);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0,
                   q.getColumn(2).getInt64(), q.getColumn(3).getInt64(), q.getColumn(4).getInt64(),
                   q.getColumn(5).getInt64()});
  return out;
}

// A document's distinct claim spans in one run, by span: ((begin, end), id of the first claim).
using SpanRow = std::pair<std::pair<int64_t, int64_t>, int64_t>;
std::vector<SpanRow> ReadSpans(SQLite::Statement& q, int64_t run, int64_t document) {
  std::vector<SpanRow> out;
  q.reset();
  q.bind(1, run);
  q.bind(2, document);
  while (q.executeStep()) {
    std::pair<int64_t, int64_t> span{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
    if (!out.empty() && out.back().first == span) continue;  // the first claim of a span counts
    out.emplace_back(span, q.getColumn(2).getInt64());
  }
  return out;
}

// A home document's distinct link identities in one run: (ident, position of the first link).
std::vector<std::pair<int64_t, int64_t>> ReadIdents(SQLite::Statement& q, int64_t run,
                                                    int64_t document) {
  std::vector<std::pair<int64_t, int64_t>> out;
  q.reset();
  q.bind(1, run);
  q.bind(2, document);
  while (q.executeStep()) {
    const int64_t ident = q.getColumn(0).getInt64();
    if (!out.empty() && out.back().first == ident) continue;
    out.emplace_back(ident, q.getColumn(1).getInt64());
  }
  return out;
}

// Merges two sorted lists by key: calls only_a / only_b with each value whose key the other
// lacks and returns how many keys both hold.
template <class T, class A, class B>
int64_t Merge(const std::vector<T>& a, const std::vector<T>& b, A&& only_a, B&& only_b) {
  int64_t both = 0;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      only_a(a[i++].second);
    } else if (i == a.size() || b[j].first < a[i].first) {
      only_b(b[j++].second);
    } else {
      ++both;
      ++i;
      ++j;
    }
  }
  return both;
}

// The order of DiffRuns' link lists.
struct LinkSortKey {
  double score;
  int64_t a, b;
  int relation;
  int64_t seq;
};

// Reads the changed links' sort keys and sorts their positions. A few are read by position (`one`:
// a, b, relation, score at run ?1, seq ?2); many (a new program version can change most links) in
// one pass along the run's links in position order (`all`: seq, a, b, relation, score at run ?1),
// which is several times cheaper than as many lookups.
void SortLinks(SQLite::Statement& one, SQLite::Statement& all, int64_t run, size_t scan_above,
               std::vector<int64_t>* seqs) {
  std::vector<LinkSortKey> keys;
  keys.reserve(seqs->size());
  auto add = [&](SQLite::Statement& q, int first, int64_t seq) {
    engine::Relation rel = engine::Relation::kAgree;
    engine::ParseRelation(q.getColumn(first + 2).getString(), &rel);
    keys.push_back({q.getColumn(first + 3).getDouble(), q.getColumn(first).getInt64(),
                    q.getColumn(first + 1).getInt64(), static_cast<int>(rel), seq});
  };
  if (seqs->size() > scan_above) {
    std::sort(seqs->begin(), seqs->end());
    all.reset();
    all.bind(1, run);
    while (all.executeStep()) {
      const int64_t seq = all.getColumn(0).getInt64();
      if (std::binary_search(seqs->begin(), seqs->end(), seq)) add(all, 1, seq);
    }
  } else {
    for (int64_t seq : *seqs) {
      one.reset();
      one.bind(1, run);
      one.bind(2, seq);
      if (one.executeStep()) add(one, 0, seq);
    }
  }
  std::sort(keys.begin(), keys.end(), [](const LinkSortKey& x, const LinkSortKey& y) {
    return std::tie(y.score, x.a, x.b, x.relation, x.seq) <
           std::tie(x.score, y.a, y.b, y.relation, y.seq);
  });
  seqs->clear();
  for (const LinkSortKey& k : keys) seqs->push_back(k.seq);
}

}  // namespace

RunChanges StoreBrowser::Changes(int64_t run_a, int64_t run_b, size_t scan_above) {
  RunChanges ch;
  const char* at = "SELECT FROM runs";
  try {
    const std::optional<RunInfo> a = Run(run_a), b = Run(run_b);
    if (!a || !b)
      throw StoreError(name_, "", "no run " + std::to_string(a ? run_b : run_a) + " in the store");
    ch.a = *a;
    ch.b = *b;
    at = "SELECT FROM document_digests";
    SQLite::Statement digests(*db_,
                              "SELECT document_id, listed, claims, claims_digest, links, "
                              "links_digest FROM document_digests WHERE run_id = ? ORDER BY "
                              "document_id");
    const std::vector<Digest> da = ReadDigests(digests, run_a), db = ReadDigests(digests, run_b);
    at = "SELECT FROM claims INDEXED BY claims_by_span";
    SQLite::Statement spans(*db_,
                            "SELECT byte_begin, byte_end, id FROM claims INDEXED BY claims_by_span "
                            "WHERE run_id = ? AND document_id = ? ORDER BY byte_begin, byte_end, "
                            "seq");
    at = "SELECT FROM link_keys";
    SQLite::Statement idents(*db_,
                             "SELECT ident, seq FROM link_keys WHERE run_id = ? AND home = ? ORDER "
                             "BY ident, seq");
    const Digest none;
    auto compare = [&](const Digest& x, const Digest& y) {  // x in run a, y in run b
      const int64_t doc = x.document ? x.document : y.document;
      ch.documents_added += y.listed && !x.listed;
      ch.documents_gone += x.listed && !y.listed;
      bool compared = false;
      if (x.claims == y.claims && x.claims_digest == y.claims_digest) {
        ch.claims_kept += x.claims;
      } else {
        compared = true;
        const std::vector<SpanRow> sa =
            x.claims ? ReadSpans(spans, run_a, doc) : std::vector<SpanRow>{};
        const std::vector<SpanRow> sb =
            y.claims ? ReadSpans(spans, run_b, doc) : std::vector<SpanRow>{};
        ch.claims_kept += Merge(
            sa, sb, [&](int64_t id) { ch.claims_gone.push_back(id); },
            [&](int64_t id) { ch.claims_added.push_back(id); });
      }
      if (x.links == y.links && x.links_digest == y.links_digest) {
        ch.links_kept += x.links;
      } else {
        compared = true;
        const auto la =
            x.links ? ReadIdents(idents, run_a, doc) : std::vector<std::pair<int64_t, int64_t>>{};
        const auto lb =
            y.links ? ReadIdents(idents, run_b, doc) : std::vector<std::pair<int64_t, int64_t>>{};
        ch.links_kept += Merge(
            la, lb, [&](int64_t seq) { ch.links_gone.push_back(seq); },
            [&](int64_t seq) { ch.links_added.push_back(seq); });
      }
      ch.documents_compared += compared && x.document && y.document;
    };
    size_t i = 0, j = 0;
    while (i < da.size() || j < db.size()) {
      if (j == db.size() || (i < da.size() && da[i].document < db[j].document)) {
        compare(da[i++], none);
      } else if (i == da.size() || db[j].document < da[i].document) {
        compare(none, db[j++]);
      } else {
        compare(da[i++], db[j++]);
      }
    }
    at = "SELECT FROM links";
    SQLite::Statement link(*db_,
                           "SELECT a, b, relation, score FROM links WHERE run_id = ? AND seq = ?");
    SQLite::Statement links(*db_,
                            "SELECT seq, a, b, relation, score FROM links WHERE run_id = ? ORDER "
                            "BY seq");
    SortLinks(link, links, run_b, scan_above, &ch.links_added);
    SortLinks(link, links, run_a, scan_above, &ch.links_gone);
    at = "SELECT FROM reliability";
    SQLite::Statement scores(*db_, std::string("SELECT ") + store_rows::kScoreColumns +
                                       " FROM reliability WHERE run_id = ? AND kind = 'source' "
                                       "ORDER BY seq");
    for (auto [run, out] : {std::pair{run_a, &ch.sources_a}, std::pair{run_b, &ch.sources_b}}) {
      scores.reset();
      scores.bind(1, run);
      while (scores.executeStep()) {
        engine::ReliabilityScore s;
        store_rows::ReadScoreRow(scores, 0, &s);
        out->push_back(std::move(s));
      }
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(name_, at, e.what());
  }
  return ch;
}

}  // namespace claimgraph::io
