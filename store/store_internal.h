// Internals shared by the store's .cpp files (and read by graph/'s loaders): the
// connection, and the routines that keep derived rows (entity labels and aliases,
// relation counts, syndication flags) consistent with the evidence they come from.
// Callers hold a transaction.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/types.h"
#include "store/writer_memo.h"
#include "store/queries.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace newsgraph::store {

struct Store::Impl {
  explicit Impl(size_t memo_after_articles) : memo(memo_after_articles) {}
  Db db;
  // What the open batch has written, to write again when a failed article is undone with
  // the whole batch. A batch takes no savepoint an article: a savepoint copies every page
  // an article first touches into a journal (some 200 a pool article), and undoing one is rare.
  struct BatchStep {
    bool removal = false;  // remove(doc.id), else ingest(doc, extraction, options)
    Document doc;
    Extraction extraction;
    IngestOptions options;
  };
  std::vector<BatchStep> batch;
  // What the open batch changed: recorded at one new version when it commits (readers
  // see no version inside a transaction), not at one an article.
  std::optional<StoreChanges> batch_changes;
  // What the writer knows of the keys stored, so writing asks SQL less (writer_memo.h).
  WriterMemo memo;
  bool bulk_pragmas = false;  // a batch widened the WAL checkpoint interval and page cache
  bool read_only = false;     // opened for reading only: counts are not kept in meta
  // What to select for an article's url, outlet and category: the columns, or '' for each
  // in a store an older newsgraph wrote that could not be upgraded (a read-only file).
  const char* origin_columns = "url, outlet, category";
  // Whether mentions are rows of a `mentions` table (schema 7 and older, a read-only file
  // that could not be upgraded) rather than doc_entities blobs.
  bool mention_rows = false;
  // Whether some documents hold a content hash of the form before schema 10
  // (legacy_content_hash), so a text is looked up by both forms.
  bool legacy_hashes = true;
  // The last stored article in canonical order, (published, id), once read (note_arrival).
  std::optional<std::pair<std::string, std::string>> latest;
  bool latest_known = false;
  // Forgets what a rolled-back write may have left in memory.
  void forget_uncommitted() {
    memo.forget_present();
    latest_known = false;
  }
};

// The meta key that is 1 while the store holds an article written after one that sorts
// after it in canonical order (canonical_order.h), or lost one that later ones merged
// names with, so that some cross-article merges may differ from those canonical order
// gives (restore_canonical_order in store_merge.h rewrites it).
inline constexpr const char* kOutOfOrderKey = "out_of_order";

std::string utc_now_iso();

// A second read-only connection to the same file, for reading part of a large graph on
// another thread, that reads the very state `store` reads: `store` must be inside a
// read transaction (ReadSnapshot), and the second connection holds one open from here
// until it is closed. nullptr when it cannot be opened, when a write has come since
// `store`'s read began, or when the store keeps no version (written by an older
// newsgraph); the caller then reads it all itself.
std::unique_ptr<Store> open_second_reader(Store& store);

// Moves meta('version') up and records at the new version what the write changed
// (`changes`, see changes_between); every write transaction calls it once.
void bump_version(Db& db, const StoreChanges& changed);
// A write that can name no entities it changed (a removal, a curation).
inline StoreChanges everything_changed() {
  StoreChanges all;
  all.everything = true;
  return all;
}

// Folded tokens of a name: "Kim Jong-un" -> {"kim", "jong", "un"}.
std::vector<std::string> name_tokens(const std::string& name);

// An article entity's other names as doc_entities.aliases keeps them: '|'-separated (a
// '|' inside a name becomes '/').
std::string join_aliases(const std::vector<std::string>& aliases);
std::vector<std::string> split_aliases(std::string_view joined);

// Records a name of an entity (folded for lookup); and the first and last words of
// a multi-word person name as its short forms.
void add_alias(Db& db, int64_t entity_key, const std::string& alias);
void add_short_forms(Db& db, int64_t entity_key, const std::string& label, std::string_view type);

// `wanted` when no entity has that id, else wanted_2, wanted_3, ...
std::string unused_id(Db& db, const std::string& wanted);

