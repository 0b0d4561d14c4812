// Merges stores into a new one by writing their articles again in canonical order: see
// store_merge.h.
#include "store/store_merge.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/prefetch.h"
#include "store/canonical_order.h"
#include "store/durable_files.h"
#include "store/relation_tally.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store/stored_article.h"

namespace newsgraph::store {
namespace {

bool exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

// One input article: where to read it (16 bytes: a merge of 10M articles lists them in
// 160 MB, having sorted them on disk).
struct Entry {
  uint32_t input = 0;
  int64_t doc_key = 0;
};

}  // namespace

// Store's friend: writes the copies through the ingest path.
class StoreMerger {
 public:
  StoreMerger(const std::string& out_path, const std::vector<std::string>& inputs, const MergeOptions& options,
              MergeReport* report)
      : out_path_(out_path), partial_(out_path + ".partial"), inputs_(inputs), options_(options), report_(report) {}

  // Rewrites `store` in canonical order from a copy of it at inputs_.front(), when it is
  // marked out of that order (restore_canonical_order).
  Status rewrite(Store& store, bool* rewritten) {
    *rewritten = false;
    *report_ = MergeReport{};
    report_->inputs = 1;
    const std::string& copy = inputs_.front();
    if (store.in_batch_)  // its uncommitted writes would go with the rewrite's transaction
      return Status::error(StatusCode::kInvalidInput, store.path() + ": a rewrite cannot run inside a batch");
    bool out_of_order = false;
    if (Status st = out_of_canonical_order(store, &out_of_order); !st.is_ok() || !out_of_order) return st;
    // The write lock before the copy: no other writer (a server, an ingest) can commit
    // between the copy and the rewrite, whose articles the rewrite would clear with the
    // rest and not write again. The copy is made on a connection of its own, which reads
    // the last state committed.
    if (Status st = store.begin_batch(); !st.is_ok()) return st;
    // The inputs closed and the copy removed however this ends.
    auto release = [&] {
      snapshots_.clear();
      stores_.clear();
      remove_database_files(copy);
    };
    Status st;
    try {
      st = out_of_canonical_order(store, &out_of_order);  // another may have rewritten it meanwhile
      remove_database_files(copy);
      if (st.is_ok() && out_of_order) st = copy_store(store.path(), copy);
      if (st.is_ok() && out_of_order) {
        st = rewrite_from_copy(store);  // commits the batch, or abandons it
        *rewritten = st.is_ok();
      } else {
        store.abandon_batch();  // nothing was written
      }
    } catch (...) {  // not a StoreError (out of memory): nothing half done may stay open, or be committed
      store.abandon_batch();
      store.impl().memo.forget_all();
      release();
      throw;
    }
    // A rollback (a write or the commit failed) brought back rows the memo had forgotten.
    if (!st.is_ok()) store.impl().memo.forget_all();
    release();
    return st;
  }

  Status run() {
    *report_ = MergeReport{};
    report_->inputs = inputs_.size();
    if (Status st = check_paths(); !st.is_ok()) return st;
    if (Status st = open_inputs(); !st.is_ok()) return st;
    std::vector<Entry> entries;
    if (Status st = list_articles(&entries); !st.is_ok()) return st;
    remove_database_files(partial_);
    Status st = write(entries);
    out_ = nullptr;
    owned_out_.reset();
    if (st.is_ok()) st = publish();
    if (!st.is_ok()) remove_database_files(partial_);
    return st;
  }

 private:
  Status check_paths() {
    if (inputs_.empty()) return Status::error(StatusCode::kInvalidInput, "merge: no input stores");
    if (exists(out_path_))
      return Status::error(StatusCode::kInvalidInput,
                           out_path_ + ": exists; merge writes a new store (remove it or choose another name)");
    for (const std::string& in : inputs_) {
      if (in == out_path_ || in == partial_)
        return Status::error(StatusCode::kInvalidInput, in + ": an input cannot be the output");
      if (!exists(in)) return Status::error(StatusCode::kNotFound, in + ": no such store");
    }
    return Status::ok();
  }

