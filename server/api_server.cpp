#include "server/api_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

#include "server/context.h"
#include "server/elastic_pool.h"
#include "server/request_guard.h"
#include "store/queries.h"

namespace newsgraph::server {

struct ApiServer::Impl {
  Context context;
  httplib::Server http;
  int port = 0;
  socket_t listener = INVALID_SOCKET;  // the socket bound last (the listening one once bound)
  std::atomic<bool> stop_requested{false}, in_run{false}, run_done{false};
};

store::Store* Context::reader(httplib::Response& res) {
  thread_local std::map<std::string, std::unique_ptr<store::Store>> stores;
  auto& store = stores[options.db];
  if (!store) {
    const store::StoreOptions o = store::StoreOptions::for_reading();
    Status st = store::Store::open(options.db, o, &store);
    if (!st.is_ok()) {
      store_problem(options.db, res, st, "store-unavailable");
      return nullptr;
    }
  }
  return store.get();
}

std::shared_ptr<const GraphSnapshot> Context::snapshot(store::Store& store, httplib::Response& res) {
  std::shared_ptr<const GraphSnapshot> s;
  ComputePermits::Suspend waiting;  // a load does not hold a permit up
  Status st = snapshots.get(options.db, store, std::chrono::milliseconds(options.max_wait_ms), &s);
  if (!st.is_ok()) return store_problem(options.db, res, st), nullptr;
  if (!s) {
    res.set_header("Retry-After", "5");
    problem(res, 503, "loading", "the graph is being loaded into memory; try again in a few seconds");
  }
  return s;
}

namespace {

constexpr int kListenBacklog = 512;

const char* status_title(int status) {
  switch (status) {
    case 300: return "Multiple Choices";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 500 ? "Bad Request" : "Server Error";
  }
}

}  // namespace

void problem(httplib::Response& res, int status, const std::string& code, const std::string& detail) {
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  field(w, "type", "https://newsgraph.dev/problems/" + code);
  field(w, "title", status_title(status));
  field(w, "status", int64_t{status});
  field(w, "detail", detail);
  field(w, "code", code);
  w.EndObject();
  res.status = status;
  res.set_content(b.GetString(), "application/problem+json");
}

namespace {

// Compares in time that depends on the lengths only, not on where the first difference is.
bool same_secret(const std::string& given, const std::string& secret) {
  unsigned char differ = given.size() == secret.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i)
    differ |= static_cast<unsigned char>(given[i] ^ secret[i % std::max<size_t>(secret.size(), 1)]);
  return differ == 0;
}

}  // namespace

bool authorised(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (is_loopback(c.options.host)) return true;
  if (c.options.token.empty())
    return problem(res, 403, "writes-disabled", "writes need a token when the server is not on loopback"), false;
  if (!same_secret(req.get_header_value("Authorization"), "Bearer " + c.options.token))
    return problem(res, 401, "unauthorized", "send 'Authorization: Bearer <token>'"), false;
  return true;
}

void store_problem(const std::string& db_path, httplib::Response& res, const Status& st, const std::string& code) {
  // The store's path is the server's business: the log has it, the client does not.
  std::fprintf(stderr, "newsgraph serve: %s\n", st.message().c_str());
  std::string message = st.message();
  for (size_t at; !db_path.empty() && (at = message.find(db_path)) != std::string::npos;)
    message.replace(at, db_path.size(), "the store");
  if (st.code() == StatusCode::kBusy) {  // another process writes the store: worth trying again
    res.set_header("Retry-After", "10");
    return problem(res, 503, "store-busy",
                   "another process is writing the store (an ingest, a rewrite into canonical order); try again "
                   "later (" + message + ")");
  }
  problem(res, 503, code, message);
}

bool only_params(const httplib::Request& req, httplib::Response& res, std::set<std::string> allowed) {
  allowed.insert("limit");
  allowed.insert("cursor");
  for (const auto& [name, value] : req.params) {
    if (!allowed.count(name)) {
      problem(res, 400, "unknown-parameter", "unknown query parameter '" + name + "'");
      return false;
    }
  }
  return true;
}

