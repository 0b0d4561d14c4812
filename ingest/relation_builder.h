// The relation extractor's working state for one article and the rules it applies,
// spread by concern over relation_extractor.cpp (the sentence loop, evidence and
// co-occurrence), relation_slots.cpp (the names around a cue: coordination,
// coreference, where a subject or object may stand), cue_arguments.cpp (a cue's subject
// and object by voice and construction) and title_relations.cpp (titles, appositions,
// kinship). Internal to ingest: one builder per article, used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/types.h"
#include "ingest/analysis.h"
#include "ingest/cue_lexicon.h"
#include "ingest/flat_index.h"

namespace newsgraph::ingest {

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
  const char* reference =
      nullptr;  // the coreference rule when the slot is a pronoun or "kedua negara"
};

// Verbs that carry a noun cue: "memberikan dukungan", "melancarkan serangan".
bool is_light_verb(std::string_view key);
// Verbs whose subject receives what a noun cue after them names: "menuai kecaman".
bool is_receiving_verb(std::string_view key);
bool is_preposition(std::string_view key);

// The word classes of the cue lexicon (data/cues.txt) the rules read, as masks for
// CueLexicon::in_class. Built once per lexicon and thread (of() keeps the last one).
struct RuleClasses {
  uint64_t kind_nouns = 0;           // "perusahaan Jepang": a country saying what kind
  uint64_t force_words = 0;          // words that make an attack physical
  uint64_t verbal_attack_roots = 0;  // attack roots a person may do in words
  uint64_t decision_nouns = 0;       // "keputusan X untuk Y": Y is not the verb's object
  uint64_t body_nouns = 0;           // "pemimpin kelompok X": what kind of body X is
  uint64_t place_nouns = 0;          // "kota Ramallah": a place there, whatever else it names
  uint64_t party_nouns = 0;          // "dengan pemerintah Jepang": words for a party
  uint64_t stay_cues = 0;            // "berada", "tinggal": only people stay somewhere
  uint64_t media_nouns = 0;          // "kantor berita X": the press, no party
  uint64_t threat_words = 0;         // "mengancam akan menyerang": the act is only threatened
  uint64_t people_of_nouns = 0;      // "warga Yordania", "militan ISIS": the people, not the name
  uint64_t opponents_nouns = 0;      // "pemberontak Afghanistan": fighting the country, not it
  uint64_t thing_nouns = 0;          // "pesawat X", "Siklon X": a thing, no actor
  uint64_t envoy_nouns = 0;          // "dubes untuk PBB": where an envoy is posted, no actor
  uint64_t object_prepositions[static_cast<size_t>(Predicate::kCoOccurs) + 1] = {};  // "objects_P"

  static const RuleClasses& of(const CueLexicon& cues);
};

class RelationBuilder {
 public:
  RelationBuilder(const Analysis& a, const CueLexicon& cues);
  // Every relation of the article: the typed ones ordered by (subject id, predicate,
  // object id), the co-occurrences by (first id, second id, sentence).
  void run(std::vector<Relation>* typed, std::vector<CoOccurrence>* cooccurrences);

 private:
  // (subject, predicate, object) by entity index; an article's entities have distinct ids.
  using Key = std::tuple<int32_t, int, int32_t>;

