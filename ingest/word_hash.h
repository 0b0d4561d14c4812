// word_hash: a fast hash of a short word, eight bytes a step, for the per-word tables that
// compare the word itself on a hit (WordCache, WordSet): any spread will do there, and
// it need not be stable across builds (the stable hash is core/fnv.h).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsgraph::ingest {

inline uint64_t word_hash(std::string_view word) {
  uint64_t h = word.size() * 0x9E3779B97F4A7C15ull;
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, word.data() + i, word.size() - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 32);
}

}  // namespace newsgraph::ingest
