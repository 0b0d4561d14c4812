// Generated graphs for benchmarks: synthetic articles of ten relations each between
// entities of heavy-tailed popularity, ingested into a store like real ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

namespace newsgraph::bench {

// Parses "100000,1000000"; throws std::invalid_argument on a bad number.
std::vector<size_t> parse_sizes(const std::string& list);

// Ingests about `edges` relations among `nodes` entities and prints the ingest rate.
void ingest_generated(store::Store& store, size_t edges, size_t nodes, uint64_t seed);

}  // namespace newsgraph::bench
