#include "store/schema.h"

#include <sqlite3.h>

#include <string>

#include "store/article_mentions.h"
#include "store/canonical_order.h"
#include "store/cooccurrences.h"
#include "store/hashing.h"
#include "store/relation_codes.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

// Version 1. Names are meant to be read in the sqlite3 shell: `_key` columns are
// internal integer keys, `id` columns the stable ids users see. All tables keep their
// rowid: SQLite 3.40's integrity_check misreports NOT NULL columns of WITHOUT ROWID
// tables, and the crash test relies on that check.
const char kSchemaV1[] = R"SQL(
CREATE TABLE documents (
  doc_key      INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,      -- the article's id (file name or JSON id)
  content_hash TEXT NOT NULL,             -- hash of the text; same hash = same article
  title        TEXT NOT NULL,
  source       TEXT NOT NULL,
  published    TEXT NOT NULL,             -- ISO date, '' when unknown
  ingested_at  TEXT NOT NULL,             -- UTC, ISO 8601
  bytes        INTEGER NOT NULL
);
CREATE INDEX documents_by_hash ON documents(content_hash);

-- One row per real-world thing across all articles.
CREATE TABLE entities (
  entity_key     INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,    -- stable slug
  label          TEXT NOT NULL,
  type           TEXT NOT NULL,           -- PERSON, COUNTRY, ... (ontology.md)
  from_gazetteer INTEGER NOT NULL,
  label_key      TEXT NOT NULL,           -- folded label, for lookups
  attributes     TEXT NOT NULL DEFAULT '{}'  -- JSON object
);
CREATE INDEX entities_by_label_key ON entities(label_key);

-- First and last names of multi-word person names, for short forms ("Kirby").
CREATE TABLE short_forms (
  short_key  TEXT NOT NULL,
  entity_key INTEGER NOT NULL REFERENCES entities(entity_key),
  PRIMARY KEY (short_key, entity_key)
);

-- Every surface form an entity was seen under, folded for lookup.
CREATE TABLE aliases (
  entity_key INTEGER NOT NULL REFERENCES entities(entity_key),
  alias      TEXT NOT NULL,
  alias_key  TEXT NOT NULL,
  PRIMARY KEY (entity_key, alias_key)
);
CREATE INDEX aliases_by_key ON aliases(alias_key);

-- An entity as one article found it, and the store entity it was merged into.
CREATE TABLE doc_entities (
  doc_entity_key INTEGER PRIMARY KEY,
  doc_key        INTEGER NOT NULL REFERENCES documents(doc_key),
  local_id       TEXT NOT NULL,           -- the extractor's id in that article
  label          TEXT NOT NULL,
  aliases        TEXT NOT NULL,           -- other names it had there, '|'-separated
  type           TEXT NOT NULL,
  from_gazetteer INTEGER NOT NULL,
  entity_key     INTEGER NOT NULL REFERENCES entities(entity_key)
);
CREATE INDEX doc_entities_by_doc ON doc_entities(doc_key);
CREATE INDEX doc_entities_by_entity ON doc_entities(entity_key);

CREATE TABLE mentions (
  doc_entity_key INTEGER NOT NULL REFERENCES doc_entities(doc_entity_key),
  sentence       INTEGER NOT NULL,
  start          INTEGER NOT NULL,        -- byte offsets into the article's text
  end            INTEGER NOT NULL,
  text           TEXT NOT NULL
);
CREATE INDEX mentions_by_doc_entity ON mentions(doc_entity_key);

