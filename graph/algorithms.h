// Graph algorithms over the compressed adjacency of a GraphView. Each states its
// cost; all are deterministic for a given seed. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/graph_view.h"

namespace newsgraph::graph {

// PageRank on a weighted directed graph; dangling mass is spread evenly. Sums to 1.
// Gauss-Seidel sweeps until the L1 change is under `tolerance`: O(sweeps * E). Above
// `parallel_above` arcs the nodes are split in two halves swept on two threads (below
// it a sweep is too short to pay for the threads meeting after each one); the result
// still depends only on the graph.
std::vector<double> pagerank(const Csr& directed, double damping = 0.85, double tolerance = 1e-10,
                             int max_iterations = 100, size_t parallel_above = 100000);

struct BetweennessOptions {
  // Exact (Brandes from every node) while V*E stays under this; sampled above.
  double max_exact_work = 2e9;
  size_t samples = 512;  // BFS sources when sampling
  uint64_t seed = 1;
  unsigned threads = 0;  // 0: one per hardware thread
};
struct Betweenness {
  std::vector<double> values;  // unnormalised, undirected (each pair counted once)
  bool exact = true;
  size_t sources = 0;
  double relative_error = 0;   // about 1/sqrt(sources) for a sampled run, 0 when exact
};
// Brandes' algorithm, unweighted. O(sources * E).
Betweenness betweenness(const Csr& undirected, const BetweennessOptions& options);

// Component index of every node; returns the number of components. O(V + E).
size_t weak_components(const Csr& undirected, std::vector<uint32_t>* component);
// Strongly connected components (Boost.Graph's Tarjan). O(V + E).
size_t strong_components(const Csr& directed, std::vector<uint32_t>* component);

struct Clustering {
  double average_local = 0;  // mean of local coefficients, 0 for nodes of degree < 2
  double global = 0;         // transitivity: 3 * triangles / connected triples
  uint64_t triangles = 0;
};
// Triangle counting on a degree-ordered orientation. O(E^1.5).
Clustering clustering(const Csr& undirected);

struct PathSummary {
  uint32_t diameter = 0;       // longest shortest path found (a lower bound when sampled)
  double average_length = 0;   // over reachable ordered pairs
  bool exact = true;
  size_t sources = 0;
};
// BFS from every node when V <= exact_limit, else from `samples` random nodes plus
// double sweeps for the diameter. O(sources * (V + E)).
PathSummary path_summary(const Csr& undirected, size_t exact_limit, size_t samples, uint64_t seed);

struct Communities {
  std::vector<uint32_t> membership;  // community of each node, numbered by size (0 largest)
  size_t count = 0;
  double modularity = 0;
};
// Louvain modularity optimisation on the weighted undirected graph. About O(E) a pass.
Communities louvain(const Csr& undirected, uint64_t seed = 1);

// Modularity of a partition of the weighted undirected graph. O(E).
double modularity(const Csr& undirected, const std::vector<uint32_t>& membership);

}  // namespace newsgraph::graph
