#include "ingest/relation_extractor.h"

#include <algorithm>
#include <initializer_list>
#include <tuple>

#include "ingest/clause_bounds.h"
#include "ingest/coreference.h"
#include "ingest/flat_index.h"
#include "ingest/lexicon.h"
#include "ingest/recognizer.h"
#include "ingest/relation_cues.h"

namespace newsgraph::ingest {
namespace {

// The entities of a slot: nearly always one or two, so held inline; more go to the heap.
class EntityList {
 public:
  EntityList() = default;
  EntityList(std::initializer_list<int32_t> entities) {
    for (int32_t e : entities) push_back(e);
  }
  void push_back(int32_t e) {
    if (size_ < kInline) {
      inline_[size_++] = e;
      return;
    }
    if (size_ == kInline) heap_.assign(inline_, inline_ + kInline);
    heap_.push_back(e);
    ++size_;
  }
  void append(const EntityList& other) {
    for (int32_t e : other) push_back(e);
  }
  const int32_t* begin() const { return size_ <= kInline ? inline_ : heap_.data(); }
  const int32_t* end() const { return begin() + size_; }
  size_t size() const { return size_; }
  int32_t operator[](size_t i) const { return begin()[i]; }
  int32_t front() const { return begin()[0]; }
  int32_t back() const { return begin()[size_ - 1]; }

 private:
  static constexpr size_t kInline = 4;
  int32_t inline_[kInline] = {};
  size_t size_ = 0;
  std::vector<int32_t> heap_;
};

// One argument position in a sentence: a name, a coordination ("Rusia dan China") or
// "kedua negara" standing for the pair named before.
struct Slot {
  uint32_t first = 0;
  uint32_t last = 0;
  EntityList entities;
  bool object_of_earlier_cue = false;
  int32_t subject_of_that_cue = -1;  // slot index
  int32_t patient_of_passive = -1;   // for the agent of "dijatuhi sanksi oleh X": the patient slot
  const char* reference = nullptr;   // the coreference rule when the slot is a pronoun or "kedua negara"
};

// Verbs that carry a noun cue: "memberikan dukungan", "melancarkan serangan".
bool is_light_verb(std::string_view key) {
  static constexpr std::string_view kVerbs[] = {"memberikan", "memberi", "menyampaikan", "menyatakan", "melakukan",
                                       "melancarkan", "mengirimkan", "mengirim", "menunjukkan", "menjatuhkan",
                                       "menawarkan", "menggelar", "mengadakan", "meningkatkan", "memperkuat",
                                       "menyerukan", "menjalin", "membangun", "mengembangkan", "memperluas",
                                       "mengeluarkan", "melontarkan", "meluncurkan", "mengucapkan", "mengajukan",
                                       "menegaskan", "mengungkapkan", "menyuarakan", "mempererat", "menyepakati",
                                       "menandatangani", "menggalang", "menambah", "mengumumkan", "memberlakukan",
                                       "memulai", "melaksanakan", "membuka", "menawarkan"};
  for (std::string_view v : kVerbs) {
    if (key == v) return true;
  }
  return false;
}

// Verbs whose subject receives what a noun cue after them names: "menuai kecaman".
bool is_receiving_verb(std::string_view key) {
  return key == "menerima" || key == "mendapat" || key == "mendapatkan" || key == "memperoleh" ||
         key == "menuai" || key == "menghadapi" || key == "dihujani" || key == "kebanjiran" || key == "meraih";
}

bool is_preposition(std::string_view key) {
  return key == "kepada" || key == "ke" || key == "dengan" || key == "terhadap" || key == "atas" ||
         key == "melawan" || key == "untuk" || key == "di" || key == "bagi" || key == "pada" ||
         key == "dari" || key == "antara";
}

class Extractor {
 public:
  Extractor(const Analysis& a, const CueLexicon& cues)
      : a_(a), cues_(cues), mention_at_(a.tokens.size(), -1), sentence_mentions_(a.sentences.size() + 1, 0) {
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
  }

  std::vector<Relation> run() {
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
      if (int c = entity(xs).id.compare(entity(ys).id)) return c < 0;
      if (xp != yp) return xp < yp;
      return entity(xo).id < entity(yo).id;
    });
    std::vector<Relation> out;
    out.reserve(order.size());
    for (uint32_t i : order) out.push_back(std::move(relations_[i]));
    return out;
  }

 private:
  // (subject, predicate, object) by entity index; an article's entities have distinct ids.
  using Key = std::tuple<int32_t, int, int32_t>;
  static uint64_t packed(int32_t subject, Predicate p, int32_t object) {
    return uint64_t(uint32_t(subject)) << 37 | uint64_t(p) << 32 | uint32_t(object);
  }
  static uint64_t pair_key(int32_t a, int32_t b) {
    return uint64_t(uint32_t(std::min(a, b))) << 32 | uint32_t(std::max(a, b));
  }

  // The relation (subject, p, object), made with `confidence` and `modality` when it is new.
  Relation& relation(int32_t subject, Predicate p, int32_t object, double confidence,
                     Modality modality = Modality::kAsserted) {
    const auto next = static_cast<uint32_t>(relations_.size());
    const uint32_t index = relation_index_.insert(packed(subject, p, object), next);
    if (index == next) {
      Relation& r = relations_.emplace_back();
      r.subject = entity(subject).id;
      r.object = entity(object).id;
      r.predicate = p;
      r.confidence = confidence;
      r.modality = modality;
      keys_.emplace_back(subject, static_cast<int>(p), object);
    }
    return relations_[index];
  }

  const Entity& entity(int32_t e) const { return a_.entities[e]; }
  bool actor(int32_t e) const { return is_actor(entity(e).type); }

