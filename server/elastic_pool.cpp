#include "server/elastic_pool.h"

#include <chrono>

namespace newsgraph::server {

ElasticPool::ElasticPool(size_t core, size_t max) : core_(std::max<size_t>(core, 1)), max_(std::max(max, core_)) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < core_; ++i) start_thread(true);
}

ElasticPool::~ElasticPool() { shutdown(); }

void ElasticPool::start_thread(bool core) {
  ++running_;
  if (core) {
    core_threads_.emplace_back([this] { work(true); });
  } else {
    std::thread([this] { work(false); }).detach();  // counted in running_; shutdown() waits for it
  }
}

void ElasticPool::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.push_back(std::move(fn));
  if (idle_ < tasks_.size() && running_ < max_ && !stopping_) start_thread(false);
  wake_.notify_one();
}

void ElasticPool::work(bool core) {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    auto ready = [this] { return stopping_ || !tasks_.empty(); };
    const bool woken = core ? (wake_.wait(lock, ready), true) : wake_.wait_for(lock, std::chrono::seconds(5), ready);
    --idle_;
    if (!woken || tasks_.empty()) break;  // idle too long (an extra thread), or stopping with nothing left
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
  --running_;
  gone_.notify_all();
}

void ElasticPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
    threads.swap(core_threads_);
  }
  for (std::thread& t : threads) t.join();
  std::unique_lock<std::mutex> lock(mutex_);
  gone_.wait(lock, [this] { return running_ == 0; });
}

}  // namespace newsgraph::server
