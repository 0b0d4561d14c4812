// Betweenness: see algorithms.h.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <thread>

#include "graph/algorithms.h"

namespace newsgraph::graph {

namespace {

// Brandes from each source in [begin, end) of `sources`, accumulated into `out`.
void brandes(const Csr& g, const std::vector<uint32_t>& sources, size_t begin, size_t end,
             std::vector<double>* out) {
  const size_t n = g.node_count();
  std::vector<int32_t> dist(n, -1);
  std::vector<double> sigma(n, 0), delta(n, 0);
  std::vector<uint32_t> order;
  order.reserve(n);
  std::vector<double>& bc = *out;
  for (size_t k = begin; k < end; ++k) {
    uint32_t s = sources[k];
    order.clear();
    order.push_back(s);
    dist[s] = 0;
    sigma[s] = 1;
    for (size_t head = 0; head < order.size(); ++head) {
      uint32_t v = order[head];
      for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        uint32_t w = g.targets[i];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t j = order.size(); j-- > 1;) {
      uint32_t w = order[j];
      double coefficient = (1.0 + delta[w]) / sigma[w];
      for (uint64_t i = g.offsets[w]; i < g.offsets[w + 1]; ++i) {
        uint32_t v = g.targets[i];
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] * coefficient;
      }
      bc[w] += delta[w];
    }
    for (uint32_t v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
}

}  // namespace

Betweenness betweenness(const Csr& g, const BetweennessOptions& options) {
  const size_t n = g.node_count();
  Betweenness result;
  result.values.assign(n, 0.0);
  if (n == 0) return result;
  std::vector<uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  result.exact = double(n) * double(g.edge_count()) <= options.max_exact_work || options.samples >= n;
  if (!result.exact) {
    std::mt19937_64 rng(options.seed);
    std::shuffle(sources.begin(), sources.end(), rng);
    sources.resize(options.samples);
    result.relative_error = 1.0 / std::sqrt(double(options.samples));
  }
  result.sources = sources.size();
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, sources.size() / 16)));
  std::vector<std::vector<double>> partial(threads, std::vector<double>(n, 0.0));
  std::vector<std::thread> workers;
  size_t chunk = (sources.size() + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    size_t begin = std::min(sources.size(), t * chunk), end = std::min(sources.size(), begin + chunk);
    workers.emplace_back(brandes, std::cref(g), std::cref(sources), begin, end, &partial[t]);
  }
  for (auto& w : workers) w.join();
  double scale = 0.5 * (result.exact ? 1.0 : double(n) / double(sources.size()));
  for (size_t v = 0; v < n; ++v) {
    double sum = 0;
    for (unsigned t = 0; t < threads; ++t) sum += partial[t][v];
    result.values[v] = sum * scale;
  }
  return result;
}

}  // namespace newsgraph::graph
