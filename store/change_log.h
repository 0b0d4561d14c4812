// The store's change log: table `changes`, one row per write (per meta('version') step)
// naming the entities it touched, so the server expires only the answers a write could
// have changed. Rows older than kChangesKept versions are pruned. bump_version() and
// changes_between() (store_internal.h, queries.h) are its interface; this header holds
// the row format. Internal to store/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::store {

// How many versions back the log reaches.
constexpr int64_t kChangesKept = 4096;

// Entity keys, sorted and made distinct, as varint differences; decode returns false on
// bytes encode did not write.
std::string encode_changed_entities(std::vector<int64_t> keys);
bool decode_changed_entities(std::string_view bytes, std::vector<int64_t>* out);

}  // namespace newsgraph::store
