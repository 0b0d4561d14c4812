// ForceAtlas2, the continuous force-directed layout Gephi users know (Jacomy, Venturini,
// Heymann and Bastian, PLoS ONE 2014), written for export: every pair of nodes repels
// in proportion to the product of their masses (degree + 1) over their distance, each
// edge pulls its ends together in proportion to the distance (or its logarithm, LinLog)
// times the edge weight to a power, gravity pulls each node to the centre in proportion
// to its mass, and each node moves by its own adaptive speed, slowed where it swings.
//
// The repulsion is approximated with a Barnes-Hut quadtree (a cell far enough away acts
// as one body at its centre of mass), so an iteration costs O(V log V + E). Above
// `two_threads_from` nodes the repulsion of each half of the nodes runs on its own
// thread; each node's force is computed alone, so the result is the same either way.
// Deterministic: the same input gives the same positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsgraph::exporter {

struct WeightedEdge {
  uint32_t a = 0, b = 0;  // no self-loops, each unordered pair once
  double weight = 1;
};

struct ForceAtlas2Settings {
  int iterations = 100;
  double scaling = 2.0;                // repulsion strength (k_r)
  double gravity = 1.0;                // pull to the origin, per unit of mass (k_g)
  double edge_weight_influence = 1.0;  // attraction x weight^this (0: weights ignored)
  bool lin_log = false;                // attraction by log(1 + d): tighter clusters
  double theta = 1.2;                  // Barnes-Hut: a cell of side s at distance d is one
                                       // body when s < theta * d
  double jitter_tolerance = 1.0;       // how much swinging the speed tolerates
  size_t two_threads_from = 5000;      // nodes
};

// Moves `pos` (one point per node, the start) by `settings.iterations` iterations.
// Nodes are 0 .. pos.size()-1; `edges` join them.
void force_atlas2(std::vector<std::pair<double, double>>& pos, const std::vector<WeightedEdge>& edges,
                  const ForceAtlas2Settings& settings);

}  // namespace newsgraph::exporter
