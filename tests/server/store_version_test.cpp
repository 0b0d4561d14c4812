#include "server/store_version.h"

#include <catch2/catch.hpp>
#include <thread>

#include "store/queries.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Article one_relation(const std::string& id) {
  Article a = article(id, "Rusia bertemu China.");
  add_entity(a, "Rusia", EntityType::kCountry, "russia");
  add_entity(a, "China", EntityType::kCountry, "china");
  add_relation(a, "Rusia", Predicate::kMeet, "China");
  return a;
}

int64_t stored_version(store::Store& store) {
  int64_t v = -1;
  REQUIRE(store::data_version(store, &v).is_ok());
  return v;
}

}  // namespace

TEST_CASE("a write by another connection is seen once the recheck interval has passed", "[server][version]") {
  std::string db = temp_dir() + "/v.db";
  auto writer = open_store(db);
  auto reader = open_store(db);
  server::StoreVersion version(std::chrono::milliseconds(50));
  int64_t before = version.current(*reader);
  CHECK(before == stored_version(*reader));
  ingest(*writer, one_relation("a1"));
  CHECK(version.current(*reader) == before);  // read less than 50 ms ago: not read again
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  CHECK(version.current(*reader) > before);
  CHECK(version.current(*reader) == stored_version(*writer));
}

TEST_CASE("a published write is seen at once and the version never goes back", "[server][version]") {
  std::string db = temp_dir() + "/v.db";
  auto writer = open_store(db);
  server::StoreVersion version(std::chrono::hours(1));
  int64_t before = version.current(*writer);
  ingest(*writer, one_relation("a1"));
  version.publish(stored_version(*writer));
  CHECK(version.current(*writer) == stored_version(*writer));
  CHECK(version.current(*writer) > before);
  version.publish(before);  // a late, older reading does not win
  CHECK(version.current(*writer) == stored_version(*writer));
}