bool int_param(const httplib::Request& req, httplib::Response& res, const char* name, int64_t min, int64_t max,
               int64_t* value) {
  if (!req.has_param(name)) return true;
  std::string v = req.get_param_value(name);
  bool ok = !v.empty() && v.size() <= 18;
  int64_t parsed = 0;
  for (char c : v) {
    if (c < '0' || c > '9') ok = false;
    if (ok) parsed = parsed * 10 + (c - '0');  // 18 digits at most: no overflow
  }
  if (!ok || parsed < min || parsed > max) {
    problem(res, 400, "bad-parameter",
            std::string(name) + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return false;
  }
  *value = parsed;
  return true;
}

namespace {

// The reply both fresh and kept answers share: ETag, version, 304 when the client has it.
void reply(const httplib::Request& req, httplib::Response& res, std::string json, const std::string& etag,
           int64_t version, int status) {
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Graph-Version", std::to_string(version));
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  res.status = status;
  res.set_content(std::move(json), "application/json");
}

// The store version the pre-routing lookup read for the request this thread is serving,
// so a route whose answer was not kept does not read it again (-1: not read).
thread_local int64_t version_before_routing = -1;

// Where answer_shows() puts what the answer being computed on this thread shows, entities
// then labels (nullptr outside a cached_get handler; empty optional: it declared nothing).
using Shown = std::pair<std::vector<int64_t>, std::vector<int64_t>>;
thread_local std::optional<Shown>* shown_entities = nullptr;

// Answers a GET from the response cache when it holds the target at the store's current
// version; before routing, so a hit costs no route matching and no further query.
httplib::Server::HandlerResponse answer_from_cache(Context& c, const httplib::Request& req, httplib::Response& res) {
  using Handled = httplib::Server::HandlerResponse;
  version_before_routing = -1;
  if (!c.responses || req.method != "GET") return Handled::Unhandled;
  httplib::Response scratch;  // a store that cannot open is reported by the route itself
  store::Store* store = c.reader(scratch);
  if (!store) return Handled::Unhandled;
  int64_t version = c.version.current(*store);
  c.learn_changes(*store, version);
  std::shared_ptr<const ResponseCache::Entry> kept = c.responses->get(req.target, version);
  if (!kept) {
    version_before_routing = version;
    return Handled::Unhandled;
  }
  reply(req, res, kept->body, kept->etag, version, 200);
  res.set_header("X-Cache", "hit");
  return Handled::Handled;
}

}  // namespace

void send_json(const httplib::Request& req, httplib::Response& res, const std::string& json, int64_t version,
               int status) {
  std::string etag = "W/\"" + std::to_string(version) + "-" + std::to_string(std::hash<std::string>{}(json)) + "\"";
  reply(req, res, json, etag, version, status);
}

void Context::learn_changes(store::Store& store, int64_t version) {
  if (!responses || responses->known() >= version) return;
  std::lock_guard<std::mutex> lock(learning_mutex);
  const int64_t known = responses->known();
  if (known >= version) return;
  store::StoreChanges changes;
  if (!store::changes_between(store, known, version, &changes).is_ok()) changes.everything = true;
  responses->learn(version, changes);
}

void answer_shows(std::vector<int64_t> entities, std::vector<int64_t> labelled) {
  if (shown_entities) *shown_entities = Shown{std::move(entities), std::move(labelled)};
}

void cached_get(httplib::Server& http, Context& c, const std::string& pattern, httplib::Server::Handler handler) {
  http.Get(pattern, [&c, handler](const httplib::Request& req, httplib::Response& res) {
    // The route's queries share one snapshot of the store.
    store::Store* store = c.reader(res);
    if (!store) return;
    store::ReadSnapshot snapshot(*store);
    ComputePermits::Held permit(c.compute);
    if (!c.responses) return handler(req, res);
    int64_t version = version_before_routing;
    if (version < 0) version = c.version.current(*store);
    std::optional<Shown> shown;
    {
      struct Collecting {  // answer_shows() writes to `shown` while the handler runs, and only then
        explicit Collecting(std::optional<Shown>* to) { shown_entities = to; }
        ~Collecting() { shown_entities = nullptr; }
      } collecting(&shown);
      handler(req, res);
    }
    res.set_header("X-Cache", "miss");
    // Kept only when the answer was computed at the version read before it (a snapshot
    // that lags behind the store is not kept under the newer version).
    if (res.status != 200 || res.get_header_value("X-Graph-Version") != std::to_string(version)) return;
    ResponseCache::Entry entry;
    entry.version = version;
    entry.body = res.body;
    entry.etag = res.get_header_value("ETag");
    if (shown) {
      entry.on_everything = false;
      entry.entities = std::move(shown->first);
      entry.labels = std::move(shown->second);
    }
    c.responses->put(req.target, std::move(entry));
  });
}

ApiServer::ApiServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->context.options = std::move(options);
  impl_->context.exports.set_max(impl_->context.options.max_exports);
  impl_->context.compute.set_count(std::max(2, 2 * static_cast<int>(std::thread::hardware_concurrency())));
}

