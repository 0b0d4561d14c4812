// `newsgraph export`: the stored graph as GraphML, GEXF, JSON, CSV, DOT or Neo4j CSV.
// Files are written beside their target and renamed into place when complete.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "export/writer.h"
#include "graph/attributed_graph.h"
#include "graph/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph export [--db PATH] --format graphml|gexf|json|csv|dot|neo4j [-o FILE|DIR]\n"
    "                        [--multi] [--no-layout] [filters]\n"
    "\n"
    "Writes the stored graph for other tools. graphml and gexf open in Gephi ready to read:\n"
    "colour by type, size by PageRank, a force-directed layout, a community attribute and\n"
    "edge colour by cooperation (green) or conflict (red); gexf adds spells from article\n"
    "dates for Gephi's timeline. json is node-link (D3, Cytoscape.js, sigma.js, networkx);\n"
    "csv writes nodes.csv and edges.csv for Gephi's spreadsheet import into DIR; neo4j\n"
    "writes nodes.csv and relationships.csv for neo4j-admin import into DIR; dot is for\n"
    "Graphviz. Without -o, single-file formats go to standard output.\n"
    "\n"
    "options:\n"
    "  --db PATH            the store (default newsgraph.db)\n"
    "  --format F           graphml (default), gexf, json, csv, dot, neo4j\n"
    "  -o, --output P       the file (or directory for csv and neo4j)\n"
    "  --multi              one edge per predicate; by default the predicates between an\n"
    "                       ordered pair are one edge carrying each predicate's count\n"
    "  --gexf-version V     1.3 (default) or 1.2 (1.2draft, for networkx and older tools)\n"
    "  --no-layout          skip the force-directed layout (positions on a circle)\n"
    "filters:\n"
    "  --min-weight N       relations supported by at least N articles\n"
    "  --predicates A,B     only these predicates (e.g. MEET,SUPPLY)\n"
    "  --types T,U          only entities of these types (e.g. PERSON,COUNTRY)\n"
    "  --since DATE         evidence from articles dated DATE (YYYY-MM-DD) or later\n"
    "  --until DATE         evidence from articles dated DATE or earlier\n"
    "  --center ENTITY      the ego network of an entity (id, name or alias)\n"
    "  --depth N            hops around --center (default 1)\n"
    "  --no-cooccurs        typed relations only\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit codes: 0 ok, 2 usage error (bad flag, unknown --center), 3 failure.\n";

// Splits "A,B" and parses each part; false (with a message) on an unknown name.
template <typename T, typename Parse>
bool parse_list(FlagReader& f, const std::string& list, std::set<T>* out, Parse parse, const char* what) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(start, comma - start);
    if (!item.empty()) {
      auto parsed = parse(item);
      if (!parsed) {
        f.usage_error("unknown " + std::string(what) + " '" + item + "'");
        return false;
      }
      out->insert(*parsed);
    }
    start = comma + 1;
  }
  return true;
}

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

struct ExportFlags {
  std::string db = "newsgraph.db", format = "graphml", output, gexf_version = "1.3";
  exporter::ExportOptions options;
  graph::GraphFilter filter;
};

