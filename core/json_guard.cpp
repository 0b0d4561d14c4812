#include "core/json_guard.h"

#include <cstring>

namespace newsgraph::json_guard {
namespace {

// The value of the four hex digits at json[at..at+4), or -1.
long hex4(std::string_view json, size_t at) {
  if (at + 4 > json.size()) return -1;
  long v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = json[i];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The position of the first `c` in json at or after `from`, or json.size().
size_t next_of(std::string_view json, char c, size_t from) {
  const void* found = std::memchr(json.data() + from, c, json.size() - from);
  return found ? static_cast<size_t>(static_cast<const char*>(found) - json.data()) : json.size();
}

bool is_high(long u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low(long u) { return u >= 0xDC00 && u <= 0xDFFF; }

}  // namespace

std::optional<Problem> check(std::string_view json, size_t max_depth) {
  // Strings (most of the bytes) are crossed by jumping from one quote or backslash to the
  // next (memchr); each position found is kept until the scan passes it.
  size_t depth = 0;
  size_t next_quote = 0, next_backslash = 0;
  size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '[' || c == '{') {
      if (++depth > max_depth) return Problem{i, "nested deeper than " + std::to_string(max_depth) + " levels"};
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    if (c != '"') {
      ++i;
      continue;
    }
    ++i;  // inside the string
    while (i < json.size()) {
      if (next_quote < i) next_quote = next_of(json, '"', i);
      if (next_backslash < i) next_backslash = next_of(json, '\\', i);
      if (next_quote < next_backslash) {
        i = next_quote + 1;  // the string ends
        break;
      }
      i = next_backslash;
      if (i + 1 >= json.size()) {
        i = json.size();
        break;
      }
      if (json[i + 1] != 'u') {
        i += 2;  // past the escaped character
        continue;
      }
      const long u = hex4(json, i + 2);
      if (u < 0) {
        i += 2;  // malformed: the parser reports it
        continue;
      }
      if (is_low(u)) return Problem{i, "a lone surrogate escape (\\u" + std::string(json.substr(i + 2, 4)) + ")"};
      if (is_high(u)) {
        const bool paired = i + 7 < json.size() && json[i + 6] == '\\' && json[i + 7] == 'u' && is_low(hex4(json, i + 8));
        if (!paired) return Problem{i, "a lone surrogate escape (\\u" + std::string(json.substr(i + 2, 4)) + ")"};
        i += 6;  // the low half, checked
      }
      i += 6;  // past "\uXXXX"
    }
  }
  return std::nullopt;
}

}  // namespace newsgraph::json_guard
