// A one-line progress display on standard error (articles, MB, MB/s), drawn only when
// standard error is a terminal and at most five times a second. Not thread-safe.
#pragma once

#include <chrono>
#include <cstddef>

namespace newsgraph::cli {

class Progress {
 public:
  explicit Progress(size_t total_bytes = 0);
  void advance(size_t bytes);  // one more article of `bytes` bytes
  void finish();               // clears the line

 private:
  bool enabled_;
  size_t total_bytes_;
  size_t articles_ = 0;
  size_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace newsgraph::cli
