// Store: open, ingest, remove. Each public call is one transaction and turns any
// StoreError into a Status, so nothing half-written survives a failure.
#include "store/store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "core/relation_order.h"
#include "store/article_mentions.h"
#include "store/canonical_order.h"
#include "store/cooccurrences.h"
#include "store/hashing.h"
#include "store/queries.h"
#include "store/relation_codes.h"
#include "store/relation_tally.h"
#include "store/schema.h"
#include "store/store_internal.h"
#include "store/stored_article.h"

namespace newsgraph::store {
namespace {

struct DocRow {
  int64_t key = 0;
  std::string id, hash;
};

bool find_document(Db& db, const char* sql, const std::string& value, DocRow* out,
                   const std::string* second_value = nullptr) {
  Statement q = db.prepare(sql);
  q.bind(1, value);
  if (second_value) q.bind(2, *second_value);
  if (!q.step()) return false;
  *out = {q.column_int(0), q.column_text(1), q.column_text(2)};
  return true;
}

// Where an article stands in the store: the row stored under its id, if any, and whether
// it holds the same text; and, when ingesting it would change nothing (its id with the
// same text and no re-extraction asked, or its text under another id), the id it is
// stored under. `hash` is content_hash(doc.text); where the store keeps hashes of the
// older form (`legacy_hashes`), a row matches by either.
struct Standing {
  bool known_id = false;
  bool same_text = false;
  DocRow row;
  std::optional<std::string> unchanged_as;
};

Standing standing_of(Db& db, const Document& doc, const std::string& hash, bool reextract, bool legacy_hashes) {
  Standing s;
  s.known_id = find_document(db, "SELECT doc_key, id, content_hash FROM documents WHERE id = ?", doc.id, &s.row);
  if (s.known_id) {
    s.same_text = s.row.hash == hash ||
                  (legacy_hashes && s.row.hash.size() != hash.size() && s.row.hash == legacy_content_hash(doc.text));
    if (s.same_text && !reextract) s.unchanged_as = doc.id;
    return s;
  }
  bool found = false;
  if (legacy_hashes) {
    const std::string legacy = legacy_content_hash(doc.text);
    found = find_document(db, "SELECT doc_key, id, content_hash FROM documents WHERE content_hash IN (?1, ?2) "
                              "ORDER BY doc_key LIMIT 1",
                          hash, &s.row, &legacy);
  } else {
    found = find_document(db, "SELECT doc_key, id, content_hash FROM documents WHERE content_hash = ? "
                              "ORDER BY doc_key LIMIT 1",
                          hash, &s.row);
  }
  if (found) s.unchanged_as = s.row.id;
  return s;
}

// The last stored article in canonical order (canonical_order.h), if any: the last
// undated one, else the last dated one. O(log documents) (the index documents_by_date).
std::optional<std::pair<std::string, std::string>> last_article(Db& db) {
  Statement undated = db.prepare("SELECT published, id FROM documents WHERE published = '' ORDER BY id DESC LIMIT 1");
  if (undated.step()) return std::make_pair(undated.column_text(0), undated.column_text(1));
  Statement dated = db.prepare("SELECT published, id FROM documents ORDER BY published DESC, id DESC LIMIT 1");
  if (dated.step()) return std::make_pair(dated.column_text(0), dated.column_text(1));
  return std::nullopt;
}

void mark_out_of_order(Db& db) {
  db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, 1)").bind(1, kOutOfOrderKey).run();
}

// Whether taking the article out leaves the store that writing the others in canonical
// order gives. Not when later articles merged their entities with it: that stays. Nor
// when an entity no gazetteer fixes outlives it: refreshing the entity from the articles
// left recomputes its label, type and short forms, which writing them in order may have
// made otherwise ("Kirby" thrice, then "John Kirby" relabels it; without a later "Kirby"
// the refresh says "Kirby"). O(its entities).
bool removal_undoes_it(Db& db, int64_t doc_key) {
  Statement q = db.prepare("SELECT id FROM documents WHERE doc_key = ?");
  q.bind(1, doc_key);
  if (!q.step()) return true;
  const std::optional<std::pair<std::string, std::string>> last = last_article(db);
  if (last && last->second != q.column_text(0)) return false;
  Statement shared = db.prepare(
      "SELECT 1 FROM doc_entities de JOIN entities n ON n.entity_key = de.entity_key WHERE de.doc_key = ?1 "
      "AND n.from_gazetteer = 0 AND EXISTS (SELECT 1 FROM doc_entities o WHERE o.entity_key = de.entity_key "
      "AND o.doc_key <> ?1) LIMIT 1");
  shared.bind(1, doc_key);
  return !shared.step();
}

// Deletes a document's rows; recounts what they supported and refreshes the entities
// they named (deleting the orphans). Marks the store out of canonical order unless that
// undoes the article exactly.
void remove_document(Db& db, int64_t doc_key) {
  if (!removal_undoes_it(db, doc_key)) mark_out_of_order(db);
  std::set<int64_t> relations, entities;
  std::set<int64_t> hashes;
  {
    Statement q = db.prepare("SELECT DISTINCT relation_key FROM evidence WHERE doc_key = ?");
    q.bind(1, doc_key);
    while (q.step()) relations.insert(q.column_int(0));
  }
  {
    Statement q = db.prepare("SELECT DISTINCT entity_key FROM doc_entities WHERE doc_key = ?");
    q.bind(1, doc_key);
    while (q.step()) entities.insert(q.column_int(0));
  }
  {
    Statement q = db.prepare("SELECT DISTINCT hash FROM sentences WHERE doc_key = ? AND hash IS NOT NULL");
    q.bind(1, doc_key);
    while (q.step()) hashes.insert(q.column_int(0));
  }
  const std::vector<EntityPair> cooccurrences = withdraw_article_pairs(db, doc_key);
  for (const char* sql : {
           "DELETE FROM evidence WHERE doc_key = ?",
           "DELETE FROM cooccurrences WHERE doc_key = ?",
           "DELETE FROM glued_forms WHERE doc_entity_key IN "
           "(SELECT doc_entity_key FROM doc_entities WHERE doc_key = ?)",
           "DELETE FROM doc_entities WHERE doc_key = ?",
           "DELETE FROM sentences WHERE doc_key = ?",
           "DELETE FROM merge_log WHERE doc_key = ?",
           "DELETE FROM documents WHERE doc_key = ?",
       }) {
    db.prepare(sql).bind(1, doc_key).run();
  }
  for (int64_t h : hashes)
    for (int64_t r : update_syndication(db, h)) relations.insert(r);
  for (int64_t r : relations) recount_relation(db, r);
  for (const EntityPair& pair : cooccurrences) recount_cooccurrence(db, pair);
  for (int64_t e : entities) refresh_entity(db, e);
}

// Marks the store out of canonical order (kOutOfOrderKey) when `doc` sorts before the
// last article stored; else it is the last. O(log documents) the first time a
// connection asks, O(1) after.
void note_arrival(Db& db, Store::Impl& impl, const Document& doc) {
  if (!impl.latest_known) {
    impl.latest = last_article(db);
    impl.latest_known = true;
  }
  if (impl.latest && sorts_before(doc.published, doc.id, impl.latest->first, impl.latest->second)) {
    mark_out_of_order(db);
    return;
  }
  impl.latest.emplace(doc.published, doc.id);
}

// Stores a sentence evidence points to (once per article); returns whether an earlier
// article has the same sentence (syndicated): every other article stored is earlier (its
// key is lower), and a sentence the article itself repeats is no copy of another's.
bool insert_sentence(Db& db, int64_t doc_key, const Document& doc, const Extraction& x,
                     uint32_t index, std::vector<int8_t>& stored) {
  if (index >= x.sentences.size()) return false;
  if (stored[index] >= 0) return stored[index] != 0;
  Span span = x.sentences[index].span;
  std::string_view text = std::string_view(doc.text).substr(span.start, span.end - span.start);
  const std::optional<int64_t> hash = sentence_hash(text);
  bool syndicated = false;
  WriterMemo* memo = db.memo();
  if (hash && (!memo || memo->may_have_sentence(*hash))) {  // most sentences are in no other article
    Statement q = db.prepare("SELECT 1 FROM sentences WHERE hash = ? AND doc_key <> ? LIMIT 1");
    q.bind(1, *hash).bind(2, doc_key);
    syndicated = q.step();
  }
  Statement s = db.prepare(
      "INSERT INTO sentences(doc_key, idx, start, end, text, hash, syndicated) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, doc_key).bind(2, int64_t{index}).bind(3, int64_t{span.start}).bind(4, int64_t{span.end});
  s.bind_kept(5, text);  // the article's text, alive through run()
  if (hash) s.bind(6, *hash);  // else NULL: too short to count as a copy
  s.bind(7, int64_t{syndicated}).run();
  if (hash && memo) memo->note_sentence(*hash);
  queue_for_search(db, Searched::kSentences, db.last_insert_id());
  stored[index] = syndicated ? 1 : 0;
  return syndicated;
}

// Adds a new article's contribution to a relation, creating it when it is new: one
// UPSERT by the triple's unique index, so a new relation (most of them) costs no
// look-up that finds nothing. Gives the counts recount_relation() would, without
// re-reading older evidence. *created says whether it is new. Returns the relation's key
// when it is new or `want_key` (one more look-up for a relation already stored), else 0.
// O(log relations). A connection with a tally adds it there (relation_tally.h).
int64_t add_contribution(Db& db, int64_t subject_key, Predicate predicate, int64_t object_key,
                         const Contribution& c, const std::string& date, bool want_key, bool* created) {
  if (RelationTally* tally = db.tally())  // it tells the memo when it writes them
    return tally->add(db, subject_key, predicate_code(predicate), object_key, c, date, created);
  db.set_last_insert_id(0);  // the UPSERT sets it only when it inserts
  db.prepare(R"SQL(
    INSERT INTO relations(subject_key, predicate, object_key, weight, independent, evidence_count,
                          modality, confidence_permille, first_seen, last_seen)
    VALUES (?1, ?2, ?3, 1, ?4, ?5, CASE WHEN ?6 THEN 0 /* asserted */ ELSE ?7 END, ?8, ?9, ?9)
    ON CONFLICT (subject_key, predicate, object_key) DO UPDATE SET
      modality = CASE WHEN ?6 THEN 0 /* asserted */ WHEN evidence_count = 0 THEN ?7 ELSE modality END,
      weight = weight + 1,
      independent = independent + ?4,
      evidence_count = evidence_count + ?5,
      confidence_permille = MAX(confidence_permille, ?8),
      first_seen = CASE WHEN ?9 <> '' AND (first_seen = '' OR ?9 < first_seen) THEN ?9 ELSE first_seen END,
      last_seen = CASE WHEN ?9 > last_seen THEN ?9 ELSE last_seen END)SQL")
      .bind(1, subject_key)
      .bind(2, predicate_code(predicate))
      .bind(3, object_key)
      .bind(4, int64_t{c.independent})
      .bind(5, c.evidence)
      .bind(6, int64_t{c.asserted})
      .bind(7, modality_code(c.first_modality))
      .bind(8, permille_of(c.confidence))
      .bind_kept(9, date)
      .run();
  if (WriterMemo* memo = db.memo()) memo->note_relation(predicate_code(predicate), subject_key, object_key);
  const int64_t inserted = db.last_insert_id();
  *created = inserted != 0;
  if (*created || !want_key) return inserted;
  Statement q = db.prepare(
      "SELECT relation_key FROM relations WHERE subject_key = ? AND predicate = ? AND object_key = ?");
  q.bind(1, subject_key).bind(2, predicate_code(predicate)).bind(3, object_key);
  if (!q.step()) throw StoreError{"a relation updated was not found"};
  return q.column_int(0);
}

void insert_extraction(Db& db, int64_t doc_key, const Document& doc, const Extraction& x,
                       IngestResult* result, StoreChanges* changed) {
  const std::string date = doc.published.substr(0, 10);  // '' when undated: it dates nothing
  // Each of the article's entities as stored: doc entity and entity keys, or 0 and 0
  // where it was left out.
  std::vector<std::pair<int64_t, int64_t>> stored_as(x.entities.size());
  const std::vector<std::vector<Tie>> ties = ties_of(x);
  const bool deletions = any_name_deleted(db);  // one query an article, not one an entity
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    if (deletions && name_deleted(db, e.label)) continue;  // the user deleted it: its relations go too
    MergeOutcome m = merge_entity(db, e, ties[i]);
    if (m.created) ++result->entities_added;
    db.prepare(
          "INSERT INTO doc_entities(doc_key, local_id, label, aliases, type, from_gazetteer, "
          "entity_key, type_guessed, mention_count, mentions, extracted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, doc_key)
        .bind_kept(2, e.id)
        .bind_kept(3, m.label)
        .bind_kept(4, join_aliases(e.aliases))  // a temporary of this expression: alive through run()
        .bind_kept(5, m.unglued ? "PERSON" : entity_type_name(e.type))
        .bind(6, int64_t{e.from_gazetteer})
        .bind(7, m.entity_key)
        .bind(8, int64_t{e.type_guessed && !m.unglued})
        .bind(9, static_cast<int64_t>(e.mentions.size()))
        .bind_blob_kept(10, encode_mentions(e.mentions))
        .bind_kept(11, needs_extracted(e, m.unglued) ? encode_extracted(e) : std::string())
        .run();
    int64_t doc_entity = db.last_insert_id();
    log_merge(db, doc_key, doc_entity, e.label, m);
    if (!m.unglued) add_glued_forms(db, doc_entity, e.glued_cores);
    stored_as[i] = {doc_entity, m.entity_key};
    changed->entities.push_back(m.entity_key);
    if (m.relabelled) changed->relabelled.push_back(m.entity_key);
  }
  // The article's relations by the stored relation each is (two local entities may be one
  // stored entity; a symmetric pair is stored in key order), in the article's order.
  struct Part {
    const Relation* relation;  // a typed relation, or null for co-occurrences [first, last)
    const CoOccurrence *first, *last;
    int64_t subject_doc_entity, object_doc_entity;
  };
  struct Stored {
    int64_t subject_key, object_key;
    Predicate predicate;
    std::vector<Part> parts;
  };
  std::vector<Stored> stored;
  std::map<std::tuple<int64_t, int, int64_t>, size_t> index_of;
  auto add_part = [&](uint32_t subject, Predicate predicate, uint32_t object, Part part) {
    const auto [subject_doc_entity, subject_entity] = stored_as[subject];
    const auto [object_doc_entity, object_entity] = stored_as[object];
    if (subject_doc_entity == 0 || object_doc_entity == 0) return;  // a party was left out
    int64_t subject_key = subject_entity, object_key = object_entity;
    if (is_symmetric(predicate) && object_key < subject_key) std::swap(subject_key, object_key);
    auto [at, added] =
        index_of.emplace(std::make_tuple(subject_key, static_cast<int>(predicate), object_key), stored.size());
    if (added) stored.push_back({subject_key, object_key, predicate, {}});
    part.subject_doc_entity = subject_doc_entity;
    part.object_doc_entity = object_doc_entity;
    stored[at->second].parts.push_back(part);
  };
  for_each_relation(
      x, [&](const Relation& r) { add_part(r.subject, r.predicate, r.object, {&r, nullptr, nullptr, 0, 0}); },
      [&](size_t begin, size_t end) {
        const CoOccurrence* c = x.cooccurrences.data();
        add_part(c[begin].first, Predicate::kCoOccurs, c[begin].second, {nullptr, c + begin, c + end, 0, 0});
      });
  std::vector<int8_t> sentences(x.sentences.size(), -1);  // stored yet? -1 no, else syndicated
  std::vector<ArticlePair> cooccurring;
  for (const Stored& st : stored) {
    Contribution c;
    if (st.predicate == Predicate::kCoOccurs) {
      // One row per pair, no evidence rows: the article's pairs go in its blob.
      for (const Part& part : st.parts) {
        ArticlePair& p = cooccurring.emplace_back();
        p.first = part.subject_doc_entity;
        p.second = part.object_doc_entity;
        for (const CoOccurrence* co = part.first; co != part.last; ++co) {
          c.independent = !insert_sentence(db, doc_key, doc, x, co->sentence, sentences) || c.independent;
          p.sentences.push_back(co->sentence);
        }
        c.evidence += part.last - part.first;
      }
      c.asserted = true;
      c.confidence = kCooccurrenceConfidence;
      if (st.subject_key == st.object_key) continue;  // one entity: a later split may part them
    } else {
      for (const Part& part : st.parts) {
        for (const Evidence& ev : part.relation->evidence) {
          bool syndicated = insert_sentence(db, doc_key, doc, x, ev.sentence, sentences);
          if (c.evidence++ == 0) c.first_modality = ev.modality;
          c.independent = c.independent || !syndicated;
          c.asserted = c.asserted || ev.modality == Modality::kAsserted;
          c.confidence = std::max(c.confidence, part.relation->confidence);
        }
      }
    }
    const bool typed = st.predicate != Predicate::kCoOccurs;  // only typed relations keep evidence rows
    bool created = false;
    const int64_t relation =
        add_contribution(db, st.subject_key, st.predicate, st.object_key, c, date, typed, &created);
    if (created) ++result->relations_added;
    if (!typed) continue;
    for (const Part& part : st.parts) {
      const Relation& r = *part.relation;
      for (const Evidence& ev : r.evidence) {
        db.prepare(
              "INSERT INTO evidence(relation_key, doc_key, sentence, subject_doc_entity, "
              "object_doc_entity, predicate, cue, rule, modality, confidence) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, relation)
            .bind(2, doc_key)
            .bind(3, int64_t{ev.sentence})
            .bind(4, part.subject_doc_entity)
            .bind(5, part.object_doc_entity)
            .bind(6, predicate_name(r.predicate))
            .bind(7, ev.cue)
            .bind(8, ev.rule)
            .bind(9, modality_name(ev.modality))
            .bind(10, r.confidence)
            .run();
      }
    }
  }
  store_article_pairs(db, doc_key, cooccurring, kCooccurrenceConfidence);  // writes nothing for no pairs
}

// Upgrades a store an older newsgraph wrote, which a reader is about to open, on a
// connection of its own (the upgrade its next writer would make), so read-only commands
// find the tables and columns they ask for. Where the file cannot be written (read-only,
// a busy writer) it stays as it is, and the reader goes on with the older schema.
void upgrade_for_reading(const std::string& path) {
  try {
    Db writer;
    if (!writer.open(path, false, false).is_ok()) return;
    writer.exec("PRAGMA journal_mode = WAL");
    writer.set_before_commit(search_index_flush());
    migrate_schema(writer);
  } catch (const StoreError&) {
    // Left as it is: a failed migration rolls back whole.
  }
}

}  // namespace

const char* ingest_outcome_name(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kNew: return "new";
    case IngestOutcome::kUnchanged: return "unchanged";
    case IngestOutcome::kReplaced: return "replaced";
    case IngestOutcome::kReextracted: return "reextracted";
  }
  return "new";
}

Store::~Store() {
  if (in_batch_) commit_batch();
}

Status Store::open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out) {
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  store->impl_ = std::make_unique<Impl>(options.memo_after_articles);
  Db& db = store->impl_->db;
  Status st = db.open(path, options.create, options.read_only);
  if (!st.is_ok()) return st;
  try {
    if (options.read_only) {
      const int version = schema_version(db);
      if (version > 0 && version < kSchemaVersion) {
        db.close();
        upgrade_for_reading(path);
        st = db.open(path, options.create, options.read_only);
        if (!st.is_ok()) return st;
      }
    }
    db.set_lock_wait(options.lock_wait_ms);
    define_mention_functions(db);
    // No memory-mapped reads: on a 600 MB store they added 700 MB to an export's
    // resident memory (1.6 GB against 0.9 GB) and nothing to its speed or ingest's.
    db.exec("PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; "
            "PRAGMA cache_size = -131072;");
    store->impl_->read_only = options.read_only;
    if (!options.read_only) {
      db.exec("PRAGMA journal_mode = WAL");
      migrate_schema(db);
      db.set_before_commit(search_index_flush());
      db.set_memo(&store->impl_->memo);
    }
    Statement q = db.prepare("SELECT 1 FROM documents LIMIT 1");
    q.step();
    if (!options.read_only) store->impl_->legacy_hashes = keeps_legacy_hashes(db);
    store->impl_->origin_columns = has_column(db, "documents", "url") ? "url, outlet, category" : "'', '', ''";
    store->impl_->mention_rows = !has_column(db, "doc_entities", "mentions");
    if (options.read_only && has_column(db, "relations", "predicate") &&
        !has_column(db, "relations", "confidence_permille"))
      db.exec(relations_by_code_view_sql().c_str());
  } catch (const StoreError& e) {
    if (e.busy) return store_error_status(path, e);  // another process writes it (an upgrade waits for the lock)
    return Status::error(StatusCode::kIoError, path + ": not a newsgraph store (" + e.message + ")");
  }
  *out = std::move(store);
  return Status::ok();
}

