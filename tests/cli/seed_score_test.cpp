// Runs the project's scorer (../shared/eval/score.py) on the seed articles. Skips,
// saying so, where ../shared is absent (a user's clone).
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "tests/test_paths.h"

using namespace newsgraph::testing;

namespace {
std::map<std::string, double> parse_scores(const std::string& out) {
  std::map<std::string, double> scores;
  auto pos = out.rfind("entity_f1=");
  if (pos == std::string::npos) return scores;
  std::istringstream in(out.substr(pos));
  for (std::string field; in >> field;) {
    auto eq = field.find('=');
    if (eq != std::string::npos) scores[field.substr(0, eq)] = std::stod(field.substr(eq + 1));
  }
  return scores;
}
}  // namespace

TEST_CASE("extraction on the seed articles keeps its scores", "[cli][score]") {
  auto shared = shared_dir();
  if (shared.empty()) {
    WARN("skipped: ../shared is not beside this checkout");
    return;
  }
  auto dir = temp_dir();
  auto r = run(binary() + " extract " + shared + "/corpus/seeds > " + dir + "/out.jsonl && python3 " + shared +
               "/eval/score.py " + shared + "/eval/seeds.gold.json " + dir + "/out.jsonl");
  REQUIRE(r.exit_code == 0);
  auto s = parse_scores(r.out);
  INFO(r.out);
  CHECK(s["entity_f1"] >= 0.90);
  CHECK(s["relation_f1"] >= 0.72);
  CHECK(s["direction_acc"] >= 0.90);
  CHECK(s["junk"] == 0);
}