-- One row per (subject, predicate, object); counts are recomputed from evidence.
CREATE TABLE relations (
  relation_key     INTEGER PRIMARY KEY,
  subject_key      INTEGER NOT NULL REFERENCES entities(entity_key),
  predicate        TEXT NOT NULL,
  object_key       INTEGER NOT NULL REFERENCES entities(entity_key),
  weight           INTEGER NOT NULL,      -- distinct articles with evidence
  independent      INTEGER NOT NULL,      -- articles whose evidence is not syndicated
  evidence_count   INTEGER NOT NULL,
  modality         TEXT NOT NULL,         -- the most common modality of its evidence
  confidence       REAL NOT NULL,         -- the highest confidence of its evidence
  first_seen       TEXT NOT NULL,
  last_seen        TEXT NOT NULL,
  UNIQUE (subject_key, predicate, object_key)
);
CREATE INDEX relations_by_object ON relations(object_key);
CREATE INDEX relations_by_predicate ON relations(predicate);

-- The sentences that evidence points to, once per article.
CREATE TABLE sentences (
  doc_key    INTEGER NOT NULL REFERENCES documents(doc_key),
  idx        INTEGER NOT NULL,            -- sentence index in the article
  start      INTEGER NOT NULL,            -- byte offsets into the article's text
  end        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  hash       TEXT NOT NULL,               -- of the normalised text, for syndication
  syndicated INTEGER NOT NULL DEFAULT 0,  -- 1: an earlier article has the same sentence
  PRIMARY KEY (doc_key, idx)
);
CREATE INDEX sentences_by_hash ON sentences(hash);

CREATE TABLE evidence (
  evidence_key       INTEGER PRIMARY KEY,
  relation_key       INTEGER NOT NULL REFERENCES relations(relation_key),
  doc_key            INTEGER NOT NULL REFERENCES documents(doc_key),
  sentence           INTEGER NOT NULL,    -- sentences(doc_key, idx)
  subject_doc_entity INTEGER NOT NULL REFERENCES doc_entities(doc_entity_key),
  object_doc_entity  INTEGER NOT NULL REFERENCES doc_entities(doc_entity_key),
  predicate          TEXT NOT NULL,
  cue                TEXT NOT NULL,
  rule               TEXT NOT NULL,       -- the extractor rule that produced it
  modality           TEXT NOT NULL,
  confidence         REAL NOT NULL
);
CREATE INDEX evidence_by_relation ON evidence(relation_key);
CREATE INDEX evidence_by_doc ON evidence(doc_key);

-- Which names became which entity, by which rule.
CREATE TABLE merge_log (
  log_key    INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  doc_key    INTEGER,                     -- NULL for merges made by `curate`
  name       TEXT NOT NULL,
  entity_key INTEGER NOT NULL,
  rule       TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX merge_log_by_entity ON merge_log(entity_key);
CREATE INDEX merge_log_by_doc ON merge_log(doc_key);

-- meta('version'): goes up with every write, so readers can tell cheaply (ETags).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO meta(key, value) VALUES ('version', 0);

-- Curation the user asked for: 'never' pairs keep two names apart in future ingests.
CREATE TABLE overrides (
  kind   TEXT NOT NULL,                   -- 'merge' or 'never'
  name_a TEXT NOT NULL,
  name_b TEXT NOT NULL,
  PRIMARY KEY (kind, name_a, name_b)
);
)SQL";

const char kDatesFromPublicationV2[] = R"SQL(
UPDATE relations SET
  first_seen = COALESCE((SELECT MIN(substr(d.published, 1, 10)) FROM evidence e
                         JOIN documents d ON d.doc_key = e.doc_key
                         WHERE e.relation_key = relations.relation_key AND d.published <> ''), ''),
  last_seen = COALESCE((SELECT MAX(substr(d.published, 1, 10)) FROM evidence e
                        JOIN documents d ON d.doc_key = e.doc_key
                        WHERE e.relation_key = relations.relation_key AND d.published <> ''), '');
)SQL";

const char kGluedFormsV3[] = R"SQL(
-- An article's entity whose label may be a person's name with words glued in front
-- ("Fraksi Adies Kadir"): the folded name after them, one row per possible start.
CREATE TABLE IF NOT EXISTS glued_forms (
  core_key       TEXT NOT NULL,
  doc_entity_key INTEGER NOT NULL REFERENCES doc_entities(doc_entity_key),
  PRIMARY KEY (core_key, doc_entity_key)
);
CREATE INDEX IF NOT EXISTS glued_forms_by_doc_entity ON glued_forms(doc_entity_key);
-- Refreshing or retyping an entity drops its short forms: without this, a scan a time.
CREATE INDEX IF NOT EXISTS short_forms_by_entity ON short_forms(entity_key);
)SQL";