  // ---- relation_extractor.cpp: relations, evidence, the sentence loop
  static uint64_t packed(int32_t subject, Predicate p, int32_t object);
  static uint64_t pair_key(int32_t a, int32_t b);
  // The relation (subject, p, object), made with `confidence` and `modality` when it is new.
  Relation& relation(int32_t subject, Predicate p, int32_t object, double confidence,
                     Modality modality = Modality::kAsserted);
  const Entity& entity(int32_t e) const { return a_.entities[e]; }
  // Each entity's place in the order of ids (id_rank_; equal ids rank alike), so that
  // relations are ordered and symmetric pairs turned by comparing numbers, not strings.
  void rank_entities_by_id();
  // Whether entity x's id sorts before entity y's.
  bool id_less(int32_t x, int32_t y) const;
  bool actor(int32_t e) const { return is_actor(entity(e).type); }
  // Whether p with a news outlet as a party is only the press at work: meeting, telling,
  // inviting a newspaper is an interview ("kata X kepada BBC", "ditemui Kompas").
  bool press_at_work(int32_t subj, Predicate p, int32_t obj) const;
  void add(int32_t subj, Predicate p, int32_t obj, uint32_t s, uint32_t cue_token,
           std::string_view cue, std::string_view rule, double confidence);
  // Whether the act at `cue` is only what a threat just before it names.
  bool threatened_act(const SentenceInfo& si, uint32_t cue) const;
  // Every subject of the slot with every object; a slot that stands for names before it
  // ("ia", "kedua negara") adds its coreference rule to the rule id.
  void add_all(const Slot& subj, Predicate p, const Slot& obj, uint32_t s, uint32_t cue_token,
               std::string_view cue, std::string_view rule, double confidence);
  bool inside_mention(uint32_t i) const { return mention_at_[i] >= 0; }
  // The mentions of sentence s, as an index range into a_.mentions.
  std::pair<size_t, size_t> mentions_of(uint32_t s) const;
  void sentence(uint32_t s);
  // Whether sentence s names anyone or has a word that may refer back to someone.
  bool may_hold_two_parties(uint32_t s) const;
  // Whether sentence s names a person (not as a title's body).
  bool names_a_person(uint32_t s) const;
  void pairwise(const Slot& group, Predicate p, uint32_t s, uint32_t cue_token,
                std::string_view cue, std::string_view rule);
  void co_occurrences(uint32_t s);
  void add_cooccurrence(int32_t a, int32_t b, uint32_t s);

