// Static relations from how people are named: titles before a name ("Presiden Rusia X":
// LEADS; "Wakil ...", a unit's head: MEMBER_OF), appositions after it ("X, juru bicara
// Y"), "di bawah (pimpinan) X", kinship ("ayah Kim, Kim Jong Il"; "X, kakak tiri Y").
#include "core/text.h"
#include "ingest/lexicon.h"
#include "ingest/recognizer.h"
#include "ingest/relation_builder.h"

namespace newsgraph::ingest {
namespace {

// "," or "namely": what may stand between a title's body and its holder's name.
bool is_namely(std::string_view w) { return w == "," || w == "yaitu" || w == "yakni" || w == ":"; }

}  // namespace

// LEADS from "Presiden Rusia Vladimir Putin" and role phrases.
void RelationBuilder::title_relations(uint32_t s) {
  const auto& ms = a_.mentions;
  auto [begin, end] = mentions_of(s);
  for (size_t k = begin; k < end; ++k) {
    const NameMention& m = ms[k];
    // "seorang Warga Negara Perancis X": a citizen of a country holds no post in it.
    if (!m.modifier || names_a_kind(k)) continue;
    int32_t person = -1;
    // "juru bicara pertahanan India Letnan Kolonel X", "Polres X Ajun Komisaris Besar Y",
    // "PM Malaysia Tun Dr. Mahathir": ranks and honorifics (an abbreviation's dot too).
    const uint32_t after_rank = rank_end(a_.tokens, m.last, a_.sentences[s].last);
    for (size_t j = begin; j < end; ++j) {
      if (j == k) continue;
      // The person named right after the body, a comma, "yaitu" or a short form in
      // brackets between ("Presiden Rusia, Vladimir Putin", "Presiden Amerika Serikat (AS)
      // Donald Trump"); not "PM Malaysia dan Obama". A role alone ("Presiden AS" standing
      // for a leader named elsewhere) states no one's post here.
      const uint32_t next = ms[j].first;
      const bool named_after = !ms[j].role && entity(ms[j].entity).type == EntityType::kPerson &&
                               (next == after_alias(m.last) || next == after_rank ||
                                (next == m.last + 1 && is_namely(a_.tokens[m.last].word())));
      if (named_after) {
        // "Sekjen PBB, Kofi Annan (mantan Sekjen PBB)": a former holder, said after the name.
        const uint32_t after = ms[j].last;
        if (after + 1 < a_.sentences[s].last &&
            (a_.tokens[after].word() == "(" || a_.tokens[after].word() == ",") &&
            lexicon::is_not_current(a_.tokens[after + 1]))
          break;
        person = ms[j].entity;
        break;
      }
    }
    if (person < 0) continue;
    // "Wakil Ketua KPK X", "Wakil Perdana Menteri Malaysia X": a deputy is a member.
    // "mantan Presiden Georgia X", "calon Presiden AS X": no role today.
    bool deputy = false;
    for (uint32_t t = m.first; t > a_.sentences[s].first; --t) {
      const std::string_view key = a_.tokens[t - 1].key;
      if (lexicon::is_not_current(key)) break;
      if (key == "wakil") deputy = true;
      if (deputy || !(lexicon::is_leader_title(key) || lexicon::is_person_title(key))) break;
    }
    if (holds_no_current_role(s, m.first)) continue;
    // "wakil Perdana Menteri Turki": the deputy is not the leader the role stands for.
    if (deputy && role_for(begin, end, m)) continue;
    if (!deputy && !leader_title_before(m.first, a_.sentences[s].first)) {
      // "Kepala Keamanan Dalam Negeri AS X", "Ketua Komisi I DPR X": the head of a unit
      // of the body, a member of the body.
      add(person, Predicate::kMemberOf, m.entity, s, UINT32_MAX, "", "title.unit_head", 0.85);
      continue;
    }
    if (deputy)
      add(person, Predicate::kMemberOf, m.entity, s, UINT32_MAX, "", "title.deputy", 0.85);
    else
      add(person, Predicate::kLeads, m.entity, s, UINT32_MAX, "", "title.leads", 0.9);
  }
}

void RelationBuilder::family_and_membership(uint32_t s, const std::vector<Slot>& slots) {
  const SentenceInfo& si = a_.sentences[s];
  for (size_t k = 0; k < slots.size(); ++k) {
    const Slot& slot = slots[k];
    if (slot.entities.size() != 1) continue;
    int32_t e = slot.entities[0];
    uint32_t before = slot.first;
    // "ayah Kim, Kim Jong Il": FAMILY.
    if (before > si.first && lexicon::is_kin_word(a_.tokens[before - 1]) &&
        entity(e).type == EntityType::kPerson && k + 1 < slots.size() &&
        slots[k + 1].first == slot.last + 1 && a_.tokens[slot.last].word() == "," &&
        entity(slots[k + 1].entities[0]).type == EntityType::kPerson) {
      add(e, Predicate::kFamily, slots[k + 1].entities[0], s, UINT32_MAX, a_.tokens[before - 1].key,
          "title.family", 0.8);
    }
    if (entity(e).type != EntityType::kPerson) continue;
    led_by(s, slots, k);
    // "Juru bicara Dewan Keamanan Nasional John Kirby", "Duta Besar Rusia untuk AS, Anatoly
    // Antonov": the first body after a role title, then the person.
    int32_t body = body_before_person(s, slot.first);
    // A leader named by the title ("Perdana Menteri Israel X") is no mere member.
    if (body >= 0 && !holds_no_current_role(s, slot.first) &&
        relation_index_.find(packed(e, Predicate::kLeads, body)) == FlatIndex::kNone)
      add(e, Predicate::kMemberOf, body, s, UINT32_MAX, "", "title.member", 0.85);
    // A person named by a post alone ("Menteri Luar Negeri Jerman, Duta Besar China ...")
    // has no apposition: what follows the comma is another party.
    const bool by_post = mention_at_[slot.last - 1] >= 0 && a_.mentions[mention_at_[slot.last - 1]].role;
    if (slot.last < si.last && a_.tokens[slot.last].word() == "," && !by_post)
      apposition_role(s, e, slot.last + 1);
  }
}

// "pemerintah AS di bawah (pimpinan) Presiden Donald Trump", "Korea Utara pimpinan Kim
// Jong Un": the person (slot k) leads the body named just before the phrase.
void RelationBuilder::led_by(uint32_t s, const std::vector<Slot>& slots, size_t k) {
  const SentenceInfo& si = a_.sentences[s];
  uint32_t t = slots[k].first;
  while (t > si.first && (lexicon::is_leader_title(a_.tokens[t - 1]) ||
                          is_title_continuation(a_.tokens[t - 1])))
    --t;
  if (t > si.first &&
      (a_.tokens[t - 1].word() == "pimpinan" || a_.tokens[t - 1].word() == "kepemimpinan"))
    --t;
  const bool under =
      t >= si.first + 2 && a_.tokens[t - 1].word() == "bawah" && a_.tokens[t - 2].word() == "di";
  if (under)
    t -= 2;
  else if (t == slots[k].first || a_.tokens[t].word() != "pimpinan")
    return;
  for (size_t b = k; b-- > 0;) {
    if (slots[b].entities.size() != 1 || slots[b].last + (under ? 2 : 0) < t) break;
    const EntityType type = entity(slots[b].entities[0]).type;
    if (type == EntityType::kCountry || type == EntityType::kOrganization) {
      // "pasukan Prancis di bawah pimpinan Napoleon": the forces are led, not the country;
      // "Kartel Sinaloa Meksiko pimpinan X": a body whose name the country ends.
      const uint32_t f = slots[b].first;
      if (f > si.first && (cues_.in_class(classes_.force_words, a_.tokens[f - 1].word()) ||
                           cues_.in_class(classes_.body_nouns, a_.tokens[f - 1].word()) ||
                           (type == EntityType::kCountry && a_.tokens[f - 1].upper_initial && f - 1 > si.first &&
                            !lexicon::is_person_title(a_.tokens[f - 1]) &&
                            !cues_.in_class(classes_.party_nouns, a_.tokens[f - 1].key))))
        return;
      add(slots[k].entities[0], Predicate::kLeads, slots[b].entities[0], s, UINT32_MAX, "",
          "phrase.led_by", 0.8);
      return;
    }
  }
}

// The role in an apposition after a person: "X, juru bicara Kementerian Luar Negeri
// China", "X, seorang pejabat dari Brigade Y", "X, pemimpin kelompok Y" (LEADS).
// The body is the first name after the role words, before any verb or further comma;
// a former or would-be holder ("X, mantan presiden Y") gets nothing.
void RelationBuilder::apposition_role(uint32_t s, int32_t person, uint32_t from) {
  const SentenceInfo& si = a_.sentences[s];
  bool role = false, leader = false, deputy = false;
  // The apposition opens with its role: "X, juru bicara ...", "X, seorang pejabat ...".
  while (from < si.last &&
         (a_.tokens[from].word() == "seorang" || a_.tokens[from].word() == "sang" ||
          a_.tokens[from].word() == "selaku" || a_.tokens[from].word() == "sebagai"))
    ++from;
  if (from < si.last && lexicon::is_kin_word(a_.tokens[from])) {
    kin_apposition(s, person, from);
    return;
  }
  if (from >= si.last || !is_role_word(a_.tokens[from].key)) return;
  for (uint32_t j = from; j < std::min(si.last, from + 12); ++j) {
    const std::string_view key = a_.tokens[j].key;
    if (mention_at_[j] >= 0) {
      const NameMention& m = a_.mentions[mention_at_[j]];
      const EntityType type = entity(m.entity).type;
      if (!role || m.role) return;
      // "penasihat soal ISIS": what the role is about, not whom it serves.
      const std::string_view word_before = a_.tokens[m.first - 1].word();
      if (word_before == "soal" || word_before == "tentang" || word_before == "mengenai" ||
          word_before == "terkait")
        return;
      const bool place = m.metonym || lexicon::is_locative_preposition(a_.tokens[m.first - 1].key);
      if ((type != EntityType::kOrganization && type != EntityType::kCountry) ||
          (place && type == EntityType::kCountry)) {
        j = m.last - 1;
        continue;
      }
      // "pemimpin kelompok X": a word saying what kind of body may stand between the title
      // and the body; "kepala delegasi ICRC" heads a unit, not the body.
      uint32_t body_first = m.first;
      while (body_first > from && m.first - body_first < 2 &&
             cues_.in_class(classes_.body_nouns, a_.tokens[body_first - 1].key))
        --body_first;
      // "X, Kepala Y, Z, Ketua W V", "X, Kasal Bangladesh Laksamana Y": a list of titled
      // people, no apposition of X's (ranks may stand between body and person).
      uint32_t after_body = m.last;
      while (after_body < si.last && mention_at_[after_body] < 0 &&
             (lexicon::is_person_title(a_.tokens[after_body]) ||
              is_title_continuation(a_.tokens[after_body])))
        ++after_body;
      if (after_body < si.last && mention_at_[after_body] >= 0 &&
          entity(a_.mentions[mention_at_[after_body]].entity).type == EntityType::kPerson)
        return;
      // "Y, Wakil Tetap RI untuk PBB di Jenewa, Duta Besar Z": a role before a comma and a
      // titled name is that name's.
      if (titled_person_after_comma(m.last, si.last)) return;
      // "X, Presiden Pertamina saat itu": a post held then, not now.
      if (m.last + 1 < si.last && a_.tokens[m.last + 1].word() == "itu" &&
          (a_.tokens[m.last].word() == "saat" || a_.tokens[m.last].word() == "ketika" ||
           a_.tokens[m.last].word() == "kala" || a_.tokens[m.last].word() == "waktu"))
        return;
      const std::string_view head = a_.tokens[body_first - 1].key;
      if ((leader || head == "ceo" || head == "dirut" || head == "presdir") && !deputy &&
          (leader_title_before(body_first, from) || head == "pemilik" || head == "pendiri" ||
           head == "ceo" || head == "dirut" || head == "presdir"))
        add(person, Predicate::kLeads, m.entity, s, UINT32_MAX, "", "apposition.leads", 0.8);
      else
        add(person, Predicate::kMemberOf, m.entity, s, UINT32_MAX, "", "apposition.member", 0.8);
      return;
    }
    if (lexicon::is_not_current(key) || key == "," || lexicon::looks_like_verb(key) ||
        lexicon::is_reporting_verb(key) || key == "yang")
      return;
    if (key == "wakil") deputy = true;
    if (!role && (lexicon::is_leader_title(key) || key == "pemilik" || key == "pendiri"))
      leader = true;
    if (is_role_word(key)) role = true;
  }
}

// A word that names a role in a body ("juru bicara", "pejabat", "pemilik"); not the
// words that introduce a nickname or an initial ("sapaan", "inisial").
bool RelationBuilder::is_role_word(std::string_view key) {
  if (key == "sapaan" || key == "panggilan" || key == "inisial" || key == "bernama" ||
      key == "warga" || key == "korban" || key == "saksi" || key == "tersangka" ||
      key == "terdakwa" || key == "pelaku")
    return false;
  return lexicon::is_person_title(key) || lexicon::is_role_noun(key) || key == "pemilik" ||
         key == "pendiri";
}

// "Kim Jong-nam, kakak tiri pemimpin Korea Utara Kim Jong-un": the kin word at `from`,
// then titles and their bodies, then the relative.
void RelationBuilder::kin_apposition(uint32_t s, int32_t person, uint32_t from) {
  const SentenceInfo& si = a_.sentences[s];
  const std::string_view kin = a_.tokens[from].key;
  for (uint32_t j = from + 1; j < std::min(si.last, from + 10); ++j) {
    const std::string_view key = a_.tokens[j].key;
    if (mention_at_[j] >= 0) {
      const NameMention& m = a_.mentions[mention_at_[j]];
      if (m.modifier) {
        j = m.last - 1;
        continue;
      }
      if (entity(m.entity).type == EntityType::kPerson && m.entity != person)
        add(person, Predicate::kFamily, m.entity, s, UINT32_MAX, kin, "apposition.family", 0.8);
      return;
    }
    const bool modifier_word = key == "tiri" || key == "kandung" || key == "sulung" ||
                               key == "bungsu" || key == "kedua" || key == "tertua" ||
                               key == "termuda" || key == "angkat";
    if (!modifier_word && !lexicon::is_person_title(key) && !lexicon::is_leader_title(key) &&
        !is_title_continuation(key))
      return;
  }
}

// Whether the person of the title with body m is a role mention ("Presiden Rusia"
// standing for the leader the article names), not a name that follows the title.
bool RelationBuilder::role_for(size_t begin, size_t end, const NameMention& m) const {
  for (size_t j = begin; j < end; ++j) {
    if (a_.mentions[j].role && a_.mentions[j].last == m.last) return true;
  }
  return false;
}

// Whether a leader's title stands right before the body at `first` ("Presiden Rusia",
// "Perdana Menteri Israel", "Pemimpin Tertinggi Iran", "Sekretaris Jenderal PBB"),
// rather than a unit's name ("Kepala Keamanan Dalam Negeri AS").
bool RelationBuilder::leader_title_before(uint32_t first, uint32_t sentence_first) const {
  uint32_t t = first;
  while (t > sentence_first && is_leader_qualifier(a_.tokens[t - 1].key)) --t;
  if (t == sentence_first) return false;
  const std::string_view key = a_.tokens[t - 1].key;
  if (lexicon::is_leader_title(key)) return true;
  const std::string_view before =
      t - 1 > sentence_first ? std::string_view(a_.tokens[t - 2].key) : std::string_view();
  // A secretary- or director-general heads an international body ("Sekretaris Jenderal
  // PBB"), not a ministry or a party, where the minister or the chair does.
  // The body's own first word, or its entity's ("KLHK" is the Kementerian Lingkungan
  // Hidup dan Kehutanan).
  std::string body(a_.tokens[first].key);
  if (mention_at_[first] >= 0) {
    const std::string& label = entity(a_.mentions[mention_at_[first]].entity).label;
    body = text::fold_key(label.substr(0, label.find(' ')));
  }
  const bool led_by_another = body == "kementerian" || body == "departemen" || body == "partai" ||
                              body == "kemenkeu" || body == "kemlu" || body == "kemendagri" ||
                              body == "ministry" || body == "department" || body == "party";
  return (key == "menteri" && before == "perdana") ||
         (key == "jenderal" && (before == "sekretaris" || before == "direktur") && !led_by_another);
}

bool RelationBuilder::is_leader_qualifier(std::string_view key) {
  return key == "tertinggi" || key == "agung" || key == "spiritual" || key == "terpilih" ||
         key == "sementara" || key == "interim" || key == "de" || key == "facto" || key == "umum" ||
         key == "besar" || key == "muda" || key == "baru" || key == "eksekutif";
}

bool RelationBuilder::titled_person_after_comma(uint32_t from, uint32_t end) const {
  uint32_t t = from;
  while (t < end && t < from + 10 && a_.tokens[t].word() != ",") ++t;
  if (t >= end || a_.tokens[t].word() != ",") return false;
  ++t;
  bool titled = false;
  while (t < end && mention_at_[t] < 0 &&
         (lexicon::is_person_title(a_.tokens[t]) || is_title_continuation(a_.tokens[t]))) {
    titled = true;
    ++t;
  }
  return titled && t < end && mention_at_[t] >= 0 &&
         entity(a_.mentions[mention_at_[t]].entity).type == EntityType::kPerson;
}

// Whether the title before the name or body at token `first` is a former or would-be
// one: one of those words among the title words before it.
bool RelationBuilder::holds_no_current_role(uint32_t s, uint32_t first) const {
  for (uint32_t t = first, steps = 0; t > a_.sentences[s].first && steps < 8; --t, ++steps) {
    const std::string_view key = a_.tokens[t - 1].key;
    if (lexicon::is_not_current(key)) return true;
    if (key == "sebagai") return past_or_future_post(s, t - 1);
    const bool title_word = lexicon::is_leader_title(key) || lexicon::is_person_title(key) ||
                            is_title_continuation(key) || mention_at_[t - 1] >= 0 ||
                            (key == "," && t == first);  // "mantan perdana menteri Kosovo, X"
    if (!title_word) return false;
  }
  return false;
}

// The token after a parenthesised short form at token t ("Amerika Serikat (AS) Donald
// Trump"), or t itself.
uint32_t RelationBuilder::after_alias(uint32_t t) const {
  if (t + 2 < a_.tokens.size() && a_.tokens[t].word() == "(" && a_.tokens[t + 2].word() == ")")
    return t + 3;
  return t;
}

// "sempat menjabat sebagai perdana menteri X", "dipilih sebagai pemimpin X", "akan dilantik
// sebagai Presiden X": the post held before `as` (the token "sebagai") is a past or a
// coming one.
bool RelationBuilder::past_or_future_post(uint32_t s, uint32_t as) const {
  const uint32_t from = as >= a_.sentences[s].first + 4 ? as - 4 : a_.sentences[s].first;
  bool coming = false;
  for (uint32_t t = from; t < as; ++t) {
    const std::string_view key = a_.tokens[t].word();
    if (key == "sempat" || key == "pernah" || key == "dulu" || key == "dahulu" ||
        key == "dipilih" || key == "terpilih")
      return true;
    if (key == "akan") coming = true;
    if (coming && key == "dilantik") return true;
  }
  return false;
}

int32_t RelationBuilder::body_before_person(uint32_t s, uint32_t person_first) const {
  const SentenceInfo& si = a_.sentences[s];
  // Walk left over the body and the title: bodies are names, titles are role words.
  int32_t body = -1;
  uint32_t i = person_first;
  // Ranks right after a body's name are the person's ("... pertahanan India Letnan
  // Kolonel X"): the walk starts at the body.
  uint32_t rank = i;
  while (rank > si.first + 1 && lexicon::is_person_title(a_.tokens[rank - 1])) --rank;
  if (rank < i && mention_at_[rank - 1] >= 0) i = rank;
  int budget = 14;
  while (i > si.first && budget-- > 0) {
    --i;
    const Token& t = a_.tokens[i];
    bool in_name = mention_at_[i] >= 0;
    if (in_name) {
      const NameMention& m = a_.mentions[mention_at_[i]];
      EntityType type = entity(m.entity).type;
      // "kepada Sekretaris Jenderal PBB, Antonio Guterres, Ja menulis": the title before
      // another person's name is that person's.
      if (type == EntityType::kPerson && !m.role) return -1;
      if ((type == EntityType::kOrganization || type == EntityType::kCountry) && !m.role)
        body = m.entity;
      i = m.first;
    }
    if (in_name) continue;
    if (t.word() == "," || t.word() == "untuk") continue;
    if (lexicon::is_leader_title(t) && !lexicon::is_role_noun(t)) return -1;
    // "Dirut PT Pertani bernama X" holds a role in the body; "warga Polandia bernama X",
    // a victim or a suspect does not.
    if (lexicon::is_role_noun(t) || lexicon::is_person_title(t))
      return is_role_word(t.key) ? body : -1;
    if (body >= 0 && t.upper_initial) continue;  // a unit of the body: "Kepala Manajemen PBB X"
    if (!is_title_continuation(t)) return -1;
  }
  return -1;
}

}  // namespace newsgraph::ingest
