// The server's connection workers: cpp-httplib gives each connection one task that
// holds a thread for the connection's life, so a fixed pool is starved by a few slow or
// idle clients (8 sockets sending a header line every 3 s stopped every answer). This
// pool keeps `core` threads and, whenever every thread is busy, starts another, up to
// `max`; threads above `core` end after 5 s without work. Thread-safe.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace newsgraph::server {

class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(size_t core, size_t max);
  ~ElasticPool() override;

  // Runs `fn` on an idle thread, or on a new one when none is idle and fewer than `max`
  // run; else it waits its turn.
  void enqueue(std::function<void()> fn) override;
  // Lets queued tasks finish, then stops every thread. Idempotent.
  void shutdown() override;

 private:
  void work(bool core);
  void start_thread(bool core);  // under mutex_

  const size_t core_, max_;
  std::mutex mutex_;
  std::condition_variable wake_, gone_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> core_threads_;
  size_t running_ = 0, idle_ = 0;  // threads alive, and those waiting for a task
  bool stopping_ = false;
};

}  // namespace newsgraph::server