  // ---- relation_slots.cpp: the names around a cue
  // Slots of sentence s, coordinations merged; valid until the next call.
  std::vector<Slot>& slots_of(uint32_t s);
  // Words that may open a referring phrase (coreference.h): checked before the search.
  // `demonstrative_near`: "itu"/"tersebut" stands within four words after token i.
  bool may_refer(uint32_t i, bool demonstrative_near) const;
  // "Rusia dan China", "Kim & Putin", "Rusia-DPRK".
  // A person's title may stand between: "Kim Jong Un dan Presiden AS Donald Trump".
  bool coordinated(const Slot& prev, const Slot& next) const;
  bool listed(const Slot& prev, const Slot& next) const;
  // Whether the comma-separated names from slot k on end in "dan"/"serta" before
  // anything else comes between them: a list, not an apposition.
  bool list_ends_with_and(const std::vector<Slot>& slots, size_t k) const;
  // Coordinated names are of one kind: actors with actors (a country and a body can act
  // together, "AS dan PBB menjatuhkan sanksi"), others with their own type.
  bool same_kind(const Slot& prev, const Slot& next) const;
  // The closest slot before token i that can be a subject: never the object of a
  // preposition ("di Barat", "ke Korea Utara", "untuk Rusia") unless it is "dengan X"
  // right before the verb ("dengan Washington menuduh"), nor a place in an apposition
  // ("kota Ramallah, Palestina"), nor an earlier passive's agent for a patient; and with
  // `core_only` (the patient of a passive, which is the clause's subject) never a slot of topics
  // only ("senjata"). A news credit ("diberitakan AFP") and a name inside a relative clause that
  // closed before i ("Serdadu Suriah yang didukung tentara Rusia, melancarkan ...") are never
  // taken.
  int nearest_left(const std::vector<Slot>& slots, uint32_t i, bool core_only = false) const;
  int first_right(const std::vector<Slot>& slots, uint32_t i, bool actors_only) const;
  // The slot right after the word `word` that follows token i ("oleh X", "dari X").
  int after_word(const std::vector<Slot>& slots, uint32_t i, std::string_view word,
                 uint32_t end) const;
  // The recipient of goods sent by the verb at i: the name right after the first "ke",
  // "kepada", "untuk" or "bagi" in its clause when there is one (-1 if that phrase names
  // nobody), else the direct object `obj`.
  int recipient(const std::vector<Slot>& slots, uint32_t i, int obj, uint32_t end) const;
  // Whether a decision noun (class "decision") or an act noun of another predicate than
  // p stands between the cue at i and a preposition before its would-be object at j: the
  // name belongs to that noun's phrase ("mengutuk serangan melawan pasukan Myanmar").
  bool object_inside_other_phrase(uint32_t i, uint32_t j, Predicate p) const;
  // Where the subject (or a passive's patient) of a verb at i inside a relative clause
  // must end: right before its "yang" (or the comma before that); 0 when the verb is in
  // no relative clause of its own (a name stands between "yang" and the verb).
  uint32_t relative_subject_end(const std::vector<Slot>& slots, uint32_t sentence_first,
                                uint32_t i) const;
  // Whether only adverbs stand between tokens i and j ("Washington juga menuduh").
  bool right_before(uint32_t i, uint32_t j) const;
  // Whether another verb (meN-) stands between a verb of predicate p at i and token j,
  // so a name at j is that verb's ("bekerja sama dalam menghadapi Korut"); a threat's
  // target follows the threatened act ("mengancam akan menyerang X"), an invitation's
  // what it invites to.
  bool verb_between(uint32_t i, uint32_t j, Predicate p) const;
  // Whether a verb of predicate p may take its object after `word`: any word that is no
  // preposition, and the prepositions of its class "objects_P" (all, when it has none).
  bool takes_object_after(Predicate p, std::string_view word) const;
  // The preposition nearest before token j after the cue at i ("... atas kemenangan
  // melawan teroris ISIS": "melawan"), else the word right before j.
  std::string_view nearest_preposition(uint32_t i, uint32_t j) const;
  // The verb of the phrase that a verb at i is coordinated with ("... menyerang AS serta
  // berniat menyerang Barat": the first "menyerang"), or UINT32_MAX.
  uint32_t coordinated_verb_before(uint32_t i, uint32_t sentence_first) const;
  // Whether every entity of the slot is a person.
  bool all_people(const Slot& slot) const;
  // Whether the slot names a place: a location, or a capital written as a place.
  bool names_place(const Slot& slot) const;
  // The word before the name at `first` and the title and body before it ("oleh" in
  // "oleh Emir Qatar Tamim").
  std::string_view word_before_title(uint32_t first) const;
  // Whether the noun cue at token i carries the possessive "-nya" ("kunjungannya").
  bool possessive_nya(uint32_t i) const;
  // Whether "yang" stands between a verb at i and token j, past the verb's own object
  // noun ("menjatuhkan sanksi yang lebih keras"): what follows belongs to a relative
  // clause of a noun that is no name ("menuduh gerilyawan yang didukung X").
  bool relative_between(uint32_t i, uint32_t j) const;
  bool clause_break_between(uint32_t i, uint32_t j) const;
  // The subject of a clause after a fronted phrase that holds token i: the last name
  // before the first verb after the phrase's comma ("..., Antonio Guterres, Ja menulis").
  int subject_after_fronted_phrase(const std::vector<Slot>& slots, uint32_t i, uint32_t end) const;

