// The relation cue lexicon: Indonesian (and English) verb and noun roots that signal
// each predicate, and a light stemmer that strips the affixes meN-, ber-, di-, ter-,
// per-, peN-, ke-…-an, -kan, -i, -an, -nya so "menyalahkan", "dijatuhi" and
// "dukungannya" find their roots. Read-only tables; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ontology.h"

namespace newsgraph::ingest {

enum class CueVoice : uint8_t {
  kActive,    // subject before, object after: "Kim mengundang Putin"
  kPassive,   // object before, agent after "oleh": "dijatuhi sanksi oleh DK PBB"
  kReversed,  // the giver comes after "dari": "Rusia membeli senjata dari Korea Utara"
};

struct Cue {
  Predicate predicate;
  CueVoice voice = CueVoice::kActive;
  bool noun = false;   // a nominalisation ("dukungan", "invasi") rather than a verb
  std::string root;    // the root found, for evidence and rule ids
};

// The cue that `key` (a folded token) signals, if any. `next_key` is the following
// word, which decides ambiguous roots: "mengirim surat" (COMMUNICATE) versus
// "mengirim senjata" (SUPPLY), "menerima undangan" (ACCEPT) versus "menerima senjata"
// (SUPPLY, reversed). O(affix candidates).
std::optional<Cue> find_cue(std::string_view key, std::string_view next_key);

// Roots a word may derive from, most specific first ("menyalahkan" -> salahkan,
// salah, ...). Exposed for tests.
std::vector<std::string> candidate_roots(std::string_view key);

}  // namespace newsgraph::ingest
