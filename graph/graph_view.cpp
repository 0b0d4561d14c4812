#include "graph/graph_view.h"

#include <algorithm>
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
    std::unordered_map<int64_t, uint32_t> index;
    Statement q = db.prepare("SELECT entity_key, id, label, type FROM entities ORDER BY entity_key");
    while (q.step()) {
      index.emplace(q.column_int(0), static_cast<uint32_t>(nodes.size()));
      NodeInfo n;
      n.id = q.column_text(1);
      n.label = q.column_text(2);
      n.type = parse_entity_type(q.column_view(3)).value_or(EntityType::kTopic);
      nodes.push_back(std::move(n));
    }
    Statement r = db.prepare(
        "SELECT subject_key, object_key, predicate, weight FROM relations "
        "WHERE subject_key <> object_key AND weight >= ? ORDER BY relation_key");
    r.bind(1, int64_t{options.min_weight});
    while (r.step()) {
      std::optional<Predicate> p = parse_predicate(r.column_view(2));
      auto s = index.find(r.column_int(0)), o = index.find(r.column_int(1));
      if (!p || s == index.end() || o == index.end()) continue;
      if (*p == Predicate::kCoOccurs && !options.include_cooccurs) continue;
      edges.push_back({s->second, o->second, *p, static_cast<uint32_t>(r.column_int(3))});
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
  std::vector<Arc> arcs;
  arcs.reserve(edges_.size() * 2);
  for (const EdgeInfo& e : edges_) {
    if (e.source == e.target) continue;
    arcs.push_back({e.source, e.target, double(e.weight)});
    if (is_symmetric(e.predicate)) arcs.push_back({e.target, e.source, double(e.weight)});
  }
  directed_ = pack(arcs, nodes_.size());
  arcs.clear();
  for (const EdgeInfo& e : edges_) {
    if (e.source == e.target) continue;
    arcs.push_back({e.source, e.target, double(e.weight)});
    arcs.push_back({e.target, e.source, double(e.weight)});
  }
  undirected_ = pack(arcs, nodes_.size());
}

int64_t GraphView::find(const std::string& id) const {
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].id == id) return static_cast<int64_t>(i);
  return -1;
}

}  // namespace newsgraph::graph
