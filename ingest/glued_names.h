// Words glued in front of a person's name ("BPBD Kabupaten Sukabumi Yana Rusyana",
// "Kontrak Borja Valero"): when the same article also gives the name alone, the words
// before it are no part of it. Built once per article from its mentions; read-only
// afterwards. Not thread-safe (one per article).
#pragma once

#include <cstdint>
#include <vector>

#include "ingest/analysis.h"

namespace newsgraph::ingest {

class GluedNames {
 public:
  // Collects the names of two words or more the article gives people (known or not).
  explicit GluedNames(const Analysis& a);

  // Moves m.first to where a person's name the article also gives alone starts, and
  // types m a person, when the words before it hold a word no name is made of (a common
  // word, a title or rank, a body's or place's head, an acronym) and the word right
  // before the name is no body's or place's head ("Yayasan Abdurrahman Wahid" is named
  // after him). A longer name ("Nguyen Phu Trong") stays whole. O(words²) per mention.
  void drop_from(NameMention& m) const;

 private:
  uint32_t word_count(uint32_t first, uint32_t last) const;
  // The words of tokens [first, last) as one hash (a false match, about 1 in 2^64,
  // could only shorten one name).
  uint64_t words_hash(uint32_t first, uint32_t last) const;
  bool holds_non_name_word(uint32_t first, uint32_t end) const;

  const Analysis& a_;
  std::vector<uint64_t> person_names_;  // sorted
};

}  // namespace newsgraph::ingest
