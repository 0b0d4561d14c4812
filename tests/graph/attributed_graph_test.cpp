#include "graph/attributed_graph.h"

#include <catch2/catch.hpp>

#include "store/queries.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::graph;
using namespace newsgraph::testing;

namespace {

Article dated(const std::string& id, const std::string& date, const std::string& text) {
  Article a = article(id, text);
  a.doc.published = date;
  return a;
}

// An article in which Putin meets Kim.
Article meeting(const std::string& id, const std::string& date, const std::string& text) {
  Article a = dated(id, date, text);
  add_entity(a, "Putin", EntityType::kPerson, "vladimir_putin");
  add_entity(a, "Kim", EntityType::kPerson, "kim_jong_un");
  add_relation(a, "Putin", Predicate::kMeet, "Kim");
  return a;
}

const AttributedNode& node(const AttributedGraph& g, const std::string& id) {
  for (const auto& n : g.nodes)
    if (n.id == id) return n;
  FAIL("no node " << id);
  return g.nodes.front();
}

// The edge between two nodes with this predicate, either way round (MEET is symmetric).
const AttributedEdge& edge(const AttributedGraph& g, const std::string& from, Predicate p, const std::string& to) {
  for (const auto& e : g.edges) {
    const std::string &s = g.nodes[e.source].id, &t = g.nodes[e.target].id;
    if (e.predicate == p && ((s == from && t == to) || (s == to && t == from))) return e;
  }
  FAIL("no edge " << from << " " << predicate_name(p) << " " << to);
  return g.edges.front();
}

}  // namespace

TEST_CASE("nodes carry their articles, mentions and dates, edges their first sentence, on one or two connections",
          "[attributed]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article a1 = meeting("a1", "2024-01-05", "Putin bertemu Kim di Moskow.");
  Article a2 = meeting("a2", "2024-03-10", "Putin bertemu Kim lagi di Pyongyang.");
  Article a3 = dated("a3", "2024-02-01", "Putin mendukung Xi.");
  add_entity(a3, "Putin", EntityType::kPerson, "vladimir_putin");
  add_entity(a3, "Xi", EntityType::kPerson, "xi_jinping");
  add_relation(a3, "Putin", Predicate::kSupport, "Xi");
  for (const Article* a : {&a1, &a2, &a3}) ingest(*store, *a);

  GraphFilter one, two;
  one.parallel_above = 1 << 30;
  two.parallel_above = 0;
  for (const GraphFilter* f : {&one, &two}) {
    AttributedGraph g;
    REQUIRE(load_attributed_graph(*store, *f, &g).is_ok());
    const AttributedNode& putin = node(g, "vladimir_putin");
    CHECK(putin.articles == 3);
    CHECK(putin.mentions == 3);
    CHECK(putin.first_seen == "2024-01-05");
    CHECK(putin.last_seen == "2024-03-10");
    CHECK(node(g, "kim_jong_un").articles == 2);
    CHECK(node(g, "xi_jinping").first_seen == "2024-02-01");
    const AttributedEdge& meet = edge(g, "kim_jong_un", Predicate::kMeet, "vladimir_putin");
    CHECK(meet.weight == 2);
    CHECK(meet.sample == "Putin bertemu Kim di Moskow.");
    CHECK(meet.more_samples == std::vector<std::string_view>{"Putin bertemu Kim lagi di Pyongyang."});
    CHECK(meet.dates == std::vector<std::string>{"2024-01-05", "2024-03-10"});
    CHECK(edge(g, "vladimir_putin", Predicate::kSupport, "xi_jinping").sample == "Putin mendukung Xi.");
    CHECK(edge(g, "vladimir_putin", Predicate::kSupport, "xi_jinping").more_samples.empty());
  }
  GraphFilter window = two;
  window.since = "2024-02-01";
  AttributedGraph g;
  REQUIRE(load_attributed_graph(*store, window, &g).is_ok());
  const AttributedEdge& meet = edge(g, "kim_jong_un", Predicate::kMeet, "vladimir_putin");
  CHECK(meet.weight == 1);  // only a2 falls inside the window
  CHECK(meet.sample == "Putin bertemu Kim lagi di Pyongyang.");  // and its sentence is the sample
  CHECK(meet.more_samples.empty());
}

