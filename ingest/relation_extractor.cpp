#include "ingest/relation_extractor.h"

#include <algorithm>

#include "core/interned.h"
#include "ingest/gazetteer.h"
#include "ingest/lexicon.h"
#include "ingest/relation_builder.h"

namespace newsgraph::ingest {

bool is_light_verb(std::string_view key) {
  static constexpr std::string_view kVerbs[] = {
      "memberikan",     "memberi",       "menyampaikan", "menyatakan",    "melakukan",
      "melancarkan",    "mengirimkan",   "mengirim",     "menunjukkan",   "menjatuhkan",
      "menawarkan",     "menggelar",     "mengadakan",   "meningkatkan",  "memperkuat",
      "menyerukan",     "menjalin",      "membangun",    "mengembangkan", "memperluas",
      "mengeluarkan",   "melontarkan",   "meluncurkan",  "mengucapkan",   "mengajukan",
      "menegaskan",     "mengungkapkan", "menyuarakan",  "mempererat",    "menyepakati",
      "menandatangani", "menggalang",    "menambah",     "mengumumkan",   "memberlakukan",
      "memulai",        "melaksanakan",  "membuka"};
  for (std::string_view v : kVerbs) {
    if (key == v) return true;
  }
  return false;
}

bool is_receiving_verb(std::string_view key) {
  return key == "menerima" || key == "mendapat" || key == "mendapatkan" || key == "memperoleh" ||
         key == "menuai" || key == "menghadapi" || key == "dihujani" || key == "kebanjiran" ||
         key == "meraih";
}

bool is_preposition(std::string_view key) {
  return key == "kepada" || key == "ke" || key == "dengan" || key == "terhadap" || key == "atas" ||
         key == "melawan" || key == "untuk" || key == "di" || key == "bagi" || key == "pada" ||
         key == "dari" || key == "antara";
}

const RuleClasses& RuleClasses::of(const CueLexicon& cues) {
  thread_local uint64_t serial = 0;
  thread_local RuleClasses classes;
  if (serial == cues.serial()) return classes;
  serial = cues.serial();
  classes.kind_nouns = cues.class_mask("kind");
  classes.force_words = cues.class_mask("force");
  classes.verbal_attack_roots = cues.class_mask("attack_in_words");
  classes.decision_nouns = cues.class_mask("decision");
  classes.body_nouns = cues.class_mask("body");
  classes.place_nouns = cues.class_mask("place");
  classes.party_nouns = cues.class_mask("party");
  classes.stay_cues = cues.class_mask("stay");
  classes.media_nouns = cues.class_mask("media");
  classes.threat_words = cues.class_mask("threat");
  classes.people_of_nouns = cues.class_mask("people_of");
  classes.opponents_nouns = cues.class_mask("opponents_of");
  classes.thing_nouns = cues.class_mask("thing");
  classes.envoy_nouns = cues.class_mask("envoy");
  for (size_t p = 0; p <= static_cast<size_t>(Predicate::kCoOccurs); ++p)
    classes.object_prepositions[p] =
        cues.class_mask(std::string("objects_") + predicate_name(static_cast<Predicate>(p)));
  return classes;
}

RelationBuilder::Scratch& RelationBuilder::scratch() {
  thread_local Scratch s;
  return s;
}

RelationBuilder::RelationBuilder(const Analysis& a, const CueLexicon& cues)
    : a_(a),
      cues_(cues),
      classes_(RuleClasses::of(cues)),
      scratch_(scratch()),
      no_actor_(scratch_.no_actor),
      press_(scratch_.press),
      mention_at_(scratch_.mention_at),
      sentence_mentions_(scratch_.sentence_mentions),
      keys_(scratch_.keys),
      slot_mentions_(scratch_.slot_mentions),
      found_slots_(scratch_.found_slots),
      merged_slots_(scratch_.merged_slots),
      present_(scratch_.present),
      id_rank_(scratch_.id_rank) {
  mention_at_.assign(a.tokens.size(), -1);
  sentence_mentions_.assign(a.sentences.size() + 1, 0);
  keys_.clear();
  // About one co-occurrence for each mention; typed relations are few.
  cooccurrences_.reserve(a.mentions.size());
  no_actor_.assign(a.mentions.size(), -1);
  press_.assign(a.entities.size(), 0);
  for (const NameMention& m : a.mentions) {
    if (a.gazetteer && m.gazetteer >= 0 && m.entity >= 0 && a.gazetteer->entry(m.gazetteer).press &&
        a.gazetteer->entry(m.gazetteer).id == a.entities[m.entity].id)
      press_[m.entity] = 1;
  }
  for (size_t k = 0; k < a.mentions.size(); ++k) {
    for (uint32_t t = a.mentions[k].first; t < a.mentions[k].last; ++t) {
      if (mention_at_[t] < 0) mention_at_[t] = static_cast<int32_t>(k);
    }
  }
  // Mentions are in text order, so each sentence's mentions are one index range.
  size_t k = 0;
  for (uint32_t s = 0; s < a.sentences.size(); ++s) {
    while (k < a.mentions.size() && a.mentions[k].sentence < s) ++k;
    sentence_mentions_[s] = k;
  }
  sentence_mentions_[a.sentences.size()] = a.mentions.size();
  rank_entities_by_id();
}

void RelationBuilder::rank_entities_by_id() {
  std::vector<uint32_t>& order = scratch_.by_id;
  order.resize(a_.entities.size());
  for (uint32_t e = 0; e < order.size(); ++e) order[e] = e;
  std::sort(order.begin(), order.end(),
            [this](uint32_t x, uint32_t y) { return entity(x).id < entity(y).id; });
  id_rank_.assign(a_.entities.size(), 0);
  for (uint32_t k = 0; k < order.size(); ++k) {  // equal ids (not expected) rank alike
    const bool same_id = k > 0 && entity(order[k]).id == entity(order[k - 1]).id;
    id_rank_[order[k]] = same_id ? id_rank_[order[k - 1]] : k;
  }
}

bool RelationBuilder::id_less(int32_t x, int32_t y) const { return id_rank_[x] < id_rank_[y]; }

void RelationBuilder::run(std::vector<Relation>* typed, std::vector<CoOccurrence>* cooccurrences) {
  for (uint32_t s = 0; s < a_.sentences.size(); ++s) {
    if (!a_.sentences[s].dropped) sentence(s);
  }
  // Ordered by (subject id, predicate, object id), so output does not depend on the
  // order entities were found in.
  std::vector<uint32_t> order(relations_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [this](uint32_t x, uint32_t y) {
    const auto& [xs, xp, xo] = keys_[x];
    const auto& [ys, yp, yo] = keys_[y];
    if (xs != ys) return id_less(xs, ys);
    if (xp != yp) return xp < yp;
    return id_less(xo, yo);
  });
  typed->clear();
  typed->reserve(order.size());
  for (uint32_t i : order) typed->push_back(std::move(relations_[i]));
  // A pair's co-occurrences were found in sentence order; equal ids (not expected) are
  // told apart by index.
  auto before = [this](uint32_t x, uint32_t y) { return id_rank_[x] != id_rank_[y] ? id_rank_[x] < id_rank_[y] : x < y; };
  std::sort(cooccurrences_.begin(), cooccurrences_.end(), [&before](const CoOccurrence& x, const CoOccurrence& y) {
    if (x.first != y.first) return before(x.first, y.first);
    if (x.second != y.second) return before(x.second, y.second);
    return x.sentence < y.sentence;
  });
  *cooccurrences = std::move(cooccurrences_);
}

uint64_t RelationBuilder::packed(int32_t subject, Predicate p, int32_t object) {
  return uint64_t(uint32_t(subject)) << 37 | uint64_t(p) << 32 | uint32_t(object);
}

uint64_t RelationBuilder::pair_key(int32_t a, int32_t b) {
  return uint64_t(uint32_t(std::min(a, b))) << 32 | uint32_t(std::max(a, b));
}

// The relation (subject, p, object), made with `confidence` and `modality` when it is new.
Relation& RelationBuilder::relation(int32_t subject, Predicate p, int32_t object, double confidence,
                                    Modality modality) {
  const auto next = static_cast<uint32_t>(relations_.size());
  const uint32_t index = relation_index_.insert(packed(subject, p, object), next);
  if (index == next) {
    Relation& r = relations_.emplace_back();
    r.subject = static_cast<uint32_t>(subject);
    r.object = static_cast<uint32_t>(object);
    r.predicate = p;
    r.confidence = confidence;
    r.modality = modality;
    keys_.emplace_back(subject, static_cast<int>(p), object);
  }
  return relations_[index];
}

bool RelationBuilder::press_at_work(int32_t subj, Predicate p, int32_t obj) const {
  const bool contact = p == Predicate::kMeet || p == Predicate::kCommunicate || p == Predicate::kVisit ||
                       p == Predicate::kInvite || p == Predicate::kAccept;
  return contact && (press_[subj] || press_[obj]);
}

void RelationBuilder::add(int32_t subj, Predicate p, int32_t obj, uint32_t s, uint32_t cue_token,
                          std::string_view cue, std::string_view rule, double confidence) {
  if (subj == obj || subj < 0 || obj < 0) return;
  if (!actor(subj)) return;
  EntityType ot = entity(obj).type;
  bool object_ok = p == Predicate::kVisit
                       ? (ot == EntityType::kCountry || ot == EntityType::kLocation)
                       : is_actor(ot) || (p == Predicate::kAttack && ot == EntityType::kLocation);
  if (!object_ok || press_at_work(subj, p, obj)) return;
  if (p == Predicate::kAttack && cue_token != UINT32_MAX &&
      threatened_act(a_.sentences[s], cue_token))
    return;
  if (is_symmetric(p) && id_less(obj, subj)) std::swap(subj, obj);
  const SentenceInfo& si = a_.sentences[s];
  const Modality modality = p == Predicate::kCoOccurs || cue_token == UINT32_MAX
                                ? Modality::kAsserted
                                : modality_at(a_, si, cue_token, cue_is_noun_);
  typed_pairs_.insert(pair_key(subj, obj), 0);
  Relation& r = relation(subj, p, obj, confidence, modality);
  if (modality == Modality::kAsserted) r.modality = Modality::kAsserted;
  r.confidence = std::max(r.confidence, confidence);
  if (!r.evidence.empty() && r.evidence.back().sentence == s) return;  // one sentence, one evidence
  Evidence& ev = r.evidence.emplace_back();
  ev.sentence = s;
  ev.span = si.span;
  ev.text = std::string(a_.text.substr(si.span.start, si.span.end - si.span.start));
  ev.cue = std::string(cue);
  ev.rule = intern(rule);
  ev.modality = modality;
}

// Whether the act at `cue` is what a threat a few words before it in its clause names
// ("Korut mengancam akan meluncurkan serangan nuklir ke Korsel"): THREATEN says it.
bool RelationBuilder::threatened_act(const SentenceInfo& si, uint32_t cue) const {
  constexpr uint32_t kReach = 6;
  for (uint32_t i = cue; i > si.first && cue - i < kReach;) {
    --i;
    const std::string_view w = a_.tokens[i].word();
    // The threat's own clause: "mengancam Jepang dan menyerang Korsel", "mengancam Jepang
    // setelah AS menyerang Suriah" attack outside it.
    if (w == "," || w == ";" || w == "\"" || w == "dan" || w == "serta" || w == "setelah" ||
        w == "sebelum" || w == "karena" || w == "ketika" || w == "saat" || w == "sementara")
      return false;
    if (cues_.in_class(classes_.threat_words, w)) return true;
  }
  return false;
}

// Every subject of the slot with every object; a slot that stands for names before it
// ("ia", "kedua negara") adds its coreference rule to the rule id.
void RelationBuilder::add_all(const Slot& subj, Predicate p, const Slot& obj, uint32_t s,
                              uint32_t cue_token, std::string_view cue, std::string_view rule,
                              double confidence) {
  std::string combined;
  for (const Slot* slot : {&subj, &obj}) {
    if (!slot->reference) continue;
    if (combined.empty()) combined.assign(rule);
    combined.append("+").append(slot->reference);
  }
  if (!combined.empty()) rule = combined;
  for (int32_t x : subj.entities) {
    for (int32_t y : obj.entities) add(x, p, y, s, cue_token, cue, rule, confidence);
  }
}

// The mentions of sentence s, as an index range into a_.mentions.
std::pair<size_t, size_t> RelationBuilder::mentions_of(uint32_t s) const {
  size_t begin = sentence_mentions_[s];
  size_t end = begin;
  while (end < a_.mentions.size() && a_.mentions[end].sentence == s) ++end;
  return {begin, end};
}

void RelationBuilder::sentence(uint32_t s) {
  current_sentence_ = s;
  const SentenceInfo& si = a_.sentences[s];
  // The slots are found only for a sentence that needs them: one with a cue, or with a
  // person a title or an apposition may place.
  std::vector<Slot>* slots = nullptr;
  title_relations(s);
  for (uint32_t i = may_hold_two_parties(s) ? si.first : si.last; i < si.last; ++i) {
    const Token& t = a_.tokens[i];
    if (!t.is_word() || inside_mention(i)) continue;
    std::optional<Cue> cue = cues_.find(a_.tokens, i, si.last);
    if (!cue) continue;
    if (!slots) slots = &slots_of(s);
    apply_cue(s, *slots, i, *cue, a_.text.substr(t.start, t.end - t.start));
  }
  if (!slots && names_a_person(s)) slots = &slots_of(s);
  if (slots) family_and_membership(s, *slots);
  co_occurrences(s);
}

// A cue relates two parties, each a name of the sentence or a word that refers back
// ("ia", "kedua negara", "Presiden itu"); a "-nya" on the cue gives one at most. A sentence
// with fewer than two names and nothing that could stand for the missing party has no
// relation to find: its cues are not looked up.
bool RelationBuilder::may_hold_two_parties(uint32_t s) const {
  auto [begin, end] = mentions_of(s);
  for (size_t k = begin + 1; k < end; ++k) {
    if (a_.mentions[k].entity != a_.mentions[begin].entity) return true;
  }
  const bool one_name = begin != end;  // then a "-nya" may stand for the other party
  const SentenceInfo& si = a_.sentences[s];
  bool demonstrative = false;  // "Presiden itu" refers back only with "itu" or "tersebut"
  for (uint32_t i = si.first; i < si.last; ++i) {
    const Token& t = a_.tokens[i];
    if (!t.is_word()) continue;
    const std::string_view w = t.word();
    if (lexicon::refers_back(t) ||
        (one_name && w.size() > 3 && w.compare(w.size() - 3, 3, "nya") == 0))
      return true;
    demonstrative = demonstrative || w == "itu" || w == "tersebut";
  }
  if (!demonstrative) return false;
  for (uint32_t i = si.first; i < si.last; ++i) {
    if (a_.tokens[i].is_word() && lexicon::is_leader_title(a_.tokens[i])) return true;
  }
  return false;
}

bool RelationBuilder::names_a_person(uint32_t s) const {
  auto [begin, end] = mentions_of(s);
  for (size_t k = begin; k < end; ++k) {
    const NameMention& m = a_.mentions[k];
    if (!m.modifier && entity(m.entity).type == EntityType::kPerson) return true;
  }
  return false;
}

void RelationBuilder::pairwise(const Slot& group, Predicate p, uint32_t s, uint32_t cue_token,
                               std::string_view cue, std::string_view rule) {
  std::string combined;
  if (group.reference) rule = combined.assign(rule).append("+").append(group.reference);
  for (size_t x = 0; x < group.entities.size(); ++x) {
    for (size_t y = x + 1; y < group.entities.size(); ++y)
      add(group.entities[x], p, group.entities[y], s, cue_token, cue, rule, 0.7);
  }
}

void RelationBuilder::co_occurrences(uint32_t s) {
  std::vector<int32_t>& present = present_;
  present.clear();
  auto [begin, end] = mentions_of(s);
  for (size_t k = begin; k < end; ++k) {
    const NameMention& m = a_.mentions[k];
    if (std::find(present.begin(), present.end(), m.entity) == present.end())
      present.push_back(m.entity);
  }
  if (present.size() > 12) present.resize(12);
  for (size_t x = 0; x < present.size(); ++x) {
    for (size_t y = x + 1; y < present.size(); ++y) {
      int32_t a = present[x], b = present[y];
      if (typed_pairs_.find(pair_key(a, b)) != FlatIndex::kNone) continue;
      if (entity(a).type == EntityType::kTopic && entity(b).type == EntityType::kTopic) continue;
      add_cooccurrence(a, b, s);
    }
  }
}

void RelationBuilder::add_cooccurrence(int32_t a, int32_t b, uint32_t s) {
  if (id_less(b, a)) std::swap(a, b);
  cooccurrences_.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b), s});
}

void extract_relations(const Analysis& analysis, const CueLexicon& cues, std::vector<Relation>* typed,
                       std::vector<CoOccurrence>* cooccurrences) {
  RelationBuilder(analysis, cues).run(typed, cooccurrences);
}

}  // namespace newsgraph::ingest
