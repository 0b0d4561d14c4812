// `newsgraph remove`: retract articles and exactly what they produced.
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
    "usage: newsgraph remove [--db PATH] ID...\n"
    "\n"
    "Retracts articles by id: their evidence, mentions and merge log go, relation\n"
    "weights are recounted, and entities no other article names are deleted. When\n"
    "articles after one removed (in canonical order: date, then id) merged names with\n"
    "it, or an entity it named that no gazetteer fixes is named by others too (its\n"
    "label and type may have come from the article), the store is then written again in\n"
    "that order without it, as if it had never been ingested (see `newsgraph merge`).\n"
    "\n"
    "options:\n"
    "  --db PATH    the store (default newsgraph.db)\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit codes: 0 all removed, 1 some ids were not in the store, 2 usage error, 3 failure.\n";

}  // namespace

int run_remove(const std::vector<std::string>& args) {
  FlagReader f("remove", args);
  std::string db = "newsgraph.db";
  std::vector<std::string> ids;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else {
      ids.push_back(f.arg());
    }
  }
  if (ids.empty()) return f.usage_error("give the ids of the articles to remove");
  std::unique_ptr<store::Store> store;
  store::StoreOptions options;
  options.create = false;
  Status st = store::Store::open(db, options, &store);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph remove: %s\n", st.message().c_str());
    return kExitFailure;
  }
  size_t missing = 0;
  for (const std::string& id : ids) {
    bool found = false;
    st = store->remove(id, &found);
    if (!st.is_ok()) {
      std::fprintf(stderr, "newsgraph remove: %s\n", st.message().c_str());
      return kExitFailure;
    }
    if (found) {
      std::printf("removed %s\n", id.c_str());
    } else {
      ++missing;
      std::fprintf(stderr, "newsgraph remove: no article with id '%s'\n", id.c_str());
    }
  }
  bool rewritten = false;
  double seconds = 0;
  st = rewrite_in_canonical_order(*store, "newsgraph remove", &rewritten, &seconds);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph remove: removed, but rewriting the store in canonical order failed (the next "
                         "ingest or `newsgraph reorder` tries again): %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (rewritten) std::printf("rewrote the store in canonical order: %.1f s\n", seconds);
  return missing > 0 ? kExitSkipped : kExitOk;
}

}  // namespace newsgraph::cli
