// The mark that a store left canonical order (meta 'out_of_order', store_merge.h), set by
// the writer as articles arrive and are removed, also when another connection wrote.
#include <catch2/catch.hpp>

#include "store/store_merge.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Article dated(const std::string& id, const std::string& date) {
  Article a = article(id, "Vladimir Putin bertemu Kim Jong Un di " + id + ".");
  a.doc.published = date;
  add_entity(a, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  return a;
}

int64_t mark(const std::string& db) { return scalar(db, "SELECT value FROM meta WHERE key = 'out_of_order'"); }

}  // namespace

TEST_CASE("articles in date order leave the store unmarked; an older one, or an undated one before a dated, does not",
          "[store][order]") {
  const std::string db = temp_dir() + "/s.db";
  auto store = open_store(db);
  ingest(*store, dated("b", "2024-01-02"));
  ingest(*store, dated("c", "2024-01-02"));  // same day: by id
  ingest(*store, dated("u", ""));            // undated come last
  CHECK(mark(db) != 1);
  ingest(*store, dated("a", "2024-01-03"));  // a dated one after an undated one
  CHECK(mark(db) == 1);
}

TEST_CASE("a writer sees a later article another connection wrote, and marks an earlier one it writes after it",
          "[store][order]") {
  const std::string db = temp_dir() + "/s.db";
  auto first = open_store(db);
  ingest(*first, dated("a", "2024-01-01"));
  {
    auto second = open_store(db);
    ingest(*second, dated("c", "2024-01-03"));
  }
  CHECK(mark(db) != 1);
  ingest(*first, dated("b", "2024-01-02"));  // before c, which the first writer never wrote
  CHECK(mark(db) == 1);
}

TEST_CASE("removing the last article, whose one entity a gazetteer fixes, keeps the store's order; removing one "
          "that later ones followed does not",
          "[store][order]") {
  const std::string db = temp_dir() + "/s.db";
  auto store = open_store(db);
  ingest(*store, dated("a", "2024-01-01"));
  ingest(*store, dated("b", "2024-01-02"));
  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK(found);
  CHECK(mark(db) != 1);
  ingest(*store, dated("b", "2024-01-02"));
  REQUIRE(store->remove("a", &found).is_ok());
  CHECK(mark(db) == 1);
}

TEST_CASE("a store from before schema 11 is marked on upgrade exactly when its articles were not written in order",
          "[store][order]") {
  for (const bool in_order : {true, false}) {
    const std::string db = temp_dir() + "/s.db";
    {
      auto store = open_store(db);
      ingest(*store, dated(in_order ? "a" : "b", in_order ? "2024-01-01" : "2024-01-02"));
      ingest(*store, dated(in_order ? "b" : "a", in_order ? "2024-01-02" : "2024-01-01"));
    }
    // Back to schema 10, as an older newsgraph left it: no mark, no column, no index.
    REQUIRE(run_sql(db, "DELETE FROM meta WHERE key = 'out_of_order'; DROP INDEX documents_by_date; "
                        "ALTER TABLE doc_entities DROP COLUMN extracted; PRAGMA user_version = 10") == 0);
    REQUIRE(mark(db) == -1);
    open_store(db);  // migrates
    INFO((in_order ? "written in order" : "written out of order"));
    CHECK(mark(db) == (in_order ? 0 : 1));
  }
}

TEST_CASE("removing even the last article marks the store when an entity it named outlives it, and the rewrite "
          "gives the store of the others",
          "[store][order]") {
  // Three articles name "Kirby", the fourth "John Kirby", who joins him and relabels him;
  // the fifth names "Kirby" again. Without the fifth, its entity is "John Kirby" in
  // order, but the refresh after removing it counts three "Kirby" to one "John Kirby".
  auto kirby = [](const std::string& id, const std::string& date, const std::string& name) {
    Article a = article(id, name + " dari Pentagon berbicara di " + id + ".");
    a.doc.published = date;
    add_entity(a, name, EntityType::kPerson);
    add_entity(a, "Pentagon", EntityType::kOrganization);
    add_relation(a, name, Predicate::kMemberOf, "Pentagon");
    return a;
  };
  const std::vector<Article> all = {kirby("k1", "2024-01-01", "Kirby"), kirby("k2", "2024-01-02", "Kirby"),
                                    kirby("k3", "2024-01-03", "Kirby"), kirby("k4", "2024-01-04", "John Kirby"),
                                    kirby("k5", "2024-01-05", "Kirby")};
  const std::string removed = temp_dir() + "/removed.db", four = temp_dir() + "/four.db";
  {
    auto s = open_store(four);
    for (size_t i = 0; i < 4; ++i) ingest(*s, all[i]);
  }
  auto s = open_store(removed);
  for (const Article& a : all) ingest(*s, a);
  bool found = false;
  REQUIRE(s->remove("k5", &found).is_ok());
  CHECK(mark(removed) == 1);
  bool rewritten = false;
  REQUIRE(store::restore_canonical_order(*s, store::MergeOptions{}, &rewritten).is_ok());
  CHECK(rewritten);
  CHECK(mark(removed) == 0);
  CHECK(snapshot(*s) == snapshot(*open_store(four)));
  CHECK(scalar(removed, "SELECT COUNT(*) FROM entities WHERE label = 'John Kirby'") == 1);
}
