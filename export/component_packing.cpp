#include "export/component_packing.h"

#include <algorithm>
#include <cmath>

namespace newsgraph::exporter {

std::vector<std::pair<double, double>> pack_on_shelves(const std::vector<Box>& boxes, double gap) {
  std::vector<std::pair<double, double>> corner(boxes.size());
  if (boxes.empty()) return corner;
  double area = 0, widest = 0;
  for (const Box& b : boxes) {
    area += (b.width + gap) * (b.height + gap);
    widest = std::max(widest, b.width);
  }
  const double row_width = std::max(widest, std::sqrt(area));
  double x = 0, top = 0, row_height = -1, right = 0;
  for (size_t i = 0; i < boxes.size(); ++i) {
    const Box& b = boxes[i];
    if (row_height < 0 || x + b.width > row_width + 1e-9) {  // a new row under the last
      if (row_height >= 0) top -= row_height + gap;
      x = 0;
      row_height = b.height;
    }
    row_height = std::max(row_height, b.height);
    corner[i] = {x, top - b.height};
    x += b.width + gap;
    right = std::max(right, x - gap);
  }
  const double bottom = top - row_height;
  const double shift_x = -right / 2, shift_y = -bottom / 2;  // the whole spans [0, right] x [bottom, 0]
  for (auto& [cx, cy] : corner) {
    cx += shift_x;
    cy += shift_y;
  }
  return corner;
}

}  // namespace newsgraph::exporter
