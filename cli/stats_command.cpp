// `newsgraph stats`: statistics of the stored graph, as a table or one JSON object.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "graph/graph_view.h"
#include "graph/statistics.h"
#include "graph/statistics_format.h"
#include "store/quality.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph stats [--db PATH] [--json] [--top N] [--quality] [--no-cooccurs]\n"
    "\n"
    "Statistics of the stored graph: nodes and edges by type and predicate, density,\n"
    "weak and strong components, degree distribution, the top entities by degree,\n"
    "weighted degree, PageRank and betweenness (exact on small graphs, sampled with a\n"
    "stated error on large ones), clustering, diameter and average path length, and\n"
    "Louvain communities with their modularity. It also says when the store was written\n"
    "out of canonical order (see `newsgraph reorder`).\n"
    "\n"
    "options:\n"
    "  --db PATH        the store (default newsgraph.db)\n"
    "  --json           one JSON object instead of a table\n"
    "  --top N          entries in each ranking (default 10)\n"
    "  --quality        add how trustworthy the graph is (evidence, modality, names)\n"
    "  --no-cooccurs    leave co-occurrence edges out; typed relations only\n"
    "  --min-weight N   leave out relations supported by fewer than N articles\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit codes: 0 ok, 2 usage error, 3 failure (no store, unreadable store).\n";

}  // namespace

int run_stats(const std::vector<std::string>& args) {
  FlagReader f("stats", args);
  std::string db = "newsgraph.db";
  bool json = false, quality = false;
  graph::StatisticsOptions options;
  graph::GraphViewOptions view_options;
  while (f.next()) {
    size_t n = 0;
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is("--json")) {
      json = true;
    } else if (f.is("--quality")) {
      quality = true;
    } else if (f.is("--no-cooccurs")) {
      view_options.include_cooccurs = false;
    } else if (f.is("--top")) {
      if (!f.number(&options.top, 100000)) return kExitUsage;
    } else if (f.is("--min-weight")) {
      if (!f.number(&n, 1u << 30)) return kExitUsage;
      view_options.min_weight = static_cast<uint32_t>(n);
    } else {
      return f.unknown_option(kHelp);
    }
  }
  std::unique_ptr<store::Store> store;
  store::StoreOptions store_options;
  store_options.create = false;
  graph::GraphView view;
  store::GraphQuality q;
  StageLine line("newsgraph stats");  // on a terminal only
  line.stage("reading " + db);
  Status st = store::Store::open(db, store_options, &store);
  if (st.is_ok()) st = graph::GraphView::load(*store, view_options, &view);
  if (st.is_ok() && quality) {
    line.stage("checking entity quality");
    st = store::compute_quality(*store, options.top, &q);
  }
  if (!st.is_ok()) {
    line.finish();
    std::fprintf(stderr, "newsgraph stats: %s\n", st.message().c_str());
    return kExitFailure;
  }
  line.stage("measuring " + std::to_string(view.node_count()) + " nodes and " + std::to_string(view.edges().size()) +
             " relations");
  graph::GraphStatistics s = graph::compute_statistics(view, options);
  line.finish();
  bool out_of_order = false;
  if (st = store::out_of_canonical_order(*store, &out_of_order); !st.is_ok()) {
    std::fprintf(stderr, "newsgraph stats: %s\n", st.message().c_str());
    return kExitFailure;
  }
  s.canonical_order = !out_of_order;
  if (json) {
    std::cout << graph::statistics_json(s, quality ? &q : nullptr) << '\n';
  } else {
    graph::write_statistics_table(s, quality ? &q : nullptr, std::cout);
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitFailure;
}

}  // namespace newsgraph::cli
