// A person's edits of one stored entity (rename, retype, delete), kept as overrides so
// that later ingests and recounts respect them: a renamed entity keeps its label, a
// retyped one its type, and a deleted name is left out of every later article.
#include "core/text.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

std::string id_of(Db& db, int64_t entity_key) {
  Statement q = db.prepare("SELECT id FROM entities WHERE entity_key = ?");
  q.bind(1, entity_key);
  return q.step() ? q.column_text(0) : std::string();
}

// The one override of `kind` for entity id `id` (a label or a type), replacing any before.
void set_entity_override(Db& db, const char* kind, const std::string& id, const std::string& value) {
  db.prepare("DELETE FROM overrides WHERE kind = ? AND name_a = ?").bind(1, kind).bind(2, id).run();
  db.prepare("INSERT INTO overrides(kind, name_a, name_b) VALUES (?, ?, ?)").bind(1, kind).bind(2, id).bind(3, value).run();
}

}  // namespace

std::optional<std::string> entity_override(Db& db, const char* kind, int64_t entity_key) {
  Statement q = db.prepare(
      "SELECT o.name_b FROM overrides o JOIN entities e ON e.id = o.name_a WHERE o.kind = ? AND e.entity_key = ?");
  q.bind(1, kind).bind(2, entity_key);
  if (q.step()) return q.column_text(0);
  return std::nullopt;
}

void rename_entity(Db& db, int64_t entity_key, const std::string& label) {
  set_entity_override(db, "label", id_of(db, entity_key), label);
  db.prepare("UPDATE entities SET label = ?, label_key = ? WHERE entity_key = ?")
      .bind(1, label)
      .bind(2, text::fold_key(label))
      .bind(3, entity_key)
      .run();
  add_alias(db, entity_key, label);
}

void retype_entity(Db& db, int64_t entity_key, const std::string& type) {
  set_entity_override(db, "type", id_of(db, entity_key), type);
  db.prepare("UPDATE entities SET type = ? WHERE entity_key = ?").bind(1, type).bind(2, entity_key).run();
}

void delete_entity(Db& db, int64_t entity_key) {
  db.prepare("INSERT OR IGNORE INTO overrides(kind, name_a, name_b) SELECT 'delete', alias_key, '' FROM aliases "
             "WHERE entity_key = ?")
      .bind(1, entity_key)
      .run();
  const char* statements[] = {
      ("DELETE FROM evidence WHERE relation_key IN (SELECT relation_key FROM relations WHERE subject_key = ?1 "
       "OR object_key = ?1)"),
      "DELETE FROM relations WHERE subject_key = ?1 OR object_key = ?1",
      "DELETE FROM glued_forms WHERE doc_entity_key IN (SELECT doc_entity_key FROM doc_entities WHERE entity_key = ?1)",
      "DELETE FROM doc_entities WHERE entity_key = ?1",
      "DELETE FROM aliases WHERE entity_key = ?1",
      "DELETE FROM short_forms WHERE entity_key = ?1",
      "DELETE FROM merge_log WHERE entity_key = ?1",
      "DELETE FROM overrides WHERE kind IN ('label', 'type') AND name_a = (SELECT id FROM entities WHERE entity_key = ?1)",
      "DELETE FROM entities WHERE entity_key = ?1",
  };
  for (const char* sql : statements) db.prepare(sql).bind(1, entity_key).run();
}

bool any_name_deleted(Db& db) {
  Statement q = db.prepare("SELECT 1 FROM overrides WHERE kind = 'delete' LIMIT 1");
  return q.step();
}

bool name_deleted(Db& db, const std::string& name) {
  Statement q = db.prepare("SELECT 1 FROM overrides WHERE kind = 'delete' AND name_a = ?");
  q.bind(1, text::fold_key(name));
  return q.step();
}

}  // namespace newsgraph::store
