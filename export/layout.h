// Positions for export, so a graph opens in Gephi (or any reader that draws x and y)
// ready to read at every size: each connected component laid out on its own by
// ForceAtlas2 (forceatlas2.h), started from a disc per community so communities end as
// regions; the components packed side by side by size, largest first
// (component_packing.h); nodes without edges set aside in a compact grid after them; and
// the whole scaled so nodes drawn at their sizes rarely overlap.
//
// Cost: O(iterations * (V log V + E)) for ForceAtlas2 plus O(E log E) to merge parallel
// edges. Iterations by component size: 50 + its nodes up to 250 nodes, 300 up to 1,000,
// 150 up to 10,000, 80 up to 100,000, then 40; a pair is set side by side without forces.
// Measured by bench_layout. Deterministic for a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsgraph::exporter {

struct LayoutGraph {
  size_t nodes = 0;
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // undirected; parallel edges and self-loops allowed
  std::vector<double> weights;                       // per edge (parallel ones add up); empty: 1 each
  std::vector<uint32_t> community;                   // per node; empty: one community
  std::vector<double> sizes;                         // per node, its diameter as drawn; empty: 1 each
};

struct LayoutOptions {
  int iterations = 0;  // per component; 0: chosen from its size; < 0: the start only (no forces)
  uint64_t seed = 1;
};

// One position per node. The unit is the one `sizes` are in: a node of size s is drawn
// as a disc of diameter s there.
std::vector<std::pair<double, double>> force_directed_layout(const LayoutGraph& graph, const LayoutOptions& options);

}  // namespace newsgraph::exporter
