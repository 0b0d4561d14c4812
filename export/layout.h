// Force-directed positions for export: Boost.Graph's Fruchterman-Reingold up to 200
// nodes, and above that the same forces with each node repelled by the centres of the
// grid cells around it (Boost's compares every pair: 26 s at 3,000 nodes). Started
// from a disc per community, so the result is stable for a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsgraph::exporter {

struct LayoutOptions {
  int iterations = 0;  // 0: 150 up to 5,000 nodes, 30 up to 50,000, then 10; < 0: starting circle only
  uint64_t seed = 1;
};

// Positions in roughly [-500, 500]^2 for `node_count` nodes joined by `edges`
// (undirected; parallel edges allowed). O(iterations * (V + E)).
std::vector<std::pair<double, double>> force_directed_layout(
    size_t node_count, const std::vector<std::pair<uint32_t, uint32_t>>& edges,
    const std::vector<uint32_t>& community, const LayoutOptions& options);

}  // namespace newsgraph::exporter
