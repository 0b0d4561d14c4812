// Places boxes (laid-out connected components, the block of isolated nodes) side by side
// on shelves, so a picture shows the largest component big and near the top left, the
// smaller ones in rows after it, and no canvas left empty between them. Deterministic.
#pragma once

#include <utility>
#include <vector>

namespace newsgraph::exporter {

struct Box {
  double width = 0, height = 0;
};

// The lower-left corner for each box, in the order given (put the largest first): rows
// filled left to right with their tops aligned, rows going down; a row is at
// most as wide as the widest box or the square root of the boxes' total area, whichever
// is more, so the whole is near a square. `gap` separates boxes. The whole is centred
// on the origin. O(boxes).
std::vector<std::pair<double, double>> pack_on_shelves(const std::vector<Box>& boxes, double gap);

}  // namespace newsgraph::exporter
