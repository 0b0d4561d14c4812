// `newsgraph merge`: stores of disjoint articles, built in any order, merge in any order
// and tree into the store one ingest in canonical order (date, then id) writes; and a
// merge that cannot be done leaves no output.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "store/store_merge.h"
#include "tests/cli/article_lines.h"
#include "tests/cli/store_rows.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

// ingest_file, which must succeed.
void ingest(const std::string& db, const std::string& jsonl, const std::string& flags = "") {
  REQUIRE(ingest_file(db, jsonl, flags).exit_code == 0);
}

int merge(const std::string& out, const std::vector<std::string>& inputs, const std::string& err = "") {
  std::string command = ng() + " merge --quiet " + shell_quote(out);
  for (const std::string& in : inputs) command += " " + shell_quote(in);
  return run(command, err).exit_code;
}

// The JSON line with its "published" date replaced.
std::string with_date(const std::string& line, const std::string& date) {
  rapidjson::Document d;
  d.Parse(line.c_str());
  REQUIRE(d.IsObject());
  d.RemoveMember("published");
  d.AddMember("published", rapidjson::Value(date.c_str(), d.GetAllocator()), d.GetAllocator());
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  d.Accept(w);
  return b.GetString();
}

std::string integrity(const std::string& db) { return sql(db, "PRAGMA integrity_check"); }

// The sentences, by article id and index, in the order of their rows: the order search
// results of equal rank come in.
std::string sentence_rows_in_order(const std::string& db) {
  return sql(db, "SELECT d.id, s.idx FROM sentences s JOIN documents d USING (doc_key) ORDER BY s.rowid");
}

}  // namespace

TEST_CASE("pool shards ingested in any order merge, in any tree, into the store of one ingest in date and id order",
          "[cli][merge]") {
  std::vector<std::string> lines = pool_lines(2000);
  if (lines.empty()) {
    WARN("../shared is absent: skipped");
    return;
  }
  const std::string dir = temp_dir();
  write_file(dir + "/whole.jsonl", joined(in_canonical_order(lines)));
  ingest(dir + "/whole.db", dir + "/whole.jsonl");
  // Four shards, each a quarter of the articles spread over the pool, each ingested in
  // an order of its own and left in it: their cross-article merges differ from the whole's.
  std::mt19937 seed(3);
  std::vector<std::string> shards;
  for (size_t k = 0; k < 4; ++k) {
    std::vector<std::string> part;
    for (size_t i = k; i < lines.size(); i += 4) part.push_back(lines[i]);
    std::shuffle(part.begin(), part.end(), seed);
    const std::string base = dir + "/s" + std::to_string(k);
    write_file(base + ".jsonl", joined(part));
    ingest(base + ".db", base + ".jsonl", "--arrival-order --sort-buffer 0");
    shards.push_back(base + ".db");
  }
  const Rows whole = natural_rows(dir + "/whole.db");
  REQUIRE(whole.at("documents").size() == lines.size());
  REQUIRE(whole.at("merge_log").size() > 50);  // articles that joined others' entities
  REQUIRE(whole.at("evidence").size() > 50);

  // The shards are built once for the three merges (a SECTION would build them again).
  {
    INFO("all four at once, named in any order");
    REQUIRE(merge(dir + "/m1.db", {shards[2], shards[0], shards[3], shards[1]}) == 0);
    CHECK(differences(whole, natural_rows(dir + "/m1.db")) == "");
    CHECK(integrity(dir + "/m1.db") == "ok\n");
    CHECK(order_mark(dir + "/m1.db") == "0\n");
    CHECK(sentence_rows_in_order(dir + "/m1.db") == sentence_rows_in_order(dir + "/whole.db"));
  }
  {
    INFO("pairs, then the pairs");
    REQUIRE(merge(dir + "/a.db", {shards[0], shards[1]}) == 0);
    REQUIRE(merge(dir + "/b.db", {shards[3], shards[2]}) == 0);
    REQUIRE(merge(dir + "/m2.db", {dir + "/b.db", dir + "/a.db"}) == 0);
    CHECK(differences(whole, natural_rows(dir + "/m2.db")) == "");
  }
  {
    INFO("three, then the fourth");
    REQUIRE(merge(dir + "/c.db", {shards[3], shards[0], shards[2]}) == 0);
    REQUIRE(merge(dir + "/m3.db", {shards[1], dir + "/c.db"}) == 0);
    CHECK(differences(whole, natural_rows(dir + "/m3.db")) == "");
  }
  {
    INFO("relation counts written to the table every 500 relations, not once at the end");
    store::MergeOptions small;
    small.relations_in_memory = 500;
    small.commit_every = 300;
    store::MergeReport report;
    const Status st = store::merge_stores(dir + "/m4.db", shards, small, &report);
    REQUIRE(st.is_ok());
    CHECK(report.articles == lines.size());
    CHECK(differences(whole, natural_rows(dir + "/m4.db")) == "");
  }

  // Merging one shard alone writes it in canonical order: a shard ingested shuffled
  // differs from that somewhere, or the checks above would prove nothing.
  size_t differing = 0;
  for (size_t k = 0; k < 4; ++k) {
    const std::string alone = dir + "/alone" + std::to_string(k) + ".db";
    REQUIRE(merge(alone, {shards[k]}) == 0);
    if (!differences(natural_rows(shards[k]), natural_rows(alone)).empty()) ++differing;
  }
  CHECK(differing > 0);
}