const char kCooccurrencesV4[] = R"SQL(
-- Per article, the pairs of its entities named in one sentence and where
-- (cooccurrences.h): CO_OCCURS keeps no evidence row per sentence.
CREATE TABLE IF NOT EXISTS cooccurrences (
  doc_key    INTEGER PRIMARY KEY REFERENCES documents(doc_key),
  pairs      BLOB NOT NULL,               -- encode_article_pairs()
  confidence REAL NOT NULL
);
-- Looking a name up gives its entities from the index alone (one seek, no row fetch):
-- every article's entities are looked up by name.
DROP INDEX IF EXISTS aliases_by_key;
CREATE INDEX IF NOT EXISTS aliases_by_key_entity ON aliases(alias_key, entity_key);
-- A curation moving an article's entity finds its evidence by these, not by a scan.
CREATE INDEX IF NOT EXISTS evidence_by_subject ON evidence(subject_doc_entity);
CREATE INDEX IF NOT EXISTS evidence_by_object ON evidence(object_doc_entity);
)SQL";

const char kMergeLogEntitiesV4[] = R"SQL(
UPDATE merge_log SET doc_entity_key = (
  SELECT MIN(de.doc_entity_key) FROM doc_entities de
  WHERE de.doc_key = merge_log.doc_key AND de.entity_key = merge_log.entity_key)
WHERE doc_key IS NOT NULL;
DELETE FROM merge_log WHERE rule IN ('new', 'gazetteer-id') AND doc_key IS NOT NULL;
)SQL";

const char kTypedRelationsIndexV7[] =
    "CREATE INDEX IF NOT EXISTS relations_typed_by_predicate ON relations(predicate) WHERE predicate <> 'CO_OCCURS'";

// Version 9: the relations table again, its predicate and modality as codes, its confidence
// in thousandths.
std::string relations_with_codes_v9() {
  return R"SQL(
CREATE TABLE relations_coded (
  relation_key     INTEGER PRIMARY KEY,
  subject_key      INTEGER NOT NULL REFERENCES entities(entity_key),
  predicate        INTEGER NOT NULL,      -- predicates(code); 0 is CO_OCCURS
  object_key       INTEGER NOT NULL REFERENCES entities(entity_key),
  weight           INTEGER NOT NULL,      -- distinct articles with evidence
  independent      INTEGER NOT NULL,      -- articles whose evidence is not syndicated
  evidence_count   INTEGER NOT NULL,
  modality         INTEGER NOT NULL,      -- modalities(code) most common in its evidence; 0 is asserted
  confidence_permille INTEGER NOT NULL,  -- the highest confidence of its evidence, in thousandths
  first_seen       TEXT NOT NULL,
  last_seen        TEXT NOT NULL,
  UNIQUE (subject_key, predicate, object_key)
);
INSERT INTO relations_coded
  SELECT relation_key, subject_key, )SQL" +
         predicate_code_of_name_sql("predicate") + ", object_key, weight, independent, evidence_count, " +
         modality_code_of_name_sql("modality") + R"SQL(, CAST(round(confidence * 1000) AS INTEGER),
         first_seen, last_seen
  FROM relations ORDER BY relation_key;
DROP TABLE relations;
ALTER TABLE relations_coded RENAME TO relations;
CREATE INDEX relations_by_object ON relations(object_key);
)SQL";
}

