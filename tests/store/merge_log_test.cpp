// An entity's merge log: the decisions merge_log keeps, and those the articles' entities
// already say (a new entity, a gazetteer id met again), given from doc_entities.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/queries.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Article meeting(const std::string& id, const std::string& guest) {
  Article a = article(id, guest + " bertemu Vladimir Putin di " + id + ".");
  add_entity(a, guest, EntityType::kPerson);
  add_entity(a, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  add_relation(a, guest, Predicate::kMeet, "Vladimir Putin");
  return a;
}

std::vector<std::string> log_of(store::Store& store, const std::string& name) {
  const int64_t key = store::find_entity_named(store.impl().db, name);
  REQUIRE(key != 0);
  std::vector<store::MergeLogRow> rows;
  REQUIRE(store::merge_log(store, key, 100, &rows).is_ok());
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.doc_id + " " + r.name + " " + r.rule);
  return out;
}

}  // namespace

TEST_CASE("an entity's merge log gives every article's decision, though only the name rules are stored",
          "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, meeting("a", "Joko Widodo"));
  ingest(*store, meeting("b", "Joko Widodo"));
  ingest(*store, meeting("c", "Jokowi"));
  CHECK(log_of(*store, "Vladimir Putin") ==
        std::vector<std::string>{"a Vladimir Putin new", "b Vladimir Putin gazetteer-id", "c Vladimir Putin gazetteer-id"});
  CHECK(log_of(*store, "Joko Widodo") == std::vector<std::string>{"a Joko Widodo new", "b Joko Widodo same-name"});
  {
    store::Statement q = store->impl().db.prepare("SELECT COUNT(*) FROM merge_log");
    q.step();
    CHECK(q.column_int(0) == 1);  // b's same-name
  }
  store::Overrides o;
  o.merge.push_back({"Joko Widodo", "Jokowi"});
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(log_of(*store, "Joko Widodo") == std::vector<std::string>{"a Joko Widodo new", "b Joko Widodo same-name",
                                                                  "c Jokowi new", " Jokowi curate-merge"});
  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK(log_of(*store, "Joko Widodo") ==
        std::vector<std::string>{"a Joko Widodo new", "c Jokowi new", " Jokowi curate-merge"});
}

TEST_CASE("an article's merge-log rows keep no time or repeated detail, and read back as the article says",
          "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, meeting("a", "Joko Widodo"));
  ingest(*store, meeting("b", "Joko Widodo"));
  CHECK(scalar(db, "SELECT COUNT(*) FROM merge_log WHERE at = '' AND detail = '' AND name = 'Joko Widodo'") == 1);
  const int64_t key = store::find_entity_named(store->impl().db, "Joko Widodo");
  std::vector<store::MergeLogRow> rows;
  REQUIRE(store::merge_log(*store, key, 100, &rows).is_ok());
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].rule == "same-name");
  CHECK(rows[1].detail == "Joko Widodo");
  store::Statement q = store->impl().db.prepare("SELECT ingested_at FROM documents WHERE id = 'b'");
  REQUIRE(q.step());
  CHECK(rows[1].at == q.column_text(0));
  CHECK_FALSE(rows[1].at.empty());
}

TEST_CASE("a new entity takes the first number its namesakes left free, whatever other ids start alike",
          "[store][merge]") {
  auto store = open_store(temp_dir() + "/ids.db");
  store::Db& db = store->impl().db;
  for (const char* id : {"ahmad", "ahmad_2", "ahmad_4", "ahmad_dhani", "ahmad_03", "ahmad_3x", "ahmadi_3", "ahmad_"})
    db.prepare("INSERT INTO entities(id, label, type, from_gazetteer, label_key) VALUES (?, 'x', 'PERSON', 0, 'x')")
        .bind(1, std::string(id))
        .run();
  CHECK(store::unused_id(db, "ahmad") == "ahmad_3");
  CHECK(store::unused_id(db, "ahmad_dhani") == "ahmad_dhani_2");
  CHECK(store::unused_id(db, "budi") == "budi");
  db.prepare("INSERT INTO entities(id, label, type, from_gazetteer, label_key) VALUES ('ahmad_3', 'x', 'PERSON', 0, 'x')")
      .run();
  CHECK(store::unused_id(db, "ahmad") == "ahmad_5");
}
