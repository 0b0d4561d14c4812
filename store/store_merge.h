// Combines stores built from disjoint sets of articles into one new store, equal to one
// store that ingested all their articles in canonical order (canonical_order.h: by
// publication date, then id, undated articles last). Every input article is read back from its rows
// (stored_article.h) and written again through the ingest path, in that order, so the
// entities, merges, relations, weights and evidence are those that order gives, whatever
// order the inputs were built in or are named in: merging is associative and commutative,
// and stores merge in a tree. Inputs are only read.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace newsgraph::store {

struct MergeOptions {
  // Called after each article written with (written, total), for progress; may be empty.
  std::function<void(size_t done, size_t total)> progress;
  // Articles written between commits of the unfinished output (its size in memory and in
  // the write-ahead log stays bounded); a crash loses the whole merge in any case.
  size_t commit_every = 5000;
  // Relations whose counts are kept in memory between writes to the table (some 100
  // bytes each; relation_tally.h): past this many, they are written and forgotten.
  size_t relations_in_memory = 1'000'000;
  // The first input is a base (an archive) the others are added to as `ingest
  // --arrival-order` would add their articles: it is copied as it is, overrides and all,
  // and the others' articles are written after its own, in canonical order among
  // themselves, even where some sort before the base's. The output is then marked out of
  // canonical order when any did or the base was (restore_canonical_order rewrites it
  // later). Of an article in the base and in another input, the base's copy is kept. The
  // cost is that of the added articles, not of the base.
  bool arrival_order = false;
};

struct MergeReport {
  size_t inputs = 0;
  size_t articles = 0;    // articles the output holds
  size_t copied = 0;      // of them, those taken over with their input's store, not written again
  size_t duplicates = 0;  // copies of an article (same id, same text) in several inputs, written once
  size_t same_text = 0;   // an article's text already stored under another id: kept under the first id
  size_t overrides = 0;   // distinct curation overrides taken from the inputs
  bool out_of_order = false;  // the output is marked out of canonical order (only in arrival_order)
};

// Writes the merge of `inputs` to `out_path`, which must not exist: built beside it as
// `out_path`.partial and renamed into place when whole, so a crash or failure leaves
// `out_path` absent or whole (a stale .partial is removed by the next merge). The
// inputs' overrides (curation) hold for every article merged, and are applied to the
// result as `curate` applies them.
// Fails with kInvalidInput (no inputs; the output exists or is an input; one id with two
// different texts in the inputs, which no order of ingest would settle), kNotFound (an
// input is missing or no store), kIoError (reading or writing failed). On failure nothing
// is left at `out_path`.
// Cost: about that of ingesting the articles without extracting them; but when one
// input's articles all come before the others' (a store, then a shard of later articles)
// and no input has overrides, that input's store is copied as it is (a file copy) and only
// the others' articles are written. With options.arrival_order the first input is always
// copied so, and the output may be out of canonical order.
Status merge_stores(const std::string& out_path, const std::vector<std::string>& inputs,
                    const MergeOptions& options, MergeReport* report);

// When `store` is out of canonical order, rewrites it in place in that order: a copy of it
// is made beside it (`path`.reorder, removed after); then, in one transaction, its
// articles are cleared and written again from the copy's rows in canonical order, its
// overrides are applied again as `curate` applies them, and the mark is taken off. A crash
// or a failure leaves it as it was, still marked, and readers see the old store until the
// rewrite commits. *rewritten says whether it had to.
// The store must not be in a batch. Cost: a copy of the file and about that of writing
// its articles again.
Status restore_canonical_order(Store& store, const MergeOptions& options, bool* rewritten);

}  // namespace newsgraph::store
