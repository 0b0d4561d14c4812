// Name bounds: where a capitalised run stops being one name. Common nouns for places
// before a known place ("Wilayah Palestina"), reduplicated plurals ("Negara-negara"),
// a second institution inside a body's name, and the person a title and a body run
// into ("Ketua Komisi XI DPR Johnny Plate"). Stateless functions over one article's
// tokens; the gazetteer is only read. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "ingest/analysis.h"
#include "ingest/gazetteer.h"

namespace newsgraph::ingest {

// "Ibu Kota Israel", "Wilayah Palestina", "Provinsi Jawa Tengah": a common noun for a
// place before a known place's name is no part of it. Returns the index after the
// noun, or i when tokens[i] is no such noun. O(aliases sharing a first word).
uint32_t skip_generic_place_noun(const Analysis& a, const Gazetteer& g, uint32_t i, uint32_t end);

// A reduplicated word ("Negara-negara", "Kadang-kadang") is a plural or an adverb:
// returns the index after it, or i when the word at i is not one. O(1).
uint32_t skip_reduplicated(const Analysis& a, uint32_t i, uint32_t end);

// Whether a gazetteer name ends exactly at `end`, starting somewhere in [first, end).
// O((end - first) × aliases sharing a first word).
bool known_name_ends_at(const Analysis& a, const Gazetteer& g, uint32_t first, uint32_t end);

// Head words that open an institution of their own even inside another's name
// ("Fakultas Ekonomi Universitas Indonesia").
bool opens_institution(std::string_view key);

// A run after a title that names a body and then a person.
struct TitleBodyPerson {
  uint32_t body_last = 0;  // the body is [first, body_last)
  uint32_t person_first =
      0;  // the person is [person_first, last); a rank between belongs to neither
  EntityType body_type = EntityType::kOrganization;
};

// "Ketua Komisi XI DPR Johnny Plate", "Wali Kota Medan Dzulmi Eldin", "Bupati Kutai
// Timur Isran Noor": the run tokens[first, last) after a title, cut into the body and
// the person's name words at its end. None when the run is not such a pair.
// O((last - first) × aliases sharing a first word).
std::optional<TitleBodyPerson> split_title_body_person(const Analysis& a, const Gazetteer& g,
                                                       const SentenceInfo& info, uint32_t first,
                                                       uint32_t last);

}  // namespace newsgraph::ingest
