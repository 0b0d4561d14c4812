// Prefetcher: makes items 0..count-1 in order on a thread of its own, at most `window`
// ahead of the consumer, who takes them in the same order: reading the next inputs
// overlaps with the work done on the last (a merge reads one store's article while it
// writes the one before into another). An exception thrown making an item is thrown
// again by the take() of that item. Destroying it stops the thread (items made and not
// taken are dropped). One consumer thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

#include "core/joining_thread.h"

namespace newsgraph {

template <class T>
class Prefetcher {
 public:
  Prefetcher(size_t count, std::function<T(size_t)> make, size_t window)
      : count_(count), make_(std::move(make)), window_(window == 0 ? 1 : window) {
    thread_ = JoiningThread([this] { run(); });
  }
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;
  ~Prefetcher() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // The next item, in order; waits for it. Call at most `count` times.
  T take() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty(); });
    Made made = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    if (made.error) std::rethrow_exception(made.error);
    return std::move(*made.item);
  }

 private:
  struct Made {
    std::optional<T> item;
    std::exception_ptr error;
  };

  void run() {
    for (size_t k = 0; k < count_; ++k) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return stopping_ || ready_.size() < window_; });
        if (stopping_) return;
      }
      Made made;
      try {
        made.item.emplace(make_(k));
      } catch (...) {
        made.error = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ready_.push_back(std::move(made));
      }
      changed_.notify_all();
    }
  }

  const size_t count_;
  std::function<T(size_t)> make_;
  const size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Made> ready_;
  bool stopping_ = false;
  JoiningThread thread_;  // last: started when the rest is ready, joined first
};

}  // namespace newsgraph
