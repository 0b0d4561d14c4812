// A thread that is joined when it goes out of scope, so an exception on the thread that
// started it cannot leave it running (std::thread would terminate the program). Used
// where a load or an export does two independent parts of its work at once.
#pragma once

#include <thread>
#include <utility>

namespace newsgraph {

class JoiningThread {
 public:
  JoiningThread() = default;
  template <class F, class... Args>
  explicit JoiningThread(F&& f, Args&&... args) : thread_(std::forward<F>(f), std::forward<Args>(args)...) {}
  JoiningThread(JoiningThread&&) = default;
  JoiningThread& operator=(JoiningThread&& other) {
    join();
    thread_ = std::move(other.thread_);
    return *this;
  }
  ~JoiningThread() { join(); }

  bool running() const { return thread_.joinable(); }
  void join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

}  // namespace newsgraph
