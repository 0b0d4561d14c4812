// Words glued in front of a person's name ("BPBD Kabupaten Sukabumi Yana Rusyana",
// "Kontrak Borja Valero"): when the same article also gives the name alone, the words
// before it are no part of it. When it does not, the names that may follow glued words
// are offered to the store, which takes one when a stored person has it. Built once per
// article from its mentions; read-only afterwards. Not thread-safe (one per article).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
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

  // The body named by the words drop_from() took off m's front ([first, m.first)): a
  // mention of an organisation or a place when they open with a body's or place's head
  // or an acronym ("BPBD Kabupaten Sukabumi" of "Kepala BPBD Kabupaten Sukabumi Yana
  // Rusyana"), so that the title before them still says the person's post there.
  std::optional<NameMention> body_before(const NameMention& m, uint32_t first) const;

  // Where a person's name could start inside m after glued words, longest name first:
  // the words before it hold a word no name is made of, or one the article uses apart
  // from this name ("Satgas Karhutla" named alone elsewhere); the word right before it
  // is no body's or place's head ("Yayasan Abdurrahman Wahid"), no relative ("Istri
  // Ahmad Dhani"), no body's acronym when m is no person ("RSPAD Gatot Subroto") and no
  // title after heads alone ("Bandara Sultan Syarif Kasim", "Jalan
  // Jenderal Sudirman": named after a person); and the name is two words or more, each
  // one a name could be made of ("Fraksi Adies Kadir" -> "Adies Kadir"). Empty for a
  // name of fewer than three words. O(words² + words × article tokens).
  std::vector<uint32_t> core_starts(const NameMention& m) const;

 private:
  uint32_t word_count(uint32_t first, uint32_t last) const;
  // The words of tokens [first, last) as one hash (a false match, about 1 in 2^64,
  // could only shorten one name).
  uint64_t words_hash(uint32_t first, uint32_t last) const;
  bool holds_non_name_word(uint32_t first, uint32_t end) const;
  // Whether a word of tokens [first, end) is used elsewhere in the article apart from the
  // name whose words start at `name` in m: in lowercase, or in a body's or place's name
  // without it (a person's other name is no such use: "Nadine" of "Nadine Abdul Azis"
  // may be her first name). O(article tokens) per word.
  bool holds_word_used_apart(const NameMention& m, uint32_t first, uint32_t end, uint32_t name) const;
  const NameMention* mention_at(uint32_t token) const;
  bool is_non_name_word(const Token& t) const;
  // Whether m's tokens before `end` are heads and acronyms only ("Bandara", "RSUD").
  bool heads_only(const NameMention& m, uint32_t end) const;

  const Analysis& a_;
  std::vector<uint64_t> person_names_;  // sorted
};

}  // namespace newsgraph::ingest
