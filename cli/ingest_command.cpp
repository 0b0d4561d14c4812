// `newsgraph ingest`: extract articles and merge them into the store, one transaction
// an article, with a progress line on a terminal and a summary at the end.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/canonical_rewrite.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "cli/ordered_pool.h"
#include "cli/progress.h"
#include "ingest/document_reader.h"
#include "ingest/pipeline.h"
#include "store/canonical_order.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph ingest [--db PATH] [--gazetteer FILE]... [--cues FILE]... [--published DATE]\n"
    "                      [--reextract] [--jobs N] [--commit-every MS] [--sort-buffer MB]\n"
    "                      [--arrival-order] [--json] FILE|DIR|-...\n"
    "\n"
    "Extracts entities and relations from articles (plain text, folders of them, JSON\n"
    "Lines) and merges them into the graph store. Re-ingesting an article changes\n"
    "nothing; an article whose id is known but whose text changed replaces its old\n"
    "evidence. Bad inputs are reported and skipped; nothing stored is lost.\n"
    "\n"
    "The store is the one that ingesting the articles in canonical order (publication\n"
    "date, then id; undated ones last) gives, whatever order they arrive in: articles\n"
    "are read in batches of up to --sort-buffer MB of text and written in that order,\n"
    "and when some arrive after stored ones that sort after them, the store is\n"
    "rewritten in that order at the end of the run (see `newsgraph merge`).\n"
    "\n"
    "options:\n"
    "  --db PATH             the store (default newsgraph.db; created when missing)\n"
    "  --gazetteer FILE      add entities and aliases from a JSON file (repeatable)\n"
    "  --cues FILE           add relation cues from a file in the data/cues.txt format\n"
    "                        (repeatable; its entries are tried before the built-in ones)\n"
    "  --max-bytes N         skip articles larger than N bytes (default 33554432)\n"
    "  --published DATE      date (YYYY-MM-DD) of articles that carry none of their own\n"
    "                        (no date line, dateline or \"published\"); without it they\n"
    "                        are stored undated, never with the day of ingest\n"
    "  --reextract           extract again the articles already stored (same id and\n"
    "                        text) and replace exactly what their old extraction\n"
    "                        produced: how a new gazetteer, cue file or date reaches them\n"
    "  --commit-every MS     commit the articles ingested every MS milliseconds (default\n"
    "                        1000): a crash loses at most that much work, never part of\n"
    "                        an article\n"
    "  --jobs N              extract on N threads (default: the machine's cores); one\n"
    "                        thread writes, in input order: the store is the same\n"
    "                        whatever N\n"
    "  --sort-buffer MB      text read ahead and sorted into canonical order before it is\n"
    "                        written (default 512; none from standard input, whose\n"
    "                        articles are stored as they arrive)\n"
    "  --arrival-order       leave the store in the order articles arrived in, without\n"
    "                        the rewrite (a later ingest without it rewrites it)\n"
    "  --json                print the summary as one JSON object\n"
    "  --quiet               do not report skipped inputs on standard error\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 some inputs were skipped, 2 usage error, 3 failure (store\n"
    "unwritable, unreadable gazetteer, malformed cue file).\n";

struct IngestFlags {
  std::string db = "newsgraph.db";
  bool json = false, quiet = false;
  size_t jobs = default_jobs();
  size_t commit_every_ms = 1000;
  size_t sort_buffer_mb = 512;
  bool arrival_order = false;
  ingest::ExtractorOptions extractor;
  ingest::ReadOptions read;
  store::IngestOptions store;
  std::vector<std::string> inputs;
};

