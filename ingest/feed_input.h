// Standard input read as a feed: a stream buffer over file descriptor 0 that calls
// `before_wait` just before a read(2) that would wait for data not yet come, so that the
// reader can finish what it has (write and commit it, and let the store's lock go)
// however an article's bytes arrive: a line in pieces waits with nothing held. It reads
// the descriptor directly, not through stdio.
#pragma once

#include <functional>
#include <streambuf>

namespace newsgraph::ingest {

class FeedInput : public std::streambuf {
 public:
  explicit FeedInput(std::function<void()> before_wait, int fd = 0)
      : before_wait_(std::move(before_wait)), fd_(fd) {}
  FeedInput(const FeedInput&) = delete;
  FeedInput& operator=(const FeedInput&) = delete;

 protected:
  int_type underflow() override;

 private:
  std::function<void()> before_wait_;
  int fd_;
  char buffer_[1 << 16];
};

}  // namespace newsgraph::ingest