Status Store::unchanged(const Document& doc, const IngestOptions& options, bool* is_unchanged,
                        IngestResult* result) {
  Db& db = impl_->db;
  *is_unchanged = false;
  *result = IngestResult{};
  result->doc_id = doc.id;
  try {
    const Standing s = standing_of(db, doc, content_hash(doc.text), options.reextract, impl_->legacy_hashes);
    *is_unchanged = s.unchanged_as.has_value();
    if (*is_unchanged) {
      result->outcome = IngestOutcome::kUnchanged;
      result->doc_id = *s.unchanged_as;
    }
  } catch (const StoreError& e) {
    return store_error_status(path_, e);
  }
  return Status::ok();
}

Status Store::ingest(const Document& doc, const Extraction& extraction, const IngestOptions& options,
                     IngestResult* result) {
  if (!in_batch_) return write_article(doc, extraction, options, result);
  return ingest(Document(doc), Extraction(extraction), options, result);
}

Status Store::ingest(Document&& doc, Extraction&& extraction, const IngestOptions& options, IngestResult* result) {
  if (!in_batch_) return write_article(doc, extraction, options, result);
  Status s = write_in_batch([&] { return write_article(doc, extraction, options, result); });
  if (s.is_ok() && result->outcome != IngestOutcome::kUnchanged)
    impl_->batch.push_back({false, std::move(doc), std::move(extraction), options});
  return s;
}

