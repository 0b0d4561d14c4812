// `newsgraph export`: the stored graph as GraphML, GEXF, JSON, CSV, DOT or Neo4j CSV.
// Files are written beside their target and renamed into place when complete.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "export/export_options.h"
#include "export/writer.h"
#include "graph/attributed_graph.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph export [--db PATH] [--format F] [-o FILE|DIR]\n"
    "                        [--multi] [--all-directed] [--no-layout] [filters]\n"
    "\n"
    "Writes the stored graph for other tools. graphml and gexf open in Gephi ready to read:\n"
    "colour by type, size by PageRank, a force-directed layout, a community attribute and\n"
    "edge colour by cooperation (green) or conflict (red); gexf adds spells from article\n"
    "dates for Gephi's timeline. json is node-link (D3, networkx); cytoscape is\n"
    "Cytoscape.js's elements (data, position); graphology is what sigma.js and Gephi Lite\n"
    "load (graph.import()); csv writes nodes.csv and edges.csv for Gephi's spreadsheet\n"
    "import into DIR; neo4j writes nodes.csv and relationships.csv for neo4j-admin import\n"
    "into DIR; dot is for Graphviz (neato -n2 keeps the layout). Every edge's id is\n"
    "r<relation id>, and it lists its relation ids, article ids and URLs and up to three\n"
    "evidence sentences. Without -o, single-file formats go to standard output.\n"
    "\n"
    "options:\n"
    "  --db PATH            the store (default newsgraph.db)\n"
    "  --format F           graphml (default), gexf, json, cytoscape, graphology, csv, dot,\n"
    "                       neo4j\n"
    "  -o, --output P       the file (or directory for csv and neo4j)\n"
    "  --multi              one edge per predicate; by default the predicates between an\n"
    "                       ordered pair are one edge carrying each predicate's count\n"
    "  --gexf-version V     1.3 (default) or 1.2 (1.2draft, for networkx and older tools)\n"
    "  --all-directed       write every edge directed; by default the symmetric predicates\n"
    "                       (MEET, COOPERATE, FAMILY, CO_OCCURS) of a pair are one undirected\n"
    "                       edge in a directed graph (Gephi reads that mixed graph; networkx\n"
    "                       refuses it, so use this for networkx)\n"
    "  --no-layout          skip the layout (components and isolated nodes packed, no forces)\n"
    "filters:\n"
    "  --min-weight N       relations supported by at least N articles\n"
    "  --predicates A,B     only these predicates (e.g. MEET,SUPPLY)\n"
    "  --types T,U          only entities of these types (e.g. PERSON,COUNTRY)\n"
    "  --since DATE         evidence from articles dated DATE (YYYY-MM-DD) or later\n"
    "  --until DATE         evidence from articles dated DATE or earlier\n"
    "  --center ENTITY      the ego network of an entity (id, name or alias)\n"
    "  --depth N            hops around --center (default 1)\n"
    "  --cooccurs           also the co-occurrence edges (CO_OCCURS: named in the same\n"
    "                       sentence); left out by default, as they are 97% of relations\n"
    "                       and would hide the typed ones (--no-cooccurs: the default)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit codes: 0 ok, 2 usage error (bad flag, unknown --center), 3 failure.\n";

// --min-weight, --predicates, ...: the export options that take a value.
bool is_filter_flag(const std::string& arg) {
  for (const char* name : {"--min-weight", "--predicates", "--types", "--since", "--until", "--center", "--depth"})
    if (arg == name) return true;
  return false;
}

struct ExportFlags {
  std::string db = "newsgraph.db", format = "graphml", output, gexf_version = "1.3";
  exporter::ExportOptions options;
  graph::GraphFilter filter = exporter::default_export_filter();
};

int parse(const std::vector<std::string>& args, ExportFlags& x) {
  FlagReader f("export", args);
  std::string v;
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
    } else if (f.is("--cooccurs")) {
      exporter::apply_export_option("cooccurs", "true", &x.filter, &x.options);
    } else if (f.is("--multi") || f.is("--no-layout") || f.is("--no-cooccurs") || f.is("--all-directed")) {
      std::string flag = f.arg();
      const char* name = flag == "--multi"          ? "multi"
                         : flag == "--no-layout"    ? "layout"
                         : flag == "--all-directed" ? "mixed"
                                                    : "cooccurs";
      exporter::apply_export_option(name, flag == "--multi" ? "true" : "false", &x.filter, &x.options);
    } else if (is_filter_flag(f.arg())) {
      std::string name = f.arg().substr(2);
      if (!f.value(&v)) return kExitUsage;
      Status st = exporter::apply_export_option(name, v, &x.filter, &x.options);
      if (!st.is_ok()) return f.usage_error("--" + st.message());
    } else {
      return f.unknown_option(kHelp);
    }
  }
  const std::set<std::string> formats{"graphml", "gexf", "json", "cytoscape", "graphology", "csv", "dot", "neo4j"};
  if (!formats.count(x.format))
    return f.usage_error("--format must be one of graphml, gexf, json, cytoscape, graphology, csv, dot, neo4j");
  if ((x.format == "csv" || x.format == "neo4j") && x.output.empty())
    return f.usage_error("--format " + x.format + " writes two files: give a directory with -o");
  return kExitOk;
}

