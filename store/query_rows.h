// Small helpers the store's read queries share (queries.cpp, search.cpp): a StoreError
// as a Status naming the store, a COUNT's answer, and an entity from a row. Internal to
// store/.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "store/queries.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace newsgraph::store {

inline Status failed(Store& store, const StoreError& e) {
  return Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
}

inline int64_t count(Statement q) {
  q.step();
  return q.column_int(0);
}

// An entity from columns 0–4 of q: entity_key, id, label, type, from_gazetteer.
inline EntityRow entity_row(Statement& q) {
  EntityRow r;
  r.key = q.column_int(0);
  r.id = q.column_text(1);
  r.label = q.column_text(2);
  r.type = q.column_text(3);
  r.from_gazetteer = q.column_int(4) != 0;
  return r;
}

}  // namespace newsgraph::store