int parse(const std::vector<std::string>& args, IngestFlags& flags) {
  FlagReader f("ingest", args);
  std::string v;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return -1;
    } else if (f.is("--db")) {
      if (!f.value(&flags.db)) return kExitUsage;
    } else if (f.is("--gazetteer")) {
      if (!f.value(&v)) return kExitUsage;
      flags.extractor.gazetteer_files.push_back(v);
    } else if (f.is("--cues")) {
      if (!f.value(&v)) return kExitUsage;
      flags.extractor.cue_files.push_back(v);
    } else if (f.is("--jobs")) {
      if (!f.jobs(&flags.jobs)) return kExitUsage;
    } else if (f.is("--commit-every")) {
      if (!f.number(&flags.commit_every_ms, 3600000)) return kExitUsage;
    } else if (f.is("--max-bytes")) {
      if (!f.number(&flags.read.max_article_bytes)) return kExitUsage;
    } else if (f.is("--published")) {
      if (!f.date(&flags.read.default_published)) return kExitUsage;
    } else if (f.is("--sort-buffer")) {
      if (!f.number(&flags.sort_buffer_mb, 1 << 20)) return kExitUsage;
    } else if (f.is("--arrival-order")) {
      flags.arrival_order = true;
    } else if (f.is("--reextract")) {
      flags.store.reextract = true;
    } else if (f.is("--json")) {
      flags.json = true;
    } else if (f.is("--quiet")) {
      flags.quiet = true;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else {
      flags.inputs.push_back(f.arg());
    }
  }
  if (flags.inputs.empty()) return f.usage_error("give the articles to ingest (FILE, DIR or -)");
  return kExitOk;
}

struct Tally {
  std::map<std::string, size_t> outcomes;  // new, unchanged, replaced
  std::map<std::string, size_t> skipped;   // by status code name
  size_t entities_added = 0, relations_added = 0, skipped_total = 0;
  size_t undated = 0;  // articles stored by this run with no publication date
  size_t notices = 0;  // kept articles with something wrong (a "published" that is no date)
  bool reordered = false;  // the store was rewritten in canonical order
  double reorder_seconds = 0;
};

void print_summary(const Tally& t, const store::StoreCounts& c, const std::string& db, bool json) {
  auto count = [&](const char* k) {
    auto it = t.outcomes.find(k);
    return it == t.outcomes.end() ? size_t{0} : it->second;
  };
  if (json) {
    std::string reasons;
    for (const auto& [reason, n] : t.skipped)
      reasons += (reasons.empty() ? "\"" : ",\"") + reason + "\":" + std::to_string(n);
    std::printf(
        "{\"new\":%zu,\"unchanged\":%zu,\"replaced\":%zu,\"reextracted\":%zu,\"skipped\":%zu,\"skipped_reasons\":{%s},"
        "\"undated\":%zu,\"notices\":%zu,\"reordered\":%s,"
        "\"entities_added\":%zu,\"relations_added\":%zu,\"store\":{\"documents\":%lld,"
        "\"entities\":%lld,\"relations\":%lld,\"evidence\":%lld}}\n",
        count("new"), count("unchanged"), count("replaced"), count("reextracted"), t.skipped_total, reasons.c_str(),
        t.undated,
        t.notices, t.reordered ? "true" : "false", t.entities_added, t.relations_added, static_cast<long long>(c.documents),
        static_cast<long long>(c.entities), static_cast<long long>(c.relations),
        static_cast<long long>(c.evidence));
    return;
  }
  std::printf("articles: %zu new, %zu unchanged, %zu replaced, %zu skipped", count("new"),
              count("unchanged"), count("replaced"), t.skipped_total);
  if (count("reextracted") > 0) std::printf(", %zu re-extracted", count("reextracted"));
  if (!t.skipped.empty()) {
    std::printf(" (");
    bool first = true;
    for (const auto& [reason, n] : t.skipped) {
      std::printf("%s%s %zu", first ? "" : ", ", reason.c_str(), n);
      first = false;
    }
    std::printf(")");
  }
  std::printf("\n");
  if (t.undated > 0)
    std::printf("undated: %zu article%s (no date line, dateline or \"published\"; see --published)\n", t.undated,
                t.undated == 1 ? "" : "s");
  std::printf("added: %zu entities, %zu relations\n", t.entities_added, t.relations_added);
  if (t.reordered)
    std::printf("rewrote the store in canonical order (articles arrived out of date and id order): %.1f s\n",
                t.reorder_seconds);
  std::printf("store %s: %lld articles, %lld entities, %lld relations, %lld pieces of evidence\n",
              db.c_str(), static_cast<long long>(c.documents), static_cast<long long>(c.entities),
              static_cast<long long>(c.relations), static_cast<long long>(c.evidence));
}

}  // namespace

