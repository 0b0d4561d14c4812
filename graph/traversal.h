// Walks over a GraphView's individual relations, with a filter chosen per request:
// ego networks around an entity and the k shortest paths between two entities. Hops
// ignore direction (a path asks "how are these two connected"); the relations along
// each hop keep theirs. Built once per view; const methods are safe from many threads.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "graph/graph_view.h"

namespace newsgraph::graph {

struct EdgeFilter {
  uint32_t min_weight = 1;          // articles supporting the relation
  std::set<Predicate> predicates;   // empty: every predicate
  bool include_cooccurs = true;
  bool accepts(const EdgeInfo& e) const {
    if (e.weight < min_weight) return false;
    if (e.predicate == Predicate::kCoOccurs && !include_cooccurs) return false;
    return predicates.empty() || predicates.count(e.predicate) > 0;
  }
};

struct EgoNetwork {
  std::vector<uint32_t> nodes;  // the center first, then by hop distance
  std::vector<uint32_t> hops;   // aligned with nodes
  std::vector<uint32_t> edges;  // view edges with both ends in `nodes`
  bool truncated = false;       // max_nodes cut the last hop short
};

struct NodePath {
  std::vector<uint32_t> nodes;  // from .. to
  uint64_t strength = 0;        // summed article weight of every hop's relations
};

class Traversal {
 public:
  // Indexes every edge under both its ends. O(V + E).
  explicit Traversal(const GraphView& view);

  // Nodes within `depth` hops of `center`, nearest first; when a hop would pass
  // `max_nodes`, the nodes most strongly tied to the hop before it are kept.
  // O(nodes reached + their edges).
  EgoNetwork ego(uint32_t center, uint32_t depth, size_t max_nodes, const EdgeFilter& filter) const;

  // Up to k loopless paths of at most max_hops hops, fewest hops first and, among
  // equals, the most strongly supported first (Yen's algorithm over breadth-first
  // searches). O(k * max_hops * (V + E)) at worst.
  std::vector<NodePath> shortest_paths(uint32_t from, uint32_t to, size_t k, uint32_t max_hops,
                                       const EdgeFilter& filter) const;

  // The view's edges between a and b, either direction, that pass the filter.
  std::vector<uint32_t> edges_between(uint32_t a, uint32_t b, const EdgeFilter& filter) const;

 private:
  struct Bans;
  std::vector<uint32_t> search(uint32_t from, uint32_t to, uint32_t max_hops, const EdgeFilter& filter,
                               const Bans& bans) const;
  uint64_t strength(const std::vector<uint32_t>& path, const EdgeFilter& filter) const;

  const GraphView& view_;
  std::vector<uint64_t> offsets_;   // node -> range in incident_
  std::vector<uint32_t> incident_;  // edge indices
};

}  // namespace newsgraph::graph
