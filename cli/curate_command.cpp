// `newsgraph curate`: apply a user's overrides file to the stored graph.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph curate [--db PATH] OVERRIDES.json\n"
    "\n"
    "Corrects entity resolution in the store without re-reading the articles.\n"
    "The file is a JSON object with two optional lists:\n"
    "  {\"merge\": [[\"John Kirby\", \"Kirby\", \"J. Kirby\"]],   names to make one entity;\n"
    "                                                    the first name's entity is kept\n"
    "   \"never\": [[\"Kim Jong Un\", \"Kim Jong Il\"]]}        two names to keep apart,\n"
    "                                                    split now if merged\n"
    "Names are labels, aliases or entity ids. The overrides are kept in the store and\n"
    "apply to every later ingest.\n"
    "\n"
    "options:\n"
    "  --db PATH    the store (default newsgraph.db)\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 some names matched no entity, 2 usage error or bad file,\n"
    "3 failure.\n";

}  // namespace

int run_curate(const std::vector<std::string>& args) {
  FlagReader f("curate", args);
  std::string db = "newsgraph.db", file;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is_option() || !file.empty()) {
      return f.unknown_option(kHelp);
    } else {
      file = f.arg();
    }
  }
  if (file.empty()) return f.usage_error("give the overrides file");
  std::ifstream in(file, std::ios::binary);
  if (!in) return f.usage_error("cannot read " + file);
  std::stringstream content;
  content << in.rdbuf();
  store::Overrides overrides;
  Status st = store::parse_overrides(content.str(), file, &overrides);
  if (!st.is_ok()) return f.usage_error(st.message());
  std::unique_ptr<store::Store> store;
  store::StoreOptions options;
  options.create = false;
  store::CurateReport report;
  st = store::Store::open(db, options, &store);
  if (st.is_ok()) st = store->curate(overrides, &report);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph curate: %s\n", st.message().c_str());
    return kExitFailure;
  }
  std::printf("curated %s: %zu merged, %zu split\n", db.c_str(), report.merged, report.split);
  for (const std::string& name : report.unknown_names)
    std::fprintf(stderr, "newsgraph curate: no entity is named '%s'\n", name.c_str());
  return report.unknown_names.empty() ? kExitOk : kExitSkipped;
}

}  // namespace newsgraph::cli
