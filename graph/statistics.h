// Statistics of a GraphView: sizes by type and predicate, density, components, degree
// summary, rankings (degree, weighted degree, PageRank, betweenness), clustering,
// path lengths and Louvain communities, each with the time it took. Pure; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/algorithms.h"
#include "graph/graph_view.h"

namespace newsgraph::graph {

struct StatisticsOptions {
  size_t top = 10;                 // entries in each ranking
  BetweennessOptions betweenness;  // exact below a work budget, sampled above
  size_t exact_paths_limit = 2000;  // exact path lengths up to this many nodes
  size_t path_samples = 256;        // BFS sources above that
  uint64_t seed = 1;
};

struct RankedEntity {
  std::string id, label;
  double value = 0;
};

struct DegreeSummary {
  uint64_t min = 0, max = 0, median = 0, p90 = 0;
  double mean = 0;
  size_t isolated = 0;
};

struct CommunitySummary {
  size_t size = 0;
  std::vector<std::string> top_labels;  // its members of highest degree
};

struct GraphStatistics {
  size_t nodes = 0, edges = 0;  // edges: typed relations (subject, predicate, object)
  size_t connected_pairs = 0;   // undirected node pairs with at least one relation
  std::map<std::string, size_t> nodes_by_type, edges_by_predicate;
  double density = 0;           // connected pairs / possible pairs
  size_t weak_components = 0, largest_weak = 0, strong_components = 0, largest_strong = 0;
  DegreeSummary degree;
  std::vector<RankedEntity> top_degree, top_weighted_degree, top_pagerank, top_betweenness;
  bool betweenness_exact = true;
  size_t betweenness_sources = 0;
  double betweenness_error = 0;
  Clustering clustering;
  PathSummary paths;
  size_t communities = 0;
  double modularity = 0;
  std::vector<CommunitySummary> largest_communities;
  std::map<std::string, double> seconds;  // per statistic, for benchmarks and --json
  // Whether the store the graph came from is in canonical order, when the caller read it
  // (store::out_of_canonical_order; compute_statistics leaves it unset).
  std::optional<bool> canonical_order;
};

GraphStatistics compute_statistics(const GraphView& graph, const StatisticsOptions& options);

}  // namespace newsgraph::graph
