#include "ingest/resolver.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/text.h"
#include "ingest/entity_names.h"
#include "ingest/glued_names.h"
#include "ingest/lexicon.h"
#include "ingest/name_index.h"
#include "ingest/recognizer.h"

namespace newsgraph::ingest {
namespace {

class Resolver {
 public:
  Resolver(Analysis& a, const Gazetteer& g)
      : a_(a),
        g_(g),
        by_id_(scratch().by_id),
        by_key_(scratch().by_key),
        names_(scratch().names),
        mention_count_(scratch().mention_count),
        words_(scratch().words),
        key_(scratch().key),
        folded_(scratch().folded),
        votes_(scratch().votes),
        voted_(scratch().voted) {
    by_id_.clear();
    by_key_.clear();
    names_.clear();
    mention_count_.clear();
  }

  void run() {
    mention_count_.reserve(a_.mentions.size());
    // Room for the entities of most articles (a dozen on average) at once, not by doubling:
    // moving an Entity moves five strings and vectors.
    a_.entities.reserve(std::min<size_t>(a_.mentions.size(), 16));
    for (auto& m : a_.mentions) {
      if (m.gazetteer < 0) continue;
      m.entity = gazetteer_entity(static_cast<uint32_t>(m.gazetteer));
      ++mention_count_[m.entity];
      if (!knows_name(m.entity, m.first, m.last)) names_.add(m.entity, words_of(m.first, m.last));
    }
    const GluedNames glued(a_);
    for (size_t i = 0; i < a_.mentions.size(); ++i) {
      if (a_.mentions[i].gazetteer < 0) {
        const uint32_t first = a_.mentions[i].first;
        glued.drop_from(a_.mentions[i]);
        resolve_unknown(i, glued);
        if (first == a_.mentions[i].first) continue;
        if (auto body = glued.body_before(a_.mentions[i], first)) {  // stays in text order
          a_.mentions.insert(a_.mentions.begin() + static_cast<std::ptrdiff_t>(i), *body);
          resolve_unknown(i, glued);
          ++i;
        }
      }
    }
    vote_types();
    mark_restatements();
    resolve_roles();
  }

 private:
  // "Negara Islam Irak dan Syam (ISIS)": a short form in brackets right after the name
  // of the same entity restates it; it is no second actor there.
  void mark_restatements() {
    auto& ms = a_.mentions;
    for (size_t k = 1; k < ms.size(); ++k) {
      NameMention& m = ms[k];
      const NameMention& before = ms[k - 1];
      if (m.entity >= 0 && m.entity == before.entity && m.first >= 1 &&
          before.last + 1 == m.first && a_.tokens[m.first - 1].word() == "(")
        m.modifier = true;
    }
  }

  int32_t gazetteer_entity(uint32_t entry) {
    const GazetteerEntry& e = g_.entry(entry);
    if (const int32_t known = by_id_.find(e.id); known >= 0) return known;
    Entity ent;
    ent.id = e.id;
    ent.label = e.label;
    ent.type = e.type;
    ent.from_gazetteer = true;
    return add(std::move(ent), label_words(e.label));
  }

  // The words of tokens [first, last): views, in a buffer the next call reuses.
  Words words_of(uint32_t first, uint32_t last) {
    words_.clear();
    for (uint32_t i = first; i < last; ++i) {
      if (a_.tokens[i].is_word()) words_.push_back(a_.tokens[i].key);
    }
    return {words_.data(), words_.size()};
  }

  // The words of a gazetteer label, folded and kept in the article's key store; in the
  // buffer words_of uses.
  Words label_words(std::string_view label) {
    text::fold_key_into(label, folded_);
    text::split_words_into(a_.keys.keep(folded_), words_);
    return {words_.data(), words_.size()};
  }

  // Whether entity e already goes by the words of tokens [first, last). Most mentions
  // repeat a name, so this is asked before any word list is built.
  bool knows_name(int32_t e, uint32_t first, uint32_t last) const {
    return names_.any_of(e, [&](Words name) {
      size_t w = 0;
      bool same = true;
      for (uint32_t i = first; i < last && same; ++i) {
        if (!a_.tokens[i].is_word()) continue;
        same = w < name.size && name.data[w] == a_.tokens[i].key;
        ++w;
      }
      return same && w == name.size;
    });
  }

  int32_t add(Entity ent, Words words) {
    int32_t index = static_cast<int32_t>(a_.entities.size());
    by_id_.assign(a_.keys.keep(ent.id), index);
    names_.add(names_.add_entity(), words);
    a_.entities.push_back(std::move(ent));
    mention_count_.push_back(0);
    return index;
  }

