// `ingest` gives the store of canonical order (publication date, then id) whatever order
// articles arrive in: read ahead and sorted within a run, and rewritten at the end when
// some arrive after stored ones that sort after them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "tests/cli/article_lines.h"
#include "tests/cli/store_rows.h"
#include "tests/test_paths.h"

using namespace newsgraph::testing;

namespace {

// Pool articles when ../shared is here, else articles made from the examples.
std::vector<std::string> some_articles(size_t pool_count = 400) {
  std::vector<std::string> lines = pool_lines(pool_count);
  return lines.empty() ? example_lines(60) : lines;
}

}  // namespace

TEST_CASE("articles ingested in any order, in one run or several, give the store of canonical order",
          "[cli][order]") {
  const std::string dir = temp_dir();
  std::vector<std::string> lines = some_articles();
  write_file(dir + "/canonical.jsonl", joined(in_canonical_order(lines)));
  REQUIRE(ingest_file(dir + "/canonical.db", dir + "/canonical.jsonl").exit_code == 0);
  const Rows canonical = natural_rows(dir + "/canonical.db");
  std::mt19937 seed(5);
  std::shuffle(lines.begin(), lines.end(), seed);
  write_file(dir + "/shuffled.jsonl", joined(lines));

  SECTION("one run, sorted as it is read") {
    const CommandResult r = ingest_file(dir + "/s.db", dir + "/shuffled.jsonl", "--json");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"reordered\":false") != std::string::npos);  // the read-ahead put it in order
    CHECK(differences(canonical, natural_rows(dir + "/s.db")) == "");
  }
  SECTION("one run, written as it arrives, then rewritten") {
    const CommandResult r = ingest_file(dir + "/s.db", dir + "/shuffled.jsonl", "--sort-buffer 0 --json");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"reordered\":true") != std::string::npos);
    CHECK(differences(canonical, natural_rows(dir + "/s.db")) == "");
    CHECK(order_mark(dir + "/s.db") == "0\n");
  }
  SECTION("from standard input, each stored as it arrives, then rewritten when the input ends") {
    const CommandResult r = run("cat " + shell_quote(dir + "/shuffled.jsonl") + " | " + ng() +
                                " ingest --quiet --json --db " + shell_quote(dir + "/s.db") + " -");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"reordered\":true") != std::string::npos);
    CHECK(differences(canonical, natural_rows(dir + "/s.db")) == "");
  }
  SECTION("two runs, the second bringing articles older than the first's") {
    const std::vector<std::string> sorted = in_canonical_order(lines);
    const size_t half = sorted.size() / 2;
    write_file(dir + "/late.jsonl", joined({sorted.begin() + static_cast<long>(half), sorted.end()}));
    write_file(dir + "/early.jsonl", joined({sorted.begin(), sorted.begin() + static_cast<long>(half)}));
    REQUIRE(ingest_file(dir + "/s.db", dir + "/late.jsonl").exit_code == 0);
    const CommandResult r = ingest_file(dir + "/s.db", dir + "/early.jsonl", "--json");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"reordered\":true") != std::string::npos);
    CHECK(differences(canonical, natural_rows(dir + "/s.db")) == "");
  }
  SECTION("left in arrival order, the next ingest rewrites it, even of nothing new") {
    REQUIRE(ingest_file(dir + "/s.db", dir + "/shuffled.jsonl", "--sort-buffer 0 --arrival-order").exit_code == 0);
    CHECK(order_mark(dir + "/s.db") == "1\n");
    CHECK(differences(canonical, natural_rows(dir + "/s.db")) != "");  // else this proves nothing
    REQUIRE(ingest_file(dir + "/s.db", dir + "/canonical.jsonl").exit_code == 0);  // all unchanged
    CHECK(differences(canonical, natural_rows(dir + "/s.db")) == "");
  }
}

