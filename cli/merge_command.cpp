// `newsgraph merge`: combine stores built from disjoint sets of articles into a new one.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "store/store_merge.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph merge [--json] [--quiet] [--arrival-order] OUT.db IN.db...\n"
    "\n"
    "Writes a new store OUT.db holding every article of the stores IN.db, as one store\n"
    "would that ingested them all in order of publication date, then id: the same\n"
    "entities, merges, relations, weights and evidence, whatever order the inputs were\n"
    "built in or are named in, so shard stores built apart (on several machines) merge\n"
    "in any order and in a tree. Articles are written again from the inputs' rows, not\n"
    "extracted again. The inputs' curation (overrides) holds for all of them.\n"
    "\n"
    "OUT.db must not exist. It is written as OUT.db.partial and renamed when whole: a\n"
    "crash or an error leaves no OUT.db. An article in several inputs with the same text\n"
    "is written once; one id with two different texts is an error. When one input's\n"
    "articles all come before the others' and no input has overrides, that input is\n"
    "copied as it is and only the others' articles are written (a store, then a shard\n"
    "of later articles: the cost of the shard, not of the store). The inputs' articles\n"
    "are sorted in temporary files in $TMPDIR (some 100 to 200 bytes an article).\n"
    "\n"
    "options:\n"
    "  --arrival-order  the first IN.db is a base the others are added to, as\n"
    "                   `ingest --arrival-order` would add their articles: it is copied\n"
    "                   as it is (its overrides too) and the others' articles are written\n"
    "                   after its own, even those that sort before some of its own. The\n"
    "                   cost is theirs, not the base's. OUT.db is then marked out of\n"
    "                   canonical order when any did, or when the base was (`newsgraph\n"
    "                   stats` says so), until `newsgraph reorder` or an ingest\n"
    "                   rewrites it\n"
    "  --json           print the report as one JSON object\n"
    "  --quiet          print nothing on success\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit codes: 0 merged, 2 usage error (also: OUT.db exists, an input is no store of\n"
    "this newsgraph, inputs disagree on an article), 3 failure (reading or writing).\n";

}  // namespace

int run_merge(const std::vector<std::string>& args) {
  FlagReader f("merge", args);
  bool json = false, quiet = false;
  store::MergeOptions options;
  std::vector<std::string> paths;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--json")) {
      json = true;
    } else if (f.is("--quiet")) {
      quiet = true;
    } else if (f.is("--arrival-order")) {
      options.arrival_order = true;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else {
      paths.push_back(f.arg());
    }
  }
  if (paths.size() < 2) return f.usage_error("give the new store, then one or more stores to merge into it");
  const std::string out = paths.front();
  const std::vector<std::string> inputs(paths.begin() + 1, paths.end());
  CountLine line("newsgraph merge", "articles");
  options.progress = [&line](size_t done, size_t total) { line.done(done, total); };
  store::MergeReport report;
  const Status st = store::merge_stores(out, inputs, options, &report);
  line.finish();
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph merge: %s\n", st.message().c_str());
    const bool refused = st.code() == StatusCode::kInvalidInput || st.code() == StatusCode::kNotFound;
    return refused ? kExitUsage : kExitFailure;
  }
  if (json) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("out");
    w.String(out.c_str(), static_cast<rapidjson::SizeType>(out.size()));
    const std::pair<const char*, size_t> counts[] = {{"inputs", report.inputs},
                                                     {"articles", report.articles},
                                                     {"copied", report.copied},
                                                     {"duplicates", report.duplicates},
                                                     {"same_text", report.same_text},
                                                     {"overrides", report.overrides}};
    for (const auto& [key, n] : counts) {
      w.Key(key);
      w.Uint64(n);
    }
    w.Key("canonical_order");
    w.Bool(!report.out_of_order);
    w.EndObject();
    std::printf("%s\n", buffer.GetString());
  } else if (!quiet) {
    std::printf("merged %zu stores into %s: %zu articles", report.inputs, out.c_str(), report.articles);
    if (report.copied > 0)
      std::printf(options.arrival_order ? " (%zu of them with the base's store, as it was)"
                                        : " (%zu of them with their store, which came first, as it was)",
                  report.copied);
    if (report.duplicates > 0) std::printf(", %zu copies found in more than one store written once", report.duplicates);
    if (report.same_text > 0) std::printf(", %zu texts already stored under another id", report.same_text);
    if (report.overrides > 0) std::printf(", %zu overrides", report.overrides);
    std::printf("\n");
    if (report.out_of_order)
      std::printf("%s is out of canonical order: `newsgraph reorder --db %s` rewrites it\n", out.c_str(),
                  out.c_str());
  }
  return kExitOk;
}

}  // namespace newsgraph::cli
