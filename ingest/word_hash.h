// word_hash: a fast hash of a short word, eight bytes a step, for the per-word tables that
// compare the word itself on a hit (WordCache, WordSet, the word facts): any spread will
// do there, and it need not be stable across builds (the stable hash is core/fnv.h).
// same_word: the comparison on a hit. Both read a word of up to 16 bytes by a few fixed-size
// loads inside it (no call to memcpy or memcmp), as most words are that short.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsgraph::ingest {

namespace word_bytes {

inline uint64_t load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// The n bytes at p (n < 8) as one number, read by loads that overlap inside them.
inline uint64_t load_short(const char* p, size_t n) {
  if (n >= 4) return uint64_t{load4(p)} << 32 | load4(p + n - 4);
  if (n == 0) return 0;
  return uint64_t{static_cast<unsigned char>(p[0])} << 16 |
         uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]);
}

}  // namespace word_bytes

inline uint64_t word_hash(std::string_view word) {
  uint64_t h = word.size() * 0x9E3779B97F4A7C15ull;
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8)
    h = (h ^ word_bytes::load8(word.data() + i)) * 0xFF51AFD7ED558CCDull;
  h = (h ^ word_bytes::load_short(word.data() + i, word.size() - i)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 32);
}

// Whether two words are equal. O(length).
inline bool same_word(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  if (n > 16) return std::memcmp(a.data(), b.data(), n) == 0;
  if (n >= 8) {  // the first and the last eight bytes, which overlap for n < 16
    return word_bytes::load8(a.data()) == word_bytes::load8(b.data()) &&
           word_bytes::load8(a.data() + n - 8) == word_bytes::load8(b.data() + n - 8);
  }
  return word_bytes::load_short(a.data(), n) == word_bytes::load_short(b.data(), n);
}

}  // namespace newsgraph::ingest
