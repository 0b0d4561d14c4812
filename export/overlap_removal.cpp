#include "export/overlap_removal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "export/point_grid.h"

namespace newsgraph::exporter {
namespace {

using Point = std::pair<double, double>;

}  // namespace

size_t remove_overlaps(std::vector<Point>& pos, const std::vector<double>& diameter, double margin, int passes) {
  const size_t n = pos.size();
  if (n < 2) return 0;
  // Cells as wide as a large usual node (the 95th percentile). A node no larger looks in
  // the cells next to its own for nodes no larger either; a larger node looks as far as
  // its size reaches and takes every pair it is in, so each pair is met once.
  std::vector<double> sorted(diameter.begin(), diameter.end());
  std::sort(sorted.begin(), sorted.end());
  PointGrid grid;
  const double usual_large = sorted[std::min(n - 1, n * 95 / 100)];
  grid.cell = std::max(usual_large + margin, 1e-9);
  const double largest = sorted.back();
  auto is_large = [&](uint32_t v) { return diameter[v] > usual_large; };
  std::vector<Point> move(n);
  std::vector<double> moved(n);
  size_t overlapping = 0;
  for (int pass = 0; pass < passes; ++pass) {
    grid.build(pos);
    std::fill(move.begin(), move.end(), Point{0, 0});
    std::fill(moved.begin(), moved.end(), 0.0);
    overlapping = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const bool large = is_large(i);
      const double reach = (diameter[i] + (large ? largest : usual_large)) / 2 + margin;
      const int64_t x0 = grid.coordinate(pos[i].first - reach), x1 = grid.coordinate(pos[i].first + reach);
      const int64_t y0 = grid.coordinate(pos[i].second - reach), y1 = grid.coordinate(pos[i].second + reach);
      for (int64_t y = y0; y <= y1; ++y)
        for (int64_t x = x0; x <= x1; ++x)
          grid.each_in(x, y, [&](uint32_t j) {
            if (j == i) return;
            if (is_large(j) ? !large || j < i : !large && j < i) return;  // the pair is taken from the other side
            double dx = pos[j].first - pos[i].first, dy = pos[j].second - pos[i].second;
            const double need = (diameter[i] + diameter[j]) / 2 + margin;
            const double d2 = dx * dx + dy * dy;
            if (d2 >= need * need) return;
            const double touching = (diameter[i] + diameter[j]) / 2;
            overlapping += d2 < touching * touching;  // the margin is wanted, a true overlap is not
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
