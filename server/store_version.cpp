#include "server/store_version.h"

#include "store/queries.h"

namespace newsgraph::server {

namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void StoreVersion::raise_to(int64_t version) {
  int64_t seen = version_.load(std::memory_order_relaxed);
  while (seen < version && !version_.compare_exchange_weak(seen, version, std::memory_order_release)) {
  }
}

int64_t StoreVersion::current(store::Store& store) {
  int64_t known = version_.load(std::memory_order_acquire);
  int64_t now = now_ns();
  if (known >= 0 && now - read_at_ns_.load(std::memory_order_relaxed) < recheck_.count()) return known;
  std::unique_lock<std::mutex> reading(reading_, std::try_to_lock);
  if (!reading.owns_lock()) {
    if (known >= 0) return known;  // another thread is reading it right now
    reading.lock();
  }
  int64_t version = 0;
  if (store::data_version(store, &version).is_ok()) {
    raise_to(version);
    read_at_ns_.store(now, std::memory_order_relaxed);
  }
  return version_.load(std::memory_order_acquire);
}

void StoreVersion::publish(int64_t version) { raise_to(version); }

}  // namespace newsgraph::server
