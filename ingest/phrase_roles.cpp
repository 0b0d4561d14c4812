// What the words around a name, or between a cue and its names, say about who the
// parties are: whether a name stands for no actor here (a kind, the people of a place, a
// thing, an envoy's post, the press), who urges, reports or accuses another, whether ties
// are named with their pair, whether a verb of its own or a personal pronoun stands
// between. Part of RelationBuilder (relation_builder.h).
#include "ingest/clause_bounds.h"
#include "ingest/lexicon.h"
#include "ingest/recognizer.h"
#include "ingest/relation_builder.h"

namespace newsgraph::ingest {

// Decided once per mention; see stands_for_no_actor.
bool RelationBuilder::names_a_kind(size_t k) const {
  if (no_actor_[k] < 0) no_actor_[k] = stands_for_no_actor(a_.mentions[k]) ? 1 : 0;
  return no_actor_[k] == 1;
}

bool RelationBuilder::stands_for_no_actor(const NameMention& m) const {
  const EntityType type = entity(m.entity).type;
  // "Siklon Tropis Pakhar", "Ransomware WannaCry": a name a thing noun opens is a thing.
  if (type != EntityType::kCountry &&
      cues_.in_class(classes_.thing_nouns, a_.tokens[m.first].word()))
    return true;
  if (type == EntityType::kTopic || m.first == a_.sentences[m.sentence].first) return false;
  const Token& previous = a_.tokens[m.first - 1];
  const std::string_view before = previous.word();
  const bool two_before = m.first >= a_.sentences[m.sentence].first + 2;  // within the sentence
  // "ayah Abedi berada di Libya": a relative of the person named acts, not the person
  // (the kinship itself is read from "ayah Kim, Kim Jong Il" by the title rules).
  if (type == EntityType::kPerson && lexicon::is_kin_word(previous) && !previous.upper_initial &&
      (m.last >= a_.tokens.size() || a_.tokens[m.last].word() != ","))
    return true;
  // "warga Yordania", "militan ISIS", "remaja Kashmir", "Warga Negara Indonesia"; not a
  // person's ("Politisi Fadli Zon" says what the person is).
  if (type != EntityType::kPerson &&
      (cues_.in_class(classes_.people_of_nouns, before) ||
       (before == "negara" && two_before &&
        cues_.in_class(classes_.people_of_nouns, a_.tokens[m.first - 2].word()))))
    return true;
  // "duta besarnya untuk PBB", "utusan khusus untuk Suriah": where an envoy is sent.
  if (before == "untuk" && two_before &&
      is_envoy_before(m.first - 2, a_.sentences[m.sentence].first))
    return true;
  // "pesawat Gulfstream": a thing no gazetteer knows; not "pesawat Airbus", whose maker
  // sells, nor "rudal Korea Utara", whose country acts. One lowercase word may stand
  // between ("pesawat jet carter Gulfstream N50JE"), but not one that names the maker or
  // owner ("pesawat dari ATR", "kapal milik X").
  const bool describing = two_before && !previous.upper_initial &&
                          !lexicon::is_function_word(previous) && !is_preposition(before) &&
                          before != "milik" && before != "buatan" && before != "produksi";
  if (type != EntityType::kCountry && m.gazetteer < 0 &&
      (cues_.in_class(classes_.thing_nouns, before) ||
       (describing && cues_.in_class(classes_.thing_nouns, a_.tokens[m.first - 2].word()))))
    return true;
  if (type != EntityType::kCountry && type != EntityType::kOrganization) return false;
  // "negara anggota PBB": member states; "sejumlah anggota Partai Republik": some members
  // act, not the party (a body's members as a whole, "anggota DPR menolak", speak for it).
  if (before == "anggota") {
    if (!two_before) return false;
    const Token& word_before = a_.tokens[m.first - 2];
    const std::string_view w = word_before.word();
    return w == "negara" || w == "sejumlah" || w == "beberapa" || w == "seorang" || w == "para" ||
           w == "banyak" || w == "sebagian" || word_before.kind == TokenKind::kNumber;
  }
  // "kepada kantor berita TASS", "harian The Independent": the press spoken to or read,
  // no party to what is reported.
  if (cues_.in_class(classes_.media_nouns, before)) return true;
  if (type != EntityType::kCountry) return false;
  // "para pemberontak Afghanistan", "oposisi Venezuela": those who fight the country's
  // government act, not the country ("pemberontak Houthi" is the group itself).
  if (cues_.in_class(classes_.opponents_nouns, before)) return true;
  // "maskapai nasional Arab Saudi": one adjective may stand between.
  const bool adjective = two_before && !previous.upper_initial &&
                         !lexicon::is_function_word(previous) && !is_preposition(before);
  return is_kind_noun(before) || (adjective && is_kind_noun(a_.tokens[m.first - 2].word()));
}

// The token of a verb urging or asking another to act ("mendesak", "menyerukan",
// "meminta", "mengimbau", "mendorong", or "memperingatkan ... agar") in [from, to), or
// UINT32_MAX.
uint32_t RelationBuilder::urging_verb_between(uint32_t from, uint32_t to) const {
  for (uint32_t t = from; t < to; ++t) {
    const std::string_view w = a_.tokens[t].word();
    if (lexicon::is_urging_verb(w)) return t;
    // "meminta Myanmar ...", "meminta kepada ..." asks a party; "meminta uang muka" a thing.
    if (w == "meminta" && t + 1 < to &&
        (a_.tokens[t + 1].upper_initial || a_.tokens[t + 1].word() == "kepada" ||
         a_.tokens[t + 1].word() == "agar"))
      return t;
    if (w == "memperingatkan" || w == "mengingatkan") {
      for (uint32_t u = t + 1; u < to; ++u)
        if (a_.tokens[u].word() == "agar" || a_.tokens[u].word() == "supaya") return t;
    }
  }
  return UINT32_MAX;
}

// Whether a reporting verb and a comma or "bahwa" after it open a reported clause in
// [from, to): "X mengatakan, ...", "X menyatakan bahwa ...".
bool RelationBuilder::reported_clause_between(uint32_t from, uint32_t to) const {
  for (uint32_t t = from; t + 1 < to; ++t) {
    if (!lexicon::is_reporting_verb(a_.tokens[t])) continue;
    const std::string_view next = a_.tokens[t + 1].word();
    if (next == "," || next == "bahwa") return true;
  }
  return false;
}

std::optional<int> RelationBuilder::person_from_body(const std::vector<Slot>& slots, int body) const {
  if (body < 0 || slots[body].entities.size() != 1 ||
      entity(slots[body].entities[0]).type != EntityType::kOrganization)
    return std::nullopt;
  uint32_t t = slots[body].first;
  // The unit before the body may stand between ("Dewan Mahasiswa Universitas Indonesia").
  for (int steps = 0; steps < 6 && t > a_.sentences[current_sentence_].first && a_.tokens[t - 1].upper_initial; ++steps)
    --t;
  if (t == 0 || a_.tokens[t - 1].word() != "dari") return std::nullopt;
  for (int k = body - 1; k >= 0; --k) {
    if (slots[k].last > t - 1) continue;
    if (slots[k].last == t - 1 && slots[k].entities.size() == 1 &&
        entity(slots[k].entities[0]).type == EntityType::kPerson)
      return k;
    break;
  }
  return -1;  // someone the article does not name here is from the body
}

bool RelationBuilder::reported_party_between(uint32_t from, uint32_t to) const {
  for (uint32_t t = from; t + 1 < to; ++t) {
    if (!lexicon::is_reporting_verb(a_.tokens[t])) continue;
    std::string_view next = a_.tokens[t + 1].word();
    if (next.size() > 3 && next.compare(next.size() - 3, 3, "nya") == 0) next.remove_suffix(3);
    if (next != "pihak" && cues_.in_class(classes_.party_nouns, next)) return true;
  }
  return false;
}

int RelationBuilder::subject_past_attribution(uint32_t s, const std::vector<Slot>& slots, int left,
                                              uint32_t cue) const {
  const uint32_t first = a_.sentences[s].first;
  // The reporting verb opens the sentence, or follows its first word and a comma.
  uint32_t opening = first;
  if (opening + 2 < cue && a_.tokens[opening + 1].word() == "," &&
      lexicon::is_reporting_verb(a_.tokens[opening + 2]))
    opening += 2;
  // ("..., kata Anies, setelah bertemu dengan Habibie" ends a report: Anies met him.)
  if (slots[left].first <= opening || !lexicon::is_reporting_verb(a_.tokens[opening]) ||
      !named_as_speaker(slots[left].first, opening > 0 ? opening - 1 : 0))
    return left;
  bool comma = false;
  for (uint32_t t = slots[left].last; t < cue && !comma; ++t) comma = a_.tokens[t].word() == ",";
  if (!comma) return left;
  const bool interrupted = opening != first && !slots.empty() && slots[0].first == first &&
                           slots[0].last == first + 1;
  return interrupted ? 0 : -1;
}

bool RelationBuilder::in_subordinate_clause_before(uint32_t first, uint32_t cue) const {
  bool closed = false;
  for (uint32_t t = first; t < cue && !closed; ++t) closed = a_.tokens[t].word() == ",";
  return closed && in_subordinate_clause(a_.tokens, first);
}

// Whether the name at token `first` (after token `after`) is who speaks: a reporting
// verb before it, with only its title, its body and commas between ("kata juru bicara
// Kementerian Luar Negeri China, Hua Chunying", "papar Trump").
bool RelationBuilder::named_as_speaker(uint32_t first, uint32_t after) const {
  for (uint32_t t = first, steps = 0; t > after + 1 && steps < 10; --t, ++steps) {
    const std::string_view key = a_.tokens[t - 1].key;
    if (lexicon::is_reporting_verb(key)) return true;
    const bool in_title = key == "," || mention_at_[t - 1] >= 0 || lexicon::is_person_title(key) ||
                          is_title_continuation(key);
    if (!in_title) return false;
  }
  return false;
}

// Whether tokens [from, to) are ties and nothing else: "hubungan", "hubungan dan kerja
// sama", "kerjasama".
bool RelationBuilder::names_ties_between(uint32_t from, uint32_t to) const {
  bool ties = false;
  for (uint32_t t = from; t < to; ++t) {
    const std::string_view w = a_.tokens[t].word();
    if (w == "hubungan" || w == "kerjasama" || w == "kemitraan" || w == "persahabatan") {
      ties = true;
    } else if (!(w == "kerja" || w == "sama" || w == "dan" || w == "bilateral" || w == "kedua")) {
      return false;
    }
  }
  return ties;
}

// Whether a verb of its own ("melepas", "mengirim") stands in [from, to), outside names;
// not "melawan", which takes the object of an attack, nor a verb after "yang", which
// says what the noun does ("surat yang meminta Myanmar ...").
bool RelationBuilder::own_verb_between(uint32_t from, uint32_t to) const {
  for (uint32_t t = from; t < to; ++t) {
    const std::string_view key = a_.tokens[t].key;
    if (mention_at_[t] < 0 && key != "melawan" && lexicon::looks_like_verb(key) &&
        !(t > from && a_.tokens[t - 1].key == "yang"))
      return true;
  }
  return false;
}

// Whether the word at token w ends an envoy's title: "dubes", "diplomat", "duta
// besar(nya)", "utusan (khusus)", "wakil tetap".
bool RelationBuilder::is_envoy_before(uint32_t w, uint32_t sentence_first) const {
  const std::string_view word = a_.tokens[w].word();
  if (cues_.in_class(classes_.envoy_nouns, word) || word == "utusan") return true;
  const std::string_view prev = w > sentence_first ? a_.tokens[w - 1].word() : "";
  return ((word == "besar" || word == "besarnya") && prev == "duta") ||
         (word == "khusus" && prev == "utusan") || (word == "tetap" && prev == "wakil");
}

bool RelationBuilder::is_kind_noun(std::string_view w) const {
  return cues_.in_class(classes_.kind_nouns, w);
}

bool RelationBuilder::reported_object_between(uint32_t i, uint32_t j) const {
  for (uint32_t t = i; t + 1 < j; ++t) {
    // "Wu menuding China sengaja membujuk Kiribati": the accused is who acts.
    const std::string_view k = a_.tokens[t].key;
    if (!lexicon::is_reporting_verb(k) && k != "menilai" && k != "menganggap" && k != "menuding" &&
        k != "menuduh")
      continue;
    const Token& next = a_.tokens[t + 1];
    const std::string_view w = next.word();
    if (mention_at_[t + 1] >= 0 || !next.is_word() || next.upper_initial || w == "bahwa" ||
        w == "kalau" || w == "akan" || w == "telah" || w == "sudah" || w == "juga" ||
        w == "kepada" ||
        (w.size() > 5 &&
         w.substr(w.size() - 3) == "nya") ||  // "negaranya", "pihaknya": the speaker's own
        lexicon::is_function_word(w) ||
        lexicon::looks_like_verb(w))
      continue;
    return true;
  }
  return false;
}

// Whether a pronoun no name stands for here (first or second person, "mereka",
// "pihaknya") stands between tokens i and j, in j's clause.
bool RelationBuilder::personal_pronoun_between(uint32_t i, uint32_t j) const {
  for (uint32_t t = j; t-- > i;) {
    const std::string_view w = a_.tokens[t].word();
    if (w == "," || w == "\"" || w == ";") return false;
    // "mereka", "pihaknya": pronouns too that no name stands for here.
    if (w == "saya" || w == "aku" || w == "kami" || w == "kita" || w == "anda" || w == "kamu" ||
        w == "mereka" || w == "pihaknya")
      return true;
  }
  return false;
}

}  // namespace newsgraph::ingest