  Status open_inputs() {
    StoreOptions read = StoreOptions::for_reading();
    for (const std::string& in : inputs_) {
      std::unique_ptr<Store>& s = stores_.emplace_back();
      if (Status st = Store::open(in, read, &s); !st.is_ok()) return st;
      Db& db = s->impl().db;
      try {
        if (schema_version(db) != kSchemaVersion)
          return Status::error(StatusCode::kInvalidInput,
                               in + ": written by another newsgraph (schema " + std::to_string(schema_version(db)) +
                                   ", this one writes " + std::to_string(kSchemaVersion) +
                                   "); open it for writing once (newsgraph stats) to upgrade it");
      } catch (const StoreError& e) {
        return Status::error(StatusCode::kIoError, in + ": " + e.message);
      }
      snapshots_.push_back(std::make_unique<ReadSnapshot>(*s));  // every read sees one state
    }
    return Status::ok();
  }

  // Every input article in canonical order, each id once (its first copy in that order);
  // fails on an id with two texts. The ids, dates and hashes are sorted in a temporary
  // SQLite file, which SQLite deletes on close, not in memory. O(articles log articles).
  Status list_articles(std::vector<Entry>* entries) {
    Db listing;
    if (Status st = listing.open("", true, false); !st.is_ok()) return st;
    try {
      listing.exec("CREATE TABLE articles (published TEXT NOT NULL, id TEXT NOT NULL, "
                   "content_hash TEXT NOT NULL, input INTEGER NOT NULL, doc_key INTEGER NOT NULL)");
      Transaction tx(listing);
      for (size_t i = 0; i < stores_.size(); ++i) {
        try {
          Statement q = stores_[i]->impl().db.prepare("SELECT published, id, content_hash, doc_key FROM documents");
          while (q.step())
            listing.prepare("INSERT INTO articles VALUES (?, ?, ?, ?, ?)")
                .bind_kept(1, q.column_view(0))  // the input's row, alive through run()
                .bind_kept(2, q.column_view(1))
                .bind_kept(3, q.column_view(2))
                .bind(4, static_cast<int64_t>(i))
                .bind(5, q.column_int(3))
                .run();
        } catch (const StoreError& e) {
          return Status::error(StatusCode::kIoError, inputs_[i] + ": " + e.message);
        }
      }
      tx.commit();
      Statement two = listing.prepare(
          "SELECT id, MIN(input), MAX(input) FROM articles GROUP BY id HAVING COUNT(DISTINCT content_hash) > 1 "
          "LIMIT 1");
      if (two.step())
        return Status::error(StatusCode::kInvalidInput,
                             "article '" + two.column_text(0) + "' has one text in " +
                                 inputs_[static_cast<size_t>(two.column_int(1))] + " and another in " +
                                 inputs_[static_cast<size_t>(two.column_int(2))] +
                                 ": merge combines stores of different articles (remove one, then merge)");
      // In canonical order; of the copies of one article, the first in that order is kept,
      // or the base's when the others are added to it (arrival_order: it is copied whole).
      const std::string order = std::string(kCanonicalOrderSql) + ", input";
      const std::string first = options_.arrival_order ? "input <> 0, " + order : order;
      Statement q = listing.prepare("SELECT input, doc_key, ROW_NUMBER() OVER (PARTITION BY id ORDER BY " +
                                         first + ") FROM articles ORDER BY " + order);
      while (q.step()) {
        if (q.column_int(2) == 1)
          entries->push_back({static_cast<uint32_t>(q.column_int(0)), q.column_int(1)});
        else
          ++report_->duplicates;
      }
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, "listing the inputs' articles: " + e.message);
    }
    return Status::ok();
  }

