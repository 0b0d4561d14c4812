// A check of JSON text before a parser reads it, for what RapidJSON would accept but
// newsgraph must not: nesting so deep that parsing or freeing the document overflows the
// stack (both recurse once per level), and \u escapes that are lone UTF-16 surrogates
// (decoded, they are bytes no UTF-8 reader accepts, and would reach the store and make
// every export unreadable). Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::json_guard {

// Deeper than any input newsgraph reads (articles, gazetteers, overrides nest 3 levels).
inline constexpr size_t kMaxDepth = 64;

struct Problem {
  size_t offset = 0;   // byte offset into the text
  std::string reason;  // "nested deeper than 64 levels", "a lone surrogate escape (\uDC00)"
};

// The first problem in `json`, or nullopt. Malformed JSON otherwise is left to the
// parser to report. O(n), no allocation unless it finds one.
std::optional<Problem> check(std::string_view json, size_t max_depth = kMaxDepth);

}  // namespace newsgraph::json_guard
