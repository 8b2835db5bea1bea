#include "graph/source_network.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>
#include <map>
#include <utility>

#include "graph/narrative_camps.h"

namespace claimgraph::graph {

SourceNetwork AnalyzeSourceNetwork(const std::vector<SourcePairCount>& pairs) {
  // Pairs summed over windows; sources numbered in name order.
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> links;
  std::map<std::string, size_t> index;
  for (const SourcePairCount& p : pairs) {
    if (p.source_a == p.source_b || p.agreements + p.contradictions == 0) continue;
    auto& l = links[{p.source_a, p.source_b}];
    l.first += p.agreements;
    l.second += p.contradictions;
    index.emplace(p.source_a, 0);
    index.emplace(p.source_b, 0);
  }
  SourceNetwork net;
  std::vector<SourceNode> nodes;
  for (auto& [name, i] : index) {
    i = nodes.size();
    nodes.push_back({name});
  }
  const size_t n = nodes.size();
  if (n == 0) return net;

  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                            boost::property<boost::edge_weight_t, double>>;
  Graph g(n);
  for (const auto& [key, l] : links) {
    const size_t a = index.at(key.first), b = index.at(key.second);
    boost::add_edge(a, b, 1.0 / (l.first + l.second), g);
    for (size_t v : {a, b}) {
      ++nodes[v].partners;
      nodes[v].agreements += l.first;
      nodes[v].contradictions += l.second;
    }
    net.total_weight += std::abs(l.first - l.second);
  }
  std::vector<double> centrality(n, 0);
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(
                                   centrality.begin(), boost::get(boost::vertex_index, g)))
             .weight_map(boost::get(boost::edge_weight, g)));
  // On an undirected graph Boost counts each unordered pair of endpoints once.
  const double other_pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2;
  for (size_t v = 0; v < n; ++v) nodes[v].betweenness = n > 2 ? centrality[v] / other_pairs : 0;

  const CampResult camps = FindNarrativeCamps(pairs);
  for (SourceNode& node : nodes) {
    const auto it = camps.camp.find(node.source);
    node.camp = it == camps.camp.end() ? 0 : it->second;
    net.camps = std::max(net.camps, node.camp + 1);
  }
  net.frustration = camps.frustration;
  std::sort(nodes.begin(), nodes.end(), [](const SourceNode& x, const SourceNode& y) {
    const int lx = x.agreements + x.contradictions, ly = y.agreements + y.contradictions;
    if (x.camp != y.camp) return x.camp < y.camp;
    if (lx != ly) return lx > ly;
    return x.source < y.source;
  });
  net.sources = std::move(nodes);
  return net;
}

}  // namespace claimgraph::graph
