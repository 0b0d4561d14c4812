// The REST API (`newsgraph serve`): cpp-httplib on a thread pool, everything under
// /api/v1, JSON in and out, RFC 9457 problem+json errors, keyset pagination and ETags.
// Reads run on per-thread read-only store connections; writes (POST/DELETE) go through
// one writer connection under a mutex, each article one transaction, so readers always
// see whole articles. start() returns once the port is bound; stop() is safe from any
// thread (and from a signal-watching thread).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace newsgraph::server {

struct ServerOptions {
  std::string db = "newsgraph.db";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see ApiServer::port())
  int threads = 0;                 // threads kept; 0: 4 per hardware thread, at least 8
  int max_threads = 256;           // more start while every one is busy (slow clients), up to this
  std::string token;               // required on writes when bound off loopback
  std::vector<std::string> gazetteer_files;  // for POST /documents and /extract
  std::vector<std::string> cue_files;        // relation cues added to the built-in ones, likewise
  size_t max_body_bytes = 8u << 20;
  int request_timeout_seconds = 10;
  size_t response_cache_bytes = 64u << 20;  // answers kept per store version; 0: off
  int max_exports = 2;  // whole-graph exports at once; more are answered 503 (busy)
  // Origins ("https://host[:port]") whose pages may read and write through CORS; none by default.
  std::vector<std::string> cors_origins;
  // How long a request waits for the graph to load, or for its statistics or communities
  // to be computed; past it, 503 with Retry-After while the work goes on in the background.
  int max_wait_ms = 20000;
  // How long a write waits in all, for the server's other writes and for another process
  // writing the store (an ingest, a rewrite into canonical order); past it, 503
  // store-busy with Retry-After.
  int lock_wait_ms = 10000;
};

class ApiServer {
 public:
  explicit ApiServer(ServerOptions options);
  ~ApiServer();

  // Opens the store, loads the gazetteer and cue files and binds. kIoError / kUsage on failure.
  Status start();
  // Serves until stop(); returns false when the listener failed.
  bool run();
  void stop();
  int port() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::server
