// The export layout (ForceAtlas2 per component, components packed, isolated nodes in a
// block, overlaps removed): linked nodes end near each other, planted groups apart,
// no two nodes drawn on top of each other, the largest component taking most of the
// picture, every position finite; the same for the same seed.
#include "export/layout.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
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

LayoutGraph shape_of(const Planted& p) {
  LayoutGraph g;
  g.nodes = p.nodes;
  g.edges = p.edges;
  g.community = p.group;
  return g;
}

// How many pairs of nodes (discs of diameter `size`) overlap, by sorting on x.
size_t overlapping_pairs(const std::vector<std::pair<double, double>>& pos, const std::vector<double>& size) {
  std::vector<size_t> order(pos.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pos[a].first < pos[b].first; });
  const double largest = size.empty() ? 1 : *std::max_element(size.begin(), size.end());
  size_t count = 0;
  for (size_t i = 0; i < order.size(); ++i)
    for (size_t j = i + 1; j < order.size() && pos[order[j]].first - pos[order[i]].first < largest; ++j) {
      const double need = size.empty() ? 1 : (size[order[i]] + size[order[j]]) / 2;
      count += distance(pos[order[i]], pos[order[j]]) < need * 0.999;
    }
  return count;
}

struct Bounds {
  double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
  void add(const std::pair<double, double>& p) {
    x0 = std::min(x0, p.first), x1 = std::max(x1, p.first), y0 = std::min(y0, p.second), y1 = std::max(y1, p.second);
  }
  double area() const { return (x1 - x0) * (y1 - y0); }
  bool meets(const Bounds& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};

}  // namespace

TEST_CASE("the layout puts linked nodes near, planted groups apart, and no node on another", "[export][layout]") {
  // 150 nodes; 4,000; 12,000, whose repulsion runs on two threads.
  for (auto [groups, size] : {std::pair<size_t, size_t>{5, 30}, {10, 400}, {12, 1000}}) {
    Planted p = planted(groups, size);
    INFO("nodes: " << p.nodes);
    auto pos = force_directed_layout(shape_of(p), LayoutOptions{});
    REQUIRE(pos.size() == p.nodes);
    for (const auto& [x, y] : pos) {
      REQUIRE(std::isfinite(x));
      REQUIRE(std::isfinite(y));
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
    std::printf("layout of %zu planted nodes: linked/other %.3f, same group/other %.3f, overlaps %zu\n", p.nodes,
                linked / other, same / other, overlapping_pairs(pos, {}));
    // Random positions give 1.0 for both ratios.
    CHECK(linked < 0.3 * other);
    CHECK(same < 0.4 * other);
    CHECK(overlapping_pairs(pos, {}) == 0);
  }
}

TEST_CASE("the largest component fills most of the picture; small ones and isolated nodes go beside it, apart",
          "[export][layout]") {
  Planted p = planted(4, 500);  // one component of 2,000 nodes (the one-in-ten links join the groups)
  LayoutGraph g = shape_of(p);
  const uint32_t first_small = static_cast<uint32_t>(g.nodes);
  for (uint32_t k = 0; k < 60; ++k) {  // 20 triangles
    const uint32_t base = first_small + k / 3 * 3;
    g.edges.emplace_back(first_small + k, k % 3 == 2 ? base : first_small + k + 1);
  }
  const uint32_t first_isolated = first_small + 60;
  g.nodes = first_isolated + 300;
  g.sizes.assign(g.nodes, 1.0);
  for (uint32_t v = 0; v < 40; ++v) g.sizes[v] = 6;  // a few large nodes, as PageRank makes them
  auto pos = force_directed_layout(g, LayoutOptions{});
  Bounds giant, small, isolated, all;
  for (uint32_t v = 0; v < g.nodes; ++v) {
    (v < first_small ? giant : v < first_isolated ? small : isolated).add(pos[v]);
    all.add(pos[v]);
  }
  std::printf("giant component's share of the picture: %.2f\n", giant.area() / all.area());
  CHECK(giant.area() / all.area() > 0.5);
  CHECK_FALSE(giant.meets(isolated));
  CHECK_FALSE(small.meets(isolated));
  CHECK(overlapping_pairs(pos, g.sizes) == 0);
  // The isolated nodes make a compact block: about as many per row as rows.
  CHECK((isolated.x1 - isolated.x0) < 2 * (isolated.y1 - isolated.y0) + 1e-9);
  CHECK((isolated.y1 - isolated.y0) < 2 * (isolated.x1 - isolated.x0) + 1e-9);
}

TEST_CASE("the layout is the same for the same seed, and a new seed moves it", "[export][layout]") {
  Planted p = planted(12, 1000);  // the repulsion split over two threads
  LayoutOptions options;
  auto first = force_directed_layout(shape_of(p), options);
  CHECK(force_directed_layout(shape_of(p), options) == first);
  options.seed = 2;
  CHECK(force_directed_layout(shape_of(p), options) != first);
}

TEST_CASE("the layout handles no nodes, one node and a graph without edges", "[export][layout]") {
  CHECK(force_directed_layout(LayoutGraph{}, LayoutOptions{}).empty());
  LayoutGraph one;
  one.nodes = 1;
  one.edges = {{0, 0}};
  auto placed = force_directed_layout(one, LayoutOptions{});
  REQUIRE(placed.size() == 1);
  CHECK(std::isfinite(placed[0].first));
  LayoutGraph scattered;
  scattered.nodes = 500;
  auto grid = force_directed_layout(scattered, LayoutOptions{});
  REQUIRE(grid.size() == 500);
  for (const auto& [x, y] : grid) CHECK((std::isfinite(x) && std::isfinite(y)));
  CHECK(overlapping_pairs(grid, {}) == 0);
  // Pairs and paths, whose nodes fall on a line (once, a grid over a line without area
  // took forever): each pair side by side, apart, none on another.
  LayoutGraph lines;
  lines.nodes = 300;
  for (uint32_t v = 0; v + 1 < 200; v += 2) lines.edges.emplace_back(v, v + 1);  // 100 pairs
  for (uint32_t v = 200; v + 1 < 300; ++v)
    if ((v - 200) % 4 != 3) lines.edges.emplace_back(v, v + 1);  // 25 paths of 4 nodes
  auto drawn = force_directed_layout(lines, LayoutOptions{});
  REQUIRE(drawn.size() == 300);
  for (const auto& [x, y] : drawn) CHECK((std::isfinite(x) && std::isfinite(y)));
  CHECK(overlapping_pairs(drawn, {}) == 0);
  for (uint32_t v = 0; v + 1 < 200; v += 2) CHECK(distance(drawn[v], drawn[v + 1]) < 4);
}
