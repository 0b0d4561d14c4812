// Cross-article entity resolution: which store entity an article's entity is.
// Rules, in order (each logged under its name in merge_log):
//   gazetteer-id  a gazetteer entity merges with the stored entity of the same id;
//   same-name     the label equals a stored label or alias of an entity of the same type,
//                 or, for a name of two words or more, of another type when one of the
//                 two types was only guessed (no word in any of its articles gave it)
//                 (for a one-word person name no gazetteer knows, only with a tie alike,
//                 as for short-form, or when the user merged that name into it; likewise
//                 for an acronym of two or three capitals, tied by any relation to the
//                 same party that is no country or topic);
//   short-form    a one-word person name equals the first or last word of exactly one
//                 stored multi-word person name ("Kirby" -> "John Kirby") AND the article
//                 ties it to what that person is tied to (the same body it belongs to or
//                 leads, the same relative): a bare "Harry" is no Harry Kane;
//   glued-form    a name with words glued in front of a person's name ("Fraksi Adies
//                 Kadir", "Universitas Trisakti Dheatantra Dimas": the extractor offers
//                 the names that may follow glued words) is exactly one stored person of
//                 that name that some article typed a person (not by default); and the
//                 other way round, such a person's full name joins the one stored entity
//                 whose label is that name with words glued in front. Either way the
//                 article's entity goes by the person's name, not the glued one;
//   long-form     a multi-word person name whose first or last word is exactly one stored
//                 one-word person, when no other full name has that word, with the same
//                 support from the article;
//   new           otherwise a new entity.
// Two multi-word names never merge on a shared word alone (Kim Jong Un / Kim Jong Il),
// a short form never reaches a full name through another short form (only stored full
// names are matched), and `never` overrides veto any rule.
#include <algorithm>
#include <optional>
#include <set>

#include "core/relation_order.h"
#include "core/text.h"
#include "store/relation_codes.h"
#include "store/relation_tally.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

struct Decision {
  Decision() = default;
  Decision(int64_t key, std::string rule_name, std::string why, std::string name = {}, bool from_glued = false)
      : entity_key(key), rule(std::move(rule_name)), detail(std::move(why)), label(std::move(name)),
        unglue(from_glued) {}
  int64_t entity_key = 0;
  std::string rule, detail;
  std::string label;     // glued-form: the person's name the article's entity goes by
  bool unglue = false;   // glued-form the other way: the stored glued names become `label`
  bool revote_type = false;  // joined across types: the articles' votes type the entity
};

// The stored entity of a gazetteer id; 0 when none is stored.
int64_t gazetteer_entity(Db& db, const std::string& id) {
  WriterMemo* memo = db.memo();
  if (memo) {
    if (const int64_t known = memo->gazetteer_entity(id)) return known;
    if (!memo->may_have_id(id)) return 0;
  }
  Statement q = db.prepare("SELECT entity_key FROM entities WHERE id = ? AND from_gazetteer = 1");
  q.bind(1, id);
  if (!q.step()) return 0;
  const int64_t key = q.column_int(0);
  if (memo) memo->note_gazetteer_entity(id, key);
  return key;
}

std::vector<int64_t> keys_of(Statement& q) {
  std::vector<int64_t> out;
  while (q.step()) out.push_back(q.column_int(0));
  return out;
}

std::string label_of(Db& db, int64_t entity_key) {
  Statement q = db.prepare("SELECT label FROM entities WHERE entity_key = ?");
  q.bind(1, entity_key);
  return q.step() ? q.column_text(0) : std::string();
}

// Candidates the user has not forbidden; `unique` demands exactly one.
int64_t pick(Db& db, const std::vector<int64_t>& candidates, const std::string& key, bool unique) {
  if (candidates.empty()) return 0;
  const bool any_forbidden = override_names(db, "never", key);  // else no candidate needs asking
  std::vector<int64_t> allowed;
  for (int64_t c : candidates)
    if (!any_forbidden || !merge_forbidden(db, key, c)) allowed.push_back(c);
  if (allowed.empty() || (unique && allowed.size() != 1)) return 0;
  return allowed.front();
}

