// FlatIndex: a map from 64-bit keys to 32-bit values in one array (open addressing,
// linear probing), for the many small lookups extraction makes per article without an
// allocation per entry. Keys must not be UINT64_MAX.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsgraph::ingest {

class FlatIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The value stored for `key`, or kNone.
  uint32_t find(uint64_t key) const {
    if (slots_.empty()) return kNone;
    for (size_t i = home(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].first == key) return slots_[i].second;
      if (slots_[i].first == kEmpty) return kNone;
    }
  }
  // Stores key -> value unless the key is there; returns the value stored for it.
  uint32_t insert(uint64_t key, uint32_t value) {
    std::pair<uint64_t, uint32_t>& slot = slot_for(key);
    if (slot.first == kEmpty) {
      slot = {key, value};
      ++size_;
    }
    return slot.second;
  }
  // Stores key -> value, replacing any value stored for the key.
  void assign(uint64_t key, uint32_t value) {
    std::pair<uint64_t, uint32_t>& slot = slot_for(key);
    if (slot.first == kEmpty) ++size_;
    slot = {key, value};
  }
  // Forgets every key; keeps the memory.
  void clear() {
    if (size_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), std::pair<uint64_t, uint32_t>{kEmpty, 0});
    size_ = 0;
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  // The slot holding `key`, or the empty one where it would go; room for one more first.
  std::pair<uint64_t, uint32_t>& slot_for(uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (size_t i = home(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].first == key || slots_[i].first == kEmpty) return slots_[i];
    }
  }
  size_t home(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull >> 20) & (slots_.size() - 1); }
  void grow() {
    std::vector<std::pair<uint64_t, uint32_t>> old(slots_.empty() ? 32 : slots_.size() * 2, {kEmpty, 0});
    old.swap(slots_);
    size_ = 0;
    for (const auto& [key, value] : old)
      if (key != kEmpty) insert(key, value);
  }
  std::vector<std::pair<uint64_t, uint32_t>> slots_;
  size_t size_ = 0;
};

}  // namespace newsgraph::ingest
