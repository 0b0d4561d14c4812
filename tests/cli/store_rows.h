// A store's content as rows that name what they stand for (entity ids, article ids, an
// article entity's local id) instead of the numbers its rows were given, so that two
// stores written in different ways can be compared table by table.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace newsgraph::testing {

// Table -> its rows, sorted. Every table `ingest` and `merge` write, but the time of
// ingest; co-occurrence blobs decoded; and relations' keys ("edge ids": exports show
// them). REQUIREs that the file opens and reads.
using Rows = std::map<std::string, std::vector<std::string>>;
Rows natural_rows(const std::string& path);

// The tables that differ, each with a row of either side that the other lacks; "" when
// none does.
std::string differences(const Rows& a, const Rows& b);

// What the sqlite3 shell prints for `query` on the store at `db`.
std::string sql(const std::string& db, const std::string& query);

// "1\n" while the store is marked out of canonical order, "0\n" once put back in it.
std::string order_mark(const std::string& db);

}  // namespace newsgraph::testing