  void resolve_unknown(size_t mi, const GluedNames& glued) {
    NameMention& m = a_.mentions[mi];
    const Words words = words_of(m.first, m.last);
    std::string& key = key_;
    key.clear();
    for (std::string_view w : words) {
      if (!key.empty()) key += ' ';
      key += w;
    }
    // "Pusat Studi dan Penelitian Ilmiah Suriah (SSRC)": an acronym in parentheses right
    // after a name no gazetteer knows is that name's short form, here and later.
    if (int32_t full = spelled_out_before(mi); full >= 0 && !by_key_.contains(key)) {
      m.entity = full;
      m.modifier = true;  // a restatement of the name before it, not another actor there
      m.type = a_.entities[full].type;
      m.guessed = false;
      by_key_.assign(a_.keys.keep(key), full);
      names_.add(full, words);
      ++mention_count_[full];
      return;
    }
    // A short form of a person already named: the most mentioned one wins. A lone
    // word guessed to be a place ("surat dari Kim") is a person's short form too.
    if (m.type == EntityType::kPerson || (words.size == 1 && m.type == EntityType::kLocation)) {
      int32_t best = -1;
      for (size_t e = 0; e < a_.entities.size(); ++e) {
        if (a_.entities[e].type != EntityType::kPerson) continue;
        const bool match =
            names_.any_of(static_cast<int32_t>(e), [&words](Words name) { return is_short_form(words, name); });
        if (match && (best < 0 || mention_count_[e] > mention_count_[best])) best = static_cast<int32_t>(e);
      }
      if (best >= 0) {
        m.entity = best;
        ++mention_count_[best];
        return;
      }
    }
    if (const int32_t known = by_key_.find(key); known >= 0) {
      m.entity = known;
      ++mention_count_[known];
      return;
    }
    Entity ent;
    ent.label = label_of(m.first, m.last);
    ent.id = text::slugify(ent.label);
    ent.type = m.type;
    for (uint32_t first : glued.core_starts(m)) ent.glued_cores.push_back(label_of(first, m.last));
    // A label that collides with a gazetteer id in this article keeps its own id.
    if (by_id_.contains(ent.id)) ent.id += "_" + std::string(entity_type_name(m.type));
    int32_t index = add(std::move(ent), words);
    by_key_.assign(a_.keys.keep(key), index);
    m.entity = index;
    ++mention_count_[index];
  }

  // The entity of the unknown name spelled out just before mention mi when mi is an
  // acronym in parentheses after it ("... Ilmiah Suriah (SSRC)"), or -1.
  int32_t spelled_out_before(size_t mi) const {
    const NameMention& m = a_.mentions[mi];
    if (mi == 0 || m.last - m.first != 1 || !a_.tokens[m.first].all_upper) return -1;
    const NameMention& prev = a_.mentions[mi - 1];
    if (prev.gazetteer >= 0 || prev.entity < 0 || prev.last + 1 != m.first || prev.last - prev.first < 2 ||
        a_.tokens[prev.last].word() != "(" || m.last >= a_.tokens.size() || a_.tokens[m.last].word() != ")")
      return -1;
    // Indonesian names often keep an English acronym ("SSRC" for Pusat Studi dan
    // Penelitian Ilmiah Suriah), so the letters are not matched; only the acronym's
    // length is checked against the name's capitalised words.
    size_t capitals = 0;
    for (uint32_t k = prev.first; k < prev.last; ++k) capitals += a_.tokens[k].upper_initial ? 1 : 0;
    const size_t letters = a_.tokens[m.first].key.size();
    return letters >= 2 && letters <= capitals + 2 ? prev.entity : -1;
  }

  // The name as written, with spaced hyphens closed up ("Mar - a - Lago" is Mar-a-Lago).
  std::string label_of(uint32_t first, uint32_t last) const {
    std::string label;
    for (uint32_t k = first; k < last; ++k) {
      const Token& t = a_.tokens[k];
      if (k > first) {
        if (t.hyphen_before) label += '-';
        else if (t.start > a_.tokens[k - 1].end) label += ' ';
      }
      label.append(a_.text.substr(t.start, t.end - t.start));
    }
    return label;
  }

