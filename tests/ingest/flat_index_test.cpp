#include "ingest/flat_index.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>

using newsgraph::ingest::FlatIndex;

TEST_CASE("flat index keeps the first value of each key through growth, like a map", "[flat_index]") {
  FlatIndex index;
  std::map<uint64_t, uint32_t> expected;
  std::mt19937_64 random(3);
  for (uint32_t i = 0; i < 20000; ++i) {
    uint64_t key = random() % 5000;  // repeats: the first value must stay
    uint32_t stored = index.insert(key, i);
    auto [it, fresh] = expected.emplace(key, i);
    CHECK(stored == it->second);
    CHECK((stored == i) == fresh);
  }
  CHECK(index.size() == expected.size());
  for (uint64_t key = 0; key < 6000; ++key) {
    auto it = expected.find(key);
    CHECK(index.find(key) == (it == expected.end() ? FlatIndex::kNone : it->second));
  }
}

TEST_CASE("an empty flat index finds nothing", "[flat_index]") {
  FlatIndex index;
  CHECK(index.find(0) == FlatIndex::kNone);
  CHECK(index.find(UINT64_MAX - 1) == FlatIndex::kNone);
}

TEST_CASE("flat index assign replaces a key's value, and clear forgets every key", "[flat_index]") {
  FlatIndex index;
  std::map<uint64_t, uint32_t> expected;
  std::mt19937_64 random(5);
  for (uint32_t i = 0; i < 5000; ++i) {
    uint64_t key = random() % 700;
    index.assign(key, i);
    expected[key] = i;
  }
  for (const auto& [key, value] : expected) CHECK(index.find(key) == value);
  CHECK(index.size() == expected.size());
  index.clear();
  CHECK(index.size() == 0);
  for (const auto& [key, value] : expected) CHECK(index.find(key) == FlatIndex::kNone);
  index.insert(7, 1);
  CHECK(index.find(7) == 1);
}
