// The OpenAPI 3.1 document served at /api/v1/openapi.json, generated from one table of
// the routes this server has, so the two cannot drift apart.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::server {

struct RouteSpec {
  const char* method;   // "get", "post", "delete"
  const char* path;     // OpenAPI template: "/api/v1/entities/{id}"
  const char* summary;
  std::vector<const char*> query;  // query parameters
};

const std::vector<RouteSpec>& route_specs();
const std::string& openapi_document();

}  // namespace newsgraph::server
