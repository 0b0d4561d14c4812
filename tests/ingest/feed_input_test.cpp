// FeedInput: a stream over a descriptor that says, just before a read would wait, that
// nothing more has come; also inside a line that comes in pieces.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <istream>
#include <string>
#include <thread>

#include "ingest/feed_input.h"

using newsgraph::ingest::FeedInput;

TEST_CASE("a feed says it will wait only when nothing has come, also in the middle of a line", "[reader][feed]") {
  int ends[2];
  REQUIRE(pipe(ends) == 0);
  int waits = 0;
  FeedInput feed([&] { ++waits; }, ends[0]);
  std::istream in(&feed);
  REQUIRE(write(ends[1], "first\nsec", 9) == 9);
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line == "first");
  CHECK(waits == 0);  // it had come
  // The rest of the second line comes later: the reader is told before it waits for it.
  ssize_t written = 0;
  std::thread late([&] {  // no assertion on this thread: Catch2's are the test thread's
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    written = write(ends[1], "ond\n", 4);
    close(ends[1]);
  });
  REQUIRE(std::getline(in, line));
  late.join();
  REQUIRE(written == 4);
  CHECK(line == "second");
  CHECK(waits == 1);
  CHECK_FALSE(std::getline(in, line));  // the end, which came without waiting
  CHECK(waits == 1);
  close(ends[0]);
}
