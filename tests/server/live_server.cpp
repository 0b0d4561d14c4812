#include "tests/server/live_server.h"

#include <catch2/catch.hpp>

#include "tests/test_paths.h"

namespace newsgraph::testing {

namespace {

server::ServerOptions with(const std::string& host, const std::string& token) {
  server::ServerOptions o;
  o.host = host;
  o.token = token;
  return o;
}

}  // namespace

LiveServer::LiveServer(const std::string& host, const std::string& token) : LiveServer(with(host, token)) {}

LiveServer::LiveServer(server::ServerOptions o) {
  db_ = temp_dir() + "/api.db";
  REQUIRE(run(binary() + " ingest --db " + db_ + " " + source_dir() + "/examples").exit_code == 0);
  o.db = db_;
  o.port = 0;
  o.max_body_bytes = 1 << 20;
  api_ = std::make_unique<server::ApiServer>(o);
  REQUIRE(api_->start().is_ok());
  thread_ = std::thread([this] { api_->run(); });
  client_ = std::make_unique<httplib::Client>("127.0.0.1", api_->port());
}

LiveServer::~LiveServer() {
  api_->stop();
  thread_.join();
}

namespace {

rapidjson::Document parsed(const httplib::Result& r) {
  rapidjson::Document d;
  d.Parse(r->body.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

}  // namespace

rapidjson::Document json(const httplib::Result& r, int status) {
  REQUIRE(r);
  INFO(r->body.substr(0, 300));
  if (status) REQUIRE(r->status == status);
  else REQUIRE(r->status < 400);  // a problem answer is read with expect_problem
  return parsed(r);
}

void expect_problem(const httplib::Result& r, int status, const std::string& code) {
  REQUIRE(r);
  CHECK(r->status == status);
  CHECK(r->get_header_value("Content-Type") == "application/problem+json");
  auto d = parsed(r);
  REQUIRE(d.IsObject());
  REQUIRE(d.HasMember("status"));
  REQUIRE(d.HasMember("code"));
  CHECK(d["status"].GetInt() == status);
  CHECK(std::string(d["code"].GetString()) == code);
  CHECK(d.HasMember("type"));
  CHECK(d.HasMember("title"));
  CHECK(d.HasMember("detail"));
}

}  // namespace newsgraph::testing
