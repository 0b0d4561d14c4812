// The persistent graph: a SQLite file that merges articles' extractions into one
// node per real-world thing, with relations weighted by the articles that support
// them. Every write is one transaction, so a crash leaves each article whole or
// absent. A Store owns its connection and is not thread-safe; open one per thread
// (SQLite's WAL mode lets readers run beside one writer).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace newsgraph::store {

struct StoreChanges;  // queries.h

struct StoreOptions {
  bool create = true;      // create the file and its tables when missing
  bool read_only = false;  // open for reading only; a store an older newsgraph wrote is
                           // upgraded first where the file can be written
  // The writer reads the keys of every stored name, id, related pair and sentence into
  // memory (writer_memo.h), to write with fewer look-ups, once it has written this many
  // articles: a few articles written into a large store do not pay for reading them all.
  // 0: from the first article.
  size_t memo_after_articles = 256;
  // How long a write waits for the store while another process writes it (an ingest, a
  // rewrite into canonical order) before it fails with kBusy (Db::kDefaultLockWaitMs).
  int lock_wait_ms = 10000;

  // An existing store, for reading only.
  static StoreOptions for_reading() { return StoreOptions{false, true}; }
};

enum class IngestOutcome {
  kNew,        // the article was not in the store
  kUnchanged,  // same id and text, or the same text under another id: nothing changed
  kReplaced,   // known id, new text: its old evidence was retracted first
  kReextracted,  // known id and text, asked to re-extract: what the old extraction produced was
                 // retracted and the new one stored (a changed gazetteer, lexicon or date)
};

struct IngestOptions {
  // Replace a stored article with the same id and text too (else it is left unchanged):
  // how a gazetteer, lexicon or date change reaches articles already stored.
  bool reextract = false;
};
const char* ingest_outcome_name(IngestOutcome outcome);

struct IngestResult {
  IngestOutcome outcome = IngestOutcome::kNew;
  std::string doc_id;        // the stored id (the existing one when unchanged)
  size_t entities_added = 0;   // entities the store did not have before
  size_t relations_added = 0;  // (subject, predicate, object) triples new to the store
};

// Overrides a user writes to correct resolution (see `newsgraph curate --help`).
struct Overrides {
  std::vector<std::vector<std::string>> merge;  // each: names to make one entity; first kept
  std::vector<std::pair<std::string, std::string>> never;  // keep these names apart
  std::vector<std::pair<std::string, std::string>> rename;  // entity named -> its new label
  std::vector<std::pair<std::string, std::string>> retype;  // entity named -> its new type (ontology name)
  std::vector<std::string> remove;  // entities to delete ("delete" in the file); later articles too
  // Overrides to take back ("unset"): {kind, name} for label, type and delete, {kind, a, b}
  // for merge and never. A merge taken back splits the names apart again; a label or type
  // goes back to what the articles say; a delete or never taken back applies to later
  // ingests (re-extract the articles, `ingest --reextract`, for the earlier ones).
  std::vector<std::vector<std::string>> unset;
};

// One override kept in the store: kind (merge, never, label, type, delete) and its two
// names (folded for merge, never and delete; an entity id and a label or type otherwise).
struct OverrideRow {
  std::string kind, a, b;
};

struct CurateOptions {
  bool dry_run = false;  // work out and report every change, then keep none of them
  bool force = false;    // apply merges of entities whose types conflict (a person and a place)
};

struct CurateReport {
  size_t merged = 0;     // entities folded into another
  size_t split = 0;      // entities split because of a `never` pair
  size_t edited = 0;     // entities renamed, retyped or deleted
  std::vector<std::string> unknown_names;  // names that matched no entity
  // Why nothing was applied: a name that names several entities (give an id), types
  // that conflict (without force). When not empty, the store is left as it was.
  std::vector<std::string> rejected;
  std::vector<std::string> changes;  // what was (or, in a dry run, would be) done, one line each
};

struct StoreCounts {
  int64_t documents = 0, entities = 0, relations = 0, evidence = 0, mentions = 0;
};

class Store {
 public:
  // Opens (or creates) the store at `path` and migrates its schema. Fails with
  // kNotFound (no file and !create), kIoError (unreadable, not a store, too new).
  static Status open(const std::string& path, const StoreOptions& options,
                     std::unique_ptr<Store>* out);
  ~Store();

  // Merges one article's extraction. Idempotent: the same article again changes
  // nothing. `doc` must be the document `extraction` came from.
  Status ingest(const Document& doc, const Extraction& extraction, IngestResult* result) {
    return ingest(doc, extraction, {}, result);
  }
  Status ingest(const Document& doc, const Extraction& extraction, const IngestOptions& options, IngestResult* result);
  // The same, taking the article and its extraction: in a batch they are kept until the
  // commit (see begin_batch) without a copy.
  Status ingest(Document&& doc, Extraction&& extraction, const IngestOptions& options, IngestResult* result);

