#include "server/response_cache.h"

#include <catch2/catch.hpp>

#include <optional>

using newsgraph::server::ResponseCache;

namespace {

// An answer computed at `version`; showing only `entities` when given.
ResponseCache::Entry answer(int64_t version, std::string body, std::string etag,
                            std::optional<std::vector<int64_t>> entities = std::nullopt) {
  ResponseCache::Entry e;
  e.version = version;
  e.body = std::move(body);
  e.etag = std::move(etag);
  if (entities) {
    e.on_everything = false;
    e.entities = std::move(*entities);
  }
  return e;
}

newsgraph::store::StoreChanges touched(std::vector<int64_t> entities, std::vector<int64_t> relabelled = {}) {
  newsgraph::store::StoreChanges c;
  c.entities = std::move(entities);
  c.relabelled = std::move(relabelled);
  return c;
}

}  // namespace

TEST_CASE("a kept answer that names no entities is served only at the version it was computed at", "[server][cache]") {
  ResponseCache cache(1 << 20);
  cache.put("/api/v1/entities/russia", answer(7, "{\"a\":1}", "W/\"7-1\""));
  auto e = cache.get("/api/v1/entities/russia", 7);
  REQUIRE(e);
  CHECK(e->body == "{\"a\":1}");
  CHECK(e->etag == "W/\"7-1\"");
  CHECK_FALSE(cache.get("/api/v1/entities/russia", 8));
  CHECK_FALSE(cache.get("/api/v1/entities/china", 7));
  cache.put("/api/v1/entities/russia", answer(8, "{\"a\":2}", "W/\"8-2\""));
  CHECK(e->body == "{\"a\":1}");  // an answer already handed out stays whole
  e = cache.get("/api/v1/entities/russia", 8);
  REQUIRE(e);
  CHECK(e->body == "{\"a\":2}");
}

TEST_CASE("the cache stays within its budget, dropping the least recently used first", "[server][cache]") {
  ResponseCache cache(16 * 4096);  // 4 KiB per shard
  std::string body(600, 'x');
  for (int i = 0; i < 2000; ++i) cache.put("/t" + std::to_string(i), answer(1, body, "e"));
  int kept = 0;
  for (int i = 0; i < 2000; ++i) kept += cache.get("/t" + std::to_string(i), 1) != nullptr;
  CHECK(kept > 0);
  CHECK(kept * 600 <= 16 * 4096);
  CHECK(cache.get("/t1999", 1));  // the newest survives
  CHECK_FALSE(cache.get("/t0", 1));
  cache.put("/huge", answer(1, std::string(1 << 20, 'y'), "e"));  // larger than a shard: not kept
  CHECK_FALSE(cache.get("/huge", 1));
}

TEST_CASE("a kept answer showing some entities outlives writes that touch none of them", "[server][cache]") {
  ResponseCache cache(1 << 20);
  cache.learn(7, touched({}));
  cache.put("/api/v1/entities/russia", answer(7, "russia", "r", std::vector<int64_t>{1, 2}));
  cache.put("/api/v1/relations", answer(7, "all", "a"));
  cache.learn(9, touched({3, 40}));
  CHECK(cache.get("/api/v1/entities/russia", 9));
  CHECK_FALSE(cache.get("/api/v1/relations", 9));  // it named no entities: any write expires it
  CHECK_FALSE(cache.get("/api/v1/entities/russia", 11));  // writes the cache has not learned yet
  cache.learn(11, touched({2}));
  CHECK_FALSE(cache.get("/api/v1/entities/russia", 11));  // one of its entities changed
}

TEST_CASE("a write that cannot say what it changed expires every kept answer", "[server][cache]") {
  ResponseCache cache(1 << 20);
  cache.learn(3, touched({}));
  cache.put("/api/v1/entities/china", answer(3, "china", "c", std::vector<int64_t>{5}));
  newsgraph::store::StoreChanges all;
  all.everything = true;
  cache.learn(4, all);
  CHECK_FALSE(cache.get("/api/v1/entities/china", 4));
  cache.put("/api/v1/entities/china", answer(4, "china", "c", std::vector<int64_t>{5}));
  cache.learn(6, touched({6}));
  CHECK(cache.get("/api/v1/entities/china", 6));
  CHECK(cache.known() == 6);
}

TEST_CASE("a kept answer showing an entity by label outlives its other changes, not a new label",
          "[server][cache]") {
  ResponseCache cache(1 << 20);
  cache.learn(1, touched({}));
  ResponseCache::Entry e = answer(1, "russia's relations", "r", std::vector<int64_t>{1});
  e.labels = {2, 3};  // its relations' other ends, by label
  cache.put("/api/v1/entities/russia/relations", e);
  cache.learn(2, touched({2, 3}));  // articles about them: new relations, not with Russia
  CHECK(cache.get("/api/v1/entities/russia/relations", 2));
  cache.learn(3, touched({3}, {3}));  // 3 goes by a longer name now
  CHECK_FALSE(cache.get("/api/v1/entities/russia/relations", 3));
}