  Status write(const std::vector<Entry>& entries) {
    // The articles of an input that come before all the others' are its store as it is; in
    // arrival order, the first input is taken as it is, and the others' come after.
    std::vector<Entry> rest;
    const std::optional<size_t> prefix = options_.arrival_order ? std::optional<size_t>(0) : prefix_input(entries);
    if (prefix) {
      if (Status st = copy_store(inputs_[*prefix], partial_); !st.is_ok()) return st;
      for (const Entry& e : entries)
        if (e.input != *prefix) rest.push_back(e);
      report_->copied = entries.size() - rest.size();
      report_->articles = report_->copied;
    }
    StoreOptions open;
    open.memo_after_articles = 0;  // it writes every article there is
    open.create = !prefix;
    if (Status st = Store::open(partial_, open, &owned_out_); !st.is_ok()) return st;
    out_ = owned_out_.get();
    try {
      // A merge that fails or dies leaves no output: the unfinished file needs no journal
      // to roll back, nor syncs but the last. Each page is written once, to the file.
      out_->impl().db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, partial_ + ": " + e.message);
    }
    Overrides edits;
    if (Status st = copy_overrides(&edits); !st.is_ok()) return st;
    if (Status st = out_->begin_batch(); !st.is_ok()) return st;
    if (Status st = write_articles(prefix ? rest : entries, options_.commit_every); !st.is_ok()) return st;
    if (Status st = apply_overrides(edits); !st.is_ok()) return st;
    if (Status st = out_->commit_batch(); !st.is_ok()) return st;
    if (Status st = out_of_canonical_order(*out_, &report_->out_of_order); !st.is_ok()) return st;
    try {
      Db& db = out_->impl().db;
      // Hashes of the older form came along with their rows (Store::Impl::legacy_hashes).
      db.exec("UPDATE meta SET value = (SELECT COUNT(*) FROM documents WHERE length(content_hash) = 16) "
              "WHERE key = 'legacy_content_hashes'");
      db.exec("PRAGMA journal_mode = DELETE");  // one file to rename; the next writer turns WAL on again
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, partial_ + ": " + e.message);
    }
    return Status::ok();
  }

  // The input whose articles all come first in canonical order, when its store is what
  // writing them again would give: it is in canonical order, no input has overrides (its
  // merges were made without the others'), and no article is in two inputs. O(entries).
  std::optional<size_t> prefix_input(const std::vector<Entry>& entries) {
    if (entries.empty() || report_->duplicates > 0) return std::nullopt;
    const size_t first = entries.front().input;
    size_t k = 0;
    while (k < entries.size() && entries[k].input == first) ++k;
    for (size_t j = k; j < entries.size(); ++j)
      if (entries[j].input == first) return std::nullopt;
    try {
      for (const auto& s : stores_) {
        Statement q = s->impl().db.prepare("SELECT EXISTS (SELECT 1 FROM overrides)");
        if (q.step() && q.column_int(0) != 0) return std::nullopt;
      }
    } catch (const StoreError&) {
      return std::nullopt;
    }
    bool out_of_order = true;
    if (!out_of_canonical_order(*stores_[first], &out_of_order).is_ok() || out_of_order) return std::nullopt;
    return first;
  }

  // A copy of the store at `path` as `to`, of its last committed state (on a connection of
  // its own: the input's holds a read transaction, a rewritten store's its write lock, and
  // VACUUM runs in neither).
  static Status copy_store(const std::string& path, const std::string& to) {
    Db source;
    if (Status st = source.open(path, false, true); !st.is_ok()) return st;
    try {
      source.prepare("VACUUM INTO ?").bind(1, to).run();
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, path + ": copying it to " + to + ": " + e.message);
    }
    return Status::ok();
  }

  // Writes the entries into out_, inside its open batch, committing every `commit_every`
  // articles (0: never). Nobody reads out_ meanwhile (a new file, or a rewrite inside one
  // transaction), so relation counts are kept in memory and written once a relation.
  Status write_articles(const std::vector<Entry>& entries, size_t commit_every) {
    Db& db = out_->impl().db;
    std::optional<RelationTally> tally;
    try {
      tally.emplace(db);
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, out_->path() + ": " + e.message);
    }
    db.set_tally(&*tally);
    Status st = write_articles(entries, commit_every, *tally);
    db.set_tally(nullptr);
    if (st.is_ok()) st = flush(*tally);
    return st;
  }

  Status flush(RelationTally& tally) {
    try {
      tally.flush(out_->impl().db);
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, out_->path() + ": " + e.message);
    }
    return Status::ok();
  }

  Status write_articles(const std::vector<Entry>& entries, size_t commit_every, RelationTally& tally) {
    // The inputs are read on a thread of their own (their connections serve nothing else
    // meanwhile), a few articles ahead of the writer.
    Prefetcher<ArticleCopy> copies(
        entries.size(),
        [&](size_t k) { return read_stored_article(stores_[entries[k].input]->impl().db, entries[k].doc_key); },
        kArticlesAhead);
    for (size_t k = 0; k < entries.size(); ++k) {
      const Entry& e = entries[k];
      IngestResult result;
      Status st;
      try {
        const ArticleCopy a = copies.take();
        const Store::CopiedFacts facts{a.content_hash, a.ingested_at};
        st = out_->write_article(a.doc, a.extraction, IngestOptions{}, &result, &facts);
      } catch (const StoreError& err) {
        st = Status::error(StatusCode::kIoError, inputs_[e.input] + ": " + err.message);
      }
      if (st.is_ok() && tally.size() > options_.relations_in_memory) st = flush(tally);
      if (!st.is_ok()) return st;
      if (result.outcome == IngestOutcome::kUnchanged) ++report_->same_text;
      else ++report_->articles;
      if (options_.progress) options_.progress(k + 1, entries.size());
      if (commit_every > 0 && (k + 1) % commit_every == 0) {
        if (st = out_->commit_batch(); st.is_ok()) st = out_->begin_batch();
        if (!st.is_ok()) return st;
      }
    }
    return Status::ok();
  }

  // The overrides applied to out_'s articles, as `curate` applied them to the inputs', in
  // out_'s open batch (its transaction). On failure the caller abandons the batch.
  Status apply_overrides(const Overrides& edits) {
    if (edits.merge.empty() && edits.never.empty() && edits.rename.empty() && edits.retype.empty() &&
        edits.remove.empty())
      return Status::ok();
    CurateOptions force;
    force.force = true;  // the inputs' users chose these merges already
    CurateReport curated;
    out_->impl().memo.forget_all();  // a curation writes names past the memo
    try {
      curate_in_transaction(out_->impl().db, edits, force, &curated);
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, out_->path() + ": " + e.message);
    }
    if (!curated.rejected.empty())
      return Status::error(StatusCode::kInvalidInput,
                           "the overrides do not hold together: " + curated.rejected.front());
    return Status::ok();
  }

  // Inside `store`'s open batch, which it commits, or abandons on failure.
  Status rewrite_from_copy(Store& store) {
    std::vector<Entry> entries;
    Overrides edits;
    Status st = open_inputs();
    if (st.is_ok()) st = list_articles(&entries);
    if (st.is_ok()) {
      try {
        read_overrides(stores_.front()->impl().db, &edits);
      } catch (const StoreError& e) {
        st = Status::error(StatusCode::kIoError, inputs_.front() + ": " + e.message);
      }
    }
    if (!st.is_ok()) {
      store.abandon_batch();
      return st;
    }
    out_ = &store;
    Db& db = store.impl().db;
    store.record_change(everything_changed());  // every key may be another's now: readers forget all
    try {
      clear_articles(db);  // in the batch's transaction: a crash leaves the store as it was
      store.impl().memo.forget_all();
      store.impl().latest_known = false;
      st = write_articles(entries, 0);
      // The overrides applied again and the mark taken off in the same transaction, which
      // moves the version once: a crash leaves the store as it was, still marked.
      if (st.is_ok()) st = apply_overrides(edits);
      if (st.is_ok()) db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, 0)").bind(1, kOutOfOrderKey).run();
    } catch (const StoreError& e) {
      st = Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
    }
    if (!st.is_ok()) {
      store.abandon_batch();  // the caller forgets the memo
      return st;
    }
    return store.commit_batch();
  }

  // A store's overrides as edits to apply again.
  static void read_overrides(Db& db, Overrides* edits) {
    Statement q = db.prepare("SELECT kind, name_a, name_b FROM overrides");
    while (q.step()) add_edit(q.column_text(0), q.column_text(1), q.column_text(2), edits);
  }

  static void add_edit(const std::string& kind, const std::string& a, const std::string& b, Overrides* edits) {
    if (kind == "merge") edits->merge.push_back({a, b});
    if (kind == "never") edits->never.emplace_back(a, b);
    if (kind == "label") edits->rename.emplace_back(a, b);
    if (kind == "type") edits->retype.emplace_back(a, b);
    if (kind == "delete") edits->remove.push_back(a);
  }

  // Every input's overrides into the output before any article, so that they decide its
  // merges as they did the inputs'; and as edits to apply to the result at the end.
  Status copy_overrides(Overrides* edits) {
    Db& out = out_->impl().db;
    try {
      Transaction tx(out);
      for (size_t i = 0; i < stores_.size(); ++i) {
        Statement q = stores_[i]->impl().db.prepare("SELECT kind, name_a, name_b FROM overrides");
        while (q.step()) {
          const std::string kind = q.column_text(0), a = q.column_text(1), b = q.column_text(2);
          out.prepare("INSERT OR IGNORE INTO overrides(kind, name_a, name_b) VALUES (?, ?, ?)")
              .bind(1, kind)
              .bind(2, a)
              .bind(3, b)
              .run();
          if (out.changes() == 0) continue;  // another input's, or the base's, which came with it
          add_edit(kind, a, b, edits);
        }
      }
      Statement held = out.prepare("SELECT COUNT(*) FROM overrides");  // every input's, once
      held.step();
      report_->overrides = static_cast<size_t>(held.column_int(0));
      tx.commit();
    } catch (const StoreError& e) {
      return Status::error(StatusCode::kIoError, out_path_ + ": copying overrides: " + e.message);
    }
    return Status::ok();
  }

  // Renames the whole output into place, durably.
  Status publish() {
    if (!sync_path(partial_, false))
      return Status::error(StatusCode::kIoError, partial_ + ": cannot be synced to disk");
    if (exists(out_path_))  // made meanwhile by someone else: theirs stays
      return Status::error(StatusCode::kInvalidInput, out_path_ + ": appeared during the merge; left as it is");
    if (std::rename(partial_.c_str(), out_path_.c_str()) != 0)
      return Status::error(StatusCode::kIoError, out_path_ + ": cannot rename " + partial_ + " to it");
    const std::filesystem::path directory = std::filesystem::path(out_path_).parent_path();
    sync_path(directory.empty() ? "." : directory.string(), true);
    return Status::ok();
  }

  static constexpr size_t kArticlesAhead = 64;
  const std::string out_path_, partial_;
  const std::vector<std::string>& inputs_;
  const MergeOptions& options_;
  MergeReport* report_;
  std::vector<std::unique_ptr<Store>> stores_;
  std::vector<std::unique_ptr<ReadSnapshot>> snapshots_;  // before stores_ in destruction
  std::unique_ptr<Store> owned_out_;  // a merge's new store
  Store* out_ = nullptr;              // the store written: owned_out_, or the one rewritten
};

Status merge_stores(const std::string& out_path, const std::vector<std::string>& inputs,
                    const MergeOptions& options, MergeReport* report) {
  return StoreMerger(out_path, inputs, options, report).run();
}

Status restore_canonical_order(Store& store, const MergeOptions& options, bool* rewritten) {
  const std::vector<std::string> copy{store.path() + ".reorder"};
  MergeReport report;
  return StoreMerger(store.path(), copy, options, &report).rewrite(store, rewritten);
}

}  // namespace newsgraph::store