TEST_CASE("a typed edge finds its sentence when few of many sentences are wanted", "[attributed]") {
  // Twenty articles of co-occurrence only and one typed sentence: the sample is read by
  // a lookup rather than by walking every stored sentence.
  auto store = open_store(temp_dir() + "/few_samples.db");
  for (int i = 0; i < 20; ++i) {
    Article a = dated("c" + std::to_string(i), "2024-01-0" + std::to_string(1 + i % 9),
                      "Jokowi dan Albanese hadir, laporan " + std::to_string(i) + ".");
    add_entity(a, "Jokowi", EntityType::kPerson, "joko_widodo");
    add_entity(a, "Albanese", EntityType::kPerson, "anthony_albanese");
    add_relation(a, "Jokowi", Predicate::kCoOccurs, "Albanese");
    ingest(*store, a);
  }
  Article typed = dated("t", "2024-02-02", "Jokowi menuduh Albanese.");
  add_entity(typed, "Jokowi", EntityType::kPerson, "joko_widodo");
  add_entity(typed, "Albanese", EntityType::kPerson, "anthony_albanese");
  add_relation(typed, "Jokowi", Predicate::kAccuse, "Albanese");
  ingest(*store, typed);

  AttributedGraph g;
  REQUIRE(load_attributed_graph(*store, GraphFilter{}, &g).is_ok());
  CHECK(edge(g, "joko_widodo", Predicate::kAccuse, "anthony_albanese").sample == "Jokowi menuduh Albanese.");
  const AttributedEdge& together = edge(g, "joko_widodo", Predicate::kCoOccurs, "anthony_albanese");
  CHECK(together.sample.empty());
  CHECK(together.weight == 20);
  CHECK(together.dates.size() == 9);
  // Co-occurrence has no evidence rows: a window counts its articles from their pairs.
  GraphFilter window;
  window.since = "2024-01-05";
  window.until = "2024-01-09";
  AttributedGraph w;
  REQUIRE(load_attributed_graph(*store, window, &w).is_ok());
  CHECK(edge(w, "joko_widodo", Predicate::kCoOccurs, "anthony_albanese").weight == 10);
}

TEST_CASE("a sentence that supports several relations is one sample text, shared", "[attributed]") {
  auto store = open_store(temp_dir() + "/shared_sample.db");
  Article a = dated("s", "2024-04-04", "Putin mendukung Xi dan menuduh Biden.");
  add_entity(a, "Putin", EntityType::kPerson, "vladimir_putin");
  add_entity(a, "Xi", EntityType::kPerson, "xi_jinping");
  add_entity(a, "Biden", EntityType::kPerson, "joe_biden");
  add_relation(a, "Putin", Predicate::kSupport, "Xi");
  add_relation(a, "Putin", Predicate::kAccuse, "Biden");
  ingest(*store, a);
  for (int64_t parallel_above : {int64_t{1} << 30, int64_t{0}}) {
    GraphFilter f;
    f.parallel_above = parallel_above;
    AttributedGraph g;
    REQUIRE(load_attributed_graph(*store, f, &g).is_ok());
    const AttributedEdge& support = edge(g, "vladimir_putin", Predicate::kSupport, "xi_jinping");
    const AttributedEdge& accuse = edge(g, "vladimir_putin", Predicate::kAccuse, "joe_biden");
    CHECK(support.sample == "Putin mendukung Xi dan menuduh Biden.");
    CHECK(accuse.sample.data() == support.sample.data());
    CHECK(g.sample_texts.size() == 1);
    // Moved, the graph's samples still read.
    AttributedGraph moved = std::move(g);
    CHECK(edge(moved, "vladimir_putin", Predicate::kAccuse, "joe_biden").sample == accuse.sample);
  }
}

TEST_CASE("a write between the two connections' reads does not mix two states into one graph", "[attributed]") {
  std::string path = temp_dir() + "/two_states.db";
  auto store = open_store(path);
  ingest(*store, meeting("a1", "2024-01-05", "Putin bertemu Kim di Moskow."));
  ingest(*store, meeting("a2", "2024-03-10", "Putin bertemu Kim lagi di Pyongyang."));
  // This connection reads inside a snapshot taken now (as the API does); another one
  // then removes the second article before the load opens its second connection.
  store::ReadSnapshot snapshot(*store);
  int64_t version = 0;
  REQUIRE(data_version(*store, &version).is_ok());
  {
    auto writer = open_store(path);
    bool found = false;
    REQUIRE(writer->remove("a2", &found).is_ok());
    REQUIRE(found);
  }
  GraphFilter two_connections;
  two_connections.parallel_above = 0;
  AttributedGraph g;
  REQUIRE(load_attributed_graph(*store, two_connections, &g).is_ok());
  // Everything as the snapshot shows it: both articles, on the nodes and on the edge.
  CHECK(node(g, "vladimir_putin").articles == 2);
  CHECK(node(g, "kim_jong_un").last_seen == "2024-03-10");
  const AttributedEdge& meet = edge(g, "kim_jong_un", Predicate::kMeet, "vladimir_putin");
  CHECK(meet.weight == 2);
  CHECK(meet.dates == std::vector<std::string>{"2024-01-05", "2024-03-10"});
}
