// A uniform grid over points (node positions) for neighbour searches in the layout: the
// points sorted by cell, each occupied cell's run of them found by hash, so memory
// follows the points, not the area. Cells are `cell` wide, anchored at the origin; a
// cell is named by its column and row (coordinate()). Rebuild after the points move.
// Column and row are kept to 32 bits each in a cell's key, so cells 2^32 apart share one:
// a visit may then also see the other cell's points, which only adds candidates.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsgraph::exporter {

struct PointGrid {
  double cell = 1;
  std::vector<uint32_t> nodes;  // in cell order
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> runs;  // cell -> [begin, end) in nodes

  static uint64_t key(int64_t x, int64_t y) {
    return (static_cast<uint64_t>(x + (int64_t{1} << 31)) << 32) | static_cast<uint32_t>(y + (int64_t{1} << 31));
  }
  int64_t coordinate(double c) const { return static_cast<int64_t>(std::floor(c / cell)); }

  // Sorts the points into their cells. O(n log n).
  void build(const std::vector<std::pair<double, double>>& pos) {
    const size_t n = pos.size();
    std::vector<uint64_t> of(n);
    for (size_t v = 0; v < n; ++v) of[v] = key(coordinate(pos[v].first), coordinate(pos[v].second));
    nodes.resize(n);
    std::iota(nodes.begin(), nodes.end(), 0);
    std::sort(nodes.begin(), nodes.end(), [&](uint32_t a, uint32_t b) { return of[a] != of[b] ? of[a] < of[b] : a < b; });
    runs.clear();
    runs.reserve(n);
    for (uint32_t k = 0; k < n;) {
      uint32_t end = k;
      while (end < n && of[nodes[end]] == of[nodes[k]]) ++end;
      runs.emplace(of[nodes[k]], std::make_pair(k, end));
      k = end;
    }
  }

  // visit(point) for each point in cell (x, y).
  template <class Visit>
  void each_in(int64_t x, int64_t y, Visit&& visit) const {
    auto run = runs.find(key(x, y));
    if (run == runs.end()) return;
    for (uint32_t k = run->second.first; k < run->second.second; ++k) visit(nodes[k]);
  }
};

}  // namespace newsgraph::exporter