Status Store::write_article(const Document& doc, const Extraction& extraction, const IngestOptions& options,
                            IngestResult* result, const CopiedFacts* copied) {
  Db& db = impl_->db;
  *result = IngestResult{};
  result->doc_id = doc.id;
  try {
    std::optional<Transaction> tx;  // in a batch, the batch's
    if (!in_batch_) tx.emplace(db);
    if (impl_->memo.prepare(db)) impl_->latest_known = false;  // another process may have written a later one
    const std::string hash = copied ? copied->content_hash : content_hash(doc.text);
    const Standing s = standing_of(db, doc, hash, options.reextract, impl_->legacy_hashes);
    if (s.unchanged_as) {
      result->outcome = IngestOutcome::kUnchanged;
      result->doc_id = *s.unchanged_as;
      return Status::ok();
    }
    if (s.known_id) {
      remove_document(db, s.row.key);
      result->outcome = s.same_text ? IngestOutcome::kReextracted : IngestOutcome::kReplaced;
    }
    note_arrival(db, *impl_, doc);
    db.prepare(
          "INSERT INTO documents(id, content_hash, title, source, published, ingested_at, bytes, url, outlet, "
          "category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, doc.id)
        .bind(2, hash)
        .bind(3, doc.title)
        .bind(4, doc.source)
        .bind(5, doc.published)
        .bind(6, copied ? copied->ingested_at : utc_now_iso())
        .bind(7, static_cast<int64_t>(doc.text.size()))
        .bind(8, doc.url)
        .bind(9, doc.outlet)
        .bind(10, doc.category)
        .run();
    StoreChanges changed;
    changed.everything = s.known_id;  // a replaced article's old entities and relations changed too
    insert_extraction(db, db.last_insert_id(), doc, extraction, result, &changed);
    record_change(changed);
    if (tx) tx->commit();
  } catch (const StoreError& e) {
    impl_->forget_uncommitted();  // the rows it wrote are rolled back
    return store_error_status(path_, e);
  }
  return Status::ok();
}

std::unique_ptr<Store> open_second_reader(Store& store) {
  int64_t first = -1;  // the version the first connection reads (and pins, if it had not)
  if (!data_version(store, &first).is_ok()) return nullptr;
  const StoreOptions options = StoreOptions::for_reading();
  std::unique_ptr<Store> second;
  if (!Store::open(store.path(), options, &second).is_ok()) return nullptr;
  try {
    second->impl().db.exec("BEGIN");  // rolled back when the connection closes
  } catch (const StoreError&) {
    return nullptr;
  }
  int64_t seen = -1;
  if (!data_version(*second, &seen).is_ok() || seen != first) return nullptr;
  return second;
}

ReadSnapshot::ReadSnapshot(Store& store) : store_(store) {
  Db& db = store_.impl().db;
  if (!db.in_transaction()) {
    try {
      db.prepare("BEGIN").run();
      began_ = true;
    } catch (const StoreError&) {
      // Without the snapshot each query still reads committed data on its own.
    }
  }
}

ReadSnapshot::~ReadSnapshot() {
  if (!began_) return;
  try {
    store_.impl().db.prepare("COMMIT").run();
  } catch (const StoreError&) {
    try {
      store_.impl().db.exec("ROLLBACK");
    } catch (const StoreError&) {
    }
  }
}

template <class Write>
Status Store::write_in_batch(Write&& write) {
  Status s;
  try {
    s = write();
  } catch (...) {
    redo_batch();  // what the write left half done goes; the batch stays whole
    throw;
  }
  if (s.is_ok()) return s;
  if (Status redone = redo_batch(); !redone.is_ok()) return redone;
  return s;
}

Status Store::redo_batch() {
  Db& db = impl_->db;
  std::vector<Impl::BatchStep> steps = std::move(impl_->batch);
  impl_->batch.clear();
  Status failed;
  impl_->batch_changes.reset();  // the rollback undoes them; the steps written again record them again
  impl_->forget_uncommitted();
  try {
    db.exec("ROLLBACK");
    db.exec("BEGIN IMMEDIATE");
  } catch (const StoreError& e) {
    failed = store_error_status(path_, e);
  }
  for (size_t k = 0; failed.is_ok() && k < steps.size(); ++k) {
    const Impl::BatchStep& step = steps[k];
    IngestResult ignored;
    bool found = false;
    failed = step.removal ? remove_article(step.doc.id, &found)
                          : write_article(step.doc, step.extraction, step.options, &ignored);
  }
  if (failed.is_ok()) {
    impl_->batch = std::move(steps);
    return failed;
  }
  abandon_batch();
  return Status::error(failed.code(), "a write failed, and writing the " + std::to_string(steps.size()) +
                                          " earlier ones of the batch again failed too; nothing since the "
                                          "last commit is stored: " + failed.message());
}

void Store::abandon_batch() {
  try {
    impl_->db.exec("ROLLBACK");  // the transaction may be open or already gone: leave none behind
  } catch (const StoreError&) {
  }
  in_batch_ = false;
  impl_->batch.clear();
  impl_->batch_changes.reset();
  impl_->forget_uncommitted();
}

Status Store::begin_batch() {
  if (in_batch_) return Status::ok();
  impl_->batch.clear();
  impl_->batch_changes.reset();
  try {
    // A bulk writer checkpoints the WAL every 64 MB rather than every 4 MB (SQLite's
    // default): pages written again and again in the same minute are copied back once;
    // and it keeps a 512 MB page cache.
    if (!impl_->bulk_pragmas) {
      impl_->db.exec("PRAGMA wal_autocheckpoint = 16384; PRAGMA cache_size = -524288");
      impl_->bulk_pragmas = true;
    }
    impl_->db.exec("BEGIN IMMEDIATE");
  } catch (const StoreError& e) {
    return store_error_status(path_, e);
  }
  in_batch_ = true;
  return Status::ok();
}

Status Store::commit_batch() {
  if (!in_batch_) return Status::ok();
  in_batch_ = false;
  impl_->batch.clear();
  std::optional<StoreChanges> changed = std::move(impl_->batch_changes);
  impl_->batch_changes.reset();
  try {
    if (changed) bump_version(impl_->db, *changed);
    impl_->db.commit();
  } catch (const StoreError& e) {
    abandon_batch();
    const Status failed = store_error_status(path_, e);
    return Status::error(failed.code(), "the batch could not be committed; nothing since the last commit is "
                                        "stored: " + failed.message());
  }
  return Status::ok();
}

void Store::record_change(const StoreChanges& changed) {
  if (!in_batch_) {
    bump_version(impl_->db, changed);
    return;
  }
  if (!impl_->batch_changes) impl_->batch_changes.emplace();
  StoreChanges& all = *impl_->batch_changes;
  all.everything = all.everything || changed.everything;
  if (all.everything) {  // the entities no longer matter
    all.entities.clear();
    all.relabelled.clear();
    return;
  }
  all.entities.insert(all.entities.end(), changed.entities.begin(), changed.entities.end());
  all.relabelled.insert(all.relabelled.end(), changed.relabelled.begin(), changed.relabelled.end());
}

Status Store::remove(const std::string& doc_id, bool* found) {
  if (!in_batch_) return remove_article(doc_id, found);
  Status s = write_in_batch([&] { return remove_article(doc_id, found); });
  if (s.is_ok() && *found) {
    Impl::BatchStep& step = impl_->batch.emplace_back();
    step.removal = true;
    step.doc.id = doc_id;
  }
  return s;
}

Status Store::remove_article(const std::string& doc_id, bool* found) {
  Db& db = impl_->db;
  *found = false;
  try {
    std::optional<Transaction> tx;  // in a batch, the batch's
    if (!in_batch_) tx.emplace(db);
    DocRow row;
    if (find_document(db, "SELECT doc_key, id, content_hash FROM documents WHERE id = ?", doc_id, &row)) {
      remove_document(db, row.key);
      record_change(everything_changed());
      *found = true;
    }
    if (tx) tx->commit();
  } catch (const StoreError& e) {
    return store_error_status(path_, e);
  }
  return Status::ok();
}

Status out_of_canonical_order(Store& store, bool* out_of_order) {
  *out_of_order = false;
  try {
    Statement q = store.impl().db.prepare("SELECT value FROM meta WHERE key = ?");
    q.bind(1, kOutOfOrderKey);
    *out_of_order = q.step() && q.column_int(0) != 0;
  } catch (const StoreError& e) {
    return store_error_status(store.path(), e);
  }
  return Status::ok();
}

void Store::set_lock_wait(int milliseconds) { impl_->db.set_lock_wait(milliseconds); }

Status Store::check_integrity(bool* ok, std::string* detail) {
  try {
    Statement q = impl_->db.prepare("PRAGMA integrity_check");
    detail->clear();
    while (q.step()) {
      if (!detail->empty()) detail->push_back('\n');
      *detail += q.column_text(0);
    }
    *ok = *detail == "ok";
  } catch (const StoreError& e) {
    return store_error_status(path_, e);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
