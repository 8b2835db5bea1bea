#include "graph/source_network.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <map>
#include <random>

using namespace claimgraph::graph;

namespace {

SourcePairCount Pair(const std::string& a, const std::string& b, int agree, int contra,
                     const std::string& window = "2025") {
  return {window, std::min(a, b), std::max(a, b), agree, contra};
}

const SourceNode& Find(const SourceNetwork& net, const std::string& name) {
  const auto it = std::find_if(net.sources.begin(), net.sources.end(),
                               [&](const SourceNode& s) { return s.source == name; });
  REQUIRE(it != net.sources.end());
  return *it;
}

// Betweenness the slow way: Floyd-Warshall distances, shortest-path counts in order of distance,
// then sigma_st(v) / sigma_st summed over unordered pairs {s, t} of other vertices.
std::map<std::string, double> PlainBetweenness(const std::vector<SourcePairCount>& pairs) {
  std::map<std::string, int> id;
  for (const auto& p : pairs) id.emplace(p.source_a, 0), id.emplace(p.source_b, 0);
  std::vector<std::string> names;
  for (auto& [name, i] : id) i = static_cast<int>(names.size()), names.push_back(name);
  const int n = static_cast<int>(names.size());
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> w(n, std::vector<double>(n, inf));
  std::map<std::pair<int, int>, int> links;
  for (const auto& p : pairs)
    links[{id[p.source_a], id[p.source_b]}] += p.agreements + p.contradictions;
  for (const auto& [k, l] : links) w[k.first][k.second] = w[k.second][k.first] = 1.0 / l;
  auto d = w;
  for (int i = 0; i < n; ++i) d[i][i] = 0;
  for (int k = 0; k < n; ++k)
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0));
  for (int s = 0; s < n; ++s) {
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](int x, int y) { return d[s][x] < d[s][y]; });
    sigma[s][s] = 1;
    for (int t : order)
      for (int u = 0; u < n; ++u)
        if (t != s && w[u][t] < inf && d[s][u] + w[u][t] == d[s][t]) sigma[s][t] += sigma[s][u];
  }
  std::map<std::string, double> out;
  for (int v = 0; v < n; ++v) {
    double b = 0;
    for (int s = 0; s < n; ++s)
      for (int t = s + 1; t < n; ++t)
        if (s != v && t != v && sigma[s][t] > 0 && d[s][v] + d[v][t] == d[s][t])
          b += sigma[s][v] * sigma[v][t] / sigma[s][t];
    out[names[v]] = n > 2 ? b / ((n - 1) * (n - 2) / 2.0) : 0;
  }
  return out;
}

}  // namespace

TEST_CASE("Source network: degree, betweenness and camps on small graphs", "[graph]") {
  // A path A - B - C: every shortest path between the others runs through B.
  SourceNetwork net = AnalyzeSourceNetwork({Pair("A", "B", 1, 0), Pair("B", "C", 0, 1)});
  REQUIRE(net.sources.size() == 3);
  CHECK(Find(net, "B").betweenness == Approx(1.0));
  CHECK(Find(net, "A").betweenness == 0);
  CHECK(Find(net, "B").partners == 2);
  CHECK(Find(net, "B").agreements == 1);
  CHECK(Find(net, "B").contradictions == 1);
  CHECK(Find(net, "A").camp == Find(net, "B").camp);
  CHECK(Find(net, "C").camp != Find(net, "B").camp);
  CHECK(net.camps == 2);
  CHECK(net.frustration == 0);

  // Windows are summed; links make sources close: A-B-C with many links beats a direct A-C
  // pair with one.
  net = AnalyzeSourceNetwork({Pair("A", "B", 2, 0, "2024"), Pair("A", "B", 2, 0, "2025"),
                              Pair("B", "C", 4, 0), Pair("A", "C", 1, 0), Pair("C", "D", 0, 1)});
  CHECK(Find(net, "A").agreements == 5);
  // A-C runs through B (1/4 + 1/4 < 1); A-D through B and C; B-D through C.
  CHECK(Find(net, "B").betweenness == Approx(2.0 / 3));
  CHECK(Find(net, "C").betweenness == Approx(2.0 / 3));
  CHECK(Find(net, "A").partners == 2);
  CHECK(Find(net, "D").camp != Find(net, "C").camp);
  CHECK(net.sources.front().camp == 0);
  CHECK(AnalyzeSourceNetwork({}).sources.empty());
}

TEST_CASE("Source network: betweenness equals a plain all-pairs count", "[graph]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    std::vector<SourcePairCount> pairs;
    const int n = 3 + round % 6;
    for (int a = 0; a < n; ++a)
      for (int b = a + 1; b < n; ++b)
        if (rng() % 3 == 0) {
          // link counts 1, 2, 4: edge lengths 1, 1/2, 1/4 add up exactly, so ties are ties
          const int links = 1 << (rng() % 3);
          const int agree = static_cast<int>(rng() % (links + 1));
          pairs.push_back(
              Pair("s" + std::to_string(a), "s" + std::to_string(b), agree, links - agree));
        }
    const SourceNetwork net = AnalyzeSourceNetwork(pairs);
    const auto plain = PlainBetweenness(pairs);
    REQUIRE(net.sources.size() == plain.size());
    for (const SourceNode& node : net.sources) {
      INFO("round " << round << " " << node.source);
      CHECK(node.betweenness == Approx(plain.at(node.source)).margin(1e-12));
    }
  }
}
