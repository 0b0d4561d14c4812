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
  return std::make_tuple(published_a.empty(), std::cref(published_a), std::cref(id_a)) <
         std::make_tuple(published_b.empty(), std::cref(published_b), std::cref(id_b));
}

// The same order in SQL, for ORDER BY over `documents` (served by its index
// documents_by_date where it can be).
inline constexpr const char* kCanonicalOrderSql = "published = '', published, id";

}  // namespace newsgraph::store
