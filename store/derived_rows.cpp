// Keeps derived rows consistent with evidence: see store_internal.h.
#include <algorithm>
#include <ctime>
#include <map>

#include "core/text.h"
#include "store/cooccurrences.h"
#include "store/relation_codes.h"
#include "store/schema.h"
#include "store/store_internal.h"

namespace newsgraph::store {

std::vector<std::string> split_aliases(std::string_view joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < joined.size()) {
    size_t bar = joined.find('|', start);
    if (bar == std::string_view::npos) bar = joined.size();
    if (bar > start) out.emplace_back(joined.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out.push_back('|');
    for (char c : a) out.push_back(c == '|' ? '/' : c);
  }
  return out;
}

void add_short_forms(Db& db, int64_t entity_key, const std::string& label, std::string_view type) {
  if (type != "PERSON") return;
  std::vector<std::string> tokens = name_tokens(label);
  if (tokens.size() < 2) return;
  WriterMemo* memo = db.memo();
  for (const std::string* t : {&tokens.front(), &tokens.back()}) {
    Statement s = db.prepare("INSERT OR IGNORE INTO short_forms(short_key, entity_key) VALUES (?, ?)");
    s.bind(1, *t).bind(2, entity_key).run();
    if (memo) memo->note_short_key(*t);
  }
}

void add_alias(Db& db, int64_t entity_key, const std::string& alias) {
  std::string key = text::fold_key(alias);
  if (key.empty()) return;
  WriterMemo* memo = db.memo();
  if (memo && memo->alias_present(entity_key, key)) return;  // two thirds of the calls
  Statement s = db.prepare("INSERT OR IGNORE INTO aliases(entity_key, alias, alias_key) VALUES (?, ?, ?)");
  s.bind(1, entity_key).bind_kept(2, alias).bind_kept(3, key).run();
  if (db.changes() > 0) queue_for_search(db, Searched::kAliases, db.last_insert_id());
  if (memo) {
    memo->note_name_key(key);
    memo->note_alias_present(entity_key, key);
    memo->note_namesake(db, entity_key, key);
  }
}

std::string utc_now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::vector<std::string> name_tokens(const std::string& name) {
  std::vector<std::string> out;
  const std::string key = text::fold_key(name);
  for (std::string_view w : text::split_words(key)) out.emplace_back(w);
  return out;
}

namespace {

struct Name {
  std::string label, type;
  bool gazetteer;
  std::vector<std::string> aliases;
  bool type_guessed;
};

// The type its articles vote for (an article whose words typed it counts kTypedVote
// times one that guessed); a tie keeps the best-supported name's, a gazetteer's holds.
std::string type_of(const std::vector<Name>& names, const Name& best) {
  if (best.gazetteer) return best.type;
  std::map<std::string, int> votes;
  for (const Name& n : names) votes[n.type] += n.type_guessed ? 1 : kTypedVote;
  std::string type = best.type;
  for (const auto& [t, count] : votes)
    if (count > votes[type]) type = t;
  return type;
}

// Whether the words of `part` begin or end the words of `whole`, which has more.
bool extends(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  if (part.empty() || part.size() >= whole.size()) return false;
  return std::equal(part.begin(), part.end(), whole.begin()) || std::equal(part.rbegin(), part.rend(), whole.rbegin());
}

// The label: a gazetteer's when there is one, else the name its articles use most (then
// the longer, then the first seen); a fuller form of it ("John Kirby" for "Kirby") takes
// over when it is used in at least half as many articles, so that a name with words
// glued on now and then ("Keamanan Wiranto") does not.
const Name* best_supported_name(const std::vector<Name>& names) {
  std::map<std::string, int> frequency;
  for (const Name& n : names) ++frequency[n.label];
  auto rank = [&](const Name& n) {
    return std::make_tuple(n.gazetteer, frequency[n.label], name_tokens(n.label).size());
  };
  const Name* best = &names.front();
  for (const Name& n : names)
    if (rank(n) > rank(*best)) best = &n;
  if (best->gazetteer) return best;
  for (bool longer = true; longer;) {
    longer = false;
    const std::vector<std::string> words = name_tokens(best->label);
    const Name* fuller = nullptr;
    for (const Name& n : names) {
      if (!extends(name_tokens(n.label), words)) continue;
      if (!fuller || frequency[n.label] > frequency[fuller->label]) fuller = &n;
    }
    if (fuller && frequency[fuller->label] * 2 >= frequency[best->label]) best = fuller, longer = true;
  }
  return best;
}

}  // namespace

void refresh_entity(Db& db, int64_t entity_key) {
  if (WriterMemo* memo = db.memo()) memo->forget_present(entity_key);  // its names, maybe itself, go
  std::vector<Name> names;
  Statement q = db.prepare(
      "SELECT label, type, from_gazetteer, aliases, type_guessed FROM doc_entities WHERE entity_key = ? "
      "ORDER BY doc_entity_key");
  q.bind(1, entity_key);
  while (q.step())
    names.push_back({q.column_text(0), q.column_text(1), q.column_int(2) != 0,
                     split_aliases(q.column_view(3)), q.column_int(4) != 0});
  for (const char* sql : {"DELETE FROM aliases WHERE entity_key = ?",
                          "DELETE FROM short_forms WHERE entity_key = ?"}) {
    db.prepare(sql).bind(1, entity_key).run();
  }
  if (names.empty()) {
    db.prepare("DELETE FROM merge_log WHERE entity_key = ?").bind(1, entity_key).run();
    db.prepare("DELETE FROM entities WHERE entity_key = ?").bind(1, entity_key).run();
    return;
  }
  const Name* best = best_supported_name(names);
  const std::string label = entity_override(db, "label", entity_key).value_or(best->label);  // a rename holds
  const std::string type = entity_override(db, "type", entity_key).value_or(type_of(names, *best));
  db.prepare("UPDATE entities SET label = ?, label_key = ?, type = ? WHERE entity_key = ?")
      .bind(1, label)
      .bind(2, text::fold_key(label))
      .bind(3, type)
      .bind(4, entity_key)
      .run();
  add_alias(db, entity_key, label);
  for (const Name& n : names) {
    add_alias(db, entity_key, n.label);
    for (const std::string& a : n.aliases) add_alias(db, entity_key, a);
  }
  add_short_forms(db, entity_key, label, type);
}

int64_t relation_key_for(Db& db, int64_t subject_key, Predicate predicate, int64_t object_key,
                         bool* created) {
  if (is_symmetric(predicate) && object_key < subject_key) std::swap(subject_key, object_key);
  const int64_t code = predicate_code(predicate);
  Statement insert = db.prepare(
      "INSERT OR IGNORE INTO relations(subject_key, predicate, object_key, weight, independent, "
      "evidence_count, modality, confidence_permille, first_seen, last_seen) "
      "VALUES (?, ?, ?, 0, 0, 0, 0 /* asserted */, 0, '', '')");
  insert.bind(1, subject_key).bind(2, code).bind(3, object_key).run();
  if (WriterMemo* memo = db.memo()) memo->note_relation(code, subject_key, object_key);
  const bool inserted = db.changes() > 0;
  if (created) *created = inserted;
  if (inserted) return db.last_insert_id();  // most relations are new: no second look-up
  Statement q = db.prepare(
      "SELECT relation_key FROM relations WHERE subject_key = ? AND predicate = ? AND object_key = ?");
  q.bind(1, subject_key).bind(2, code).bind(3, object_key);
  q.step();
  return q.column_int(0);
}

void recount_relation(Db& db, int64_t relation_key) {
  db.prepare(R"SQL(
    UPDATE relations SET
      weight = (SELECT COUNT(DISTINCT doc_key) FROM evidence WHERE relation_key = ?1),
      independent = (SELECT COUNT(DISTINCT e.doc_key) FROM evidence e
                     JOIN sentences s ON s.doc_key = e.doc_key AND s.idx = e.sentence
                     WHERE e.relation_key = ?1 AND s.syndicated = 0),
      evidence_count = (SELECT COUNT(*) FROM evidence WHERE relation_key = ?1),
      modality = COALESCE((SELECT m.code FROM evidence v JOIN modalities m ON m.name = v.modality
                           WHERE v.relation_key = ?1
                           ORDER BY v.modality <> 'asserted', v.evidence_key LIMIT 1), 0 /* asserted */),
      confidence_permille = COALESCE((SELECT CAST(round(MAX(confidence) * 1000) AS INTEGER) FROM evidence
                                      WHERE relation_key = ?1), 0),
      first_seen = COALESCE((SELECT MIN(substr(d.published, 1, 10))
                             FROM evidence e JOIN documents d ON d.doc_key = e.doc_key
                             WHERE e.relation_key = ?1 AND d.published <> ''), ''),
      last_seen = COALESCE((SELECT MAX(substr(d.published, 1, 10))
                            FROM evidence e JOIN documents d ON d.doc_key = e.doc_key
                            WHERE e.relation_key = ?1 AND d.published <> ''), '')
    WHERE relation_key = ?1)SQL")
      .bind(1, relation_key)
      .run();
  db.prepare("DELETE FROM relations WHERE relation_key = ? AND evidence_count = 0")
      .bind(1, relation_key)
      .run();
}

std::set<int64_t> update_syndication(Db& db, int64_t hash) {
  std::set<int64_t> touched;
  db.prepare(R"SQL(
    UPDATE sentences SET syndicated = EXISTS (
      SELECT 1 FROM sentences s2 WHERE s2.hash = sentences.hash AND s2.doc_key < sentences.doc_key)
    WHERE hash = ?)SQL")
      .bind(1, hash)
      .run();
  Statement q = db.prepare(
      "SELECT DISTINCT e.relation_key FROM sentences s JOIN evidence e "
      "ON e.doc_key = s.doc_key AND e.sentence = s.idx WHERE s.hash = ?");
  q.bind(1, hash);
  while (q.step()) touched.insert(q.column_int(0));
  for (const EntityPair& pair : entity_pairs_in_sentences(db, hash)) recount_cooccurrence(db, pair);
  return touched;
}

void rekey_evidence(Db& db, const std::set<int64_t>& doc_entity_keys, const std::set<int64_t>& entities) {
  struct Row {
    int64_t evidence_key, relation_key, subject_key, object_key;
    std::string predicate;
  };
  std::map<int64_t, Row> rows;
  for (int64_t de : doc_entity_keys) {
    Statement q = db.prepare(R"SQL(
      SELECT e.evidence_key, e.relation_key, s.entity_key, o.entity_key, e.predicate
      FROM evidence e
      JOIN doc_entities s ON s.doc_entity_key = e.subject_doc_entity
      JOIN doc_entities o ON o.doc_entity_key = e.object_doc_entity
      WHERE e.subject_doc_entity = ?1 OR e.object_doc_entity = ?1)SQL");
    q.bind(1, de);
    while (q.step())
      rows[q.column_int(0)] = {q.column_int(0), q.column_int(1), q.column_int(2), q.column_int(3),
                               q.column_text(4)};
  }
  std::set<int64_t> touched;
  for (const auto& [key, row] : rows) {
    touched.insert(row.relation_key);
    std::optional<Predicate> predicate = parse_predicate(row.predicate);
    if (!predicate) continue;
    // A merge can make both ends one entity: the self-loop row keeps the evidence so
    // a later split can restore it; readers of the graph skip self-loops.
    int64_t relation = relation_key_for(db, row.subject_key, *predicate, row.object_key, nullptr);
    touched.insert(relation);
    db.prepare("UPDATE evidence SET relation_key = ? WHERE evidence_key = ?")
        .bind(1, relation)
        .bind(2, key)
        .run();
  }
  for (int64_t r : touched) recount_relation(db, r);
  rebuild_cooccurrences(db, entities);
}

}  // namespace newsgraph::store
