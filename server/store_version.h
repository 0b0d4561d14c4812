// The store's data version as the server sees it, without a query on every request.
// Writes made through this server publish their version at once, so a client always
// reads its own writes; writes by another process on the same file (a `newsgraph ingest`
// running beside the server) are noticed by re-reading the version from the store at most
// once per `recheck` interval. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

#include "store/store.h"

namespace newsgraph::server {

class StoreVersion {
 public:
  explicit StoreVersion(std::chrono::nanoseconds recheck = std::chrono::milliseconds(10)) : recheck_(recheck) {}

  // The newest version known; read from `store` first when the last reading is older than
  // the recheck interval (one thread reads, the others go on with the last reading).
  int64_t current(store::Store& store);

  // Called after a write through this server with the version that write left.
  void publish(int64_t version);

 private:
  void raise_to(int64_t version);

  const std::chrono::nanoseconds recheck_;
  std::atomic<int64_t> version_{-1};
  std::atomic<int64_t> read_at_ns_{0};
  std::mutex reading_;
};

}  // namespace newsgraph::server
