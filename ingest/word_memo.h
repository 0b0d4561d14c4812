// A fixed-size, direct-mapped memo of one yes/no answer per short word, for checks
// that cost more than a lookup and are asked of the same few thousand words again and
// again (is this word derived from a cue root?). A slot keeps the word itself, so an
// answer is only ever given for the word it was computed for; a word landing on a taken
// slot replaces it. Longer words are computed every time. Keep one per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

class WordMemo {
 public:
  static constexpr size_t kMaxWord = 22;

  explicit WordMemo(unsigned slots_log2 = 16) : slots_(size_t{1} << slots_log2), mask_((size_t{1} << slots_log2) - 1) {}

  // The answer kept for `word`, or `compute(word)`, kept for next time.
  template <class Compute>
  bool get(std::string_view word, Compute&& compute) {
    if (word.size() > kMaxWord) return compute(word);
    Slot& slot = slots_[hash(word) & mask_];
    if (slot.length == word.size() + 1 && std::memcmp(slot.text, word.data(), word.size()) == 0) return slot.answer;
    bool answer = compute(word);
    slot.length = static_cast<uint8_t>(word.size() + 1);
    std::memcpy(slot.text, word.data(), word.size());
    slot.answer = answer;
    return answer;
  }

 private:
  struct Slot {
    uint8_t length = 0;  // word size + 1; 0 for an empty slot
    bool answer = false;
    char text[kMaxWord];
  };
  static uint64_t hash(std::string_view word) {  // FNV-1a
    uint64_t h = 1469598103934665603ull;
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  std::vector<Slot> slots_;
  size_t mask_;
};

}  // namespace newsgraph::ingest
