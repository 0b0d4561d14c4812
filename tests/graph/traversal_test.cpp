#include <catch2/catch.hpp>

#include "graph/traversal.h"

using namespace newsgraph;
using namespace newsgraph::graph;

namespace {

struct Arc {
  uint32_t a, b;
  Predicate p;
  uint32_t weight;
};

GraphView make(size_t n, const std::vector<Arc>& arcs) {
  std::vector<NodeInfo> nodes(n);
  for (size_t i = 0; i < n; ++i) nodes[i] = {"n" + std::to_string(i), "Node " + std::to_string(i), EntityType::kPerson};
  std::vector<EdgeInfo> edges;
  for (const Arc& x : arcs) edges.push_back({x.a, x.b, x.p, x.weight, static_cast<int64_t>(edges.size() + 1)});
  return GraphView::from_edges(nodes, edges);
}

// 0 - 1 - 2 - 5 and 0 - 3 - 4 - 5 (two 3-hop routes), plus 0 -> 5 by co-occurrence only.
GraphView two_routes() {
  return make(6, {{0, 1, Predicate::kMeet, 3},
                  {1, 2, Predicate::kSupport, 1},
                  {5, 2, Predicate::kThreaten, 1},  // reversed direction still connects
                  {0, 3, Predicate::kMeet, 1},
                  {3, 4, Predicate::kMeet, 1},
                  {4, 5, Predicate::kMeet, 1},
                  {0, 5, Predicate::kCoOccurs, 1}});
}

}  // namespace

TEST_CASE("the shortest path ignores direction and honours the co-occurrence filter", "[traversal]") {
  GraphView g = two_routes();
  Traversal t(g);
  EdgeFilter all;
  auto paths = t.shortest_paths(0, 5, 1, 4, all);
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].nodes == std::vector<uint32_t>{0, 5});
  EdgeFilter typed;
  typed.include_cooccurs = false;
  paths = t.shortest_paths(0, 5, 1, 4, typed);
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].nodes.size() == 4);
}

TEST_CASE("k shortest paths are distinct, loopless, fewest hops first, stronger first among equals", "[traversal]") {
  GraphView g = two_routes();
  Traversal t(g);
  EdgeFilter typed;
  typed.include_cooccurs = false;
  auto paths = t.shortest_paths(0, 5, 5, 4, typed);
  REQUIRE(paths.size() == 2);
  CHECK(paths[0].nodes == std::vector<uint32_t>{0, 1, 2, 5});  // weight 3+1+1 beats 1+1+1
  CHECK(paths[1].nodes == std::vector<uint32_t>{0, 3, 4, 5});
  CHECK(paths[0].strength == 5);
  CHECK(paths[1].strength == 3);
  EdgeFilter all;
  paths = t.shortest_paths(0, 5, 5, 4, all);
  REQUIRE(paths.size() == 3);
  CHECK(paths[0].nodes.size() == 2);
  CHECK(paths[1].nodes.size() == 4);
}

TEST_CASE("paths longer than max_hops and unreachable targets give no path", "[traversal]") {
  GraphView g = two_routes();
  Traversal t(g);
  EdgeFilter typed;
  typed.include_cooccurs = false;
  CHECK(t.shortest_paths(0, 5, 3, 2, typed).empty());
  EdgeFilter supports_only;
  supports_only.predicates = {Predicate::kSupport};
  CHECK(t.shortest_paths(0, 5, 3, 6, supports_only).empty());
  CHECK(t.shortest_paths(0, 0, 3, 6, EdgeFilter{}).empty());
}

TEST_CASE("an ego network keeps the nodes most tied to the center when capped", "[traversal]") {
  GraphView g = two_routes();
  Traversal t(g);
  EgoNetwork full = t.ego(0, 1, 100, EdgeFilter{});
  CHECK(full.nodes == std::vector<uint32_t>{0, 1, 3, 5});  // heaviest tie (weight 3) first
  CHECK_FALSE(full.truncated);
  CHECK(full.edges.size() == 3);  // only edges with both ends inside
  EgoNetwork capped = t.ego(0, 2, 2, EdgeFilter{});
  CHECK(capped.nodes == std::vector<uint32_t>{0, 1});
  CHECK(capped.truncated);
  CHECK(capped.edges.size() == 1);
  EgoNetwork two_hops = t.ego(0, 2, 100, EdgeFilter{});
  CHECK(two_hops.nodes.size() == 6);
  CHECK(two_hops.hops.back() == 2);
  CHECK(two_hops.edges.size() == 7);
}

TEST_CASE("edges between two nodes come in both directions, filtered", "[traversal]") {
  GraphView g = make(2, {{0, 1, Predicate::kMeet, 2}, {1, 0, Predicate::kThreaten, 1}, {0, 1, Predicate::kCoOccurs, 4}});
  Traversal t(g);
  CHECK(t.edges_between(0, 1, EdgeFilter{}).size() == 3);
  EdgeFilter heavy;
  heavy.min_weight = 2;
  CHECK(t.edges_between(1, 0, heavy).size() == 2);
}