  // An unknown name takes the type most of its mentions with evidence suggest ("kata
  // Kirby" outvotes a bare "Kirby"); one with no such mention keeps its default.
  void vote_types() {
    constexpr size_t kTypes = static_cast<size_t>(EntityType::kTopic) + 1;
    std::vector<int>& votes = votes_;  // entity * kTypes + type -> weight
    votes.assign(a_.entities.size() * kTypes, 0);
    for (const auto& m : a_.mentions) {
      if (m.gazetteer >= 0 || m.entity < 0 || a_.entities[m.entity].from_gazetteer) continue;
      if (!m.guessed) votes[m.entity * kTypes + static_cast<size_t>(m.type)] += m.defined ? 2 : 1;
    }
    // An entity with votes takes its best-voted type, the first in EntityType's order on a tie.
    std::vector<bool>& voted = voted_;
    voted.assign(a_.entities.size(), false);
    for (size_t e = 0; e < a_.entities.size(); ++e) {
      int best = 0;
      for (size_t t = 0; t < kTypes; ++t) {
        if (votes[e * kTypes + t] <= best) continue;
        best = votes[e * kTypes + t];
        a_.entities[e].type = static_cast<EntityType>(t);
        voted[e] = true;
      }
    }
    for (size_t e = 0; e < a_.entities.size(); ++e)
      a_.entities[e].type_guessed = !a_.entities[e].from_gazetteer && !voted[e];
    // A one-word name said once, with nothing anywhere typing it, in an article long
    // enough to have introduced its actors ("Scud", "Dalai", "Qatari"), is no entity:
    // a person the article is about is named in full or with a cue somewhere.
    if (a_.sentences.size() < kSentencesToIntroduce) return;
    for (auto& m : a_.mentions) {
      if (m.gazetteer < 0 && m.entity >= 0 && !a_.entities[m.entity].from_gazetteer && !voted[m.entity] &&
          mention_count_[m.entity] == 1 && names_.first_name_size(m.entity) == 1)
        m.entity = -1;
    }
  }

  static constexpr size_t kSentencesToIntroduce = 3;

  // "Presiden Rusia Vladimir Putin" says who leads Russia; a later bare "Presiden
  // Rusia" then stands for him.
  void resolve_roles() {
    std::unordered_map<int32_t, int32_t> leader;  // country entity -> person entity
    auto& ms = a_.mentions;
    // "Menteri Pertahanan Indonesia Ryamizard": the body inside any person's title is
    // the person's, no actor there (leaders' titles are read below, with their roles).
    for (size_t i = 0; i < ms.size(); ++i) {
      if (is_led_body(ms[i]) && after_person_title(ms[i]) && following_person(i) >= 0)
        ms[i].modifier = true;
    }
    for (size_t i = 0; i < ms.size(); ++i) {
      if (!is_led_body(ms[i]) || !after_leader_title(ms[i])) continue;
      int32_t person = following_person(i);
      if (person < 0) continue;
      if (!former_title(ms[i])) leader[ms[i].entity] = person;  // "mantan Presiden AS Obama" leads no more
      ms[i].modifier = true;
    }
    // Each body's post title and the person named right after it, read once for both
    // passes below. "Menteri Luar Negeri Rusia Sergei Lavrov": the holder the article
    // names for a post.
    std::vector<std::optional<Offices::Titled>> office_of(ms.size());
    std::vector<int32_t> person_after(ms.size(), -1);
    std::unordered_map<std::string, int32_t> named_holder;  // "kind@body id" -> person entity
    for (size_t i = 0; i < ms.size(); ++i) {
      if (!is_led_body(ms[i])) continue;
      office_of[i] = g_.office_title_before(a_.tokens, a_.sentences[ms[i].sentence].first, ms[i].first);
      person_after[i] = following_person(i);
      if (office_of[i] && person_after[i] >= 0 && !former_title(ms[i], office_of[i]->first))
        named_holder[post_key(office_of[i]->kind, ms[i].entity)] = person_after[i];
    }
    std::vector<NameMention> roles;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (!is_led_body(ms[i]) || person_after[i] >= 0) continue;
      const std::optional<Offices::Titled>& office = office_of[i];
      const bool leader_title = after_leader_title(ms[i]);
      if (!office && !leader_title) continue;
      if (former_title(ms[i], office ? office->first : UINT32_MAX)) {  // "mantan Presiden AS": no one now
        ms[i].modifier = true;
        continue;
      }
      int32_t person = -1;
      const std::string body = a_.entities[ms[i].entity].id;  // a copy: entities may grow below
      auto it = leader.find(ms[i].entity);
      if (office && g_.lists_office(office->kind, body)) {
        // A listed post is its holder's alone, never the body's leader's.
        person = office_holder(office->kind, ms[i].entity, named_holder);
        if (person < 0) continue;
      } else if (!leader_title) {
        continue;
      } else if (it != leader.end()) {
        person = it->second;
      } else if (auto g = g_.leader_of(a_.entities[ms[i].entity].id)) {
        if (const int32_t named = by_id_.find(g_.entry(*g).id); named >= 0) {
          person = named;
        } else if (g_.leader_on_date(a_.entities[ms[i].entity].id)) {
          person = gazetteer_entity(*g);  // a dated article: the one in office that day
        }  // an undated one: only a leader it names, the gazetteer's today may not be its
      }
      if (person < 0) continue;
      ms[i].modifier = true;
      NameMention role = ms[i];
      role.entity = person;
      role.type = EntityType::kPerson;
      role.gazetteer = -1;
      role.role = true;
      role.modifier = false;
      role.first = office ? std::min(office->first, title_start(role.first)) : title_start(role.first);
      roles.push_back(role);
    }
    ms.insert(ms.end(), roles.begin(), roles.end());
    std::stable_sort(ms.begin(), ms.end(), [](const NameMention& x, const NameMention& y) {
      return x.first < y.first;
    });
  }

