// A bitmap over a cheap hash of a word (its length, first, middle and last letters),
// filled from a set of words. A word whose bit is clear is surely not in the set, so the
// full hash-table lookup runs only for the few words that might be: most tokens of a
// text are in none of the lexicon's lists nor start any gazetteer alias.
//
// Size it for its words (for_words): a closed list of a few dozen words needs a few
// hundred bytes, and the lexicon asks of a word in a score of lists, whose bitmaps
// together must stay in the CPU's first-level cache to be cheaper than the lookup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

class WordFilter {
 public:
  // 2^bits_log2 bits; the default suits sets of up to a few thousand words.
  explicit WordFilter(unsigned bits_log2 = 15) : words_((size_t{1} << bits_log2) / 64), mask_((size_t{1} << bits_log2) - 1) {}
  // A filter for `count` words: about 16 bits a word (a few per cent let through).
  static WordFilter for_words(size_t count) {
    unsigned log2 = 9;
    while (log2 < 15 && (size_t{1} << log2) < count * 16) ++log2;
    return WordFilter(log2);
  }

  void add(std::string_view word) {
    const size_t s = slot(word);
    words_[s / 64] |= uint64_t{1} << (s % 64);
  }
  bool may_contain(std::string_view word) const {
    const size_t s = slot(word);
    return words_[s / 64] >> (s % 64) & 1;
  }

 private:
  size_t slot(std::string_view w) const {
    if (w.empty()) return 0;
    auto at = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
    return (w.size() * 40503u + at(0) * 2654435u + at(w.size() / 2) * 97u + at(w.size() - 1) * 7919u) & mask_;
  }
  std::vector<uint64_t> words_;
  size_t mask_;
};

}  // namespace newsgraph::ingest
