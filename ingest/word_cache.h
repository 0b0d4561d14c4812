// A fixed-size, direct-mapped, per-thread cache of one value per short word (at most
// MaxWord bytes), for answers that cost more than a lookup and are asked of the same
// words again and again (which cue roots a word reads as; WordMemo keeps yes/no answers
// in one). A slot keeps the word itself, so a value is only ever given for the word it
// was computed for; a word landing on a taken slot replaces it. Longer words are
// computed every time. Keep one per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "ingest/word_hash.h"

namespace newsgraph::ingest {

template <class Value, size_t MaxWord = 22>
class WordCache {
 public:
  static constexpr size_t kMaxWord = MaxWord;

  explicit WordCache(unsigned slots_log2 = 12) : slots_(size_t{1} << slots_log2), mask_((size_t{1} << slots_log2) - 1) {}

  // The value kept for `word`, or compute(word, &value), kept for next time. The
  // reference is valid until the next call.
  template <class Compute>
  const Value& get(std::string_view word, Compute&& compute) {
    if (word.size() > kMaxWord) {
      long_word_ = Value();
      compute(word, &long_word_);
      return long_word_;
    }
    Slot& slot = slots_[hash(word) & mask_];
    if (slot.length == word.size() + 1 && same_word(std::string_view(slot.text, word.size()), word))
      return slot.value;
    slot.length = 0;  // if compute throws, the slot names no word
    slot.value = Value();
    compute(word, &slot.value);
    slot.length = static_cast<uint8_t>(word.size() + 1);
    std::memcpy(slot.text, word.data(), word.size());
    return slot.value;
  }

 private:
  struct Slot {
    uint8_t length = 0;  // word size + 1; 0 for an empty slot
    char text[kMaxWord];
    Value value{};
  };
  static uint64_t hash(std::string_view word) { return word_hash(word); }
  std::vector<Slot> slots_;
  size_t mask_;
  Value long_word_{};
};

}  // namespace newsgraph::ingest