// Finds or creates the store entity for one article's entity, by the merge rules in
// entity_merger.cpp, records the names it brings, and logs the decision.
struct MergeOutcome {
  int64_t entity_key = 0;
  bool created = false;
  std::string label;  // the name the article's entity goes by: its label, or the person's
                      // name its glued words were stripped from ("Fraksi Adies Kadir")
  bool unglued = false;  // it joined a person by a name after glued words
  bool relabelled = false;  // the stored entity's label changed
  std::string rule, detail;  // the merge rule that decided, and why (for merge_log)
};
// The glued-form rule (glued_forms.cpp). add_glued_forms records that an article's entity
// (doc_entity_key) may be, past words glued in front, the person named each of `cores`.
// person_past_glued_words: the one stored person (typed a person by some article, or from
// the gazetteer) named by one of e.glued_cores, longest first, and that name; 0 when none
// or several. entity_glued_onto: the one stored entity (a person or body) an article
// entity of which is that name with words glued in front; 0 when none or several. unglue:
// those article entities of entity_key now go by `core`, as a person, and it follows.
void add_glued_forms(Db& db, int64_t doc_entity_key, const std::vector<std::string>& cores);
int64_t person_past_glued_words(Db& db, const Entity& e, const std::string& label_key, std::string* core);
int64_t entity_glued_onto(Db& db, const std::string& name_key);
void unglue(Db& db, int64_t entity_key, const std::string& core);
// A tie the article gives an entity that a namesake would not share: a body it belongs to
// or leads, a relative (MEMBER_OF, LEADS, FAMILY), with the other party's id and label.
struct Tie {
  Predicate predicate = Predicate::kMemberOf;
  std::string other_id, other_label;
  bool other_from_gazetteer = false;
};
// In an entity's type vote, an article whose words typed it counts this many times one
// that only guessed its type.
constexpr int kTypedVote = 3;
// An acronym of two or three capitals no gazetteer knows ("MV", "RT"): many things.
bool is_short_acronym(const Entity& e);
// The ties of each of the article's entities, by its index in x.entities.
std::vector<std::vector<Tie>> ties_of(const Extraction& x);
MergeOutcome merge_entity(Db& db, const Entity& entity, const std::vector<Tie>& ties);
// The two merge rules whose decisions the rows of doc_entities already say, and which
// merge_log therefore does not keep: the article's entity made a new store entity, or it
// carried a gazetteer id already stored.
inline constexpr const char* kNewEntityRule = "new";
inline constexpr const char* kGazetteerIdRule = "gazetteer-id";
// Logs the decision for an article's entity (doc_entity_key) in merge_log, unless it is
// one the rows of doc_entities already say: a new entity, or a gazetteer id met again
// (merge_log() in queries.cpp gives those from doc_entities). Its `at` is '' (the time is
// the article's ingested_at), and its `detail` '' where the detail is the name itself.
void log_merge(Db& db, int64_t doc_key, int64_t doc_entity_key, const std::string& name, const MergeOutcome& m);

// Every entity a name names: the one whose id it is, else all whose label or alias it
// is, gazetteer entities first. find_entity_named: the first of them, or 0.
std::vector<int64_t> entities_named(Db& db, const std::string& name);
int64_t find_entity_named(Db& db, const std::string& name);

// A person's edits of one entity (entity_edits.cpp), kept as overrides: a label or a
// type that recounts keep, a deleted entity whose names later articles leave out.
void rename_entity(Db& db, int64_t entity_key, const std::string& label);
void retype_entity(Db& db, int64_t entity_key, const std::string& type);
// Removes the entity with its mentions, relations and evidence; its names are deleted.
void delete_entity(Db& db, int64_t entity_key);
// The override of `kind` ("label", "type") for the entity, if the user set one.
std::optional<std::string> entity_override(Db& db, const char* kind, int64_t entity_key);
// Whether the user deleted an entity that went by `name`; whether any name is deleted.
bool name_deleted(Db& db, const std::string& name);
bool any_name_deleted(Db& db);

// Whether any override of `kind` ("merge", "never") names `name_key` either side: when
// none does, the per-entity checks below are false for every entity.
bool override_names(Db& db, const char* kind, const std::string& name_key);
// Whether the user merged `name_key` with a name of `entity_key` (curate "merge").
bool merge_confirmed(Db& db, const std::string& name_key, int64_t entity_key);
// Whether the user said `name_key` must never merge with any name of `entity_key`.
bool merge_forbidden(Db& db, const std::string& name_key, int64_t entity_key);

// Store::curate's work inside the caller's transaction (a rewrite applies the overrides in
// its own): checks every override, then, when none is rejected, applies them all.
// Returns whether what it wrote is to be kept: false when some were rejected (it wrote
// nothing) or for a dry run (to be rolled back). Throws StoreError.
bool curate_in_transaction(Db& db, const Overrides& overrides, const CurateOptions& options, CurateReport* report);

// Recomputes an entity's label, aliases and short forms from the article entities
// merged into it; deletes it (and its log) when none is left. O(its articles).
void refresh_entity(Db& db, int64_t entity_key);

// The relation row for a triple, created empty when missing. Symmetric predicates
// are stored with the lower entity key as subject.
int64_t relation_key_for(Db& db, int64_t subject_key, Predicate predicate, int64_t object_key,
                         bool* created);

// Recomputes weight, independent, evidence_count, modality, confidence and dates
// from the relation's evidence; deletes the row when no evidence is left.
void recount_relation(Db& db, int64_t relation_key);

// Re-derives the syndicated flag of every sentence with this hash and recounts the
// co-occurrences named there; returns the typed relations whose evidence sits in those
// sentences (their counts may have changed).
std::set<int64_t> update_syndication(Db& db, int64_t hash);

// Points the evidence of these article entities at the relations their (possibly
// new) store entities now form, and recounts every relation touched; `entities` are the
// store entities they left and joined, whose co-occurrences are rebuilt.
void rekey_evidence(Db& db, const std::set<int64_t>& doc_entity_keys, const std::set<int64_t>& entities);

}  // namespace newsgraph::store
