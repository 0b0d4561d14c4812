#include "server/graph_snapshot.h"

#include <algorithm>

#include "store/queries.h"
#include "store/store.h"

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

std::shared_ptr<const CommunityIndex> GraphSnapshot::communities(std::chrono::milliseconds wait) const {
  BackgroundJob<CommunityIndex> job;
  {
    std::lock_guard<std::mutex> lock(communities_mutex_);
    if (!communities_.started()) {
      // The job holds the view through a snapshot it shares, so it may outlive the request.
      communities_ = BackgroundJob<CommunityIndex>::start([self = shared_from_this()] {
        auto index = std::make_shared<CommunityIndex>();
        const graph::Csr& g = self->view_.undirected();
        index->communities = graph::louvain(g);
        std::vector<double> strength(g.node_count(), 0);
        for (uint32_t v = 0; v < g.node_count(); ++v)
          for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) strength[v] += g.weights[i];
        index->members.assign(index->communities.count, {});
        for (uint32_t v = 0; v < g.node_count(); ++v) index->members[index->communities.membership[v]].push_back(v);
        for (auto& m : index->members)
          std::stable_sort(m.begin(), m.end(), [&](uint32_t a, uint32_t b) { return strength[a] > strength[b]; });
        return std::shared_ptr<const CommunityIndex>(std::move(index));
      });
    }
    job = communities_;
  }
  return job.wait_for(wait);
}

Status SnapshotCache::get(const std::string& db, store::Store& store, std::chrono::milliseconds wait,
                          std::shared_ptr<const GraphSnapshot>* out) {
  int64_t version = 0;
  Status st = store::data_version(store, &version);
  if (!st.is_ok()) return st;
  BackgroundJob<Load> job;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_ && current_->version() >= version) {
      *out = current_;
      return Status::ok();
    }
    const bool retry = loading_.done() && (loading_version_ < version || !loading_.wait_for({})->status.is_ok());
    if (!loading_.started() || retry) {
      loading_version_ = version;
      loading_ = BackgroundJob<Load>::start([db, version] {
        auto load = std::make_shared<Load>();
        const store::StoreOptions o = store::StoreOptions::for_reading();
        std::unique_ptr<store::Store> own;
        graph::GraphView view;
        load->status = store::Store::open(db, o, &own);
        if (load->status.is_ok()) load->status = graph::GraphView::load(*own, {}, &view);
        // Labelled with the version asked for: what it read is that one or newer.
        if (load->status.is_ok()) load->snapshot = std::make_shared<const GraphSnapshot>(version, std::move(view));
        return std::shared_ptr<const Load>(std::move(load));
      });
    }
    job = loading_;
  }
  std::shared_ptr<const Load> load = job.wait_for(wait);
  std::lock_guard<std::mutex> lock(mutex_);
  if (load && !load->status.is_ok()) {
    if (!current_) return load->status;
  } else if (load && (!current_ || current_->version() < load->snapshot->version())) {
    current_ = load->snapshot;
  }
  *out = current_;  // the freshest there is; nullptr while a first load runs
  return Status::ok();
}

}  // namespace newsgraph::server
