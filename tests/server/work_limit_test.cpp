#include "server/work_limit.h"

#include <catch2/catch.hpp>

using newsgraph::server::WorkLimit;

TEST_CASE("a work limit hands out slots up to its maximum and takes them back when let go", "[server][hostile]") {
  WorkLimit limit(2);
  auto a = limit.try_take();
  auto b = limit.try_take();
  REQUIRE(a);
  REQUIRE(b);
  CHECK_FALSE(limit.try_take());
  CHECK(limit.running() == 2);
  {
    auto copy = a;  // a streamed answer keeps its slot in a copy
    a.reset();
    CHECK_FALSE(limit.try_take());
  }
  CHECK(limit.running() == 1);
  auto c = limit.try_take();
  CHECK(c);
  b.reset();
  c.reset();
  CHECK(limit.running() == 0);
  limit.set_max(0);
  CHECK_FALSE(limit.try_take());
}
