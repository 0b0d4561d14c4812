// The in-memory graph behind the traversal routes (paths, subgraph, communities): a
// GraphView of the store at one version, its Traversal, an id index, and communities
// computed on first use. A newer snapshot is loaded when the store has changed; while
// one thread loads it, the others keep answering from the previous one, so a stream of
// writes never makes every read rebuild the graph. Internal to server/.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "graph/algorithms.h"
#include "graph/graph_view.h"
#include "graph/traversal.h"

namespace newsgraph::graph {
class Store;
}

namespace newsgraph::server {

struct CommunityIndex {
  graph::Communities communities;
  std::vector<std::vector<uint32_t>> members;  // per community, strongest (weighted degree) first
};

class GraphSnapshot {
 public:
  GraphSnapshot(int64_t version, graph::GraphView view);
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  int64_t version() const { return version_; }
  const graph::GraphView& view() const { return view_; }
  const graph::Traversal& traversal() const { return traversal_; }
  // The node of an entity id; false when the snapshot does not hold it (yet).
  bool node_of(const std::string& id, uint32_t* node) const;
  // Louvain communities, computed once per snapshot (thread-safe).
  const CommunityIndex& communities() const;

 private:
  int64_t version_;
  graph::GraphView view_;
  graph::Traversal traversal_;
  std::unordered_map<std::string, uint32_t> node_of_;
  mutable std::once_flag communities_once_;
  mutable CommunityIndex communities_;
};

class SnapshotCache {
 public:
  // A snapshot no older than the store's current version, unless another thread is
  // loading that one right now. kIoError when the store cannot be read.
  Status get(store::Store& store, std::shared_ptr<const GraphSnapshot>* out);

 private:
  std::mutex current_mutex_;
  std::shared_ptr<const GraphSnapshot> current_;  // guarded by current_mutex_
  std::mutex load_mutex_;                         // one loader at a time
};

}  // namespace newsgraph::server
