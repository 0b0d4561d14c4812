// A cue's subject and object by its voice and construction: active, passive (with or
// without "oleh"), reversed, noun cues with a possessor, a light verb, a receiving verb,
// "-nya" or a fronted phrase, symmetric cues and their pairs, reciprocal "saling".
#include <algorithm>

#include "ingest/clause_bounds.h"
#include "ingest/coreference.h"
#include "ingest/lexicon.h"
#include "ingest/relation_builder.h"

namespace newsgraph::ingest {
namespace {

// What is done in words, so saying it is doing it.
bool is_verbal_predicate(Predicate p) {
  return p == Predicate::kSupport || p == Predicate::kAccuse || p == Predicate::kReject ||
         p == Predicate::kThreaten || p == Predicate::kCommunicate || p == Predicate::kInvite ||
         p == Predicate::kAccept || p == Predicate::kRecognize;
}

// A noun made from a verb with pe-...-an ("pemecatan", "penangkapan", "pembunuhan").
bool is_deed_noun(std::string_view key) {
  // Not "perdagangan", "perusahaan", nor bodies and places: "pemerintahan", "pengadilan".
  return key.size() >= 8 && key.compare(0, 2, "pe") == 0 &&
         key.compare(key.size() - 2, 2, "an") == 0 && key.compare(0, 3, "per") != 0 &&
         key != "pemerintahan" && key != "pengadilan" && key != "pelabuhan" &&
         key != "pemerintahannya";
}

// Whether the deed named at i has its agent named after it, in its clause: "serangan ...
// dilakukan oleh ISIS", "serangan yang didalangi X".
bool agent_named_after_in(const std::vector<Token>& tokens, uint32_t i, uint32_t end) {
  for (uint32_t t = i + 1; t < end; ++t) {
    const std::string_view w = tokens[t].word();
    if (w == ";" || w == "\"") return false;
    if (w == "oleh" || w == "dilakukan" || w == "didalangi" || w == "dilancarkan") return true;
  }
  return false;
}

// A word that opens a verb phrase: "menunjuk", "terlibat", "berkomentar"; not a
// preposition or a determiner that looks like one ("terhadap", "tersebut", "beberapa").
bool opens_verb_phrase(std::string_view key) {
  auto prefixed = [&](std::string_view p) {
    return key.size() >= p.size() + 4 && key.compare(0, p.size(), p) == 0;
  };
  if (lexicon::looks_like_verb(key)) return true;
  if (!prefixed("ter") && !prefixed("ber")) return false;
  return !lexicon::is_function_word(key) && key != "terhadap" && key != "tersebut" &&
         key != "termasuk" && key != "terkait" && key != "terutama" && key != "bersama" &&
         key != "berdasarkan" && key != "berbagai" && key != "beberapa" && key != "berikut" &&
         key != "terakhir";
}

}  // namespace

void RelationBuilder::apply_cue(uint32_t s, std::vector<Slot>& slots, uint32_t i, const Cue& cue,
                                std::string_view word) {
  const SentenceInfo& si = a_.sentences[s];
  const uint32_t previous_cue = previous_cue_;
  const Predicate previous_predicate = previous_predicate_;
  previous_cue_ = i;
  previous_predicate_ = cue.predicate;
  cue_is_noun_ = cue.noun;
  // "memberi bantuan kepada X": what a giving verb gives is read with the verb (SUPPLY),
  // not again on its own (SUPPORT).
  if (cue.noun && i > 0 && previous_cue == i - 1 && previous_predicate == Predicate::kSupply &&
      cue.predicate != Predicate::kSupply)
    return;
  const char* rule = "cue.active";
  int subj = -1, obj = -1;
  double confidence = 0.75;
  int left = nearest_left(slots, i);
  int right = first_right(slots, i, true);
  // "saya akan pergi ke sana untuk bertemu dengan X": the subject is a pronoun no name
  // stands for here.
  if (left >= 0 && personal_pronoun_between(slots[left].last, i)) left = -1;
  // "UE menyatakan perusahaan itu bersalah ... untuk mendukung X": the one said to act
  // is the reporting verb's object, no name here.
  if (left >= 0 && !cue.noun && reported_object_between(slots[left].last, i)) left = -1;
  // A verb after "X, Y" where Y was the object of an earlier verb shares that verb's
  // subject: "Kim mengirim surat kepada Putin, memuji ...".
  if (left >= 0 && slots[left].object_of_earlier_cue && slots[left].subject_of_that_cue >= 0 &&
      !cue.noun) {
    bool comma = false;
    for (uint32_t j = slots[left].last; j < i; ++j)
      comma = comma || a_.tokens[j].word() == "," || a_.tokens[j].word() == "dan";
    if (comma) left = slots[left].subject_of_that_cue;
  }
  if (left >= 0 && slots[left].patient_of_passive >= 0 && !cue.noun &&
      cue.voice != CueVoice::kPassive) {
    left = slots[left].patient_of_passive;  // "X dijatuhi sanksi oleh Y sejak menginvasi Z"
  }
  if (left >= 0 && !cue.noun) left = verb_subject(s, slots, left, i);
  // "Polri menyatakan serangan bom ... dilakukan ISIS": whoever reports a deed whose agent
  // is named after it ("dilakukan", "oleh") is not its agent; one who declares or states
  // it does it ("Rusia menyatakan perang", "menyatakan solidaritas"), and one who announces
  // a deed often did it ("Pakistan mengumumkan pengusiran diplomat India").
  if (left >= 0 && cue.noun && i > si.first && lexicon::is_reporting_verb(a_.tokens[i - 1]) &&
      !is_verbal_predicate(cue.predicate) && agent_named_after_in(a_.tokens, i, si.last))
    left = -1;
  const bool light_verb = i > si.first && is_light_verb(a_.tokens[i - 1].key);
  // "X, yang menyerang Y": the subject is the name "yang" follows, or none
  // ("pihak yang menyerang Tokyo" names no attacker).
  uint32_t relative_end = relative_subject_end(slots, si.first, i);
  // "kelompok yang menyerang AS ... serta berniat menyerang Barat": a verb phrase after
  // "serta"/"dan" shares the subject of the one before it, a relative clause's included.
  if (relative_end == 0 && !cue.noun) {
    const uint32_t earlier = coordinated_verb_before(i, si.first);
    if (earlier != UINT32_MAX) relative_end = relative_subject_end(slots, si.first, earlier);
  }
  if (relative_end > 0) {
    left = -1;
    for (size_t k = 0; k < slots.size(); ++k)
      if (slots[k].last == relative_end) left = static_cast<int>(k);
    // "pemberontak Houthi di Yaman, yang didukung Iran": a place is not what "yang" is.
    if (left >= 0 && slots[left].first > si.first &&
        lexicon::is_locative_preposition(a_.tokens[slots[left].first - 1].key))
      left = -1;
    // "gerilyawan yang didukung Prancis dan Turki yang melancarkan serangan": the name
    // before "yang" is itself inside a relative clause, its head no name.
    if (left >= 0 && in_relative_clause(a_.tokens, left > 0 ? slots[left - 1].last : si.first,
                                        slots[left].first, relative_end + 1))
      left = -1;
  }
  if (cue.voice == CueVoice::kPassive) {
    rule = "cue.passive";
    subj = after_word(slots, i, "oleh", agent_phrase_end(a_.tokens, i, si.last));
    if (subj < 0 && right >= 0 && slots[right].first == i + 1 &&
        a_.tokens[i].key.rfind("di", 0) == 0) {
      subj = right;  // the agent right after a di- verb: "dikecam China", "yang didukung Iran"
      rule = "cue.passive.bare_agent";
    }
    obj = relative_end > 0 ? left : nearest_left(slots, i, true);
    if (subj < 0 || obj < 0 || subj == obj) return;
    slots[subj].patient_of_passive = obj;
  } else if (cue.noun && i > si.first && is_receiving_verb(a_.tokens[i - 1].key)) {
    // "menuai kecaman dari China", "mendapat dukungan Rusia": the giver acts on the
    // clause's subject; unless the verb was a cue itself ("menerima bantuan dari X").
    if (i > 0 && previous_cue == i - 1) return;
    rule = "cue.noun.received";
    subj = after_word(slots, i, "dari", std::min(si.last, i + 4));
    if (subj < 0 && right >= 0 && slots[right].first == i + 1) subj = right;
    obj = left;
  } else if (cue.voice == CueVoice::kReversed) {
    rule = "cue.reversed";
    subj = after_word(slots, i, "dari", si.last);
    // Without "dari", only a country or a known body right after the goods sells them
    // ("membeli minyak Iran", "membeli pesawat Airbus"); a name no gazetteer knows there is
    // what is bought ("membeli Sukhoi SU-35", "CPO").
    if (subj < 0 && right >= 0 && slots[right].entities.size() == 1 &&
        slots[right].first <= i + 3) {
      const Entity& seller = entity(slots[right].entities[0]);
      if (seller.type == EntityType::kCountry ||
          (seller.type == EntityType::kOrganization && seller.from_gazetteer))
        subj = right;
    }
    obj = left;
  } else if (cue.noun && right >= 0 && slots[right].first == i + 1 &&
             !is_symmetric(cue.predicate)) {
    // Possessor right after a noun cue: "invasi Rusia ke Ukraina", "dukungan Uni Soviet".
    rule = "cue.noun.possessor";
    subj = right;
    obj = -1;
    if (slots[right].last < si.last && is_preposition(a_.tokens[slots[right].last].key)) {
      obj = first_right(slots, slots[right].last, true);
    }
    bool patient_before = cue.predicate == Predicate::kSupport ||
                          cue.predicate == Predicate::kSupply ||
                          cue.predicate == Predicate::kCommunicate;
    if (obj < 0 && patient_before && left >= 0 && !clause_break_between(slots[left].last, i))
      obj = left;
  } else if (is_symmetric(cue.predicate)) {
    rule = "cue.symmetric";
    int between = after_word(slots, i, "antara", std::min(si.last, i + (cue.noun ? 6 : 4)));
    if (between >= 0) {
      pairwise(slots[between], cue.predicate, s, i, cue.root, "cue.symmetric.between");
      return;
    }
    // "dialog antara negara-negara Islam dengan Myanmar": the parties are named after
    // "antara"; where they are no pair of names, the subject before is none of them.
    if (i + 1 < si.last && a_.tokens[i + 1].key == "antara") return;
    // "memperkuat hubungan AS dan Israel", "meningkatkan hubungan dan kerja sama Indonesia
    // dan Ethiopia": ties named with their pair are the pair's, not the subject's.
    if (right >= 0 && slots[right].entities.size() > 1 && slots[right].first <= i + 5 &&
        names_ties_between(i + 1, slots[right].first)) {
      pairwise(slots[right], cue.predicate, s, i, cue.root, "cue.symmetric.possessor");
      return;
    }
    // "persahabatan Rusia-DPRK", "Kim dan Putin bertemu", "X bertemu dengan Y".
    if (cue.noun && right >= 0 && slots[right].first <= i + 2 && slots[right].entities.size() > 1) {
      pairwise(slots[right], cue.predicate, s, i, cue.root, "cue.symmetric.possessor");
      return;
    }
    // "pertemuan Putin dengan Kim", "kerja sama Indonesia dengan Jepang".
    if (cue.noun && right >= 0 && slots[right].first <= i + 2) {
      int partner = after_word(slots, slots[right].last - 1, "dengan",
                               std::min(si.last, slots[right].last + 1));
      if (partner >= 0 && partner != right) {
        add_all(slots[right], cue.predicate, slots[partner], s, i, word,
                "cue.symmetric.possessor_with", 0.7);
        return;
      }
    }
    subj = left;
    obj = cue.noun ? after_word(slots, i, "dengan", std::min(si.last, i + 7)) : right;
    // "beraliansi dengan Arab juga bertempur melawan ISIS": after "dengan" comes the partner
    // or none.
    if (!cue.noun && i + 1 < si.last && a_.tokens[i + 1].word() == "dengan")
      obj = after_word(slots, i, "dengan", std::min(si.last, i + 2));
    // "bekerja sama dalam menghadapi Korut": the name is the later verb's.
    if (!cue.noun && obj >= 0 && verb_between(i, slots[obj].first, cue.predicate)) obj = -1;
    // "bersulang ... dalam pertemuan di Rusia": a place is where, not with whom.
    if (!cue.noun && obj >= 0) {
      const std::string_view before = a_.tokens[slots[obj].first - 1].key;
      const EntityType type = entity(slots[obj].entities.front()).type;
      const bool place = type == EntityType::kCountry || type == EntityType::kLocation;
      if (before == "di" || (place && lexicon::is_locative_preposition(before)))
        obj = -1;  // "sowan ke X" keeps X
      // "X dan Y bermain golf bersama pada Sabtu, sebagai kegiatan ... kedua negara": the
      // partner stands before any comma but a title's ("presiden terpilih AS, Donald Trump").
      for (uint32_t t = i + 1; obj >= 0 && t < slots[obj].first; ++t) {
        const bool after_title_body =
            mention_at_[t - 1] >= 0 && a_.mentions[mention_at_[t - 1]].modifier;
        if (a_.tokens[t].word() == "," && !after_title_body) obj = -1;
      }
    }
    if (!cue.noun && obj >= 0 && clause_ends_between(a_.tokens, cue.predicate, i, slots[obj].first))
      obj = -1;
    if (!cue.noun && obj >= 0 && relative_between(i, slots[obj].first)) obj = -1;
    if (subj >= 0 && obj < 0 && slots[subj].entities.size() > 1 && slots[subj].last + 4 >= i) {
      pairwise(slots[subj], cue.predicate, s, i, cue.root, "cue.symmetric.coordinated");
      return;
    }
  } else {
    subj = left;
    obj = right;
    if (!cue.noun && obj >= 0 && clause_ends_between(a_.tokens, cue.predicate, i, slots[obj].first))
      obj = -1;
    // "mengunjungi booth dari Indonesia": a name after a preposition the predicate does
    // not take its object with is no object.
    // Threats, invitations and acceptances name their target inside the act they are
    // about ("menerima undangan untuk mengunjungi X"): only the word before it counts.
    const bool through_act = cue.predicate == Predicate::kThreaten ||
                             cue.predicate == Predicate::kAccept ||
                             cue.predicate == Predicate::kInvite;
    if (obj >= 0 &&
        !takes_object_after(cue.predicate,
                            through_act ? std::string_view(a_.tokens[slots[obj].first - 1].key)
                                        : nearest_preposition(i, slots[obj].first)))
      obj = -1;
    if (!cue.noun && obj >= 0 && verb_between(i, slots[obj].first, cue.predicate)) obj = -1;
    // "berada di Jakarta": only people stay somewhere; a body or an office is located.
    if (obj >= 0 && subj >= 0 && cues_.in_class(classes_.stay_cues, cue.root) &&
        !all_people(slots[subj]))
      obj = -1;
    // "membantah menunjuk X", "menolak menyerahkan X": the object is what is done (a
    // threat's is whom it is against: "mengancam menyerang AS").
    const bool stance = cue.predicate == Predicate::kReject ||
                        cue.predicate == Predicate::kRecognize ||
                        cue.predicate == Predicate::kAccept || cue.predicate == Predicate::kAccuse;
    if (stance && !cue.noun && i + 1 < si.last && mention_at_[i + 1] < 0 &&
        opens_verb_phrase(a_.tokens[i + 1].key) && a_.tokens[i + 1].key != "melawan")
      obj = -1;  // "membantah terlibat dalam serangan terhadap X"
    // "mengekspor teknologi AS ke China": goods go to the name after "ke".
    if (!cue.noun && obj >= 0 && cue.predicate == Predicate::kSupply)
      obj = recipient(slots, i, obj, si.last);
    if (!cue.noun && obj >= 0 && relative_between(i, slots[obj].first))
      obj = -1;  // "menuduh gerilyawan yang didukung X"
    if (obj >= 0 && object_inside_other_phrase(i, slots[obj].first, cue.predicate)) obj = -1;
    // "menyambut baik pemecatan John Bolton", "mengecam penangkapan X": the name is what a
    // deed named by a noun before it was done to.
    if (obj >= 0 && slots[obj].first > i + 1 && is_deed_noun(a_.tokens[slots[obj].first - 1].key))
      obj = -1;
    // "kunjungan kerja melepas ekspor bawang ke Thailand": after a noun cue, a name past
    // another verb is that verb's.
    if (cue.noun && obj >= 0 && slots[obj].first > i && own_verb_between(i + 1, slots[obj].first))
      obj = -1;
    // A bare noun cue names an event; without a possessor or a light verb it says
    // nothing about who did it to whom ("menerima bantuan dari X").
    if (cue.noun && !light_verb) subj = -1;
    if (subj < 0 && right >= 0 && opens_fronted_clause(a_.tokens, si.first, i)) {
      // A fronted clause: "Menyampaikan dukungan ... dengan Moskow, Kim mengirim ...".
      int after_clause = -1;
      for (uint32_t j = i + 1; j < si.last && after_clause < 0; ++j) {
        if (a_.tokens[j].word() == ",") after_clause = first_right(slots, j, true);
      }
      if (after_clause >= 0 && after_clause != right &&
          slots[right].last <= slots[after_clause].first) {
        subj = after_clause;
        rule = "cue.fronted";
        confidence = 0.6;
      }
    }
    if (subj < 0 && cue.noun && right >= 0 && opens_fronted_phrase(a_.tokens, si.first, i) &&
        !relative_between(i, slots[right].first)) {
      subj =
          subject_after_fronted_phrase(slots, i, si.last);  // "Dalam suratnya kepada X, Y menulis"
      rule = "cue.fronted_phrase";
      confidence = 0.6;
    }
    const std::string_view before_object =
        obj >= 0 ? a_.tokens[slots[obj].first - 1].word() : std::string_view();
    if (subj < 0 && cue.noun && obj >= 0 && possessive_nya(i) && is_preposition(before_object) &&
        (before_object != "di" || cue.predicate == Predicate::kVisit)) {
      // "kunjungannya ke Mongolia", "dukungannya kepada Suriah": "-nya" is the actor.
      const int32_t owner = possessor_of_nya(a_, s, i);
      if (owner >= 0 && owner != slots[obj].entities.front()) {
        add_all(Slot{i, i + 1, {owner}, false, -1, -1, "coref.nya"}, cue.predicate, slots[obj], s,
                i, word, "cue.noun.possessive", 0.6);
        return;
      }
    }
  }
  // "Kim dan Trump saling melontarkan ancaman": each to the other.
  if (subj >= 0 && slots[subj].entities.size() > 1 && (obj < 0 || obj == subj) &&
      !is_symmetric(cue.predicate) && is_reciprocal(a_.tokens, si.first, i)) {
    const Slot& group = slots[subj];
    for (int32_t x : group.entities) {
      for (int32_t y : group.entities) add(x, cue.predicate, y, s, i, word, "cue.reciprocal", 0.7);
    }
    return;
  }
  if (subj < 0 || obj < 0 || subj == obj) return;
  Cue effective = cue;
  if (cue.predicate == Predicate::kAttack &&
      cues_.in_class(classes_.verbal_attack_roots, cue.root) && attack_in_words(slots[subj], s)) {
    effective.predicate = Predicate::kAccuse;  // "Trump menyerang Direktur FBI"
    rule = "cue.verbal_attack";
  }
  apply_to_slots(s, slots, i, effective, word, subj, obj, rule, confidence);
}

// Whether people (subject slot) "menyerang" with no word of force in the sentence; an
// invasion or a bombing is never in words.
bool RelationBuilder::attack_in_words(const Slot& subject, uint32_t s) const {
  for (int32_t e : subject.entities) {
    if (entity(e).type != EntityType::kPerson) return false;
  }
  const SentenceInfo& si = a_.sentences[s];
  for (uint32_t t = si.first; t < si.last; ++t) {
    if (cues_.in_class(classes_.force_words, a_.tokens[t].key)) return false;
  }
  return true;
}

void RelationBuilder::apply_to_slots(uint32_t s, std::vector<Slot>& slots, uint32_t i,
                                     const Cue& cue, std::string_view word, int subj, int obj,
                                     const char* rule, double confidence) {
  const SentenceInfo& si = a_.sentences[s];
  // "X dan Y ... setelah yang terakhir menginvasi Z": the latter (or "yang pertama",
  // the former) of the pair is the subject, not both.
  if (slots[subj].entities.size() > 1 && i >= si.first + 2 && a_.tokens[i - 2].word() == "yang" &&
      (a_.tokens[i - 1].word() == "terakhir" || a_.tokens[i - 1].word() == "pertama")) {
    Slot one = slots[subj];
    one.entities = EntityList{a_.tokens[i - 1].word() == "terakhir" ? one.entities.back()
                                                                    : one.entities.front()};
    add_all(one, cue.predicate, slots[obj], s, i, word, "cue.active.latter_or_former", confidence);
  } else {
    add_all(slots[subj], cue.predicate, slots[obj], s, i, word, rule, confidence);
  }
  slots[obj].object_of_earlier_cue = true;
  slots[obj].subject_of_that_cue = subj;
}

// Who does the verb at i, given the name before it (slot `left`); -1 for none.
int RelationBuilder::verb_subject(uint32_t s, const std::vector<Slot>& slots, int left,
                                  uint32_t i) const {
  // "X mendesak IDF untuk menyerang Hamas", "X menyerukan kepada semua negara mendukung
  // Taiwan": who urges is not who is to act; that is the party urged, when it is named.
  if (const uint32_t urging = urging_verb_between(slots[left].last, i); urging != UINT32_MAX) {
    left = -1;
    for (size_t k = 0; k < slots.size() && left < 0; ++k)
      if (slots[k].first > urging && slots[k].last <= i) left = static_cast<int>(k);
    if (left < 0) return -1;
  }
  // "X mengatakan, saat ini ayah Abedi berada di Libya": a clause reported after a comma or
  // "bahwa" has its own subject; the speaker before it is none.
  if (reported_clause_between(slots[left].last, i)) return -1;
  if (std::optional<int> person = person_from_body(slots, left)) left = *person;
  if (left < 0) return -1;  // someone the article does not name here
  if (slots[left].entities.size() == 1 &&
      entity(slots[left].entities[0]).type == EntityType::kPerson &&
      reported_party_between(slots[left].last, i))
    return -1;
  if (in_subordinate_clause_before(slots[left].first, i)) return -1;
  return subject_past_attribution(s, slots, left, i);
}

}  // namespace newsgraph::ingest
