#include "export/layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <algorithm>
#include <cmath>
#include <random>

#include "core/joining_thread.h"

namespace newsgraph::exporter {
namespace {

// Boost's Fruchterman-Reingold compares every pair of nodes (its grid sizes cells from
// the area, not its square root, so all nodes share one cell): 0.1 s at 200 nodes, 26 s
// at 3,000. Above this the grid forces below take over.
constexpr size_t kBoostLayoutMaxNodes = 200;
constexpr size_t kParallelRepulsionNodes = 10000;

// Fruchterman-Reingold where each node is repelled by the centres of mass of the
// grid cells around it (cell side 2k) instead of by every node: O(V + E) an iteration.
void grid_force_layout(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges,
                       std::vector<std::pair<double, double>>& pos, int iterations, double half) {
  const double k = std::sqrt(4 * half * half / double(n));
  const double cell = 2 * k;
  const int cells = std::max(1, static_cast<int>(2 * half / cell));
  struct Mass {
    double x = 0, y = 0, count = 0;
  };
  std::vector<std::pair<double, double>> shift(n);
  std::vector<Mass> grid(static_cast<size_t>(cells) * cells);
  std::vector<std::pair<double, double>> centre(grid.size());
  auto cell_of = [&](double c) { return std::clamp(static_cast<int>((c + half) / cell), 0, cells - 1); };
  for (int it = 0; it < iterations; ++it) {
    double temperature = half / 10 * (1.0 - double(it) / iterations);
    std::fill(grid.begin(), grid.end(), Mass{});
    for (uint32_t v = 0; v < n; ++v) {
      Mass& m = grid[cell_of(pos[v].second) * cells + cell_of(pos[v].first)];
      m.x += pos[v].first;
      m.y += pos[v].second;
      m.count += 1;
    }
    for (size_t c = 0; c < grid.size(); ++c) {  // each cell's centre, once
      centre[c] = grid[c].count > 0 ? std::make_pair(grid[c].x / grid[c].count, grid[c].y / grid[c].count)
                                    : std::make_pair(0.0, 0.0);
    }
    // Each node's repulsion reads only the grid: the nodes are split between two threads
    // on large graphs, with the same arithmetic (so the same result) as one.
    auto repel = [&](uint32_t begin, uint32_t end) {
      for (uint32_t v = begin; v < end; ++v) {
        int cx = cell_of(pos[v].first), cy = cell_of(pos[v].second);
        double fx = 0, fy = 0;
        for (int ny = std::max(0, cy - 2); ny <= std::min(cells - 1, cy + 2); ++ny)
          for (int nx = std::max(0, cx - 2); nx <= std::min(cells - 1, cx + 2); ++nx) {
            const size_t c = static_cast<size_t>(ny) * cells + nx;
            double count = grid[c].count, ddx, ddy;
            if (nx == cx && ny == cy) {  // the node's own cell, without the node
              count -= 1;
              if (count <= 0) continue;
              ddx = pos[v].first - (grid[c].x - pos[v].first) / count;
              ddy = pos[v].second - (grid[c].y - pos[v].second) / count;
            } else {
              if (count <= 0) continue;
              ddx = pos[v].first - centre[c].first;
              ddy = pos[v].second - centre[c].second;
            }
            double d2 = std::max(ddx * ddx + ddy * ddy, k * k * 0.01);
            double f = count * k * k / d2;
            fx += ddx * f;
            fy += ddy * f;
          }
        shift[v] = {fx, fy};
      }
    };
    const auto count = static_cast<uint32_t>(n);
    if (n >= kParallelRepulsionNodes) {
      JoiningThread upper(repel, count / 2, count);
      repel(0, count / 2);
    } else {
      repel(0, count);
    }
    for (const auto& [a, b] : edges) {
      if (a == b) continue;
      double ddx = pos[a].first - pos[b].first, ddy = pos[a].second - pos[b].second;
      double d = std::sqrt(ddx * ddx + ddy * ddy) + 1e-9;
      double f = d / k;
      shift[a].first -= ddx * f;
      shift[a].second -= ddy * f;
      shift[b].first += ddx * f;
      shift[b].second += ddy * f;
    }
    for (uint32_t v = 0; v < n; ++v) {
      double len = std::sqrt(shift[v].first * shift[v].first + shift[v].second * shift[v].second) + 1e-9;
      double step = std::min(len, temperature) / len;
      pos[v].first = std::clamp(pos[v].first + shift[v].first * step, -half, half);
      pos[v].second = std::clamp(pos[v].second + shift[v].second * step, -half, half);
    }
  }
}

}  // namespace

std::vector<std::pair<double, double>> force_directed_layout(
    size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges, const std::vector<uint32_t>& community,
    const LayoutOptions& options) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::rectangle_topology<std::mt19937>;
  using Point = Topology::point_type;
  constexpr double kHalf = 500.0;
  std::vector<std::pair<double, double>> out(n);
  if (n == 0) return out;
  // Start: communities spread on a circle, members scattered around their centre.
  uint32_t communities = 1;
  for (uint32_t c : community) communities = std::max(communities, c + 1);
  std::mt19937 rng(static_cast<uint32_t>(options.seed));
  std::uniform_real_distribution<double> jitter(-1.0, 1.0);
  std::vector<size_t> members(communities, 0);
  for (size_t v = 0; v < n; ++v) ++members[v < community.size() ? community[v] : 0];
  std::vector<Point> position(n);
  for (size_t v = 0; v < n; ++v) {  // each community a disc whose area follows its size
    uint32_t c = v < community.size() ? community[v] : 0;
    double angle = 2 * M_PI * c / communities;
    double ring = communities > 1 ? kHalf * 0.5 : 0;
    double radius = kHalf * std::max(0.05, std::sqrt(double(members[c]) / double(n)));
    position[v][0] = std::clamp(ring * std::cos(angle) + radius * jitter(rng), -kHalf, kHalf);
    position[v][1] = std::clamp(ring * std::sin(angle) + radius * jitter(rng), -kHalf, kHalf);
  }
  int iterations = options.iterations;
  if (iterations == 0) iterations = n <= 5000 ? 150 : n <= 50000 ? 30 : 10;
  if (iterations > 0 && n > kBoostLayoutMaxNodes) {
    for (size_t v = 0; v < n; ++v) out[v] = {position[v][0], position[v][1]};
    grid_force_layout(n, edges, out, iterations, kHalf);
    return out;
  }
  if (iterations > 0) {  // small graphs: Boost.Graph's Fruchterman-Reingold
    Graph g(n);
    for (const auto& [a, b] : edges)
      if (a != b) boost::add_edge(a, b, g);
    Topology space(rng, -kHalf, -kHalf, kHalf, kHalf);
    auto map = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
    boost::fruchterman_reingold_force_directed_layout(
        g, map, space, boost::cooling(boost::linear_cooling<double>(static_cast<size_t>(iterations), kHalf / 5)));
  }
  for (size_t v = 0; v < n; ++v) out[v] = {position[v][0], position[v][1]};
  return out;
}

}  // namespace newsgraph::exporter
