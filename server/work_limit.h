// A bound on how many requests of one expensive kind (a whole-graph export loads the graph
// into memory: 16 at once took 5 GB) run at the same time. Thread-safe.
#pragma once

#include <atomic>
#include <memory>

namespace newsgraph::server {

class WorkLimit {
 public:
  explicit WorkLimit(int max = 1) : max_(max) {}
  void set_max(int max) { max_ = max; }

  // A slot held until the returned pointer (and every copy) is gone; nullptr when `max`
  // are taken. Hold it as long as the work runs (a streamed answer: in its provider).
  std::shared_ptr<void> try_take() {
    if (running_.fetch_add(1) >= max_) {
      running_.fetch_sub(1);
      return nullptr;
    }
    return std::shared_ptr<void>(this, [](WorkLimit* limit) { limit->running_.fetch_sub(1); });
  }
  int running() const { return running_.load(); }

 private:
  std::atomic<int> max_;
  std::atomic<int> running_{0};
};

}  // namespace newsgraph::server
