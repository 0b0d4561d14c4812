#include "graph/attributed_graph.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <unordered_map>

#include "core/joining_thread.h"
#include "core/text.h"
#include "graph/store.h"
#include "graph/store_internal.h"

namespace newsgraph::graph {
namespace {

constexpr size_t kSampleBytes = 280;

// An article's date: published when known, else the day it was ingested.
#define NEWSGRAPH_ARTICLE_DATE \
  "(CASE WHEN d.published <> '' THEN substr(d.published, 1, 10) ELSE substr(d.ingested_at, 1, 10) END)"

std::string truncate_utf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

bool in_window(const std::string& date, const GraphFilter& f) {
  return (f.since.empty() || date >= f.since) && (f.until.empty() || date <= f.until);
}

struct Loader {
  Db& db;
  const GraphFilter& f;
  std::unordered_map<int64_t, uint32_t> node_of;      // entity_key -> node index
  std::unordered_map<int64_t, size_t> edge_of;        // relation_key -> edge index
  std::vector<int64_t> node_keys;
  AttributedGraph g;

  void nodes() {
    Statement q = db.prepare("SELECT entity_key, id, label, type FROM entities ORDER BY entity_key");
    while (q.step()) {
      std::optional<EntityType> type = parse_entity_type(q.column_view(3));
      if (!type || (!f.types.empty() && !f.types.count(*type))) continue;
      node_of[q.column_int(0)] = static_cast<uint32_t>(g.nodes.size());
      node_keys.push_back(q.column_int(0));
      g.nodes.push_back({q.column_text(1), q.column_text(2), *type, {}, 0, 0, "", ""});
    }
  }

  void edges() {
    Statement q = db.prepare(
        "SELECT relation_key, subject_key, predicate, object_key, modality, weight, independent, "
        "evidence_count, confidence, first_seen, last_seen FROM relations "
        "WHERE subject_key <> object_key ORDER BY relation_key");
    bool windowed = !f.since.empty() || !f.until.empty();
    while (q.step()) {
      std::optional<Predicate> p = parse_predicate(q.column_view(2));
      if (!p || (!f.predicates.empty() && !f.predicates.count(*p))) continue;
      if (*p == Predicate::kCoOccurs && !f.include_cooccurs) continue;
      auto s = node_of.find(q.column_int(1)), o = node_of.find(q.column_int(3));
      if (s == node_of.end() || o == node_of.end()) continue;
      if (!windowed && q.column_int(5) < f.min_weight) continue;
      AttributedEdge e;
      e.source = s->second;
      e.target = o->second;
      e.predicate = *p;
      e.modality = q.column_text(4);
      e.weight = q.column_int(5);
      e.independent = q.column_int(6);
      e.evidence = q.column_int(7);
      e.confidence = q.column_double(8);
      e.first_seen = q.column_text(9);
      e.last_seen = q.column_text(10);
      edge_of[q.column_int(0)] = g.edges.size();
      g.edges.push_back(std::move(e));
    }
  }

  // Article dates of every edge, and (with a window) its articles and evidence inside it.
  void dates(std::vector<int64_t>* weight_in_window, std::vector<int64_t>* evidence_in_window) {
    Statement q = db.prepare("SELECT e.relation_key, " NEWSGRAPH_ARTICLE_DATE " AS day, COUNT(*), e.doc_key "
                             "FROM evidence e JOIN documents d ON d.doc_key = e.doc_key "
                             "GROUP BY e.relation_key, e.doc_key ORDER BY e.relation_key, day");
    bool windowed = !f.since.empty() || !f.until.empty();
    std::vector<int64_t>& weight = *weight_in_window;
    std::vector<int64_t>& evidence = *evidence_in_window;
    weight.assign(g.edges.size(), 0);
    evidence.assign(g.edges.size(), 0);
    while (q.step()) {
      auto it = edge_of.find(q.column_int(0));
      if (it == edge_of.end()) continue;
      std::string day = q.column_text(1);
      if (windowed && !in_window(day, f)) continue;
      AttributedEdge& e = g.edges[it->second];
      if (e.dates.empty() || e.dates.back() != day) e.dates.push_back(day);
      e.article_keys.push_back(q.column_int(3));
      ++weight[it->second];
      evidence[it->second] += q.column_int(2);
    }
    for (AttributedEdge& e : g.edges) {
      std::sort(e.article_keys.begin(), e.article_keys.end());
      std::sort(e.dates.begin(), e.dates.end());
      e.dates.erase(std::unique(e.dates.begin(), e.dates.end()), e.dates.end());
    }
  }

