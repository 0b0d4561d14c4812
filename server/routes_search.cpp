// Search routes: entities by any word of their names (with a corrected spelling when
// nothing matches as typed) and the sentences that support relations.
#include "core/dates.h"
#include "core/ontology.h"
#include "server/context.h"
#include "store/search.h"

namespace newsgraph::server {
namespace {

constexpr int64_t kMaxLimit = 500;

// `limit` and `cursor` (an offset into the ranked list) of a search, and the query `q`.
template <class Search>
bool search_params(const httplib::Request& req, httplib::Response& res, Search* search) {
  int64_t limit = 20, offset = 0;
  if (!int_param(req, res, "limit", 1, kMaxLimit, &limit) || !int_param(req, res, "cursor", 0, 1 << 30, &offset))
    return false;
  search->limit = static_cast<size_t>(limit);
  search->offset = static_cast<size_t>(offset);
  search->q = req.get_param_value("q");
  return true;
}

// The cursor of the page after `search`'s, "" when it was the last.
template <class Search>
std::string next_cursor(const Search& search, int64_t total) {
  const size_t end = search.offset + search.limit;
  return static_cast<int64_t>(end) < total ? std::to_string(end) : "";
}

void entities(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!only_params(req, res, {"q", "type", "sort"})) return;
  store::EntitySearch search;
  if (!search_params(req, res, &search)) return;
  if (req.has_param("type")) {
    auto t = parse_entity_type(req.get_param_value("type"));
    if (!t) return problem(res, 400, "bad-parameter", "unknown type; see /api/v1/ontology");
    search.type = entity_type_name(*t);
  }
  if (req.has_param("sort") && req.get_param_value("sort") != "relevance")
    return problem(res, 400, "bad-parameter", "sort is 'relevance' (exact label, alias, then prefixes, then any word)");
  store::Store* store = c.reader(res);
  if (!store) return;
  store::EntityHits hits;
  Status st = store::search_entities(*store, search, &hits);
  if (!st.is_ok()) return store_problem(c.options.db, res, st);
  const std::string next = next_cursor(search, hits.total);
  auto render = [](Json& w, const store::EntityRow& e) { entity_json(w, e, false); };
  send_json(req, res, page_json(hits.items, hits.total, next, render, [&hits](Json& w) {
              w.Key("corrected");  // the words searched instead of a misspelt query, or null
              if (hits.corrected.empty()) w.Null();
              else str(w, hits.corrected);
            }),
            version_of(*store));
}

void sentences(Context& c, const httplib::Request& req, httplib::Response& res) {
  if (!only_params(req, res, {"q", "entity", "since", "until"})) return;
  store::SentenceSearch search;
  if (!search_params(req, res, &search)) return;
  if (store::search_words(search.q).empty())
    return problem(res, 400, "missing-parameter", "q is required: the words to find in the evidence sentences");
  for (const char* bound : {"since", "until"}) {
    if (!req.has_param(bound)) continue;
    const std::string v = req.get_param_value(bound);
    if (!dates::is_iso_date(v))
      return problem(res, 400, "bad-parameter", std::string(bound) + " takes a real day as YYYY-MM-DD");
    (std::string(bound) == "since" ? search.since : search.until) = v;
  }
  store::Store* store = c.reader(res);
  if (!store) return;
  if (req.has_param("entity")) {
    store::EntityRow e;
    if (!path_entity(*store, req.get_param_value("entity"), res, &e)) return;
    search.entity = e.key;
  }
  std::vector<store::SentenceHit> hits;
  int64_t total = 0;
  Status st = store::search_sentences(*store, search, &hits, &total);
  if (!st.is_ok()) return store_problem(c.options.db, res, st);
  send_json(req, res, page_json(hits, total, next_cursor(search, total), [](Json& w, const store::SentenceHit& h) {
              w.StartObject();
              w.Key("document");
              w.StartObject();
              field(w, "id", h.doc_id);
              field(w, "title", h.title);
              field(w, "source", h.source);
              field(w, "published", h.published);
              w.EndObject();
              field(w, "sentence", h.sentence_index);
              std::string text;
              for (const auto& [piece, hit] : h.parts) text += piece;
              field(w, "text", text);
              w.Key("parts");  // the text in pieces; "match": true for the words searched
              w.StartArray();
              for (const auto& [piece, hit] : h.parts) {
                w.StartObject();
                field(w, "text", piece);
                w.Key("match");
                w.Bool(hit);
                w.EndObject();
              }
              w.EndArray();
              w.EndObject();
            }),
            version_of(*store));
}

}  // namespace

void add_search_routes(httplib::Server& http, Context& c) {
  cached_get(http, c, "/api/v1/entities", [&c](const httplib::Request& req, httplib::Response& res) { entities(c, req, res); });
  cached_get(http, c, "/api/v1/search", [&c](const httplib::Request& req, httplib::Response& res) { sentences(c, req, res); });
}

}  // namespace newsgraph::server
