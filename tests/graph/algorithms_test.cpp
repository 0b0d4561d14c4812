#include <catch2/catch.hpp>
#include <numeric>
#include <random>
#include <set>

#include "graph/algorithms.h"
#include "graph/statistics.h"

using namespace newsgraph;
using namespace newsgraph::graph;

namespace {

GraphView make(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& arcs,
               Predicate p = Predicate::kSupport) {
  std::vector<NodeInfo> nodes(n);
  for (size_t i = 0; i < n; ++i) nodes[i] = {"n" + std::to_string(i), "Node " + std::to_string(i), EntityType::kPerson};
  std::vector<EdgeInfo> edges;
  for (auto [a, b] : arcs) edges.push_back({a, b, p, 1});
  return GraphView::from_edges(nodes, edges);
}

GraphView two_cliques_with_bridge() {
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  for (uint32_t base : {0u, 5u})
    for (uint32_t i = 0; i < 5; ++i)
      for (uint32_t j = i + 1; j < 5; ++j) arcs.emplace_back(base + i, base + j);
  arcs.emplace_back(4, 5);
  return make(10, arcs, Predicate::kCooperate);
}

// PageRank by the textbook power iteration, to check the fast solver against.
std::vector<double> power_iteration_pagerank(const Csr& g, double d) {
  size_t n = g.node_count();
  std::vector<double> out(n, 0), rank(n, 1.0 / n);
  for (size_t v = 0; v < n; ++v)
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) out[v] += g.weights[i];
  for (int it = 0; it < 1000; ++it) {
    double dangling = 0;
    for (size_t v = 0; v < n; ++v) dangling += out[v] == 0 ? rank[v] : 0;
    std::vector<double> next(n, (1 - d) / n + d * dangling / n);
    for (size_t v = 0; v < n; ++v)
      for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) next[g.targets[i]] += d * rank[v] * g.weights[i] / out[v];
    rank = next;
  }
  return rank;
}

// 300 nodes, weighted arcs; nodes 250..299 point nowhere (dangling).
GraphView random_weighted_graph_with_dangling_nodes() {
  std::mt19937 random(7);
  std::vector<NodeInfo> nodes(300);
  std::vector<EdgeInfo> edges;
  for (uint32_t i = 0; i < 1500; ++i) {
    auto a = static_cast<uint32_t>(random() % 300), b = static_cast<uint32_t>(random() % 300);
    if (a >= 250) continue;
    edges.push_back({a, b, Predicate::kSupport, static_cast<uint32_t>(1 + random() % 5)});
  }
  return GraphView::from_edges(nodes, edges);
}

TEST_CASE("pagerank agrees with plain power iteration on a weighted graph with dangling nodes", "[algorithms]") {
  GraphView g = random_weighted_graph_with_dangling_nodes();
  std::vector<double> fast = pagerank(g.directed()), slow = power_iteration_pagerank(g.directed(), 0.85);
  REQUIRE(fast.size() == slow.size());
  for (size_t v = 0; v < fast.size(); ++v) CHECK(fast[v] == Approx(slow[v]).epsilon(1e-6));
}

TEST_CASE("pagerank split over two threads agrees with power iteration and repeats exactly", "[algorithms]") {
  GraphView g = random_weighted_graph_with_dangling_nodes();
  const size_t always_split = 0;
  std::vector<double> split = pagerank(g.directed(), 0.85, 1e-10, 100, always_split);
  std::vector<double> slow = power_iteration_pagerank(g.directed(), 0.85);
  REQUIRE(split.size() == slow.size());
  for (size_t v = 0; v < split.size(); ++v) CHECK(split[v] == Approx(slow[v]).epsilon(1e-6));
  for (int run = 0; run < 5; ++run) CHECK(pagerank(g.directed(), 0.85, 1e-10, 100, always_split) == split);
}

}  // namespace

TEST_CASE("pagerank sums to one and favours the node everyone points at", "[algorithms]") {
  GraphView star = make(5, {{1, 0}, {2, 0}, {3, 0}, {4, 0}});
  auto pr = pagerank(star.directed());
  CHECK(std::accumulate(pr.begin(), pr.end(), 0.0) == Approx(1.0));
  for (int v = 1; v < 5; ++v) CHECK(pr[0] > pr[v]);
  GraphView cycle = make(3, {{0, 1}, {1, 2}, {2, 0}});
  for (double r : pagerank(cycle.directed())) CHECK(r == Approx(1.0 / 3));
}

TEST_CASE("symmetric predicates count in both directions", "[algorithms]") {
  GraphView g = make(2, {{0, 1}}, Predicate::kMeet);
  CHECK(g.directed().edge_count() == 2);
  GraphView h = make(2, {{0, 1}}, Predicate::kAttack);
  CHECK(h.directed().edge_count() == 1);
  CHECK(h.undirected().edge_count() == 2);
}

TEST_CASE("betweenness counts the shortest paths through a node", "[algorithms]") {
  BetweennessOptions o;
  auto path = betweenness(make(3, {{0, 1}, {1, 2}}).undirected(), o);
  CHECK(path.exact);
  CHECK(path.values[1] == Approx(1.0));
  CHECK(path.values[0] == Approx(0.0));
  auto star = betweenness(make(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}).undirected(), o);
  CHECK(star.values[0] == Approx(6.0));
}

