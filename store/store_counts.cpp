// Store::counts: the store's row counts. Counting scans the largest tables, so a writer
// keeps what it counted in `meta` with the store version it counted at; every write moves
// meta('version') (bump_version), and a count kept at another version is counted again.
#include <array>

#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

// meta keys of the kept counts; -1: not counted (a scope that left it out).
constexpr std::array<const char*, 6> kKeptKeys = {"counted_at",     "count_documents",
                                                  "count_entities", "count_relations",
                                                  "count_evidence", "count_mentions"};

struct Kept {
  std::array<int64_t, 6> values{-1, -1, -1, -1, -1, -1};
  int64_t& at() { return values[0]; }
};

// -1 for a store an older newsgraph wrote, which keeps no version (nor counts).
int64_t store_version(Db& db) {
  try {
    Statement q = db.prepare("SELECT value FROM meta WHERE key = 'version'");
    return q.step() ? q.column_int(0) : -1;
  } catch (const StoreError&) {
    return -1;
  }
}

Kept read_kept(Db& db) {
  Kept kept;
  Statement q = db.prepare(
      "SELECT key, value FROM meta WHERE key = 'counted_at' OR key LIKE 'count\\_%' ESCAPE '\\'");
  while (q.step())
    for (size_t i = 0; i < kKeptKeys.size(); ++i)
      if (q.column_view(0) == kKeptKeys[i]) kept.values[i] = q.column_int(1);
  return kept;
}

// Keeps the counts, in the open write batch if there is one (a rollback takes them back
// with what they counted), else in a transaction of their own. Inside a read snapshot, or
// where the store cannot be written now (another writer), none are kept.
void keep(Db& db, const Kept& kept, bool in_batch) {
  const bool own_transaction = !db.in_transaction();
  if (!own_transaction && !in_batch) return;  // a read snapshot: it must see one state
  try {
    if (own_transaction) db.exec("BEGIN IMMEDIATE");
    for (size_t i = 0; i < kKeptKeys.size(); ++i)
      db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
          .bind(1, kKeptKeys[i])
          .bind(2, kept.values[i])
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
    const int64_t version = store_version(db);
    Kept kept = version >= 0 ? read_kept(db) : Kept{};
    const bool current = version >= 0 && kept.at() == version && kept.values[1] >= 0;
    if (!current) kept = Kept{};
    bool counted = !current;
    auto& [at, documents, entities, relations, evidence, mentions] = kept.values;
    if (!current) {
      documents = count(db, "SELECT COUNT(*) FROM documents");
      entities = count(db, "SELECT COUNT(*) FROM entities");
    }
    if (!current || (want_evidence && evidence < 0)) {  // relations and their evidence: one pass
      Statement q = db.prepare(
          "SELECT COALESCE(SUM(subject_key <> object_key), 0), "
          "COALESCE(SUM(CASE WHEN predicate = 0 /* CO_OCCURS */ THEN evidence_count ELSE 0 END), "
          "0) FROM relations");
      q.step();
      relations = q.column_int(0);
      evidence = want_evidence ? q.column_int(1) + count(db, "SELECT COUNT(*) FROM evidence") : -1;
      counted = true;
    }
    if (want_mentions && mentions < 0) {
      mentions = count(db, impl_->mention_rows
                               ? "SELECT COUNT(*) FROM mentions"
                               : "SELECT COALESCE(SUM(mention_count), 0) FROM doc_entities");
      counted = true;
    }
    at = version;
    out->documents = documents;
    out->entities = entities;
    out->relations = relations;
    out->evidence = want_evidence ? evidence : 0;
    out->mentions = want_mentions ? mentions : 0;
    if (counted && !impl_->read_only && version >= 0) keep(db, kept, in_batch_);
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, path_ + ": " + e.message);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
