// The force-directed layout: linked nodes end near each other, planted groups apart,
// nodes spread out rather than stacked, every position finite and inside the frame,
// for the small graphs Boost lays out and the large ones the grid forces do.
#include "export/layout.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace newsgraph::exporter;

namespace {

struct Planted {
  size_t nodes = 0;
  std::vector<uint32_t> group;
  std::vector<std::pair<uint32_t, uint32_t>> edges;
};

// `groups` groups of `size` nodes: three links a node inside its group, one in ten to
// anywhere, and a few self-loops and repeated links as real stores have.
Planted planted(size_t groups, size_t size) {
  Planted p;
  p.nodes = groups * size;
  std::mt19937 rng(11);
  for (size_t v = 0; v < p.nodes; ++v) p.group.push_back(static_cast<uint32_t>(v / size));
  for (uint32_t v = 0; v < p.nodes; ++v) {
    for (int k = 0; k < 3; ++k) p.edges.emplace_back(v, static_cast<uint32_t>(p.group[v] * size + rng() % size));
    if (rng() % 10 == 0) p.edges.emplace_back(v, static_cast<uint32_t>(rng() % p.nodes));
  }
  p.edges.emplace_back(0, 0);
  p.edges.push_back(p.edges.front());
  return p;
}

double distance(const std::pair<double, double>& a, const std::pair<double, double>& b) {
  return std::hypot(a.first - b.first, a.second - b.second);
}

}  // namespace

TEST_CASE("the layout puts linked nodes near, planted groups apart, and spreads the nodes", "[export][layout]") {
  // 150 nodes: Boost's Fruchterman-Reingold; 4,000: grid forces; 12,000: grid forces
  // with the repulsion on two threads.
  for (auto [groups, size] : {std::pair<size_t, size_t>{5, 30}, {10, 400}, {12, 1000}}) {
    Planted p = planted(groups, size);
    INFO("nodes: " << p.nodes);
    auto pos = force_directed_layout(p.nodes, p.edges, p.group, LayoutOptions{});
    REQUIRE(pos.size() == p.nodes);
    for (const auto& [x, y] : pos) {
      REQUIRE(std::isfinite(x));
      REQUIRE(std::isfinite(y));
      REQUIRE(std::fabs(x) <= 500);
      REQUIRE(std::fabs(y) <= 500);
    }
    double linked = 0;
    for (const auto& [a, b] : p.edges) linked += distance(pos[a], pos[b]);
    linked /= double(p.edges.size());
    std::mt19937 rng(5);
    double same = 0, other = 0;
    size_t same_count = 0, other_count = 0;
    for (int s = 0; s < 50000; ++s) {
      size_t a = rng() % p.nodes, b = rng() % p.nodes;
      if (a == b) continue;
      if (p.group[a] == p.group[b]) {
        same += distance(pos[a], pos[b]);
        ++same_count;
      } else {
        other += distance(pos[a], pos[b]);
        ++other_count;
      }
    }
    same /= double(same_count);
    other /= double(other_count);
    // The starting discs alone give about 0.45, 0.45 and 1.0 here.
    CHECK(linked < 0.3 * other);
    CHECK(same < 0.4 * other);
    CHECK(linked < 0.85 * same);
    // Spread: few nodes stacked within half a unit of their neighbour in x order.
    std::vector<std::pair<double, double>> sorted = pos;
    std::sort(sorted.begin(), sorted.end());
    size_t stacked = 0;
    for (size_t i = 1; i < sorted.size(); ++i) stacked += distance(sorted[i], sorted[i - 1]) < 0.5;
    CHECK(stacked < p.nodes / 30);
  }
}

TEST_CASE("the layout is the same for the same seed, and a new seed moves it", "[export][layout]") {
  Planted p = planted(12, 1000);  // the repulsion split over two threads
  LayoutOptions options;
  auto first = force_directed_layout(p.nodes, p.edges, p.group, options);
  CHECK(force_directed_layout(p.nodes, p.edges, p.group, options) == first);
  options.seed = 2;
  CHECK(force_directed_layout(p.nodes, p.edges, p.group, options) != first);
}

TEST_CASE("the layout handles no nodes, one node and a graph without edges", "[export][layout]") {
  CHECK(force_directed_layout(0, {}, {}, LayoutOptions{}).empty());
  auto one = force_directed_layout(1, {{0, 0}}, {0}, LayoutOptions{});
  REQUIRE(one.size() == 1);
  CHECK(std::isfinite(one[0].first));
  auto scattered = force_directed_layout(500, {}, std::vector<uint32_t>(500, 0), LayoutOptions{});
  REQUIRE(scattered.size() == 500);
  for (const auto& [x, y] : scattered) CHECK((std::isfinite(x) && std::isfinite(y)));
}
