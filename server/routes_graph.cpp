// Read routes: health, ontology, stats, an entity, relations, evidence, OpenAPI.
#include <rapidjson/document.h>

#include <tuple>

#include "core/dates.h"
#include "core/ontology.h"
#include "graph/statistics.h"
#include "graph/statistics_format.h"
#include "server/context.h"
#include "server/openapi.h"
#include "store/queries.h"

namespace newsgraph::server {
namespace {

constexpr int64_t kMaxLimit = 500;

void relation_json(Json& w, const store::RelationRow& r) {
  w.StartObject();
  field(w, "id", r.key);
  w.Key("subject");
  w.StartObject();
  field(w, "id", r.subject_id);
  field(w, "label", r.subject_label);
  w.EndObject();
  field(w, "predicate", r.predicate);
  w.Key("object");
  w.StartObject();
  field(w, "id", r.object_id);
  field(w, "label", r.object_label);
  w.EndObject();
  std::optional<Predicate> p = parse_predicate(r.predicate);
  field(w, "plover", p ? plover_type(*p) : "");
  field(w, "quad", p ? quad_name(quad_of(*p)) : "");
  field(w, "modality", r.modality);
  field(w, "weight", r.weight);
  field(w, "independent_articles", r.independent);
  field(w, "evidence", r.evidence);
  w.Key("confidence");
  w.Double(r.confidence);
  field(w, "first_seen", r.first_seen);
  field(w, "last_seen", r.last_seen);
  w.EndObject();
}

// Fills the relation filters shared by /relations and /entities/{id}/relations.
bool relation_filters(const httplib::Request& req, httplib::Response& res, store::RelationQuery* q) {
  int64_t limit = 50, cursor = 0;
  if (!int_param(req, res, "limit", 1, kMaxLimit, &limit)) return false;
  q->limit = static_cast<size_t>(limit);
  if (!int_param(req, res, "cursor", 0, INT64_MAX / 2, &cursor)) return false;
  if (req.has_param("sort")) {
    q->order = req.get_param_value("sort");
    if (q->order != "key" && q->order != "weight" && q->order != "date")
      return problem(res, 400, "bad-parameter", "sort is key, weight (heaviest first) or date (latest first)"), false;
  }
  // Sorted by key, the cursor is the last key of the page before; otherwise an offset.
  if (q->order == "key") q->after = cursor;
  else q->offset = static_cast<size_t>(cursor);
  if (!int_param(req, res, "min_weight", 1, 1 << 30, &q->min_weight)) return false;
  if (req.has_param("predicate")) {
    auto p = parse_predicate(req.get_param_value("predicate"));
    if (!p) return problem(res, 400, "bad-parameter", "unknown predicate; see /api/v1/ontology"), false;
    q->predicate = predicate_name(*p);
  }
  if (req.has_param("quad")) {
    q->quad_class = req.get_param_value("quad");
    for (int i = 0; i <= static_cast<int>(Predicate::kCoOccurs); ++i)
      if (quad_name(quad_of(static_cast<Predicate>(i))) == q->quad_class)
        q->predicates_in_quad.push_back(predicate_name(static_cast<Predicate>(i)));
    if (q->predicates_in_quad.empty()) return problem(res, 400, "bad-parameter", "unknown quad class"), false;
  }
  if (req.has_param("modality")) {
    q->modality = req.get_param_value("modality");
    if (!parse_modality(q->modality)) return problem(res, 400, "bad-parameter", "unknown modality"), false;
  }
  for (const char* d : {"since", "until"}) {
    if (!req.has_param(d)) continue;
    std::string v = req.get_param_value(d);
    if (!dates::is_iso_date(v))
      return problem(res, 400, "bad-parameter", std::string(d) + " takes a real day as YYYY-MM-DD"), false;
    (std::string(d) == "since" ? q->since : q->until) = v;
  }
  return true;
}

// Declares an answer about `entity` and its relations `rows`: it, and the label of each
// relation's other end (a relation's counts change only by a write that touches both ends).
void shows_with_relations(int64_t entity, const std::vector<store::RelationRow>& rows) {
  std::vector<int64_t> labelled;
  for (const auto& r : rows) labelled.push_back(r.subject_key == entity ? r.object_key : r.subject_key);
  answer_shows({entity}, std::move(labelled));
}

// A page of relations; `about` is the entity (named by its id) the page is about, whose
// answer is kept until a write touches it or a relation's other end, 0 for none.
void send_relations(const httplib::Request& req, httplib::Response& res, store::Store& store,
                    const store::RelationQuery& q, int64_t about = 0) {
  std::vector<store::RelationRow> rows;
  int64_t total = 0;
  Status st = store::find_relations(store, q, &rows, &total);
  if (!st.is_ok()) return store_problem(store.path(), res, st);
  if (about) shows_with_relations(about, rows);
  std::string next;
  if (rows.size() == q.limit) next = std::to_string(q.order == "key" ? rows.back().key : int64_t(q.offset + q.limit));
  send_json(req, res, page_json(rows, total, next, relation_json), version_of(store));
}

}  // namespace

void entity_json(Json& w, const store::EntityRow& e, bool details) {
  w.StartObject();
  field(w, "id", e.id);
  field(w, "label", e.label);
  field(w, "type", e.type);
  w.Key("gazetteer");
  w.Bool(e.from_gazetteer);
  if (!e.matched.empty()) {
    field(w, "matched", e.matched);
    w.Key("matched_alias");
    w.Bool(e.matched_alias);
  }
  field(w, "articles", e.articles);
  if (details) {
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : e.aliases) str(w, a);
    w.EndArray();
    field(w, "degree", e.degree);
    field(w, "first_seen", e.first_seen);
    field(w, "last_seen", e.last_seen);
  }
  w.EndObject();
}

