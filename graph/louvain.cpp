// Louvain community detection (Blondel et al. 2008): local moving of nodes to the
// neighbouring community with the best modularity gain, then aggregation of each
// community into one node, repeated while modularity improves. See algorithms.h.
#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

#include "graph/algorithms.h"

namespace newsgraph::graph {
namespace {

// A weighted undirected graph at one level; `loops` holds each node's self weight
// (the weight inside the community it stands for, counted in both directions).
struct Level {
  Csr adjacency;
  std::vector<double> loops;
};

// One round of local moving; returns each node's community (0..k-1) and whether any
// node moved.
bool move_nodes(const Level& level, double total, std::mt19937_64& rng, std::vector<uint32_t>* community) {
  const Csr& g = level.adjacency;
  const size_t n = g.node_count();
  std::vector<double> strength(n, 0), community_total(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    strength[v] = level.loops[v];
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) strength[v] += g.weights[i];
  }
  community->resize(n);
  std::iota(community->begin(), community->end(), 0u);
  for (uint32_t v = 0; v < n; ++v) community_total[v] = strength[v];
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> link(n, 0);
  std::vector<uint32_t> touched;
  bool any_move = false;
  for (int pass = 0; pass < 32; ++pass) {
    size_t moves = 0;
    for (uint32_t v : order) {
      uint32_t own = (*community)[v];
      touched.clear();
      for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        uint32_t c = (*community)[g.targets[i]];
        if (link[c] == 0) touched.push_back(c);
        link[c] += g.weights[i];
      }
      community_total[own] -= strength[v];
      uint32_t best = own;
      double best_gain = link[own] - community_total[own] * strength[v] / total;
      for (uint32_t c : touched) {
        double gain = link[c] - community_total[c] * strength[v] / total;
        if (gain > best_gain + 1e-12) {
          best_gain = gain;
          best = c;
        }
      }
      community_total[best] += strength[v];
      if (best != own) {
        (*community)[v] = best;
        ++moves;
      }
      for (uint32_t c : touched) link[c] = 0;
      link[own] = 0;
    }
    if (moves == 0) break;
    any_move = true;
  }
  // Renumber 0..k-1.
  std::unordered_map<uint32_t, uint32_t> renumber;
  for (uint32_t& c : *community) c = renumber.emplace(c, static_cast<uint32_t>(renumber.size())).first->second;
  return any_move;
}

Level aggregate(const Level& level, const std::vector<uint32_t>& community, size_t k) {
  const Csr& g = level.adjacency;
  Level next;
  next.loops.assign(k, 0);
  std::vector<std::unordered_map<uint32_t, double>> rows(k);
  for (uint32_t v = 0; v < g.node_count(); ++v) {
    uint32_t cv = community[v];
    next.loops[cv] += level.loops[v];
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      uint32_t cw = community[g.targets[i]];
      if (cw == cv) next.loops[cv] += g.weights[i];
      else rows[cv][cw] += g.weights[i];
    }
  }
  Csr& a = next.adjacency;
  a.offsets.assign(k + 1, 0);
  for (uint32_t c = 0; c < k; ++c) {
    std::vector<std::pair<uint32_t, double>> row(rows[c].begin(), rows[c].end());
    std::sort(row.begin(), row.end());
    for (const auto& [to, w] : row) {
      a.targets.push_back(to);
      a.weights.push_back(w);
    }
    a.offsets[c + 1] = a.targets.size();
  }
  return next;
}

}  // namespace

double modularity(const Csr& g, const std::vector<uint32_t>& membership) {
  const size_t n = g.node_count();
  double total = 0;
  std::unordered_map<uint32_t, double> inside, degree_sum;
  for (uint32_t v = 0; v < n; ++v) {
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      total += g.weights[i];
      degree_sum[membership[v]] += g.weights[i];
      if (membership[g.targets[i]] == membership[v]) inside[membership[v]] += g.weights[i];
    }
  }
  if (total == 0) return 0;
  double q = 0;
  for (const auto& [c, d] : degree_sum) q += inside[c] / total - (d / total) * (d / total);
  return q;
}

Communities louvain(const Csr& g, uint64_t seed) {
  const size_t n = g.node_count();
  Communities result;
  result.membership.resize(n);
  std::iota(result.membership.begin(), result.membership.end(), 0u);
  double total = std::accumulate(g.weights.begin(), g.weights.end(), 0.0);
  if (n == 0 || total == 0) {
    result.count = n;
    return result;
  }
  std::mt19937_64 rng(seed);
  Level level{g, std::vector<double>(n, 0)};
  for (int depth = 0; depth < 32; ++depth) {
    std::vector<uint32_t> community;
    bool moved = move_nodes(level, total, rng, &community);
    size_t k = 1 + *std::max_element(community.begin(), community.end());
    for (uint32_t& c : result.membership) c = community[c];
    if (!moved || k == level.adjacency.node_count()) break;
    level = aggregate(level, community, k);
  }
  // Number communities by size, largest first (ties by lowest member).
  std::unordered_map<uint32_t, size_t> size;
  for (uint32_t c : result.membership) ++size[c];
  std::vector<uint32_t> ids;
  for (const auto& [c, s] : size) ids.push_back(c);
  std::unordered_map<uint32_t, uint32_t> lowest;
  for (uint32_t v = static_cast<uint32_t>(n); v-- > 0;) lowest[result.membership[v]] = v;
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : lowest[a] < lowest[b];
  });
  std::unordered_map<uint32_t, uint32_t> rank;
  for (uint32_t i = 0; i < ids.size(); ++i) rank[ids[i]] = i;
  for (uint32_t& c : result.membership) c = rank[c];
  result.count = ids.size();
  result.modularity = modularity(g, result.membership);
  return result;
}

}  // namespace newsgraph::graph
