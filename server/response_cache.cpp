#include "server/response_cache.h"

namespace newsgraph::server {

bool ResponseCache::still_valid(const Entry& entry, int64_t version) const {
  if (entry.on_everything || entry.version > version || entry.version < floor_ || known() < version) return false;
  auto changed_since = [&](const std::unordered_map<int64_t, int64_t>& at, int64_t key) {
    auto found = at.find(key);
    return found != at.end() && found->second > entry.version;
  };
  for (int64_t key : entry.entities)
    if (changed_since(changed_at_, key)) return false;
  for (int64_t key : entry.labels)
    if (changed_since(relabelled_at_, key)) return false;
  return true;
}

std::shared_ptr<const ResponseCache::Entry> ResponseCache::get(const std::string& target, int64_t version) {
  Shard& s = shard_of(target);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.index.find(target);
  if (it == s.index.end()) return nullptr;
  if (it->second->second->version != version) {  // else valid with no change to look up
    std::shared_lock<std::shared_mutex> changes(changes_mutex_);
    if (!still_valid(*it->second->second, version)) return nullptr;
  }
  s.recent.splice(s.recent.begin(), s.recent, it->second);
  return it->second->second;
}

void ResponseCache::learn(int64_t version, const store::StoreChanges& changes) {
  std::unique_lock<std::shared_mutex> lock(changes_mutex_);
  const int64_t known = known_.load(std::memory_order_relaxed);
  if (version <= known) return;
  const size_t remembered = changed_at_.size() + relabelled_at_.size() + changes.entities.size() +
                            changes.relabelled.size();
  if (known < 0 || changes.everything || remembered > kMostChangedEntities) {
    floor_ = version;
    changed_at_.clear();
    relabelled_at_.clear();
  } else {
    for (int64_t key : changes.entities) changed_at_[key] = version;
    for (int64_t key : changes.relabelled) relabelled_at_[key] = version;
  }
  known_.store(version, std::memory_order_release);
}

void ResponseCache::put(const std::string& target, Entry entry) {
  size_t size = target.size() + entry.body.size() + entry.etag.size();
  if (size > shard_budget_ / 4) return;  // one huge answer must not flush everything else
  Shard& s = shard_of(target);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.index.find(target);
  if (it != s.index.end()) {
    const auto& [old_target, old] = *it->second;
    s.bytes -= old_target.size() + old->body.size() + old->etag.size();
    s.recent.erase(it->second);
    s.index.erase(it);
  }
  s.recent.emplace_front(target, std::make_shared<const Entry>(std::move(entry)));
  s.index[target] = s.recent.begin();
  s.bytes += size;
  while (s.bytes > shard_budget_ && !s.recent.empty()) {
    const auto& [old_target, old] = s.recent.back();
    s.bytes -= old_target.size() + old->body.size() + old->etag.size();
    s.index.erase(old_target);
    s.recent.pop_back();
  }
}

}  // namespace newsgraph::server
