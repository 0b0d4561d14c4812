#include "graph/traversal.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace newsgraph::graph {

constexpr uint32_t kUnseen = UINT32_MAX;

// What a spur search of Yen's algorithm may not use: the root path's nodes and the
// next hops of paths already found with the same root.
struct Traversal::Bans {
  std::vector<char> nodes;
  std::set<std::pair<uint32_t, uint32_t>> pairs;  // (min, max)
  bool pair(uint32_t a, uint32_t b) const { return !pairs.empty() && pairs.count(std::minmax(a, b)) > 0; }
};

Traversal::Traversal(const GraphView& view) : view_(view) {
  const auto& edges = view.edges();
  offsets_.assign(view.node_count() + 1, 0);
  for (const EdgeInfo& e : edges) {
    ++offsets_[e.source + 1];
    if (e.target != e.source) ++offsets_[e.target + 1];
  }
  for (size_t v = 0; v < view.node_count(); ++v) offsets_[v + 1] += offsets_[v];
  incident_.resize(offsets_.back());
  std::vector<uint64_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (uint32_t i = 0; i < edges.size(); ++i) {
    incident_[fill[edges[i].source]++] = i;
    if (edges[i].target != edges[i].source) incident_[fill[edges[i].target]++] = i;
  }
}

EgoNetwork Traversal::ego(uint32_t center, uint32_t depth, size_t max_nodes, const EdgeFilter& filter) const {
  const auto& edges = view_.edges();
  EgoNetwork out;
  std::vector<uint32_t> hop(view_.node_count(), kUnseen);
  hop[center] = 0;
  out.nodes.push_back(center);
  out.hops.push_back(0);
  std::vector<uint32_t> frontier{center};
  for (uint32_t d = 1; d <= depth && !frontier.empty() && out.nodes.size() < max_nodes; ++d) {
    std::unordered_map<uint32_t, uint64_t> tie;  // candidate -> weight of its edges to the frontier
    for (uint32_t u : frontier) {
      for (uint64_t i = offsets_[u]; i < offsets_[u + 1]; ++i) {
        const EdgeInfo& e = edges[incident_[i]];
        uint32_t v = e.source == u ? e.target : e.source;
        if (hop[v] != kUnseen || !filter.accepts(e)) continue;
        tie[v] += e.weight;
      }
    }
    std::vector<std::pair<uint32_t, uint64_t>> next(tie.begin(), tie.end());
    std::sort(next.begin(), next.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    size_t room = max_nodes - out.nodes.size();
    if (next.size() > room) {
      next.resize(room);
      out.truncated = true;
    }
    frontier.clear();
    for (const auto& [v, weight] : next) {
      hop[v] = d;
      out.nodes.push_back(v);
      out.hops.push_back(d);
      frontier.push_back(v);
    }
  }
  for (uint32_t u : out.nodes) {
    for (uint64_t i = offsets_[u]; i < offsets_[u + 1]; ++i) {
      const EdgeInfo& e = edges[incident_[i]];
      if (e.source == u && hop[e.target] != kUnseen && filter.accepts(e)) out.edges.push_back(incident_[i]);
    }
  }
  std::sort(out.edges.begin(), out.edges.end());
  return out;
}

std::vector<uint32_t> Traversal::search(uint32_t from, uint32_t to, uint32_t max_hops, const EdgeFilter& filter,
                                        const Bans& bans) const {
  const auto& edges = view_.edges();
  std::vector<uint32_t> parent(view_.node_count(), kUnseen);
  parent[from] = from;
  std::vector<uint32_t> frontier{from}, next;
  for (uint32_t d = 0; d < max_hops && !frontier.empty() && parent[to] == kUnseen; ++d) {
    next.clear();
    for (uint32_t u : frontier) {
      for (uint64_t i = offsets_[u]; i < offsets_[u + 1]; ++i) {
        const EdgeInfo& e = edges[incident_[i]];
        uint32_t v = e.source == u ? e.target : e.source;
        if (parent[v] != kUnseen || bans.nodes[v] || !filter.accepts(e) || bans.pair(u, v)) continue;
        parent[v] = u;
        next.push_back(v);
      }
    }
    frontier.swap(next);
  }
  if (parent[to] == kUnseen) return {};
  std::vector<uint32_t> path{to};
  while (path.back() != from) path.push_back(parent[path.back()]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<uint32_t> Traversal::edges_between(uint32_t a, uint32_t b, const EdgeFilter& filter) const {
  const auto& edges = view_.edges();
  // Walk the shorter incidence list.
  uint32_t u = offsets_[a + 1] - offsets_[a] <= offsets_[b + 1] - offsets_[b] ? a : b;
  uint32_t other = u == a ? b : a;
  std::vector<uint32_t> out;
  for (uint64_t i = offsets_[u]; i < offsets_[u + 1]; ++i) {
    const EdgeInfo& e = edges[incident_[i]];
    if ((e.source == other || e.target == other) && filter.accepts(e)) out.push_back(incident_[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

uint64_t Traversal::strength(const std::vector<uint32_t>& path, const EdgeFilter& filter) const {
  uint64_t total = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i)
    for (uint32_t e : edges_between(path[i], path[i + 1], filter)) total += view_.edges()[e].weight;
  return total;
}

std::vector<NodePath> Traversal::shortest_paths(uint32_t from, uint32_t to, size_t k, uint32_t max_hops,
                                                const EdgeFilter& filter) const {
  std::vector<std::vector<uint32_t>> found;
  if (k == 0 || from == to || max_hops == 0) return {};
  Bans bans;
  bans.nodes.assign(view_.node_count(), 0);
  std::vector<uint32_t> first = search(from, to, max_hops, filter, bans);
  if (first.empty()) return {};
  found.push_back(std::move(first));
  // Candidates by (hops, path) so the choice among equals is deterministic.
  std::set<std::pair<size_t, std::vector<uint32_t>>> candidates;
  while (found.size() < k) {
    const std::vector<uint32_t> last = found.back();
    for (size_t i = 0; i + 1 < last.size(); ++i) {
      uint32_t spur = last[i];
      std::vector<uint32_t> root(last.begin(), last.begin() + static_cast<ptrdiff_t>(i) + 1);
      bans.pairs.clear();
      for (const auto& p : found)
        if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin())) bans.pairs.insert(std::minmax(p[i], p[i + 1]));
      for (size_t j = 0; j < i; ++j) bans.nodes[root[j]] = 1;
      std::vector<uint32_t> rest = search(spur, to, max_hops - static_cast<uint32_t>(i), filter, bans);
      for (size_t j = 0; j < i; ++j) bans.nodes[root[j]] = 0;
      if (rest.empty()) continue;
      root.insert(root.end(), rest.begin() + 1, rest.end());
      if (std::find(found.begin(), found.end(), root) == found.end()) candidates.emplace(root.size(), root);
    }
    if (candidates.empty()) break;
    found.push_back(candidates.begin()->second);
    candidates.erase(candidates.begin());
  }
  std::vector<NodePath> out;
  for (auto& p : found) out.push_back({std::move(p), 0});
  for (NodePath& p : out) p.strength = strength(p.nodes, filter);
  std::stable_sort(out.begin(), out.end(), [](const NodePath& a, const NodePath& b) {
    return a.nodes.size() != b.nodes.size() ? a.nodes.size() < b.nodes.size() : a.strength > b.strength;
  });
  return out;
}

}  // namespace newsgraph::graph
