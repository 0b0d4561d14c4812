// NameIndex: a map from strings (entity ids, name keys) to entity indices for one
// article, that allocates nothing once warm: one probe of a FlatIndex by the string's
// hash, the string itself compared on a hit. Keys are views the caller keeps alive (the
// resolver keeps them in the article's key store). Not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/flat_index.h"
#include "ingest/word_hash.h"

namespace newsgraph::ingest {

class NameIndex {
 public:
  void clear() {
    index_.clear();
    entries_.clear();
  }
  // The value stored for `key`, or -1.
  int32_t find(std::string_view key) const {
    const int64_t at = position(key);
    return at < 0 ? -1 : entries_[static_cast<size_t>(at)].second;
  }
  bool contains(std::string_view key) const { return position(key) >= 0; }
  // Stores key -> value, replacing any value stored for the key. `key` must outlive the index.
  void assign(std::string_view key, int32_t value) {
    if (const int64_t at = position(key); at >= 0) {
      entries_[static_cast<size_t>(at)].second = value;
      return;
    }
    index_.assign(hash(key), static_cast<uint32_t>(entries_.size()));
    entries_.emplace_back(key, value);
  }

 private:
  static uint64_t hash(std::string_view key) {
    const uint64_t h = word_hash(key);
    return h == UINT64_MAX ? h - 1 : h;  // FlatIndex keeps UINT64_MAX for empty slots
  }
  // Where `key` is in entries_, or -1. Two keys of one hash (all but never) are told
  // apart by a scan: the hash leads to the later one.
  int64_t position(std::string_view key) const {
    const uint32_t at = index_.find(hash(key));
    if (at == FlatIndex::kNone) return -1;
    if (entries_[at].first == key) return at;
    for (size_t k = entries_.size(); k-- > 0;) {
      if (entries_[k].first == key) return static_cast<int64_t>(k);
    }
    return -1;
  }

  FlatIndex index_;
  std::vector<std::pair<std::string_view, int32_t>> entries_;
};

}  // namespace newsgraph::ingest