int parse(const std::vector<std::string>& args, ExportFlags& x) {
  FlagReader f("export", args);
  std::string v;
  size_t n = 0;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return -1;
    } else if (f.is("--db")) {
      if (!f.value(&x.db)) return kExitUsage;
    } else if (f.is("--format")) {
      if (!f.value(&x.format)) return kExitUsage;
    } else if (f.is("-o") || f.is("--output")) {
      if (!f.value(&x.output)) return kExitUsage;
    } else if (f.is("--gexf-version")) {
      if (!f.value(&x.gexf_version)) return kExitUsage;
      if (x.gexf_version != "1.3" && x.gexf_version != "1.2") return f.usage_error("--gexf-version is 1.3 or 1.2");
    } else if (f.is("--multi")) {
      x.options.multi = true;
    } else if (f.is("--no-layout")) {
      x.options.layout = false;
    } else if (f.is("--no-cooccurs")) {
      x.filter.include_cooccurs = false;
    } else if (f.is("--min-weight")) {
      if (!f.number(&n, 1u << 30)) return kExitUsage;
      x.filter.min_weight = static_cast<uint32_t>(n);
    } else if (f.is("--depth")) {
      if (!f.number(&n, 100)) return kExitUsage;
      x.filter.depth = static_cast<uint32_t>(n);
    } else if (f.is("--center")) {
      if (!f.value(&x.filter.center)) return kExitUsage;
    } else if (f.is("--predicates")) {
      if (!f.value(&v) || !parse_list(f, v, &x.filter.predicates, parse_predicate, "predicate")) return kExitUsage;
    } else if (f.is("--types")) {
      if (!f.value(&v) || !parse_list(f, v, &x.filter.types, parse_entity_type, "type")) return kExitUsage;
    } else if (f.is("--since") || f.is("--until")) {
      std::string flag = f.arg();
      if (!f.value(&v)) return kExitUsage;
      if (!is_date(v)) return f.usage_error(flag + " takes a date as YYYY-MM-DD, not '" + v + "'");
      (flag == "--since" ? x.filter.since : x.filter.until) = v;
    } else {
      return f.unknown_option(kHelp);
    }
  }
  const std::set<std::string> formats{"graphml", "gexf", "json", "csv", "dot", "neo4j"};
  if (!formats.count(x.format)) return f.usage_error("--format must be one of graphml, gexf, json, csv, dot, neo4j");
  if ((x.format == "csv" || x.format == "neo4j") && x.output.empty())
    return f.usage_error("--format " + x.format + " writes two files: give a directory with -o");
  return kExitOk;
}

// Writes to `path` through a temporary file renamed into place; "" means stdout.
Status write_file(const exporter::ExportGraph& g, exporter::Format format, const std::string& path) {
  auto writer = exporter::make_writer(format);
  if (path.empty()) return writer->write(g, std::cout);
  std::string partial = path + ".partial";
  Status st;
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Status::error(StatusCode::kIoError, "cannot write " + path);
    st = writer->write(g, out);
  }
  std::error_code ec;
  if (st.is_ok()) std::filesystem::rename(partial, path, ec);
  if (!st.is_ok() || ec) {
    std::filesystem::remove(partial, ec);
    return Status::error(StatusCode::kIoError, "cannot write " + path + (st.is_ok() ? "" : ": " + st.message()));
  }
  return Status::ok();
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
  ExportFlags x;
  int code = parse(args, x);
  if (code == -1) return kExitOk;
  if (code != kExitOk) return code;
  std::unique_ptr<graph::Store> store;
  graph::StoreOptions store_options;
  store_options.create = false;
  graph::AttributedGraph attributed;
  Status st = graph::Store::open(x.db, store_options, &store);
  if (st.is_ok()) st = graph::load_attributed_graph(*store, x.filter, &attributed);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph export: %s\n", st.message().c_str());
    return st.code() == StatusCode::kNotFound && !x.filter.center.empty() ? kExitUsage : kExitFailure;
  }
  exporter::ExportGraph g = exporter::build_export_graph(std::move(attributed), x.options);
  using exporter::Format;
  std::vector<std::pair<Format, std::string>> files;
  if (x.format == "csv" || x.format == "neo4j") {
    std::error_code ec;
    std::filesystem::create_directories(x.output, ec);
    bool csv = x.format == "csv";
    files = {{csv ? Format::kCsvNodes : Format::kNeo4jNodes, x.output + "/nodes.csv"},
             {csv ? Format::kCsvEdges : Format::kNeo4jRelationships,
              x.output + (csv ? "/edges.csv" : "/relationships.csv")}};
  } else {
    Format format = x.format == "gexf" ? (x.gexf_version == "1.2" ? Format::kGexf12 : Format::kGexf)
                    : x.format == "json" ? Format::kJson
                    : x.format == "dot"  ? Format::kDot
                                         : Format::kGraphml;
    files = {{format, x.output}};
  }
  for (const auto& [format, path] : files) {
    st = write_file(g, format, path);
    if (!st.is_ok()) {
      std::fprintf(stderr, "newsgraph export: %s\n", st.message().c_str());
      return kExitFailure;
    }
  }
  std::fprintf(stderr, "newsgraph export: %zu nodes, %zu edges%s%s\n", g.graph.nodes.size(), g.edges.size(),
               x.output.empty() ? "" : " to ", x.output.c_str());
  return kExitOk;
}

}  // namespace newsgraph::cli
