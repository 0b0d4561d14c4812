// `newsgraph reorder`: puts a store that articles left out of canonical order (the REST
// API's, `ingest --arrival-order`, a failed rewrite) back in it, now, without ingesting.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <memory>

#include "cli/canonical_rewrite.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph reorder [--db PATH] [--json]\n"
    "\n"
    "Rewrites the store in canonical order (publication date, then id; undated last)\n"
    "when articles were written out of it: taken by the REST API in the order they came,\n"
    "ingested with --arrival-order, or a rewrite that did not finish. Until then some\n"
    "cross-article merges may differ from those an ingest in canonical order makes;\n"
    "`newsgraph stats` says whether a store is out of order. A store in order is left\n"
    "as it is. The rewrite is one transaction: a crash leaves the store as it was. It\n"
    "needs free disk for a copy of the store and a write-ahead log as large as it, and\n"
    "takes about what ingesting its articles took.\n"
    "\n"
    "options:\n"
    "  --db PATH    the store (default newsgraph.db)\n"
    "  --json       print {\"db\", \"rewritten\", \"seconds\"} as one JSON object\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit codes: 0 ok (rewritten, or in order already), 2 usage error, 3 failure (no\n"
    "store, unreadable store, the rewrite failed: the store is left as it was).\n";

}  // namespace

int run_reorder(const std::vector<std::string>& args) {
  FlagReader f("reorder", args);
  std::string db = "newsgraph.db";
  bool json = false;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is("--json")) {
      json = true;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else {
      return f.usage_error("reorder takes no arguments but options (the store is --db)");
    }
  }
  // Asked first on a connection for reading, so that a store in order, read-only or not,
  // is left as it is; only a marked one is opened for writing and rewritten.
  std::unique_ptr<store::Store> store;
  bool out_of_order = false;
  Status st = store::Store::open(db, store::StoreOptions::for_reading(), &store);
  if (st.is_ok()) st = store::out_of_canonical_order(*store, &out_of_order);
  store.reset();
  bool rewritten = false;
  double seconds = 0;
  if (st.is_ok() && out_of_order) {
    store::StoreOptions options;
    options.create = false;
    st = store::Store::open(db, options, &store);
    if (st.is_ok()) st = rewrite_in_canonical_order(*store, "newsgraph reorder", &rewritten, &seconds);
  }
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph reorder: %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (json) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("db");
    w.String(db.c_str(), static_cast<rapidjson::SizeType>(db.size()));
    w.Key("rewritten");
    w.Bool(rewritten);
    w.Key("seconds");
    w.Double(seconds);
    w.EndObject();
    std::printf("%s\n", buffer.GetString());
  } else if (rewritten) {
    std::printf("rewrote %s in canonical order: %.1f s\n", db.c_str(), seconds);
  } else {
    std::printf("%s is in canonical order already: left as it is\n", db.c_str());
  }
  return kExitOk;
}

}  // namespace newsgraph::cli
