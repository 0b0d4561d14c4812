// OrderedPool: runs one job per item on N worker threads and hands the results back on
// the submitting thread in submission order, so that output is the same whatever the
// number of threads (`extract --jobs N`, `ingest --jobs N`). With one thread it runs each
// job inline, on the caller's thread. At most `window` items are in flight: submit()
// blocks (while handing back what is done) when the window is full. Not copyable; one
// submitting thread.
#pragma once

#include <pthread.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace newsgraph::cli {

template <class In, class Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&)>;   // runs on a worker: must be thread-safe
  using Emit = std::function<void(Out&)>;  // runs on the submitting thread, in order

  OrderedPool(size_t threads, Work work, Emit emit)
      : work_(std::move(work)), emit_(std::move(emit)), window_(threads * 4) {
    if (threads <= 1) return;
    for (size_t t = 0; t < threads; ++t) workers_.emplace_back([this] { serve(); });
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;
  ~OrderedPool() { finish(); }

  void submit(In item) {
    if (workers_.empty()) {
      Out out = work_(item);
      emit_(out);
      return;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    while (slots_.size() >= window_) {
      if (!emit_ready(lock)) done_.wait(lock);
    }
    slots_.push_back(Slot{std::move(item), std::nullopt});
    todo_.push_back(next_++);
    ready_.notify_one();
    emit_ready(lock);
  }

  // Waits for every item submitted and hands back the rest; the workers wait for more.
  void drain() {
    if (workers_.empty()) return;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!slots_.empty()) {
      if (!emit_ready(lock)) done_.wait(lock);
    }
  }

  // Waits for every item submitted and hands back the rest; the workers stop.
  void finish() {
    if (workers_.empty()) return;
    drain();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& w : workers_) w.join();
    workers_.clear();
  }

 private:
  struct Slot {
    In in;
    std::optional<Out> out;
  };

  // Hands back the finished results at the front, in order, with the lock released
  // while emit_ runs. Returns whether it handed back any.
  bool emit_ready(std::unique_lock<std::mutex>& lock) {
    bool any = false;
    while (!slots_.empty() && slots_.front().out) {
      Out out = std::move(*slots_.front().out);
      slots_.pop_front();
      ++first_;
      any = true;
      lock.unlock();
      emit_(out);
      lock.lock();
    }
    return any;
  }

  void serve() {
    pthread_setname_np(pthread_self(), "newsgraph-work");  // so that top -H and perf tell workers apart
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ready_.wait(lock, [this] { return stopping_ || !todo_.empty(); });
      if (todo_.empty()) return;  // stopping, nothing left
      const size_t seq = todo_.front();
      todo_.pop_front();
      In item = std::move(slots_[seq - first_].in);
      lock.unlock();
      Out out = work_(item);
      lock.lock();
      slots_[seq - first_].out = std::move(out);
      done_.notify_all();
    }
  }

  Work work_;
  Emit emit_;
  const size_t window_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable ready_, done_;
  std::deque<Slot> slots_;   // in flight, in submission order; slots_[0] is item first_
  std::deque<size_t> todo_;  // sequence numbers no worker has taken
  size_t first_ = 0, next_ = 0;
  bool stopping_ = false;
};

}  // namespace newsgraph::cli
