#include "graph/graph_view.h"

#include <algorithm>
#include <thread>
#include <memory>
#include <optional>

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

namespace {

struct RawRelation {
  int64_t subject, object, key;
  Predicate predicate;
  uint32_t weight;
};

// Reads the relations with keys in (after, upto] that pass the options.
void scan_relations(Db& db, const GraphViewOptions& options, int64_t after, int64_t upto,
                    std::vector<RawRelation>* out) {
  Statement r = db.prepare(
      "SELECT subject_key, object_key, predicate, weight, relation_key FROM relations "
      "WHERE relation_key > ? AND relation_key <= ? AND subject_key <> object_key AND weight >= ?");
  r.bind(1, after).bind(2, upto).bind(3, int64_t{options.min_weight});
  // The last predicate seen, parsed once per run of equal names.
  std::string last_name;
  std::optional<Predicate> last;
  while (r.step()) {
    std::string_view name = r.column_view(2);
    if (name != last_name) {
      last_name = name;
      last = parse_predicate(name);
    }
    if (!last || (*last == Predicate::kCoOccurs && !options.include_cooccurs)) continue;
    out->push_back({r.column_int(0), r.column_int(1), r.column_int(4), *last, static_cast<uint32_t>(r.column_int(3))});
  }
}

}  // namespace

Status GraphView::load(Store& store, const GraphViewOptions& options, GraphView* out) {
  Db& db = store.impl().db;
  std::vector<NodeInfo> nodes;
  std::vector<EdgeInfo> edges;
  try {
    int64_t max_key = 0;
    {
      Statement m = db.prepare("SELECT COALESCE(MAX(relation_key), 0) FROM relations");
      if (m.step()) max_key = m.column_int(0);
    }
    // The upper part of the relations is read on a second read-only connection while
    // this one reads the entities and the lower part. Both are committed data; a
    // relation whose entity is not (yet) loaded is left out below.
    int64_t split = max_key / 3;  // this thread also reads the entities
    std::vector<RawRelation> upper, lower;
    std::unique_ptr<Store> second;
    StoreOptions second_options;
    second_options.create = false;
    second_options.read_only = true;
    std::string second_error;
    std::thread helper;
    if (max_key > 50000 && Store::open(store.path(), second_options, &second).is_ok()) {
      helper = std::thread([&] {
        try {
          scan_relations(second->impl().db, options, split, max_key, &upper);
        } catch (const StoreError& e) {
          second_error = e.message;
        }
      });
    } else {
      split = max_key;
    }
    struct JoinOnExit {
      std::thread& t;
      ~JoinOnExit() {
        if (t.joinable()) t.join();
      }
    } join_on_exit{helper};
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
    scan_relations(db, options, 0, split, &lower);
    if (helper.joinable()) helper.join();
    if (!second_error.empty()) throw StoreError{second_error};
    edges.reserve(lower.size() + upper.size());
    for (const auto* part : {&lower, &upper}) {
      for (const RawRelation& x : *part) {
        size_t s = static_cast<size_t>(x.subject), o = static_cast<size_t>(x.object);
        if (s >= index.size() || o >= index.size() || index[s] == kAbsent || index[o] == kAbsent) continue;
        edges.push_back({index[s], index[o], x.predicate, x.weight, x.key});
      }
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