  // ---- phrase_roles.cpp: what the words around names say about the parties
  // Whether mention k stands for no actor where it is named: a country or body that only
  // says what kind a noun is ("perusahaan Jepang") or is the press ("kantor berita TASS"),
  // the people of a country, body or place ("warga Yordania"), a relative of a person
  // ("ayah Abedi"), a thing ("pesawat Gulfstream"), an envoy's post ("duta besarnya untuk
  // PBB"). Decided once per mention (no_actor_) by stands_for_no_actor.
  bool names_a_kind(size_t mention) const;
  bool stands_for_no_actor(const NameMention& m) const;
  // Whether an envoy's title ("duta besar", "utusan khusus") ends at token w.
  bool is_envoy_before(uint32_t w, uint32_t sentence_first) const;
  bool own_verb_between(uint32_t from, uint32_t to) const;    // a verb of its own in [from, to)
  bool names_ties_between(uint32_t from, uint32_t to) const;  // "hubungan (dan kerja sama)"
  uint32_t urging_verb_between(uint32_t from, uint32_t to) const;  // "mendesak", or UINT32_MAX
  bool named_as_speaker(uint32_t first, uint32_t after) const;     // "..., kata X"
  bool reported_clause_between(uint32_t from, uint32_t to) const;  // "X mengatakan, ..."
  // Whether a reporting verb in [from, to) has a party word for the reported clause's
  // subject: "Calvo menambahkan pemerintahnya terus berkomunikasi" (his government acts,
  // not the person who speaks; "pihaknya", the speaker's own side, is the speaker).
  bool reported_party_between(uint32_t from, uint32_t to) const;
  // For a body slot after "dari" ("Hariman Siregar dari Dewan Mahasiswa Universitas
  // Indonesia ingin berdialog"): the slot of the person named right before "dari", who
  // acts, or -1 when no name stands there (the body acts in neither case); nothing when
  // `body` is no body after "dari".
  std::optional<int> person_from_body(const std::vector<Slot>& slots, int body) const;
  // Whether the name at token `first` stands in a subordinate clause ("setelah", "ketika",
  // "karena" ...) that a comma closes before the cue at `cue`: that clause's actor does
  // not do what the main clause says ("Setelah Kepulauan Solomon memutus hubungan, dewan
  // itu menuduh China").
  bool in_subordinate_clause_before(uint32_t first, uint32_t cue) const;
  // Who does the verb at `cue` whose nearest name before is slot `left`: not one who urges,
  // reports or is named in a subordinate clause or attribution; a body's person stands
  // for it. -1 for none.
  int verb_subject(uint32_t s, const std::vector<Slot>& slots, int left, uint32_t cue) const;
  // The subject of the verb at `cue` when the sentence opens with an attribution: the
  // speaker it names (slot `left`) is not the subject of the report after the comma
  // ("Kata Bambang, mayoritas konsesi berada ..."; "Bahkan, kata Ardi, ..."), a name the
  // attribution interrupts is ("Golkar, kata Ace, mendukung ..."). Else `left`.
  int subject_past_attribution(uint32_t s, const std::vector<Slot>& slots, int left, uint32_t cue) const;
  bool is_kind_noun(std::string_view w) const;  // class "kind" of the cue lexicon
  // Whether a pronoun no name stands for here (first or second person, "mereka",
  // "pihaknya") stands between tokens i and j, in j's clause.
  bool personal_pronoun_between(uint32_t i, uint32_t j) const;
  // Whether a reporting verb between tokens i and j takes a common noun as its object
  // ("menyatakan perusahaan tersebut bersalah"): the verb at j is that noun's.
  bool reported_object_between(uint32_t i, uint32_t j) const;

  // ---- cue_arguments.cpp: a cue's subject and object
  void apply_cue(uint32_t s, std::vector<Slot>& slots, uint32_t i, const Cue& cue,
                 std::string_view word);
  // Whether people (subject slot) "menyerang" with no word of force in the sentence; an
  // invasion or a bombing is never in words.
  bool attack_in_words(const Slot& subject, uint32_t s) const;
  void apply_to_slots(uint32_t s, std::vector<Slot>& slots, uint32_t i, const Cue& cue,
                      std::string_view word, int subj, int obj, const char* rule,
                      double confidence);

