#include "ingest/name_index.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

using newsgraph::ingest::NameIndex;

TEST_CASE("a name index maps each name to the value last given it, like a map, until cleared", "[name_index]") {
  std::vector<std::string> names;
  for (int i = 0; i < 3000; ++i) names.push_back("nama " + std::to_string(i % 1100) + (i % 3 ? "" : " x"));
  NameIndex index;
  std::map<std::string, int32_t> expected;
  for (size_t i = 0; i < names.size(); ++i) {
    index.assign(names[i], static_cast<int32_t>(i));
    expected[names[i]] = static_cast<int32_t>(i);
  }
  for (const auto& [name, value] : expected) {
    CHECK(index.contains(name));
    CHECK(index.find(name) == value);
  }
  CHECK(index.find("nama") == -1);
  CHECK_FALSE(index.contains(""));
  index.clear();
  CHECK(index.find(names.front()) == -1);
  index.assign(names.front(), 4);
  CHECK(index.find(names.front()) == 4);
}