// The stored entity the article's other party of a tie is: a gazetteer entity by its id,
// another by its name. 0 when none is stored.
int64_t tie_party(Db& db, const Tie& t) {
  if (t.other_from_gazetteer) return gazetteer_entity(db, t.other_id);
  const std::string key = text::fold_key(t.other_label);
  if (!may_be_named(db, key)) return 0;
  Statement q = db.prepare("SELECT entity_key FROM aliases WHERE alias_key = ? ORDER BY entity_key LIMIT 1");
  q.bind(1, key);
  return q.step() ? q.column_int(0) : 0;
}

// The article's ties whose other party is stored, with that party's key: looked up once
// a decision, however many namesakes it weighs.
struct TieParty {
  Predicate predicate;
  int64_t entity_key;
};

std::vector<TieParty> stored_tie_parties(Db& db, const std::vector<Tie>& ties) {
  std::vector<TieParty> out;
  for (const Tie& t : ties)
    if (const int64_t other = tie_party(db, t)) out.push_back({t.predicate, other});
  return out;
}

// Whether stored entity `candidate` has one of the article's ties: the same predicate
// with the same other party, either way round. The support a short form needs.
bool shares_a_tie(Db& db, int64_t candidate, const std::vector<TieParty>& parties) {
  const WriterMemo* memo = db.memo();
  const RelationTally* tally = db.tally();  // relations written to it are not in the table yet
  for (const TieParty& p : parties) {
    if (p.entity_key == candidate) continue;
    if (tally && tally->holds(predicate_code(p.predicate), candidate, p.entity_key)) return true;
    if (memo && !memo->may_relate(predicate_code(p.predicate), candidate, p.entity_key)) continue;
    if (tally && tally->none_stored()) continue;
    Statement q = db.prepare(
        "SELECT 1 FROM relations WHERE predicate = ?1 AND ((subject_key = ?2 AND object_key = ?3) "
        "OR (subject_key = ?3 AND object_key = ?2)) LIMIT 1");
    q.bind(1, predicate_code(p.predicate)).bind(2, candidate).bind(3, p.entity_key);
    if (q.step()) return true;
  }
  return false;
}

// The entities of a pile that are of `type`, gazetteer ones first, then by key.
std::vector<int64_t> of_type(const std::vector<WriterMemo::Namesake>& pile, const std::string& type) {
  std::vector<const WriterMemo::Namesake*> typed;
  for (const WriterMemo::Namesake& n : pile)
    if (n.type == type) typed.push_back(&n);
  std::sort(typed.begin(), typed.end(), [](const auto* a, const auto* b) {
    return std::make_pair(!a->from_gazetteer, a->entity_key) < std::make_pair(!b->from_gazetteer, b->entity_key);
  });
  std::vector<int64_t> out;
  for (const auto* n : typed) out.push_back(n->entity_key);
  return out;
}

// The stored entities of `type` (or of a type the user set) that go by `key`, gazetteer
// ones first, then by key. A writer's memo keeps the key's whole pile (every type) when
// it may, so the next article naming it reads no SQL. O(namesakes).
std::vector<int64_t> namesakes_of_type(Db& db, const std::string& key, const std::string& type) {
  WriterMemo* memo = db.memo();
  if (const std::vector<WriterMemo::Namesake>* pile = memo ? memo->namesakes(key) : nullptr)
    return of_type(*pile, type);
  if (memo && memo->may_keep_namesakes()) {  // no type is the user's: the pile's types are the entities'
    std::vector<WriterMemo::Namesake> pile;
    Statement all = db.prepare(
        "SELECT a.entity_key, n.from_gazetteer, n.type FROM aliases a JOIN entities n "
        "ON n.entity_key = a.entity_key WHERE a.alias_key = ?");
    all.bind_kept(1, key);  // the caller's, alive through the steps below
    while (all.step()) pile.push_back({all.column_int(0), all.column_int(1) != 0, all.column_text(2)});
    std::vector<int64_t> out = of_type(pile, type);
    memo->keep_namesakes(key, std::move(pile));
    return out;
  }
  Statement q = db.prepare(
      "SELECT DISTINCT a.entity_key FROM aliases a JOIN entities n ON n.entity_key = a.entity_key "
      "WHERE a.alias_key = ? AND (n.type = ? OR EXISTS (SELECT 1 FROM overrides o WHERE o.kind = 'type' "
      "AND o.name_a = n.id)) ORDER BY n.from_gazetteer DESC, a.entity_key");  // a retyped one takes any
  q.bind_kept(1, key).bind_kept(2, type);  // the caller's, alive through the steps below
  return keys_of(q);
}

}  // namespace

