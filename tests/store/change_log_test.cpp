// The store's change log (store/change_log.h): what each write touched, read back by
// version range as the server reads it.
#include <catch2/catch.hpp>

#include "store/change_log.h"
#include "store/queries.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

int64_t version_of(store::Store& store) {
  int64_t v = -1;
  REQUIRE(store::data_version(store, &v).is_ok());
  return v;
}

store::StoreChanges between(store::Store& store, int64_t after, int64_t upto) {
  store::StoreChanges c;
  REQUIRE(store::changes_between(store, after, upto, &c).is_ok());
  return c;
}

int64_t key_of(const std::string& db, const std::string& label) {
  return scalar(db, "SELECT entity_key FROM entities WHERE label = '" + label + "'");
}

}  // namespace

TEST_CASE("each write records the entities it touched, and a removal or curation everything", "[store][changes]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  Article a = article("a", "Vladimir Putin bertemu Kim Jong Un.");
  add_entity(a, "Vladimir Putin", EntityType::kPerson);
  add_entity(a, "Kim Jong Un", EntityType::kPerson);
  add_relation(a, "Vladimir Putin", Predicate::kMeet, "Kim Jong Un");
  ingest(*store, a);
  const int64_t v1 = version_of(*store);
  Article b = article("b", "Xi Jinping menelepon Vladimir Putin.");
  add_entity(b, "Xi Jinping", EntityType::kPerson);
  add_entity(b, "Vladimir Putin", EntityType::kPerson);
  ingest(*store, b);
  const int64_t v2 = version_of(*store);
  REQUIRE(v2 == v1 + 1);

  store::StoreChanges c = between(*store, v1, v2);
  CHECK_FALSE(c.everything);
  CHECK(c.entities == std::vector<int64_t>{key_of(db, "Vladimir Putin"), key_of(db, "Xi Jinping")});
  CHECK(c.relabelled.empty());
  CHECK(between(*store, v2, v2).entities.empty());
  CHECK(between(*store, 0, v2).entities.size() == 3);

  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  REQUIRE(found);
  CHECK(between(*store, v2, v2 + 1).everything);
  CHECK(between(*store, v2 - store::kChangesKept - 1, v2).everything);  // before what the log keeps
  REQUIRE(run_sql(db, "DELETE FROM changes WHERE version = " + std::to_string(v2)) == 0);
  CHECK(between(*store, v1, v2).everything);  // a write with no record
}

TEST_CASE("a write that gives an entity a longer name records it as relabelled", "[store][changes]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  auto pentagon_voice = [](const std::string& id, const std::string& person) {
    Article a = article(id, person + ", juru bicara Pentagon, berbicara.");
    add_entity(a, person, EntityType::kPerson);
    add_entity(a, "Pentagon", EntityType::kOrganization, "pentagon");
    add_relation(a, person, Predicate::kMemberOf, "Pentagon");
    return a;
  };
  ingest(*store, pentagon_voice("a", "Kirby"));
  const int64_t before = version_of(*store);
  ingest(*store, pentagon_voice("b", "John Kirby"));  // the same person, by a longer name
  store::StoreChanges c = between(*store, before, version_of(*store));
  REQUIRE(key_of(db, "John Kirby") > 0);
  CHECK(c.relabelled == std::vector<int64_t>{key_of(db, "John Kirby")});
  CHECK(c.entities.size() == 2);
  ingest(*store, pentagon_voice("c", "John Kirby"));
  CHECK(between(*store, before + 1, version_of(*store)).relabelled.empty());
}

TEST_CASE("changed entity keys survive their compact form", "[store][changes]") {
  const std::vector<int64_t> keys = {1, 2, 300, 70000, int64_t{1} << 40};
  std::vector<int64_t> back;
  REQUIRE(store::decode_changed_entities(store::encode_changed_entities(keys), &back));
  CHECK(back == keys);
  back.clear();
  CHECK_FALSE(store::decode_changed_entities("\x80", &back));
}

TEST_CASE("a batch whose record cannot be written is rolled back whole, and the store takes writes after",
          "[store][changes]") {
  auto db = temp_dir() + "/g.db";
  { open_store(db); }
  REQUIRE(run_sql(db, "CREATE TRIGGER refuse_record BEFORE INSERT ON changes "
                      "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;") == 0);
  auto store = open_store(db);
  REQUIRE(store->begin_batch().is_ok());
  Article a = article("a", "Citra Lestari datang.");
  add_entity(a, "Citra Lestari", EntityType::kPerson);
  ingest(*store, a);
  const Status s = store->commit_batch();
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains("nothing since the last commit is stored"));
  CHECK(scalar(db, "SELECT COUNT(*) FROM documents") == 0);
  REQUIRE(run_sql(db, "DROP TRIGGER refuse_record") == 0);
  Article b = article("b", "Fajar Nugroho datang.");
  add_entity(b, "Fajar Nugroho", EntityType::kPerson);
  ingest(*store, b);
  CHECK(scalar(db, "SELECT COUNT(*) FROM documents") == 1);
}

TEST_CASE("a batch records one version when it commits, naming every entity its articles touched",
          "[store][changes]") {
  auto db = temp_dir() + "/g.db";
  {
    auto store = open_store(db);
    Article before = article("before", "Ani Susanti datang.");
    add_entity(before, "Ani Susanti", EntityType::kPerson);
    ingest(*store, before);
  }
  // Any article entity named "Boom" fails part-way, so the batch is written again.
  REQUIRE(run_sql(db, "CREATE TRIGGER refuse_boom BEFORE INSERT ON doc_entities WHEN NEW.label = 'Boom' "
                      "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;") == 0);
  auto store = open_store(db);
  const int64_t v0 = version_of(*store);
  REQUIRE(store->begin_batch().is_ok());
  Article a = article("a", "Citra Lestari bertemu Dewi Anggraini.");
  add_entity(a, "Citra Lestari", EntityType::kPerson);
  add_entity(a, "Dewi Anggraini", EntityType::kPerson);
  ingest(*store, a);
  Article failing = article("failing", "Eko Prasetyo dan Boom.");
  add_entity(failing, "Eko Prasetyo", EntityType::kPerson);
  add_entity(failing, "Boom", EntityType::kPerson);
  store::IngestResult r;
  CHECK_FALSE(store->ingest(failing.doc, failing.x, &r).is_ok());
  Article b = article("b", "Fajar Nugroho datang.");
  add_entity(b, "Fajar Nugroho", EntityType::kPerson);
  ingest(*store, b);
  REQUIRE(store->commit_batch().is_ok());
  const int64_t v1 = version_of(*store);
  CHECK(v1 == v0 + 1);
  store::StoreChanges c = between(*store, v0, v1);
  CHECK_FALSE(c.everything);
  CHECK(c.entities == std::vector<int64_t>{key_of(db, "Citra Lestari"), key_of(db, "Dewi Anggraini"),
                                           key_of(db, "Fajar Nugroho")});
  CHECK(key_of(db, "Eko Prasetyo") == -1);
  // A removal in a batch makes the whole batch's record "everything".
  REQUIRE(store->begin_batch().is_ok());
  ingest(*store, article("c", "Tidak ada nama."));
  bool found = false;
  REQUIRE(store->remove("before", &found).is_ok());
  REQUIRE(store->commit_batch().is_ok());
  CHECK(version_of(*store) == v1 + 1);
  CHECK(between(*store, v1, v1 + 1).everything);
}