  // With a window, keeps the edges with articles inside it, their counts redone.
  void apply_window(const std::vector<int64_t>& weight, const std::vector<int64_t>& evidence) {
    if (f.since.empty() && f.until.empty()) return;
    std::vector<AttributedEdge> kept;
    for (size_t i = 0; i < g.edges.size(); ++i) {
      AttributedEdge& e = g.edges[i];
      if (weight[i] < f.min_weight || weight[i] == 0) continue;
      e.weight = weight[i];
      e.independent = std::min(e.independent, weight[i]);
      e.evidence = evidence[i];
      e.first_seen = e.dates.front();
      e.last_seen = e.dates.back();
      kept.push_back(std::move(e));
    }
    g.edges = std::move(kept);
  }

  // The first typed sentence of every edge, by edge index. Reads only what edges() set.
  void samples(Db& from, std::vector<std::string>* out) const {
    out->assign(g.edges.size(), std::string());
    Statement q = from.prepare(R"SQL(
      SELECT e.relation_key, s.text FROM evidence e
      JOIN sentences s ON s.doc_key = e.doc_key AND s.idx = e.sentence
      WHERE e.evidence_key IN (SELECT MIN(evidence_key) FROM evidence
                               WHERE predicate <> 'CO_OCCURS' GROUP BY relation_key))SQL");
    while (q.step()) {
      auto it = edge_of.find(q.column_int(0));
      if (it != edge_of.end() && g.edges[it->second].predicate != Predicate::kCoOccurs)
        (*out)[it->second] = truncate_utf8(q.column_view(1), kSampleBytes);
    }
  }

  // Aliases, articles, dates and mentions of the nodes; writes only g.nodes.
  void node_details(Db& from) {
    std::unordered_map<int64_t, uint32_t>& index = node_of;
    Statement a = from.prepare("SELECT entity_key, alias FROM aliases ORDER BY entity_key, alias");
    while (a.step()) {
      auto it = index.find(a.column_int(0));
      if (it == index.end()) continue;
      AttributedNode& n = g.nodes[it->second];
      std::string alias = a.column_text(1);
      if (alias != n.label) n.aliases.push_back(std::move(alias));
    }
    article_details(from, index);
  }

