// Curation routes: POST /api/v1/curate applies an overrides document (the same JSON as
// `newsgraph curate`, the same code: all or nothing, dry_run and force parameters), and
// GET /api/v1/overrides lists the overrides kept. Writes need the token off loopback.
#include "server/context.h"

namespace newsgraph::server {
namespace {

void strings(Json& w, const char* key, const std::vector<std::string>& list) {
  w.Key(key);
  w.StartArray();
  for (const auto& s : list) str(w, s);
  w.EndArray();
}

bool flag_param(const httplib::Request& req, httplib::Response& res, const char* name, bool* out) {
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  if (v != "true" && v != "false" && v != "1" && v != "0")
    return problem(res, 400, "bad-parameter", std::string(name) + " takes true or false"), false;
  *out = v == "true" || v == "1";
  return true;
}

}  // namespace

void add_curation_routes(httplib::Server& http, Context& c) {
  http.Post("/api/v1/curate", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {"dry_run", "force"}) || !authorised(c, req, res)) return;
    ComputePermits::Held permit(c.compute);
    store::CurateOptions options;
    if (!flag_param(req, res, "dry_run", &options.dry_run) || !flag_param(req, res, "force", &options.force)) return;
    store::Overrides overrides;
    if (Status st = store::parse_overrides(req.body, "request body", &overrides); !st.is_ok())
      return problem(res, 400, "bad-overrides", st.message());
    store::CurateReport report;
    Status st = c.write([&](store::Store& s) { return s.curate(overrides, options, &report); });
    if (!st.is_ok()) return store_problem(c.options.db, res, st);
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    w.Key("applied");
    w.Bool(report.rejected.empty() && !options.dry_run);
    field(w, "merged", static_cast<int64_t>(report.merged));
    field(w, "split", static_cast<int64_t>(report.split));
    field(w, "edited", static_cast<int64_t>(report.edited));
    strings(w, "changes", report.changes);
    strings(w, "rejected", report.rejected);
    strings(w, "unknown_names", report.unknown_names);
    w.EndObject();
    // Refused: 409, nothing changed; else 200 (a dry run changes nothing either).
    res.status = report.rejected.empty() ? 200 : 409;
    res.set_content(b.GetString(), "application/json");
  });

  http.Get("/api/v1/overrides", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    store::Store* store = c.reader(res);
    if (!store) return;
    std::vector<store::OverrideRow> rows;
    if (Status st = store->list_overrides(&rows); !st.is_ok()) return store_problem(c.options.db, res, st);
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (const auto& r : rows) {
      w.StartObject();
      field(w, "kind", r.kind);
      field(w, "a", r.a);
      field(w, "b", r.b);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    res.set_content(b.GetString(), "application/json");
  });
}

}  // namespace newsgraph::server
