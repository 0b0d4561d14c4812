// `newsgraph show` and `newsgraph search` on a store built from the examples: what they
// print, their JSON, and their exit codes.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "tests/test_paths.h"

using namespace newsgraph::testing;

namespace {

std::string examples_store() {
  const std::string db = temp_dir() + "/query.db";
  REQUIRE(run(binary() + " ingest --quiet --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  return db;
}

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

}  // namespace

TEST_CASE("show prints an entity's names and its heaviest relations with a sentence each", "[cli][search]") {
  const std::string db = examples_store();
  auto text = run(binary() + " show --db " + db + " 'Hiroshi Tanaka'");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Hiroshi Tanaka (hiroshi_tanaka) PERSON") == 0);
  CHECK(text.out.find("MEMBER_OF") != std::string::npos);
  CHECK(text.out.find("\"") != std::string::npos);  // a supporting sentence, quoted
  auto json = run(binary() + " show --json --db " + db + " Tanaka");  // an alias
  REQUIRE(json.exit_code == 0);
  auto d = parse(json.out);
  CHECK(std::string(d["id"].GetString()) == "hiroshi_tanaka");
  REQUIRE(d["relations"].Size() >= 1);
  for (const auto& r : d["relations"].GetArray()) {
    CHECK(std::string(r["predicate"].GetString()) != "CO_OCCURS");  // typed only unless --cooccurs
    REQUIRE(r["evidence"].IsObject());
    CHECK(std::string(r["evidence"]["sentence"].GetString()).find("Tanaka") != std::string::npos);
  }
  auto with = parse(run(binary() + " show --json --cooccurs --top 50 --db " + db + " Tanaka").out);
  CHECK(with["relations"].Size() > d["relations"].Size());
}

TEST_CASE("show lists the closest entities for a name that is not exact, and exits 1", "[cli][search]") {
  const std::string db = examples_store();
  const std::string err = temp_dir() + "/show.err";
  auto r = run(binary() + " show --db " + db + " Tanka", err);  // misspelt
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(read_file(err).find("hiroshi_tanaka") != std::string::npos);
  CHECK(run(binary() + " show --db " + db + " Zzyzx").exit_code == 1);
  CHECK(run(binary() + " show --db " + db).exit_code == 2);
  CHECK(run(binary() + " show --db " + temp_dir() + "/none.db Tanaka").exit_code == 3);
}

TEST_CASE("search prints matching entities and marked sentences, as text or JSON, and exits 1 on nothing",
          "[cli][search]") {
  const std::string db = examples_store();
  auto text = run(binary() + " search --db " + db + " rudal");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("[rudal]") != std::string::npos);  // marked (not a terminal: brackets)
  auto json = run(binary() + " search --json --db " + db + " tanaka");
  REQUIRE(json.exit_code == 0);
  auto d = parse(json.out);
  CHECK(std::string(d["entities"]["items"][0]["id"].GetString()) == "hiroshi_tanaka");
  REQUIRE(d["sentences"]["items"].Size() >= 1);
  bool marked = false;
  for (const auto& p : d["sentences"]["items"][0]["parts"].GetArray())
    marked = marked || (p["match"].GetBool() && std::string(p["text"].GetString()) == "Tanaka");
  CHECK(marked);
  auto names_only = parse(run(binary() + " search --json --names --db " + db + " tanaka").out);
  CHECK_FALSE(names_only.HasMember("sentences"));
  CHECK(run(binary() + " search --db " + db + " zzyzxq").exit_code == 1);
  CHECK(run(binary() + " search --db " + db + " '!!'").exit_code == 2);
  CHECK(run(binary() + " search --db " + db + " rudal --since 2023-13-01").exit_code == 2);
}