bool is_short_acronym(const Entity& e) {
  if (e.from_gazetteer || e.label.size() < 2 || e.label.size() > 3) return false;
  for (char c : e.label)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

namespace {

Decision decide(Db& db, const Entity& e, const std::vector<Tie>& ties, const std::string& type) {
  Decision d;
  std::optional<std::vector<TieParty>> parties;  // looked up when first needed
  auto tied_alike = [&](int64_t candidate) {
    if (!parties) parties = stored_tie_parties(db, ties);
    return shares_a_tie(db, candidate, *parties);
  };
  std::string key = text::fold_key(e.label);
  if (e.from_gazetteer) {
    if (const int64_t k = gazetteer_entity(db, e.id)) return {k, kGazetteerIdRule, e.id};
  }
  const bool named_before = may_be_named(db, key);  // else no namesake of any type is stored
  std::vector<std::string> tokens = name_tokens(e.label);
  // A one-word person name no gazetteer knows ("Harry", "Kim") is many people, and a
  // short acronym many things ("MV": a music video, a ship): it joins a stored namesake
  // only when its article ties it alike.
  const bool bare_name = (type == "PERSON" && !e.from_gazetteer && tokens.size() == 1) || is_short_acronym(e);
  // A bare name takes a namesake only by a tie or by the user's word: without a stored
  // tie party or a merge naming it, its namesakes (dozens for a common name, more with
  // every article) are not read.
  const bool weigh_namesakes = !bare_name || [&] {
    if (!parties) parties = stored_tie_parties(db, ties);
    return !parties->empty() || override_names(db, "merge", key);
  }();
  if (weigh_namesakes && named_before) {
    std::vector<int64_t> candidates = namesakes_of_type(db, key, type);
    if (bare_name) {
      std::vector<int64_t> tied;
      for (int64_t c : candidates)
        if (tied_alike(c) || merge_confirmed(db, key, c)) tied.push_back(c);
      if (int64_t k = pick(db, tied, key, false)) return {k, "same-name", e.label + ", tied alike"};
    } else if (int64_t k = pick(db, candidates, key, false)) {
      return {k, "same-name", e.label};
    }
  }
  // A type no word gave is a guess, and a guess yields to a type some article gave: a
  // "Kelapa Gading" guessed a person here is the district typed elsewhere; and a typed
  // name joins a stored one whose type was only ever guessed, and types it.
  if (!e.from_gazetteer && tokens.size() >= 2 && !is_short_acronym(e) && named_before) {
    // A stored entity of another type: typed by some article (or the gazetteer) when this
    // one's type is a guess, else one whose every article only guessed (and no user typed).
    const char* typed_elsewhere =
        "SELECT DISTINCT a.entity_key FROM aliases a JOIN entities n ON n.entity_key = a.entity_key "
        "WHERE a.alias_key = ? AND n.type <> ? AND (n.from_gazetteer = 1 OR EXISTS (SELECT 1 FROM "
        "doc_entities de WHERE de.entity_key = n.entity_key AND de.type = n.type AND de.type_guessed = 0)) "
        "ORDER BY n.from_gazetteer DESC, a.entity_key";
    const char* only_guessed =
        "SELECT DISTINCT a.entity_key FROM aliases a JOIN entities n ON n.entity_key = a.entity_key "
        "WHERE a.alias_key = ? AND n.type <> ? AND n.from_gazetteer = 0 AND NOT EXISTS (SELECT 1 FROM "
        "doc_entities de WHERE de.entity_key = n.entity_key AND de.type_guessed = 0) AND NOT EXISTS "
        "(SELECT 1 FROM overrides o WHERE o.kind = 'type' AND o.name_a = n.id) ORDER BY a.entity_key";
    Statement q = db.prepare(e.type_guessed ? typed_elsewhere : only_guessed);
    q.bind(1, key).bind(2, type);
    if (int64_t k = pick(db, keys_of(q), key, true)) {
      Decision across{k, "same-name",
                      e.label + (e.type_guessed ? ", typed elsewhere" : ", its type only guessed before")};
      across.revote_type = true;
      return across;
    }
  }
  // Places and events are often named after a person ("Stadion Si Jalak Harupat", "Piala
  // Martina Navratilova"); only a person or a body is taken for one with words glued on.
  const bool may_be_glued = type == "PERSON" || type == "ORGANIZATION";
  if (!e.from_gazetteer && may_be_glued) {
    std::string core;
    if (int64_t k = person_past_glued_words(db, e, key, &core))
      return {k, "glued-form", "'" + e.label + "' is '" + core + "' with words glued in front", core};
  }
  if (type != "PERSON") return d;
  if (tokens.size() >= 2 && !e.from_gazetteer && !e.type_guessed) {
    if (int64_t k = entity_glued_onto(db, key))
      return {k, "glued-form", "'" + label_of(db, k) + "' is '" + e.label + "' with words glued in front",
              e.label, true};
  }
  if (tokens.size() == 1 && may_be_short_form(db, key)) {
    // Exactly one full name must have it: two found are as good as hundreds ("Ahmad"),
    // unless the user forbade some of them, who are then left out of the count.
    const bool all_needed = override_names(db, "never", key);
    Statement q = db.prepare(
        all_needed ? "SELECT DISTINCT s.entity_key FROM short_forms s JOIN entities n ON n.entity_key = "
                     "s.entity_key WHERE s.short_key = ? AND n.type = 'PERSON' ORDER BY s.entity_key"
                   : "SELECT DISTINCT s.entity_key FROM short_forms s JOIN entities n ON n.entity_key = "
                     "s.entity_key WHERE s.short_key = ? AND n.type = 'PERSON' ORDER BY s.entity_key LIMIT 2");
    q.bind(1, key);
    if (int64_t k = pick(db, keys_of(q), key, true); k && tied_alike(k))
      return {k, "short-form", "'" + e.label + "' is a short form of '" + label_of(db, k) + "', tied alike"};
  } else if (tokens.size() >= 2) {
    std::vector<int64_t> candidates;
    for (const std::string* word : {&tokens.front(), &tokens.back()}) {
      if (!may_be_named(db, *word)) continue;  // no one-word person has it for a label
      if (may_be_short_form(db, *word)) {
        Statement taken = db.prepare("SELECT 1 FROM short_forms WHERE short_key = ? LIMIT 1");
        taken.bind(1, *word);
        if (taken.step()) continue;  // another full name already owns the word
      }
      Statement q = db.prepare(  // by the partial index entities_one_word_people
          "SELECT entity_key FROM entities WHERE label_key = ? AND type = 'PERSON' "
          "AND from_gazetteer = 0 AND instr(label_key, ' ') = 0");
      q.bind(1, *word);
      for (int64_t k : keys_of(q)) candidates.push_back(k);
    }
    if (int64_t k = pick(db, candidates, key, true); k && tied_alike(k))
      return {k, "long-form", "'" + label_of(db, k) + "' is a short form of '" + e.label + "', tied alike"};
  }
  return d;
}

}  // namespace

std::string unused_id(Db& db, const std::string& wanted) {
  const std::string first = wanted.empty() ? std::string("entity") : wanted;
  if (!may_have_id(db, first)) return first;
  {
    Statement q = db.prepare("SELECT 1 FROM entities WHERE id = ?");
    q.bind(1, first);
    if (!q.step()) return first;
  }
  // The numbers taken after "<wanted>_", read in one scan of the id index (every id from
  // "<wanted>_" up to "<wanted>`", '`' being the byte after '_'), not one look-up a number:
  // a common name ("Ahmad") has dozens of namesakes.
  const std::string prefix = wanted + "_";
  std::set<uint64_t> taken;
  Statement q = db.prepare("SELECT id FROM entities WHERE id >= ? AND id < ?");
  q.bind(1, prefix).bind(2, wanted + "`");
  while (q.step()) {
    const std::string_view rest = q.column_view(0).substr(prefix.size());
    if (rest.empty() || rest.size() > 9 || rest[0] == '0') continue;  // not a number this would write
    if (!std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    taken.insert(std::stoull(std::string(rest)));
  }
  uint64_t n = 2;
  while (taken.count(n)) ++n;
  return prefix + std::to_string(n);
}

std::vector<int64_t> entities_named(Db& db, const std::string& name) {
  Statement by_id = db.prepare("SELECT entity_key FROM entities WHERE id = ?");
  by_id.bind(1, name);
  if (by_id.step()) return {by_id.column_int(0)};
  Statement q = db.prepare(
      "SELECT a.entity_key FROM aliases a JOIN entities n ON n.entity_key = a.entity_key "
      "WHERE a.alias_key = ? ORDER BY n.from_gazetteer DESC, a.entity_key");
  q.bind(1, text::fold_key(name));
  return keys_of(q);
}

int64_t find_entity_named(Db& db, const std::string& name) {
  const std::vector<int64_t> found = entities_named(db, name);
  return found.empty() ? 0 : found.front();
}

namespace {

// Whether an override of `kind` pairs `name_key` with a name of `entity_key`.
bool override_pairs(Db& db, const char* kind, const std::string& name_key, int64_t entity_key) {
  Statement q = db.prepare(R"SQL(
    SELECT 1 FROM overrides o JOIN aliases a ON a.entity_key = ?2
    WHERE o.kind = ?3 AND ((o.name_a = ?1 AND o.name_b = a.alias_key)
                        OR (o.name_b = ?1 AND o.name_a = a.alias_key)) LIMIT 1)SQL");
  q.bind(1, name_key).bind(2, entity_key).bind(3, kind);
  return q.step();
}

}  // namespace

bool override_names(Db& db, const char* kind, const std::string& name_key) {
  Statement q = db.prepare("SELECT 1 FROM overrides WHERE kind = ?1 AND (name_a = ?2 OR name_b = ?2) LIMIT 1");
  q.bind(1, kind).bind(2, name_key);
  return q.step();
}

bool merge_confirmed(Db& db, const std::string& name_key, int64_t entity_key) {
  return override_pairs(db, "merge", name_key, entity_key);
}

bool merge_forbidden(Db& db, const std::string& name_key, int64_t entity_key) {
  return override_pairs(db, "never", name_key, entity_key);
}

std::vector<std::vector<Tie>> ties_of(const Extraction& x) {
  std::vector<std::vector<Tie>> ties(x.entities.size());
  // A short acronym is tied by any relation to a party that is no country or topic (those
  // are named beside everything): "MV" beside a singer is no "MV" beside a port.
  auto tie = [&](uint32_t subject, Predicate p, uint32_t object) {
    const Entity& s = x.entities[subject];
    const Entity& o = x.entities[object];
    auto tied = [p](const Entity& e, const Entity& other) {
      if (p == Predicate::kMemberOf || p == Predicate::kLeads || p == Predicate::kFamily) return true;
      return is_short_acronym(e) && other.type != EntityType::kCountry && other.type != EntityType::kTopic;
    };
    if (tied(s, o)) ties[subject].push_back({p, o.id, o.label, o.from_gazetteer});
    if (tied(o, s)) ties[object].push_back({p, s.id, s.label, s.from_gazetteer});
  };
  for_each_relation(
      x, [&](const Relation& r) { tie(r.subject, r.predicate, r.object); },
      [&](size_t begin, size_t) {
        const CoOccurrence& c = x.cooccurrences[begin];
        tie(c.first, Predicate::kCoOccurs, c.second);
      });
  return ties;
}

namespace {

// The entity's type by its articles' votes and the joining article's (a type a word gave
// counts three times a guess), unless the user set it or a gazetteer did.
void revote_type(Db& db, int64_t entity_key, const std::string& joining_type, bool joining_guessed) {
  std::map<std::string, int> votes{{joining_type, joining_guessed ? 1 : kTypedVote}};
  Statement q = db.prepare(
      "SELECT type, SUM(CASE WHEN type_guessed = 1 THEN 1 ELSE ?2 END) FROM doc_entities "
      "WHERE entity_key = ?1 GROUP BY type");
  q.bind(1, entity_key).bind(2, int64_t{kTypedVote});
  while (q.step()) votes[q.column_text(0)] += static_cast<int>(q.column_int(1));
  Statement now = db.prepare("SELECT type, label, id, from_gazetteer FROM entities WHERE entity_key = ?");
  now.bind(1, entity_key);
  if (!now.step() || now.column_int(3) != 0) return;
  const std::string current = now.column_text(0), label = now.column_text(1), id = now.column_text(2);
  std::string type = current;
  for (const auto& [t, n] : votes)
    if (n > votes[type]) type = t;
  if (type == current) return;
  Statement overridden = db.prepare("SELECT 1 FROM overrides WHERE kind = 'type' AND name_a = ?");
  overridden.bind(1, id);
  if (overridden.step()) return;
  db.prepare("UPDATE entities SET type = ? WHERE entity_key = ?").bind(1, type).bind(2, entity_key).run();
  if (WriterMemo* memo = db.memo()) memo->retype_namesake(entity_key, type);
  db.prepare("DELETE FROM short_forms WHERE entity_key = ?").bind(1, entity_key).run();
  add_short_forms(db, entity_key, label, type);
}

}  // namespace

MergeOutcome merge_entity(Db& db, const Entity& e, const std::vector<Tie>& ties) {
  const std::string type = entity_type_name(e.type);
  Decision d = decide(db, e, ties, type);
  MergeOutcome out;
  out.label = d.label.empty() ? e.label : d.label;
  out.unglued = d.rule == "glued-form";
  if (d.unglue) unglue(db, d.entity_key, d.label);
  out.relabelled = d.unglue;
  if (d.revote_type) revote_type(db, d.entity_key, type, e.type_guessed);
  if (d.entity_key == 0) {
    std::string id = unused_id(db, e.from_gazetteer ? e.id : text::slugify(e.label));
    db.prepare("INSERT INTO entities(id, label, type, from_gazetteer, label_key) VALUES (?, ?, ?, ?, ?)")
        .bind_kept(1, id)
        .bind_kept(2, e.label)
        .bind_kept(3, type)
        .bind(4, int64_t{e.from_gazetteer})
        .bind_kept(5, text::fold_key(e.label))  // a temporary of this expression: alive through run()
        .run();
    d = {db.last_insert_id(), kNewEntityRule, id};
    if (WriterMemo* memo = db.memo()) {  // its label's key is noted by add_alias below
      memo->note_id(id);
      if (e.from_gazetteer && id == e.id) memo->note_gazetteer_entity(e.id, d.entity_key);
    }
    add_short_forms(db, d.entity_key, e.label, type);
    out.created = true;
  } else if (!e.from_gazetteer && !out.unglued) {
    // A longer name for a non-gazetteer entity becomes its label ("Kirby" -> "John Kirby").
    Statement q = db.prepare("SELECT label, from_gazetteer FROM entities WHERE entity_key = ?");
    q.bind(1, d.entity_key);
    q.step();
    if (q.column_int(1) == 0 && name_tokens(e.label).size() > name_tokens(q.column_text(0)).size()) {
      db.prepare("UPDATE entities SET label = ?, label_key = ? WHERE entity_key = ?")
          .bind(1, e.label)
          .bind(2, text::fold_key(e.label))
          .bind(3, d.entity_key)
          .run();
      out.relabelled = true;
      add_short_forms(db, d.entity_key, e.label, type);
    }
  }
  out.entity_key = d.entity_key;
  add_alias(db, d.entity_key, out.label);
  for (const std::string& a : e.aliases) add_alias(db, d.entity_key, a);
  out.rule = d.rule;
  out.detail = d.detail;
  return out;
}

void log_merge(Db& db, int64_t doc_key, int64_t doc_entity_key, const std::string& name, const MergeOutcome& m) {
  if (m.rule == kNewEntityRule || m.rule == kGazetteerIdRule) return;  // two thirds of the decisions
  // `at` and a detail that is the name are left '': they repeat what the rows say.
  db.prepare(
        "INSERT INTO merge_log(at, doc_key, name, entity_key, rule, detail, doc_entity_key) "
        "VALUES ('', ?, ?, ?, ?, ?, ?)")
      .bind(1, doc_key)
      .bind_kept(2, name)
      .bind(3, m.entity_key)
      .bind_kept(4, m.rule)
      .bind_kept(5, m.detail == name ? std::string_view("") : std::string_view(m.detail))
      .bind(6, doc_entity_key)
      .run();
}

}  // namespace newsgraph::store
