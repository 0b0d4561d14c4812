#include "server/response_cache.h"

#include <catch2/catch.hpp>

using newsgraph::server::ResponseCache;

TEST_CASE("a kept answer is served only at the version it was computed at", "[server][cache]") {
  ResponseCache cache(1 << 20);
  cache.put("/api/v1/entities/russia", {7, "{\"a\":1}", "W/\"7-1\""});
  auto e = cache.get("/api/v1/entities/russia", 7);
  REQUIRE(e);
  CHECK(e->body == "{\"a\":1}");
  CHECK(e->etag == "W/\"7-1\"");
  CHECK_FALSE(cache.get("/api/v1/entities/russia", 8));
  CHECK_FALSE(cache.get("/api/v1/entities/china", 7));
  cache.put("/api/v1/entities/russia", {8, "{\"a\":2}", "W/\"8-2\""});
  CHECK(e->body == "{\"a\":1}");  // an answer already handed out stays whole
  e = cache.get("/api/v1/entities/russia", 8);
  REQUIRE(e);
  CHECK(e->body == "{\"a\":2}");
}

TEST_CASE("the cache stays within its budget, dropping the least recently used first", "[server][cache]") {
  ResponseCache cache(16 * 4096);  // 4 KiB per shard
  std::string body(600, 'x');
  for (int i = 0; i < 2000; ++i) cache.put("/t" + std::to_string(i), {1, body, "e"});
  int kept = 0;
  for (int i = 0; i < 2000; ++i) kept += cache.get("/t" + std::to_string(i), 1) != nullptr;
  CHECK(kept > 0);
  CHECK(kept * 600 <= 16 * 4096);
  CHECK(cache.get("/t1999", 1));  // the newest survives
  CHECK_FALSE(cache.get("/t0", 1));
  cache.put("/huge", {1, std::string(1 << 20, 'y'), "e"});  // larger than a shard: not kept
  CHECK_FALSE(cache.get("/huge", 1));
}
