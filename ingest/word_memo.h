// A per-thread memo of one yes/no answer per short word, for checks that cost more than
// a lookup and are asked of the same few thousand words again and again (is this word
// derived from a cue root?): a WordCache of booleans. Keep one per thread.
#pragma once

#include <string_view>

#include "ingest/word_cache.h"

namespace newsgraph::ingest {

class WordMemo {
 public:
  explicit WordMemo(unsigned slots_log2 = 16) : cache_(slots_log2) {}

  // The answer kept for `word`, or `compute(word)`, kept for next time.
  template <class Compute>
  bool get(std::string_view word, Compute&& compute) {
    return cache_.get(word, [&compute](std::string_view w, bool* answer) { *answer = compute(w); });
  }

 private:
  // Words of up to 14 bytes (nearly all) fit a 16-byte slot: 65,536 of them in 1 MB.
  WordCache<bool, 14> cache_;
};

}  // namespace newsgraph::ingest
