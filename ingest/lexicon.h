// Closed word lists of Indonesian (and a little English) that the recogniser needs:
// words that are capitalised only because they start a sentence or a headline, titles
// and roles that announce a person, heads of organisation and place names, kinship
// words, reporting verbs. Keys are lowercase folded forms (Token::key).
// Read-only after first use; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/tokenizer.h"
#include "ingest/word_facts.h"

namespace newsgraph::ingest::lexicon {

bool is_function_word(std::string_view key);   // yang, dan, di, ini, namun, pada, ...
bool is_common_capitalized(std::string_view key);  // months, days, Tuhan, Allah, ...
bool is_person_title(std::string_view key);    // presiden, menteri, pemimpin, dr, pak, ...
// A word that is a title only with the next one: "putra" of "putra mahkota" (crown prince;
// "putra" alone is a son, and a name, "Eko Putra").
bool opens_two_word_title(std::string_view key, std::string_view next);
// The birth-order and caste names a Balinese name opens with after "I" or "Ni" ("I Wayan",
// "I Gusti Ngurah", "Ni Luh").
bool is_balinese_name_word(std::string_view key);
// Words that continue a title after its first word: "Menteri Luar Negeri", "Duta Besar".
bool is_title_continuation(std::string_view key);
bool is_role_noun(std::string_view key);       // juru bicara parts, analis, peneliti, duta, ...
bool is_leader_title(std::string_view key);    // presiden, pemimpin, raja, perdana, kanselir, ...
bool is_not_current(std::string_view key);     // a title's past or future: mantan, eks, calon, terpilih, ...
bool is_org_head(std::string_view key);        // universitas, kementerian, dewan, badan, partai, ...
bool is_location_head(std::string_view key);   // kota, kabupaten, provinsi, jalan, pulau, ...
bool is_event_head(std::string_view key);      // perang, konferensi, ktt, piala, festival, ...
bool is_kin_word(std::string_view key);        // ayah, ibu, anak, istri, ...
bool is_reporting_verb(std::string_view key);  // kata, ujar, ungkap, mengatakan, ...
// A verb by which one party urges, calls on or suggests that another act ("mendesak",
// "menyerukan", "mengimbau", "mendorong", "menuntut", "menyarankan", "mengusulkan"): what
// follows is not done, and not by the one who urges.
bool is_urging_verb(std::string_view key);
// Common nouns written capitalised in titles and names that are never a name alone:
// "Fraksi", "Kabinet", "Istana", "Paripurna".
bool is_generic_noun(std::string_view key);
// Last words of company and institution names: corp, inc, ltd, holdings, exchange, ...
bool is_org_tail(std::string_view key);
bool is_locative_preposition(std::string_view key);  // di, ke, dari, menuju
// Ordinary Indonesian nouns and adjectives that headings, titles and institution names
// write capitalised ("Analisis", "Konvensi", "Wilayah", "Utusan", "Timur"): alone, or
// only with each other, they name nothing. The words of data/common_words.txt.
bool is_common_noun(std::string_view key);
// Lowercase words that say the next name is a group or body ("kelompok ISIS", "milisi
// Hezbollah", "harian Kompas", "kantor berita Yonhap").
bool is_group_cue(std::string_view key);
// Lowercase words that say the next name is a place ("kota Aleppo", "desa Sweida").
bool is_place_cue(std::string_view key);
// Words that say the next name is a people or a faith, not an actor of its own
// ("etnis Rohingya", "suku Dayak", "kaum Syiah").
bool is_people_cue(std::string_view key);
// Compass and position words that continue a place's name: "Afrika Utara", "Jawa Barat".
bool is_compass_word(std::string_view key);

// Words that refer back to a party named before whatever follows them ("ia", "beliau",
// "kedua", "negara"): a sentence with one may relate two parties (coreference.h).
bool refers_back(std::string_view key);

// Every word of the closed lists above that are looked up as sets (not the computed
// tests, nor the short lists compared in code), duplicates included: word_facts.h reads
// them once into its table. Views into static storage.
std::vector<std::string_view> listed_words();

// The same tests of a token's key, read from the facts its tokenizer looked up
// (Token::facts): a bit test, no lookup.
inline bool is_function_word(const Token& t) { return t.facts & WordFacts::kFunctionWord; }
inline bool is_common_capitalized(const Token& t) {
  return t.facts & WordFacts::kCommonCapitalized;
}
inline bool is_person_title(const Token& t) { return t.facts & WordFacts::kPersonTitle; }
inline bool is_leader_title(const Token& t) { return t.facts & WordFacts::kLeaderTitle; }
inline bool is_title_continuation(const Token& t) {
  return t.facts & WordFacts::kTitleContinuation;
}
inline bool is_role_noun(const Token& t) { return t.facts & WordFacts::kRoleNoun; }
inline bool is_not_current(const Token& t) { return t.facts & WordFacts::kNotCurrent; }
inline bool is_org_head(const Token& t) { return t.facts & WordFacts::kOrgHead; }
inline bool is_org_tail(const Token& t) { return t.facts & WordFacts::kOrgTail; }
inline bool is_location_head(const Token& t) { return t.facts & WordFacts::kLocationHead; }
inline bool is_event_head(const Token& t) { return t.facts & WordFacts::kEventHead; }
inline bool is_generic_noun(const Token& t) { return t.facts & WordFacts::kGenericNoun; }
inline bool is_common_noun(const Token& t) { return t.facts & WordFacts::kCommonNoun; }
inline bool is_kin_word(const Token& t) { return t.facts & WordFacts::kKinWord; }
inline bool is_reporting_verb(const Token& t) { return t.facts & WordFacts::kReportingVerb; }
inline bool refers_back(const Token& t) { return t.facts & WordFacts::kRefersBack; }

// Whether a capitalised word looks like an inflected Indonesian common word rather
// than a name: affixed verbs and nouns (menyampaikan, diketahui, kerjasamanya).
bool looks_inflected(std::string_view key);

// Whether a lowercase word looks like an active verb: the meN- prefix (menerima,
// mengkonfirmasi, melakukan), leaving out the nouns, pronouns and prepositions that
// start the same way (menteri, mereka, melalui, menurut).
bool looks_like_verb(std::string_view key);

}  // namespace newsgraph::ingest::lexicon
