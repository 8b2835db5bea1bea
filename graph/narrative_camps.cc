#include "graph/narrative_camps.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace claimgraph::graph {
namespace {

struct Pair {
  size_t a, b;
  double w;
};

}  // namespace

double Frustration(const std::vector<SourcePairCount>& pairs,
                   const std::map<std::string, int>& camp) {
  std::map<std::pair<std::string, std::string>, double> weight;
  for (const auto& p : pairs) weight[{p.source_a, p.source_b}] += p.agreements - p.contradictions;
  double f = 0;
  for (const auto& [key, w] : weight) {
    const bool same = camp.at(key.first) == camp.at(key.second);
    if ((same && w < 0) || (!same && w > 0)) f += std::abs(w);
  }
  return f;
}

CampResult FindNarrativeCamps(const std::vector<SourcePairCount>& pairs) {
  std::map<std::string, size_t> index;
  std::vector<std::string> names;
  auto id = [&](const std::string& s) {
    auto [it, inserted] = index.emplace(s, names.size());
    if (inserted) names.push_back(s);
    return it->second;
  };
  std::map<std::pair<size_t, size_t>, double> weight;
  for (const auto& p : pairs)
    weight[{id(p.source_a), id(p.source_b)}] += p.agreements - p.contradictions;
  std::vector<Pair> edges;
  for (const auto& [k, w] : weight)
    if (w != 0) edges.push_back({k.first, k.second, w});
  const size_t n = names.size();

  // Maximum spanning forest of |w| (Kruskal), then 2-colour along it.
  std::sort(edges.begin(), edges.end(),
            [](const Pair& x, const Pair& y) { return std::abs(x.w) > std::abs(y.w); });
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<std::vector<std::pair<size_t, double>>> tree(n);
  for (const auto& e : edges) {
    const size_t ra = find(e.a), rb = find(e.b);
    if (ra == rb) continue;
    parent[ra] = rb;
    tree[e.a].push_back({e.b, e.w});
    tree[e.b].push_back({e.a, e.w});
  }
  std::vector<int> camp(n, -1);
  int next_group = 0;
  for (size_t s = 0; s < n; ++s) {
    if (camp[s] >= 0) continue;
    const int base = 2 * next_group++;
    camp[s] = base;
    std::vector<size_t> stack = {s};
    while (!stack.empty()) {
      const size_t u = stack.back();
      stack.pop_back();
      for (const auto& [v, w] : tree[u]) {
        if (camp[v] >= 0) continue;
        camp[v] = w > 0 ? camp[u] : (camp[u] == base ? base + 1 : base);
        stack.push_back(v);
      }
    }
  }

  // Local search: move a source to the other camp of its group while that lowers frustration.
  std::vector<std::vector<std::pair<size_t, double>>> adj(n);
  for (const auto& e : edges) {
    adj[e.a].push_back({e.b, e.w});
    adj[e.b].push_back({e.a, e.w});
  }
  CampResult result;
  bool improved = true;
  while (improved && result.moves < static_cast<int>(10 * n + 10)) {
    improved = false;
    for (size_t u = 0; u < n; ++u) {
      const int other = camp[u] % 2 == 0 ? camp[u] + 1 : camp[u] - 1;
      double gain = 0;  // frustration removed by moving u
      for (const auto& [v, w] : adj[u]) {
        const bool same_now = camp[v] == camp[u], same_after = camp[v] == other;
        const double before = (same_now && w < 0) || (!same_now && w > 0) ? std::abs(w) : 0;
        const double after = (same_after && w < 0) || (!same_after && w > 0) ? std::abs(w) : 0;
        gain += before - after;
      }
      if (gain > 1e-12) {
        camp[u] = other;
        ++result.moves;
        improved = true;
      }
    }
  }
  // Renumber camps densely in order of first appearance.
  std::map<int, int> dense;
  for (size_t u = 0; u < n; ++u) {
    auto [it, inserted] = dense.emplace(camp[u], static_cast<int>(dense.size()));
    result.camp[names[u]] = it->second;
  }
  result.frustration = Frustration(pairs, result.camp);
  return result;
}

}  // namespace claimgraph::graph