  // Per entity: distinct articles, first and last article date, and mentions. One pass
  // over each table and a sort in memory, instead of a grouped join that looks up an
  // article for every row.
  void article_details(Db& from, const std::unordered_map<int64_t, uint32_t>& index) {
    std::vector<std::string> date_of_doc;  // by doc_key
    std::vector<char> is_doc;
    Statement d = from.prepare("SELECT d.doc_key, " NEWSGRAPH_ARTICLE_DATE " FROM documents d");
    while (d.step()) {
      size_t key = static_cast<size_t>(d.column_int(0));
      if (key >= date_of_doc.size()) {
        date_of_doc.resize(key + 1);
        is_doc.resize(key + 1, 0);
      }
      date_of_doc[key] = d.column_text(1);
      is_doc[key] = 1;
    }
    std::unordered_map<int64_t, int64_t> mentions_of;  // doc_entity_key -> mentions
    Statement m = from.prepare("SELECT doc_entity_key, COUNT(*) FROM mentions GROUP BY doc_entity_key");
    while (m.step()) mentions_of[m.column_int(0)] = m.column_int(1);
    struct Seen {
      uint32_t node;
      size_t doc;
      int64_t mentions;
    };
    std::vector<Seen> seen;
    Statement x = from.prepare("SELECT doc_entity_key, doc_key, entity_key FROM doc_entities");
    while (x.step()) {
      auto node = index.find(x.column_int(2));
      size_t doc = static_cast<size_t>(x.column_int(1));
      if (node == index.end() || doc >= is_doc.size() || !is_doc[doc]) continue;
      auto mentions = mentions_of.find(x.column_int(0));
      seen.push_back({node->second, doc, mentions == mentions_of.end() ? 0 : mentions->second});
    }
    std::sort(seen.begin(), seen.end(),
              [](const Seen& a, const Seen& b) { return a.node != b.node ? a.node < b.node : a.doc < b.doc; });
    for (size_t i = 0; i < seen.size();) {
      AttributedNode& n = g.nodes[seen[i].node];
      n.articles = 0;
      n.mentions = 0;
      n.first_seen = n.last_seen = date_of_doc[seen[i].doc];
      size_t j = i;
      for (; j < seen.size() && seen[j].node == seen[i].node; ++j) {
        if (j == i || seen[j].doc != seen[j - 1].doc) ++n.articles;
        n.mentions += seen[j].mentions;
        const std::string& date = date_of_doc[seen[j].doc];
        if (date < n.first_seen) n.first_seen = date;
        if (date > n.last_seen) n.last_seen = date;
      }
      i = j;
    }
  }
};

// Keeps the nodes within `depth` hops of `center` (ignoring direction) and, when edges
// were filtered, drops nodes left without any; renumbers the rest.
void prune(AttributedGraph& g, int64_t center, uint32_t depth, bool drop_isolated) {
  size_t n = g.nodes.size();
  std::vector<char> keep(n, center < 0 ? 1 : 0);
  if (center >= 0) {
    std::vector<std::vector<uint32_t>> adjacent(n);
    for (const AttributedEdge& e : g.edges) {
      adjacent[e.source].push_back(e.target);
      adjacent[e.target].push_back(e.source);
    }
    std::vector<uint32_t> frontier{static_cast<uint32_t>(center)};
    keep[center] = 1;
    for (uint32_t hop = 0; hop < depth && !frontier.empty(); ++hop) {
      std::vector<uint32_t> next;
      for (uint32_t v : frontier)
        for (uint32_t w : adjacent[v])
          if (!keep[w]) {
            keep[w] = 1;
            next.push_back(w);
          }
      frontier.swap(next);
    }
  }
  if (drop_isolated) {
    std::vector<char> touched(n, 0);
    for (const AttributedEdge& e : g.edges)
      if (keep[e.source] && keep[e.target]) touched[e.source] = touched[e.target] = 1;
    for (size_t v = 0; v < n; ++v) keep[v] = keep[v] && (touched[v] || int64_t(v) == center);
  }
  std::vector<uint32_t> renumber(n, UINT32_MAX);
  std::vector<AttributedNode> nodes;
  for (size_t v = 0; v < n; ++v)
    if (keep[v]) {
      renumber[v] = static_cast<uint32_t>(nodes.size());
      nodes.push_back(std::move(g.nodes[v]));
    }
  std::vector<AttributedEdge> edges;
  for (AttributedEdge& e : g.edges) {
    if (renumber[e.source] == UINT32_MAX || renumber[e.target] == UINT32_MAX) continue;
    e.source = renumber[e.source];
    e.target = renumber[e.target];
    edges.push_back(std::move(e));
  }
  g.nodes = std::move(nodes);
  g.edges = std::move(edges);
}

}  // namespace

Status load_attributed_graph(Store& store, const GraphFilter& filter, AttributedGraph* out) {
  Db& db = store.impl().db;
  try {
    Loader loader{db, filter, {}, {}, {}, {}};
    int64_t center = -1;
    if (!filter.center.empty()) {
      int64_t key = find_entity_named(db, filter.center);
      if (key == 0) return Status::error(StatusCode::kNotFound, "no entity is named '" + filter.center + "'");
      loader.nodes();
      auto it = loader.node_of.find(key);
      if (it == loader.node_of.end())
        return Status::error(StatusCode::kNotFound, "'" + filter.center + "' is not of the selected types");
      center = it->second;
    } else {
      loader.nodes();
    }
    loader.edges();
    // On a large graph a second read-only connection reads the samples and the node
    // details while this one reads the dates (each part writes fields the other does
    // not touch; both read committed data).
    std::unique_ptr<Store> second =
        static_cast<int64_t>(loader.g.edges.size()) > filter.parallel_above ? open_second_reader(store) : nullptr;
    std::vector<std::string> samples;
    std::string side_error;
    auto side = [&loader, &samples, &side_error](Db& from) {
      try {
        loader.samples(from, &samples);
        loader.node_details(from);
      } catch (const StoreError& e) {
        side_error = e.message;
      }
    };
    JoiningThread helper;
    if (second) helper = JoiningThread(side, std::ref(second->impl().db));
    std::vector<int64_t> weight, evidence;
    loader.dates(&weight, &evidence);
    if (helper.running()) helper.join();
    else side(db);
    if (!side_error.empty()) throw StoreError{side_error};
    for (size_t i = 0; i < samples.size(); ++i) loader.g.edges[i].sample = std::move(samples[i]);
    loader.apply_window(weight, evidence);
    bool edges_filtered = filter.min_weight > 1 || !filter.predicates.empty() || !filter.since.empty() ||
                          !filter.until.empty() || !filter.include_cooccurs || !filter.types.empty();
    *out = std::move(loader.g);
    if (center >= 0 || edges_filtered) prune(*out, center, filter.depth, edges_filtered);
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
  }
  return Status::ok();
}

}  // namespace newsgraph::graph
