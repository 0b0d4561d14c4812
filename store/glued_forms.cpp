// The glued-form merge rule's side of the store (see entity_merger.cpp): names that may
// follow words glued in front of a person's name ("Fraksi Adies Kadir" -> "Adies Kadir"),
// kept per article entity in `glued_forms`, and the lookups both ways round.
#include "core/text.h"
#include "store/store_internal.h"

namespace newsgraph::store {

void add_glued_forms(Db& db, int64_t doc_entity_key, const std::vector<std::string>& cores) {
  for (const std::string& core : cores)
    db.prepare("INSERT OR IGNORE INTO glued_forms(core_key, doc_entity_key) VALUES (?, ?)")
        .bind(1, text::fold_key(core))
        .bind(2, doc_entity_key)
        .run();
}

int64_t person_past_glued_words(Db& db, const Entity& e, const std::string& label_key, std::string* core) {
  for (const std::string& name : e.glued_cores) {  // longest first
    const std::string name_key = text::fold_key(name);
    if (!may_be_named(db, name_key)) continue;  // no one goes by it
    Statement q = db.prepare(
        "SELECT DISTINCT a.entity_key FROM aliases a JOIN entities n ON n.entity_key = a.entity_key "
        "WHERE a.alias_key = ? AND n.type = 'PERSON' AND (n.from_gazetteer = 1 OR EXISTS (SELECT 1 "
        "FROM doc_entities de WHERE de.entity_key = n.entity_key AND de.type = 'PERSON' "
        "AND de.type_guessed = 0)) ORDER BY n.from_gazetteer DESC, a.entity_key");
    q.bind(1, name_key);
    std::vector<int64_t> found;
    while (q.step()) found.push_back(q.column_int(0));
    if (found.size() == 1 && !merge_forbidden(db, label_key, found.front())) {
      *core = name;
      return found.front();
    }
  }
  return 0;
}

int64_t entity_glued_onto(Db& db, const std::string& name_key) {
  Statement q = db.prepare(
      "SELECT DISTINCT de.entity_key FROM glued_forms g JOIN doc_entities de "
      "ON de.doc_entity_key = g.doc_entity_key WHERE g.core_key = ? "
      "AND de.type IN ('PERSON', 'ORGANIZATION') ORDER BY de.entity_key");
  q.bind(1, name_key);
  std::vector<int64_t> found;
  while (q.step()) found.push_back(q.column_int(0));
  return found.size() == 1 && !merge_forbidden(db, name_key, found.front()) ? found.front() : 0;
}

void unglue(Db& db, int64_t entity_key, const std::string& core) {
  const char* glued = "SELECT g.doc_entity_key FROM glued_forms g JOIN doc_entities de "
                      "ON de.doc_entity_key = g.doc_entity_key WHERE g.core_key = ?1 AND de.entity_key = ?2";
  db.prepare(std::string("UPDATE doc_entities SET label = ?3, type = 'PERSON' WHERE doc_entity_key IN (") + glued +
             ")")
      .bind(1, text::fold_key(core))
      .bind(2, entity_key)
      .bind(3, core)
      .run();
  db.prepare("DELETE FROM glued_forms WHERE doc_entity_key IN (SELECT doc_entity_key FROM doc_entities "
             "WHERE entity_key = ?1 AND label = ?2)")
      .bind(1, entity_key)
      .bind(2, core)
      .run();
  refresh_entity(db, entity_key);
}

}  // namespace newsgraph::store