int run_ingest(const std::vector<std::string>& args) {
  IngestFlags flags;
  int code = parse(args, flags);
  if (code == -1) return kExitOk;
  if (code != kExitOk) return code;
  ingest::Extractor extractor;
  Status st = ingest::Extractor::create(flags.extractor, &extractor);
  std::unique_ptr<store::Store> store;
  if (st.is_ok()) st = store::Store::open(flags.db, store::StoreOptions{}, &store);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph ingest: %s\n", st.message().c_str());
    return kExitFailure;
  }
  Tally tally;
  // Commit a group of articles every second (--commit-every): each article is still
  // atomic, and fewer commits write the same pages to the WAL fewer times.
  const auto kCommitEvery = std::chrono::milliseconds(flags.commit_every_ms);
  auto last_commit = std::chrono::steady_clock::now();
  Status store_failure;
  bool batch_open = false;  // begun with the first write (in_batch)
  Progress progress(total_input_bytes(flags.inputs));
  ingest::ReadCallbacks callbacks;
  // Workers extract; this thread asks the store what is unchanged before handing an
  // article out, and writes the extractions in input order.
  struct Job {
    Document doc;
    bool title_in_text = false;
    bool unchanged = false;  // stored already: never handed to the pool
    store::IngestResult result;
    Status extracted;
    Extraction x;
  };
  // Counts an article that was `undated` and `bytes` long.
  auto record = [&](bool undated, size_t bytes, const store::IngestResult& result) {
    ++tally.outcomes[store::ingest_outcome_name(result.outcome)];
    if (undated && result.outcome != store::IngestOutcome::kUnchanged) ++tally.undated;
    tally.entities_added += result.entities_added;
    tally.relations_added += result.relations_added;
    progress.advance(bytes);
  };
  // What was written is committed once kCommitEvery has passed since the last commit, also
  // in a run of unchanged articles, so a crash loses no more than that.
  auto commit_if_due = [&] {
    if (std::chrono::steady_clock::now() - last_commit <= kCommitEvery) return;
    store_failure = store->commit_batch();
    batch_open = false;  // the next write begins the next batch: a writer waiting meanwhile gets its turn
    last_commit = std::chrono::steady_clock::now();
  };
  // A batch holds the store's write lock: one a feed left open while it waited for more
  // would keep every other writer (the server, another ingest) out. So when the input
  // waits, what was read is written and committed, and the next batch begins with the
  // next article.
  auto in_batch = [&] {
    // Another writer may hold the lock for longer than SQLite waits (10 s): a rewrite into
    // canonical order of a large store. The next article can wait a little longer; a
    // failure of another kind is not waited out.
    constexpr int kLockAttempts = 6;
    for (int attempt = 0; !batch_open && store_failure.is_ok() && attempt < kLockAttempts; ++attempt) {
      const Status begun = store->begin_batch();
      batch_open = begun.is_ok();
      if (!batch_open && (begun.code() != StatusCode::kBusy || attempt + 1 == kLockAttempts)) store_failure = begun;
      last_commit = std::chrono::steady_clock::now();
    }
    return store_failure.is_ok();
  };
  OrderedPool<Job, Job> pool(
      flags.jobs,
      [&](Job& job) {  // on a worker
        job.extracted = extractor.try_extract(job.doc, job.title_in_text, &job.x);
        return std::move(job);
      },
      [&](Job& job) {  // on this thread, in input order
        if (!store_failure.is_ok()) return;
        if (!job.extracted.is_ok()) {
          callbacks.on_skip(job.extracted);  // this article only: the store is untouched by it
          return;
        }
        const bool undated = job.doc.published.empty();
        const size_t bytes = job.doc.text.size();
        if (!in_batch()) return;
        if (Status s = store->ingest(std::move(job.doc), std::move(job.x), flags.store, &job.result); !s.is_ok()) {
          store_failure = s;
          return;
        }
        commit_if_due();
        record(undated, bytes, job.result);
      });
  // Articles to extract, read ahead and handed out in canonical order once --sort-buffer
  // MB of their text is read. Those stored unchanged are counted as they are read.
  // From standard input (a feed) none waits: an article is stored as it arrives, and any
  // that came out of order are put in order when the input ends.
  std::vector<Job> pending;
  size_t pending_bytes = 0;
  const bool from_stream = std::find(flags.inputs.begin(), flags.inputs.end(), "-") != flags.inputs.end();
  const size_t read_ahead_bytes = from_stream ? 0 : flags.sort_buffer_mb << 20;
  auto hand_out_pending = [&] {
    std::stable_sort(pending.begin(), pending.end(), [](const Job& a, const Job& b) {
      return store::sorts_before(a.doc.published, a.doc.id, b.doc.published, b.doc.id);
    });
    for (Job& job : pending) {
      if (!store_failure.is_ok()) break;  // the store failed: finish quickly
      pool.submit(std::move(job));
    }
    pending.clear();
    pending_bytes = 0;
  };
  callbacks.on_document = [&](const Document& doc, bool title_in_text) {
    if (!store_failure.is_ok()) return;  // the store failed: read on only to finish quickly
    Job job;
    if (Status s = store->unchanged(doc, flags.store, &job.unchanged, &job.result); !s.is_ok()) {
      store_failure = s;
      return;
    }
    if (job.unchanged) {  // nothing to extract or write: counted here, not handed round the workers
      if (batch_open) commit_if_due();
      record(doc.published.empty(), doc.text.size(), job.result);
      return;
    }
    job.doc = doc;
    job.title_in_text = title_in_text;
    pending_bytes += doc.text.size();
    pending.push_back(std::move(job));
    if (pending_bytes >= read_ahead_bytes) hand_out_pending();
  };
  callbacks.on_skip = [&](const Status& s) {
    ++tally.skipped_total;
    ++tally.skipped[status_code_name(s.code())];
    if (!flags.quiet) std::fprintf(stderr, "newsgraph ingest: skipped %s (%s)\n", s.message().c_str(), status_code_name(s.code()));
  };
  callbacks.stop = [&] { return !store_failure.is_ok(); };  // the store failed: read no further
  callbacks.on_wait = [&] {  // standard input (nothing is held back there): nothing more has come yet
    pool.drain();
    if (!batch_open || !store_failure.is_ok()) return;
    store_failure = store->commit_batch();
    batch_open = false;
  };
  callbacks.on_notice = [&](const Status& s) {
    ++tally.notices;
    if (!flags.quiet) std::fprintf(stderr, "newsgraph ingest: note: %s\n", s.message().c_str());
  };
  ingest::DocumentReader reader(flags.read, callbacks);
  for (const auto& input : flags.inputs) {
    if (!store_failure.is_ok()) break;
    reader.read(input);
  }
  hand_out_pending();
  pool.finish();
  progress.finish();
  if (store_failure.is_ok()) store_failure = store->commit_batch();
  if (!store_failure.is_ok()) {
    std::fprintf(stderr, "newsgraph ingest: stopped, the store failed: %s\n"
                         "(articles stored before this one are kept)\n", store_failure.message().c_str());
    return kExitFailure;
  }
  if (!flags.arrival_order) {
    st = rewrite_in_canonical_order(*store, "newsgraph ingest", &tally.reordered, &tally.reorder_seconds);
    if (!st.is_ok()) {
      std::fprintf(stderr, "newsgraph ingest: the articles are stored, but rewriting the store in canonical order "
                           "failed (the next ingest or `newsgraph reorder` tries again): %s\n", st.message().c_str());
      return kExitFailure;
    }
  }
  store::StoreCounts counts;
  st = store->counts(&counts, store::Store::CountScope::kNoMentions);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph ingest: %s\n", st.message().c_str());
    return kExitFailure;
  }
  print_summary(tally, counts, flags.db, flags.json);
  return tally.skipped_total > 0 ? kExitSkipped : kExitOk;
}

}  // namespace newsgraph::cli
