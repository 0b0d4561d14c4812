#include "ingest/name_bounds.h"

#include "ingest/lexicon.h"
#include "ingest/recognizer.h"

namespace newsgraph::ingest {
namespace {

// The type of the body before a person ("Komisi XI DPR", "Kutai Timur"): from its
// head, else from how it ends (a known name, an acronym, a compass word).
EntityType body_type(const Analysis& a, const Gazetteer& g, uint32_t first, uint32_t last) {
  const auto& t = a.tokens;
  if (lexicon::is_org_head(t[first])) return EntityType::kOrganization;
  if (lexicon::is_location_head(t[first]) || lexicon::is_compass_word(t[last - 1].key))
    return EntityType::kLocation;
  for (uint32_t k = first; k < last; ++k) {
    auto m = g.longest_match(t, k, last);
    if (m && k + m->tokens == last) {
      EntityType type = g.entry(m->entry).type;
      return type == EntityType::kCountry ? EntityType::kLocation : type;
    }
  }
  return EntityType::kOrganization;
}

// Whether tokens[k] can be part of a person's name that ends at `last`.
bool is_personal_name_word(const Analysis& a, const Gazetteer& g, uint32_t k, uint32_t last) {
  const Token& t = a.tokens[k];
  if (!t.is_word()) return false;
  if (t.hyphen_before) return true;
  return t.upper_initial && !t.all_upper && !lexicon::is_org_head(t) &&
         !lexicon::is_location_head(t) && !lexicon::is_common_noun(t) &&
         !lexicon::is_generic_noun(t) && !lexicon::looks_inflected(t.key) &&
         !is_title_continuation(t) && !lexicon::is_person_title(t) &&
         !g.longest_match(a.tokens, k, last);
}

}  // namespace

// Whether a gazetteer name ends exactly at `end`, starting somewhere in [first, end).
bool known_name_ends_at(const Analysis& a, const Gazetteer& g, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k) {
    auto m = g.longest_match(a.tokens, k, end);
    if (m && k + m->tokens == end) return true;
  }
  return false;
}

// Head words that open an institution of their own even inside another's name.
bool opens_institution(std::string_view key) {
  return key == "universitas" || key == "institut" || key == "dinas" || key == "fakultas" ||
         key == "kementerian" || key == "partai" || key == "university";
}

// "Ibu Kota Israel", "Wilayah Palestina", "Kawasan Asia": a common noun for a place
// before a known place's name is no part of it (the known name matches on its own).
// Returns the index after the noun, or i.
uint32_t skip_generic_place_noun(const Analysis& a, const Gazetteer& g, uint32_t i, uint32_t end) {
  const auto& t = a.tokens;
  uint32_t k = i;
  const std::string_view w = t[k].word();
  if (w == "ibu" && k + 1 < end && t[k + 1].word() == "kota")
    ++k;
  else if (w != "wilayah" && w != "kawasan" && w != "daerah" && w != "negara" && w != "negeri" &&
           w != "provinsi" && w != "kota" && w != "kabupaten")
    return i;
  ++k;
  auto m = k < end ? g.longest_match(t, k, end) : std::nullopt;
  if (!m || m->metonym) return k == i + 2 ? k : i;  // "Ibu Kota" alone is no name either
  const EntityType type = g.entry(m->entry).type;
  if (type != EntityType::kCountry && type != EntityType::kLocation) return i;
  const uint32_t after = k + m->tokens;
  if (after < end && t[after].upper_initial) return i;  // "Daerah Khusus Ibukota Jakarta Raya ..."
  return k;
}

// A reduplicated word ("Negara-negara", "Kadang-kadang") is a plural or an adverb:
// returns the index after it, or i when the word at i is not one.
uint32_t skip_reduplicated(const Analysis& a, uint32_t i, uint32_t end) {
  const auto& t = a.tokens;
  if (i + 1 >= end || !t[i + 1].hyphen_before || t[i].key.size() < 2 ||
      t[i + 1].key.compare(0, t[i].key.size(), t[i].key) != 0)
    return i;
  uint32_t j = i + 2;
  while (j < end && t[j].hyphen_before) ++j;
  return j;
}

std::optional<TitleBodyPerson> split_title_body_person(const Analysis& a, const Gazetteer& g,
                                                       const SentenceInfo& info, uint32_t first,
                                                       uint32_t last) {
  const auto& t = a.tokens;
  const bool org = lexicon::is_org_head(t[first]),
             place = lexicon::is_location_head(t[first]);
  if (last - first < 3 || first == info.first) return std::nullopt;
  if (lexicon::is_org_tail(t[last - 1])) return std::nullopt;  // "PT Bank Central Asia Tbk"
  const Token& before = t[first - 1];
  if (!before.is_word() ||
      !(lexicon::is_person_title(before) || is_title_continuation(before)))
    return std::nullopt;
  uint32_t p = last;
  while (p > first + 1 && is_personal_name_word(a, g, p - 1, last)) --p;
  // A word joined by a hyphen belongs with the word before it ("Perserikatan Bangsa-Bangsa
  // Zeid Ra'ad"): the person starts after it.
  while (p < last && t[p].hyphen_before) ++p;
  // A Balinese name opens with "I" or "Ni" before its birth-order or caste name ("I Nengah
  // Sukasta", "Ni Luh Ayu"): the particle is the person's, not a numeral of the body.
  // A one-word body is too weak a split ("Joko Widodo"), unless the particle marks where
  // the person starts: "Bupati Karangasem I Gusti Ayu Mas Sumatri".
  bool balinese = false;
  if (p < last && p > first + 1 && (t[p - 1].key == "i" || t[p - 1].key == "ni") &&
      lexicon::is_balinese_name_word(t[p].key)) {
    --p;
    balinese = true;
  }
  if (p == last || (p <= first + 1 && !balinese)) return std::nullopt;
  if (t[p - 1].is_word() && !t[p - 1].upper_initial && !t[p - 1].all_upper)
    return std::nullopt;  // "... and Justice Reform"
  // A one-word person needs a clear end of the body before it: a known name, an
  // acronym or a number ("Komisi XI DPR Wiranto").
  const Token& body_end = t[p - 1];
  const bool clear_end = balinese || body_end.all_upper || body_end.kind == TokenKind::kNumber ||
                         lexicon::is_compass_word(body_end.key) ||
                         known_name_ends_at(a, g, first, p);
  if ((last - p == 1 || !(org || place)) && !clear_end)
    return std::nullopt;  // "Bupati Kutai Timur Isran Noor"
  if (place && p - first > 2 && !known_name_ends_at(a, g, first, p))
    return std::nullopt;   // "Kota Bandung Budi X"
  // A rank between body and person belongs to neither ("Polda X Kombes Y", "Polres X Ajun
  // Komisaris Besar Y"): title words back from the person, opening with a person title.
  uint32_t body_last = p;
  while (body_last > first + 1 &&
         (lexicon::is_person_title(t[body_last - 1]) || is_title_continuation(t[body_last - 1])))
    --body_last;
  while (body_last < p && !lexicon::is_person_title(t[body_last])) ++body_last;
  return TitleBodyPerson{body_last, p, body_type(a, g, first, body_last)};
}

}  // namespace newsgraph::ingest
