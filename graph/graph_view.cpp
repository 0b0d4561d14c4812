#include "graph/graph_view.h"

#include <algorithm>
#include <future>
#include <memory>
#include <optional>

#include "core/joining_thread.h"
#include "store/relation_codes.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::graph {

using store::Db;
using store::ReadSnapshot;
using store::Statement;
using store::Store;
using store::StoreError;

namespace {

struct Arc {
  uint32_t from, to, weight;
};

// Two stable counting sorts (by target, then by source) leave each row sorted by
// target with no comparisons; repeats of a (source, target) pair are then summed. O(E).
Csr pack(std::vector<Arc> arcs, size_t node_count) {
  std::vector<uint64_t> fill(node_count + 1);
  auto scatter = [&](const std::vector<Arc>& in, std::vector<Arc>& out, auto key_of) {
    std::fill(fill.begin(), fill.end(), 0);
    for (const Arc& a : in) ++fill[key_of(a) + 1];
    for (size_t v = 0; v < node_count; ++v) fill[v + 1] += fill[v];
    for (const Arc& a : in) out[fill[key_of(a)]++] = a;
  };
  std::vector<Arc> by_target(arcs.size());
  scatter(arcs, by_target, [](const Arc& a) { return a.to; });
  std::vector<Arc>& by_source = arcs;  // reused
  scatter(by_target, by_source, [](const Arc& a) { return a.from; });
  Csr csr;
  csr.offsets.assign(node_count + 1, 0);
  csr.targets.reserve(arcs.size());
  csr.weights.reserve(arcs.size());
  size_t i = 0;
  for (size_t v = 0; v < node_count; ++v) {
    size_t row_start = csr.targets.size();
    for (; i < by_source.size() && by_source[i].from == v; ++i) {
      if (csr.targets.size() > row_start && csr.targets.back() == by_source[i].to) {
        csr.weights.back() += by_source[i].weight;
        continue;
      }
      csr.targets.push_back(by_source[i].to);
      csr.weights.push_back(by_source[i].weight);
    }
    csr.offsets[v + 1] = csr.targets.size();
  }
  return csr;
}

constexpr uint32_t kAbsent = UINT32_MAX;

uint32_t narrow_key(int64_t key) { return key >= 0 && key < kAbsent ? static_cast<uint32_t>(key) : kAbsent; }

// Appends the relations with keys in (after, upto] that pass the options, as edges whose
// source and target still hold entity keys (kAbsent for a key out of range).
void scan_relations(Db& db, const GraphViewOptions& options, int64_t after, int64_t upto,
                    std::vector<EdgeInfo>* out) {
  Statement r = db.prepare(
      "SELECT subject_key, object_key, predicate, weight, relation_key FROM relations "
      "WHERE relation_key > ? AND relation_key <= ? AND subject_key <> object_key AND weight >= ?");
  r.bind(1, after).bind(2, upto).bind(3, int64_t{options.min_weight});
  out->reserve(out->size() + static_cast<size_t>(std::max<int64_t>(0, upto - after)));  // dense rowids
  while (r.step()) {
    std::optional<Predicate> p = store::predicate_of_code(r.column_int(2));
    if (!p || (*p == Predicate::kCoOccurs && !options.include_cooccurs)) continue;
    out->push_back({narrow_key(r.column_int(0)), narrow_key(r.column_int(1)), *p,
                    static_cast<uint32_t>(r.column_int(3)), r.column_int(4)});
  }
}

// Turns the entity keys of the edges into node indices, dropping the edges whose
// entities are not loaded.
void keys_to_nodes(std::vector<EdgeInfo>& edges, const std::vector<uint32_t>& node_of_key) {
  auto node = [&](uint32_t key) { return key < node_of_key.size() ? node_of_key[key] : kAbsent; };
  size_t kept = 0;
  for (size_t i = 0; i < edges.size(); ++i) {
    EdgeInfo e = edges[i];
    e.source = node(e.source);
    e.target = node(e.target);
    if (e.source != kAbsent && e.target != kAbsent) edges[kept++] = e;
  }
  edges.resize(kept);
}

}  // namespace

Status GraphView::load(Store& store, const GraphViewOptions& options, GraphView* out) {
  Db& db = store.impl().db;
  std::vector<NodeInfo> nodes;
  std::vector<EdgeInfo> edges;
  ReadSnapshot snapshot(store);  // every query on this connection reads one state
  try {
    int64_t max_key = 0;
    {
      Statement m = db.prepare("SELECT COALESCE(MAX(relation_key), 0) FROM relations");
      if (m.step()) max_key = m.column_int(0);
    }
    // The upper part of the relations is read on a second read-only connection while
    // this one reads the entities and the lower part; each thread then turns its part
    // into edges. This thread also reads the entities, so it takes fewer relations.
    // Both read one state; when that cannot be had, this connection reads it all.
    int64_t split = max_key * 2 / 5;
    std::vector<uint32_t> node_of_key;  // entity_key -> node; keys are dense rowids
    std::promise<void> index_ready;
    std::shared_future<void> index_done = index_ready.get_future().share();
    std::vector<EdgeInfo> upper;  // the helper's part
    std::unique_ptr<Store> second = max_key > options.parallel_above ? store::open_second_reader(store) : nullptr;
    std::string second_error;
    JoiningThread helper;  // declared before the guard below, so it is joined after it
    if (second) {
      helper = JoiningThread([&] {
        try {
          scan_relations(second->impl().db, options, split, max_key, &upper);
          index_done.wait();
          keys_to_nodes(upper, node_of_key);
        } catch (const StoreError& e) {
          second_error = e.message;
        }
      });
    } else {
      split = max_key;
    }
    struct ReleaseOnExit {  // an exception on this thread still lets the helper finish
      std::promise<void>& ready;
      bool set = false;
      ~ReleaseOnExit() {
        if (!set) ready.set_value();
      }
    } release_on_exit{index_ready};
    Statement q = db.prepare("SELECT entity_key, id, label, type FROM entities ORDER BY entity_key");
    while (q.step()) {
      size_t key = static_cast<size_t>(q.column_int(0));
      if (key >= node_of_key.size()) node_of_key.resize(std::max(key + 1, node_of_key.size() * 2), kAbsent);
      node_of_key[key] = static_cast<uint32_t>(nodes.size());
      NodeInfo n;
      n.id = q.column_text(1);
      n.label = q.column_text(2);
      n.type = parse_entity_type(q.column_view(3)).value_or(EntityType::kTopic);
      nodes.push_back(std::move(n));
    }
    index_ready.set_value();
    release_on_exit.set = true;
    edges.reserve(static_cast<size_t>(max_key));  // room for the helper's part too
    scan_relations(db, options, 0, split, &edges);
    keys_to_nodes(edges, node_of_key);
    helper.join();
    if (!second_error.empty()) throw StoreError{second_error};
    edges.insert(edges.end(), upper.begin(), upper.end());
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
      arcs.push_back({e.source, e.target, e.weight});
      if (is_symmetric(e.predicate)) arcs.push_back({e.target, e.source, e.weight});
    }
    directed_ = pack(std::move(arcs), nodes_.size());
  });
  std::vector<Arc> arcs;
  arcs.reserve(edges_.size() * 2);
  for (const EdgeInfo& e : edges_) {
    if (e.source == e.target) continue;
    arcs.push_back({e.source, e.target, e.weight});
    arcs.push_back({e.target, e.source, e.weight});
  }
  undirected_ = pack(std::move(arcs), nodes_.size());
  directed.join();
}

}  // namespace newsgraph::graph