bool path_entity(store::Store& store, const std::string& name, httplib::Response& res, store::EntityRow* out) {
  std::vector<store::EntityRow> candidates;
  Status st = store::resolve_entity(store, name, &candidates);
  if (!st.is_ok()) {
    store_problem(store.path(), res, st);
    return false;
  }
  if (candidates.empty()) {
    problem(res, 404, "unknown-entity", "no entity has the id, name or alias '" + name + "'");
    return false;
  }
  if (candidates.size() > 1) {
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    field(w, "type", "https://newsgraph.dev/problems/ambiguous-entity");
    field(w, "title", "Multiple Choices");
    field(w, "status", int64_t{300});
    field(w, "detail", "'" + name + "' names several entities; use one of their ids");
    field(w, "code", "ambiguous-entity");
    w.Key("candidates");
    w.StartArray();
    for (const auto& c : candidates) entity_json(w, c, false);
    w.EndArray();
    w.EndObject();
    res.status = 300;
    res.set_content(b.GetString(), "application/problem+json");
    return false;
  }
  *out = candidates.front();
  return true;
}

int64_t version_of(store::Store& store) {
  int64_t v = 0;
  store::data_version(store, &v);
  return v;
}

void add_graph_routes(httplib::Server& http, Context& c) {
  http.Get("/api/v1/health", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    store::Store* store = c.reader(res);
    if (!store) return;
    // Counted once per store version: a liveness probe asked every second costs no scan.
    const int64_t version = c.version.current(*store);
    {
      std::lock_guard<std::mutex> lock(c.health_mutex);
      if (version == c.health_version) return res.set_content(c.health_json, "application/json");
    }
    store::ReadSnapshot snapshot(*store);  // one consistent state for every query
    store::StoreCounts counts;
    if (!store->counts(&counts, store::Store::CountScope::kGraph).is_ok())
      return problem(res, 503, "store-error", "cannot read the store");
    bool out_of_order = false;  // until a rewrite (reorder, an ingest) puts the store back in order
    if (!store::out_of_canonical_order(*store, &out_of_order).is_ok())
      return problem(res, 503, "store-error", "cannot read the store");
    std::string json = "{\"status\":\"ok\",\"documents\":" + std::to_string(counts.documents) +
                       ",\"entities\":" + std::to_string(counts.entities) +
                       ",\"relations\":" + std::to_string(counts.relations) +
                       ",\"canonical_order\":" + (out_of_order ? "false" : "true") + "}";
    std::lock_guard<std::mutex> lock(c.health_mutex);
    if (version > c.health_version) std::tie(c.health_version, c.health_json) = std::make_pair(version, json);
    res.set_content(json, "application/json");
  });

  http.Get("/api/v1/ontology", [](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    w.Key("entity_types");
    w.StartArray();
    for (int i = 0; i <= static_cast<int>(EntityType::kTopic); ++i) w.String(entity_type_name(static_cast<EntityType>(i)));
    w.EndArray();
    w.Key("predicates");
    w.StartArray();
    for (int i = 0; i <= static_cast<int>(Predicate::kCoOccurs); ++i) {
      auto p = static_cast<Predicate>(i);
      w.StartObject();
      field(w, "name", predicate_name(p));
      field(w, "plover", plover_type(p));
      field(w, "quad", quad_name(quad_of(p)));
      w.Key("symmetric");
      w.Bool(is_symmetric(p));
      w.EndObject();
    }
    w.EndArray();
    w.Key("modalities");
    w.StartArray();
    for (int i = 0; i <= static_cast<int>(Modality::kQuestion); ++i) w.String(modality_name(static_cast<Modality>(i)));
    w.EndArray();
    w.EndObject();
    send_json(req, res, b.GetString(), 0);
  });

  cached_get(http, c, "/api/v1/stats", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    store::Store* store = c.reader(res);
    if (!store) return;
    // The graph paths and communities use too; the statistics of each version are
    // computed once, in the background, and never replaced by an older version's.
    std::shared_ptr<const GraphSnapshot> snapshot = c.snapshot(*store, res);
    if (!snapshot) return;
    BackgroundJob<std::string> job;
    int64_t job_version = 0, done_version = 0;
    std::shared_ptr<const std::string> done;
    {
      std::lock_guard<std::mutex> lock(c.stats_mutex);
      if (c.stats.done() && c.stats_version > c.stats_done_version) {
        c.stats_done = c.stats.wait_for({});
        c.stats_done_version = c.stats_version;
      }
      if (snapshot->version() > c.stats_version && (!c.stats.started() || c.stats.done())) {
        bool out_of_order = false;  // read now, with the version: a write that changes it moves the version
        const bool order_known = store::out_of_canonical_order(*store, &out_of_order).is_ok();
        c.stats = BackgroundJob<std::string>::start([snapshot, order_known, out_of_order] {
          graph::GraphStatistics statistics = graph::compute_statistics(snapshot->view(), {});
          if (order_known) statistics.canonical_order = !out_of_order;
          return std::make_shared<const std::string>(graph::statistics_json(statistics, nullptr));
        });
        c.stats_version = snapshot->version();
      }
      job = c.stats;
      job_version = c.stats_version;
      done = c.stats_done;
      done_version = c.stats_done_version;
    }
    // The newest statistics, waited for as long as allowed; else the last ones computed.
    std::shared_ptr<const std::string> json;
    if (job_version > done_version) {
      ComputePermits::Suspend waiting;
      json = job.wait_for(std::chrono::milliseconds(c.options.max_wait_ms));
    }
    int64_t version = job_version;
    if (!json) std::tie(json, version) = std::make_pair(done, done_version);
    if (!json) {
      res.set_header("Retry-After", "5");
      return problem(res, 503, "computing", "the statistics are being computed; try again in a few seconds");
    }
    send_json(req, res, *json, version);
  });

  cached_get(http, c, R"(/api/v1/entities/([^/]+))", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    store::Store* store = c.reader(res);
    store::EntityRow e;
    if (!store || !path_entity(*store, req.matches[1], res, &e)) return;
    store::RelationQuery top;
    top.either = e.key;
    top.limit = 10;
    top.order = "weight";
    std::vector<store::RelationRow> relations;
    Status st = store::entity_details(*store, &e);
    if (st.is_ok()) st = store::find_relations(*store, top, &relations, nullptr);
    if (!st.is_ok()) return store_problem(store->path(), res, st);
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    w.Key("entity");
    entity_json(w, e, true);
    w.Key("top_relations");
    w.StartArray();
    for (const auto& r : relations) relation_json(w, r);
    w.EndArray();
    w.EndObject();
    if (req.matches[1] == e.id) shows_with_relations(e.key, relations);  // an id names one entity for good
    send_json(req, res, b.GetString(), version_of(*store));
  });

  cached_get(http, c, R"(/api/v1/entities/([^/]+)/merge-log)", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    store::Store* store = c.reader(res);
    store::EntityRow e;
    if (!store || !path_entity(*store, req.matches[1], res, &e)) return;
    std::vector<store::MergeLogRow> log;
    if (Status st = store::merge_log(*store, e.key, 1000, &log); !st.is_ok())
      return store_problem(store->path(), res, st);
    if (req.matches[1] == e.id) answer_shows({e.key});
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    field(w, "entity", e.id);
    w.Key("merges");
    w.StartArray();
    for (const auto& m : log) {
      w.StartObject();
      field(w, "at", m.at);
      field(w, "document", m.doc_id);
      field(w, "name", m.name);
      field(w, "rule", m.rule);
      field(w, "detail", m.detail);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    send_json(req, res, b.GetString(), version_of(*store));
  });

  cached_get(http, c, R"(/api/v1/entities/([^/]+)/relations)", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {"predicate", "quad", "direction", "min_weight", "modality", "since", "until", "sort"}))
      return;
    store::RelationQuery q;
    if (!relation_filters(req, res, &q)) return;
    q.direction = req.has_param("direction") ? req.get_param_value("direction") : "both";
    if (q.direction != "out" && q.direction != "in" && q.direction != "both")
      return problem(res, 400, "bad-parameter", "direction is out, in or both");
    store::Store* store = c.reader(res);
    store::EntityRow e;
    if (!store || !path_entity(*store, req.matches[1], res, &e)) return;
    q.either = e.key;
    send_relations(req, res, *store, q, req.matches[1] == e.id ? e.key : 0);
  });

  cached_get(http, c, "/api/v1/relations", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res,
                     {"subject", "predicate", "object", "direction", "modality", "since", "until", "min_weight", "quad",
                      "sort"}))
      return;
    store::RelationQuery q;
    if (!relation_filters(req, res, &q)) return;
    // direction=both: subject and object either way round for every predicate (symmetric
    // ones always are).
    const std::string direction = req.has_param("direction") ? req.get_param_value("direction") : "stored";
    if (direction != "stored" && direction != "both")
      return problem(res, 400, "bad-parameter", "direction is stored (the default) or both");
    q.both_ways = direction == "both";
    store::Store* store = c.reader(res);
    if (!store) return;
    for (const char* end : {"subject", "object"}) {
      if (!req.has_param(end)) continue;
      store::EntityRow e;
      if (!path_entity(*store, req.get_param_value(end), res, &e)) return;
      (std::string(end) == "subject" ? q.subject : q.object) = e.key;
    }
    send_relations(req, res, *store, q);
  });

  auto evidence = [&c](const httplib::Request& req, httplib::Response& res, bool explain) {
    if (!only_params(req, res, {})) return;
    int64_t key = 0, after = 0, limit = 50;
    std::string id = req.matches[1];
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
      return problem(res, 400, "bad-id", "relation ids are whole numbers");
    key = std::stoll(id);
    if (!int_param(req, res, "limit", 1, kMaxLimit, &limit) || !int_param(req, res, "cursor", 0, INT64_MAX / 2, &after))
      return;
    store::Store* store = c.reader(res);
    if (!store) return;
    store::RelationRow relation;
    bool found = false;
    if (!store::get_relation(*store, key, &relation, &found).is_ok() || !found)
      return problem(res, 404, "unknown-relation", "no relation has id " + id);
    std::vector<store::EvidenceRow> rows;
    int64_t total = 0;
    store::relation_evidence(*store, key, after, static_cast<size_t>(limit), &rows, &total);
    std::string next = static_cast<int64_t>(rows.size()) == limit ? std::to_string(rows.back().key) : "";
    auto render = [explain](Json& w, const store::EvidenceRow& e) {
      w.StartObject();
      field(w, "document", e.doc_id);
      field(w, "title", e.title);
      field(w, "source", e.source);
      field(w, "published", e.published);
      field(w, "sentence_index", e.sentence_index);
      field(w, "sentence", e.sentence);
      field(w, "start", e.start);
      field(w, "end", e.end);
      field(w, "modality", e.modality);
      w.Key("syndicated");
      w.Bool(e.syndicated);
      if (explain) {
        field(w, "rule", e.rule);
        field(w, "cue", e.cue);
        w.Key("confidence");
        w.Double(e.confidence);
      }
      w.EndObject();
    };
    std::string body = page_json(rows, total, next, render);
    body.insert(1, "\"relation\":" + std::to_string(key) + ",");
    send_json(req, res, body, version_of(*store));
  };
  cached_get(http, c, R"(/api/v1/relations/([^/]+)/evidence)",
           [evidence](const httplib::Request& req, httplib::Response& res) { evidence(req, res, false); });
  cached_get(http, c, R"(/api/v1/relations/([^/]+)/explain)",
           [evidence](const httplib::Request& req, httplib::Response& res) { evidence(req, res, true); });

  http.Get("/api/v1/openapi.json", [](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    send_json(req, res, openapi_document(), 0);
  });
}

}  // namespace newsgraph::server