  // Whether ingesting `doc` would change nothing (its id with the same text and no
  // re-extraction asked, or its text under another id): a caller may skip extracting
  // it. Sets result as ingest() would; the same rule as ingest(). Read-only.
  Status unchanged(const Document& doc, const IngestOptions& options, bool* is_unchanged, IngestResult* result);

  // Groups the following writes into one commit, for bulk ingest: each article stays
  // atomic, and a crash loses whole articles since the last commit, never part of one.
  // An article that fails part-way is undone with the batch, whose earlier writes are
  // then made again (they are kept in memory until the commit); if that fails too, the
  // batch is rolled back and its error says so. commit_batch() makes them durable.
  // Without a batch, every write commits on its own.
  Status begin_batch();
  Status commit_batch();

  // Retracts an article and exactly what it produced; `found` says whether it existed.
  Status remove(const std::string& doc_id, bool* found);

  // Applies overrides to the stored graph without re-reading articles, and keeps
  // them for later ingests. All or nothing: a name naming several entities, or (without
  // force) a merge of conflicting types, is reported in `rejected` and nothing changes;
  // a dry run reports the changes and keeps none.
  Status curate(const Overrides& overrides, CurateReport* report) { return curate(overrides, {}, report); }
  // Every override kept, by kind and names.
  Status list_overrides(std::vector<OverrideRow>* out);
  Status curate(const Overrides& overrides, const CurateOptions& options, CurateReport* report);

  // Row counts, as far as `scope` asks (what is not asked for is left at 0). Counting is
  // O(store), evidence and mentions the largest scans; a writer keeps the counts in the
  // store with the version they were taken at, so asking again before the next write is
  // O(1) (store_counts.cpp).
  enum class CountScope {
    kAll,
    kNoMentions,  // all but mentions (what `ingest` prints)
    kGraph,       // documents, entities and relations
  };
  Status counts(StoreCounts* out, CountScope scope = CountScope::kAll);

  // Runs PRAGMA integrity_check; `ok` is true when SQLite answers "ok".
  Status check_integrity(bool* ok, std::string* detail);

  // How long the next writes wait while another process writes the store before they
  // fail with kBusy (StoreOptions::lock_wait_ms until then).
  void set_lock_wait(int milliseconds);

  const std::string& path() const { return path_; }

  struct Impl;
  Impl& impl() { return *impl_; }  // for store/ and graph/'s loaders reading the same file

 private:
  Store() = default;
  // What an article read back from another store keeps from there (store_merge.cpp):
  // its content hash, of a text the copy no longer has, and when it was first ingested.
  struct CopiedFacts {
    std::string content_hash, ingested_at;
  };
  friend class StoreMerger;  // writes such copies
  Status write_article(const Document& doc, const Extraction& extraction, const IngestOptions& options,
                       IngestResult* result, const CopiedFacts* copied = nullptr);
  Status remove_article(const std::string& doc_id, bool* found);
  // Runs a write inside the open batch; when it fails, undoes it with the batch and
  // makes the batch's earlier writes again.
  template <class Write>
  Status write_in_batch(Write&& write);
  Status redo_batch();
  // Rolls the open batch back whole and leaves it: nothing since the last commit is kept,
  // nothing is written again.
  void abandon_batch();
  // Records what a write changed at a new version: at once, or, in a batch, with the rest
  // of the batch when it commits.
  void record_change(const StoreChanges& changed);
  std::string path_;
  bool in_batch_ = false;
  std::unique_ptr<Impl> impl_;
};

// Holds one read transaction open on a store for its lifetime: every query made
// through the store meanwhile sees the same committed state (a count and the page it
// counts agree even while another process writes), and the snapshot is taken once
// instead of once per query. Does nothing when the store is already in a transaction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Store& store);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Store& store_;
  bool began_ = false;
};

// Whether `store` holds an article written after one that sorts after it in canonical
// order (or a store written before schema 11 not in that order): some of its cross-article
// merges may then differ from those canonical order gives, until restore_canonical_order
// (store_merge.h) rewrites it. Read-only.
Status out_of_canonical_order(Store& store, bool* out_of_order);

// Parses an overrides file: {"merge": [["John Kirby", "Kirby"], ...],
// "never": [["Kim Jong Un", "Kim Jong Il"], ...]}. Fails with kInvalidInput naming
// the file and what is wrong.
Status parse_overrides(const std::string& json, const std::string& name, Overrides* out);

}  // namespace newsgraph::store