  static std::string post_key(std::string_view kind, int32_t body) {
    return std::string(kind) + "@" + std::to_string(body);
  }

  // The holder of post kind@body: the one the article names with that title, else the
  // gazetteer's holder on the article's day when the article names them or is dated.
  // -1 when none.
  int32_t office_holder(std::string_view kind, int32_t body,
                        const std::unordered_map<std::string, int32_t>& named_holder) {
    if (auto it = named_holder.find(post_key(kind, body)); it != named_holder.end()) return it->second;
    auto holder = g_.office_holder(kind, a_.entities[body].id);
    if (!holder) return -1;
    if (const int32_t named = by_id_.find(g_.entry(*holder).id); named >= 0) return named;
    return g_.dated() ? gazetteer_entity(*holder) : -1;
  }

  // Whether the leader's title before body mention m is a past or future one ("mantan
  // Presiden AS", "calon Presiden AS", "Presiden AS terpilih").
  bool former_title(const NameMention& m, uint32_t title_first = UINT32_MAX) const {
    const uint32_t start = std::min(title_first, title_start(m.first));
    return (start > 0 && lexicon::is_not_current(a_.tokens[start - 1])) ||
           (m.last < a_.tokens.size() && lexicon::is_not_current(a_.tokens[m.last]));
  }

  bool is_led_body(const NameMention& m) const {
    return m.entity >= 0 && (m.type == EntityType::kCountry || m.type == EntityType::kOrganization);
  }

  uint32_t title_start(uint32_t first) const {
    uint32_t k = first;
    while (k > 0 && a_.tokens[k - 1].is_word() &&
           (is_title_continuation(a_.tokens[k - 1]) || lexicon::is_leader_title(a_.tokens[k - 1])))
      --k;
    return k;
  }

  // Whether a title of the kind `is_title` tells ends right before m ("Presiden Rusia",
  // "Menteri Pertahanan Indonesia", "juru bicara Kementerian Luar Negeri").
  bool after_title(const NameMention& m, bool (*is_title)(const Token&)) const {
    uint32_t k = m.first;
    while (k > 0 && a_.tokens[k - 1].is_word() && is_title_continuation(a_.tokens[k - 1]) &&
           !is_title(a_.tokens[k - 1]))
      --k;
    return k > 0 && a_.tokens[k - 1].is_word() && is_title(a_.tokens[k - 1]);
  }
  bool after_leader_title(const NameMention& m) const {
    return after_title(m, lexicon::is_leader_title);
  }
  bool after_person_title(const NameMention& m) const {
    return after_title(m, lexicon::is_person_title);
  }

  // The person named right after mention i: "Rusia Vladimir Putin", "Korea Utara,
  // Kim Jong Un", "Rusia yaitu Putin". Returns the entity or -1.
  int32_t following_person(size_t i) const {
    const auto& ms = a_.mentions;
    uint32_t body_end = ms[i].last;
    // "Amerika Serikat (AS) Joe Biden": past the short form that restates the body.
    if (i + 1 < ms.size() && ms[i + 1].modifier && ms[i + 1].entity == ms[i].entity &&
        ms[i + 1].first == body_end + 1 && ms[i + 1].last < a_.tokens.size() &&
        a_.tokens[ms[i + 1].last].word() == ")") {
      ++i;
      body_end = ms[i].last + 1;
    }
    if (i + 1 >= ms.size() || ms[i + 1].sentence != ms[i].sentence) return -1;
    const NameMention& next = ms[i + 1];
    if (next.entity < 0 || a_.entities[next.entity].type != EntityType::kPerson) return -1;
    // A rank or honorific may stand between: "Polres Barelang Ajun Komisaris Besar X",
    // "Malaysia Tun Dr. Mahathir".
    if (rank_end(a_.tokens, body_end, next.first) == next.first) body_end = next.first;
    uint32_t gap = next.first - body_end;
    bool adjacent = gap == 0;
    bool joined =
        gap == 1 && (a_.tokens[body_end].word() == "," || a_.tokens[body_end].word() == "yaitu" ||
                     a_.tokens[body_end].word() == "yakni");
    return adjacent || joined ? next.entity : -1;
  }

