#include "graph/graph_view.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "graph/sqlite_db.h"
#include "graph/store.h"
#include "graph/store_internal.h"

namespace newsgraph::graph {
namespace {

struct Arc {
  uint32_t from, to;
  double weight;
};

// Buckets arcs by source (counting sort), sorts each row by target and sums the
// weights of repeats. O(E + sum of d log d).
Csr pack(const std::vector<Arc>& arcs, size_t node_count) {
  std::vector<uint64_t> start(node_count + 1, 0);
  for (const Arc& a : arcs) ++start[a.from + 1];
  for (size_t v = 0; v < node_count; ++v) start[v + 1] += start[v];
  std::vector<std::pair<uint32_t, double>> bucketed(arcs.size());
  std::vector<uint64_t> fill(start.begin(), start.end() - 1);
  for (const Arc& a : arcs) bucketed[fill[a.from]++] = {a.to, a.weight};
  Csr csr;
  csr.offsets.assign(node_count + 1, 0);
  csr.targets.reserve(arcs.size());
  csr.weights.reserve(arcs.size());
  for (size_t v = 0; v < node_count; ++v) {
    auto first = bucketed.begin() + static_cast<ptrdiff_t>(start[v]);
    auto last = bucketed.begin() + static_cast<ptrdiff_t>(start[v + 1]);
    std::sort(first, last, [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto it = first; it != last; ++it) {
      if (it != first && it->first == (it - 1)->first) {
        csr.weights.back() += it->second;
        continue;
      }
      csr.targets.push_back(it->first);
      csr.weights.push_back(it->second);
    }
    csr.offsets[v + 1] = csr.targets.size();
  }
  return csr;
}

}  // namespace

Status GraphView::load(Store& store, const GraphViewOptions& options, GraphView* out) {
  Db& db = store.impl().db;
  std::vector<NodeInfo> nodes;
  std::vector<EdgeInfo> edges;
  try {
    constexpr uint32_t kAbsent = UINT32_MAX;
    std::vector<uint32_t> index;  // entity_key -> node; keys are dense rowids
    Statement q = db.prepare("SELECT entity_key, id, label, type FROM entities ORDER BY entity_key");
    while (q.step()) {
      size_t key = static_cast<size_t>(q.column_int(0));
      if (key >= index.size()) index.resize(std::max(key + 1, index.size() * 2), kAbsent);
      index[key] = static_cast<uint32_t>(nodes.size());
      NodeInfo n;
      n.id = q.column_text(1);
      n.label = q.column_text(2);
      n.type = parse_entity_type(q.column_view(3)).value_or(EntityType::kTopic);
      nodes.push_back(std::move(n));
    }
    Statement r = db.prepare(
        "SELECT subject_key, object_key, predicate, weight, relation_key FROM relations "
        "WHERE subject_key <> object_key AND weight >= ? ORDER BY relation_key");
    r.bind(1, int64_t{options.min_weight});
    std::unordered_map<std::string, Predicate> predicates;  // a handful of names, parsed once
    while (r.step()) {
      std::string_view name = r.column_view(2);
      auto p = predicates.find(std::string(name));
      if (p == predicates.end()) {
        std::optional<Predicate> parsed = parse_predicate(name);
        if (!parsed) continue;
        p = predicates.emplace(std::string(name), *parsed).first;
      }
      size_t s = static_cast<size_t>(r.column_int(0)), o = static_cast<size_t>(r.column_int(1));
      if (s >= index.size() || o >= index.size() || index[s] == kAbsent || index[o] == kAbsent) continue;
      if (p->second == Predicate::kCoOccurs && !options.include_cooccurs) continue;
      edges.push_back({index[s], index[o], p->second, static_cast<uint32_t>(r.column_int(3)), r.column_int(4)});
    }
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
  }
  *out = from_edges(std::move(nodes), std::move(edges));
  return Status::ok();
}

GraphView GraphView::from_edges(std::vector<NodeInfo> nodes, std::vector<EdgeInfo> edges) {
  GraphView g;
  g.nodes_ = std::move(nodes);
  g.edges_ = std::move(edges);
  g.build();
  return g;
}

void GraphView::build() {
  // The two adjacency structures are independent: build them on two threads.
  std::thread directed([this] {
    std::vector<Arc> arcs;
    arcs.reserve(edges_.size() * 2);
    for (const EdgeInfo& e : edges_) {
      if (e.source == e.target) continue;
      arcs.push_back({e.source, e.target, double(e.weight)});
      if (is_symmetric(e.predicate)) arcs.push_back({e.target, e.source, double(e.weight)});
    }
    directed_ = pack(arcs, nodes_.size());
  });
  std::vector<Arc> arcs;
  arcs.reserve(edges_.size() * 2);
  for (const EdgeInfo& e : edges_) {
    if (e.source == e.target) continue;
    arcs.push_back({e.source, e.target, double(e.weight)});
    arcs.push_back({e.target, e.source, double(e.weight)});
  }
  undirected_ = pack(arcs, nodes_.size());
  directed.join();
}

}  // namespace newsgraph::graph
