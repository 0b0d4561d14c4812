// Moves nodes apart where their discs overlap, as little as it takes, so a picture
// drawn with each node at its size shows every node: after a force layout, the leaves
// of a hub and the members of a tight cluster pile up on one spot. Deterministic.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace newsgraph::exporter {

// Node v is a disc of diameter `diameter[v]` at pos[v]; two discs should keep `margin`
// between them. Each pass finds the overlapping pairs on a grid and moves both nodes of
// each pair apart along the line between them, the smaller node further, by the overlap
// (a pass moves a node at most by its largest overlap); it stops after `passes` or once
// no two discs overlap (pairs closer than the margin but not touching may stay).
// Returns how many pairs of discs overlapped in the last pass (0: none).
// O(passes * V log V) for nodes of similar sizes.
size_t remove_overlaps(std::vector<std::pair<double, double>>& pos, const std::vector<double>& diameter, double margin,
                       int passes);

}  // namespace newsgraph::exporter
