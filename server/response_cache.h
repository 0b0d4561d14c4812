// Answers to GET requests kept by request target and store version, so a dashboard
// asking the same question again is answered without touching the store. An entry is
// used only while the store's data version is the one it was computed at, so every
// write invalidates it at once. Bounded in bytes (least recently used entries go first),
// sharded so worker threads rarely wait on each other. Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newsgraph::server {

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes = 64u << 20) : shard_budget_(max_bytes / kShards) {}

  struct Entry {
    int64_t version = 0;
    std::string body, etag;
  };
  // The answer to `target` at `version`, or nullptr when none is kept. Shared, so the
  // body is copied out after the shard's lock is released.
  std::shared_ptr<const Entry> get(const std::string& target, int64_t version);
  void put(const std::string& target, Entry entry);

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    std::mutex mutex;
    std::list<std::pair<std::string, std::shared_ptr<const Entry>>> recent;  // most recent first
    std::unordered_map<std::string, std::list<std::pair<std::string, std::shared_ptr<const Entry>>>::iterator> index;
    size_t bytes = 0;
  };
  Shard& shard_of(const std::string& target) { return shards_[std::hash<std::string>{}(target) % kShards]; }
  size_t shard_budget_;
  Shard shards_[kShards];
};

}  // namespace newsgraph::server
