// A bitmap over a cheap hash of a word (its length, first, middle and last letters),
// filled from a set of words. A word whose bit is clear is surely not in the set, so the
// full hash-table lookup runs only for the few words that might be: most tokens of a
// text are in none of the lexicon's lists nor start any gazetteer alias.
#pragma once

#include <bitset>
#include <cstddef>
#include <string_view>

namespace newsgraph::ingest {

class WordFilter {
 public:
  void add(std::string_view word) { bits_.set(slot(word)); }
  bool may_contain(std::string_view word) const { return bits_.test(slot(word)); }

 private:
  static constexpr size_t kBits = size_t{1} << 15;
  static size_t slot(std::string_view w) {
    if (w.empty()) return 0;
    auto at = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
    return (w.size() * 40503u + at(0) * 2654435u + at(w.size() / 2) * 97u + at(w.size() - 1) * 7919u) & (kBits - 1);
  }
  std::bitset<kBits> bits_;
};

}  // namespace newsgraph::ingest
