// Standard input read as a feed: see feed_input.h.
#include "ingest/feed_input.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace newsgraph::ingest {

FeedInput::int_type FeedInput::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (before_wait_) {
    pollfd ready{fd_, POLLIN, 0};
    int polled = 0;
    do polled = poll(&ready, 1, 0);
    while (polled < 0 && errno == EINTR);
    if (polled == 0) before_wait_();  // nothing has come: the read below would wait
  }
  ssize_t got = 0;
  do got = ::read(fd_, buffer_, sizeof buffer_);
  while (got < 0 && errno == EINTR);
  if (got <= 0) return traits_type::eof();
  setg(buffer_, buffer_, buffer_ + got);
  return traits_type::to_int_type(*gptr());
}

}  // namespace newsgraph::ingest
