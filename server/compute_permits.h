// At most N requests compute at once (queries, extraction, traversal); the others sleep
// until a permit is free instead of competing for the CPU. Every connection holds a
// thread (cpp-httplib's model), so under load hundreds of runnable threads would share
// the cores in turn and a cheap request (/health, a kept answer, which take no permit)
// would wait its turn behind all of them; with permits it is scheduled at once.
// A request that waits for background work (the graph loading) lets its permit go
// meanwhile (Suspend). Thread-safe.
#pragma once

#include <condition_variable>
#include <mutex>

namespace newsgraph::server {

class ComputePermits {
 public:
  explicit ComputePermits(int count = 4) : count_(count), free_(count) {}
  void set_count(int count) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_ += count - count_;
    count_ = count;
    freed_.notify_all();
  }

  // A permit for this thread until destroyed (waits for one).
  class Held {
   public:
    explicit Held(ComputePermits& permits) : permits_(permits), outer_(current()) {
      permits_.take();
      current() = this;
    }
    ~Held() {
      if (!suspended_) permits_.give_back();
      current() = outer_;
    }
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;

   private:
    friend class ComputePermits;
    ComputePermits& permits_;
    Held* outer_;
    bool suspended_ = false;
  };

  // Gives this thread's permit (if it holds one) back while waiting, and takes one
  // again afterwards.
  class Suspend {
   public:
    Suspend() : held_(current()) {
      if (held_ && !held_->suspended_) {
        held_->suspended_ = true;
        held_->permits_.give_back();
      } else {
        held_ = nullptr;
      }
    }
    ~Suspend() {
      if (!held_) return;
      held_->permits_.take();
      held_->suspended_ = false;
    }
    Suspend(const Suspend&) = delete;
    Suspend& operator=(const Suspend&) = delete;

   private:
    Held* held_;
  };

  int in_use() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_ - free_;
  }

 private:
  static Held*& current() {
    thread_local Held* held = nullptr;
    return held;
  }
  void take() {
    std::unique_lock<std::mutex> lock(mutex_);
    freed_.wait(lock, [this] { return free_ > 0; });
    --free_;
  }
  void give_back() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++free_;
    freed_.notify_one();
  }

  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int count_;
  int free_;
};

}  // namespace newsgraph::server
