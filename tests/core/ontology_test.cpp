#include "core/ontology.h"

#include <catch2/catch.hpp>
#include <string>

using namespace newsgraph;

TEST_CASE("every predicate's name parses back to it, in any letter case", "[ontology]") {
  for (int i = 0; i <= static_cast<int>(Predicate::kCoOccurs); ++i) {
    auto p = static_cast<Predicate>(i);
    std::string name = predicate_name(p);
    CHECK(parse_predicate(name) == p);
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    CHECK(parse_predicate(lower) == p);
  }
}

TEST_CASE("names that are not predicates do not parse, even when they look alike", "[ontology]") {
  for (const char* bad : {"", "M", "MEETS", "MEE", "LEAD", "SUPPORTS", "CO-OCCURS", "ATTACKK", "TACK", "X\xff"})
    CHECK_FALSE(parse_predicate(bad).has_value());
}
