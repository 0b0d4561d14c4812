// JSON Lines of articles for the tests of canonical order (merge, ingest in any order):
// real pool articles, articles made from the examples, their canonical order, and
// `newsgraph ingest` run on them.
#pragma once

#include <string>

#include "tests/test_paths.h"
#include <utility>
#include <vector>

namespace newsgraph::testing {

// (published, id) of a JSON line: what its place in canonical order depends on.
std::pair<std::string, std::string> canonical_key(const std::string& line);
// The lines sorted into canonical order (store/canonical_order.h).
std::vector<std::string> in_canonical_order(std::vector<std::string> lines);

// The lines, each ended by a newline.
std::string joined(const std::vector<std::string>& lines);

// `count` lines of ../shared's news pool, every 7th from the start (spread over its
// outlets); empty when ../shared is absent.
std::vector<std::string> pool_lines(size_t count);

// `copies` articles made from the examples, dated over two months, in a shuffled order;
// each names its source, as the pool's articles do (else it is the file read).
std::vector<std::string> example_lines(size_t copies);

// `newsgraph ingest --quiet FLAGS --db DB JSONL`; flags such as "--arrival-order
// --sort-buffer 0" keep the order the file has.
CommandResult ingest_file(const std::string& db, const std::string& jsonl, const std::string& flags = "");

}  // namespace newsgraph::testing
