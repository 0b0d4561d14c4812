// Generated graphs for benchmarks: synthetic articles of ten relations each between
// entities of heavy-tailed popularity, ingested into a store like real ones.
#pragma once

#include <cstddef>
#include <cstdint>

#include "graph/store.h"

namespace newsgraph::bench {

// Ingests about `edges` relations among `nodes` entities and prints the ingest rate.
void ingest_generated(graph::Store& store, size_t edges, size_t nodes, uint64_t seed);

}  // namespace newsgraph::bench
