// A result computed on a thread of its own (loading the graph, its statistics, its
// communities), so that a request waits for it only as long as the server allows and
// then answers 503 with Retry-After while the work goes on. The thread is detached and
// owns everything it uses: it may outlive the request that started it, and the server.
// Start and copy under the owner's mutex; wait on a copy outside it.
#pragma once

#include <chrono>
#include <exception>
#include <future>
#include <memory>
#include <thread>
#include <utility>

namespace newsgraph::server {

template <class T>
class BackgroundJob {
 public:
  // Runs make() (returning std::shared_ptr<const T>) on a new detached thread. What it
  // throws is kept and rethrown by wait_for.
  template <class Make>
  static BackgroundJob start(Make make) {
    auto promise = std::make_shared<std::promise<std::shared_ptr<const T>>>();
    BackgroundJob job;
    job.result_ = promise->get_future().share();
    std::thread([promise, make = std::move(make)]() mutable {
      try {
        promise->set_value(make());
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    }).detach();
    return job;
  }

  bool started() const { return result_.valid(); }
  bool done() const { return started() && result_.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
  // The result, waiting at most `wait` for it; nullptr while it is still being made.
  std::shared_ptr<const T> wait_for(std::chrono::milliseconds wait) const {
    if (!started() || result_.wait_for(wait) != std::future_status::ready) return nullptr;
    return result_.get();
  }

 private:
  std::shared_future<std::shared_ptr<const T>> result_;
};

}  // namespace newsgraph::server
