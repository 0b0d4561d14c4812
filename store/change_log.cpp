// The change log: see change_log.h.
#include "store/change_log.h"

#include <algorithm>

#include "store/queries.h"
#include "store/store_internal.h"
#include "store/varint.h"

namespace newsgraph::store {

std::string encode_changed_entities(std::vector<int64_t> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string out;
  int64_t previous = 0;
  for (int64_t key : keys) {
    put_varint(zigzag(key - previous), &out);
    previous = key;
  }
  return out;
}

bool decode_changed_entities(std::string_view bytes, std::vector<int64_t>* out) {
  size_t at = 0;
  int64_t key = 0;
  while (at < bytes.size()) {
    uint64_t delta;
    if (!get_varint(bytes, &at, &delta) || __builtin_add_overflow(key, unzigzag(delta), &key)) return false;
    out->push_back(key);
  }
  return true;
}

void bump_version(Db& db, const StoreChanges& changed) {
  int64_t version = 0;
  {
    Statement bump = db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value");
    if (bump.step()) version = bump.column_int(0);
    bump.run();
  }
  db.prepare("INSERT OR REPLACE INTO changes(version, entities, relabelled, everything) VALUES (?, ?, ?, ?)")
      .bind(1, version)
      .bind_blob(2, encode_changed_entities(changed.entities))
      .bind_blob(3, encode_changed_entities(changed.relabelled))
      .bind(4, int64_t{changed.everything})
      .run();
  if (version % 256 == 0) db.prepare("DELETE FROM changes WHERE version <= ?").bind(1, version - kChangesKept).run();
}

Status changes_between(Store& store, int64_t after, int64_t upto, StoreChanges* out) {
  *out = StoreChanges{};
  if (upto <= after) return Status::ok();
  if (after < 0 || upto - after > kChangesKept) {
    out->everything = true;
    return Status::ok();
  }
  Db& db = store.impl().db;
  try {
    Statement q = db.prepare(
        "SELECT version, entities, relabelled, everything FROM changes WHERE version > ? AND version <= ?");
    q.bind(1, after).bind(2, upto);
    int64_t rows = 0;
    while (q.step() && !out->everything) {
      ++rows;
      out->everything = q.column_int(3) != 0 || !decode_changed_entities(q.column_blob(1), &out->entities) ||
                        !decode_changed_entities(q.column_blob(2), &out->relabelled);
    }
    if (rows != upto - after) out->everything = true;  // a write left no record
  } catch (const StoreError&) {
    out->everything = true;  // no log (a store an older newsgraph wrote and nobody upgraded)
  }
  for (std::vector<int64_t>* keys : {&out->entities, &out->relabelled}) {
    if (out->everything) keys->clear();
    std::sort(keys->begin(), keys->end());
    keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
  }
  return Status::ok();
}

}  // namespace newsgraph::store