// Passes what is written on to another buffer and shows the running count of bytes.
class CountingBuffer : public std::streambuf {
 public:
  CountingBuffer(std::streambuf* to, StageLine* line) : to_(to), line_(line) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize put = to_->sputn(s, n);
    count_ += static_cast<size_t>(std::max<std::streamsize>(put, 0));
    line_->bytes(count_);
    return put;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (traits_type::eq_int_type(to_->sputc(traits_type::to_char_type(c)), traits_type::eof()))
      return traits_type::eof();
    ++count_;
    return c;
  }
  int sync() override { return to_->pubsync(); }

 private:
  std::streambuf* to_;
  StageLine* line_;
  size_t count_ = 0;
};

// Writes through a CountingBuffer, so the stage line shows the MB written.
Status write_counted(const exporter::GraphWriter& writer, const exporter::ExportGraph& g, std::ostream& out,
                     StageLine* line) {
  CountingBuffer counting(out.rdbuf(), line);
  std::ostream counted(&counting);
  Status st = writer.write(g, counted);
  if (st.is_ok() && !out) return Status::error(StatusCode::kIoError, "cannot write the export");
  return st;
}

// Writes to `path` through a temporary file renamed into place; "" means stdout. A
// device or a pipe (-o /dev/stdout, a FIFO) is written as it is, and a symbolic link's
// target is replaced, not the link.
Status write_file(const exporter::ExportGraph& g, exporter::Format format, const std::string& path,
                  StageLine* line) {
  namespace fs = std::filesystem;
  auto writer = exporter::make_writer(format);
  line->stage("writing " + (path.empty() ? std::string("to standard output") : path));
  if (path.empty()) return write_counted(*writer, g, std::cout, line);
  std::error_code ec;
  fs::file_status kind = fs::status(path, ec);  // follows links
  if (fs::exists(kind) && !fs::is_regular_file(kind)) {
    if (fs::is_directory(kind)) return Status::error(StatusCode::kIoError, "cannot write " + path + ": a directory");
    std::ofstream out(path, std::ios::binary);
    if (!out) return Status::error(StatusCode::kIoError, "cannot write " + path);
    Status st = write_counted(*writer, g, out, line);
    return st.is_ok() ? st : Status::error(StatusCode::kIoError, "cannot write " + path + ": " + st.message());
  }
  fs::path target = path;  // through links, to the file they name (which may not exist yet)
  for (int hop = 0; hop < 40 && fs::is_symlink(fs::symlink_status(target, ec)); ++hop) {
    fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  std::string partial = target.string() + ".partial";
  Status st;
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Status::error(StatusCode::kIoError, "cannot write " + path);
    st = write_counted(*writer, g, out, line);
  }
  if (st.is_ok()) fs::rename(partial, target, ec);
  if (!st.is_ok() || ec) {
    fs::remove(partial, ec);
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
  std::unique_ptr<store::Store> store;
  store::StoreOptions store_options;
  store_options.create = false;
  graph::AttributedGraph attributed;
  StageLine line("newsgraph export");  // on a terminal only
  line.stage("reading " + x.db);
  Status st = store::Store::open(x.db, store_options, &store);
  if (st.is_ok()) st = graph::load_attributed_graph(*store, x.filter, &attributed);
  if (!st.is_ok()) {
    line.finish();
    std::fprintf(stderr, "newsgraph export: %s\n", st.message().c_str());
    return st.code() == StatusCode::kNotFound && !x.filter.center.empty() ? kExitUsage : kExitFailure;
  }
  line.stage("ranking, grouping and laying out " + std::to_string(attributed.nodes.size()) + " nodes");
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
                    : x.format == "json"       ? Format::kJson
                    : x.format == "cytoscape"  ? Format::kCytoscape
                    : x.format == "graphology" ? Format::kGraphology
                    : x.format == "dot"        ? Format::kDot
                                               : Format::kGraphml;
    files = {{format, x.output}};
  }
  for (const auto& [format, path] : files) {
    st = write_file(g, format, path, &line);
    if (!st.is_ok()) {
      line.finish();
      std::fprintf(stderr, "newsgraph export: %s\n", st.message().c_str());
      return kExitFailure;
    }
  }
  line.finish();
  std::fprintf(stderr, "newsgraph export: %zu nodes, %zu edges%s%s\n", g.graph.nodes.size(), g.edges.size(),
               x.output.empty() ? "" : " to ", x.output.c_str());
  return kExitOk;
}

}  // namespace newsgraph::cli
