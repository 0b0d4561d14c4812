#include "ingest/name_typing.h"

#include "ingest/lexicon.h"
#include "ingest/recognizer.h"

namespace newsgraph::ingest {
namespace {

// "bertemu", "berangkat", "terpilih", "terlilit": ber- and ter- verbs, not the titles
// that start the same way ("tersangka", "terdakwa").
bool looks_like_ber_ter_verb(std::string_view key) {
  return key.size() >= 7 && (key.compare(0, 3, "ber") == 0 || key.compare(0, 3, "ter") == 0) &&
         !lexicon::is_person_title(key) && !lexicon::is_function_word(key);
}

bool is_subject_adverb(std::string_view key) {
  return key == "juga" || key == "sendiri" || key == "pun" || key == "tak" || key == "tidak" ||
         key == "belum" || key == "sudah" || key == "telah" || key == "akan" || key == "masih" ||
         key == "kemudian";
}

// Verbs of belief and hope that take a person as subject ("Slamet berharap").
bool is_stance_verb(std::string_view key) {
  return key == "berharap" || key == "percaya" || key == "yakin" || key == "optimistis" ||
         key == "pesimistis" || key == "enggan" || key == "setuju" || key == "mengaku" ||
         key == "berpendapat" || key == "belajar" || key == "bertanya" || key == "berjanji" ||
         key == "sepakat" || key == "khawatir" || key == "ingin" || key == "mampu" ||
         key == "tiba" || key == "hadir" || key == "pergi" || key == "lahir";
}

// Whether the name ending at `last` is followed by a comma and a known place.
bool heads_place_list(const Analysis& a, const Gazetteer& g, const SentenceInfo& info,
                      uint32_t last) {
  if (last + 1 >= info.last || a.tokens[last].word() != ",") return false;
  auto next = g.longest_match(a.tokens, last + 1, info.last);
  if (!next || next->metonym) return false;
  EntityType type = g.entry(next->entry).type;
  return type == EntityType::kLocation || type == EntityType::kCountry;
}

}  // namespace

// "II", "XI", "IV": a numeral, not a name, when it stands alone.
bool is_roman_numeral(const Token& t) {
  if (!t.all_upper || t.key.size() > 4) return false;
  for (char c : t.key) {
    if (c != 'i' && c != 'v' && c != 'x') return false;
  }
  return true;
}

// "F68", "W510", "S150": letters and digits together make a model or a code.
bool is_code(const Token& t) {
  bool letter = false, digit = false;
  for (char c : t.key) {
    letter = letter || (c >= 'a' && c <= 'z');
    digit = digit || (c >= '0' && c <= '9');
  }
  return letter && digit;
}

// Words that can start a capitalised run but are not names themselves.
bool is_not_name(const Token& t) {
  const bool money =
      t.key.size() > 2 && t.key[0] == 'r' && t.key[1] == 'p' && t.key[2] >= '0' && t.key[2] <= '9';
  return money || lexicon::is_function_word(t) ||
         lexicon::is_common_capitalized(t);  // "Rp100"
}

// The type a definition right after a name gives it: "X adalah sebuah kelompok
// pemberontak" (a body), "X, seorang peneliti" (a person), "X merupakan kota ..."
// (a place). None when no definition follows.
std::optional<EntityType> type_from_definition(const Analysis& a, const SentenceInfo& info,
                                               uint32_t last) {
  const auto& t = a.tokens;
  uint32_t k = last;
  if (k < info.last && (t[k].word() == "adalah" || t[k].word() == "merupakan" ||
                        t[k].word() == "ialah" || t[k].word() == ","))
    ++k;
  else
    return std::nullopt;
  if (k < info.last && t[k].word() == "seorang") return EntityType::kPerson;
  if (k < info.last && (t[k].word() == "sebuah" || t[k].word() == "suatu")) ++k;
  if (k >= info.last || !t[k].is_word() || t[k].upper_initial) return std::nullopt;
  if (lexicon::is_group_cue(t[k].key)) return EntityType::kOrganization;
  if (lexicon::is_place_cue(t[k].key)) return EntityType::kLocation;
  return std::nullopt;
}

// Whether the one word at k, opening a sentence, is a name by its verb: "Perlman
// mengatakan ...", "Firman meyakini ...", "Tsvangirai, mantan ...". Common and
// inflected words never are.
bool is_subject_of_verb(const Analysis& a, uint32_t k, uint32_t end) {
  const Token& w = a.tokens[k];
  const bool possessive =
      w.key.size() > 5 && w.key.compare(w.key.size() - 3, 3, "nya") == 0;  // "Pasukannya"
  if (k + 1 >= end || lexicon::is_common_noun(w) || lexicon::is_generic_noun(w) ||
      is_not_name(w) || lexicon::is_person_title(w) || w.all_upper || possessive ||
      lexicon::looks_like_verb(w.key))
    return false;
  const Token& next = a.tokens[k + 1];
  if (next.is_word() && lexicon::is_reporting_verb(next))
    return true;  // "Fanshurullah mengatakan"
  if (lexicon::looks_inflected(w.key)) return false;
  if (next.word() == "," && k + 2 < end)
    return a.tokens[k + 2].word() == "mantan" || a.tokens[k + 2].word() == "seorang" ||
           a.tokens[k + 2].word() == "yang";
  // "Idrus juga yakin", "Anas sendiri terlilit": an adverb between subject and verb
  uint32_t v = k + 1;
  if (v + 1 < end && is_subject_adverb(a.tokens[v].key)) ++v;
  const Token& verb = a.tokens[v];
  return verb.is_word() && !verb.upper_initial &&
         (lexicon::is_reporting_verb(verb) || lexicon::looks_like_verb(verb.key) ||
          is_stance_verb(verb.key) || looks_like_ber_ter_verb(verb.key));
}

// Type of a name no gazetteer knows, from its head word, its shape and its context.
// With no evidence at all it answers kPerson and sets *guessed.
EntityType type_from_context(const Analysis& a, const Gazetteer& g, const SentenceInfo& info,
                             uint32_t first, uint32_t last, bool* guessed) {
  const Token& head = a.tokens[first];
  if (lexicon::is_org_head(head) && last - first > 1) return EntityType::kOrganization;
  if (lexicon::is_location_head(head) && last - first > 1) return EntityType::kLocation;
  if (lexicon::is_event_head(head) && last - first > 1) return EntityType::kEvent;
  // "Kutai Timur", "Nusa Tenggara": a compass word ends a place's name.
  if (last - first > 1 && lexicon::is_compass_word(a.tokens[last - 1].key) &&
      a.tokens[last - 1].upper_initial)
    return EntityType::kLocation;
  if (last - first == 1 && head.all_upper && head.key.size() >= 2 && head.key.size() <= 6)
    return EntityType::kOrganization;
  // An English company or body: "UAL Corp", "New York Mercantile Exchange".
  if (last - first > 1 && lexicon::is_org_tail(a.tokens[last - 1]))
    return EntityType::kOrganization;
  // A head word alone that is not a generic noun names one institution ("Unpad",
  // "Persija", "Kostrad"); generic ones ("Partai", "Dewan") never get here.
  if (last - first == 1 && lexicon::is_org_head(head)) return EntityType::kOrganization;
  // A lowercase noun just before says what kind of name follows: "kelompok Jaish al
  // Islam", "etnis Rohingya" (a group), "kota Deraa" (a place); so does an English
  // article ("The Independent").
  if (first > info.first && a.tokens[first - 1].is_word()) {
    const Token& cue = a.tokens[first - 1];
    // "Latihan Ulchi ..." opens the sentence: its capital says nothing.
    const bool upper = cue.upper_initial && first - 1 != info.first;
    if (!upper && (lexicon::is_group_cue(cue.key) || lexicon::is_people_cue(cue.key)))
      return EntityType::kOrganization;
    if (!upper && lexicon::is_place_cue(cue.key)) return EntityType::kLocation;
    if (!upper && lexicon::is_event_head(cue)) return EntityType::kEvent;  // "latihan Ulchi ..."
    if (upper && cue.word() == "the") return EntityType::kOrganization;
  }
  // "Tamim bin Hamad", "Abdullah ibn Saud": a patronymic is a person's.
  for (uint32_t k = first + 1; k + 1 < last; ++k) {
    const std::string_view w = a.tokens[k].word();
    if (w == "bin" || w == "binti" || w == "ibn" || w == "ibnu") return EntityType::kPerson;
  }
  // Look left past titles, lowercase role words and known names ("Juru bicara
  // Dewan Keamanan Nasional John Kirby", "Menteri unifikasi Kim Young-ho").
  for (uint32_t k = first, steps = 0; k > info.first && steps < 8; ++steps) {
    --k;
    const Token& t = a.tokens[k];
    if (!t.is_word()) {
      if (t.word() == "," && steps == 0) continue;  // "Duta Besar Rusia, Anatoly Antonov"
      break;
    }
    if (lexicon::is_person_title(t) || lexicon::is_kin_word(t) ||
        lexicon::is_reporting_verb(t))
      return EntityType::kPerson;
    if (lexicon::is_locative_preposition(t.key) && k + 1 == first) return EntityType::kLocation;
    if (!t.upper_initial && !is_title_continuation(t)) break;
  }
  // "..., kata Kirby" is handled above; "Kirby mengatakan" / "Kirby, seorang peneliti".
  if (last < info.last) {
    const Token& next = a.tokens[last];
    if (next.is_word() && lexicon::is_reporting_verb(next)) return EntityType::kPerson;
  }
  // The head of a list of places, most specific first: "Hambalang, Bogor, Jawa Barat".
  // (A name after a place and a comma is as often a person: "Duta Besar Rusia untuk
  // Amerika Serikat, Anatoly Antonov".)
  if (heads_place_list(a, g, info, last)) return EntityType::kLocation;
  *guessed = true;
  return EntityType::kPerson;
}

}  // namespace newsgraph::ingest
