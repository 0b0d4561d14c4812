#include "export/layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <cmath>
#include <random>

namespace newsgraph::exporter {

std::vector<std::pair<double, double>> force_directed_layout(
    size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges, const std::vector<uint32_t>& community,
    const LayoutOptions& options) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::rectangle_topology<std::mt19937>;
  using Point = Topology::point_type;
  constexpr double kHalf = 500.0;
  std::vector<std::pair<double, double>> out(n);
  if (n == 0) return out;
  Graph g(n);
  for (const auto& [a, b] : edges)
    if (a != b) boost::add_edge(a, b, g);
  // Start: communities spread on a circle, members scattered around their centre.
  uint32_t communities = 1;
  for (uint32_t c : community) communities = std::max(communities, c + 1);
  std::mt19937 rng(static_cast<uint32_t>(options.seed));
  std::uniform_real_distribution<double> jitter(-1.0, 1.0);
  std::vector<Point> position(n);
  for (size_t v = 0; v < n; ++v) {
    uint32_t c = v < community.size() ? community[v] : 0;
    double angle = 2 * M_PI * c / communities;
    double ring = communities > 1 ? kHalf * 0.6 : 0;
    position[v][0] = ring * std::cos(angle) + kHalf * 0.3 * jitter(rng);
    position[v][1] = ring * std::sin(angle) + kHalf * 0.3 * jitter(rng);
  }
  int iterations = options.iterations;
  if (iterations == 0) iterations = n <= 2000 ? 150 : n <= 20000 ? 60 : n <= 200000 ? 20 : 0;
  if (iterations > 0) {
    Topology space(rng, -kHalf, -kHalf, kHalf, kHalf);
    auto map = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
    boost::fruchterman_reingold_force_directed_layout(
        g, map, space, boost::cooling(boost::linear_cooling<double>(static_cast<size_t>(iterations), kHalf / 5)));
  }
  for (size_t v = 0; v < n; ++v) out[v] = {position[v][0], position[v][1]};
  return out;
}

}  // namespace newsgraph::exporter
