// The in-memory graph behind the traversal routes (paths, subgraph, communities) and
// /stats: a GraphView of the store at one version, its Traversal, an id index, and
// communities computed on first use. A newer snapshot is loaded when the store has
// changed, on a thread of its own; meanwhile requests answer from the previous one, so a
// stream of writes never makes every read rebuild the graph, and a request waits for a
// first load (or for communities) only as long as the server allows. Internal to server/.
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
#include "server/background_job.h"

namespace newsgraph::graph {
class Store;
}

namespace newsgraph::server {

struct CommunityIndex {
  graph::Communities communities;
  std::vector<std::vector<uint32_t>> members;  // per community, strongest (weighted degree) first
};

class GraphSnapshot : public std::enable_shared_from_this<GraphSnapshot> {
 public:
  GraphSnapshot(int64_t version, graph::GraphView view);
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  int64_t version() const { return version_; }
  const graph::GraphView& view() const { return view_; }
  const graph::Traversal& traversal() const { return traversal_; }
  // The node of an entity id; false when the snapshot does not hold it (yet).
  bool node_of(const std::string& id, uint32_t* node) const;
  // Louvain communities, computed once per snapshot on a thread of their own: nullptr
  // when they are not ready after `wait` (thread-safe).
  std::shared_ptr<const CommunityIndex> communities(std::chrono::milliseconds wait) const;

 private:
  int64_t version_;
  graph::GraphView view_;
  graph::Traversal traversal_;
  std::unordered_map<std::string, uint32_t> node_of_;
  mutable std::mutex communities_mutex_;
  mutable BackgroundJob<CommunityIndex> communities_;  // guarded by communities_mutex_
};

class SnapshotCache {
 public:
  // A snapshot no older than the store's version as `store` sees it, waiting at most
  // `wait` for it to load; else the previous snapshot, or nullptr (still OK) when there is
  // none yet. A load opens a read-only connection of its own to `db`, the store's path.
  // kIoError when the store cannot be read.
  Status get(const std::string& db, store::Store& store, std::chrono::milliseconds wait,
             std::shared_ptr<const GraphSnapshot>* out);

 private:
  struct Load {
    Status status;
    std::shared_ptr<const GraphSnapshot> snapshot;
  };
  std::mutex mutex_;
  std::shared_ptr<const GraphSnapshot> current_;  // guarded by mutex_
  BackgroundJob<Load> loading_;                   // guarded by mutex_; one load at a time
  int64_t loading_version_ = -1;                  // guarded by mutex_
};

}  // namespace newsgraph::server
