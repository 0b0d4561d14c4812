#include "server/compute_permits.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using newsgraph::server::ComputePermits;

TEST_CASE("compute permits make the next request wait until one is given back", "[server][hostile]") {
  ComputePermits permits(1);
  std::atomic<bool> computed{false};
  std::thread other;
  {
    ComputePermits::Held mine(permits);
    CHECK(permits.in_use() == 1);
    other = std::thread([&] {
      ComputePermits::Held theirs(permits);
      computed = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(computed);  // still waiting for mine
  }
  other.join();
  CHECK(computed);
  CHECK(permits.in_use() == 0);
}

TEST_CASE("a request waiting for background work lets its permit go meanwhile", "[server][hostile]") {
  ComputePermits permits(1);
  ComputePermits::Held mine(permits);
  {
    ComputePermits::Suspend waiting;
    CHECK(permits.in_use() == 0);
    std::thread([&] { ComputePermits::Held theirs(permits); }).join();  // would hang without the suspend
    ComputePermits::Suspend nested;  // holds nothing more to give back
    CHECK(permits.in_use() == 0);
  }
  CHECK(permits.in_use() == 1);  // taken again after the wait
}

TEST_CASE("a thread without a permit suspends nothing", "[server][hostile]") {
  ComputePermits permits(2);
  ComputePermits::Held one(permits);
  std::thread([&] {
    ComputePermits::Suspend waiting;  // this thread holds none
    CHECK(permits.in_use() == 1);
  }).join();
  CHECK(permits.in_use() == 1);
}
