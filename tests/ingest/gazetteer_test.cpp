#include <catch2/catch.hpp>

#include "ingest/gazetteer.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {
std::optional<GazetteerMatch> match(const Gazetteer& g, const std::string& s) {
  auto t = tokenize(s, 0, static_cast<uint32_t>(s.size()));
  return g.longest_match(t, 0, t.size());
}
}  // namespace

TEST_CASE("the built-in gazetteer resolves countries by Indonesian, English and capital names", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  for (const char* name : {"Korea Utara", "North Korea", "DPRK", "Pyongyang"}) {
    auto m = match(g, name);
    REQUIRE(m);
    CHECK(g.entry(m->entry).id == "north_korea");
  }
  auto kremlin = match(g, "Kremlin");
  REQUIRE(kremlin);
  CHECK(kremlin->metonym);
  CHECK(g.entry(kremlin->entry).type == EntityType::kCountry);
}

TEST_CASE("the longest alias wins", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  auto m = match(g, "Dewan Keamanan PBB menyatakan");
  REQUIRE(m);
  CHECK(g.entry(m->entry).id == "un_security_council");
  CHECK(m->tokens == 3);
}

TEST_CASE("an all-capital alias matches only capitals", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  CHECK(match(g, "AS menuduh"));
  CHECK_FALSE(match(g, "as menuduh"));
  CHECK_FALSE(match(g, "barat daya"));  // "Barat" (the West) needs its capital
}

TEST_CASE("every country in the built-in gazetteer has an Indonesian or English name besides its label",
          "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  size_t countries = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    if (g.entry(static_cast<uint32_t>(i)).type == EntityType::kCountry) ++countries;
  }
  CHECK(countries >= 195);
  CHECK(g.leader_of("russia"));
}

TEST_CASE("users add entities and aliases from a JSON file", "[gazetteer]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/mine.json",
                      R"({"entities": [{"label": "Hiroshi Tanaka", "type": "PERSON", "aliases": ["Tanaka-san"]},
                                        {"id": "russia", "label": "Russia", "type": "COUNTRY", "aliases": ["Rossiya"]}]})");
  Gazetteer g = Gazetteer::built_in();
  REQUIRE(g.add_json_file(dir + "/mine.json").is_ok());
  auto m = match(g, "Tanaka-san");
  REQUIRE(m);
  CHECK(g.entry(m->entry).id == "hiroshi_tanaka");
  auto r = match(g, "Rossiya");
  REQUIRE(r);
  CHECK(g.entry(r->entry).id == "russia");
}

TEST_CASE("a malformed gazetteer file is rejected with its name and position", "[gazetteer]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/bad.json", R"({"entities": [{"label": "X", )");
  testing::write_file(dir + "/badtype.json", R"([{"label": "X", "type": "PLANET"}])");
  Gazetteer g;
  Status st = g.add_json_file(dir + "/bad.json");
  CHECK(st.code() == StatusCode::kInvalidInput);
  CHECK_THAT(st.message(), Catch::Contains("bad.json") && Catch::Contains("byte"));
  CHECK(g.add_json_file(dir + "/badtype.json").code() == StatusCode::kInvalidInput);
  CHECK(g.add_json_file(dir + "/missing.json").code() == StatusCode::kNotFound);
}