  // ---- title_relations.cpp: titles, appositions, kinship
  // LEADS from "Presiden Rusia Vladimir Putin" and role phrases.
  void title_relations(uint32_t s);
  void family_and_membership(uint32_t s, const std::vector<Slot>& slots);
  // "pemerintah AS di bawah (pimpinan) Presiden Donald Trump", "Korea Utara pimpinan Kim
  // Jong Un": the person (slot k) leads the body named just before the phrase.
  void led_by(uint32_t s, const std::vector<Slot>& slots, size_t k);
  // The role in an apposition after a person: "X, juru bicara Kementerian Luar Negeri
  // China", "X, seorang pejabat dari Brigade Y", "X, pemimpin kelompok Y" (LEADS).
  // The body is the first name after the role words, before any verb or further comma;
  // a former or would-be holder ("X, mantan presiden Y") gets nothing.
  void apposition_role(uint32_t s, int32_t person, uint32_t from);
  // Whether the post named after "sebagai" at token `as` was held before or is to come.
  bool past_or_future_post(uint32_t s, uint32_t as) const;
  // The token after a parenthesised short form at t ("(AS)"), or t.
  uint32_t after_alias(uint32_t t) const;
  // A word that names a role in a body ("juru bicara", "pejabat", "pemilik"); not the
  // words that introduce a nickname or an initial ("sapaan", "inisial").
  static bool is_role_word(std::string_view key);
  // "Kim Jong-nam, kakak tiri pemimpin Korea Utara Kim Jong-un": the kin word at `from`,
  // then titles and their bodies, then the relative.
  void kin_apposition(uint32_t s, int32_t person, uint32_t from);
  // Whether the person of the title with body m is a role mention ("Presiden Rusia"
  // standing for the leader the article names), not a name that follows the title.
  bool role_for(size_t begin, size_t end, const NameMention& m) const;
  // Whether a leader's title stands right before the body at `first` ("Presiden Rusia",
  // "Perdana Menteri Israel", "Pemimpin Tertinggi Iran", "Sekretaris Jenderal PBB"),
  // rather than a unit's name ("Kepala Keamanan Dalam Negeri AS").
  bool leader_title_before(uint32_t first, uint32_t sentence_first) const;
  static bool is_leader_qualifier(std::string_view key);
  // Whether the phrase from token `from` runs to a comma and a titled person ("..., Duta
  // Besar Z"): a role before that comma is Z's.
  bool titled_person_after_comma(uint32_t from, uint32_t end) const;
  // Whether the title before the name or body at token `first` is a former or would-be
  // one: one of those words among the title words before it.
  bool holds_no_current_role(uint32_t s, uint32_t first) const;
  int32_t body_before_person(uint32_t s, uint32_t person_first) const;

  // The working arrays of one article, kept per thread so that their memory is reused
  // from article to article (see scratch()).
  struct Scratch {
    std::vector<int8_t> no_actor;
    std::vector<uint8_t> press;
    std::vector<int32_t> mention_at;
    std::vector<size_t> sentence_mentions;
    std::vector<Key> keys;
    std::vector<const NameMention*> slot_mentions;
    std::vector<Slot> found_slots, merged_slots;
    std::vector<int32_t> present;
    std::vector<uint32_t> by_id, id_rank;
  };
  static Scratch& scratch();

  const Analysis& a_;
  const CueLexicon& cues_;
  const RuleClasses classes_;  // word classes the rules read (a copy: of() reuses its cache)
  Scratch& scratch_;
  uint32_t current_sentence_ = 0;
  std::vector<int8_t>& no_actor_;          // per mention: names_a_kind, -1 not yet known
  std::vector<uint8_t>& press_;            // per entity: a news outlet (gazetteer's press)
  uint32_t previous_cue_ = UINT32_MAX;     // token of the last cue applied
  Predicate previous_predicate_ = Predicate::kCoOccurs;  // and its predicate
  bool cue_is_noun_ = false;               // the cue being applied is a noun (for its modality)
  std::vector<int32_t>& mention_at_;       // token -> first mention covering it, or -1
  std::vector<size_t>& sentence_mentions_; // sentence -> its first mention index
  std::vector<Relation> relations_;        // typed, in order of discovery
  std::vector<CoOccurrence> cooccurrences_;  // in order of discovery
  std::vector<Key>& keys_;                 // aligned with relations_
  FlatIndex relation_index_;               // packed key -> index into relations_
  FlatIndex typed_pairs_;                  // entity pairs with a typed relation (values unused)
  // Buffers reused from sentence to sentence.
  std::vector<const NameMention*>& slot_mentions_;
  std::vector<Slot>& found_slots_;
  std::vector<Slot>& merged_slots_;
  std::vector<int32_t>& present_;
  std::vector<uint32_t>& id_rank_;  // per entity: its place in the order of ids (see id_less)
};

}  // namespace newsgraph::ingest
