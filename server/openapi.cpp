#include "server/openapi.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace newsgraph::server {
namespace {

bool is_integer_parameter(const std::string& name) {
  for (const char* n : {"limit", "min_weight", "max_hops", "k", "depth", "max_nodes", "members", "min_size"})
    if (name == n) return true;
  return false;
}

}  // namespace

const std::vector<RouteSpec>& route_specs() {
  static const std::vector<RouteSpec> routes = {
      {"get", "/api/v1/health", "Liveness, store counts, and whether the store is in canonical order", {}},
      {"get", "/api/v1/stats", "Graph statistics, as `newsgraph stats --json`", {}},
      {"get", "/api/v1/ontology", "Entity types, predicates with PLOVER and quad class, modalities", {}},
      {"get", "/api/v1/entities",
       "Search entities by any word of a name or alias (a misspelt word is corrected: see `corrected`)",
       {"q", "type", "sort", "limit", "cursor"}},
      {"get", "/api/v1/search", "Search the sentences that support relations, with the matched words marked",
       {"q", "entity", "since", "until", "limit", "cursor"}},
      {"get", "/api/v1/entities/{id}", "An entity (id, name or alias) with its top relations", {}},
      {"get", "/api/v1/entities/{id}/merge-log", "How the entity was resolved", {}},
      {"get", "/api/v1/entities/{id}/relations", "Relations of an entity",
       {"predicate", "quad", "direction", "min_weight", "modality", "since", "until", "sort", "limit", "cursor"}},
      {"get", "/api/v1/relations", "Relations by triple pattern (direction=both: either way round)",
       {"subject", "predicate", "object", "direction", "modality", "since", "until", "min_weight", "quad", "sort",
        "limit", "cursor"}},
      {"get", "/api/v1/relations/{id}/evidence", "Supporting sentences of a relation", {"limit", "cursor"}},
      {"get", "/api/v1/relations/{id}/explain", "Evidence with the rule and cue behind each", {"limit", "cursor"}},
      {"get", "/api/v1/paths", "Up to k shortest paths between two entities, with the relations along each hop",
       {"from", "to", "max_hops", "k", "predicates", "min_weight", "cooccurs"}},
      {"get", "/api/v1/subgraph", "The ego network of an entity as node-link JSON",
       {"center", "depth", "max_nodes", "predicates", "min_weight", "cooccurs"}},
      {"get", "/api/v1/communities", "Louvain communities with their strongest members and the modularity",
       {"members", "min_size", "limit", "cursor"}},
      {"get", "/api/v1/export",
       "The graph as GraphML, GEXF, node-link, Cytoscape.js or graphology JSON, streamed; typed relations unless "
       "cooccurs=true",
       {"format", "min_weight", "predicates", "types", "since", "until", "center", "depth", "cooccurs", "multi",
        "layout", "mixed"}},
      {"get", "/api/v1/documents", "Stored articles", {"limit", "cursor"}},
      {"post", "/api/v1/documents", "Extract an article and merge it into the store", {"published"}},
      {"get", "/api/v1/documents/{id}", "One stored article", {}},
      {"delete", "/api/v1/documents/{id}", "Retract an article and what it produced", {}},
      {"post", "/api/v1/reorder", "Rewrite the store in canonical order, when articles came out of it", {}},
      {"post", "/api/v1/extract", "Extract an article without storing it", {"published"}},
      {"post", "/api/v1/curate", "Apply overrides (merge, never, rename, retype, delete): all or nothing",
       {"dry_run", "force"}},
      {"get", "/api/v1/overrides", "The overrides kept in the store", {}},
      {"get", "/api/v1/openapi.json", "This document", {}},
  };
  return routes;
}

const std::string& openapi_document() {
  static const std::string document = [] {
    rapidjson::StringBuffer b;
    rapidjson::Writer<rapidjson::StringBuffer> w(b);
    w.StartObject();
    w.Key("openapi");
    w.String("3.1.0");
    w.Key("info");
    w.StartObject();
    w.Key("title");
    w.String("newsgraph REST API");
    w.Key("version");
    w.String("1.0.0");
    w.Key("description");
    w.String("Who did what to whom, from news articles. Errors are RFC 9457 problem+json with a stable `code`; "
             "503 with Retry-After is worth trying again (store-busy: another process is writing the store); "
             "lists are {items, total, next} with `limit` and an opaque `cursor`; reads carry ETags.");
    w.EndObject();
    w.Key("paths");
    w.StartObject();
    const auto& routes = route_specs();
    for (size_t i = 0; i < routes.size(); ++i) {
      if (i > 0 && std::string(routes[i - 1].path) == routes[i].path) continue;
      w.Key(routes[i].path);
      w.StartObject();
      for (size_t j = i; j < routes.size() && std::string(routes[j].path) == routes[i].path; ++j) {
        const RouteSpec& r = routes[j];
        w.Key(r.method);
        w.StartObject();
        w.Key("summary");
        w.String(r.summary);
        w.Key("parameters");
        w.StartArray();
        if (std::string(r.path).find("{id}") != std::string::npos) {
          w.StartObject();
          w.Key("name");
          w.String("id");
          w.Key("in");
          w.String("path");
          w.Key("required");
          w.Bool(true);
          w.Key("schema");
          w.StartObject();
          w.Key("type");
          w.String("string");
          w.EndObject();
          w.EndObject();
        }
        for (const char* q : r.query) {
          w.StartObject();
          w.Key("name");
          w.String(q);
          w.Key("in");
          w.String("query");
          w.Key("schema");
          w.StartObject();
          w.Key("type");
          w.String(is_integer_parameter(q) ? "integer" : "string");
          w.EndObject();
          w.EndObject();
        }
        w.EndArray();
        w.Key("responses");
        w.StartObject();
        w.Key(std::string(r.method) == "post" ? "201" : "200");
        w.StartObject();
        w.Key("description");
        w.String("OK");
        w.EndObject();
        w.Key("default");
        w.StartObject();
        w.Key("description");
        w.String("application/problem+json");
        w.EndObject();
        w.EndObject();
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    return std::string(b.GetString());
  }();
  return document;
}

}  // namespace newsgraph::server