// A predicate or modality no newsgraph wrote (a file edited by hand) has no code: the
// migration stops and names it, rather than give it one that means something else.
void refuse_unknown_names(Db& db) {
  const std::pair<const char*, std::string> codes[] = {{"predicate", predicate_code_of_name_sql("predicate")},
                                                       {"modality", modality_code_of_name_sql("modality")}};
  for (const auto& [column, code] : codes) {
    Statement q = db.prepare(std::string("SELECT ") + column + " FROM relations WHERE " + code + " < 0 LIMIT 1");
    if (q.step())
      throw StoreError{std::string("a relation's ") + column + " is '" + q.column_text(0) +
                       "', which this newsgraph does not know; the store is left as it was"};
  }
}

// Full-text search (SQLite's FTS5) over `column` of `table` as the index `fts`: external
// content (the text is stored once, in the table). Case and accents fold the way names
// are looked up; hyphens split words ("Jong-un"). A new row waits in `fts`_queue until
// its transaction commits (search_index_flush()): FTS5 writes a segment at every savepoint,
// and each article was one when this was measured: indexing row by row cost ingest 40%.
// The code that inserts a row queues it (queue_for_search()): a trigger per inserted row
// cost each sentence 40% more. A deleted or changed row leaves the index at once, or the queue if it was
// waiting there (triggers: they are rare).
struct SearchIndex {
  std::string fts, table, column;
};
const SearchIndex kSearchIndexes[] = {{"name_search", "aliases", "alias"}, {"sentence_search", "sentences", "text"}};

// The triggers that take a deleted or changed row out of the index (or its queue).
std::string search_triggers(const SearchIndex& index) {
  const std::string &fts = index.fts, &table = index.table, &column = index.column;
  const std::string queue = fts + "_queue";
  const std::string unindex = "INSERT INTO " + fts + "(" + fts + ", rowid, " + column + ") SELECT 'delete', old.rowid, old." +
                              column + " WHERE NOT EXISTS (SELECT 1 FROM " + queue + " WHERE rowid = old.rowid);\n";
  return "CREATE TRIGGER IF NOT EXISTS " + table + "_unsearched AFTER DELETE ON " + table + " BEGIN " + unindex +
         "DELETE FROM " + queue + " WHERE rowid = old.rowid; END;\n"
         "CREATE TRIGGER IF NOT EXISTS " + table + "_researched AFTER UPDATE OF " + column + " ON " + table +
         " BEGIN " + unindex + "INSERT OR IGNORE INTO " + queue + " VALUES (new.rowid); END;\n";
}

std::string search_index(const SearchIndex& index) {
  const std::string &fts = index.fts, &table = index.table, &column = index.column;
  return "CREATE VIRTUAL TABLE IF NOT EXISTS " + fts + " USING fts5(" + column + ", content = '" + table +
         "', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');\n"
         "CREATE TABLE IF NOT EXISTS " + fts + "_queue (rowid INTEGER PRIMARY KEY);\n" + search_triggers(index) +
         "INSERT INTO " + fts + "(" + fts + ") VALUES ('rebuild');\n";
}

// Version 9: sentences again, their hash a 64-bit integer (NULL for a sentence too short
// to say two articles share it) where it was 16 hex digits, in the table and its index.
// The rows keep their rowids, which the search index refers to.
const char kSentencesHashedV9[] = R"SQL(
CREATE TABLE sentences_hashed (
  doc_key    INTEGER NOT NULL REFERENCES documents(doc_key),
  idx        INTEGER NOT NULL,            -- sentence index in the article
  start      INTEGER NOT NULL,            -- byte offsets into the article's text
  end        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  hash       INTEGER,                     -- of the normalised text, for syndication; NULL: too short
  syndicated INTEGER NOT NULL DEFAULT 0,  -- 1: an earlier article has the same sentence
  PRIMARY KEY (doc_key, idx)
);
INSERT INTO sentences_hashed(rowid, doc_key, idx, start, end, text, hash, syndicated)
  SELECT rowid, doc_key, idx, start, end, text, hash_of_hex(hash), syndicated FROM sentences ORDER BY rowid;
DROP TABLE sentences;
ALTER TABLE sentences_hashed RENAME TO sentences;
CREATE INDEX sentences_by_hash ON sentences(hash) WHERE hash IS NOT NULL;
)SQL";

}  // namespace

