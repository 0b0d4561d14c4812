// Merges stores into a new one by writing their articles again in canonical order: see
// store_merge.h.
#include "store/store_merge.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <tuple>

#include "store/schema.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store/stored_article.h"

namespace newsgraph::store {
namespace {

bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// Makes a file's contents (or a directory's entries) durable; false when it cannot.
bool sync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string directory_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

void remove_partial(const std::string& partial) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((partial + suffix).c_str());
}

// One input article: where it sorts, and where to read it.
struct Entry {
  std::string published, id, content_hash;
  size_t input = 0;
  int64_t doc_key = 0;
};

}  // namespace

// Store's friend: writes the copies through the ingest path.
class StoreMerger {
 public:
  StoreMerger(const std::string& out_path, const std::vector<std::string>& inputs, const MergeOptions& options,
              MergeReport* report)
      : out_path_(out_path), partial_(out_path + ".partial"), inputs_(inputs), options_(options), report_(report) {}

  Status run() {
    *report_ = MergeReport{};
    report_->inputs = inputs_.size();
    if (Status st = check_paths(); !st.is_ok()) return st;
    if (Status st = open_inputs(); !st.is_ok()) return st;
    std::vector<Entry> entries;
    if (Status st = list_articles(&entries); !st.is_ok()) return st;
    remove_partial(partial_);
    Status st = write(entries);
    out_.reset();
    if (st.is_ok()) st = publish();
    if (!st.is_ok()) remove_partial(partial_);
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

  // Every input article in canonical order, each id once; fails on an id with two texts.
  Status list_articles(std::vector<Entry>* entries) {
    for (size_t i = 0; i < stores_.size(); ++i) {
      try {
        Statement q = stores_[i]->impl().db.prepare("SELECT doc_key, id, published, content_hash FROM documents");
        while (q.step()) entries->push_back({q.column_text(2), q.column_text(1), q.column_text(3), i, q.column_int(0)});
      } catch (const StoreError& e) {
        return Status::error(StatusCode::kIoError, inputs_[i] + ": " + e.message);
      }
    }
    std::sort(entries->begin(), entries->end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.published, a.id, a.input) < std::tie(b.published, b.id, b.input);
    });
    std::map<std::string, const Entry*> by_id;
    std::vector<Entry> kept;
    kept.reserve(entries->size());
    for (const Entry& e : *entries) {
      auto [at, added] = by_id.emplace(e.id, &e);
      if (added) continue;
      if (at->second->content_hash != e.content_hash)
        return Status::error(StatusCode::kInvalidInput,
                             "article '" + e.id + "' has one text in " + inputs_[at->second->input] +
                                 " and another in " + inputs_[e.input] +
                                 ": merge combines stores of different articles (remove one, then merge)");
    }
    by_id.clear();
    for (const Entry& e : *entries) {
      if (by_id.emplace(e.id, &e).second) kept.push_back(e);
      else ++report_->duplicates;
    }
    *entries = std::move(kept);
    return Status::ok();
  }

  Status write(const std::vector<Entry>& entries) {
    StoreOptions create;
    create.memo_after_articles = 0;  // it writes every article there is
    if (Status st = Store::open(partial_, create, &out_); !st.is_ok()) return st;
    Overrides edits;
    if (Status st = copy_overrides(&edits); !st.is_ok()) return st;
    if (Status st = out_->begin_batch(); !st.is_ok()) return st;
    for (size_t k = 0; k < entries.size(); ++k) {
      const Entry& e = entries[k];
      IngestResult result;
      Status st;
      try {
        const ArticleCopy a = read_stored_article(stores_[e.input]->impl().db, e.doc_key);
        const Store::CopiedFacts facts{a.content_hash, a.ingested_at};
        st = out_->write_article(a.doc, a.extraction, IngestOptions{}, &result, &facts);
      } catch (const StoreError& err) {
        st = Status::error(StatusCode::kIoError, inputs_[e.input] + ": " + err.message);
      }
      if (!st.is_ok()) return st;
      if (result.outcome == IngestOutcome::kUnchanged) ++report_->same_text;
      else ++report_->articles;
      if (options_.progress) options_.progress(k + 1, entries.size());
      if (options_.commit_every > 0 && (k + 1) % options_.commit_every == 0) {
        if (st = out_->commit_batch(); st.is_ok()) st = out_->begin_batch();
        if (!st.is_ok()) return st;
      }
    }
    if (Status st = out_->commit_batch(); !st.is_ok()) return st;
    if (report_->overrides > 0) {  // as `curate` applied them to the inputs' stored articles
      CurateOptions force;
      force.force = true;  // the inputs' users chose these merges already
      CurateReport curated;
      if (Status st = out_->curate(edits, force, &curated); !st.is_ok()) return st;
      if (!curated.rejected.empty())
        return Status::error(StatusCode::kInvalidInput, "the inputs' overrides do not hold together: " +
                                                            curated.rejected.front());
    }
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
          if (out.changes() == 0) continue;
          ++report_->overrides;
          if (kind == "merge") edits->merge.push_back({a, b});
          if (kind == "never") edits->never.emplace_back(a, b);
          if (kind == "label") edits->rename.emplace_back(a, b);
          if (kind == "type") edits->retype.emplace_back(a, b);
          if (kind == "delete") edits->remove.push_back(a);
        }
      }
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
    sync_path(directory_of(out_path_), true);
    return Status::ok();
  }

  const std::string out_path_, partial_;
  const std::vector<std::string>& inputs_;
  const MergeOptions& options_;
  MergeReport* report_;
  std::vector<std::unique_ptr<Store>> stores_;
  std::vector<std::unique_ptr<ReadSnapshot>> snapshots_;  // before stores_ in destruction
  std::unique_ptr<Store> out_;
};

Status merge_stores(const std::string& out_path, const std::vector<std::string>& inputs,
                    const MergeOptions& options, MergeReport* report) {
  return StoreMerger(out_path, inputs, options, report).run();
}

}  // namespace newsgraph::store
