// The names around a cue: slots (names, coordinations, references), where a subject or
// an object may stand (not a credit, not inside a relative clause, not a prepositional
// object unless right before the verb), and the clause limits that keep them apart.
#include <algorithm>

#include "ingest/clause_bounds.h"
#include "ingest/coreference.h"
#include "ingest/lexicon.h"
#include "ingest/recognizer.h"
#include "ingest/relation_builder.h"

namespace newsgraph::ingest {

// Slots of sentence s, coordinations merged; valid until the next call.
std::vector<Slot>& RelationBuilder::slots_of(uint32_t s) {
  std::vector<Slot>& slots = found_slots_;
  slots.clear();
  const SentenceInfo& si = a_.sentences[s];
  size_t mi = sentence_mentions_[s];
  std::vector<const NameMention*>& ms = slot_mentions_;
  ms.clear();
  for (; mi < a_.mentions.size() && a_.mentions[mi].sentence == s; ++mi) {
    if (!a_.mentions[mi].modifier && !names_a_kind(mi)) ms.push_back(&a_.mentions[mi]);
  }
  size_t k = 0;
  uint32_t demonstrative = si.first;
  for (uint32_t i = si.first; i < si.last;) {
    while (k < ms.size() && ms[k]->first < i) ++k;  // a reference ran over a name's start
    if (k < ms.size() && ms[k]->first == i) {
      Slot slot{ms[k]->first, ms[k]->last, {ms[k]->entity}};
      i = ms[k]->last;
      ++k;
      while (k < ms.size() && ms[k]->first < i) ++k;  // overlapping role mention
      slots.push_back(slot);
      continue;
    }
    // A name that stands for no actor here ("militan Negara Islam Irak dan Syam") keeps the
    // names inside it from standing in its place ("Irak").
    if (const int32_t at = mention_at_[i]; at >= 0) {
      const NameMention& m = a_.mentions[at];
      if (m.first == i && m.last > i + 1 && !m.modifier && names_a_kind(static_cast<size_t>(at))) {
        i = m.last;
        continue;
      }
    }
    // The next "itu"/"tersebut" at or after i + 1, found once for the sentence.
    while (demonstrative < si.last &&
           (demonstrative <= i || (a_.tokens[demonstrative].word() != "itu" &&
                                   a_.tokens[demonstrative].word() != "tersebut")))
      ++demonstrative;
    if (may_refer(i, demonstrative <= i + 4)) {
      const Reference r = refer_back(a_, s, i);
      if (r.count > 0) {
        Slot slot{i, std::min(i + r.length, si.last), {}};
        for (uint32_t k = 0; k < r.count; ++k) slot.entities.push_back(r.entities[k]);
        slot.reference = r.rule;
        slots.push_back(slot);
        i = slot.last;
        continue;
      }
    }
    ++i;
  }
  // Coordination: "Rusia dan China", "Kim dan Putin".
  std::vector<Slot>& merged = merged_slots_;
  merged.clear();
  for (size_t k = 0; k < slots.size(); ++k) {
    const Slot& slot = slots[k];
    if (!merged.empty()) {
      Slot& prev = merged.back();
      const bool joined = coordinated(prev, slot) ||
                          // "Arab Saudi, Mesir, Uni Emirat Arab dan Bahrain"
                          (listed(prev, slot) && list_ends_with_and(slots, k));
      const bool kind_ok = coordinated(prev, slot) ? same_kind(prev, slot)
                                                   : entity(prev.entities.back()).type ==
                                                         entity(slot.entities.front()).type;
      if (joined && kind_ok) {
        prev.last = slot.last;
        prev.entities.append(slot.entities);
        continue;
      }
    }
    merged.push_back(slot);
  }
  return merged;
}

// Words that may open a referring phrase (coreference.h): checked before the search.
bool RelationBuilder::may_refer(uint32_t i, bool demonstrative_near) const {
  // "Presiden itu", "Perdana Menteri tersebut": a title with a demonstrative soon after.
  const Token& t = a_.tokens[i];
  return lexicon::refers_back(t) || (demonstrative_near && lexicon::is_leader_title(t));
}

// "Rusia dan China", "Kim & Putin", "Rusia-DPRK".
// A person's title may stand between: "Kim Jong Un dan Presiden AS Donald Trump".
bool RelationBuilder::coordinated(const Slot& prev, const Slot& next) const {
  const uint32_t gap = next.first - prev.last;
  if (gap == 0) return a_.tokens[next.first].hyphen_before;
  const std::string_view between = a_.tokens[prev.last].word();
  if (between != "dan" && between != "serta" && between != "&") return false;
  if (gap == 1) return true;
  if (entity(next.entities.front()).type != EntityType::kPerson) return false;
  for (uint32_t t = prev.last + 1; t < next.first; ++t) {
    const Token& word = a_.tokens[t];
    const bool title = lexicon::is_person_title(word) || lexicon::is_leader_title(word) ||
                       is_title_continuation(word);
    const bool body = mention_at_[t] >= 0 && a_.mentions[mention_at_[t]].modifier;
    if (!title && !body) return false;
  }
  return true;
}

bool RelationBuilder::listed(const Slot& prev, const Slot& next) const {
  return next.first == prev.last + 1 && a_.tokens[prev.last].word() == ",";
}

// Whether the comma-separated names from slot k on end in "dan"/"serta" before
// anything else comes between them: a list, not an apposition.
bool RelationBuilder::list_ends_with_and(const std::vector<Slot>& slots, size_t k) const {
  for (size_t j = k; j + 1 < slots.size(); ++j) {
    if (coordinated(slots[j], slots[j + 1])) return true;
    if (!listed(slots[j], slots[j + 1])) return false;
  }
  return false;
}

// Coordinated names are of one kind: actors with actors (a country and a body can act
// together, "AS dan PBB menjatuhkan sanksi"), others with their own type.
bool RelationBuilder::same_kind(const Slot& prev, const Slot& next) const {
  const int32_t x = prev.entities.back(), y = next.entities.front();
  return entity(x).type == entity(y).type || (actor(x) && actor(y));
}

// The closest slot before token i that can be a subject: never the object of a
// preposition ("di Barat", "ke Korea Utara", "untuk Rusia") unless it is "dengan X"
// right before the verb ("dengan Washington menuduh"), nor a place in an apposition
// ("kota Ramallah, Palestina"), nor an earlier passive's agent for a patient; and with `core_only`
// (the patient of a passive, which is the clause's subject) never a slot of topics only
// ("senjata"). A news credit ("diberitakan AFP") and a name inside a relative clause that closed
// before i ("Serdadu Suriah yang didukung tentara Rusia, melancarkan ...") are never
// taken.
int RelationBuilder::nearest_left(const std::vector<Slot>& slots, uint32_t i,
                                  bool core_only) const {
  int best = -1;
  const uint32_t sentence_first = a_.sentences[current_sentence_].first;
  for (size_t k = 0; k < slots.size(); ++k) {
    if (slots[k].last > i) break;
    uint32_t f = slots[k].first;
    const std::string_view before =
        f > sentence_first ? a_.tokens[f - 1].word() : std::string_view();
    const uint32_t after = k > 0 ? slots[k - 1].last : sentence_first;
    if (is_credit(a_.tokens, sentence_first, f) || in_relative_clause(a_.tokens, after, f, i))
      continue;
    // "dengan Washington menuduh ...": a name right before the verb is its subject
    // whatever comes before it; "antara Kim dan Putin" names the pair itself; "oleh X" is
    // an earlier passive's agent, never a later passive's patient; "kota Ramallah,
    // Palestina" is one place.
    const EntityType type = entity(slots[k].entities.front()).type;
    const bool place_apposition = k > 0 && before == "," && slots[k - 1].last + 1 == f &&
                                  names_place(slots[k - 1]) &&
                                  (type == EntityType::kCountry || type == EntityType::kLocation);
    const bool agent = core_only && word_before_title(f) == "oleh";
    const bool oblique =
        ((lexicon::is_locative_preposition(before) || is_preposition(before) || agent) &&
         before != "antara" && !(before == "dengan" && right_before(slots[k].last, i))) ||
        place_apposition || cues_.in_class(classes_.place_nouns, before);
    const bool topics_only =  // a topic ("senjata") is no patient
        core_only && std::none_of(slots[k].entities.begin(), slots[k].entities.end(),
                                  [this](int32_t e) { return actor(e); });
    if (!oblique && !topics_only) best = static_cast<int>(k);
  }
  return best;
}

int RelationBuilder::first_right(const std::vector<Slot>& slots, uint32_t i,
                                 bool actors_only) const {
  const uint32_t sentence_first = a_.sentences[current_sentence_].first;
  for (size_t k = 0; k < slots.size(); ++k) {
    if (slots[k].first <= i || is_credit(a_.tokens, sentence_first, slots[k].first)) continue;
    if (named_as_speaker(slots[k].first, i)) continue;  // "..., papar Trump": who speaks
    bool ok = !actors_only;
    for (int32_t e : slots[k].entities)
      ok = ok || actor(e) || entity(e).type == EntityType::kLocation;
    if (!ok) continue;
    // "Direktur FBI James Comey": the person the title and body name, not the body.
    if (k + 1 < slots.size() && slots[k + 1].first == slots[k].last && slots[k].first > 0 &&
        entity(slots[k + 1].entities.front()).type == EntityType::kPerson &&
        entity(slots[k].entities.front()).type != EntityType::kPerson &&
        lexicon::is_person_title(a_.tokens[slots[k].first - 1]))
      return static_cast<int>(k + 1);
    return static_cast<int>(k);
  }
  return -1;
}

// The slot right after the word `word` that follows token i ("oleh X", "dari X").
int RelationBuilder::after_word(const std::vector<Slot>& slots, uint32_t i, std::string_view word,
                                uint32_t end) const {
  for (uint32_t j = i + 1; j < end; ++j) {
    if (a_.tokens[j].key != word) continue;
    for (size_t k = 0; k < slots.size(); ++k) {
      if (slots[k].first <= j || slots[k].first > j + 6) continue;
      // Only titles and words for a party may stand between ("dengan Presiden Putin",
      // "dengan pemerintah Jepang"); "dengan minum anggur Rusia" names no partner.
      for (uint32_t t = j + 1; t < slots[k].first; ++t) {
        const std::string_view key = a_.tokens[t].key;
        const bool modifier = mention_at_[t] >= 0 && a_.mentions[mention_at_[t]].modifier;
        const bool title_comma =
            key == "," && mention_at_[t - 1] >= 0 && a_.mentions[mention_at_[t - 1]].modifier;
        if (!modifier && !title_comma && !lexicon::is_person_title(a_.tokens[t]) &&
            !lexicon::is_leader_title(a_.tokens[t]) && !is_title_continuation(a_.tokens[t]) &&
            !lexicon::opens_two_word_title(key, a_.tokens[t + 1].key) &&
            !cues_.in_class(classes_.party_nouns, key))
          return -1;
      }
      return static_cast<int>(k);
    }
  }
  return -1;
}

// The recipient of goods sent by the verb at i: the name right after the first "ke",
// "kepada", "untuk" or "bagi" in its clause when there is one (-1 if that phrase names
// nobody), else the direct object `obj`.
int RelationBuilder::recipient(const std::vector<Slot>& slots, uint32_t i, int obj,
                               uint32_t end) const {
  for (uint32_t t = i + 1; t < end; ++t) {
    const std::string_view w = a_.tokens[t].word();
    if (w == "," || w == ";" || clause_ends_between(a_.tokens, Predicate::kSupply, i, t)) break;
    if (w != "ke" && w != "kepada" && w != "untuk" && w != "bagi") continue;
    if (static_cast<uint32_t>(slots[obj].first) == t + 1) return obj;
    for (size_t k = 0; k < slots.size(); ++k) {
      if (slots[k].first > t && slots[k].first <= t + 3) return static_cast<int>(k);
    }
    return slots[obj].first < t ? -1 : obj;
  }
  return obj;
}

// Whether a decision noun, or an act noun of another predicate followed by a preposition
// the cue does not take, stands between the cue at i and its would-be object at j.
bool RelationBuilder::object_inside_other_phrase(uint32_t i, uint32_t j, Predicate p) const {
  // "menyesalkan keputusan duta besarnya untuk PBB", "mengutuk serangan melawan pasukan
  // Myanmar": a decision, or an act of another kind, then a preposition, then the name
  // (a threat's target is its act's: "mengancam melancarkan serangan ke X").
  if (p == Predicate::kThreaten) return false;
  for (uint32_t t = i + 1; t + 1 < j; ++t) {
    const std::string_view key = a_.tokens[t].key;
    if (mention_at_[t] >= 0) continue;
    const bool decision = cues_.in_class(classes_.decision_nouns, key);
    bool act = false;
    if (!decision) {
      const std::optional<Cue> cue = cues_.find_word(key, "");
      act = cue && cue->noun && cue->predicate != p;
    }
    if (!decision && !act) continue;
    // After an act, only a preposition the cue's own object could follow leaves the name
    // to the cue ("menyerahkan bantuan kepada Indonesia").
    for (uint32_t u = t + 1; u < j; ++u) {
      const std::string_view w = a_.tokens[u].key;
      if (is_preposition(w) && (decision || !takes_object_after(p, w))) return true;
    }
  }
  return false;
}

// Where the subject (or a passive's patient) of a verb at i inside a relative clause
// must end: right before its "yang" (or the comma before that); 0 when the verb is in
// no relative clause of its own (a name stands between "yang" and the verb).
uint32_t RelationBuilder::relative_subject_end(const std::vector<Slot>& slots,
                                               uint32_t sentence_first, uint32_t i) const {
  const uint32_t yang = relative_pronoun_before(a_.tokens, sentence_first, i);
  if (yang == UINT32_MAX || yang == sentence_first) return 0;
  const std::string_view after = a_.tokens[yang + 1].word();
  if (after == "terakhir" || after == "pertama")
    return 0;  // "yang terakhir": one of a pair named before
  for (const Slot& slot : slots) {
    if (slot.first > yang && slot.first < i) return 0;
  }
  return a_.tokens[yang - 1].word() == "," ? yang - 1 : yang;
}

// Whether only adverbs stand between tokens i and j ("Washington juga menuduh").
bool RelationBuilder::right_before(uint32_t i, uint32_t j) const {
  for (uint32_t t = i; t < j; ++t) {
    const std::string_view w = a_.tokens[t].word();
    if (w != "juga" && w != "pun" && w != "telah" && w != "sudah" && w != "akan" && w != "terus" &&
        w != "lalu")
      return false;
  }
  return true;
}

bool RelationBuilder::verb_between(uint32_t i, uint32_t j, Predicate p) const {
  // "mengancam akan meluncurkan serangan ke X", "menerima undangan untuk mengunjungi X".
  if (p == Predicate::kThreaten || p == Predicate::kAccept || p == Predicate::kInvite) return false;
  for (uint32_t t = i + 1; t < j; ++t) {
    if (mention_at_[t] >= 0 || a_.tokens[t].hyphen_before) continue;  // "bahu-membahu"
    if (lexicon::looks_like_verb(a_.tokens[t].key) && a_.tokens[t].key != "melawan") return true;
  }
  return false;
}

namespace {

// The prepositions that may head the phrase an object stands in: those of
// is_preposition() and the ones of agent, manner and topic.
bool heads_object_phrase(std::string_view w) {
  return is_preposition(w) || w == "oleh" || w == "dalam" || w == "melalui" || w == "tentang" ||
         w == "mengenai" || w == "soal";
}

}  // namespace

std::string_view RelationBuilder::nearest_preposition(uint32_t i, uint32_t j) const {
  for (uint32_t t = j; t-- > i + 1;) {
    const std::string_view w = a_.tokens[t].key;
    if (mention_at_[t] < 0 && heads_object_phrase(w)) return w;
  }
  return a_.tokens[j - 1].word();
}

bool RelationBuilder::takes_object_after(Predicate p, std::string_view word) const {
  const bool preposition =
      heads_object_phrase(word) || word == "selain" || word == "tanpa" || word == "seperti";
  const uint64_t mask = classes_.object_prepositions[static_cast<size_t>(p)];
  return !preposition || mask == 0 || cues_.in_class(mask, word);
}

uint32_t RelationBuilder::coordinated_verb_before(uint32_t i, uint32_t sentence_first) const {
  uint32_t t = i;
  for (int skipped = 0; t > sentence_first && skipped < 2;
       ++skipped) {  // "serta berniat menyerang"
    const std::string_view w = a_.tokens[t - 1].word();
    if (w == "serta" || w == "dan") break;
    if (w != "akan" && w != "juga" && w != "berniat" && w != "ingin" && w != "telah" &&
        w != "sudah" && w != "terus" && w != "pernah" && w != "kerap" && w != "berencana")
      return UINT32_MAX;
    --t;
  }
  if (t <= sentence_first + 1 ||
      (a_.tokens[t - 1].word() != "serta" && a_.tokens[t - 1].word() != "dan"))
    return UINT32_MAX;
  for (uint32_t v = t - 1; v > sentence_first && t - v < 12; --v) {
    const std::string_view w = a_.tokens[v - 1].word();
    if (w == "," || w == ";" || w == "\"" || w == "bahwa") return UINT32_MAX;
    if (lexicon::looks_like_verb(w)) return v - 1;
  }
  return UINT32_MAX;
}

bool RelationBuilder::all_people(const Slot& slot) const {
  for (int32_t e : slot.entities)
    if (entity(e).type != EntityType::kPerson) return false;
  return true;
}

bool RelationBuilder::names_place(const Slot& slot) const {
  if (entity(slot.entities.front()).type == EntityType::kLocation) return true;
  const int32_t m = mention_at_[slot.first];
  return m >= 0 && a_.mentions[m].metonym;
}

std::string_view RelationBuilder::word_before_title(uint32_t first) const {
  uint32_t t = first;
  const uint32_t sentence_first = a_.sentences[current_sentence_].first;
  // "oleh Emir Qatar, Sheikh Tamim": a comma after a title's body is part of the title.
  auto comma_after_body = [&](uint32_t k) {
    return a_.tokens[k].word() == "," && k > sentence_first && mention_at_[k - 1] >= 0 &&
           a_.mentions[mention_at_[k - 1]].modifier;
  };
  while (t > sentence_first &&
         (mention_at_[t - 1] >= 0 ? a_.mentions[mention_at_[t - 1]].modifier
                                  : lexicon::is_person_title(a_.tokens[t - 1]) ||
                                        lexicon::is_leader_title(a_.tokens[t - 1]) ||
                                        is_title_continuation(a_.tokens[t - 1]) ||
                                        lexicon::opens_two_word_title(a_.tokens[t - 1].key, a_.tokens[t].key) ||
                                        comma_after_body(t - 1)))
    --t;
  return t > sentence_first ? std::string_view(a_.tokens[t - 1].key) : std::string_view();
}

// Whether the noun cue at token i carries the possessive "-nya" ("kunjungannya").
bool RelationBuilder::possessive_nya(uint32_t i) const {
  const std::string_view key = a_.tokens[i].key;
  return key.size() > 5 && key.compare(key.size() - 3, 3, "nya") == 0;
}

// Whether "yang" stands between a verb at i and token j, past the verb's own object
// noun ("menjatuhkan sanksi yang lebih keras"): what follows belongs to a relative
// clause of a noun that is no name ("menuduh gerilyawan yang didukung X").
bool RelationBuilder::relative_between(uint32_t i, uint32_t j) const {
  // "menyesalkan ancaman yang diluncurkan Korut": after an act noun, the relative clause
  // names who did the act, which is what the verb is about.
  if (i + 1 < j) {
    const std::string_view head = a_.tokens[i + 1].key;
    if (cues_.in_class(classes_.decision_nouns, head) || cues_.find_word(head, "")) return false;
  }
  for (uint32_t t = i + 2; t < j; ++t) {
    if (a_.tokens[t].word() != "yang") continue;
    // "menjatuhkan sanksi yang lebih keras agar Korut ...": a purpose clause after the
    // relative one names its own party.
    for (uint32_t u = t + 1; u < j; ++u)
      if (a_.tokens[u].word() == "agar" || a_.tokens[u].word() == "supaya") return false;
    return true;
  }
  return false;
}

bool RelationBuilder::clause_break_between(uint32_t i, uint32_t j) const {
  for (uint32_t t = i; t < j; ++t)
    if (a_.tokens[t].word() == "bahwa" || a_.tokens[t].word() == ";") return true;
  return false;
}

// The subject of a clause after a fronted phrase that holds token i: the last name
// before the first verb after the phrase's comma ("..., Antonio Guterres, Ja menulis").
int RelationBuilder::subject_after_fronted_phrase(const std::vector<Slot>& slots, uint32_t i,
                                                  uint32_t end) const {
  uint32_t comma = i;
  while (comma < end && a_.tokens[comma].word() != ",") ++comma;
  uint32_t verb = comma;
  while (verb < end && !(lexicon::looks_like_verb(a_.tokens[verb].key) ||
                         lexicon::is_reporting_verb(a_.tokens[verb])))
    ++verb;
  if (verb >= end) return -1;
  int found = -1;
  for (size_t k = 0; k < slots.size(); ++k) {
    if (slots[k].first > comma && slots[k].last <= verb) found = static_cast<int>(k);
  }
  return found;
}

}  // namespace newsgraph::ingest