bool has_column(Db& db, const char* table, const char* column) {
  Statement q = db.prepare(std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?");
  q.bind(1, column);
  return q.step();
}

namespace {

// The declared type of `table`.`column` ("" when there is none).
std::string column_type(Db& db, const char* table, const char* column) {
  Statement q = db.prepare(std::string("SELECT type FROM pragma_table_info('") + table + "') WHERE name = ?");
  q.bind(1, column);
  return q.step() ? q.column_text(0) : std::string();
}

// hash_of_hex(text) in SQL: NULL for '' and for anything that is no hash.
void hash_of_hex_function(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const std::optional<int64_t> h =
      text ? hash_of_hex(std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(args[0])))) : std::nullopt;
  if (h) sqlite3_result_int64(context, *h);
  else sqlite3_result_null(context);
}

int user_version(Db& db) {
  Statement s = db.prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.column_int(0));
}

}  // namespace

const std::string& search_index_flush() {
  static const std::string sql = [] {
    std::string s;
    for (const SearchIndex& i : kSearchIndexes) {
      const std::string queue = i.fts + "_queue";
      s += "INSERT INTO " + i.fts + "(rowid, " + i.column + ") SELECT t.rowid, t." + i.column + " FROM " + queue +
           " q JOIN " + i.table + " t ON t.rowid = q.rowid;\nDELETE FROM " + queue + ";\n";
    }
    return s;
  }();
  return sql;
}

void clear_articles(Db& db) {
  // The search indexes are emptied at once, without their triggers taking each row out.
  for (const SearchIndex& i : kSearchIndexes) {
    db.exec(("DROP TRIGGER IF EXISTS " + i.table + "_unsearched; DROP TRIGGER IF EXISTS " + i.table + "_researched;")
                .c_str());
    db.exec(("INSERT INTO " + i.fts + "(" + i.fts + ") VALUES ('delete-all'); DELETE FROM " + i.fts + "_queue;").c_str());
  }
  for (const char* table : {"evidence", "cooccurrences", "glued_forms", "merge_log", "sentences", "relations",
                            "doc_entities", "aliases", "short_forms", "entities", "documents"})
    db.exec((std::string("DELETE FROM ") + table).c_str());
  for (const SearchIndex& i : kSearchIndexes) db.exec(search_triggers(i).c_str());
}

void queue_for_search(Db& db, Searched table, int64_t rowid) {
  db.prepare(table == Searched::kAliases ? "INSERT OR IGNORE INTO name_search_queue VALUES (?)"
                                         : "INSERT OR IGNORE INTO sentence_search_queue VALUES (?)")
      .bind(1, rowid)
      .run();
}

int schema_version(Db& db) { return user_version(db); }

bool keeps_legacy_hashes(Db& db) {
  Statement has_meta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.step()) return true;  // a store from before the meta table
  Statement q = db.prepare("SELECT value FROM meta WHERE key = 'legacy_content_hashes'");
  return !q.step() || q.column_int(0) > 0;
}

