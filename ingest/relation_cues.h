// What a relation cue is (a predicate with its voice, found at a word of a sentence)
// and how an Indonesian word is read as affixes around a root: a light stemmer that
// strips meN-, ber-, di-, ter-, per-, peN-, ke-…-an, -kan, -i, -an, -nya so
// "menyalahkan", "dijatuhi" and "dukungannya" find their roots. Which roots are cues
// is data: the cue lexicon (cue_lexicon.h). Pure functions; thread-safe.
#pragma once

#include <cstdint>
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
  std::string root;    // the root or phrase found, for evidence and rule ids
};

// One way to read a word as affixes around a root. The views are valid only while the
// visit that received it runs.
struct Reading {
  std::string_view root;
  std::string_view prefix;
  std::string_view suffix;
};

// Calls visit(reading) for every reading of `key`, most specific first (the word
// itself first), without allocating; stops early when visit returns true, and then
// returns true. O(particles × suffixes × prefixes).
template <class Visit>
bool for_each_reading(std::string_view key, Visit&& visit);

// Roots a word may derive from, most specific first ("menyalahkan" -> salahkan,
// salah, ...). Exposed for tests.
std::vector<std::string> candidate_roots(std::string_view key);

namespace detail {
// Whether s starts (ends) with p and has two letters more; the first (last) letters are
// compared before the rest, which rules out nearly every affix tried without a call.
inline bool starts(std::string_view s, std::string_view p) {
  return s.size() > p.size() + 1 && s[0] == p[0] && s.substr(0, p.size()) == p;
}
inline bool ends(std::string_view s, std::string_view p) {
  return s.size() > p.size() + 1 && s.back() == p.back() && s.substr(s.size() - p.size()) == p;
}
}  // namespace detail

template <class Visit>
bool for_each_reading(std::string_view key, Visit&& visit) {
  using detail::ends;
  using detail::starts;
  std::string_view bases[4];
  size_t base_count = 0;
  bases[base_count++] = key;
  for (std::string_view particle : {"nya", "lah", "kah"}) {
    if (ends(key, particle)) bases[base_count++] = key.substr(0, key.size() - particle.size());
  }
  struct Stem {
    std::string_view stem, suffix;
  };
  Stem stems[16];
  size_t stem_count = 0;
  for (size_t b = 0; b < base_count; ++b) {
    stems[stem_count++] = {bases[b], ""};
    for (std::string_view suffix : {"kan", "an", "i"}) {
      if (ends(bases[b], suffix)) stems[stem_count++] = {bases[b].substr(0, bases[b].size() - suffix.size()), suffix};
    }
  }
  struct Prefix {
    std::string_view p;
    std::string_view restore;  // letter the nasal replaced
  };
  static const Prefix kPrefixes[] = {
      {"memper", ""}, {"diper", ""}, {"meng", ""}, {"meng", "k"}, {"meny", "s"}, {"mem", ""},
      {"mem", "p"}, {"men", ""}, {"men", "t"}, {"me", ""}, {"ber", ""}, {"be", ""}, {"ter", ""},
      {"di", ""}, {"ke", ""}, {"peng", ""}, {"peng", "k"}, {"peny", "s"}, {"pem", ""},
      {"pem", "p"}, {"pen", ""}, {"pen", "t"}, {"per", ""}, {"pe", ""}, {"se", ""}};
  std::string restored;  // restore letter + rest of the stem; keeps its buffer between uses
  for (size_t k = 0; k < stem_count; ++k) {
    const auto [stem, suffix] = stems[k];
    if (visit(Reading{stem, "", suffix})) return true;
    for (const auto& pre : kPrefixes) {
      if (!starts(stem, pre.p)) continue;
      std::string_view rest = stem.substr(pre.p.size());
      std::string_view root = rest;
      if (!pre.restore.empty()) {
        restored.assign(pre.restore).append(rest);
        root = restored;
      }
      if (visit(Reading{root, pre.p, suffix})) return true;
    }
  }
  return false;
}

}  // namespace newsgraph::ingest
