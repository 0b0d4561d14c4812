// Exports read back by real readers: xmllint against the GraphML XSD and the GEXF
// Relax NG schema, networkx (GraphML, GEXF, node-link JSON) and igraph (GraphML).
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <set>
#include <filesystem>

#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

const char kTrickyName[] = "Tom & Jerry's \"Café\" <Ltd>";
const char kAccentedName[] = "Ñoño Müller-Đorđević";

// The examples plus one article whose names need escaping everywhere.
std::string make_store() {
  std::string db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  auto store = open_store(db);
  Article a = article("tricky", std::string(kTrickyName) + " menuduh " + kAccentedName + " di Jakarta.");
  add_entity(a, kTrickyName, EntityType::kOrganization);
  add_entity(a, kAccentedName, EntityType::kPerson);
  add_relation(a, kTrickyName, Predicate::kAccuse, kAccentedName);
  add_relation(a, kTrickyName, Predicate::kCoOccurs, kAccentedName);
  ingest(*store, a);
  return db;
}

std::string python() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

// The store exported as node-link JSON without layout, with these flags.
rapidjson::Document export_json(const std::string& db, const std::string& flags) {
  auto r = run(binary() + " export --cooccurs --format json --no-layout --db " + db + " " + flags);
  REQUIRE(r.exit_code == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

rapidjson::Document read_back(const std::string& reader, const std::string& file, const std::string& node) {
  auto r = run(python() + " " + source_dir() + "/tests/export/read_graph.py " + reader + " " + file + " " + shell_quote(node));
  REQUIRE(r.exit_code == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

int64_t sql_count(const std::string& db, const std::string& sql) {
  auto r = run("sqlite3 " + db + " \"" + sql + "\"");
  REQUIRE(r.exit_code == 0);
  return std::stoll(r.out);
}

// xmllint against a schema in ../shared; skipped, saying so, where ../shared is absent.
void validate(const char* how, const std::string& schema, const std::string& file) {
  if (shared_dir().empty()) {
    WARN("../shared is absent: schema validation of " << file << " skipped");
    return;
  }
  INFO("xmllint " << how << " " << schema << " " << file);
  CHECK(run(std::string("xmllint --noout --nonet --") + how + " " + shared_dir() + "/schemas/" + schema + " " + file)
            .exit_code == 0);
}

bool have_python_graph_libraries() {
  return run(python() + " -c 'import networkx, igraph'").exit_code == 0 && run("xmllint --version").exit_code == 0;
}

}  // namespace

TEST_CASE("GraphML validates, and networkx and igraph read the store's nodes, edges and names", "[export]") {
  if (!have_python_graph_libraries()) {
    WARN("python3-networkx, python3-igraph or libxml2-utils missing: export read-back skipped");
    return;
  }
  std::string db = make_store();
  std::string file = temp_dir() + "/g.graphml";
  REQUIRE(run(binary() + " export --cooccurs --db " + db + " -o " + file).exit_code == 0);
  CHECK(read_file(file).rfind("<?xml version=\"1.0\"", 0) == 0);
  validate("schema", "graphml/graphml.xsd", file);
  // networkx refuses a mixed graph: it reads the same export with every edge directed.
  std::string directed = temp_dir() + "/d.graphml";
  REQUIRE(run(binary() + " export --cooccurs --all-directed --db " + db + " -o " + directed).exit_code == 0);
  validate("schema", "graphml/graphml.xsd", directed);
  int64_t nodes = sql_count(db, "SELECT COUNT(*) FROM entities");
  // An edge per ordered pair for the directed predicates, per unordered pair for the
  // symmetric ones (stored in key order).
  int64_t pairs = sql_count(db, "SELECT COUNT(*) FROM (SELECT DISTINCT subject_key, object_key, p.name IN "
                                "('MEET', 'COOPERATE', 'FAMILY', 'CO_OCCURS') FROM relations "
                                "JOIN predicates p ON p.code = predicate WHERE subject_key <> object_key)");
  for (const auto& [reader, path] : {std::pair<std::string, std::string>{"networkx-graphml", directed},
                                     {"igraph-graphml", file}}) {
    INFO(reader);
    auto d = read_back(reader, path, kTrickyName);
    CHECK(d["nodes"].GetInt64() == nodes);
    CHECK(d["edges"].GetInt64() == pairs);
    CHECK(d["viz"].GetBool());
    REQUIRE(d["node"].HasMember("label"));
    CHECK(std::string(d["node"]["label"].GetString()) == kTrickyName);
    CHECK(std::string(d["node"]["type"].GetString()) == "ORGANIZATION");
  }
  auto accented = read_back("networkx-graphml", directed, kAccentedName);
  CHECK(std::string(accented["node"]["label"].GetString()) == kAccentedName);
}

TEST_CASE("the multi option keeps one edge per predicate", "[export]") {
  if (!have_python_graph_libraries()) return;
  std::string db = make_store();
  std::string file = temp_dir() + "/g.graphml";
  REQUIRE(run(binary() + " export --cooccurs --multi --all-directed --db " + db + " -o " + file).exit_code == 0);
  auto d = read_back("networkx-graphml", file, "");
  CHECK(d["edges"].GetInt64() == sql_count(db, "SELECT COUNT(*) FROM relations WHERE subject_key <> object_key"));
}

TEST_CASE("GEXF 1.3 validates against the Relax NG schema and networkx reads it with viz", "[export]") {
  if (!have_python_graph_libraries()) return;
  std::string db = make_store();
  std::string file = temp_dir() + "/g.gexf";
  REQUIRE(run(binary() + " export --cooccurs --format gexf --db " + db + " -o " + file).exit_code == 0);
  validate("relaxng", "gexf-1.3/gexf.rng", file);
  std::string text = read_file(file);
  CHECK_THAT(text, Catch::Contains("xmlns=\"http://gexf.net/1.3\"") && Catch::Contains("<spell start=\""));
  // networkx reads GEXF 1.2draft only: the same graph in that dialect.
  std::string draft = temp_dir() + "/g12.gexf";
  REQUIRE(run(binary() + " export --cooccurs --format gexf --gexf-version 1.2 --all-directed --db " + db + " -o " + draft).exit_code ==
          0);
  auto d = read_back("networkx-gexf", draft, kTrickyName);
  CHECK(d["nodes"].GetInt64() == sql_count(db, "SELECT COUNT(*) FROM entities"));
  CHECK(d["viz"].GetBool());
  CHECK(std::string(d["node"]["label"].GetString()) == kTrickyName);
  std::string multi = temp_dir() + "/m.gexf";
  REQUIRE(run(binary() + " export --cooccurs --format gexf --multi --db " + db + " -o " + multi).exit_code == 0);
  CHECK_THAT(read_file(multi), Catch::Contains("kind=\"ACCUSE\""));
  validate("relaxng", "gexf-1.3/gexf.rng", multi);
}

TEST_CASE("node-link JSON reads back in networkx with every node positioned and coloured", "[export]") {
  if (!have_python_graph_libraries()) return;
  std::string db = make_store();
  std::string file = temp_dir() + "/g.json";
  REQUIRE(run(binary() + " export --cooccurs --format json --db " + db + " -o " + file).exit_code == 0);
  auto d = read_back("networkx-json", file, kAccentedName);
  CHECK(d["nodes"].GetInt64() == sql_count(db, "SELECT COUNT(*) FROM entities"));
  CHECK(d["viz"].GetBool());
  CHECK(std::string(d["node"]["label"].GetString()) == kAccentedName);
}

TEST_CASE("CSV, Neo4j CSV and DOT hold one row per node and per edge", "[export]") {
  std::string db = make_store();
  std::string dir = temp_dir();
  int64_t nodes = sql_count(db, "SELECT COUNT(*) FROM entities");
  int64_t relations = sql_count(db, "SELECT COUNT(*) FROM relations WHERE subject_key <> object_key");
  auto lines = [](const std::string& s) { return static_cast<int64_t>(std::count(s.begin(), s.end(), '\n')); };
  REQUIRE(run(binary() + " export --cooccurs --format csv --multi --db " + db + " -o " + dir + "/gephi").exit_code == 0);
  std::string node_csv = read_file(dir + "/gephi/nodes.csv");
  CHECK(node_csv.rfind("Id,Label,", 0) == 0);
  CHECK(lines(node_csv) == nodes + 1);
  CHECK(read_file(dir + "/gephi/edges.csv").rfind("Source,Target,Type,", 0) == 0);
  CHECK_THAT(node_csv, Catch::Contains("\"Tom & Jerry's \"\"Café\"\" <Ltd>\""));
  REQUIRE(run(binary() + " export --cooccurs --format neo4j --db " + db + " -o " + dir + "/neo").exit_code == 0);
  CHECK(read_file(dir + "/neo/nodes.csv").rfind("id:ID,name,:LABEL", 0) == 0);
  std::string rels = read_file(dir + "/neo/relationships.csv");
  CHECK(lines(rels) == relations + 1);
  CHECK_THAT(rels, Catch::Contains(",ACCUSE,"));
  auto dot = run(binary() + " export --cooccurs --format dot --multi --db " + db);
  CHECK(dot.out.rfind("digraph newsgraph {", 0) == 0);
  size_t arrows = 0;
  for (size_t at = dot.out.find(" -> "); at != std::string::npos; at = dot.out.find(" -> ", at + 1)) ++arrows;
  CHECK(static_cast<int64_t>(arrows) == relations);
  // Drawn as laid out (neato -n2): circles as wide as their size, symmetric edges without arrowheads.
  CHECK_THAT(dot.out, Catch::Contains("fixedsize=true") && Catch::Contains("dir=none") && Catch::Contains("label=\"ACCUSE\""));
  CHECK(run(binary() + " export --format csv --db " + db).exit_code == 2);  // needs -o DIR
}

TEST_CASE("export filters select types, predicates, weights, dates and ego networks", "[export]") {
  std::string db = make_store();
  auto json = [&](const std::string& flags) { return export_json(db, flags); };
  auto all = json("");
  auto people = json("--types PERSON,ORGANIZATION");
  CHECK(people["nodes"].Size() > 0);
  CHECK(people["nodes"].Size() < all["nodes"].Size());
  for (const auto& n : people["nodes"].GetArray())
    CHECK_THAT(n["type"].GetString(), Catch::Equals("PERSON") || Catch::Equals("ORGANIZATION"));
  auto accuse = json("--predicates ACCUSE --multi");
  CHECK(accuse["links"].Size() >= 1);
  for (const auto& e : accuse["links"].GetArray()) CHECK(std::string(e["label"].GetString()) == "ACCUSE");
  auto heavy = json("--min-weight 2");
  for (const auto& e : heavy["links"].GetArray()) CHECK(e["weight"].GetInt() >= 2);
  CHECK(json("--since 2999-01-01")["links"].Size() == 0);
  auto ego = json("--center " + shell_quote(kAccentedName) + " --depth 1");
  CHECK(ego["nodes"].Size() == 2);
  CHECK(run(binary() + " export --db " + db + " --center Atlantis").exit_code == 2);
  CHECK(run(binary() + " export --db " + db + " --since yesterday").exit_code == 2);
  CHECK(run(binary() + " export --db " + db + " --types ALIEN").exit_code == 2);
  CHECK(run(binary() + " export --help").exit_code == 0);
}

TEST_CASE("export into a pipe or through a symbolic link keeps the pipe and the link", "[export]") {
  std::string db = make_store();
  std::string dir = temp_dir();
  // A FIFO read by another process: written in place, not replaced by a regular file.
  std::string fifo = dir + "/pipe";
  REQUIRE(run("mkfifo " + fifo).exit_code == 0);
  auto r = run("cat " + fifo + " > " + dir + "/from_pipe & " + binary() + " export --db " + db + " -o " + fifo +
               "; wait");
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(read_file(dir + "/from_pipe").rfind("<?xml", 0) == 0);
  // A link to a file: the file gets the graph and the link stays a link.
  std::filesystem::create_directories(dir + "/data");
  std::filesystem::create_symlink(dir + "/data/graph.graphml", dir + "/link.graphml");
  REQUIRE(run(binary() + " export --db " + db + " -o " + dir + "/link.graphml").exit_code == 0);
  CHECK(std::filesystem::is_symlink(dir + "/link.graphml"));
  CHECK(read_file(dir + "/data/graph.graphml").rfind("<?xml", 0) == 0);
  // A directory is no file to write.
  CHECK(run(binary() + " export --db " + db + " -o " + dir + "/data").exit_code == 3);
}

TEST_CASE("export names its stages on a terminal and stays quiet in a pipe", "[export]") {
  std::string db = make_store();
  std::string file = temp_dir() + "/staged.graphml";
  std::string errors = temp_dir() + "/stderr.txt";
  REQUIRE(run(binary() + " export --db " + db + " -o " + file, errors).exit_code == 0);
  std::string piped = read_file(errors);
  CHECK(piped.find('\r') == std::string::npos);
  CHECK_THAT(piped, Catch::Contains("nodes") && !Catch::Contains("writing"));
  if (run("script --version").exit_code != 0) {
    WARN("script (util-linux) missing: the terminal display is not checked");
    return;
  }
  // script(1) gives the command a terminal.
  auto shown = run("script -qec " + shell_quote(binary() + " export --db " + db + " -o " + file) + " /dev/null");
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("reading " + db) && Catch::Contains("writing " + file));
  CHECK(shown.out.find('\r') != std::string::npos);
}

namespace {

// The link between two labels in a node-link JSON export, or nullptr.
const rapidjson::Value* link_between(const rapidjson::Document& d, const std::string& a, const std::string& b,
                                     const std::string& label) {
  for (const auto& e : d["links"].GetArray()) {
    const std::string s = e["source"].GetString(), t = e["target"].GetString();
    if (e["label"].GetString() == label && ((s == a && t == b) || (s == b && t == a))) return &e;
  }
  return nullptr;
}

const rapidjson::Value* node_named(const rapidjson::Document& d, const std::string& id) {
  for (const auto& n : d["nodes"].GetArray())
    if (n["id"].GetString() == id) return &n;
  return nullptr;
}

}  // namespace

TEST_CASE("publication dates, never the day of ingest, give first and last seen, spells and time windows",
          "[export][dates]") {
  const std::string dir = temp_dir();
  write_file(dir + "/news.jsonl",
             R"({"id": "a16", "text": "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Moskow.", "published": "2016-05-01"}
{"id": "a17", "text": "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Sochi.", "published": "Sabtu, 1 Juli 2017 10:00 WIB"}
{"id": "a19", "text": "Presiden Joko Widodo mengkritik Israel atas serangan itu.", "published": "2019-03-01"}
{"id": "nd", "text": "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Beijing."}
)");
  write_file(dir + "/b18.txt", "Jokowi bertemu Abe\n2 Februari 2018\n\nPresiden Joko Widodo bertemu Perdana Menteri Shinzo Abe di Tokyo.\n");
  const std::string db = dir + "/g.db";
  auto ingested = run(binary() + " ingest --json --db " + db + " " + dir + "/news.jsonl " + dir + "/b18.txt");
  REQUIRE(ingested.exit_code == 0);
  rapidjson::Document summary;
  summary.Parse(ingested.out.c_str());
  CHECK(summary["undated"].GetInt() == 1);

  auto json = [&](const std::string& flags) { return export_json(db, flags); };
  auto all = json("");
  const auto* meet = link_between(all, "joko_widodo", "vladimir_putin", "MEET");
  REQUIRE(meet);
  CHECK(std::string((*meet)["first_seen"].GetString()) == "2016-05-01");
  CHECK(std::string((*meet)["last_seen"].GetString()) == "2017-07-01");  // the undated article dates nothing
  CHECK((*meet)["weight"].GetInt() == 3);                                  // but counts
  const auto* jokowi = node_named(all, "joko_widodo");
  REQUIRE(jokowi);
  CHECK(std::string((*jokowi)["first_seen"].GetString()) == "2016-05-01");
  CHECK(std::string((*jokowi)["last_seen"].GetString()) == "2019-03-01");
  const auto* abe = node_named(all, "shinzo_abe");
  REQUIRE(abe);
  CHECK(std::string((*abe)["first_seen"].GetString()) == "2018-02-02");  // from the text file's date line

  auto y2019 = json("--since 2019-01-01 --until 2019-12-31");
  CHECK(y2019["nodes"].Size() > 0);
  CHECK(link_between(y2019, "joko_widodo", "israel", "ACCUSE"));
  CHECK_FALSE(link_between(y2019, "joko_widodo", "vladimir_putin", "MEET"));
  auto y2017 = json("--since 2017-01-01 --until 2017-12-31");
  const auto* meet2017 = link_between(y2017, "joko_widodo", "vladimir_putin", "MEET");
  REQUIRE(meet2017);
  CHECK((*meet2017)["weight"].GetInt() == 1);  // neither 2016 nor the undated article falls in 2017

  auto gexf = run(binary() + " export --format gexf --db " + db);
  REQUIRE(gexf.exit_code == 0);
  CHECK_THAT(gexf.out, Catch::Contains("<spell start=\"2016-05-01\" end=\"2016-05-01\"/>"));
  CHECK_THAT(gexf.out, Catch::Contains("<spell start=\"2019-03-01\" end=\"2019-03-01\"/>"));
  auto today = run("date -u +%Y-%m-%d");
  REQUIRE(today.out.size() >= 10);
  CHECK_THAT(gexf.out, !Catch::Contains(today.out.substr(0, 10)));

  auto quality = run(binary() + " stats --quality --json --db " + db);
  REQUIRE(quality.exit_code == 0);
  rapidjson::Document q;
  q.Parse(quality.out.c_str());
  REQUIRE_FALSE(q.HasParseError());
  CHECK(q["quality"]["undated_articles"].GetInt() == 1);
  CHECK(q["quality"]["articles"].GetInt() == 5);
}

TEST_CASE("cytoscape and graphology JSON carry the node-link export's nodes, edges, positions and undirected edges",
          "[export]") {
  std::string db = make_store();
  std::string dir = temp_dir();
  auto node_link = export_json(db, "");
  size_t symmetric = 0;
  for (const auto& l : node_link["links"].GetArray()) symmetric += l["symmetric"].GetBool();
  auto shape = [&](const std::string& format, const std::string& file) {
    REQUIRE(run(binary() + " export --cooccurs --no-layout --format " + format + " --db " + db + " -o " + dir + "/" + file)
                .exit_code == 0);
    rapidjson::Document d;
    d.Parse(read_file(dir + "/" + file).c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
  };
  auto cy = shape("cytoscape", "g.cyjs");
  REQUIRE(cy["elements"]["nodes"].Size() == node_link["nodes"].Size());
  REQUIRE(cy["elements"]["edges"].Size() == node_link["links"].Size());
  for (const auto& n : cy["elements"]["nodes"].GetArray()) {
    CHECK(n["data"]["id"].IsString());
    CHECK(n["position"]["x"].IsNumber());
  }
  size_t cy_undirected = 0;
  for (const auto& e : cy["elements"]["edges"].GetArray()) {
    CHECK(std::string(e["data"]["id"].GetString()).rfind("r", 0) == 0);
    CHECK(e["data"]["source"].IsString());
    cy_undirected += !e["data"]["directed"].GetBool();
  }
  CHECK(cy_undirected == symmetric);
  // Two links of one ordered pair (a directed and a symmetric predicate) make the
  // node-link graph a multigraph, so networkx keeps both.
  std::set<std::pair<std::string, std::string>> ordered;
  bool repeated = false;
  for (const auto& l : node_link["links"].GetArray())
    repeated = !ordered.insert({l["source"].GetString(), l["target"].GetString()}).second || repeated;
  CHECK(node_link["multigraph"].GetBool() == repeated);
  auto gy = shape("graphology", "g.graphology.json");
  CHECK(std::string(gy["options"]["type"].GetString()) == "mixed");
  CHECK(gy["options"]["multi"].GetBool() == repeated);
  for (const auto& n : gy["nodes"].GetArray()) {  // sigma.js draws a node by its "type": not an entity type
    CHECK_FALSE(n["attributes"].HasMember("type"));
    CHECK(n["attributes"]["entity_type"].IsString());
  }
  REQUIRE(gy["nodes"].Size() == node_link["nodes"].Size());
  REQUIRE(gy["edges"].Size() == node_link["links"].Size());
  size_t gy_undirected = 0;
  for (const auto& n : gy["nodes"].GetArray()) CHECK(n["attributes"]["x"].IsNumber());
  for (const auto& e : gy["edges"].GetArray()) gy_undirected += e.HasMember("undirected") && e["undirected"].GetBool();
  CHECK(gy_undirected == symmetric);
  CHECK(symmetric > 0);

  // The JavaScript readers themselves, where a user has installed them from npm
  // (NEWSGRAPH_NODE_MODULES=/path/to/node_modules); CI has no npm packages.
  const char* modules = std::getenv("NEWSGRAPH_NODE_MODULES");
  if (!modules || run("node --version").exit_code != 0) {
    WARN("NEWSGRAPH_NODE_MODULES unset or no node: graphology and Cytoscape.js readers not run");
    return;
  }
  REQUIRE(run(binary() + " export --cooccurs --format gexf --db " + db + " -o " + dir + "/g.gexf").exit_code == 0);
  REQUIRE(run(binary() + " export --cooccurs --db " + db + " -o " + dir + "/g.graphml").exit_code == 0);
  auto r = run("NODE_PATH=" + shell_quote(modules) + " node " + source_dir() + "/tests/export/js_readers.js " + dir);
  REQUIRE(r.exit_code == 0);
  size_t readers = 0;
  for (size_t at = 0; at < r.out.size();) {
    const size_t end = r.out.find('\n', at);
    rapidjson::Document line;
    line.Parse(r.out.substr(at, end - at).c_str());
    at = end == std::string::npos ? r.out.size() : end + 1;
    if (line.HasParseError()) continue;
    INFO(line["reader"].GetString());
    ++readers;
    CHECK(line["nodes"].GetUint64() == node_link["nodes"].Size());
    CHECK(line["edges"].GetUint64() == node_link["links"].Size());
    CHECK(line["positioned"].GetUint64() == node_link["nodes"].Size());
    if (std::string(line["reader"].GetString()) != "graphology-graphml")  // it reads every edge as directed
      CHECK(line["undirected"].GetUint64() == symmetric);
  }
  CHECK(readers == 4);
}

TEST_CASE("labels are marked for the top-ranked nodes only, and Gephi's CSV says which edges are undirected",
          "[export]") {
  std::string db = make_store();
  auto d = export_json(db, "");
  const size_t n = d["nodes"].Size();
  const size_t expected = std::min<size_t>(n, std::max<size_t>(20, static_cast<size_t>(std::sqrt(double(n)))));
  size_t shown = 0;
  double lowest_shown = 1e300, highest_hidden = -1;
  for (const auto& node : d["nodes"].GetArray()) {
    const double rank = node["pagerank"].GetDouble();
    if (node["label_visible"].GetBool()) {
      ++shown;
      lowest_shown = std::min(lowest_shown, rank);
    } else {
      highest_hidden = std::max(highest_hidden, rank);
    }
  }
  REQUIRE(n > expected);  // some labels hidden, or the ranks below would compare nothing
  CHECK(shown == expected);
  CHECK(lowest_shown >= highest_hidden);
  const std::string dir = temp_dir();
  REQUIRE(run(binary() + " export --cooccurs --format csv --db " + db + " -o " + dir + "/gephi").exit_code == 0);
  const std::string edges = read_file(dir + "/gephi/edges.csv");
  size_t symmetric = 0;
  for (const auto& l : d["links"].GetArray()) symmetric += l["symmetric"].GetBool();
  size_t undirected = 0;
  for (size_t at = edges.find(",Undirected,r"); at != std::string::npos; at = edges.find(",Undirected,r", at + 1)) ++undirected;
  CHECK(undirected == symmetric);
  CHECK(symmetric > 0);
}
