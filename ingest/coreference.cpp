#include "ingest/coreference.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "ingest/lexicon.h"
#include "ingest/recognizer.h"

namespace newsgraph::ingest {
namespace {

constexpr uint32_t kSentencesBack = 2;  // how far back a pronoun looks
constexpr uint32_t kPairWindow = 400;   // tokens back a pair word looks

bool is_demonstrative(std::string_view key) { return key == "itu" || key == "tersebut"; }

// The index of the first mention of sentence s or later, and of the first mention that
// starts at token t or later: mentions are in text order, so O(log mentions) each, which
// keeps every search below to the mentions near the reference.
size_t first_of_sentence(const Analysis& a, uint32_t s) {
  return std::lower_bound(a.mentions.begin(), a.mentions.end(), s,
                          [](const NameMention& m, uint32_t v) { return m.sentence < v; }) -
         a.mentions.begin();
}
size_t first_at_token(const Analysis& a, uint32_t t) {
  return std::lower_bound(a.mentions.begin(), a.mentions.end(), t,
                          [](const NameMention& m, uint32_t v) { return m.first < v; }) -
         a.mentions.begin();
}

// Whether mention m is a place in its sentence: right after "di", "ke", "dari", or after
// a place and a comma ("di Hamburg, Jerman").
bool after_locative(const Analysis& a, const NameMention& m) {
  const uint32_t first = a.sentences[m.sentence].first;
  if (m.first <= first) return false;
  if (lexicon::is_locative_preposition(a.tokens[m.first - 1].key)) return true;
  if (a.tokens[m.first - 1].word() != "," || m.first < first + 2) return false;
  for (size_t k = first_of_sentence(a, m.sentence); k < a.mentions.size(); ++k) {
    const NameMention& place = a.mentions[k];
    if (place.sentence > m.sentence) break;
    if (place.sentence != m.sentence || place.last != m.first - 1 || place.entity < 0) continue;
    const bool is_place = place.metonym || a.entities[place.entity].type == EntityType::kLocation;
    return is_place && place.first > first &&
           lexicon::is_locative_preposition(a.tokens[place.first - 1].key);
  }
  return false;
}

bool usable(const Analysis& a, const NameMention& m) {
  return !m.modifier && m.entity >= 0 && !a.sentences[m.sentence].dropped;
}

bool is_actor_type(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kCountry || t == EntityType::kOrganization;
}

// What a reference may stand for.
struct Wanted {
  EntityType type = EntityType::kPerson;
  bool any_actor = false;     // a person, a country or a body, whatever `type` says
  bool skip_places = false;   // pass over names after "di", "ke", "dari"
  bool this_sentence = true;  // names earlier in the reference's own sentence count
};

bool matches(const Analysis& a, const NameMention& m, const Wanted& want) {
  if (!usable(a, m)) return false;
  const EntityType t = a.entities[m.entity].type;
  if (want.any_actor ? !is_actor_type(t) : t != want.type) return false;
  return !(want.skip_places && after_locative(a, m));
}

// Whether a word looks like a sentence's main verb: meN-, ber-, di- forms and reporting
// verbs ("menulis", "berada", "dijadwalkan", "kata").
bool is_verb_like(std::string_view key) {
  return lexicon::looks_like_verb(key) || lexicon::is_reporting_verb(key) ||
         (key.size() > 5 && (key.substr(0, 3) == "ber" || key.substr(0, 2) == "di"));
}

// The subject of sentence `sentence` among the wanted entities: the last one named before
// its first verb ("Dalam suratnya kepada Guterres, Ja menulis": Ja), else the first.
int32_t subject_of(const Analysis& a, uint32_t sentence, const Wanted& want) {
  const SentenceInfo& si = a.sentences[sentence];
  uint32_t verb = si.first;
  while (verb < si.last && !is_verb_like(a.tokens[verb].key)) ++verb;
  int32_t before_verb = -1, first = -1;
  for (size_t k = first_of_sentence(a, sentence); k < a.mentions.size(); ++k) {
    const NameMention& m = a.mentions[k];
    if (m.sentence < sentence) continue;
    if (m.sentence > sentence) break;
    if (!matches(a, m, want)) continue;
    if (first < 0) first = m.entity;
    if (m.last <= verb) before_verb = m.entity;
  }
  return before_verb >= 0 ? before_verb : first;
}

// The entity of `type` a reference at token i most likely means: the last one named
// before it in its own sentence, else the subject of the nearest earlier sentence that
// names one, at most kSentencesBack before sentence s.
// Without `want.this_sentence`, names in sentence s itself are passed over.
int32_t last_named(const Analysis& a, uint32_t s, uint32_t i, const Wanted& want) {
  const uint32_t from = s >= kSentencesBack ? s - kSentencesBack : 0;
  int32_t in_sentence = -1;
  int32_t earlier_sentence = -1;
  for (size_t k = first_of_sentence(a, from); k < a.mentions.size(); ++k) {
    const NameMention& m = a.mentions[k];
    if (m.first >= i) break;
    if (m.sentence < from || !matches(a, m, want)) continue;
    if (m.sentence == s) {
      if (want.this_sentence) in_sentence = m.entity;
    } else {
      earlier_sentence = static_cast<int32_t>(m.sentence);
    }
  }
  if (in_sentence >= 0) return in_sentence;
  return earlier_sentence >= 0 ? subject_of(a, static_cast<uint32_t>(earlier_sentence), want) : -1;
}

Reference one(uint32_t length, int32_t entity, const char* rule) {
  Reference r;
  if (entity < 0) return r;
  r.length = length;
  r.entities[0] = entity;
  r.count = 1;
  r.rule = rule;
  return r;
}

// What "kedua negara" (or "kedua pemimpin", "keduanya") refers back to: the last
// coordinated pair of countries (people) in this or the two sentences before ("Rusia dan
// China"), and nothing where no pair was named so: on real news a pair guessed from the
// names around (the two named most, or the only two) was wrong every time it was judged.
// `want` kTopic stands for any actor ("kedua pihak", "keduanya").
Reference pair_before(const Analysis& a, uint32_t s, uint32_t i, uint32_t length, EntityType want) {
  std::vector<const NameMention*> before;
  for (size_t k = first_at_token(a, i > kPairWindow ? i - kPairWindow : 0); k < a.mentions.size();
       ++k) {
    const NameMention& m = a.mentions[k];
    if (m.first >= i) break;
    // A title's body counts here: "Presiden Rusia Putin ... Presiden Korea Utara Kim ...
    // kedua negara".
    const bool named = m.entity >= 0 && !a.sentences[m.sentence].dropped;
    if (!named || i - m.first > kPairWindow || after_locative(a, m)) continue;
    const EntityType type = a.entities[m.entity].type;
    if (want == EntityType::kTopic ? is_actor_type(type) : type == want) before.push_back(&m);
  }
  Reference r;
  r.length = length;
  r.rule = "coref.pair";
  const uint32_t from = s >= kSentencesBack ? s - kSentencesBack : 0;
  for (size_t k = before.size(); k >= 2; --k) {
    const NameMention& x = *before[k - 2];
    const NameMention& y = *before[k - 1];
    if (x.sentence < from) break;
    if (x.entity == y.entity || x.sentence != y.sentence) continue;
    const std::string_view between = a.tokens[x.last].word();
    bool coordinated = (y.first == x.last + 1 && (between == "dan" || between == "serta")) ||
                       (y.first == x.last && a.tokens[y.first].hyphen_before);
    if (coordinated) {
      r.entities[0] = x.entity;
      r.entities[1] = y.entity;
      r.count = 2;
      return r;
    }
  }
  return Reference{};
}

}  // namespace

int32_t possessor_of_nya(const Analysis& a, uint32_t s, uint32_t i) {
  Wanted actor;
  actor.any_actor = true;
  actor.skip_places = true;
  return last_named(a, s, i, actor);
}

Reference refer_back(const Analysis& a, uint32_t s, uint32_t i) {
  const SentenceInfo& si = a.sentences[s];
  const std::string_view key = a.tokens[i].key;
  const std::string_view next =
      i + 1 < si.last ? std::string_view(a.tokens[i + 1].key) : std::string_view();
  if (key == "keduanya") return pair_before(a, s, i, 1, EntityType::kTopic);
  if (key == "kedua" && (next == "negara" || next == "negeri"))
    return pair_before(a, s, i, 2, EntityType::kCountry);
  // "kedua pihak": the two parties just named, of whatever kind ("Trump dan Netanyahu").
  if (key == "kedua" && next == "pihak") return pair_before(a, s, i, 2, EntityType::kTopic);
  if (key == "kedua" && (next == "pemimpin" || next == "tokoh" || next == "presiden"))
    return pair_before(a, s, i, 2, EntityType::kPerson);
  const Wanted person;
  if (key == "ia" || key == "dia" || key == "beliau")
    return one(1, last_named(a, s, i, person), "coref.pronoun");
  if ((key == "negara" || key == "negeri") && is_demonstrative(next)) {
    Wanted earlier_country;  // a country named earlier, not in this sentence
    earlier_country.type = EntityType::kCountry;
    earlier_country.skip_places = true;
    earlier_country.this_sentence = false;
    return one(2, last_named(a, s, i, earlier_country), "coref.definite");
  }
  // "Presiden itu", "Perdana Menteri tersebut", "sang diktator".
  const bool sang = key == "sang";
  uint32_t j = sang ? i + 1 : i;
  if (j >= si.last || !lexicon::is_leader_title(a.tokens[j])) return Reference{};
  ++j;
  while (j < si.last && is_title_continuation(a.tokens[j])) ++j;
  if (j < si.last && is_demonstrative(a.tokens[j].key))
    return one(j + 1 - i, last_named(a, s, i, person), "coref.definite");
  if (sang && (j >= si.last || !a.tokens[j].upper_initial))
    return one(j - i, last_named(a, s, i, person), "coref.definite");
  return Reference{};
}

}  // namespace newsgraph::ingest
