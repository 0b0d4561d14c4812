// The 503 a failed store gets: its message without the store's path.
#include <catch2/catch.hpp>

#include "server/context.h"

using namespace newsgraph;

TEST_CASE("a store error answers 503 without naming the store's path", "[server][hostile]") {
  httplib::Response res;
  const std::string path = "/srv/secret/newsgraph.db";
  server::store_problem(path, res,
                        Status::error(StatusCode::kIoError, path + ": database is locked (" + path + "-wal)"));
  CHECK(res.status == 503);
  CHECK(res.body.find("/srv/secret") == std::string::npos);
  CHECK(res.body.find("the store: database is locked (the store-wal)") != std::string::npos);
  CHECK(res.body.find("\"code\":\"store-error\"") != std::string::npos);
  httplib::Response unavailable;
  server::store_problem(path, unavailable, Status::error(StatusCode::kNotFound, path + ": cannot open"),
                        "store-unavailable");
  CHECK(unavailable.body.find("\"code\":\"store-unavailable\"") != std::string::npos);
}
