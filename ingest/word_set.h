// WordSet: a closed list of words (a lexicon's titles, heads, function words) asked
// about many times a sentence: a bitmap filter turns most words away without hashing, and
// the rest are looked up in one open-addressed array with a cheap hash. The words must
// outlive the set (string literals).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include "ingest/word_filter.h"
#include "ingest/word_hash.h"

namespace newsgraph::ingest {

class WordSet {
 public:
  explicit WordSet(std::initializer_list<std::string_view> words) : WordSet(words.begin(), words.end()) {}
  template <class Iterator>
  WordSet(Iterator first, Iterator last) : filter_(WordFilter::for_words(static_cast<size_t>(std::distance(first, last)))) {
    size_t size = 16;
    while (size < static_cast<size_t>(std::distance(first, last)) * 4) size *= 2;
    slots_.assign(size, std::string_view());
    for (Iterator it = first; it != last; ++it) {
      const std::string_view w = *it;
      if (w.empty()) continue;  // the empty view marks a free slot
      filter_.add(w);
      size_t i = hash(w) & (size - 1);
      while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & (size - 1);
      slots_[i] = w;
    }
  }
  // Calls visit(word) for every word of the set, in no particular order.
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (std::string_view w : slots_) {
      if (!w.empty()) visit(w);
    }
  }
  size_t count(std::string_view w) const {
    if (w.empty() || !filter_.may_contain(w)) return 0;
    for (size_t i = hash(w) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].empty()) return 0;
      if (same_word(slots_[i], w)) return 1;
    }
  }

 private:
  static size_t hash(std::string_view w) { return static_cast<size_t>(word_hash(w)); }
  std::vector<std::string_view> slots_;
  WordFilter filter_;
};

}  // namespace newsgraph::ingest
