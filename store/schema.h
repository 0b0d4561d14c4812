// The store's SQLite schema and its migrations. The schema version lives in
// `PRAGMA user_version`; each migration moves it up by one inside a transaction.
// Internal to store/.
#pragma once

#include <string>

#include "store/sqlite_db.h"

namespace newsgraph::store {

constexpr int kSchemaVersion = 12;

// Creates the tables in an empty database, or migrates an older one up to
// kSchemaVersion. Throws StoreError when the file is newer than this program knows.
void migrate_schema(Db& db);

// The schema version of an open database (0 for an empty one).
int schema_version(Db& db);

// Whether `table` has `column` (migrations, and Store::open for Impl::origin_columns).
bool has_column(Db& db, const char* table, const char* column);

// The SQL that indexes the rows waiting for the search indexes (schema.cpp), for a
// writer to run before every commit (Db::set_before_commit).
const std::string& search_index_flush();

// Whether the store may hold content hashes of the form before schema 10 (16 hex digits,
// hashing.h's legacy_content_hash): true for a store migrated with documents in it, and
// for one an older newsgraph wrote and this one could not upgrade.
bool keeps_legacy_hashes(Db& db);

// Deletes every article and what was derived from them (documents, entities, aliases,
// relations, evidence, sentences, merge log, co-occurrences, search indexes), keeping the
// overrides, meta and change log: a store about to be written again. Inside the caller's
// transaction; throws StoreError.
void clear_articles(Db& db);

// The tables a search index reads.
enum class Searched { kAliases, kSentences };
// Queues the row of `table` just inserted for its search index, which takes it in when
// the transaction commits (search_index_flush()). Every INSERT into those tables calls
// it: no trigger does. Throws StoreError.
void queue_for_search(Db& db, Searched table, int64_t rowid);

}  // namespace newsgraph::store
