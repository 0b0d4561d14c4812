#include "export/overlap_removal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace newsgraph::exporter {
namespace {

using Point = std::pair<double, double>;

// The nodes sorted by grid cell, and where each cell's run starts: a cell is found by
// binary search over the sorted keys.
struct Grid {
  double cell = 1;
  std::vector<uint64_t> keys;     // sorted, one per node
  std::vector<uint32_t> nodes;    // in key order

  static uint64_t key(int64_t x, int64_t y) {
    return (static_cast<uint64_t>(x + (int64_t{1} << 31)) << 32) | static_cast<uint32_t>(y + (int64_t{1} << 31));
  }
  int64_t coordinate(double c) const { return static_cast<int64_t>(std::floor(c / cell)); }

  void build(const std::vector<Point>& pos) {
    const size_t n = pos.size();
    std::vector<uint64_t> of(n);
    for (size_t v = 0; v < n; ++v) of[v] = key(coordinate(pos[v].first), coordinate(pos[v].second));
    nodes.resize(n);
    std::iota(nodes.begin(), nodes.end(), 0);
    std::sort(nodes.begin(), nodes.end(), [&](uint32_t a, uint32_t b) { return of[a] != of[b] ? of[a] < of[b] : a < b; });
    keys.resize(n);
    for (size_t k = 0; k < n; ++k) keys[k] = of[nodes[k]];
  }

  template <class Visit>
  void each_in(int64_t x, int64_t y, Visit&& visit) const {
    const uint64_t k = key(x, y);
    for (auto it = std::lower_bound(keys.begin(), keys.end(), k); it != keys.end() && *it == k; ++it)
      visit(nodes[static_cast<size_t>(it - keys.begin())]);
  }
};

}  // namespace

size_t remove_overlaps(std::vector<Point>& pos, const std::vector<double>& diameter, double margin, int passes) {
  const size_t n = pos.size();
  if (n < 2) return 0;
  // Cells as wide as a large usual node (the 95th percentile); larger nodes look further.
  std::vector<double> sorted(diameter.begin(), diameter.end());
  std::sort(sorted.begin(), sorted.end());
  Grid grid;
  grid.cell = std::max(sorted[std::min(n - 1, n * 95 / 100)] + margin, 1e-9);
  const double largest = sorted.back();
  std::vector<Point> move(n);
  std::vector<double> moved(n);
  size_t overlapping = 0;
  for (int pass = 0; pass < passes; ++pass) {
    grid.build(pos);
    std::fill(move.begin(), move.end(), Point{0, 0});
    std::fill(moved.begin(), moved.end(), 0.0);
    overlapping = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const double reach = (diameter[i] + largest) / 2 + margin;
      const int64_t x0 = grid.coordinate(pos[i].first - reach), x1 = grid.coordinate(pos[i].first + reach);
      const int64_t y0 = grid.coordinate(pos[i].second - reach), y1 = grid.coordinate(pos[i].second + reach);
      for (int64_t y = y0; y <= y1; ++y)
        for (int64_t x = x0; x <= x1; ++x)
          grid.each_in(x, y, [&](uint32_t j) {
            if (j <= i) return;  // each pair once
            double dx = pos[j].first - pos[i].first, dy = pos[j].second - pos[i].second;
            const double need = (diameter[i] + diameter[j]) / 2 + margin;
            const double d2 = dx * dx + dy * dy;
            if (d2 >= need * need) return;
            ++overlapping;
            double d = std::sqrt(d2);
            if (d < 1e-9) {  // the same spot: a direction set by the pair, spread round the circle
              const double angle = static_cast<double>((i * 2654435761u + j) % 360) * M_PI / 180;
              dx = std::cos(angle);
              dy = std::sin(angle);
              d = 1;
            }
            const double overlap = need - std::sqrt(d2);
            const double total = diameter[i] + diameter[j] + 1e-12;
            const double share_i = diameter[j] / total, share_j = diameter[i] / total;  // the smaller moves more
            move[i].first -= dx / d * overlap * share_i;
            move[i].second -= dy / d * overlap * share_i;
            move[j].first += dx / d * overlap * share_j;
            move[j].second += dy / d * overlap * share_j;
            moved[i] = std::max(moved[i], overlap);
            moved[j] = std::max(moved[j], overlap);
          });
    }
    if (overlapping == 0) break;
    for (size_t v = 0; v < n; ++v) {  // no node moves further than its largest overlap
      const double length = std::hypot(move[v].first, move[v].second);
      const double f = length > moved[v] && length > 0 ? moved[v] / length : 1;
      pos[v].first += move[v].first * f;
      pos[v].second += move[v].second * f;
    }
  }
  return overlapping;
}

}  // namespace newsgraph::exporter
