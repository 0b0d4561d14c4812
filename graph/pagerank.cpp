// PageRank by Gauss-Seidel sweeps, on one thread or split in two halves: see algorithms.h.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

#include "core/joining_thread.h"
#include "graph/algorithms.h"

namespace newsgraph::graph {
namespace {

// The transpose of the graph (arcs pulled along), and each node's total out-weight.
struct InArcs {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> sources;
  std::vector<double> weights;
  std::vector<double> out_weight;
};

InArcs transpose(const Csr& g) {  // counting sort, O(E)
  const size_t n = g.node_count();
  InArcs in;
  in.offsets.assign(n + 1, 0);
  for (uint32_t t : g.targets) ++in.offsets[t + 1];
  for (size_t v = 0; v < n; ++v) in.offsets[v + 1] += in.offsets[v];
  in.sources.resize(g.targets.size());
  in.weights.resize(g.targets.size());
  in.out_weight.assign(n, 0.0);
  std::vector<uint64_t> fill(in.offsets.begin(), in.offsets.end() - 1);
  for (uint32_t u = 0; u < n; ++u)
    for (uint64_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
      uint64_t slot = fill[g.targets[i]]++;
      in.sources[slot] = u;
      in.weights[slot] = g.weights[i];
      in.out_weight[u] += g.weights[i];
    }
  return in;
}

// What one sweep over a range of nodes needs. share[u] = rank[u] / out(u) for the nodes
// with out-arcs; the mass of dangling nodes (none) is spread evenly.
struct SweepState {
  const InArcs& in;
  double damping, teleport, n;
  std::vector<double>& rank;  // each range writes only its own nodes
};

// Updates the nodes in [begin, end) in order, each new value used at once by the nodes
// after it (Gauss-Seidel), which converges in far fewer sweeps than power iteration.
// `own_dangling` is the dangling mass inside the range, kept current; `other_dangling`
// the mass outside it. Returns the L1 change.
double sweep(const SweepState& s, size_t begin, size_t end, std::vector<double>& share, double& own_dangling,
             double other_dangling) {
  // The arrays are read through pointers taken once for the whole range.
  const uint64_t* offsets = s.in.offsets.data();
  const uint32_t* sources = s.in.sources.data();
  const double* weights = s.in.weights.data();
  const double* out_weight = s.in.out_weight.data();
  double* rank = s.rank.data();
  double* shares = share.data();
  double dangling_mass = own_dangling, change = 0;
  for (size_t v = begin; v < end; ++v) {
    double pulled = 0;
    for (uint64_t i = offsets[v]; i < offsets[v + 1]; ++i) pulled += shares[sources[i]] * weights[i];
    const bool dangling = out_weight[v] == 0;
    double others = dangling_mass + other_dangling - (dangling ? rank[v] : 0);  // not pulled from itself
    double updated = s.teleport + s.damping * (pulled + others / s.n);
    if (dangling) updated /= 1.0 - s.damping / s.n;
    change += std::fabs(updated - rank[v]);
    if (dangling) dangling_mass += updated - rank[v];
    else shares[v] = updated / out_weight[v];
    rank[v] = updated;
  }
  own_dangling = dangling_mass;
  return change;
}

// Two parties meet here once per phase. Spins with yields: a phase is a fraction of a
// millisecond.
class SpinBarrier {
 public:
  void arrive_and_wait() {
    unsigned generation = generation_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) == 1) {
      arrived_.store(0, std::memory_order_relaxed);
      generation_.fetch_add(1, std::memory_order_release);
      return;
    }
    while (generation_.load(std::memory_order_acquire) == generation) std::this_thread::yield();
  }

 private:
  std::atomic<unsigned> arrived_{0}, generation_{0};
};

// The node where the in-arcs are split in half, so both threads do the same work.
size_t middle_by_arcs(const InArcs& in) {
  const uint64_t half = in.offsets.back() / 2;
  return static_cast<size_t>(std::upper_bound(in.offsets.begin(), in.offsets.end(), half) - in.offsets.begin()) - 1;
}

}  // namespace

std::vector<double> pagerank(const Csr& g, double damping, double tolerance, int max_iterations,
                             size_t parallel_above) {
  const size_t n = g.node_count();
  if (n == 0) return {};
  const InArcs in = transpose(g);
  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), share(n);
  double dangling_mass[2] = {0, 0};  // below and above the split
  const size_t middle = g.edge_count() > parallel_above ? middle_by_arcs(in) : n;
  for (size_t v = 0; v < n; ++v) {
    share[v] = in.out_weight[v] > 0 ? rank[v] / in.out_weight[v] : 0;
    if (in.out_weight[v] == 0) dangling_mass[v < middle ? 0 : 1] += rank[v];
  }
  const SweepState state{in, damping, (1.0 - damping) / static_cast<double>(n), static_cast<double>(n), rank};
  if (middle == n) {
    for (int i = 0; i < max_iterations; ++i)
      if (sweep(state, 0, n, share, dangling_mass[0], 0) < tolerance) break;
  } else {
    // Each half is swept by its own thread in Gauss-Seidel order, reading the other
    // half as it stood at the end of the previous sweep (its own copy of `share`,
    // refreshed between sweeps). The result depends on the graph only, not on timing.
    std::vector<double> upper_share = share;
    double change[2] = {0, 0}, published[2] = {dangling_mass[0], dangling_mass[1]};
    SpinBarrier barrier;
    auto run = [&](int part, std::vector<double>& own_share) {
      const size_t begin = part == 0 ? 0 : middle, end = part == 0 ? middle : n;
      const size_t other_begin = part == 0 ? middle : 0, other_end = part == 0 ? n : middle;
      const std::vector<double>& other_share = part == 0 ? upper_share : share;
      for (int i = 0; i < max_iterations; ++i) {
        change[part] = sweep(state, begin, end, own_share, dangling_mass[part], published[1 - part]);
        barrier.arrive_and_wait();
        std::copy(other_share.begin() + other_begin, other_share.begin() + other_end,
                  own_share.begin() + other_begin);
        published[1 - part] = dangling_mass[1 - part];
        const double total_change = change[0] + change[1];
        barrier.arrive_and_wait();  // both copies and reads are done before the next sweep writes
        if (total_change < tolerance) break;
      }
    };
    JoiningThread upper(run, 1, std::ref(upper_share));
    run(0, share);
  }
  double sum = std::accumulate(rank.begin(), rank.end(), 0.0);
  for (double& r : rank) r /= sum;
  return rank;
}

}  // namespace newsgraph::graph
