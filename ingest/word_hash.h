// word_hash: a 64-bit FNV-1a hash of a word's key, for the tables that keep words as
// numbers (a sorted vector of hashes, a FlatIndex) and the per-thread word caches. Two
// different words share a hash with a chance of about 1 in 2^64; where that must never
// change an answer, the caller compares the words themselves too.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsgraph::ingest {

inline uint64_t word_hash(std::string_view word) {
  uint64_t h = 1469598103934665603ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace newsgraph::ingest