ApiServer::~ApiServer() { stop(); }

Status ApiServer::start() {
  Context& c = impl_->context;
  // Options first: a usage error leaves no store file behind.
  GuardOptions guard{c.options.host, {}};
  for (const std::string& origin : c.options.cors_origins) {
    const std::string normal = normal_origin(origin);
    if (normal.empty())
      return Status::error(StatusCode::kUsage, "--cors takes an origin like https://example.org, not '" + origin + "'");
    guard.cors_origins.push_back(normal);
  }
  ingest::ExtractorOptions extractor;
  extractor.gazetteer_files = c.options.gazetteer_files;
  extractor.cue_files = c.options.cue_files;
  Status st = ingest::Extractor::create(extractor, &c.extractor);
  store::StoreOptions writing;
  writing.lock_wait_ms = c.options.lock_wait_ms;
  if (st.is_ok()) st = store::Store::open(c.options.db, writing, &c.writer);
  if (!st.is_ok()) return st;
  if (c.options.response_cache_bytes > 0) c.responses = std::make_unique<ResponseCache>(c.options.response_cache_bytes);
  httplib::Server& http = impl_->http;
  int threads = c.options.threads > 0 ? c.options.threads
                                      : std::max(8, 4 * static_cast<int>(std::thread::hardware_concurrency()));
  const int max_threads = std::max(threads, c.options.max_threads);
  http.new_task_queue = [threads, max_threads] {
    return new ElasticPool(static_cast<size_t>(threads), static_cast<size_t>(max_threads));
  };
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(100000);
  http.set_payload_max_length(c.options.max_body_bytes);
  http.set_read_timeout(c.options.request_timeout_seconds, 0);
  http.set_write_timeout(c.options.request_timeout_seconds, 0);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    problem(res, 500, "internal-error", "the server failed on this request; nothing was changed");
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty() || req.has_header("Range")) return;  // a body would be repeated per range
    if (res.status == 404) problem(res, 404, "not-found", "no route for " + req.method + " " + req.path);
    else if (res.status == 413) problem(res, 413, "too-large", "the request body is too large");
    else if (res.status >= 400) problem(res, res.status, "bad-request", "the request could not be read");
  });
  // Only SO_REUSEADDR (a restart may bind while old connections linger): without
  // cpp-httplib's SO_REUSEPORT, a second server on the same port fails instead of sharing it.
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl_->listener = sock;
  });
  http.set_pre_routing_handler([&c, guard](const httplib::Request& req, httplib::Response& res) {
    if (guard_request(guard, req, res) == httplib::Server::HandlerResponse::Handled)
      return httplib::Server::HandlerResponse::Handled;
    return answer_from_cache(c, req, res);
  });
  add_graph_routes(http, c);
  add_document_routes(http, c);
  add_curation_routes(http, c);
  add_network_routes(http, c);
  add_export_routes(http, c);
  add_search_routes(http, c);
  add_explorer_routes(http);
  impl_->port = c.options.port == 0 ? http.bind_to_any_port(c.options.host)
                                    : (http.bind_to_port(c.options.host, c.options.port) ? c.options.port : -1);
  if (impl_->port < 0)
    return Status::error(StatusCode::kIoError,
                         "cannot listen on " + c.options.host + ":" + std::to_string(c.options.port));
  // Debian's cpp-httplib listens with a backlog of 5: under load, connections beyond it
  // are dropped and their clients retry a second later. listen() again on the bound
  // socket raises the backlog (Linux updates it in place).
  if (impl_->listener != INVALID_SOCKET) ::listen(impl_->listener, kListenBacklog);
  return Status::ok();
}

bool ApiServer::run() {
  impl_->in_run = true;
  // A stop() that came before this (a signal just after start()) is not lost.
  const bool ok = impl_->stop_requested ? true : impl_->http.listen_after_bind();
  impl_->run_done = true;
  return ok;
}

void ApiServer::stop() {
  impl_->stop_requested = true;
  // run() may be between its check and the listener starting: stop it once it runs.
  while (impl_->in_run && !impl_->run_done) {
    if (impl_->http.is_running()) impl_->http.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

int ApiServer::port() const { return impl_->port; }

}  // namespace newsgraph::server
