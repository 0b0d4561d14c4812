// Word facts: which of the lexicon's closed word lists (ingest/lexicon.h) a word is in,
// as one set of bits, looked up once per token by the tokenizer (Token::facts) in one
// table of every listed word, so later stages test a bit where they would look the word
// up in a list again and again. Read-only after first use; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/word_hash.h"

namespace newsgraph::ingest {

// The bits of a word's facts: one for each list of the same name in ingest/lexicon.h.
struct WordFacts {
  static constexpr uint16_t kFunctionWord = 1 << 0;
  static constexpr uint16_t kCommonCapitalized = 1 << 1;
  static constexpr uint16_t kPersonTitle = 1 << 2;
  static constexpr uint16_t kLeaderTitle = 1 << 3;
  static constexpr uint16_t kTitleContinuation = 1 << 4;
  static constexpr uint16_t kRoleNoun = 1 << 5;
  static constexpr uint16_t kNotCurrent = 1 << 6;
  static constexpr uint16_t kOrgHead = 1 << 7;
  static constexpr uint16_t kOrgTail = 1 << 8;
  static constexpr uint16_t kLocationHead = 1 << 9;
  static constexpr uint16_t kEventHead = 1 << 10;
  static constexpr uint16_t kGenericNoun = 1 << 11;
  static constexpr uint16_t kCommonNoun = 1 << 12;
  static constexpr uint16_t kKinWord = 1 << 13;
  static constexpr uint16_t kReportingVerb = 1 << 14;
  static constexpr uint16_t kRefersBack = 1 << 15;
};

// Every listed word with its facts, in one open-addressed array indexed by a hash of the
// word's length and three of its letters (no loop over the word), behind a bitmap over
// other bits of that hash: the bitmap (4 KB) turns away most words in no list without
// touching the array, whose slots of the frequent listed words stay in cache. Built once
// (instance()), then read-only.
class WordFactTable {
 public:
  static const WordFactTable& instance();

  // The facts of a folded key (Token::key): each bit set exactly when the lexicon test of
  // its name says yes (kOrgHead: lexicon::is_org_head(key)).
  // O(1) expected.
  uint16_t of(std::string_view key) const {
    if (key.empty()) return 0;
    const uint64_t h = hash(key);
    if (!(filter_[filter_bit(h) / 64] >> (filter_bit(h) % 64) & 1)) return 0;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.size == 0) return 0;
      if (slot.size == key.size() &&
          same_word(std::string_view(words_.data() + slot.at, slot.size), key))
        return slot.facts;
    }
  }

 private:
  struct Slot {       // eight bytes, so that the table stays small enough to stay in cache
    uint32_t at = 0;  // where the word starts in words_
    uint16_t facts = 0;
    uint16_t size = 0;  // 0 for a free slot
  };
  static constexpr size_t kFilterBits = size_t{1} << 15;
  WordFactTable();
  // The slot index is the low bits, the filter bit the top 15.
  static uint64_t hash(std::string_view w) {
    auto at = [&w](size_t i) { return uint64_t{static_cast<unsigned char>(w[i])}; };
    const uint64_t mixed = w.size() | at(0) << 8 | at(w.size() / 2) << 16 | at(w.size() - 1) << 24;
    const uint64_t h = mixed * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }
  static size_t filter_bit(uint64_t h) { return static_cast<size_t>(h >> 49); }
  std::string words_;  // every listed word, one after another
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterBits / 64);
};

// The facts of a folded key: WordFactTable::instance().of(key).
inline uint16_t word_facts(std::string_view key) { return WordFactTable::instance().of(key); }

}  // namespace newsgraph::ingest