TEST_CASE("sampled betweenness stays near the exact values and says it is sampled", "[algorithms]") {
  std::mt19937 rng(7);
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  for (uint32_t v = 1; v < 2000; ++v) arcs.emplace_back(v, rng() % v);  // a random tree
  for (int i = 0; i < 2000; ++i) arcs.emplace_back(rng() % 2000, rng() % 2000);
  GraphView g = make(2000, arcs);
  BetweennessOptions exact;
  BetweennessOptions sampled;
  sampled.max_exact_work = 0;
  sampled.samples = 400;
  auto e = betweenness(g.undirected(), exact);
  auto s = betweenness(g.undirected(), sampled);
  CHECK_FALSE(s.exact);
  CHECK(s.sources == 400);
  CHECK(s.relative_error > 0);
  size_t top = std::max_element(e.values.begin(), e.values.end()) - e.values.begin();
  CHECK(s.values[top] == Approx(e.values[top]).epsilon(0.25));
}

TEST_CASE("components: weak ignores direction, strong needs a cycle", "[algorithms]") {
  GraphView g = make(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}});
  std::vector<uint32_t> c;
  CHECK(weak_components(g.undirected(), &c) == 2);
  CHECK(c[0] == c[3]);
  CHECK(c[0] != c[4]);
  CHECK(strong_components(g.directed(), &c) == 4);  // {0,1,2}, {3}, {4}, {5}
  CHECK(c[0] == c[1]);
  CHECK(c[1] == c[2]);
}

TEST_CASE("clustering is one on a triangle and zero on a path", "[algorithms]") {
  Clustering t = clustering(make(3, {{0, 1}, {1, 2}, {2, 0}}).undirected());
  CHECK(t.triangles == 1);
  CHECK(t.global == Approx(1.0));
  CHECK(t.average_local == Approx(1.0));
  Clustering p = clustering(make(4, {{0, 1}, {1, 2}, {2, 3}}).undirected());
  CHECK(p.triangles == 0);
  CHECK(p.global == 0);
}

TEST_CASE("path summary gives the diameter and mean distance of a path graph", "[algorithms]") {
  PathSummary p = path_summary(make(4, {{0, 1}, {1, 2}, {2, 3}}).undirected(), 100, 10, 1);
  CHECK(p.exact);
  CHECK(p.diameter == 3);
  CHECK(p.average_length == Approx(20.0 / 12.0));
}

TEST_CASE("louvain separates two cliques joined by one edge", "[algorithms]") {
  GraphView g = two_cliques_with_bridge();
  Communities c = louvain(g.undirected());
  CHECK(c.count == 2);
  for (uint32_t v = 1; v < 5; ++v) CHECK(c.membership[v] == c.membership[0]);
  for (uint32_t v = 6; v < 10; ++v) CHECK(c.membership[v] == c.membership[5]);
  CHECK(c.membership[0] != c.membership[5]);
  CHECK(c.modularity == Approx(2 * (20.0 / 42 - 0.25)));
  std::vector<uint32_t> one(10, 0);
  CHECK(modularity(g.undirected(), one) == Approx(0.0));
}

TEST_CASE("louvain recovers planted groups and scores at least as well as they do", "[algorithms]") {
  // 8 groups of 30 nodes: each pair inside a group linked with probability 0.3,
  // across groups with probability 0.005.
  std::mt19937 random(11);
  std::uniform_real_distribution<double> coin(0, 1);
  const uint32_t groups = 8, size = 30;
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  for (uint32_t a = 0; a < groups * size; ++a)
    for (uint32_t b = a + 1; b < groups * size; ++b)
      if (coin(random) < (a / size == b / size ? 0.3 : 0.005)) arcs.emplace_back(a, b);
  GraphView g = make(groups * size, arcs, Predicate::kCooperate);
  std::vector<uint32_t> planted(groups * size);
  for (uint32_t v = 0; v < planted.size(); ++v) planted[v] = v / size;
  Communities c = louvain(g.undirected());
  CHECK(c.count == groups);
  CHECK(c.modularity >= modularity(g.undirected(), planted) - 1e-9);
  for (uint32_t v = 0; v < planted.size(); ++v) CHECK(c.membership[v] == c.membership[v - v % size]);
}

TEST_CASE("modularity takes community numbers that are not dense", "[algorithms]") {
  GraphView g = two_cliques_with_bridge();
  std::vector<uint32_t> sparse_numbers(10, 7), dense(10, 0);
  for (uint32_t v = 5; v < 10; ++v) sparse_numbers[v] = 1000, dense[v] = 1;
  CHECK(modularity(g.undirected(), sparse_numbers) == Approx(modularity(g.undirected(), dense)));
  CHECK(modularity(g.undirected(), dense) == Approx(2 * (20.0 / 42 - 0.25)));
}

TEST_CASE("statistics rank the bridge nodes highest by betweenness", "[algorithms]") {
  GraphView g = two_cliques_with_bridge();
  StatisticsOptions o;
  o.top = 2;
  GraphStatistics s = compute_statistics(g, o);
  CHECK(s.nodes == 10);
  CHECK(s.edges == 21);
  CHECK(s.weak_components == 1);
  REQUIRE(s.top_betweenness.size() == 2);
  std::set<std::string> bridge{s.top_betweenness[0].id, s.top_betweenness[1].id};
  CHECK(bridge == std::set<std::string>{"n4", "n5"});
  CHECK(s.communities == 2);
}

TEST_CASE("an empty graph gives empty statistics, not a crash", "[algorithms]") {
  GraphStatistics s = compute_statistics(make(0, {}), StatisticsOptions{});
  CHECK(s.nodes == 0);
  CHECK(s.top_pagerank.empty());
}
