#include "graph/statistics.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace newsgraph::graph {
namespace {

class Stopwatch {
 public:
  double lap() {
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

std::vector<RankedEntity> top_by(const GraphView& g, const std::vector<double>& value, size_t top) {
  std::vector<uint32_t> order(value.size());
  std::iota(order.begin(), order.end(), 0u);
  size_t k = std::min(top, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(k), order.end(),
                    [&](uint32_t a, uint32_t b) {
                      return value[a] != value[b] ? value[a] > value[b] : g.nodes()[a].id < g.nodes()[b].id;
                    });
  std::vector<RankedEntity> out;
  for (size_t i = 0; i < k; ++i) out.push_back({g.nodes()[order[i]].id, g.nodes()[order[i]].label, value[order[i]]});
  return out;
}

size_t largest(const std::vector<uint32_t>& component, size_t count) {
  std::vector<size_t> size(count, 0);
  for (uint32_t c : component) ++size[c];
  return size.empty() ? 0 : *std::max_element(size.begin(), size.end());
}

DegreeSummary summarise(std::vector<double> degree) {
  DegreeSummary s;
  if (degree.empty()) return s;
  for (double d : degree) s.isolated += d == 0;
  s.mean = std::accumulate(degree.begin(), degree.end(), 0.0) / double(degree.size());
  std::sort(degree.begin(), degree.end());
  s.min = uint64_t(degree.front());
  s.max = uint64_t(degree.back());
  s.median = uint64_t(degree[degree.size() / 2]);
  s.p90 = uint64_t(degree[std::min(degree.size() - 1, degree.size() * 9 / 10)]);
  return s;
}

}  // namespace

GraphStatistics compute_statistics(const GraphView& g, const StatisticsOptions& options) {
  GraphStatistics s;
  Stopwatch watch;
  const Csr& und = g.undirected();
  const size_t n = g.node_count();
  s.nodes = n;
  s.edges = g.edges().size();
  s.connected_pairs = und.edge_count() / 2;
  for (const NodeInfo& node : g.nodes()) ++s.nodes_by_type[entity_type_name(node.type)];
  for (const EdgeInfo& e : g.edges()) ++s.edges_by_predicate[predicate_name(e.predicate)];
  s.density = n > 1 ? double(s.connected_pairs) / (double(n) * double(n - 1) / 2) : 0;
  std::vector<double> degree(n), weighted(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    degree[v] = double(und.degree(v));
    for (uint64_t i = und.offsets[v]; i < und.offsets[v + 1]; ++i) weighted[v] += und.weights[i];
  }
  s.degree = summarise(degree);
  s.top_degree = top_by(g, degree, options.top);
  s.top_weighted_degree = top_by(g, weighted, options.top);
  s.seconds["degree"] = watch.lap();

  std::vector<uint32_t> component;
  s.weak_components = weak_components(und, &component);
  s.largest_weak = largest(component, s.weak_components);
  s.seconds["weak_components"] = watch.lap();
  s.strong_components = strong_components(g.directed(), &component);
  s.largest_strong = largest(component, s.strong_components);
  s.seconds["strong_components"] = watch.lap();

  s.top_pagerank = top_by(g, pagerank(g.directed()), options.top);
  s.seconds["pagerank"] = watch.lap();

  BetweennessOptions b = options.betweenness;
  b.seed = options.seed;
  Betweenness between = betweenness(und, b);
  s.top_betweenness = top_by(g, between.values, options.top);
  s.betweenness_exact = between.exact;
  s.betweenness_sources = between.sources;
  s.betweenness_error = between.relative_error;
  s.seconds["betweenness"] = watch.lap();

  s.clustering = clustering(und);
  s.seconds["clustering"] = watch.lap();
  s.paths = path_summary(und, options.exact_paths_limit, options.path_samples, options.seed);
  s.seconds["paths"] = watch.lap();

  Communities c = louvain(und, options.seed);
  s.communities = c.count;
  s.modularity = c.modularity;
  std::vector<std::vector<uint32_t>> members(std::min<size_t>(c.count, 5));
  for (uint32_t v = 0; v < n; ++v)
    if (c.membership[v] < members.size()) members[c.membership[v]].push_back(v);
  for (auto& m : members) {
    std::sort(m.begin(), m.end(), [&](uint32_t a, uint32_t b) {
      return degree[a] != degree[b] ? degree[a] > degree[b] : g.nodes()[a].id < g.nodes()[b].id;
    });
    CommunitySummary summary{m.size(), {}};
    for (size_t i = 0; i < m.size() && i < 5; ++i) summary.top_labels.push_back(g.nodes()[m[i]].label);
    s.largest_communities.push_back(summary);
  }
  s.seconds["communities"] = watch.lap();
  return s;
}

}  // namespace newsgraph::graph