  void add(int32_t subj, Predicate p, int32_t obj, uint32_t s, uint32_t cue_token,
           std::string_view cue, std::string_view rule, double confidence) {
    if (subj == obj || subj < 0 || obj < 0) return;
    if (!actor(subj)) return;
    EntityType ot = entity(obj).type;
    bool object_ok = p == Predicate::kVisit
                         ? (ot == EntityType::kCountry || ot == EntityType::kLocation)
                         : is_actor(ot) || (p == Predicate::kAttack && ot == EntityType::kLocation);
    if (!object_ok) return;
    if (is_symmetric(p) && entity(subj).id > entity(obj).id) std::swap(subj, obj);
    const SentenceInfo& si = a_.sentences[s];
    const Modality modality = p == Predicate::kCoOccurs || cue_token == UINT32_MAX ? Modality::kAsserted
                                                                                   : modality_at(a_, si, cue_token);
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
    ev.rule = std::string(rule);
    ev.modality = modality;
  }

  // Every subject of the slot with every object; a slot that stands for names before it
  // ("ia", "kedua negara") adds its coreference rule to the rule id.
  void add_all(const Slot& subj, Predicate p, const Slot& obj, uint32_t s, uint32_t cue_token,
               std::string_view cue, std::string_view rule, double confidence) {
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

  // Slots of sentence s, coordinations merged; valid until the next call.
  std::vector<Slot>& slots_of(uint32_t s) {
    std::vector<Slot>& slots = found_slots_;
    slots.clear();
    const SentenceInfo& si = a_.sentences[s];
    size_t mi = sentence_mentions_[s];
    std::vector<const NameMention*>& ms = slot_mentions_;
    ms.clear();
    for (; mi < a_.mentions.size() && a_.mentions[mi].sentence == s; ++mi) {
      if (!a_.mentions[mi].modifier && !names_a_kind(a_.mentions[mi])) ms.push_back(&a_.mentions[mi]);
    }
    size_t k = 0;
    for (uint32_t i = si.first; i < si.last;) {
      if (k < ms.size() && ms[k]->first == i) {
        Slot slot{ms[k]->first, ms[k]->last, {ms[k]->entity}};
        i = ms[k]->last;
        ++k;
        while (k < ms.size() && ms[k]->first < i) ++k;  // overlapping role mention
        slots.push_back(slot);
        continue;
      }
      if (may_refer(a_.tokens[i].key)) {
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
                                                     : entity(prev.entities.back()).type == entity(slot.entities.front()).type;
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

  // Whether a country or body is named only to say what kind a noun is ("perusahaan
  // Jepang", "klub Spanyol", "negara anggota PBB"): no actor of its own there.
  bool names_a_kind(const NameMention& m) const {
    const EntityType type = entity(m.entity).type;
    if ((type != EntityType::kCountry && type != EntityType::kOrganization) || m.first == 0 ||
        m.first == a_.sentences[m.sentence].first)
      return false;
    const std::string_view before = a_.tokens[m.first - 1].word();
    if (before == "anggota") return m.first >= 2 && a_.tokens[m.first - 2].word() == "negara";  // member states
    if (type != EntityType::kCountry) return false;
    // "maskapai nasional Arab Saudi": one adjective may stand between.
    const bool adjective = m.first >= 2 && !a_.tokens[m.first - 1].upper_initial &&
                           !lexicon::is_function_word(before) && !is_preposition(before);
    return is_kind_noun(before) || (adjective && is_kind_noun(a_.tokens[m.first - 2].word()));
  }
  static bool is_kind_noun(std::string_view w) {
    static constexpr std::string_view kNouns[] = {
        "perusahaan", "bank", "media", "klub", "produk", "merek", "mobil", "maskapai",
        "atlet", "pemain", "pelatih", "timnas", "pebalap", "petenis", "pesepak", "pesepakbola", "film",
        "musisi", "penyanyi", "aktor", "aktris", "raksasa", "startup", "liga", "asal", "buatan", "produksi",
        "mata", "bahasa", "masakan", "kuliner", "turis", "wisatawan", "mahasiswa", "pelajar", "investor"};
    for (std::string_view n : kNouns) {
      if (w == n) return true;
    }
    return false;
  }

  // Words that may open a referring phrase (coreference.h): checked before the search.
  static bool may_refer(std::string_view key) {
    return key == "kedua" || key == "keduanya" || key == "ia" || key == "dia" || key == "beliau" ||
           key == "negara" || key == "negeri" || key == "sang" || lexicon::is_leader_title(key);
  }

  // "Rusia dan China", "Kim & Putin", "Rusia-DPRK".
  // A person's title may stand between: "Kim Jong Un dan Presiden AS Donald Trump".
  bool coordinated(const Slot& prev, const Slot& next) const {
    const uint32_t gap = next.first - prev.last;
    if (gap == 0) return a_.tokens[next.first].hyphen_before;
    const std::string_view between = a_.tokens[prev.last].word();
    if (between != "dan" && between != "serta" && between != "&") return false;
    if (gap == 1) return true;
    if (entity(next.entities.front()).type != EntityType::kPerson) return false;
    for (uint32_t t = prev.last + 1; t < next.first; ++t) {
      const std::string& key = a_.tokens[t].key;
      const bool title = lexicon::is_person_title(key) || lexicon::is_leader_title(key) || is_title_continuation(key);
      const bool body = mention_at_[t] >= 0 && a_.mentions[mention_at_[t]].modifier;
      if (!title && !body) return false;
    }
    return true;
  }
  bool listed(const Slot& prev, const Slot& next) const {
    return next.first == prev.last + 1 && a_.tokens[prev.last].word() == ",";
  }
  // Whether the comma-separated names from slot k on end in "dan"/"serta" before
  // anything else comes between them: a list, not an apposition.
  bool list_ends_with_and(const std::vector<Slot>& slots, size_t k) const {
    for (size_t j = k; j + 1 < slots.size(); ++j) {
      if (coordinated(slots[j], slots[j + 1])) return true;
      if (!listed(slots[j], slots[j + 1])) return false;
    }
    return false;
  }
  // Coordinated names are of one kind: actors with actors (a country and a body can act
  // together, "AS dan PBB menjatuhkan sanksi"), others with their own type.
  bool same_kind(const Slot& prev, const Slot& next) const {
    const int32_t x = prev.entities.back(), y = next.entities.front();
    return entity(x).type == entity(y).type || (actor(x) && actor(y));
  }

  bool inside_mention(uint32_t i) const { return mention_at_[i] >= 0; }

  // The mentions of sentence s, as an index range into a_.mentions.
  std::pair<size_t, size_t> mentions_of(uint32_t s) const {
    size_t begin = sentence_mentions_[s];
    size_t end = begin;
    while (end < a_.mentions.size() && a_.mentions[end].sentence == s) ++end;
    return {begin, end};
  }

  void sentence(uint32_t s) {
    current_sentence_ = s;
    const SentenceInfo& si = a_.sentences[s];
    std::vector<Slot>& slots = slots_of(s);
    title_relations(s);
    for (uint32_t i = si.first; i < si.last; ++i) {
      const Token& t = a_.tokens[i];
      if (!t.is_word() || inside_mention(i)) continue;
      std::optional<Cue> cue = cues_.find(a_.tokens, i, si.last);
      if (!cue) continue;
      apply_cue(s, slots, i, *cue, a_.text.substr(t.start, t.end - t.start));
    }
    family_and_membership(s, slots);
    co_occurrences(s);
  }

  // The closest slot before token i that can be a subject: never the object of a
  // preposition ("di Barat", "ke Korea Utara", "untuk Rusia") unless it stands right
  // before the verb, and with `core_only` (the patient of a passive, which is the
  // clause's subject) never a slot of topics only ("senjata").
  // A news credit ("diberitakan AFP") and a name inside a relative clause that closed
  // before i ("Serdadu Suriah yang didukung tentara Rusia, melancarkan ...") are never
  // taken.
  int nearest_left(const std::vector<Slot>& slots, uint32_t i, bool core_only = false) const {
    int best = -1;
    const uint32_t sentence_first = a_.sentences[slots.empty() ? 0 : current_sentence_].first;
    for (size_t k = 0; k < slots.size(); ++k) {
      if (slots[k].last > i) break;
      uint32_t f = slots[k].first;
      const std::string_view before = f > 0 ? a_.tokens[f - 1].word() : std::string_view();
      const uint32_t after = k > 0 ? slots[k - 1].last : sentence_first;
      if (is_credit(a_.tokens, sentence_first, f) || in_relative_clause(a_.tokens, after, f, i)) continue;
      // "dengan Washington menuduh ...": a name right before the verb is its subject
      // whatever comes before it; "antara Kim dan Putin" names the pair itself.
      const bool oblique = (lexicon::is_locative_preposition(before) || is_preposition(before)) &&
                           before != "antara" && !right_before(slots[k].last, i);
      const bool topics_only =  // a topic ("senjata") is no patient
          core_only && std::none_of(slots[k].entities.begin(), slots[k].entities.end(),
                                    [this](int32_t e) { return actor(e); });
      if (!oblique && !topics_only) best = static_cast<int>(k);
    }
    return best;
  }

  int first_right(const std::vector<Slot>& slots, uint32_t i, bool actors_only) const {
    const uint32_t sentence_first = a_.sentences[current_sentence_].first;
    for (size_t k = 0; k < slots.size(); ++k) {
      if (slots[k].first <= i || is_credit(a_.tokens, sentence_first, slots[k].first)) continue;
      bool ok = !actors_only;
      for (int32_t e : slots[k].entities) ok = ok || actor(e) || entity(e).type == EntityType::kLocation;
      if (!ok) continue;
      // "Direktur FBI James Comey": the person the title and body name, not the body.
      if (k + 1 < slots.size() && slots[k + 1].first == slots[k].last && slots[k].first > 0 &&
          entity(slots[k + 1].entities.front()).type == EntityType::kPerson &&
          entity(slots[k].entities.front()).type != EntityType::kPerson &&
          lexicon::is_person_title(a_.tokens[slots[k].first - 1].key))
        return static_cast<int>(k + 1);
      return static_cast<int>(k);
    }
    return -1;
  }

  // The slot right after the word `word` that follows token i ("oleh X", "dari X").
  int after_word(const std::vector<Slot>& slots, uint32_t i, std::string_view word, uint32_t end) const {
    for (uint32_t j = i + 1; j < end; ++j) {
      if (a_.tokens[j].key != word) continue;
      for (size_t k = 0; k < slots.size(); ++k) {
        if (slots[k].first > j && slots[k].first <= j + 3) return static_cast<int>(k);
      }
    }
    return -1;
  }

  void apply_cue(uint32_t s, std::vector<Slot>& slots, uint32_t i, const Cue& cue, std::string_view word) {
    const SentenceInfo& si = a_.sentences[s];
    const uint32_t previous_cue = previous_cue_;
    previous_cue_ = i;
    const char* rule = "cue.active";
    int subj = -1, obj = -1;
    double confidence = 0.75;
    int left = nearest_left(slots, i);
    int right = first_right(slots, i, true);
    // "saya akan pergi ke sana untuk bertemu dengan X": the subject is a pronoun no name
    // stands for here.
    if (left >= 0 && personal_pronoun_between(slots[left].last, i)) left = -1;
    // A verb after "X, Y" where Y was the object of an earlier verb shares that verb's
    // subject: "Kim mengirim surat kepada Putin, memuji ...".
    if (left >= 0 && slots[left].object_of_earlier_cue && slots[left].subject_of_that_cue >= 0 &&
        !cue.noun) {
      bool comma = false;
      for (uint32_t j = slots[left].last; j < i; ++j) comma = comma || a_.tokens[j].word() == "," || a_.tokens[j].word() == "dan";
      if (comma) left = slots[left].subject_of_that_cue;
    }
    if (left >= 0 && slots[left].patient_of_passive >= 0 && !cue.noun &&
        cue.voice != CueVoice::kPassive) {
      left = slots[left].patient_of_passive;  // "X dijatuhi sanksi oleh Y sejak menginvasi Z"
    }
    const bool light_verb = i > si.first && is_light_verb(a_.tokens[i - 1].key);
    // "X, yang menyerang Y": the subject is the name "yang" follows, or none
    // ("pihak yang menyerang Tokyo" names no attacker).
    const uint32_t relative_end = relative_subject_end(slots, si.first, i);
    if (relative_end > 0) {
      left = -1;
      for (size_t k = 0; k < slots.size(); ++k)
        if (slots[k].last == relative_end) left = static_cast<int>(k);
    }
    if (cue.voice == CueVoice::kPassive) {
      rule = "cue.passive";
      subj = after_word(slots, i, "oleh", agent_phrase_end(a_.tokens, i, si.last));
      if (subj < 0 && right >= 0 && slots[right].first == i + 1 && a_.tokens[i].key.rfind("di", 0) == 0) {
        subj = right;  // the agent right after a di- verb: "dikecam China", "yang didukung Iran"
        rule = "cue.passive.bare_agent";
      }
      obj = relative_end > 0 ? left : nearest_left(slots, i, true);
      if (subj < 0 || obj < 0 || subj == obj) return;
      slots[subj].patient_of_passive = obj;
    } else if (cue.noun && i > si.first && is_receiving_verb(a_.tokens[i - 1].key)) {
      // "menuai kecaman dari China", "mendapat dukungan Rusia": the giver acts on the
      // clause's subject; unless the verb was a cue itself ("menerima bantuan dari X").
      if (previous_cue == i - 1) return;
      rule = "cue.noun.received";
      subj = after_word(slots, i, "dari", std::min(si.last, i + 4));
      if (subj < 0 && right >= 0 && slots[right].first == i + 1) subj = right;
      obj = left;
    } else if (cue.voice == CueVoice::kReversed) {
      rule = "cue.reversed";
      subj = after_word(slots, i, "dari", si.last);
      if (subj < 0) subj = right;
      obj = left;
    } else if (cue.noun && right >= 0 && slots[right].first == i + 1 && !is_symmetric(cue.predicate)) {
      // Possessor right after a noun cue: "invasi Rusia ke Ukraina", "dukungan Uni Soviet".
      rule = "cue.noun.possessor";
      subj = right;
      obj = -1;
      if (slots[right].last < si.last && is_preposition(a_.tokens[slots[right].last].key)) {
        obj = first_right(slots, slots[right].last, true);
      }
      bool patient_before = cue.predicate == Predicate::kSupport || cue.predicate == Predicate::kSupply ||
                            cue.predicate == Predicate::kCommunicate;
      if (obj < 0 && patient_before && left >= 0 && !clause_break_between(slots[left].last, i)) obj = left;
    } else if (is_symmetric(cue.predicate)) {
      rule = "cue.symmetric";
      int between = after_word(slots, i, "antara", std::min(si.last, i + (cue.noun ? 6 : 4)));
      if (between >= 0) {
        pairwise(slots[between], cue.predicate, s, i, cue.root, "cue.symmetric.between");
        return;
      }
      // "persahabatan Rusia-DPRK", "Kim dan Putin bertemu", "X bertemu dengan Y".
      if (cue.noun && right >= 0 && slots[right].first <= i + 2 && slots[right].entities.size() > 1) {
        pairwise(slots[right], cue.predicate, s, i, cue.root, "cue.symmetric.possessor");
        return;
      }
      // "pertemuan Putin dengan Kim", "kerja sama Indonesia dengan Jepang".
      if (cue.noun && right >= 0 && slots[right].first <= i + 2) {
        int partner = after_word(slots, slots[right].last - 1, "dengan", std::min(si.last, slots[right].last + 1));
        if (partner >= 0 && partner != right) {
          add_all(slots[right], cue.predicate, slots[partner], s, i, word, "cue.symmetric.possessor_with", 0.7);
          return;
        }
      }
      subj = left;
      obj = cue.noun ? after_word(slots, i, "dengan", std::min(si.last, i + 7)) : right;
      if (!cue.noun && obj >= 0 && clause_ends_between(a_.tokens, cue.predicate, i, slots[obj].first)) obj = -1;
      if (!cue.noun && obj >= 0 && relative_between(i, slots[obj].first)) obj = -1;
      if (subj >= 0 && obj < 0 && slots[subj].entities.size() > 1 && slots[subj].last + 4 >= i) {
        pairwise(slots[subj], cue.predicate, s, i, cue.root, "cue.symmetric.coordinated");
        return;
      }
    } else {
      subj = left;
      obj = right;
      if (!cue.noun && obj >= 0 && clause_ends_between(a_.tokens, cue.predicate, i, slots[obj].first)) obj = -1;
      // "membantah menunjuk X", "menolak menyerahkan X": the object is what is done (a
      // threat's is whom it is against: "mengancam menyerang AS").
      const bool stance = cue.predicate == Predicate::kReject || cue.predicate == Predicate::kRecognize ||
                          cue.predicate == Predicate::kAccept || cue.predicate == Predicate::kAccuse;
      if (stance && !cue.noun && i + 1 < si.last && mention_at_[i + 1] < 0 &&
          lexicon::looks_like_verb(a_.tokens[i + 1].key) && a_.tokens[i + 1].key != "melawan")
        obj = -1;
      // "mengekspor teknologi AS ke China": goods go to the name after "ke".
      if (!cue.noun && obj >= 0 && cue.predicate == Predicate::kSupply) obj = recipient(slots, i, obj, si.last);
      if (!cue.noun && obj >= 0 && relative_between(i, slots[obj].first)) obj = -1;  // "menuduh gerilyawan yang didukung X"
      if (!cue.noun && obj >= 0 && object_inside_decision(i, slots[obj].first)) obj = -1;
      // A bare noun cue names an event; without a possessor or a light verb it says
      // nothing about who did it to whom ("menerima bantuan dari X").
      if (cue.noun && !light_verb) subj = -1;
      if (subj < 0 && right >= 0 && opens_fronted_clause(a_.tokens, si.first, i)) {
        // A fronted clause: "Menyampaikan dukungan ... dengan Moskow, Kim mengirim ...".
        int after_clause = -1;
        for (uint32_t j = i + 1; j < si.last && after_clause < 0; ++j) {
          if (a_.tokens[j].word() == ",") after_clause = first_right(slots, j, true);
        }
        if (after_clause >= 0 && after_clause != right && slots[right].last <= slots[after_clause].first) {
          subj = after_clause;
          rule = "cue.fronted";
          confidence = 0.6;
        }
      }
      if (subj < 0 && cue.noun && right >= 0 && opens_fronted_phrase(a_.tokens, si.first, i) &&
          !relative_between(i, slots[right].first)) {
        subj = subject_after_fronted_phrase(slots, i, si.last);  // "Dalam suratnya kepada X, Y menulis"
        rule = "cue.fronted_phrase";
        confidence = 0.6;
      }
      const std::string_view before_object = obj >= 0 ? a_.tokens[slots[obj].first - 1].word() : std::string_view();
      if (subj < 0 && cue.noun && obj >= 0 && possessive_nya(i) && is_preposition(before_object) &&
          (before_object != "di" || cue.predicate == Predicate::kVisit)) {
        // "kunjungannya ke Mongolia", "dukungannya kepada Suriah": "-nya" is the actor.
        const int32_t owner = possessor_of_nya(a_, s, i);
        if (owner >= 0 && owner != slots[obj].entities.front()) {
          add_all(Slot{i, i + 1, {owner}, false, -1, -1, "coref.nya"}, cue.predicate, slots[obj], s, i, word,
                  "cue.noun.possessive", 0.6);
          return;
        }
      }
    }
    // "Kim dan Trump saling melontarkan ancaman": each to the other.
    if (subj >= 0 && slots[subj].entities.size() > 1 && (obj < 0 || obj == subj) && !is_symmetric(cue.predicate) &&
        is_reciprocal(a_.tokens, si.first, i)) {
      const Slot& group = slots[subj];
      for (int32_t x : group.entities) {
        for (int32_t y : group.entities) add(x, cue.predicate, y, s, i, word, "cue.reciprocal", 0.7);
      }
      return;
    }
    if (subj < 0 || obj < 0 || subj == obj) return;
    Cue effective = cue;
    if (cue.predicate == Predicate::kAttack && in_class("attack_in_words", cue.root) &&
        attack_in_words(slots[subj], s)) {
      effective.predicate = Predicate::kAccuse;  // "Trump menyerang Direktur FBI"
      rule = "cue.verbal_attack";
    }
    apply_to_slots(s, slots, i, effective, word, subj, obj, rule, confidence);
  }

  bool in_class(std::string_view name, std::string_view word) const {
    const std::vector<std::string> words = cues_.class_words(name);
    return std::find(words.begin(), words.end(), word) != words.end();
  }

  // The recipient of goods sent by the verb at i: the name right after the first "ke",
  // "kepada", "untuk" or "bagi" in its clause when there is one (-1 if that phrase names
  // nobody), else the direct object `obj`.
  int recipient(const std::vector<Slot>& slots, uint32_t i, int obj, uint32_t end) const {
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

  // Whether a noun of the class "decision" stands between the verb at i and the
  // preposition before its would-be object at j: the name belongs to that noun's phrase.
  bool object_inside_decision(uint32_t i, uint32_t j) const {
    if (j == 0 || !is_preposition(a_.tokens[j - 1].key)) return false;
    const std::vector<std::string> words = cues_.class_words("decision");
    for (uint32_t t = i + 1; t + 1 < j; ++t) {
      if (std::find(words.begin(), words.end(), a_.tokens[t].key) != words.end()) return true;
    }
    return false;
  }

  // Whether people (subject slot) "menyerang" with no word of force in the sentence; an
  // invasion or a bombing is never in words.
  bool attack_in_words(const Slot& subject, uint32_t s) const {
    for (int32_t e : subject.entities) {
      if (entity(e).type != EntityType::kPerson) return false;
    }
    const std::vector<std::string> force = cues_.class_words("force");
    const SentenceInfo& si = a_.sentences[s];
    for (uint32_t t = si.first; t < si.last; ++t) {
      if (std::find(force.begin(), force.end(), a_.tokens[t].key) != force.end()) return false;
    }
    return true;
  }

  void apply_to_slots(uint32_t s, std::vector<Slot>& slots, uint32_t i, const Cue& cue, std::string_view word,
                      int subj, int obj, const char* rule, double confidence) {
    const SentenceInfo& si = a_.sentences[s];
    // "X dan Y ... setelah yang terakhir menginvasi Z": the latter (or "yang pertama",
    // the former) of the pair is the subject, not both.
    if (slots[subj].entities.size() > 1 && i >= si.first + 2 && a_.tokens[i - 2].word() == "yang" &&
        (a_.tokens[i - 1].word() == "terakhir" || a_.tokens[i - 1].word() == "pertama")) {
      Slot one = slots[subj];
      one.entities = EntityList{a_.tokens[i - 1].word() == "terakhir" ? one.entities.back() : one.entities.front()};
      add_all(one, cue.predicate, slots[obj], s, i, word, "cue.active.latter_or_former", confidence);
    } else {
      add_all(slots[subj], cue.predicate, slots[obj], s, i, word, rule, confidence);
    }
    slots[obj].object_of_earlier_cue = true;
    slots[obj].subject_of_that_cue = subj;
  }

  // Where the subject (or a passive's patient) of a verb at i inside a relative clause
  // must end: right before its "yang" (or the comma before that); 0 when the verb is in
  // no relative clause of its own (a name stands between "yang" and the verb).
  uint32_t relative_subject_end(const std::vector<Slot>& slots, uint32_t sentence_first, uint32_t i) const {
    const uint32_t yang = relative_pronoun_before(a_.tokens, sentence_first, i);
    if (yang == UINT32_MAX || yang == sentence_first) return 0;
    const std::string_view after = a_.tokens[yang + 1].word();
    if (after == "terakhir" || after == "pertama") return 0;  // "yang terakhir": one of a pair named before
    for (const Slot& slot : slots) {
      if (slot.first > yang && slot.first < i) return 0;
    }
    return a_.tokens[yang - 1].word() == "," ? yang - 1 : yang;
  }

  // Whether only adverbs stand between tokens i and j ("Washington juga menuduh").
  bool right_before(uint32_t i, uint32_t j) const {
    for (uint32_t t = i; t < j; ++t) {
      const std::string_view w = a_.tokens[t].word();
      if (w != "juga" && w != "pun" && w != "telah" && w != "sudah" && w != "akan" && w != "terus" && w != "lalu")
        return false;
    }
    return true;
  }

  // Whether a first- or second-person pronoun stands between tokens i and j, in j's clause.
  bool personal_pronoun_between(uint32_t i, uint32_t j) const {
    for (uint32_t t = j; t-- > i;) {
      const std::string_view w = a_.tokens[t].word();
      if (w == "," || w == "\"" || w == ";") return false;
      if (w == "saya" || w == "aku" || w == "kami" || w == "kita" || w == "anda" || w == "kamu") return true;
    }
    return false;
  }

  // Whether the noun cue at token i carries the possessive "-nya" ("kunjungannya").
  bool possessive_nya(uint32_t i) const {
    const std::string& key = a_.tokens[i].key;
    return key.size() > 5 && key.compare(key.size() - 3, 3, "nya") == 0;
  }

  // Whether "yang" stands between a verb at i and token j, past the verb's own object
  // noun ("menjatuhkan sanksi yang lebih keras"): what follows belongs to a relative
  // clause of a noun that is no name ("menuduh gerilyawan yang didukung X").
  bool relative_between(uint32_t i, uint32_t j) const {
    for (uint32_t t = i + 3; t < j; ++t)
      if (a_.tokens[t].word() == "yang") return true;
    return false;
  }
  bool clause_break_between(uint32_t i, uint32_t j) const {
    for (uint32_t t = i; t < j; ++t)
      if (a_.tokens[t].word() == "bahwa" || a_.tokens[t].word() == ";") return true;
    return false;
  }

  // The subject of a clause after a fronted phrase that holds token i: the last name
  // before the first verb after the phrase's comma ("..., Antonio Guterres, Ja menulis").
  int subject_after_fronted_phrase(const std::vector<Slot>& slots, uint32_t i, uint32_t end) const {
    uint32_t comma = i;
    while (comma < end && a_.tokens[comma].word() != ",") ++comma;
    uint32_t verb = comma;
    while (verb < end && !(lexicon::looks_like_verb(a_.tokens[verb].key) || lexicon::is_reporting_verb(a_.tokens[verb].key)))
      ++verb;
    if (verb >= end) return -1;
    int found = -1;
    for (size_t k = 0; k < slots.size(); ++k) {
      if (slots[k].first > comma && slots[k].last <= verb) found = static_cast<int>(k);
    }
    return found;
  }

  void pairwise(const Slot& group, Predicate p, uint32_t s, uint32_t cue_token, std::string_view cue, std::string_view rule) {
    std::string combined;
    if (group.reference) rule = combined.assign(rule).append("+").append(group.reference);
    for (size_t x = 0; x < group.entities.size(); ++x) {
      for (size_t y = x + 1; y < group.entities.size(); ++y)
        add(group.entities[x], p, group.entities[y], s, cue_token, cue, rule, 0.7);
    }
  }

  // LEADS from "Presiden Rusia Vladimir Putin" and role phrases.
  void title_relations(uint32_t s) {
    const auto& ms = a_.mentions;
    auto [begin, end] = mentions_of(s);
    for (size_t k = begin; k < end; ++k) {
      const NameMention& m = ms[k];
      if (!m.modifier) continue;
      int32_t person = -1;
      for (size_t j = begin; j < end; ++j) {
        if (j == k) continue;
        bool role_here = ms[j].role && ms[j].last == m.last;
        bool named_after = !ms[j].role && ms[j].first >= m.last && ms[j].first <= m.last + 1 &&
                           entity(ms[j].entity).type == EntityType::kPerson;
        if (role_here || named_after) {
          person = ms[j].entity;
          break;
        }
      }
      if (person < 0) continue;
      // "Wakil Ketua KPK X", "Wakil Perdana Menteri Malaysia X": a deputy is a member.
      // "mantan Presiden Georgia X", "calon Presiden AS X": no role today.
      bool deputy = false;
      for (uint32_t t = m.first; t > a_.sentences[s].first; --t) {
        const std::string& key = a_.tokens[t - 1].key;
        if (is_not_current(key)) break;
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

  void family_and_membership(uint32_t s, const std::vector<Slot>& slots) {
    const SentenceInfo& si = a_.sentences[s];
    for (size_t k = 0; k < slots.size(); ++k) {
      const Slot& slot = slots[k];
      if (slot.entities.size() != 1) continue;
      int32_t e = slot.entities[0];
      uint32_t before = slot.first;
      // "ayah Kim, Kim Jong Il": FAMILY.
      if (before > si.first && lexicon::is_kin_word(a_.tokens[before - 1].key) &&
          entity(e).type == EntityType::kPerson && k + 1 < slots.size() &&
          slots[k + 1].first == slot.last + 1 && a_.tokens[slot.last].word() == "," &&
          entity(slots[k + 1].entities[0]).type == EntityType::kPerson) {
        add(e, Predicate::kFamily, slots[k + 1].entities[0], s, UINT32_MAX, a_.tokens[before - 1].key, "title.family", 0.8);
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
      if (slot.last < si.last && a_.tokens[slot.last].word() == ",") apposition_role(s, e, slot.last + 1);
    }
  }

  // "pemerintah AS di bawah (pimpinan) Presiden Donald Trump", "Korea Utara pimpinan Kim
  // Jong Un": the person (slot k) leads the body named just before the phrase.
  void led_by(uint32_t s, const std::vector<Slot>& slots, size_t k) {
    const SentenceInfo& si = a_.sentences[s];
    uint32_t t = slots[k].first;
    while (t > si.first && (lexicon::is_leader_title(a_.tokens[t - 1].key) || is_title_continuation(a_.tokens[t - 1].key)))
      --t;
    if (t > si.first && (a_.tokens[t - 1].word() == "pimpinan" || a_.tokens[t - 1].word() == "kepemimpinan")) --t;
    const bool under = t >= si.first + 2 && a_.tokens[t - 1].word() == "bawah" && a_.tokens[t - 2].word() == "di";
    if (under) t -= 2;
    else if (t == slots[k].first || a_.tokens[t].word() != "pimpinan") return;
    for (size_t b = k; b-- > 0;) {
      if (slots[b].entities.size() != 1 || slots[b].last + (under ? 2 : 0) < t) break;
      const EntityType type = entity(slots[b].entities[0]).type;
      if (type == EntityType::kCountry || type == EntityType::kOrganization) {
        add(slots[k].entities[0], Predicate::kLeads, slots[b].entities[0], s, UINT32_MAX, "", "phrase.led_by", 0.8);
        return;
      }
    }
  }

  // The role in an apposition after a person: "X, juru bicara Kementerian Luar Negeri
  // China", "X, seorang pejabat dari Brigade Y", "X, pemimpin kelompok Y" (LEADS).
  // The body is the first name after the role words, before any verb or further comma;
  // a former or would-be holder ("X, mantan presiden Y") gets nothing.
  void apposition_role(uint32_t s, int32_t person, uint32_t from) {
    const SentenceInfo& si = a_.sentences[s];
    bool role = false, leader = false, deputy = false;
    // The apposition opens with its role: "X, juru bicara ...", "X, seorang pejabat ...".
    while (from < si.last && (a_.tokens[from].word() == "seorang" || a_.tokens[from].word() == "sang" ||
                              a_.tokens[from].word() == "selaku" || a_.tokens[from].word() == "sebagai"))
      ++from;
    if (from < si.last && lexicon::is_kin_word(a_.tokens[from].key)) {
      kin_apposition(s, person, from);
      return;
    }
    if (from >= si.last || !is_role_word(a_.tokens[from].key)) return;
    for (uint32_t j = from; j < std::min(si.last, from + 12); ++j) {
      const std::string& key = a_.tokens[j].key;
      if (mention_at_[j] >= 0) {
        const NameMention& m = a_.mentions[mention_at_[j]];
        const EntityType type = entity(m.entity).type;
        if (!role || m.role) return;
        const bool place = m.metonym || lexicon::is_locative_preposition(a_.tokens[m.first - 1].key);
        if ((type != EntityType::kOrganization && type != EntityType::kCountry) || (place && type == EntityType::kCountry)) {
          j = m.last - 1;
          continue;
        }
        uint32_t body_first = m.first;  // "ketua Partai X", "pemimpin kelompok X"
        while (body_first > from && !a_.tokens[body_first - 1].upper_initial && !is_role_word(a_.tokens[body_first - 1].key) &&
               !lexicon::is_leader_title(a_.tokens[body_first - 1].key) && body_first - m.first < 2)
          --body_first;
        // "X, Kepala Y, Z, Ketua W V": a list of titled people, no apposition of X's.
        if (m.last < si.last && mention_at_[m.last] >= 0 &&
            entity(a_.mentions[mention_at_[m.last]].entity).type == EntityType::kPerson)
          return;
        const std::string_view head = a_.tokens[body_first - 1].key;
        if ((leader || head == "ceo" || head == "dirut" || head == "presdir") && !deputy &&
            (leader_title_before(body_first, from) || head == "pemilik" || head == "pendiri" || head == "ceo" ||
             head == "dirut" || head == "presdir"))
          add(person, Predicate::kLeads, m.entity, s, UINT32_MAX, "", "apposition.leads", 0.8);
        else
          add(person, Predicate::kMemberOf, m.entity, s, UINT32_MAX, "", "apposition.member", 0.8);
        return;
      }
      if (is_not_current(key) || key == "," || lexicon::looks_like_verb(key) || lexicon::is_reporting_verb(key) ||
          key == "yang")
        return;
      if (key == "wakil") deputy = true;
      if (!role && (lexicon::is_leader_title(key) || key == "pemilik" || key == "pendiri")) leader = true;
      if (is_role_word(key)) role = true;
    }
  }

  // A word that names a role in a body ("juru bicara", "pejabat", "pemilik"); not the
  // words that introduce a nickname or an initial ("sapaan", "inisial").
  static bool is_role_word(std::string_view key) {
    if (key == "sapaan" || key == "panggilan" || key == "inisial" || key == "bernama" || key == "warga" ||
        key == "korban" || key == "saksi" || key == "tersangka" || key == "terdakwa" || key == "pelaku")
      return false;
    return lexicon::is_person_title(key) || lexicon::is_role_noun(key) || key == "pemilik" || key == "pendiri";
  }

  // "Kim Jong-nam, kakak tiri pemimpin Korea Utara Kim Jong-un": the kin word at `from`,
  // then titles and their bodies, then the relative.
  void kin_apposition(uint32_t s, int32_t person, uint32_t from) {
    const SentenceInfo& si = a_.sentences[s];
    const std::string kin = a_.tokens[from].key;
    for (uint32_t j = from + 1; j < std::min(si.last, from + 10); ++j) {
      const std::string& key = a_.tokens[j].key;
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
      const bool modifier_word = key == "tiri" || key == "kandung" || key == "sulung" || key == "bungsu" ||
                                 key == "kedua" || key == "tertua" || key == "termuda" || key == "angkat";
      if (!modifier_word && !lexicon::is_person_title(key) && !lexicon::is_leader_title(key) &&
          !is_title_continuation(key))
        return;
    }
  }

  // Whether the person of the title with body m is a role mention ("Presiden Rusia"
  // standing for the leader the article names), not a name that follows the title.
  bool role_for(size_t begin, size_t end, const NameMention& m) const {
    for (size_t j = begin; j < end; ++j) {
      if (a_.mentions[j].role && a_.mentions[j].last == m.last) return true;
    }
    return false;
  }

  // Whether a leader's title stands right before the body at `first` ("Presiden Rusia",
  // "Perdana Menteri Israel", "Pemimpin Tertinggi Iran", "Sekretaris Jenderal PBB"),
  // rather than a unit's name ("Kepala Keamanan Dalam Negeri AS").
  bool leader_title_before(uint32_t first, uint32_t sentence_first) const {
    uint32_t t = first;
    while (t > sentence_first && is_leader_qualifier(a_.tokens[t - 1].key)) --t;
    if (t == sentence_first) return false;
    const std::string& key = a_.tokens[t - 1].key;
    if (lexicon::is_leader_title(key)) return true;
    const std::string_view before = t - 1 > sentence_first ? std::string_view(a_.tokens[t - 2].key) : std::string_view();
    return (key == "menteri" && before == "perdana") || (key == "jenderal" && (before == "sekretaris" || before == "direktur"));
  }
  static bool is_leader_qualifier(std::string_view key) {
    return key == "tertinggi" || key == "agung" || key == "spiritual" || key == "terpilih" || key == "sementara" ||
           key == "interim" || key == "de" || key == "facto" || key == "umum" || key == "besar" || key == "muda" ||
           key == "baru" || key == "eksekutif";
  }

  // Words that put a title in the past or the future: "mantan", "calon".
  static bool is_not_current(std::string_view key) {
    return key == "mantan" || key == "eks" || key == "bekas" || key == "calon" || key == "kandidat" ||
           key == "capres" || key == "cawapres" || key == "former" || key == "ex";
  }

  // Whether the title before the name or body at token `first` is a former or would-be
  // one: one of those words among the title words before it.
  bool holds_no_current_role(uint32_t s, uint32_t first) const {
    for (uint32_t t = first, steps = 0; t > a_.sentences[s].first && steps < 8; --t, ++steps) {
      const std::string& key = a_.tokens[t - 1].key;
      if (is_not_current(key)) return true;
      const bool title_word = lexicon::is_leader_title(key) || lexicon::is_person_title(key) ||
                              is_title_continuation(key) || mention_at_[t - 1] >= 0 ||
                              (key == "," && t == first);  // "mantan perdana menteri Kosovo, X"
      if (!title_word) return false;
    }
    return false;
  }

  int32_t body_before_person(uint32_t s, uint32_t person_first) const {
    const SentenceInfo& si = a_.sentences[s];
    // Walk left over the body and the title: bodies are names, titles are role words.
    int32_t body = -1;
    uint32_t i = person_first;
    int budget = 14;
    while (i > si.first && budget-- > 0) {
      --i;
      const Token& t = a_.tokens[i];
      bool in_name = mention_at_[i] >= 0;
      if (in_name) {
        const NameMention& m = a_.mentions[mention_at_[i]];
        EntityType type = entity(m.entity).type;
        if ((type == EntityType::kOrganization || type == EntityType::kCountry) && !m.role) body = m.entity;
        i = m.first;
      }
      if (in_name) continue;
      if (t.word() == "," || t.word() == "untuk") continue;
      if (lexicon::is_leader_title(t.key) && !lexicon::is_role_noun(t.key)) return -1;
      if (lexicon::is_role_noun(t.key) || lexicon::is_person_title(t.key)) return body;
      if (body >= 0 && t.upper_initial) continue;  // a unit of the body: "Kepala Manajemen PBB X"
      if (!is_title_continuation(t.key)) return -1;
    }
    return -1;
  }

  void co_occurrences(uint32_t s) {
    std::vector<int32_t>& present = present_;
    present.clear();
    auto [begin, end] = mentions_of(s);
    for (size_t k = begin; k < end; ++k) {
      const NameMention& m = a_.mentions[k];
      if (std::find(present.begin(), present.end(), m.entity) == present.end()) present.push_back(m.entity);
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

  void add_cooccurrence(int32_t a, int32_t b, uint32_t s) {
    if (entity(a).id > entity(b).id) std::swap(a, b);
    Relation& r = relation(a, Predicate::kCoOccurs, b, 0.3);
    if (!r.evidence.empty() && r.evidence.back().sentence == s) return;
    Evidence& ev = r.evidence.emplace_back();
    ev.sentence = s;
    ev.span = a_.sentences[s].span;
    ev.rule = "sentence.cooccurs";  // text left out: the span locates it, and copies add up
  }

  const Analysis& a_;
  const CueLexicon& cues_;
  uint32_t current_sentence_ = 0;
  uint32_t previous_cue_ = UINT32_MAX;  // token of the last cue applied
  std::vector<int32_t> mention_at_;         // token -> first mention covering it, or -1
  std::vector<size_t> sentence_mentions_;   // sentence -> its first mention index
  std::vector<Relation> relations_;  // in order of discovery
  std::vector<Key> keys_;            // aligned with relations_
  FlatIndex relation_index_;         // packed key -> index into relations_
  FlatIndex typed_pairs_;            // entity pairs with a typed relation (values unused)
  // Buffers reused from sentence to sentence.
  std::vector<const NameMention*> slot_mentions_;
  std::vector<Slot> found_slots_, merged_slots_;
  std::vector<int32_t> present_;
};

}  // namespace

std::vector<Relation> extract_relations(const Analysis& analysis, const CueLexicon& cues) {
  return Extractor(analysis, cues).run();
}

}  // namespace newsgraph::ingest