TEST_CASE("killing the rewrite into canonical order leaves the store as it was, and the next ingest rewrites it",
          "[cli][order][crash]") {
  const std::string dir = temp_dir();
  std::vector<std::string> lines = some_articles(1500);  // a rewrite long enough to be killed in
  write_file(dir + "/canonical.jsonl", joined(in_canonical_order(lines)));
  REQUIRE(ingest_file(dir + "/canonical.db", dir + "/canonical.jsonl").exit_code == 0);
  std::reverse(lines.begin(), lines.end());
  write_file(dir + "/reversed.jsonl", joined(lines));
  const std::string db = dir + "/s.db";
  REQUIRE(ingest_file(db, dir + "/reversed.jsonl", "--sort-buffer 0 --arrival-order").exit_code == 0);
  const Rows before = natural_rows(db);
  const Rows canonical = natural_rows(dir + "/canonical.db");
  REQUIRE(differences(before, canonical) != "");  // else "rewritten" and "as before" are one
  const std::string count = std::to_string(lines.size()) + "\n";
  const std::string copy = shell_quote(db + ".reorder");
  for (const char* delay : {"0.1", "0.4", "0.8"}) {
    // Killed that long after the rewrite began (its copy appeared), if it began at all.
    run("rm -f " + copy + "; " + ng() + " ingest --quiet --db " + shell_quote(db) + " " +
        shell_quote(dir + "/canonical.jsonl") + " & pid=$!; while [ ! -e " + copy +
        " ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done; sleep " + delay + "; kill -9 $pid 2>/dev/null; wait $pid");
    CHECK(sql(db, "PRAGMA integrity_check") == "ok\n");
    CHECK(sql(db, "SELECT COUNT(*) FROM documents") == count);
    const Rows now = natural_rows(db);
    const bool as_before = differences(before, now).empty();
    const bool rewritten = differences(canonical, now).empty();
    INFO("killed after " << delay << " s: " << (as_before ? "as before" : rewritten ? "rewritten" : "neither"));
    CHECK((as_before || rewritten));
    CHECK(order_mark(db) == (rewritten ? "0\n" : "1\n"));
  }
  REQUIRE(ingest_file(db, dir + "/canonical.jsonl").exit_code == 0);
  CHECK(differences(canonical, natural_rows(db)) == "");
  CHECK(run("ls " + shell_quote(dir) + " | grep -c reorder").out == "0\n");
}

TEST_CASE("removing articles, the last in canonical order among them, leaves the store of the rest in canonical order",
          "[cli][order]") {
  const std::string dir = temp_dir();
  const std::vector<std::string> lines = in_canonical_order(some_articles(300));
  write_file(dir + "/all.jsonl", joined(lines));
  REQUIRE(ingest_file(dir + "/s.db", dir + "/all.jsonl").exit_code == 0);
  auto remove = [&](const std::vector<size_t>& positions) {
    std::string command = ng() + " remove --db " + shell_quote(dir + "/s.db");
    for (size_t p : positions) command += " " + shell_quote(canonical_key(lines[p]).second);
    REQUIRE(run(command).exit_code == 0);
  };
  auto rest_without = [&](const std::vector<size_t>& gone) {
    std::vector<std::string> rest;
    for (size_t i = 0; i < lines.size(); ++i)
      if (std::find(gone.begin(), gone.end(), i) == gone.end()) rest.push_back(lines[i]);
    const std::string name = dir + "/rest" + std::to_string(rest.size());
    write_file(name + ".jsonl", joined(rest));
    REQUIRE(ingest_file(name + ".db", name + ".jsonl").exit_code == 0);
    return natural_rows(name + ".db");
  };
  const size_t last = lines.size() - 1;
  remove({last});
  CHECK(differences(rest_without({last}), natural_rows(dir + "/s.db")) == "");
  remove({last - 1, lines.size() / 3});
  CHECK(differences(rest_without({last, last - 1, lines.size() / 3}), natural_rows(dir + "/s.db")) == "");
  CHECK(order_mark(dir + "/s.db") == "0\n");
}

TEST_CASE("a store left out of canonical order says so in stats, and reorder rewrites it without ingesting",
          "[cli][order]") {
  const std::string dir = temp_dir();
  std::vector<std::string> lines = some_articles(200);
  write_file(dir + "/canonical.jsonl", joined(in_canonical_order(lines)));
  REQUIRE(ingest_file(dir + "/canonical.db", dir + "/canonical.jsonl").exit_code == 0);
  std::reverse(lines.begin(), lines.end());
  write_file(dir + "/reversed.jsonl", joined(lines));
  const std::string db = shell_quote(dir + "/s.db");
  REQUIRE(ingest_file(dir + "/s.db", dir + "/reversed.jsonl", "--sort-buffer 0 --arrival-order").exit_code == 0);
  REQUIRE(differences(natural_rows(dir + "/canonical.db"), natural_rows(dir + "/s.db")) != "");
  CHECK(run(ng() + " stats --json --db " + db).out.find("\"canonical_order\":false") != std::string::npos);
  CHECK(run(ng() + " stats --db " + db).out.find("newsgraph reorder") != std::string::npos);

  const CommandResult r = run(ng() + " reorder --json --db " + db);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"rewritten\":true") != std::string::npos);
  CHECK(differences(natural_rows(dir + "/canonical.db"), natural_rows(dir + "/s.db")) == "");
  CHECK(run(ng() + " stats --json --db " + db).out.find("\"canonical_order\":true") != std::string::npos);
  CHECK(run(ng() + " stats --db " + db).out.find("newsgraph reorder") == std::string::npos);
  const CommandResult again = run(ng() + " reorder --json --db " + db);  // in order: left as it is
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("\"rewritten\":false") != std::string::npos);
  CHECK(run(ng() + " reorder --db " + shell_quote(dir + "/none.db")).exit_code == 3);
  CHECK(run(ng() + " reorder " + db).exit_code == 2);
}
