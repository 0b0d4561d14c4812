#include "core/json_guard.h"

#include <catch2/catch.hpp>

using namespace newsgraph;

TEST_CASE("the JSON guard passes ordinary input and refuses deep nesting and lone surrogates", "[json]") {
  const std::string deep(200000, '[');
  struct Case {
    std::string json;
    bool refused;
    size_t offset;  // of the refusal
  };
  const Case cases[] = {
      {R"({"id": "a", "text": "Kim \"tiba\" di [Rusia] {x}"})", false, 0},
      {R"({"text": "smile \uD83D\uDE00 and \u00e9 and \\uDC00 written out"})", false, 0},
      {std::string(64, '[') + std::string(64, ']'), false, 0},
      {R"({"text": "\u12"})", false, 0},  // malformed: the parser's to report
      {std::string(65, '[') + std::string(65, ']'), true, 64},
      {deep, true, 64},
      {R"(["[[[[", {"a": [1]}])", false, 0},
      {R"({"text": "lone low \uDFFF here"})", true, 19},
      {R"({"text": "lone high \uD83D then text"})", true, 20},
      {R"({"text": "high then high \uD83D\uD83D"})", true, 25},
      {R"({"text": "ends \uD83D)", true, 15},
  };
  for (const Case& c : cases) {
    auto problem = json_guard::check(c.json);
    INFO(c.json.substr(0, 80));
    CHECK(problem.has_value() == c.refused);
    if (problem && c.refused) CHECK(problem->offset == c.offset);
  }
  CHECK_THAT(json_guard::check(deep)->reason, Catch::Contains("deeper than 64"));
  CHECK_THAT(json_guard::check(R"(["\udc00"])")->reason, Catch::Contains("lone surrogate"));
}
