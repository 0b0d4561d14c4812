// What every route handler shares: the options, a read-only store per worker thread,
// the writer store under its mutex, the extractor, and small JSON/HTTP helpers.
// Internal to server/.
#pragma once

#include <httplib.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "ingest/pipeline.h"
#include "server/api_server.h"
#include "server/compute_permits.h"
#include "server/graph_snapshot.h"
#include "server/response_cache.h"
#include "server/store_version.h"
#include "server/work_limit.h"
#include "store/queries.h"
#include "store/store.h"

namespace newsgraph::server {

using Json = rapidjson::Writer<rapidjson::StringBuffer>;

// The store's data version (for ETags); 0 when it cannot be read.
int64_t version_of(store::Store& store);

struct Context {
  ServerOptions options;
  ingest::Extractor extractor;
  std::timed_mutex write_mutex;
  std::unique_ptr<store::Store> writer;  // guarded by write_mutex
  // /health: the counts of one store version.
  std::mutex health_mutex;
  int64_t health_version = -1;  // guarded by health_mutex
  std::string health_json;      // guarded by health_mutex
  // /stats: the JSON of one graph version being computed, and the last one computed.
  std::mutex stats_mutex;
  int64_t stats_version = -1;         // guarded by stats_mutex
  BackgroundJob<std::string> stats;  // the JSON for stats_version; guarded by stats_mutex
  int64_t stats_done_version = -1;            // guarded by stats_mutex
  std::shared_ptr<const std::string> stats_done;  // guarded by stats_mutex
  SnapshotCache snapshots;  // for paths, subgraph, communities, stats
  std::unique_ptr<ResponseCache> responses;  // nullptr when caching is off
  StoreVersion version;  // what the response cache is keyed by
  WorkLimit exports;  // of options.max_exports
  ComputePermits compute;  // held by every request that computes (not /health, not kept answers)

  std::mutex learning_mutex;  // one thread at a time reads the store's change log

  // Tells the response cache what the writes up to `version` changed, reading the store's
  // change log on `store` when it knows less (one thread reads, the others wait for it).
  void learn_changes(store::Store& store, int64_t version);

  // This thread's read-only connection; nullptr (and a 503 sent) when it cannot open.
  store::Store* reader(httplib::Response& res);
  // The graph snapshot, waiting for it at most options.max_wait_ms; nullptr (and a 503
  // sent, with Retry-After while it loads) when there is none to answer from.
  std::shared_ptr<const GraphSnapshot> snapshot(store::Store& store, httplib::Response& res);

  // Runs write(store) on the writer under its mutex, then publishes the store's new
  // version, so that answers kept for the old one expire. Returns what write returned.
  // A write waits options.lock_wait_ms in all, for the mutex (another request's write, a
  // rewrite into canonical order) and then for the store (another process's write):
  // past it, kBusy, and nothing is written.
  template <class Write>
  Status write(Write&& write) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.lock_wait_ms);
    std::unique_lock<std::timed_mutex> lock(write_mutex, deadline);
    if (!lock.owns_lock()) return Status::error(StatusCode::kBusy, "other writes to the store are waiting");
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    writer->set_lock_wait(static_cast<int>(std::max<int64_t>(0, left.count())));
    Status st = write(*writer);
    version.publish(version_of(*writer));
    return st;
  }
};

// RFC 9457 problem details with a stable `code`.
void problem(httplib::Response& res, int status, const std::string& code, const std::string& detail);

// Writes need the token when the server is reachable from elsewhere; answers 401/403
// itself and returns false when the request may not write.
bool authorised(Context& c, const httplib::Request& req, httplib::Response& res);

// 503 for a store that failed: the message without the store's path (logged in full).
void store_problem(const std::string& db_path, httplib::Response& res, const Status& st,
                   const std::string& code = "store-error");

// Checks that every query parameter is one of `allowed`; answers 400 otherwise.
bool only_params(const httplib::Request& req, httplib::Response& res, std::set<std::string> allowed);

// Parses an integer parameter in [min, max]; answers 400 and returns false when bad.
bool int_param(const httplib::Request& req, httplib::Response& res, const char* name, int64_t min, int64_t max,
               int64_t* value);

// Sends `json` with an ETag from the store's version (and the version itself in
// X-Graph-Version); 304 when the client has it.
void send_json(const httplib::Request& req, httplib::Response& res, const std::string& json, int64_t version,
               int status = 200);

inline void str(Json& w, const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); }
inline void field(Json& w, const char* k, const std::string& v) {
  w.Key(k);
  str(w, v);
}
inline void field(Json& w, const char* k, int64_t v) {
  w.Key(k);
  w.Int64(v);
}

// A list page: {"items": [...], "total": n, "next": cursor-or-null}, then whatever
// `extra` writes into the same object.
template <typename Rows, typename Render, typename Extra>
std::string page_json(const Rows& rows, int64_t total, const std::string& next, Render render, Extra extra) {
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  w.Key("items");
  w.StartArray();
  for (const auto& r : rows) render(w, r);
  w.EndArray();
  field(w, "total", total);
  w.Key("next");
  if (next.empty()) w.Null();
  else str(w, next);
  extra(w);
  w.EndObject();
  return b.GetString();
}
template <typename Rows, typename Render>
std::string page_json(const Rows& rows, int64_t total, const std::string& next, Render render) {
  return page_json(rows, total, next, render, [](Json&) {});
}

// An entity as JSON; `details` adds aliases, degree and first/last seen.
void entity_json(Json& w, const store::EntityRow& e, bool details);

// Resolves an entity named in a path or parameter ("putin", "Korea Utara"); answers
// 404, or 300 with the candidates, itself and returns false then.
bool path_entity(store::Store& store, const std::string& name, httplib::Response& res, store::EntityRow* out);


// Registers a GET route whose answers are kept in the response cache: until the next
// write, or, for an answer that called answer_shows(), until a write touches one of the
// entities it shows.
void cached_get(httplib::Server& http, Context& c, const std::string& pattern, httplib::Server::Handler handler);

// Declares, from a cached_get handler, that its answer shows only what the store says of
// `entities` and the labels of `labelled` (store keys). Say it only when that is so: an
// answer that resolved a name by alias, or lists the whole graph, declares nothing.
void answer_shows(std::vector<int64_t> entities, std::vector<int64_t> labelled = {});

void add_graph_routes(httplib::Server& server, Context& context);
void add_document_routes(httplib::Server& server, Context& context);
void add_curation_routes(httplib::Server& server, Context& context);
void add_network_routes(httplib::Server& server, Context& context);  // paths, subgraph, communities
void add_export_routes(httplib::Server& server, Context& context);
void add_search_routes(httplib::Server& server, Context& context);  // entities by name, evidence sentences
void add_explorer_routes(httplib::Server& server);                   // the browser explorer at /

}  // namespace newsgraph::server
