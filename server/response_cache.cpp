#include "server/response_cache.h"

namespace newsgraph::server {

std::shared_ptr<const ResponseCache::Entry> ResponseCache::get(const std::string& target, int64_t version) {
  Shard& s = shard_of(target);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.index.find(target);
  if (it == s.index.end() || it->second->second->version != version) return nullptr;
  s.recent.splice(s.recent.begin(), s.recent, it->second);
  return it->second->second;
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
