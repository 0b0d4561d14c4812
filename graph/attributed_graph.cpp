// load_attributed_graph: reads the store (attributed_graph_loader.h), on two connections
// when it is large, then selects what the filter asks for: the date window's edges with
// their counts redone, and the ego network around a centre.
#include "graph/attributed_graph.h"

#include <algorithm>
#include <future>
#include <memory>

#include "core/joining_thread.h"
#include "graph/attributed_graph_loader.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::graph {

using store::Db;
using store::ReadSnapshot;
using store::Store;
using store::StoreError;

namespace {

// The node of the entity `name` (an id, label or alias) names, in `*center`. Fails with
// kNotFound when no entity has that name or it is not of the selected types.
Status find_center(Db& db, const AttributedGraphLoader& loader, const std::string& name, int64_t* center) {
  int64_t key = store::find_entity_named(db, name);
  if (key == 0) return Status::error(StatusCode::kNotFound, "no entity is named '" + name + "'");
  uint32_t node = loader.node_of(key);
  if (node == kNoIndex) return Status::error(StatusCode::kNotFound, "'" + name + "' is not of the selected types");
  *center = node;
  return Status::ok();
}

// Reads the edges, their evidence and samples, and the node details. On a large store a
// second read-only connection reads the evidence rows and then the node details while
// this one reads the relations, matches the evidence to them and reads the samples
// (each part writes fields the other does not touch). Both read one state; when that
// cannot be had, this connection reads it all. Throws StoreError.
void read_edges_and_details(Store& store, const GraphFilter& filter, AttributedGraphLoader& loader,
                            WindowCounts* counts) {
  Db& db = store.impl().db;
  std::unique_ptr<Store> second =
      loader.relations_stored() > filter.parallel_above ? store::open_second_reader(store) : nullptr;
  std::vector<EvidenceLink> evidence_rows;
  std::string rows_error, details_error;  // each written before its part is handed over
  auto read_rows = [&evidence_rows, &rows_error](Db& from) {
    try {
      evidence_rows = AttributedGraphLoader::read_evidence(from);
    } catch (const StoreError& e) {
      rows_error = e.message;
    }
  };
  auto read_details = [&loader, &details_error](Db& from) {
    try {
      loader.read_node_details(from);
    } catch (const StoreError& e) {
      details_error = e.message;
    }
  };
  std::promise<void> rows_read;
  std::future<void> rows_ready = rows_read.get_future();
  JoiningThread helper;
  if (second) {
    helper = JoiningThread([&] {
      read_rows(second->impl().db);
      rows_read.set_value();
      if (rows_error.empty()) read_details(second->impl().db);
    });
  } else {
    read_rows(db);
    rows_read.set_value();
    if (rows_error.empty()) read_details(db);
  }
  loader.read_edges();
  rows_ready.wait();
  if (!rows_error.empty()) throw StoreError{rows_error};  // the helper reads nothing more
  std::vector<SentenceRef> sample_at = loader.match_evidence(evidence_rows, counts);
  std::vector<EvidenceLink>().swap(evidence_rows);
  loader.read_samples(sample_at);
  if (helper.running()) helper.join();
  if (!details_error.empty()) throw StoreError{details_error};
}

// With a window, keeps the edges with articles inside it, their counts redone.
void apply_window(const GraphFilter& f, const WindowCounts& counts, AttributedGraph& g) {
  if (f.since.empty() && f.until.empty()) return;
  std::vector<AttributedEdge> kept;
  for (size_t i = 0; i < g.edges.size(); ++i) {
    AttributedEdge& e = g.edges[i];
    const int64_t weight = counts.weight[i];
    if (weight < f.min_weight || weight == 0) continue;
    e.weight = weight;
    e.independent = std::min(e.independent, weight);
    e.evidence = counts.evidence[i];
    e.first_seen = e.dates.front();
    e.last_seen = e.dates.back();
    kept.push_back(std::move(e));
  }
  g.edges = std::move(kept);
}

// Marks the nodes within `depth` hops of `center`, ignoring direction. O(V + E).
std::vector<char> ego_network(const AttributedGraph& g, uint32_t center, uint32_t depth) {
  size_t n = g.nodes.size();
  std::vector<char> keep(n, 0);
  std::vector<std::vector<uint32_t>> adjacent(n);
  for (const AttributedEdge& e : g.edges) {
    adjacent[e.source].push_back(e.target);
    adjacent[e.target].push_back(e.source);
  }
  std::vector<uint32_t> frontier{center};
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
  return keep;
}

// Unmarks the kept nodes that no edge between kept nodes touches, the centre excepted.
void unmark_isolated(const AttributedGraph& g, int64_t center, std::vector<char>& keep) {
  std::vector<char> touched(keep.size(), 0);
  for (const AttributedEdge& e : g.edges)
    if (keep[e.source] && keep[e.target]) touched[e.source] = touched[e.target] = 1;
  for (size_t v = 0; v < keep.size(); ++v) keep[v] = keep[v] && (touched[v] || int64_t(v) == center);
}

// Keeps the marked nodes and the edges between them; renumbers the nodes.
void keep_marked(const std::vector<char>& keep, AttributedGraph& g) {
  std::vector<uint32_t> renumber(keep.size(), UINT32_MAX);
  std::vector<AttributedNode> nodes;
  for (size_t v = 0; v < keep.size(); ++v)
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

// Keeps the nodes within `depth` hops of `center` (all nodes when `center` < 0) and, when
// edges were filtered, drops nodes left without any; renumbers the rest.
void prune(AttributedGraph& g, int64_t center, uint32_t depth, bool drop_isolated) {
  std::vector<char> keep =
      center < 0 ? std::vector<char>(g.nodes.size(), 1) : ego_network(g, static_cast<uint32_t>(center), depth);
  if (drop_isolated) unmark_isolated(g, center, keep);
  keep_marked(keep, g);
}

// Whether the filter leaves edges out (nodes may then be left without any).
bool filters_edges(const GraphFilter& f) {
  return f.min_weight > 1 || !f.predicates.empty() || !f.since.empty() || !f.until.empty() ||
         !f.include_cooccurs || !f.types.empty();
}

}  // namespace

Status load_attributed_graph(Store& store, const GraphFilter& filter, AttributedGraph* out) {
  Db& db = store.impl().db;
  ReadSnapshot snapshot(store);  // every query on this connection reads one state
  try {
    AttributedGraphLoader loader(db, filter);
    loader.read_nodes();
    int64_t center = -1;
    if (!filter.center.empty()) {
      Status found = find_center(db, loader, filter.center, &center);
      if (!found.is_ok()) return found;
    }
    loader.read_articles(store.impl().origin_columns);
    WindowCounts counts;
    read_edges_and_details(store, filter, loader, &counts);
    *out = loader.take_graph();
    apply_window(filter, counts, *out);
    bool edges_filtered = filters_edges(filter);
    if (center >= 0 || edges_filtered) prune(*out, center, filter.depth, edges_filtered);
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
  }
  return Status::ok();
}

}  // namespace newsgraph::graph
