#include <catch2/catch.hpp>

#include "ingest/alias_rules.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {
// Whether the rule lets the name at token `at` (one token long) of `text` stand.
bool allows(const std::string& rule_text, const std::string& text, size_t at, int32_t date = 0) {
  WordLists lists;
  std::vector<NeighbourWord> directions;
  REQUIRE(parse_neighbour_word("Barat", lists, directions).is_ok());
  lists["direction"] = directions;
  AliasRule rule;
  REQUIRE(parse_alias_rule(rule_text, lists, &rule).is_ok());
  auto toks = tokenize(text, 0, static_cast<uint32_t>(text.size()));
  return rule_allows(rule, toks, at, 1, toks.size(), date);
}
}  // namespace

TEST_CASE("dates parse to yyyymmdd, a bare year or month to its first or last day", "[alias_rules]") {
  CHECK(parse_date("2021-10-28") == 20211028);
  CHECK(parse_date("2021-10-28T09:30:00Z") == 20211028);
  CHECK(parse_date("2021-10") == 20211001);
  CHECK(parse_date("2021") == 20210101);
  CHECK(parse_date("2021", true) == 20211231);
  CHECK(parse_date("") == 0);
  CHECK(parse_date("kemarin") == 0);
}

TEST_CASE("a rule's neighbour words block the name next to them and nowhere else", "[alias_rules]") {
  const char* rule = "not_after=@capitalised,sebelah not_before=daya";
  // Text, token of the name, whether it stands.
  const std::tuple<const char*, size_t, bool> rows[] = {
      {"Rusia dan Barat berselisih", 2, true},
      {"Lombok Barat diguncang gempa", 1, false},   // a capitalised word before
      {"di sebelah Barat kota", 2, false},          // a listed word, any case
      {"di Sebelah Barat kota", 2, false},
      {"arah Barat Daya", 1, false},                // a listed word after
      {"hubungan Rusia-Barat memburuk", 2, true},   // joined by a hyphen: no neighbour
      {"Barat menjatuhkan sanksi", 0, true},
  };
  for (auto [text, at, expected] : rows) {
    INFO(text);
    CHECK(allows(rule, text, at) == expected);
  }
}

TEST_CASE("a capitalised word in a rule needs a capital in the text, a lowercase one any case",
          "[alias_rules]") {
  CHECK_FALSE(allows("not_before=@direction", "Amerika Barat", 0));
  CHECK(allows("not_before=@direction", "Amerika barat", 0));
  CHECK_FALSE(allows("not_after=bahasa", "Bahasa Inggris", 1));
  CHECK_FALSE(allows("not_after=bahasa", "bahasa Inggris", 1));
}

TEST_CASE("a name valid from a date is left out of articles dated before it, kept in undated ones",
          "[alias_rules]") {
  CHECK_FALSE(allows("from=2021-10-28", "Meta", 0, 20190101));
  CHECK(allows("from=2021-10-28", "Meta", 0, 20211028));
  CHECK(allows("from=2021-10-28", "Meta", 0, 0));
  CHECK_FALSE(allows("until=2021", "Facebook", 0, 20220101));
  CHECK(allows("until=2021", "Facebook", 0, 20211231));
}

TEST_CASE("a rule with an unknown key, list or date is rejected naming it", "[alias_rules]") {
  WordLists lists;
  AliasRule rule;
  const std::pair<const char*, const char*> bad[] = {
      {"not_near=x", "not_near"}, {"not_after=@nowhere", "@nowhere"}, {"from=soon", "soon"}};
  for (auto [text, named] : bad) {
    Status st = parse_alias_rule(text, lists, &rule);
    CHECK(st.code() == StatusCode::kInvalidInput);
    CHECK_THAT(st.message(), Catch::Contains(named));
  }
}

TEST_CASE("an alias splits into its name and the rule in braces", "[alias_rules]") {
  std::string_view name, rule;
  split_alias("Meta{from=2021-10-28}", &name, &rule);
  CHECK(name == "Meta");
  CHECK(rule == "from=2021-10-28");
  split_alias("Korea Utara", &name, &rule);
  CHECK(name == "Korea Utara");
  CHECK(rule.empty());
}
