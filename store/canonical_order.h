// The canonical order of articles, which a store's cross-article merges follow whatever
// order articles arrive in (store_merge.h): by publication date, then id; undated
// articles last (a feed's new articles are often undated: they come after what is stored).
// Header-only; thread-safe.
#pragma once

#include <string>
#include <tuple>

namespace newsgraph::store {

// Whether the article (published_a, id_a) comes before (published_b, id_b).
inline bool sorts_before(const std::string& published_a, const std::string& id_a, const std::string& published_b,
                         const std::string& id_b) {
  if (published_a.empty() != published_b.empty()) return published_b.empty();  // undated last
  return std::tie(published_a, id_a) < std::tie(published_b, id_b);
}

// The same order as an SQL ORDER BY over columns `published` and `id` (text compares
// bytewise in both), for queries that sort articles themselves.
inline constexpr const char* kCanonicalOrderSql = "published = '', published, id";

}  // namespace newsgraph::store