  // The maps and lists of one article, per thread so that their memory is reused.
  struct Scratch {
    NameIndex by_id, by_key;  // entity id -> entity; name key of an unknown name -> entity
    EntityNames names;
    std::vector<int> mention_count;
    std::vector<std::string_view> words;
    std::string key, folded;
    std::vector<int> votes;
    std::vector<bool> voted;
  };
  static Scratch& scratch() {
    thread_local Scratch s;
    return s;
  }

  Analysis& a_;
  const Gazetteer& g_;
  NameIndex& by_id_;
  NameIndex& by_key_;
  EntityNames& names_;  // the word lists each entity goes by
  std::vector<int>& mention_count_;
  std::vector<std::string_view>& words_;  // words_of's and label_words' buffer
  std::string& key_;                      // resolve_unknown's name key
  std::string& folded_;                   // label_words' folding buffer
  std::vector<int>& votes_;               // vote_types' tallies
  std::vector<bool>& voted_;
};

}  // namespace

void resolve(Analysis& analysis, const Gazetteer& gazetteer) {
  Resolver(analysis, gazetteer).run();
}

}  // namespace newsgraph::ingest

namespace newsgraph::ingest {

void drop_pasted_headlines(Analysis& a) {
  std::vector<bool> named_in_body(a.entities.size(), false);
  for (const auto& m : a.mentions) {
    if (m.entity >= 0 && !a.sentences[m.sentence].headline) named_in_body[m.entity] = true;
  }
  std::vector<bool> drop_sentence(a.sentences.size(), false);
  for (uint32_t s = 0; s < a.sentences.size(); ++s) {
    if (!a.sentences[s].headline) continue;
    bool shares = false;
    for (const auto& m : a.mentions) {
      if (m.sentence == s && m.entity >= 0 && named_in_body[m.entity] &&
          a.entities[m.entity].type != EntityType::kTopic)
        shares = true;
    }
    drop_sentence[s] = !shares;
  }
  a.mentions.erase(std::remove_if(a.mentions.begin(), a.mentions.end(),
                                  [&](const NameMention& m) { return drop_sentence[m.sentence] || m.entity < 0; }),
                   a.mentions.end());
  for (uint32_t s = 0; s < a.sentences.size(); ++s) {
    if (drop_sentence[s]) a.sentences[s].dropped = true;
  }
  // Renumber entities that still have a mention, keeping first-seen order.
  std::vector<int32_t> remap(a.entities.size(), -1);
  std::vector<Entity> kept;
  kept.reserve(a.entities.size());
  for (auto& m : a.mentions) {
    if (remap[m.entity] < 0) {
      remap[m.entity] = static_cast<int32_t>(kept.size());
      kept.push_back(std::move(a.entities[m.entity]));
    }
    m.entity = remap[m.entity];
  }
  a.entities = std::move(kept);
}

void collect_mentions(Analysis& a) {
  // Role mentions ("Presiden Rusia" for Putin) are mentions of the person; the body
  // inside them is still a mention of the body.
  std::vector<uint32_t> count(a.entities.size(), 0);
  for (const auto& m : a.mentions) ++count[m.entity];
  for (size_t e = 0; e < a.entities.size(); ++e) a.entities[e].mentions.reserve(count[e]);
  for (const auto& m : a.mentions) {
    Entity& e = a.entities[m.entity];
    Mention out;
    out.span = {a.tokens[m.first].start, a.tokens[m.last - 1].end};
    out.sentence = m.sentence;
    out.text = std::string(a.surface(m.first, m.last));
    if (!m.role && out.text != e.label &&
        std::find(e.aliases.begin(), e.aliases.end(), out.text) == e.aliases.end())
      e.aliases.push_back(out.text);
    e.mentions.push_back(std::move(out));
  }
}

}  // namespace newsgraph::ingest
