// `newsgraph curate`: apply a user's overrides file to the stored graph.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph curate [--db PATH] [--dry-run] [--force] OVERRIDES.json\n"
    "       newsgraph curate [--db PATH] --list [--json]\n"
    "\n"
    "Corrects entity resolution in the store without re-reading the articles.\n"
    "The file is a JSON object with optional lists:\n"
    "  {\"merge\": [[\"John Kirby\", \"Kirby\", \"J. Kirby\"]],   names to make one entity;\n"
    "                                                    the first name's entity is kept\n"
    "   \"never\": [[\"Kim Jong Un\", \"Kim Jong Il\"]],        two names to keep apart,\n"
    "                                                    split now if merged\n"
    "   \"rename\": [[\"Keamanan Wiranto\", \"Wiranto\"]],      a new label that recounts keep\n"
    "   \"retype\": [[\"Realme\", \"ORGANIZATION\"]],           a new type that recounts keep\n"
    "   \"delete\": [\"Baca Juga\"],                          an entity, its relations and\n"
    "                                                    evidence; later articles leave\n"
    "                                                    its names out\n"
    "   \"unset\": [[\"label\", \"Wiranto\"],                   takes overrides back (label,\n"
    "             [\"merge\", \"John Kirby\", \"Kirby\"]]}     type, delete; merge, never)\n"
    "Names are labels, aliases or entity ids. The overrides are kept in the store and\n"
    "apply to every later ingest. All or nothing: a name that names several entities\n"
    "(give the id) or a merge of entities of different types (a person and a country)\n"
    "is refused, saying why, and nothing changes.\n"
    "\n"
    "options:\n"
    "  --db PATH    the store (default newsgraph.db)\n"
    "  --dry-run    print every change the file would make, and make none\n"
    "  --force      merge entities even when their types differ\n"
    "  --list       print the overrides kept in the store (--json: one JSON array)\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 refused (nothing changed) or some names matched no entity,\n"
    "2 usage error or bad file, 3 failure.\n";

// Prints the overrides kept in the store: "kind  a  b" lines, or a JSON array.
int list_overrides(const std::string& db, bool json) {
  std::unique_ptr<store::Store> store;
  store::StoreOptions open_options;
  open_options.create = false;
  std::vector<store::OverrideRow> rows;
  Status st = store::Store::open(db, open_options, &store);
  if (st.is_ok()) st = store->list_overrides(&rows);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph curate: %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (json) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartArray();
    for (const auto& r : rows) {
      w.StartObject();
      w.Key("kind");
      w.String(r.kind.c_str());
      w.Key("a");
      w.String(r.a.c_str());
      w.Key("b");
      w.String(r.b.c_str());
      w.EndObject();
    }
    w.EndArray();
    std::printf("%s\n", buffer.GetString());
  } else {
    for (const auto& r : rows) std::printf("%-7s %s%s%s\n", r.kind.c_str(), r.a.c_str(), r.b.empty() ? "" : "  ", r.b.c_str());
  }
  return kExitOk;
}

}  // namespace

int run_curate(const std::vector<std::string>& args) {
  FlagReader f("curate", args);
  std::string db = "newsgraph.db", file;
  store::CurateOptions options;
  bool list = false, json = false;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is("--dry-run")) {
      options.dry_run = true;
    } else if (f.is("--force")) {
      options.force = true;
    } else if (f.is("--list")) {
      list = true;
    } else if (f.is("--json")) {
      json = true;
    } else if (f.is_option() || !file.empty()) {
      return f.unknown_option(kHelp);
    } else {
      file = f.arg();
    }
  }
  if (list) return list_overrides(db, json);
  if (file.empty()) return f.usage_error("give the overrides file (or --list)");
  std::ifstream in(file, std::ios::binary);
  if (!in) return f.usage_error("cannot read " + file);
  std::stringstream content;
  content << in.rdbuf();
  store::Overrides overrides;
  Status st = store::parse_overrides(content.str(), file, &overrides);
  if (!st.is_ok()) return f.usage_error(st.message());
  std::unique_ptr<store::Store> store;
  store::StoreOptions open_options;
  open_options.create = false;
  store::CurateReport report;
  st = store::Store::open(db, open_options, &store);
  if (st.is_ok()) st = store->curate(overrides, options, &report);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph curate: %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (!report.rejected.empty()) {
    for (const std::string& why : report.rejected) std::fprintf(stderr, "newsgraph curate: refused: %s\n", why.c_str());
    std::fprintf(stderr, "newsgraph curate: nothing changed\n");
    return kExitSkipped;
  }
  for (const std::string& change : report.changes) std::printf("%s%s\n", options.dry_run ? "would " : "", change.c_str());
  std::printf("%s %s: %zu merged, %zu split, %zu edited\n", options.dry_run ? "dry run, nothing changed in" : "curated",
              db.c_str(), report.merged, report.split, report.edited);
  for (const std::string& name : report.unknown_names)
    std::fprintf(stderr, "newsgraph curate: no entity is named '%s'\n", name.c_str());
  return report.unknown_names.empty() ? kExitOk : kExitSkipped;
}

}  // namespace newsgraph::cli