TEST_CASE("a store whose articles all come first is taken over as it is, and only the later ones are written",
          "[cli][merge]") {
  std::vector<std::string> lines = pool_lines(400);
  const bool from_pool = !lines.empty();
  if (!from_pool) lines = example_lines(60);
  lines = in_canonical_order(lines);
  const std::string dir = temp_dir();
  const size_t early = lines.size() * 3 / 4;
  write_file(dir + "/all.jsonl", joined(lines));
  write_file(dir + "/early.jsonl", joined({lines.begin(), lines.begin() + static_cast<long>(early)}));
  write_file(dir + "/late.jsonl", joined({lines.begin() + static_cast<long>(early), lines.end()}));
  ingest(dir + "/all.db", dir + "/all.jsonl");
  ingest(dir + "/early.db", dir + "/early.jsonl");
  ingest(dir + "/late.db", dir + "/late.jsonl");
  const Rows all = natural_rows(dir + "/all.db");
  auto merged = [&](const std::string& out, const std::vector<std::string>& inputs) {
    std::string command = ng() + " merge --json " + shell_quote(out);
    for (const std::string& in : inputs) command += " " + shell_quote(in);
    const CommandResult r = run(command);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  SECTION("named in either order") {
    const std::string report = merged(dir + "/m.db", {dir + "/late.db", dir + "/early.db"});
    CHECK(report.find("\"copied\":" + std::to_string(early) + ",") != std::string::npos);
    CHECK(differences(all, natural_rows(dir + "/m.db")) == "");
  }
  SECTION("not when the first store left canonical order: then every article is written") {
    std::vector<std::string> shuffled(lines.begin(), lines.begin() + static_cast<long>(early));
    std::reverse(shuffled.begin(), shuffled.end());
    write_file(dir + "/early_rev.jsonl", joined(shuffled));
    ingest(dir + "/early_rev.db", dir + "/early_rev.jsonl", "--arrival-order --sort-buffer 0");
    const std::string report = merged(dir + "/m.db", {dir + "/early_rev.db", dir + "/late.db"});
    CHECK(report.find("\"copied\":0,") != std::string::npos);
    CHECK(differences(all, natural_rows(dir + "/m.db")) == "");
  }
  SECTION("not when an input has overrides") {
    // Two names the later articles have (curate refuses a name no entity goes by).
    write_file(dir + "/o.json", from_pool ? "{\"never\": [[\"Joko Widodo\", \"Jokowi\"]]}"
                                          : "{\"never\": [[\"Hiroshi Tanaka\", \"Budi Santoso\"]]}");
    REQUIRE(run(ng() + " curate --db " + shell_quote(dir + "/late.db") + " " + shell_quote(dir + "/o.json")).exit_code ==
            0);
    const std::string report = merged(dir + "/m.db", {dir + "/early.db", dir + "/late.db"});
    CHECK(report.find("\"copied\":0,") != std::string::npos);
    CHECK(report.find("\"overrides\":1") != std::string::npos);
  }
}

TEST_CASE("with --arrival-order, a base is copied and the others' articles added as ingest --arrival-order adds them",
          "[cli][merge][order]") {
  std::vector<std::string> lines = pool_lines(300);
  if (lines.empty()) lines = example_lines(60);
  lines = in_canonical_order(lines);
  std::vector<std::string> base_lines, added_lines;  // interleaved: most added articles sort before the base's last
  for (size_t i = 0; i < lines.size(); ++i) (i % 2 ? added_lines : base_lines).push_back(lines[i]);
  // One of the base's articles again among the added, dated earlier: the base's copy is kept.
  added_lines.push_back(with_date(base_lines.back(), "1990-01-01"));
  const std::string dir = temp_dir();
  write_file(dir + "/all.jsonl", joined(lines));
  write_file(dir + "/base.jsonl", joined(base_lines));
  write_file(dir + "/added.jsonl", joined(added_lines));
  ingest(dir + "/all.db", dir + "/all.jsonl");
  ingest(dir + "/base.db", dir + "/base.jsonl");
  ingest(dir + "/added.db", dir + "/added.jsonl");
  // The base is curated; its override holds for the articles added to it too.
  const std::string label =
      run("sqlite3 " + shell_quote(dir + "/base.db") +
          " \"SELECT label FROM entities WHERE from_gazetteer = 0 AND label NOT LIKE '%\\\"%' ORDER BY entity_key LIMIT 1\"")
          .out;
  REQUIRE(label.size() > 1);
  write_file(dir + "/o.json", "{\"rename\": [[\"" + label.substr(0, label.size() - 1) + "\", \"Renamed One\"]]}");
  for (const char* db : {"/base.db", "/all.db"})
    REQUIRE(run(ng() + " curate --db " + shell_quote(dir + db) + " " + shell_quote(dir + "/o.json")).exit_code == 0);
  const Rows all = natural_rows(dir + "/all.db");  // in canonical order, curated alike
  // What ingesting the added articles into a copy of the base, in arrival order, gives.
  REQUIRE(run("sqlite3 " + shell_quote(dir + "/base.db") + " " + shell_quote("VACUUM INTO '" + dir + "/ingested.db'"))
              .exit_code == 0);
  ingest(dir + "/ingested.db", dir + "/added.jsonl", "--arrival-order");
  const Rows ingested = natural_rows(dir + "/ingested.db");
  REQUIRE(differences(ingested, all) != "");  // else arrival order proves nothing

  const CommandResult r = run(ng() + " merge --json --arrival-order " + shell_quote(dir + "/m.db") + " " +
                              shell_quote(dir + "/base.db") + " " + shell_quote(dir + "/added.db"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"articles\":" + std::to_string(lines.size()) + ",") != std::string::npos);
  CHECK(r.out.find("\"copied\":" + std::to_string(base_lines.size()) + ",") != std::string::npos);
  CHECK(r.out.find("\"duplicates\":1,") != std::string::npos);
  CHECK(r.out.find("\"same_text\":0,") != std::string::npos);
  CHECK(r.out.find("\"overrides\":1,") != std::string::npos);  // the base's, which came with its copy
  CHECK(r.out.find("\"canonical_order\":false") != std::string::npos);
  CHECK(differences(ingested, natural_rows(dir + "/m.db")) == "");
  CHECK(run(ng() + " stats --json --db " + shell_quote(dir + "/m.db")).out.find("\"canonical_order\":false") !=
        std::string::npos);

  // Put in order, it is the curated store of all the articles.
  REQUIRE(run(ng() + " reorder --db " + shell_quote(dir + "/m.db")).exit_code == 0);
  CHECK(differences(all, natural_rows(dir + "/m.db")) == "");
}

TEST_CASE("merging is the same whatever order the articles came in, and merging twice changes nothing",
          "[cli][merge]") {
  const std::string dir = temp_dir();
  std::vector<std::string> lines = example_lines(60);
  write_file(dir + "/fwd.jsonl", joined(lines));
  std::reverse(lines.begin(), lines.end());
  write_file(dir + "/rev.jsonl", joined(lines));
  write_file(dir + "/half1.jsonl", joined(std::vector<std::string>(lines.begin(), lines.begin() + 25)));
  write_file(dir + "/half2.jsonl", joined(std::vector<std::string>(lines.begin() + 25, lines.end())));
  for (const char* name : {"fwd", "rev", "half1", "half2"})
    ingest(dir + "/" + name + ".db", dir + "/" + name + ".jsonl", "--arrival-order --sort-buffer 0");
  REQUIRE(merge(dir + "/from_fwd.db", {dir + "/fwd.db"}) == 0);
  REQUIRE(merge(dir + "/from_rev.db", {dir + "/rev.db"}) == 0);
  REQUIRE(merge(dir + "/from_halves.db", {dir + "/half2.db", dir + "/half1.db"}) == 0);
  const Rows once = natural_rows(dir + "/from_fwd.db");
  REQUIRE(once.at("documents").size() == 60);
  CHECK(differences(once, natural_rows(dir + "/from_rev.db")) == "");
  CHECK(differences(once, natural_rows(dir + "/from_halves.db")) == "");
  REQUIRE(merge(dir + "/again.db", {dir + "/from_fwd.db"}) == 0);
  CHECK(differences(once, natural_rows(dir + "/again.db")) == "");
  // The same article in two inputs is written once.
  REQUIRE(merge(dir + "/twice.db", {dir + "/fwd.db", dir + "/half1.db"}) == 0);
  CHECK(differences(once, natural_rows(dir + "/twice.db")) == "");
}

TEST_CASE("dated and undated articles merge in canonical order: by date and id, the undated after", "[cli][merge]") {
  const std::vector<std::string> undated = pool_lines(40);
  if (undated.empty()) {
    WARN("../shared is absent: skipped");
    return;
  }
  const std::vector<std::string> dated = example_lines(40);
  const std::string dir = temp_dir();
  std::vector<std::string> all, a, b;
  for (size_t i = 0; i < 40; ++i) {
    for (const std::string* line : {&dated[i], &undated[i]}) {
      all.push_back(*line);
      (i % 2 ? a : b).push_back(*line);
    }
  }
  write_file(dir + "/all.jsonl", joined(all));
  write_file(dir + "/a.jsonl", joined(a));
  write_file(dir + "/b.jsonl", joined(b));
  ingest(dir + "/all.db", dir + "/all.jsonl");
  ingest(dir + "/a.db", dir + "/a.jsonl", "--arrival-order --sort-buffer 0");
  ingest(dir + "/b.db", dir + "/b.jsonl", "--arrival-order --sort-buffer 0");
  REQUIRE(merge(dir + "/m.db", {dir + "/b.db", dir + "/a.db"}) == 0);
  CHECK(differences(natural_rows(dir + "/all.db"), natural_rows(dir + "/m.db")) == "");
}

TEST_CASE("a merge that cannot be done says why and leaves no output", "[cli][merge]") {
  const std::string dir = temp_dir();
  const std::vector<std::string> lines = example_lines(6);
  write_file(dir + "/a.jsonl", joined(std::vector<std::string>(lines.begin(), lines.begin() + 3)));
  ingest(dir + "/a.db", dir + "/a.jsonl");
  const std::string err = dir + "/err.txt";

  SECTION("the output exists: it is left as it was") {
    write_file(dir + "/out.db", "mine");
    CHECK(merge(dir + "/out.db", {dir + "/a.db"}, err) == 2);
    CHECK(read_file(dir + "/out.db") == "mine");
    CHECK(read_file(err).find("exists") != std::string::npos);
  }
  SECTION("an input is missing or no store") {
    CHECK(merge(dir + "/out.db", {dir + "/a.db", dir + "/none.db"}, err) == 2);
    CHECK(read_file(err).find("none.db") != std::string::npos);
    write_file(dir + "/junk.db", std::string(4096, 'x'));
    CHECK(merge(dir + "/out.db", {dir + "/junk.db"}, err) != 0);
    CHECK(run("test -e " + shell_quote(dir + "/out.db")).exit_code != 0);
    CHECK(run("ls " + shell_quote(dir) + " | grep -c partial").out == "0\n");
  }
  SECTION("one id with two texts") {
    std::string changed = lines[0];
    changed.insert(changed.rfind('"'), " Tambahan.");
    write_file(dir + "/b.jsonl", changed + "\n");
    ingest(dir + "/b.db", dir + "/b.jsonl");
    CHECK(merge(dir + "/out.db", {dir + "/a.db", dir + "/b.db"}, err) == 2);
    CHECK(read_file(err).find(canonical_key(lines[0]).second) != std::string::npos);
    CHECK(run("test -e " + shell_quote(dir + "/out.db")).exit_code != 0);
  }
  SECTION("no inputs") { CHECK(merge(dir + "/out.db", {}, err) == 2); }
  SECTION("an input whose rows cannot be read back (edited by hand)") {
    for (const char* edit : {"UPDATE documents SET bytes = -1", "UPDATE doc_entities SET mentions = x'ff'",
                             "UPDATE evidence SET predicate = 'LOVES'"}) {
      run("cp " + shell_quote(dir + "/a.db") + " " + shell_quote(dir + "/bad.db"));
      // Marked out of canonical order, so that the merge reads every article back.
      const std::string sql = std::string(edit) + "; INSERT OR REPLACE INTO meta(key, value) VALUES ('out_of_order', 1)";
      REQUIRE(run("sqlite3 " + shell_quote(dir + "/bad.db") + " " + shell_quote(sql)).exit_code == 0);
      INFO(edit);
      CHECK(merge(dir + "/out.db", {dir + "/bad.db"}, err) == 3);
      CHECK(read_file(err).find("cannot be read back") != std::string::npos);
      CHECK(run("test -e " + shell_quote(dir + "/out.db")).exit_code != 0);
    }
  }
}

TEST_CASE("killing a merge leaves its output absent or whole, and the next merge succeeds", "[cli][merge][crash]") {
  const std::vector<std::string> lines = pool_lines(1500);
  if (lines.empty()) {
    WARN("../shared is absent: skipped");
    return;
  }
  const std::string dir = temp_dir();
  write_file(dir + "/in.jsonl", joined(lines));
  ingest(dir + "/in.db", dir + "/in.jsonl");
  const std::string out = shell_quote(dir + "/out.db");
  for (const char* delay : {"0.05", "0.2", "0.4"}) {
    run("rm -f " + out);
    run(ng() + " merge --quiet " + out + " " + shell_quote(dir + "/in.db") + " & pid=$!; sleep " + delay +
        "; kill -9 $pid; wait $pid");
    if (run("test -e " + out).exit_code == 0) {  // it finished first: then it is whole
      CHECK(integrity(dir + "/out.db") == "ok\n");
      CHECK(run("sqlite3 " + out + " 'SELECT COUNT(*) FROM documents'").out == std::to_string(lines.size()) + "\n");
    }
  }
  run("rm -f " + out);
  REQUIRE(merge(dir + "/out.db", {dir + "/in.db"}) == 0);
  CHECK(integrity(dir + "/out.db") == "ok\n");
  CHECK(run("ls " + shell_quote(dir) + " | grep -c partial").out == "0\n");
}
