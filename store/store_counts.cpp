// Store::counts: the store's row counts. Counting scans the largest tables, so a writer
// keeps what it counted in `meta` with the store version it counted at; every write moves
// meta('version') (bump_version), and a count kept at another version is counted again.
#include <array>
#include <utility>

#include "store/queries.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

// What is kept: -1 for a count not taken (a scope that left it out).
struct Kept {
  int64_t at = -1, documents = -1, entities = -1, relations = -1, evidence = -1, mentions = -1;
};

// Each count of `kept` with its meta key.
std::array<std::pair<const char*, int64_t*>, 6> fields_of(Kept& kept) {
  return {{{"counted_at", &kept.at},
           {"count_documents", &kept.documents},
           {"count_entities", &kept.entities},
           {"count_relations", &kept.relations},
           {"count_evidence", &kept.evidence},
           {"count_mentions", &kept.mentions}}};
}

void read_kept(Db& db, Kept& kept) {
  Statement q = db.prepare("SELECT key, value FROM meta");  // a handful of rows
  while (q.step())
    for (const auto& [key, value] : fields_of(kept))
      if (q.column_view(0) == key) *value = q.column_int(1);
}

// Keeps the counts, in the open write batch if there is one (a rollback takes them back
// with what they counted), else in a transaction of their own. Inside a read snapshot, or
// where the store cannot be written now (another writer), none are kept.
void keep(Db& db, Kept& kept, bool in_batch) {
  const bool own_transaction = !db.in_transaction();
  if (!own_transaction && !in_batch) return;  // a read snapshot: it must see one state
  try {
    if (own_transaction) db.exec("BEGIN IMMEDIATE");
    for (const auto& [key, value] : fields_of(kept))
      db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
          .bind(1, key)
          .bind(2, *value)
          .run();
    if (own_transaction) db.exec("COMMIT");
  } catch (const StoreError&) {
    if (!own_transaction) throw;  // the batch's own write failed: its caller must know
    try {
      if (db.in_transaction()) db.exec("ROLLBACK");
    } catch (const StoreError&) {
    }
  }
}

int64_t count(Db& db, const char* sql) {
  Statement q = db.prepare(sql);
  q.step();
  return q.column_int(0);
}

}  // namespace

Status Store::counts(StoreCounts* out, CountScope scope) {
  *out = StoreCounts{};
  Db& db = impl_->db;
  const bool want_evidence = scope != CountScope::kGraph, want_mentions = scope == CountScope::kAll;
  try {
    int64_t version = -1;  // stays -1 for a store an older newsgraph wrote: no version, no counts
    if (!data_version(*this, &version).is_ok()) version = -1;
    Kept kept;
    if (version >= 0) read_kept(db, kept);
    const bool current = version >= 0 && kept.at == version && kept.documents >= 0;
    bool counted = false;
    if (!current) {
      kept = Kept{};
      kept.documents = count(db, "SELECT COUNT(*) FROM documents");
      kept.entities = count(db, "SELECT COUNT(*) FROM entities");
    }
    if (!current ||
        (want_evidence && kept.evidence < 0)) {  // relations and their evidence: one pass
      Statement q = db.prepare(
          "SELECT COALESCE(SUM(subject_key <> object_key), 0), "
          "COALESCE(SUM(CASE WHEN predicate = 0 /* CO_OCCURS */ THEN evidence_count ELSE 0 END), "
          "0) "
          "FROM relations");
      q.step();
      kept.relations = q.column_int(0);
      kept.evidence =
          want_evidence ? q.column_int(1) + count(db, "SELECT COUNT(*) FROM evidence") : -1;
      counted = true;
    }
    if (want_mentions && kept.mentions < 0) {
      kept.mentions = count(db, impl_->mention_rows
                                    ? "SELECT COUNT(*) FROM mentions"
                                    : "SELECT COALESCE(SUM(mention_count), 0) FROM doc_entities");
      counted = true;
    }
    kept.at = version;
    out->documents = kept.documents;
    out->entities = kept.entities;
    out->relations = kept.relations;
    out->evidence = want_evidence ? kept.evidence : 0;
    out->mentions = want_mentions ? kept.mentions : 0;
    if (counted && !impl_->read_only && version >= 0) keep(db, kept, in_batch_);
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, path_ + ": " + e.message);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
