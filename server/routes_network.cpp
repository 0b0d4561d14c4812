// Traversal routes on the in-memory snapshot: k shortest paths between two entities with
// the relations along each hop, an ego network as node-link JSON, and the communities.
#include "core/ontology.h"
#include "export/export_options.h"
#include "server/context.h"

namespace newsgraph::server {
namespace {

// The snapshot, and the nodes of the entities named by `names` (ids, names or aliases).
// Answers the error itself and returns false when one cannot be had.
bool snapshot_nodes(Context& c, const httplib::Request& req, httplib::Response& res,
                    const std::vector<const char*>& names, std::shared_ptr<const GraphSnapshot>* snapshot,
                    std::vector<uint32_t>* nodes) {
  for (const char* name : names)
    if (!req.has_param(name) || req.get_param_value(name).empty())
      return problem(res, 400, "missing-parameter", std::string(name) + " is required (an entity id, name or alias)"),
             false;
  store::Store* store = c.reader(res);
  if (!store) return false;
  std::vector<store::EntityRow> entities(names.size());
  for (size_t i = 0; i < names.size(); ++i)
    if (!path_entity(*store, req.get_param_value(names[i]), res, &entities[i])) return false;
  *snapshot = c.snapshot(*store, res);
  if (!*snapshot) return false;
  for (const auto& e : entities) {
    uint32_t node = 0;
    if (!(*snapshot)->node_of(e.id, &node))
      return problem(res, 404, "unknown-entity", "'" + e.id + "' is not in the graph yet; try again"), false;
    nodes->push_back(node);
  }
  return true;
}

// predicates, min_weight and cooccurs, spelt as for /export.
bool edge_filter(const httplib::Request& req, httplib::Response& res, graph::EdgeFilter* filter) {
  graph::GraphFilter parsed;
  exporter::ExportOptions unused;
  for (const char* name : {"predicates", "min_weight", "cooccurs"}) {
    if (!req.has_param(name)) continue;
    Status st = exporter::apply_export_option(name, req.get_param_value(name), &parsed, &unused);
    if (!st.is_ok()) return problem(res, 400, "bad-parameter", st.message()), false;
  }
  filter->min_weight = parsed.min_weight;
  filter->predicates = parsed.predicates;
  filter->include_cooccurs = parsed.include_cooccurs;
  return true;
}

void node_fields(Json& w, const graph::NodeInfo& n) {
  field(w, "id", n.id);
  field(w, "label", n.label);
  field(w, "type", entity_type_name(n.type));
}

void node_json(Json& w, const graph::NodeInfo& n) {
  w.StartObject();
  node_fields(w, n);
  w.EndObject();
}

// An edge; with `facts`, also its first and last seen ("" when undated) and modality.
void edge_json(Json& w, const graph::GraphView& g, uint32_t edge, const store::RelationFactsByKey* facts = nullptr) {
  const graph::EdgeInfo& e = g.edges()[edge];
  w.StartObject();
  field(w, "id", e.key);
  field(w, "source", g.nodes()[e.source].id);
  field(w, "target", g.nodes()[e.target].id);
  field(w, "predicate", predicate_name(e.predicate));
  field(w, "quad", quad_name(quad_of(e.predicate)));
  field(w, "weight", int64_t{e.weight});
  if (facts) {
    auto it = facts->find(e.key);
    const store::RelationFacts none;
    const store::RelationFacts& f = it == facts->end() ? none : it->second;
    field(w, "first_seen", f.first_seen);
    field(w, "last_seen", f.last_seen);
    field(w, "modality", f.modality);
  }
  w.EndObject();
}

constexpr size_t kRelationsPerStep = 10;

void paths(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!only_params(req, res, {"from", "to", "max_hops", "k", "predicates", "min_weight", "cooccurs"})) return;
  int64_t max_hops = 4, k = 3;
  graph::EdgeFilter filter;
  if (!int_param(req, res, "max_hops", 1, 6, &max_hops) || !int_param(req, res, "k", 1, 10, &k) ||
      !edge_filter(req, res, &filter))
    return;
  std::shared_ptr<const GraphSnapshot> s;
  std::vector<uint32_t> ends;
  if (!snapshot_nodes(c, req, res, {"from", "to"}, &s, &ends)) return;
  const graph::GraphView& g = s->view();
  auto found = s->traversal().shortest_paths(ends[0], ends[1], static_cast<size_t>(k),
                                             static_cast<uint32_t>(max_hops), filter);
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  w.Key("from");
  node_json(w, g.nodes()[ends[0]]);
  w.Key("to");
  node_json(w, g.nodes()[ends[1]]);
  w.Key("paths");
  w.StartArray();
  for (const graph::NodePath& p : found) {
    w.StartObject();
    field(w, "hops", static_cast<int64_t>(p.nodes.size() - 1));
    field(w, "strength", static_cast<int64_t>(p.strength));
    w.Key("nodes");
    w.StartArray();
    for (uint32_t v : p.nodes) node_json(w, g.nodes()[v]);
    w.EndArray();
    w.Key("steps");
    w.StartArray();
    for (size_t i = 0; i + 1 < p.nodes.size(); ++i) {
      std::vector<uint32_t> between = s->traversal().edges_between(p.nodes[i], p.nodes[i + 1], filter);
      std::stable_sort(between.begin(), between.end(),
                       [&](uint32_t x, uint32_t y) { return g.edges()[x].weight > g.edges()[y].weight; });
      w.StartObject();
      field(w, "from", g.nodes()[p.nodes[i]].id);
      field(w, "to", g.nodes()[p.nodes[i + 1]].id);
      field(w, "relation_count", static_cast<int64_t>(between.size()));
      w.Key("relations");
      w.StartArray();
      for (size_t j = 0; j < between.size() && j < kRelationsPerStep; ++j) edge_json(w, g, between[j]);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  field(w, "graph_version", s->version());
  w.EndObject();
  send_json(req, res, b.GetString(), s->version());
}

void subgraph(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!only_params(req, res, {"center", "depth", "max_nodes", "predicates", "min_weight", "cooccurs"})) return;
  int64_t depth = 1, max_nodes = 200;
  graph::EdgeFilter filter;
  if (!int_param(req, res, "depth", 1, 3, &depth) || !int_param(req, res, "max_nodes", 1, 5000, &max_nodes) ||
      !edge_filter(req, res, &filter))
    return;
  std::shared_ptr<const GraphSnapshot> s;
  std::vector<uint32_t> center;
  if (!snapshot_nodes(c, req, res, {"center"}, &s, &center)) return;
  const graph::GraphView& g = s->view();
  graph::EgoNetwork ego =
      s->traversal().ego(center[0], static_cast<uint32_t>(depth), static_cast<size_t>(max_nodes), filter);
  std::vector<int64_t> keys;  // dates and modality of its relations, for the explorer's filters
  for (uint32_t e : ego.edges) keys.push_back(g.edges()[e].key);
  store::RelationFactsByKey facts;
  store::Store* store = c.reader(res);
  if (!store) return;
  Status st = store::relation_facts(*store, keys, &facts);
  if (!st.is_ok()) return store_problem(c.options.db, res, st);
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  field(w, "center", g.nodes()[center[0]].id);
  w.Key("truncated");
  w.Bool(ego.truncated);
  w.Key("nodes");
  w.StartArray();
  // Each node's Louvain community in the whole graph (computed once per graph version, a
  // tenth of a second on the 25k-article pool's); left out if not ready within max_wait.
  std::shared_ptr<const CommunityIndex> communities;
  {
    ComputePermits::Suspend waiting;
    communities = s->communities(std::chrono::milliseconds(c.options.max_wait_ms));
  }
  for (size_t i = 0; i < ego.nodes.size(); ++i) {
    w.StartObject();
    node_fields(w, g.nodes()[ego.nodes[i]]);
    field(w, "hops", int64_t{ego.hops[i]});
    if (communities) field(w, "community", int64_t{communities->communities.membership[ego.nodes[i]]});
    w.EndObject();
  }
  w.EndArray();
  w.Key("links");
  w.StartArray();
  for (uint32_t e : ego.edges) edge_json(w, g, e, &facts);
  w.EndArray();
  field(w, "graph_version", s->version());
  w.EndObject();
  send_json(req, res, b.GetString(), s->version());
}

void communities(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!only_params(req, res, {"members", "min_size"})) return;
  int64_t limit = 20, cursor = 0, members = 10, min_size = 1;
  if (!int_param(req, res, "limit", 1, 500, &limit) || !int_param(req, res, "cursor", 0, INT32_MAX, &cursor) ||
      !int_param(req, res, "members", 0, 1000, &members) || !int_param(req, res, "min_size", 1, INT32_MAX, &min_size))
    return;
  store::Store* store = c.reader(res);
  if (!store) return;
  std::shared_ptr<const GraphSnapshot> s = c.snapshot(*store, res);
  if (!s) return;
  std::shared_ptr<const CommunityIndex> computed;
  {
    ComputePermits::Suspend waiting;
    computed = s->communities(std::chrono::milliseconds(c.options.max_wait_ms));
  }
  if (!computed) {
    res.set_header("Retry-After", "5");
    return problem(res, 503, "computing", "the communities are being computed; try again in a few seconds");
  }
  const CommunityIndex& index = *computed;
  // Communities are numbered by size, largest first, so min_size cuts a tail.
  size_t total = 0;
  while (total < index.members.size() && static_cast<int64_t>(index.members[total].size()) >= min_size) ++total;
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  field(w, "count", static_cast<int64_t>(index.communities.count));
  w.Key("modularity");
  w.Double(index.communities.modularity);
  w.Key("items");
  w.StartArray();
  size_t end = std::min(total, static_cast<size_t>(cursor + limit));
  for (size_t id = static_cast<size_t>(cursor); id < end; ++id) {
    const auto& m = index.members[id];
    w.StartObject();
    field(w, "id", static_cast<int64_t>(id));
    field(w, "size", static_cast<int64_t>(m.size()));
    w.Key("members");
    w.StartArray();
    for (size_t i = 0; i < m.size() && i < static_cast<size_t>(members); ++i) {
      node_json(w, s->view().nodes()[m[i]]);
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  field(w, "total", static_cast<int64_t>(total));
  w.Key("next");
  if (end < total) str(w, std::to_string(end));
  else w.Null();
  field(w, "graph_version", s->version());
  w.EndObject();
  send_json(req, res, b.GetString(), s->version());
}

}  // namespace

void add_network_routes(httplib::Server& http, Context& c) {
  cached_get(http, c, "/api/v1/paths", [&c](const httplib::Request& req, httplib::Response& res) { paths(c, req, res); });
  cached_get(http, c, "/api/v1/subgraph", [&c](const httplib::Request& req, httplib::Response& res) { subgraph(c, req, res); });
  cached_get(http, c, "/api/v1/communities",
           [&c](const httplib::Request& req, httplib::Response& res) { communities(c, req, res); });
}

}  // namespace newsgraph::server
