#include "export/layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

#include "export/component_packing.h"
#include "export/forceatlas2.h"
#include "export/overlap_removal.h"
#include "export/point_grid.h"

namespace newsgraph::exporter {
namespace {

using Point = std::pair<double, double>;

// Each unordered pair once with the weights of its parallel edges added; no self-loops.
std::vector<WeightedEdge> simple_edges(const LayoutGraph& g) {
  std::vector<WeightedEdge> edges;
  edges.reserve(g.edges.size());
  for (size_t k = 0; k < g.edges.size(); ++k) {
    auto [a, b] = g.edges[k];
    if (a == b || a >= g.nodes || b >= g.nodes) continue;
    if (b < a) std::swap(a, b);
    edges.push_back({a, b, k < g.weights.size() ? std::max(g.weights[k], 0.0) : 1.0});
  }
  std::sort(edges.begin(), edges.end(), [](const WeightedEdge& x, const WeightedEdge& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  size_t out = 0;
  for (size_t k = 0; k < edges.size(); ++k) {
    if (out > 0 && edges[out - 1].a == edges[k].a && edges[out - 1].b == edges[k].b) {
      edges[out - 1].weight += edges[k].weight;
    } else {
      edges[out++] = edges[k];
    }
  }
  edges.resize(out);
  return edges;
}

// The connected components, largest first (ties: the one with the lowest node first),
// each a list of its nodes in increasing order.
std::vector<std::vector<uint32_t>> components_of(size_t n, const std::vector<WeightedEdge>& edges) {
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const WeightedEdge& e : edges) {
    const uint32_t a = root(e.a), b = root(e.b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<std::vector<uint32_t>> components;
  std::vector<uint32_t> index_of(n, UINT32_MAX);
  for (uint32_t v = 0; v < n; ++v) {
    const uint32_t r = root(v);
    if (index_of[r] == UINT32_MAX) {
      index_of[r] = static_cast<uint32_t>(components.size());
      components.emplace_back();
    }
    components[index_of[r]].push_back(v);
  }
  std::stable_sort(components.begin(), components.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return components;
}

int iterations_for(size_t nodes, int asked) {
  if (asked != 0) return asked;
  if (nodes <= 1000) return static_cast<int>(std::min<size_t>(300, 50 + nodes));  // a few nodes settle fast
  return nodes <= 10000 ? 150 : nodes <= 100000 ? 80 : 40;
}

// The start of a component: its communities spread on a circle, the members of each
// scattered on a disc whose area follows its size; about the spread ForceAtlas2 ends at.
std::vector<Point> start_positions(const std::vector<uint32_t>& members, const std::vector<uint32_t>& community,
                                   std::mt19937& rng) {
  std::unordered_map<uint32_t, uint32_t> local;  // community -> 0, 1, ... in order of first member
  std::vector<size_t> count;
  std::vector<uint32_t> of(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const uint32_t c = members[i] < community.size() ? community[members[i]] : 0;
    auto [it, added] = local.emplace(c, static_cast<uint32_t>(count.size()));
    if (added) count.push_back(0);
    ++count[it->second];
    of[i] = it->second;
  }
  const double n = static_cast<double>(members.size());
  const double spread = 3 * std::sqrt(n);  // ForceAtlas2's scale: two linked nodes settle ~3 apart
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::vector<Point> pos(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const double angle = 2 * M_PI * of[i] / static_cast<double>(count.size());
    const double ring = count.size() > 1 ? spread * 0.6 : 0;
    const double radius = spread * std::max(0.1, std::sqrt(static_cast<double>(count[of[i]]) / n));
    double dx, dy;
    do {  // a uniform point of the disc
      dx = unit(rng);
      dy = unit(rng);
    } while (dx * dx + dy * dy > 1);
    pos[i] = {ring * std::cos(angle) + radius * dx, ring * std::sin(angle) + radius * dy};
  }
  return pos;
}

// The median distance from a node to its nearest other node, over up to 20,000 nodes
// spread through the list: a grid of cells about one node each, searched ring by ring.
double median_nearest_distance(const std::vector<Point>& pos) {
  if (pos.size() < 2) return 0;
  double x0 = pos[0].first, x1 = x0, y0 = pos[0].second, y1 = y0;
  for (const auto& [x, y] : pos) {
    x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  }
  // About one node a cell; along a line (no area) the line is cut in as many cells.
  const double count = static_cast<double>(pos.size());
  const double cell =
      std::max({std::sqrt((x1 - x0) * (y1 - y0) / count), std::max(x1 - x0, y1 - y0) / std::sqrt(count), 1e-9});
  PointGrid grid;
  grid.cell = cell;
  grid.build(pos);
  const int64_t rings = std::max(grid.coordinate(x1) - grid.coordinate(x0), grid.coordinate(y1) - grid.coordinate(y0));
  const size_t step = std::max<size_t>(1, pos.size() / 20000);
  std::vector<double> nearest;
  for (size_t v = 0; v < pos.size(); v += step) {
    const int64_t cx = grid.coordinate(pos[v].first), cy = grid.coordinate(pos[v].second);
    double best = HUGE_VAL;
    auto look = [&](int64_t x, int64_t y) {
      grid.each_in(x, y, [&](uint32_t w) {
        if (w != v) best = std::min(best, std::hypot(pos[w].first - pos[v].first, pos[w].second - pos[v].second));
      });
    };
    look(cx, cy);  // ring 0: its own cell
    // Ring r lies at least (r - 1) cells away: once that is past the best, no ring is nearer.
    for (int64_t r = 1; r <= rings && best > static_cast<double>(r - 1) * cell; ++r) {
      for (int64_t k = -r; k <= r; ++k) {  // the ring's cells only: its four sides
        look(cx + k, cy - r);
        look(cx + k, cy + r);
        if (k > -r && k < r) {
          look(cx - r, cy + k);
          look(cx + r, cy + k);
        }
      }
    }
    if (best < HUGE_VAL) nearest.push_back(best);
  }
  if (nearest.empty()) return 0;
  std::nth_element(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(nearest.size() / 2), nearest.end());
  return nearest[nearest.size() / 2];
}

double median_of(std::vector<double> values) {
  if (values.empty()) return 1;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

}  // namespace

std::vector<Point> force_directed_layout(const LayoutGraph& g, const LayoutOptions& options) {
  const size_t n = g.nodes;
  std::vector<Point> out(n);
  if (n == 0) return out;
  auto size_of = [&](uint32_t v) { return v < g.sizes.size() ? std::max(g.sizes[v], 0.0) : 1.0; };
  const std::vector<WeightedEdge> edges = simple_edges(g);
  const std::vector<std::vector<uint32_t>> components = components_of(n, edges);

  // Each component with edges laid out on its own, in ForceAtlas2's units.
  std::mt19937 rng(static_cast<uint32_t>(options.seed));
  std::vector<uint32_t> local(n, 0);
  std::vector<std::vector<WeightedEdge>> edges_of(components.size());
  std::vector<uint32_t> component_of(n);
  for (size_t c = 0; c < components.size(); ++c)
    for (size_t i = 0; i < components[c].size(); ++i) {
      local[components[c][i]] = static_cast<uint32_t>(i);
      component_of[components[c][i]] = static_cast<uint32_t>(c);
    }
  for (const WeightedEdge& e : edges) edges_of[component_of[e.a]].push_back({local[e.a], local[e.b], e.weight});
  std::vector<std::vector<Point>> placed(components.size());
  for (size_t c = 0; c < components.size() && components[c].size() > 1; ++c) {
    if (components[c].size() == 2) {  // a pair needs no forces: side by side
      placed[c] = {{-0.5, 0}, {0.5, 0}};
      continue;
    }
    placed[c] = start_positions(components[c], g.community, rng);
    ForceAtlas2Settings settings;
    settings.iterations = iterations_for(components[c].size(), options.iterations);
    settings.edge_weight_influence = 0.5;  // a pair named in 100 articles pulls 10x, not 100x
    // LinLog parts communities into regions; gravity 5 (Gephi's default is 1) keeps the
    // hubs that repel each other from stretching the picture so far that the rest of
    // the nodes shrink to dots (both chosen by drawing a 5,000-article store's export).
    settings.lin_log = true;
    settings.gravity = 5;
    if (settings.iterations > 0) force_atlas2(placed[c], edges_of[c], settings);
  }

  // Each component scaled so its nodes are as far apart as twice the usual node size at
  // the median: the same density everywhere, so a component's share of the picture
  // follows its share of the nodes, and pairs and small groups stay legible.
  std::vector<double> sizes(n);
  for (uint32_t v = 0; v < n; ++v) sizes[v] = size_of(v);
  const double usual_size = std::max(median_of(sizes), 1e-6);
  std::vector<Box> boxes;
  std::vector<Point> low_corner;  // of each box's content, before packing
  for (size_t c = 0; c < components.size() && components[c].size() > 1; ++c) {
    const double nearest = median_nearest_distance(placed[c]);
    const double scale = nearest > 0 ? 2 * usual_size / nearest : 1;
    std::vector<double> diameter(components[c].size());
    for (size_t i = 0; i < components[c].size(); ++i) {
      placed[c][i] = {placed[c][i].first * scale, placed[c][i].second * scale};
      diameter[i] = size_of(components[c][i]);
    }
    if (options.iterations >= 0)
      remove_overlaps(placed[c], diameter, usual_size / 4, components[c].size() <= 100000 ? 50 : 15);
    double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
    for (size_t i = 0; i < components[c].size(); ++i) {
      const Point& p = placed[c][i];
      const double r = size_of(components[c][i]) / 2;
      x0 = std::min(x0, p.first - r), x1 = std::max(x1, p.first + r);
      y0 = std::min(y0, p.second - r), y1 = std::max(y1, p.second + r);
    }
    boxes.push_back({x1 - x0, y1 - y0});
    low_corner.emplace_back(x0, y0);
  }
  // Nodes without edges: a grid, in node order, one pitch as wide as the largest of them.
  std::vector<uint32_t> isolated;
  for (const auto& members : components)
    if (members.size() == 1) isolated.push_back(members[0]);
  double pitch = 0;
  for (uint32_t v : isolated) pitch = std::max(pitch, size_of(v));
  pitch = std::max(pitch, usual_size) * 1.5;
  const auto columns = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(isolated.size()))));
  if (!isolated.empty()) {
    const size_t rows = (isolated.size() + columns - 1) / columns;
    boxes.push_back({static_cast<double>(columns) * pitch, static_cast<double>(rows) * pitch});
    low_corner.emplace_back(0, 0);
  }

  const std::vector<Point> corner = pack_on_shelves(boxes, 4 * usual_size);
  size_t box = 0;
  for (size_t c = 0; c < components.size() && components[c].size() > 1; ++c, ++box) {
    const double dx = corner[box].first - low_corner[box].first, dy = corner[box].second - low_corner[box].second;
    for (size_t i = 0; i < components[c].size(); ++i)
      out[components[c][i]] = {placed[c][i].first + dx, placed[c][i].second + dy};
  }
  if (!isolated.empty()) {
    const size_t rows = (isolated.size() + columns - 1) / columns;
    for (size_t k = 0; k < isolated.size(); ++k) {
      const double x = (static_cast<double>(k % columns) + 0.5) * pitch;
      const double y = (static_cast<double>(rows - k / columns) - 0.5) * pitch;  // first row on top
      out[isolated[k]] = {corner[box].first + x, corner[box].second + y};
    }
  }
  return out;
}

}  // namespace newsgraph::exporter
