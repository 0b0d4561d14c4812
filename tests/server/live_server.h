// The real server on a free loopback port over a store holding the example articles,
// spoken to with httplib's client; and helpers that read its JSON and problem answers.
#pragma once

#include <httplib.h>
#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <thread>

#include "server/api_server.h"

namespace newsgraph::testing {

class LiveServer {
 public:
  explicit LiveServer(const std::string& host = "127.0.0.1", const std::string& token = "");
  // With these options; the store, port and body limit are the test's.
  explicit LiveServer(server::ServerOptions options);
  ~LiveServer();
  httplib::Client& http() { return *client_; }
  const std::string& db() const { return db_; }
  int port() const { return api_->port(); }

 private:
  std::string db_;
  std::unique_ptr<server::ApiServer> api_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

// The body parsed as JSON; fails the test when there is no answer, it is not JSON, or
// its status is not `status` (any below 400 when 0: a problem is read with expect_problem).
rapidjson::Document json(const httplib::Result& r, int status = 0);

// Checks an RFC 9457 answer with this status and code.
void expect_problem(const httplib::Result& r, int status, const std::string& code);

}  // namespace newsgraph::testing
