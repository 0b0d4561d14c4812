// Louvain community detection (Blondel et al. 2008): local moving of nodes to the
// neighbouring community with the best modularity gain, then aggregation of each
// community into one node, repeated while modularity improves. See algorithms.h.
#include <algorithm>
#include <numeric>
#include <random>

#include "graph/algorithms.h"

namespace newsgraph::graph {
namespace {

// A weighted undirected graph at one level; `loops` holds each node's self weight
// (the weight inside the community it stands for, counted in both directions).
struct Level {
  Csr adjacency;
  std::vector<double> loops;
};

// Local moving; returns each node's community (0..k-1) and whether any node moved.
// Nodes wait in a queue, in random order at first; a node that moves puts back the
// neighbours it left outside its new community, since only their choice can have
// changed. Each move raises modularity, so this ends; `max_visits` bounds it anyway.
bool move_nodes(const Level& level, double total, std::mt19937_64& rng, std::vector<uint32_t>* community) {
  const Csr& g = level.adjacency;
  const size_t n = g.node_count();
  std::vector<double> strength(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    strength[v] = level.loops[v];
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) strength[v] += g.weights[i];
  }
  std::vector<uint32_t>& member_of = *community;
  member_of.resize(n);
  std::iota(member_of.begin(), member_of.end(), 0u);
  std::vector<double> community_total = strength;  // each node starts alone
  std::vector<uint32_t> queue(n);  // a ring: each node is in it at most once
  std::iota(queue.begin(), queue.end(), 0u);
  std::shuffle(queue.begin(), queue.end(), rng);
  std::vector<char> queued(n, 1);
  size_t head = 0, waiting = n;
  const uint64_t max_visits = 32 * static_cast<uint64_t>(n);
  std::vector<double> link(n, 0);
  std::vector<uint32_t> touched;
  bool any_move = false;
  for (uint64_t visit = 0; waiting > 0 && visit < max_visits; ++visit) {
    const uint32_t v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --waiting;
    queued[v] = 0;
    const uint32_t own = member_of[v];
    touched.clear();
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      uint32_t c = member_of[g.targets[i]];
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
    for (uint32_t c : touched) link[c] = 0;
    link[own] = 0;
    if (best == own) continue;
    member_of[v] = best;
    any_move = true;
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      uint32_t w = g.targets[i];
      if (queued[w] || member_of[w] == best) continue;
      queued[w] = 1;
      queue[(head + waiting) % n] = w;
      ++waiting;
    }
  }
  // Renumber 0..k-1 in order of first appearance.
  std::vector<uint32_t> number(n, UINT32_MAX);
  uint32_t k = 0;
  for (uint32_t& c : member_of) {
    if (number[c] == UINT32_MAX) number[c] = k++;
    c = number[c];
  }
  return any_move;
}

// Each community becomes one node; arcs between communities are summed and arcs inside
// one become its loop weight. O(E).
Level aggregate(const Level& level, const std::vector<uint32_t>& community, size_t k) {
  const Csr& g = level.adjacency;
  const size_t n = g.node_count();
  std::vector<uint32_t> start(k + 1, 0), members(n);  // the nodes of each community
  for (uint32_t c : community) ++start[c + 1];
  for (size_t c = 0; c < k; ++c) start[c + 1] += start[c];
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t v = 0; v < n; ++v) members[fill[community[v]]++] = v;
  }
  Level next;
  next.loops.assign(k, 0);
  Csr& a = next.adjacency;
  a.offsets.assign(k + 1, 0);
  std::vector<double> link(k, 0);
  std::vector<uint32_t> touched;
  for (uint32_t c = 0; c < k; ++c) {
    touched.clear();
    for (uint32_t m = start[c]; m < start[c + 1]; ++m) {
      const uint32_t v = members[m];
      next.loops[c] += level.loops[v];
      for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        uint32_t cw = community[g.targets[i]];
        if (cw == c) {
          next.loops[c] += g.weights[i];
          continue;
        }
        if (link[cw] == 0) touched.push_back(cw);
        link[cw] += g.weights[i];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t cw : touched) {
      a.targets.push_back(cw);
      a.weights.push_back(link[cw]);
      link[cw] = 0;
    }
    a.offsets[c + 1] = a.targets.size();
  }
  return next;
}

}  // namespace

double modularity(const Csr& g, const std::vector<uint32_t>& membership) {
  const size_t n = g.node_count();
  double total = 0;
  const size_t communities = membership.empty() ? 0 : 1 + *std::max_element(membership.begin(), membership.end());
  std::vector<double> inside(communities, 0), degree_sum(communities, 0);
  for (uint32_t v = 0; v < n; ++v) {
    const uint32_t c = membership[v];
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      total += g.weights[i];
      degree_sum[c] += g.weights[i];
      if (membership[g.targets[i]] == c) inside[c] += g.weights[i];
    }
  }
  if (total == 0) return 0;
  double q = 0;
  for (size_t c = 0; c < communities; ++c) q += inside[c] / total - (degree_sum[c] / total) * (degree_sum[c] / total);
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
  const size_t k = 1 + *std::max_element(result.membership.begin(), result.membership.end());
  std::vector<size_t> size(k, 0);
  std::vector<uint32_t> lowest(k, UINT32_MAX);
  for (uint32_t v = 0; v < n; ++v) {
    uint32_t c = result.membership[v];
    ++size[c];
    lowest[c] = std::min(lowest[c], v);
  }
  std::vector<uint32_t> ids;
  for (uint32_t c = 0; c < k; ++c)
    if (size[c] > 0) ids.push_back(c);
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : lowest[a] < lowest[b];
  });
  std::vector<uint32_t> rank(k, 0);
  for (uint32_t i = 0; i < ids.size(); ++i) rank[ids[i]] = i;
  for (uint32_t& c : result.membership) c = rank[c];
  result.count = ids.size();
  result.modularity = modularity(g, result.membership);
  return result;
}

}  // namespace newsgraph::graph
