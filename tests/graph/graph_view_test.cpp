#include "graph/graph_view.h"

#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "store/queries.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::graph;
using namespace newsgraph::testing;

namespace {

std::vector<NodeInfo> numbered(size_t n) {
  std::vector<NodeInfo> nodes(n);
  for (size_t i = 0; i < n; ++i) nodes[i] = {"n" + std::to_string(i), "N" + std::to_string(i), EntityType::kPerson};
  return nodes;
}

std::set<std::tuple<std::string, Predicate, std::string, uint32_t>> edge_set(const GraphView& g) {
  std::set<std::tuple<std::string, Predicate, std::string, uint32_t>> out;
  for (const EdgeInfo& e : g.edges()) out.emplace(g.nodes()[e.source].id, e.predicate, g.nodes()[e.target].id, e.weight);
  return out;
}

}  // namespace

TEST_CASE("parallel edges fold into one arc whose weight is their sum, rows sorted by target", "[graph_view]") {
  std::vector<EdgeInfo> edges = {
      {0, 3, Predicate::kSupport, 2}, {0, 1, Predicate::kThreaten, 1}, {0, 3, Predicate::kAccuse, 5},
      {2, 0, Predicate::kSupport, 1}, {0, 2, Predicate::kSupport, 4}, {1, 1, Predicate::kSupport, 9}};
  GraphView g = GraphView::from_edges(numbered(4), edges);
  const Csr& d = g.directed();
  REQUIRE(d.offsets[1] - d.offsets[0] == 3);
  CHECK(std::vector<uint32_t>(d.targets.begin(), d.targets.begin() + 3) == std::vector<uint32_t>{1, 2, 3});
  CHECK(d.weights[2] == 7);  // SUPPORT 2 + ACCUSE 5 from 0 to 3
  CHECK(d.offsets[2] - d.offsets[1] == 0);  // the self-loop is left out
  const Csr& u = g.undirected();
  REQUIRE(u.offsets[1] - u.offsets[0] == 3);
  CHECK(u.weights[1] == 5);  // 0-2 both ways: 4 + 1
}

TEST_CASE("a store read on two connections gives the same graph as one connection", "[graph_view][store]") {
  auto store = open_store(temp_dir() + "/g.db");
  for (int i = 0; i < 40; ++i) {
    Article a = article("a" + std::to_string(i), "Kalimat nomor " + std::to_string(i) + ".");
    std::string left = "Orang " + std::to_string(i), right = "Orang " + std::to_string((i * 7 + 3) % 40);
    add_entity(a, left, EntityType::kPerson);
    if (right != left) add_entity(a, right, EntityType::kPerson);
    add_entity(a, "Rusia", EntityType::kCountry, "russia");
    add_relation(a, left, Predicate::kSupport, "Rusia");
    if (right != left) add_relation(a, left, Predicate::kAccuse, right);
    ingest(*store, a);
  }
  GraphViewOptions one, two;
  one.parallel_above = 1 << 30;
  two.parallel_above = 0;
  GraphView a, b;
  REQUIRE(GraphView::load(*store, one, &a).is_ok());
  REQUIRE(GraphView::load(*store, two, &b).is_ok());
  CHECK(a.node_count() == b.node_count());
  CHECK(a.edges().size() >= 40);
  CHECK(edge_set(a) == edge_set(b));
  CHECK(a.directed().targets == b.directed().targets);
  CHECK(a.undirected().weights == b.undirected().weights);
  auto russia_in = 0;
  for (const EdgeInfo& e : b.edges()) russia_in += b.nodes()[e.target].id == "russia";
  CHECK(russia_in == 40);
}

TEST_CASE("relations read on two connections come from one state though a write lands between", "[graph_view][store]") {
  std::string path = temp_dir() + "/two_states.db";
  auto store = open_store(path);
  for (int i = 0; i < 10; ++i) {
    Article a = article("a" + std::to_string(i), "Kalimat nomor " + std::to_string(i) + ".");
    add_entity(a, "Orang " + std::to_string(i), EntityType::kPerson);
    add_entity(a, "Rusia", EntityType::kCountry, "russia");
    add_relation(a, "Orang " + std::to_string(i), Predicate::kSupport, "Rusia");
    ingest(*store, a);
  }
  // This connection reads inside a snapshot taken now (as the API does); another one
  // then removes the last articles, whose relations the second connection would read.
  store::ReadSnapshot snapshot(*store);
  int64_t version = 0;
  REQUIRE(data_version(*store, &version).is_ok());
  {
    auto writer = open_store(path);
    for (int i = 5; i < 10; ++i) {
      bool found = false;
      REQUIRE(writer->remove("a" + std::to_string(i), &found).is_ok());
    }
  }
  GraphViewOptions two;
  two.parallel_above = 0;
  GraphView g;
  REQUIRE(GraphView::load(*store, two, &g).is_ok());
  CHECK(g.edges().size() == 10);  // as the snapshot shows the store
}

TEST_CASE("a store that keeps no version is read whole on one connection", "[graph_view][store]") {
  // Stores from before the version table: no second connection can prove it reads the
  // same state, so the first reads everything, and the graph is the same.
  std::string path = temp_dir() + "/unversioned.db";
  {
    auto store = open_store(path);
    for (int i = 0; i < 10; ++i) {
      Article a = article("a" + std::to_string(i), "Kalimat nomor " + std::to_string(i) + ".");
      add_entity(a, "Orang " + std::to_string(i), EntityType::kPerson);
      add_entity(a, "Rusia", EntityType::kCountry, "russia");
      add_relation(a, "Orang " + std::to_string(i), Predicate::kSupport, "Rusia");
      ingest(*store, a);
    }
  }
  REQUIRE(run("sqlite3 " + shell_quote(path) + " 'DROP TABLE meta'").exit_code == 0);
  auto store = open_store(path);
  int64_t version = 0;
  REQUIRE_FALSE(data_version(*store, &version).is_ok());
  GraphViewOptions two;
  two.parallel_above = 0;
  GraphView g;
  REQUIRE(GraphView::load(*store, two, &g).is_ok());
  CHECK(g.edges().size() == 10);
}
