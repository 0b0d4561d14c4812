// newsgraph: builds a knowledge graph of who did what to whom from news articles.
// Dispatches to the subcommands; catches anything thrown so nothing escapes main.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace {

const char kUsage[] =
    "usage: newsgraph <command> [options]\n"
    "\n"
    "commands:\n"
    "  extract   extract entities and typed relations from articles (JSON Lines or text)\n"
    "  ingest    extract articles and merge them into the graph store\n"
    "  stats     statistics of the stored graph (Boost.Graph)\n"
    "  show      one entity: names, articles, heaviest relations with a sentence each\n"
    "  search    entities by name and evidence sentences by their words\n"
    "  export    write the graph as GraphML, GEXF, JSON, CSV, DOT or Neo4j CSV\n"
    "  serve     the REST API for relationship queries\n"
    "  remove    retract articles and what they produced\n"
    "  curate    correct entity resolution with an overrides file\n"
    "  merge     combine stores of different articles (shards) into a new one\n"
    "  reorder   put a store written out of canonical order back in it\n"
    "\n"
    "Run 'newsgraph <command> --help' for a command's options.\n"
    "Exit codes: 0 ok, 1 some inputs skipped (show, search: nothing found), 2 usage\n"
    "error, 3 failure.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  try {
    if (argc < 2) {
      std::fputs(kUsage, stderr);
      return kExitUsage;
    }
    std::string command = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    }
    if (command == "--version") {
      std::puts("newsgraph 0.1.0");
      return kExitOk;
    }
    if (command == "extract") return run_extract(args);
    if (command == "ingest") return run_ingest(args);
    if (command == "stats") return run_stats(args);
    if (command == "export") return run_export(args);
    if (command == "serve") return run_serve(args);
    if (command == "remove") return run_remove(args);
    if (command == "curate") return run_curate(args);
    if (command == "show") return run_show(args);
    if (command == "search") return run_search(args);
    if (command == "merge") return run_merge(args);
    if (command == "reorder") return run_reorder(args);
    std::fprintf(stderr, "newsgraph: unknown command '%s'\n\n%s", command.c_str(), kUsage);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsgraph: internal error: %s\n", e.what());
    return kExitFailure;
  } catch (...) {
    std::fprintf(stderr, "newsgraph: internal error\n");
    return kExitFailure;
  }
}