void migrate_schema(Db& db) {
  // The migrations drop and rename tables that others refer to (SQLite applies this outside
  // a transaction only); the store never enforces foreign keys.
  db.exec("PRAGMA foreign_keys = OFF");
  int version = user_version(db);
  if (version > kSchemaVersion)
    throw StoreError{"the store has schema version " + std::to_string(version) +
                     ", newer than this newsgraph (" + std::to_string(kSchemaVersion) + ")"};
  if (version == kSchemaVersion) return;
  Transaction tx(db);
  version = user_version(db);  // again, under the write lock: another process may have migrated it
  if (version >= kSchemaVersion) return;
  if (version < 1) {
    db.exec(kSchemaV1);
    db.exec("PRAGMA user_version = 1");
  }
  if (version < 2) {
    // Version 1 dated evidence from undated articles by the day of ingest: relations'
    // first and last seen now come from publication dates alone ('' when none).
    db.exec(kDatesFromPublicationV2);
    db.exec("PRAGMA user_version = 2");
  }
  if (version < 3) {
    // Names that may follow glued words ("Fraksi Adies Kadir"), for the glued-form rule.
    // Articles stored before keep their glued names until re-extracted.
    db.exec(kGluedFormsV3);
    // Whether no word in its article typed an entity (its type a default): a person only
    // guessed is no person to join glued names to. Older rows count as typed.
    if (!has_column(db, "doc_entities", "type_guessed"))
      db.exec("ALTER TABLE doc_entities ADD COLUMN type_guessed INTEGER NOT NULL DEFAULT 0");
    db.exec("PRAGMA user_version = 3");
  }
  if (version < 4) {
    // Co-occurrence evidence moves from one row per sentence to one blob per article.
    db.exec(kCooccurrencesV4);
    migrate_cooccurrence_evidence(db);
    // merge_log names the article entity it logs, and leaves out the decisions the rows of
    // doc_entities already say (a new entity, a gazetteer id met again).
    if (!has_column(db, "merge_log", "doc_entity_key")) {
      db.exec("ALTER TABLE merge_log ADD COLUMN doc_entity_key INTEGER");
      db.exec(kMergeLogEntitiesV4);
    }
    db.exec("PRAGMA user_version = 4");
  }
  if (version < 5) {
    // Search: names and alias by any word, and the evidence sentences (built from the
    // rows already there for an older store).
    for (const SearchIndex& index : kSearchIndexes) db.exec(search_index(index).c_str());
    // The distinct words of every name, for the typo-tolerant lookup.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS name_words USING fts5vocab(name_search, 'row')");
    db.exec("PRAGMA user_version = 5");
  }
  if (version < 6) {
    // Where an article was published (JSON Lines "url", "outlet", "category"), for
    // exports and the API to cite; '' for older rows and when not given.
    for (const char* column : {"url", "outlet", "category"})
      if (!has_column(db, "documents", column))
        db.exec(("ALTER TABLE documents ADD COLUMN " + std::string(column) + " TEXT NOT NULL DEFAULT ''").c_str());
    db.exec("PRAGMA user_version = 6");
  }
  if (version < 7) {
    // Relations by predicate only for typed ones: the look-ups by predicate ask for a typed
    // one, and co-occurrences (98% of the rows) made every new pair write one more index.
    db.exec("DROP INDEX IF EXISTS relations_by_predicate");
    db.exec(kTypedRelationsIndexV7);
    // New rows are queued for search by the code that inserts them, not by a trigger.
    for (const SearchIndex& index : kSearchIndexes)
      db.exec(("DROP TRIGGER IF EXISTS " + index.table + "_searched").c_str());
    db.exec("PRAGMA user_version = 7");
  }
  if (version < 8) {
    // An article entity's mentions are one blob in its row (article_mentions.h), not a row
    // each: 580k rows and their index were a tenth of a 25k-article store.
    if (!has_column(db, "doc_entities", "mentions")) {
      db.exec("ALTER TABLE doc_entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0");
      db.exec("ALTER TABLE doc_entities ADD COLUMN mentions BLOB NOT NULL DEFAULT x''");
    }
    fold_mention_rows(db);
    // Which entities each write touched (change_log.h), so kept answers about others stay.
    db.exec("CREATE TABLE IF NOT EXISTS changes (version INTEGER PRIMARY KEY, entities BLOB NOT NULL, "
            "relabelled BLOB NOT NULL, everything INTEGER NOT NULL)");
    db.exec("PRAGMA user_version = 8");
  }
  if (version < 9) {
    // Relations hold their predicate and modality as codes (relation_codes.h): a tenth of
    // the table and of its unique index went on repeating 'CO_OCCURS' and 'asserted'. And
    // confidence in thousandths: two bytes, not a float's eight.
    db.exec(code_tables_sql().c_str());
    if (!has_column(db, "relations", "confidence_permille")) {
      refuse_unknown_names(db);
      db.exec(relations_with_codes_v9().c_str());
    }
    db.exec("DROP INDEX IF EXISTS relations_typed_by_predicate");  // version 7 wrote it for names
    db.exec("CREATE INDEX relations_typed_by_predicate ON relations(predicate) WHERE predicate <> 0 /* CO_OCCURS */");
    // Entities by label only for the one look-up by label, a one-word person's: a fifth of
    // the entities.
    db.exec("DROP INDEX IF EXISTS entities_by_label_key");
    db.exec("CREATE INDEX IF NOT EXISTS entities_one_word_people ON entities(label_key) "
            "WHERE type = 'PERSON' AND from_gazetteer = 0 AND instr(label_key, ' ') = 0");
    // And sentence hashes as integers: a table rebuilt, its search triggers made again.
    if (column_type(db, "sentences", "hash") == "TEXT") {
      db.define_function("hash_of_hex", 1, &hash_of_hex_function);
      db.exec(kSentencesHashedV9);
      for (const SearchIndex& index : kSearchIndexes)
        if (index.table == "sentences") db.exec(search_triggers(index).c_str());
    }
    db.exec("PRAGMA user_version = 9");
  }
  if (version < 10) {
    // Content hashes of 128 bits read 16 bytes a step (hashing.h) for new rows; the rows
    // already there keep their 64-bit FNV-1a, and the store notes how many hold one so it
    // compares a text with both forms (keeps_legacy_hashes).
    db.exec("INSERT OR REPLACE INTO meta(key, value) SELECT 'legacy_content_hashes', COUNT(*) FROM documents "
            "WHERE length(content_hash) = 16");
    db.exec("PRAGMA user_version = 10");
  }
  if (version < 11) {
    // What the extractor said of an article's entity where its row no longer says it (a
    // label the glued-form rule shortened) or cannot (the names that may follow glued
    // words): so that `merge` writes the article again from its rows alone
    // (stored_article.h). Older rows keep '': their glued names are not offered again.
    if (!has_column(db, "doc_entities", "extracted"))
      db.exec("ALTER TABLE doc_entities ADD COLUMN extracted TEXT NOT NULL DEFAULT ''");
    // Articles in canonical order (canonical_order.h): the last one, which tells
    // whether a new article arrives out of that order, and the order a rewrite follows.
    db.exec("CREATE INDEX IF NOT EXISTS documents_by_date ON documents(published, id)");
    // A store written before knows no order: out of it when its articles were not written in it.
    db.exec((std::string("INSERT OR REPLACE INTO meta(key, value) SELECT 'out_of_order', EXISTS (SELECT 1 FROM "
                         "(SELECT ROW_NUMBER() OVER (ORDER BY ") +
             kCanonicalOrderSql +
             ") AS canonical, ROW_NUMBER() OVER (ORDER BY doc_key) AS written FROM documents) WHERE canonical <> "
             "written)")
                .c_str());
    db.exec("PRAGMA user_version = 11");
  }
  if (version < 12) {
    // A sentence an article repeats is no syndicated copy (insert_sentence): the flags an
    // older newsgraph set for that alone are taken off, and the relations they counted in
    // recounted.
    std::vector<int64_t> hashes;
    {
      Statement q = db.prepare(
          "SELECT DISTINCT hash FROM sentences s WHERE syndicated = 1 AND hash IS NOT NULL AND NOT EXISTS "
          "(SELECT 1 FROM sentences e WHERE e.hash = s.hash AND e.doc_key < s.doc_key)");
      while (q.step()) hashes.push_back(q.column_int(0));
    }
    for (int64_t hash : hashes)
      for (int64_t relation : update_syndication(db, hash)) recount_relation(db, relation);
    db.exec("PRAGMA user_version = 12");
  }
  // Later versions: `if (version < 13) { ALTER ...; PRAGMA user_version = 13; }`.
  tx.commit();
}

}  // namespace newsgraph::store
