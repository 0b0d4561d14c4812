// Components, clustering and path lengths: see algorithms.h.
#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <numeric>
#include <random>

#include "graph/algorithms.h"

namespace newsgraph::graph {
namespace {

// BFS distances from `source`; returns the visited nodes in order. Resets nothing:
// `dist` must hold -1 for every node on entry and is restored before returning.
void bfs(const Csr& g, uint32_t source, std::vector<int32_t>& dist, std::vector<uint32_t>& order,
         uint64_t* distance_sum, uint32_t* eccentricity, uint32_t* farthest) {
  order.clear();
  order.push_back(source);
  dist[source] = 0;
  for (size_t head = 0; head < order.size(); ++head) {
    uint32_t v = order[head];
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      uint32_t w = g.targets[i];
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        order.push_back(w);
      }
    }
  }
  uint64_t sum = 0;
  for (uint32_t v : order) sum += static_cast<uint64_t>(dist[v]);
  *distance_sum = sum;
  *farthest = order.back();
  *eccentricity = static_cast<uint32_t>(dist[order.back()]);
  for (uint32_t v : order) dist[v] = -1;
}

}  // namespace

size_t weak_components(const Csr& g, std::vector<uint32_t>* component) {
  const size_t n = g.node_count();
  const uint32_t kUnset = UINT32_MAX;
  component->assign(n, kUnset);
  std::vector<uint32_t> queue;
  uint32_t count = 0;
  for (uint32_t s = 0; s < n; ++s) {
    if ((*component)[s] != kUnset) continue;
    queue.assign(1, s);
    (*component)[s] = count;
    for (size_t head = 0; head < queue.size(); ++head) {
      uint32_t v = queue[head];
      for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        uint32_t w = g.targets[i];
        if ((*component)[w] == kUnset) {
          (*component)[w] = count;
          queue.push_back(w);
        }
      }
    }
    ++count;
  }
  return count;
}

size_t strong_components(const Csr& g, std::vector<uint32_t>* component) {
  using BoostCsr = boost::compressed_sparse_row_graph<boost::directedS>;
  const size_t n = g.node_count();
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  arcs.reserve(g.edge_count());
  for (uint32_t v = 0; v < n; ++v)
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) arcs.emplace_back(v, g.targets[i]);
  BoostCsr bg(boost::edges_are_sorted, arcs.begin(), arcs.end(), n);
  component->assign(n, 0);
  return boost::strong_components(
      bg, boost::make_iterator_property_map(component->begin(), boost::get(boost::vertex_index, bg)));
}

Clustering clustering(const Csr& g) {
  const size_t n = g.node_count();
  Clustering result;
  if (n == 0) return result;
  // Orient each edge from lower to higher (degree, index) rank; each triangle is then
  // found once, from its lowest-ranked corner.
  auto ranks_below = [&](uint32_t a, uint32_t b) {
    uint64_t da = g.degree(a), db = g.degree(b);
    return da != db ? da < db : a < b;
  };
  std::vector<uint64_t> start(n + 1, 0);
  std::vector<uint32_t> forward;
  forward.reserve(g.edge_count() / 2);
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
      if (ranks_below(v, g.targets[i])) forward.push_back(g.targets[i]);
    start[v + 1] = forward.size();
  }
  std::vector<uint64_t> triangles(n, 0);
  std::vector<uint32_t> mark(n, UINT32_MAX);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint64_t i = start[u]; i < start[u + 1]; ++i) mark[forward[i]] = u;
    for (uint64_t i = start[u]; i < start[u + 1]; ++i) {
      uint32_t v = forward[i];
      for (uint64_t j = start[v]; j < start[v + 1]; ++j) {
        uint32_t w = forward[j];
        if (mark[w] == u) {
          ++triangles[u];
          ++triangles[v];
          ++triangles[w];
          ++result.triangles;
        }
      }
    }
  }
  double local_sum = 0, triples = 0;
  for (uint32_t v = 0; v < n; ++v) {
    double d = double(g.degree(v));
    if (d < 2) continue;
    double pairs = d * (d - 1) / 2;
    triples += pairs;
    local_sum += double(triangles[v]) / pairs;
  }
  result.average_local = local_sum / double(n);
  result.global = triples > 0 ? 3.0 * double(result.triangles) / triples : 0;
  return result;
}

PathSummary path_summary(const Csr& g, size_t exact_limit, size_t samples, uint64_t seed) {
  const size_t n = g.node_count();
  PathSummary result;
  if (n == 0) return result;
  std::vector<uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  result.exact = n <= exact_limit || n <= samples;
  if (!result.exact) {
    std::mt19937_64 rng(seed);
    std::shuffle(sources.begin(), sources.end(), rng);
    sources.resize(samples);
  }
  std::vector<int32_t> dist(n, -1);
  std::vector<uint32_t> order;
  double total = 0, pairs = 0;
  uint32_t farthest = 0, eccentricity = 0;
  size_t sweeps = 0;
  for (uint32_t s : sources) {
    uint64_t sum = 0;
    bfs(g, s, dist, order, &sum, &eccentricity, &farthest);
    total += double(sum);
    pairs += double(order.size() - 1);
    if (eccentricity > result.diameter) result.diameter = eccentricity;
    if (!result.exact && sweeps++ < 16) {  // double sweep: the farthest node often ends a longest path
      uint64_t ignored = 0;
      uint32_t far_end = 0;
      bfs(g, farthest, dist, order, &ignored, &eccentricity, &far_end);
      result.diameter = std::max(result.diameter, eccentricity);
    }
  }
  result.sources = sources.size();
  result.average_length = pairs > 0 ? total / pairs : 0;
  return result;
}

}  // namespace newsgraph::graph
