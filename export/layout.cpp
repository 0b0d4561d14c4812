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
constexpr size_t kTwoThreadLayoutNodes = 10000;  // below, a thread per iteration costs more than it saves

// Fruchterman-Reingold where each node is repelled by the centres of mass of the 5x5
// grid cells around it (cell side 2k) instead of by every node: O(V + E) an iteration.
// The work of an iteration is split in two halves (nodes for the repulsion, edges for
// the attraction, each half pulling into its own buffer) that run on two threads on
// large graphs; the sums are the same whether one thread or two run them.
void grid_force_layout(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges,
                       std::vector<std::pair<double, double>>& pos, int iterations, double half) {
  const double k = std::sqrt(4 * half * half / double(n));
  const double kk = k * k, nearest = kk * 0.01;
  const double cell = 2 * k;
  const int cells = std::max(1, static_cast<int>(2 * half / cell));
  // The grid has a border of two empty cells on every side, so the 5x5 block around
  // any node needs no bounds checks; cell (x, y) is at (y + 2) * stride + x + 2.
  const size_t stride = static_cast<size_t>(cells) + 4;
  std::vector<double> sum_x(stride * stride), sum_y(stride * stride), mass(stride * stride);
  std::vector<double> centre_x(stride * stride), centre_y(stride * stride);
  std::vector<uint32_t> cell_of_node(n);
  auto cell_of = [&](double c) { return std::clamp(static_cast<int>((c + half) / cell), 0, cells - 1); };
  std::vector<std::pair<double, double>> push(n), pull[2] = {std::vector<std::pair<double, double>>(n),
                                                              std::vector<std::pair<double, double>>(n)};

  auto repel = [&](uint32_t begin, uint32_t end) {
    for (uint32_t v = begin; v < end; ++v) {
      const double px = pos[v].first, py = pos[v].second;
      const size_t own = cell_of_node[v];
      // Five lanes, one per column of the block, summed at the end: the loop over the
      // columns has no dependency between lanes and compiles to vector instructions.
      double fx[5] = {0, 0, 0, 0, 0}, fy[5] = {0, 0, 0, 0, 0};
      for (size_t row = own - 2 * stride - 2, r = 0; r < 5; ++r, row += stride)
        for (size_t c = 0; c < 5; ++c) {
          const double ddx = px - centre_x[row + c], ddy = py - centre_y[row + c];
          const double f = mass[row + c] * kk / std::max(ddx * ddx + ddy * ddy, nearest);
          fx[c] += ddx * f;
          fy[c] += ddy * f;
        }
      double x = (fx[0] + fx[1]) + (fx[2] + fx[3]) + fx[4], y = (fy[0] + fy[1]) + (fy[2] + fy[3]) + fy[4];
      {  // the node's own cell counted the node itself: its term again, without the node
        const double ddx = px - centre_x[own], ddy = py - centre_y[own];
        const double f = mass[own] * kk / std::max(ddx * ddx + ddy * ddy, nearest);
        x -= ddx * f;
        y -= ddy * f;
        const double others = mass[own] - 1;
        if (others > 0) {
          const double ox = px - (sum_x[own] - px) / others, oy = py - (sum_y[own] - py) / others;
          const double g = others * kk / std::max(ox * ox + oy * oy, nearest);
          x += ox * g;
          y += oy * g;
        }
      }
      push[v] = {x, y};
    }
  };
  auto attract = [&](size_t begin, size_t end, std::vector<std::pair<double, double>>& into) {
    std::fill(into.begin(), into.end(), std::make_pair(0.0, 0.0));
    for (size_t i = begin; i < end; ++i) {
      const auto [a, b] = edges[i];
      if (a == b) continue;
      double ddx = pos[a].first - pos[b].first, ddy = pos[a].second - pos[b].second;
      double f = (std::sqrt(ddx * ddx + ddy * ddy) + 1e-9) / k;
      into[a].first -= ddx * f;
      into[a].second -= ddy * f;
      into[b].first += ddx * f;
      into[b].second += ddy * f;
    }
  };
  const auto nodes = static_cast<uint32_t>(n);
  const size_t middle_edge = edges.size() / 2;
  auto lower_half = [&] {
    repel(0, nodes / 2);
    attract(0, middle_edge, pull[0]);
  };
  auto upper_half = [&] {
    repel(nodes / 2, nodes);
    attract(middle_edge, edges.size(), pull[1]);
  };

  for (int it = 0; it < iterations; ++it) {
    double temperature = half / 10 * (1.0 - double(it) / iterations);
    std::fill(sum_x.begin(), sum_x.end(), 0.0);
    std::fill(sum_y.begin(), sum_y.end(), 0.0);
    std::fill(mass.begin(), mass.end(), 0.0);
    for (uint32_t v = 0; v < n; ++v) {
      const size_t c = (static_cast<size_t>(cell_of(pos[v].second)) + 2) * stride + cell_of(pos[v].first) + 2;
      cell_of_node[v] = static_cast<uint32_t>(c);
      sum_x[c] += pos[v].first;
      sum_y[c] += pos[v].second;
      mass[c] += 1;
    }
    for (size_t c = 0; c < mass.size(); ++c) {  // each cell's centre, once; empty ones push nothing
      centre_x[c] = mass[c] > 0 ? sum_x[c] / mass[c] : 0;
      centre_y[c] = mass[c] > 0 ? sum_y[c] / mass[c] : 0;
    }
    if (n >= kTwoThreadLayoutNodes) {
      JoiningThread upper(upper_half);
      lower_half();
    } else {
      lower_half();
      upper_half();
    }
    for (uint32_t v = 0; v < n; ++v) {
      const double sx = push[v].first + pull[0][v].first + pull[1][v].first;
      const double sy = push[v].second + pull[0][v].second + pull[1][v].second;
      double len = std::sqrt(sx * sx + sy * sy) + 1e-9;
      double step = std::min(len, temperature) / len;
      pos[v].first = std::clamp(pos[v].first + sx * step, -half, half);
      pos[v].second = std::clamp(pos[v].second + sy * step, -half, half);
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
