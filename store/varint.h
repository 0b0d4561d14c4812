// Unsigned LEB128 varints for the store's compact blobs (an article's co-occurring pairs,
// an article entity's mentions): 7 bits a byte, low first. Header-only, no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::store {

inline void put_varint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads one varint at *at and moves *at past it; false when the bytes end first or the
// value needs more than 64 bits.
inline bool get_varint(std::string_view bytes, size_t* at, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *at < bytes.size(); shift += 7) {
    const auto b = static_cast<unsigned char>(bytes[(*at)++]);
    if (shift == 63 && b > 1) return false;
    *v |= uint64_t{b & 0x7Fu} << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

// Signed differences as unsigned varints: 0, -1, 1, -2, ... → 0, 1, 2, 3, ...
inline uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
inline int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

}  // namespace newsgraph::store
