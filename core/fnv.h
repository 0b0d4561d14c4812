// fnv1a: the 64-bit FNV-1a hash, for content and sentence hashes (store/hashing) and for
// tables that keep words as numbers (ingest: sorted hashes of words, the gazetteer's
// FlatIndex). Two different inputs share a hash with a chance of about 1 in 2^64; where
// that must never change an answer, the caller compares the inputs themselves too.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsgraph {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t fnv1a(std::string_view data, uint64_t h = kFnvOffset) {
  for (unsigned char c : data) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

}  // namespace newsgraph
