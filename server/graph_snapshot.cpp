#include "server/graph_snapshot.h"

#include <algorithm>

#include "store/queries.h"

namespace newsgraph::server {

GraphSnapshot::GraphSnapshot(int64_t version, graph::GraphView view)
    : version_(version), view_(std::move(view)), traversal_(view_) {
  node_of_.reserve(view_.node_count());
  for (uint32_t v = 0; v < view_.node_count(); ++v) node_of_.emplace(view_.nodes()[v].id, v);
}

bool GraphSnapshot::node_of(const std::string& id, uint32_t* node) const {
  auto it = node_of_.find(id);
  if (it == node_of_.end()) return false;
  *node = it->second;
  return true;
}

const CommunityIndex& GraphSnapshot::communities() const {
  std::call_once(communities_once_, [this] {
    const graph::Csr& g = view_.undirected();
    communities_.communities = graph::louvain(g);
    std::vector<double> strength(g.node_count(), 0);
    for (uint32_t v = 0; v < g.node_count(); ++v)
      for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) strength[v] += g.weights[i];
    communities_.members.assign(communities_.communities.count, {});
    for (uint32_t v = 0; v < g.node_count(); ++v) communities_.members[communities_.communities.membership[v]].push_back(v);
    for (auto& m : communities_.members)
      std::stable_sort(m.begin(), m.end(), [&](uint32_t a, uint32_t b) { return strength[a] > strength[b]; });
  });
  return communities_;
}

Status SnapshotCache::get(store::Store& store, std::shared_ptr<const GraphSnapshot>* out) {
  int64_t version = 0;
  Status st = store::data_version(store, &version);
  if (!st.is_ok()) return st;
  {
    std::lock_guard<std::mutex> lock(current_mutex_);
    *out = current_;
  }
  if (*out && (*out)->version() >= version) return Status::ok();
  std::unique_lock<std::mutex> loading(load_mutex_, std::try_to_lock);
  if (!loading.owns_lock()) {
    if (*out) return Status::ok();  // someone is loading the newer one; answer from this one
    loading.lock();
    std::lock_guard<std::mutex> lock(current_mutex_);
    *out = current_;
    if (*out && (*out)->version() >= version) return Status::ok();
  }
  graph::GraphView view;
  st = graph::GraphView::load(store, {}, &view);
  if (!st.is_ok()) return st;
  auto fresh = std::make_shared<const GraphSnapshot>(version, std::move(view));
  std::lock_guard<std::mutex> lock(current_mutex_);
  if (!current_ || current_->version() < fresh->version()) current_ = fresh;
  *out = current_;
  return Status::ok();
}

}  // namespace newsgraph::server
