// The in-memory graph that statistics, layout and path queries run on: the store's
// entities as dense node indices, its relations as typed edges, and two compressed
// adjacency structures built from them (directed with symmetric predicates both ways,
// and undirected, each with parallel edges folded and weights summed). Immutable once
// built; safe to read from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/ontology.h"
#include "core/status.h"

namespace newsgraph::store {
class Store;
}  // namespace newsgraph::store

namespace newsgraph::graph {

struct NodeInfo {
  std::string id;
  std::string label;
  EntityType type = EntityType::kPerson;
};

struct EdgeInfo {
  uint32_t source = 0;  // node indices
  uint32_t target = 0;
  Predicate predicate = Predicate::kCoOccurs;
  uint32_t weight = 1;  // articles supporting the relation
  int64_t key = 0;      // the store's relation key (0 for generated graphs)
};

// Compressed sparse rows: the neighbours of v are targets[offsets[v] .. offsets[v+1]).
struct Csr {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> targets;
  std::vector<double> weights;  // aligned with targets
  size_t node_count() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  size_t edge_count() const { return targets.size(); }
  uint64_t degree(uint32_t v) const { return offsets[v + 1] - offsets[v]; }
};

struct GraphViewOptions {
  bool include_cooccurs = true;  // false: only typed relations
  uint32_t min_weight = 1;       // leave out relations supported by fewer articles
  // Above this many relations a second connection reads part of them in parallel.
  int64_t parallel_above = 10000;
};

class GraphView {
 public:
  // Reads entities and relations from the store (self-loops left out). O(V + E log E).
  static Status load(store::Store& store, const GraphViewOptions& options, GraphView* out);

  // Builds a view from given nodes and edges (generated graphs, tests).
  static GraphView from_edges(std::vector<NodeInfo> nodes, std::vector<EdgeInfo> edges);

  const std::vector<NodeInfo>& nodes() const { return nodes_; }
  const std::vector<EdgeInfo>& edges() const { return edges_; }
  const Csr& directed() const { return directed_; }
  const Csr& undirected() const { return undirected_; }
  size_t node_count() const { return nodes_.size(); }

 private:
  void build();
  std::vector<NodeInfo> nodes_;
  std::vector<EdgeInfo> edges_;
  Csr directed_, undirected_;
};

}  // namespace newsgraph::graph
