// Renders GraphStatistics (and optionally GraphQuality) as one JSON object, the shape
// `newsgraph stats --json` and `GET /api/v1/stats` share, or as a readable table.
#pragma once

#include <ostream>
#include <string>

#include "graph/statistics.h"
#include "store/quality.h"

namespace newsgraph::graph {

// Keys: nodes, edges, connected_pairs, density, nodes_by_type, edges_by_predicate,
// components{weak, largest_weak, strong, largest_strong}, degree{...},
// top{degree, weighted_degree, pagerank, betweenness} as [{id, label, value}],
// betweenness{exact, sources, relative_error}, clustering{average, global, triangles},
// paths{diameter, average_length, exact, sources}, communities{count, modularity, largest},
// seconds{...}; quality{...} when `quality` is given; canonical_order when s has it. The
// table says only when the store is out of canonical order.
std::string statistics_json(const GraphStatistics& s, const store::GraphQuality* quality);

void write_statistics_table(const GraphStatistics& s, const store::GraphQuality* quality, std::ostream& out);

}  // namespace newsgraph::graph
