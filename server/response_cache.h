// Answers to GET requests kept by request target, so a dashboard asking the same question
// again is answered without touching the store. An answer that names what it shows (the
// entities it is about, and those it shows only by label) stays valid until a write
// touches one of the former or relabels one of the latter (the store's change log says
// which, see store::changes_between); any other answer only while the store's version is
// the one it was computed at. Bounded in bytes (least recently used entries go first),
// sharded so worker threads rarely wait on each other. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/queries.h"

namespace newsgraph::server {

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes = 64u << 20) : shard_budget_(max_bytes / kShards) {}

  struct Entry {
    int64_t version = 0;  // the store version it was computed at
    std::string body, etag;
    bool on_everything = true;      // false: it shows only `entities`, and `labels` by label
    std::vector<int64_t> entities;  // entity keys, when !on_everything
    std::vector<int64_t> labels;    // entity keys, when !on_everything
  };
  // The answer to `target` still valid at `version`, or nullptr when none is kept. Shared,
  // so the body is copied out after the shard's lock is released.
  std::shared_ptr<const Entry> get(const std::string& target, int64_t version);
  void put(const std::string& target, Entry entry);

  // The newest version whose changes the cache knows; -1 before the first learn(). No
  // lock: every request asks.
  int64_t known() const { return known_.load(std::memory_order_acquire); }
  // What the writes after known() up to `version` changed (read from the store by the
  // caller). Entries about a changed entity, or showing a relabelled one, expire;
  // `everything` expires them all.
  void learn(int64_t version, const store::StoreChanges& changes);

 private:
  static constexpr size_t kShards = 16;
  // Entities remembered as changed (some 50 bytes each), then everything expires instead.
  static constexpr size_t kMostChangedEntities = 1u << 18;
  struct Shard {
    std::mutex mutex;
    std::list<std::pair<std::string, std::shared_ptr<const Entry>>> recent;  // most recent first
    std::unordered_map<std::string, std::list<std::pair<std::string, std::shared_ptr<const Entry>>>::iterator> index;
    size_t bytes = 0;
  };
  Shard& shard_of(const std::string& target) { return shards_[std::hash<std::string>{}(target) % kShards]; }
  // Whether an entry computed at another version is still valid at `version`; under
  // changes_mutex_, shared.
  bool still_valid(const Entry& entry, int64_t version) const;

  size_t shard_budget_;
  Shard shards_[kShards];
  mutable std::shared_mutex changes_mutex_;
  std::atomic<int64_t> known_{-1};  // written under changes_mutex_, read without it
  int64_t floor_ = 0;   // guarded by changes_mutex_: entries older than this are invalid
  std::unordered_map<int64_t, int64_t> changed_at_;     // guarded by changes_mutex_: entity -> version
  std::unordered_map<int64_t, int64_t> relabelled_at_;  // guarded by changes_mutex_: entity -> version
};

}  // namespace newsgraph::server
