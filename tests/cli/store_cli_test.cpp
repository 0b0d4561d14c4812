#include <httplib.h>
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>

#include "core/text.h"
#include "store/schema.h"
#include "tests/test_paths.h"

using namespace newsgraph::testing;

namespace {

// `stats --json` without its timings, which differ from run to run.
std::string stats_without_timings(const std::string& db) {
  auto r = run(binary() + " stats --json --db " + db);
  REQUIRE(r.exit_code == 0);
  size_t at = r.out.find("\"seconds\":{");
  REQUIRE(at != std::string::npos);
  size_t end = r.out.find('}', at);
  return r.out.substr(0, at - 1) + r.out.substr(end + 1);  // with the comma before it
}

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

}  // namespace

TEST_CASE("ingesting the examples twice gives the same statistics as once", "[cli][store]") {
  auto db = temp_dir() + "/g.db";
  auto first = run(binary() + " ingest --json --db " + db + " " + source_dir() + "/examples");
  REQUIRE(first.exit_code == 0);
  auto summary = parse(first.out);
  CHECK(summary["new"].GetInt() == 3);
  CHECK(summary["entities_added"].GetInt() > 5);
  std::string once = stats_without_timings(db);
  auto second = run(binary() + " ingest --json --db " + db + " " + source_dir() + "/examples");
  REQUIRE(second.exit_code == 0);
  CHECK(parse(second.out)["unchanged"].GetInt() == 3);
  CHECK(stats_without_timings(db) == once);
  auto stats = parse(once);
  for (const char* k : {"nodes", "edges", "components"}) CHECK(stats.HasMember(k));
  for (const char* k : {"degree", "pagerank", "betweenness"}) CHECK(stats["top"][k].IsArray());
  CHECK(stats["communities"]["count"].GetInt() >= 1);
  CHECK(stats["communities"].HasMember("modularity"));
}

TEST_CASE("on the seed articles the four main actors have the highest degree and no name is doubled",
          "[cli][store][seeds]") {
  if (shared_dir().empty()) {
    WARN("../shared is absent: seed graph test skipped");
    return;
  }
  auto db = temp_dir() + "/g.db";
  for (int i = 0; i < 2; ++i)
    REQUIRE(run(binary() + " ingest --db " + db + " " + shared_dir() + "/corpus/seeds").exit_code == 0);
  auto stats = parse(run(binary() + " stats --json --top 4 --db " + db).out);
  std::set<std::string> top;
  for (const auto& e : stats["top"]["degree"].GetArray()) top.insert(e["id"].GetString());
  CHECK(top == std::set<std::string>{"kim_jong_un", "vladimir_putin", "russia", "north_korea"});
  auto labels = run("sqlite3 " + db + " 'SELECT type, label FROM entities'");
  std::set<std::string> keys;
  size_t lines = 0;
  for (size_t start = 0; start < labels.out.size();) {
    size_t end = labels.out.find('\n', start);
    std::string line = labels.out.substr(start, end - start);
    ++lines;
    keys.insert(newsgraph::text::fold_key(line));
    start = end + 1;
  }
  CHECK(lines > 20);
  CHECK(keys.size() == lines);
  auto doubled = run("sqlite3 " + db +
                     " \"SELECT a.alias FROM aliases a JOIN entities e USING(entity_key) "
                     "GROUP BY a.alias_key, e.type HAVING COUNT(DISTINCT a.entity_key) > 1\"");
  CHECK(doubled.out == "");
  // Counts kept up article by article agree with a recount from the evidence (typed
  // relations; co-occurrence: tests/store/cooccurrence_test.cpp).
  auto drift = run("sqlite3 " + db + " \"SELECT COUNT(*) FROM relations r JOIN predicates p ON p.code = r.predicate "
                   "WHERE p.name <> 'CO_OCCURS' AND ("
                   "weight <> (SELECT COUNT(DISTINCT doc_key) FROM evidence e WHERE e.relation_key = r.relation_key) "
                   "OR evidence_count <> (SELECT COUNT(*) FROM evidence e WHERE e.relation_key = r.relation_key))\"");
  CHECK(drift.out == "0\n");
}

TEST_CASE("ingest on several threads writes the store one thread writes", "[cli][store]") {
  std::string inputs = source_dir() + "/examples";
  const auto shared = shared_dir();
  if (shared.empty()) WARN("../shared absent: the examples only");
  else inputs += " " + shared + "/corpus/dev " + shared + "/corpus/seeds";
  auto dir = temp_dir();
  REQUIRE(run(binary() + " ingest --quiet --jobs 1 --db " + dir + "/one.db " + inputs).exit_code == 0);
  REQUIRE(run(binary() + " ingest --quiet --jobs 3 --db " + dir + "/three.db " + inputs).exit_code == 0);
  for (const char* sql : {"SELECT id, label, type FROM entities ORDER BY id",
                          "SELECT d.id, e.label, e.type FROM doc_entities e JOIN documents d USING(doc_key) "
                          "ORDER BY 1, 2, 3",
                          "SELECT s.id, p.name, o.id, r.weight, r.evidence_count FROM relations r "
                          "JOIN predicates p ON p.code = r.predicate JOIN entities s ON s.entity_key = r.subject_key JOIN entities o "
                          "ON o.entity_key = r.object_key ORDER BY 1, 2, 3",
                          "SELECT name, rule, detail FROM merge_log ORDER BY 1, 2, 3"}) {
    INFO(sql);
    auto one = run("sqlite3 " + dir + "/one.db \"" + sql + "\"");
    auto three = run("sqlite3 " + dir + "/three.db \"" + sql + "\"");
    // The examples alone join no name across articles: no merge_log row then.
    if (!shared.empty() || std::string(sql).find("merge_log") == std::string::npos) CHECK_FALSE(one.out.empty());
    CHECK(three.out == one.out);
  }
}

TEST_CASE("a bad input is skipped with exit code 1 and what was stored stays", "[cli][store]") {
  auto db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  std::string before = stats_without_timings(db);
  auto dir = temp_dir();
  write_file(dir + "/binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
  write_file(dir + "/empty.txt", "");
  write_file(dir + "/lines.jsonl", "{\"id\": \"x\", \"text\": \n");
  auto err = temp_dir() + "/err";
  auto r = run(binary() + " ingest --json --db " + db + " " + dir, err);
  CHECK(r.exit_code == 1);
  CHECK(parse(r.out)["skipped"].GetInt() == 3);
  CHECK_THAT(read_file(err), Catch::Contains("binary.txt") && Catch::Contains("lines.jsonl:1"));
  CHECK(stats_without_timings(db) == before);
}

TEST_CASE("nesting that would overflow the parser and lone surrogates are refused at every JSON input",
          "[cli][store]") {
  auto db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  std::string before = stats_without_timings(db);
  auto dir = temp_dir();
  const std::string deep(200000, '[');
  write_file(dir + "/deep.jsonl", deep + "\n");
  write_file(dir + "/lone.jsonl", "{\"id\": \"s\", \"text\": \"Presiden Prabowo bertemu Vladimir Putin \\uDFFF di Moskow.\"}\n");
  auto err = temp_dir() + "/err";
  auto r = run(binary() + " ingest --json --db " + db + " " + dir + "/deep.jsonl " + dir + "/lone.jsonl", err);
  CHECK(r.exit_code == 1);  // skipped, not a crash
  CHECK_THAT(read_file(err), Catch::Contains("deep.jsonl:1: nested deeper") &&
                                 Catch::Contains("lone.jsonl:1: a lone surrogate"));
  CHECK(stats_without_timings(db) == before);
  // Every export still reads: nothing unreadable was stored.
  auto graphml = temp_dir() + "/g.graphml";
  REQUIRE(run(binary() + " export --no-layout --db " + db + " -o " + graphml).exit_code == 0);
  CHECK(run("xmllint --noout " + graphml).exit_code == 0);
  // The gazetteer and overrides files are JSON too.
  write_file(dir + "/deep.json", deep);
  auto gazetteer = run(binary() + " extract --gazetteer " + dir + "/deep.json " + source_dir() + "/examples", err);
  CHECK(gazetteer.exit_code == 3);
  CHECK_THAT(read_file(err), Catch::Contains("deep.json: nested deeper"));
  auto curate = run(binary() + " curate --db " + db + " " + dir + "/deep.json", err);
  CHECK(curate.exit_code != 0);
  CHECK(curate.exit_code < 128);
  CHECK_THAT(read_file(err), Catch::Contains("nested deeper"));
}

TEST_CASE("remove retracts an article and says when an id is unknown", "[cli][store]") {
  auto db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples/01_menlu_bertemu.txt").exit_code == 0);
  std::string one = stats_without_timings(db);
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples/03_sanksi.txt").exit_code == 0);
  CHECK(stats_without_timings(db) != one);
  CHECK(run(binary() + " remove --db " + db + " 03_sanksi").exit_code == 0);
  CHECK(stats_without_timings(db) == one);
  CHECK(run(binary() + " remove --db " + db + " 03_sanksi").exit_code == 1);
  CHECK(run(binary() + " remove --db " + db).exit_code == 2);
}

TEST_CASE("curate previews, refuses a merge of conflicting types unless forced, and rejects a malformed file",
          "[cli][store]") {
  auto dir = temp_dir();
  auto db = dir + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  auto stats = parse(stats_without_timings(db));
  int nodes = stats["nodes"].GetInt();
  write_file(dir + "/bad.json", "{\"merge\": [[\"Iran\"]]}");
  CHECK(run(binary() + " curate --db " + db + " " + dir + "/bad.json").exit_code == 2);
  write_file(dir + "/o.json", "{\"merge\": [[\"Iran\", \"Uni Eropa\"]]}");
  auto refused = run(binary() + " curate --db " + db + " " + dir + "/o.json", dir + "/err.txt");
  CHECK(refused.exit_code == 1);
  CHECK_THAT(read_file(dir + "/err.txt"), Catch::Contains("--force") && Catch::Contains("nothing changed"));
  CHECK(parse(stats_without_timings(db))["nodes"].GetInt() == nodes);
  auto preview = run(binary() + " curate --dry-run --force --db " + db + " " + dir + "/o.json");
  CHECK(preview.exit_code == 0);
  CHECK_THAT(preview.out, Catch::Contains("would merge 'European Union'") && Catch::Contains("into 'Iran'"));
  CHECK(parse(stats_without_timings(db))["nodes"].GetInt() == nodes);  // a preview changes nothing
  CHECK(run(binary() + " curate --force --db " + db + " " + dir + "/o.json").exit_code == 0);
  CHECK(parse(stats_without_timings(db))["nodes"].GetInt() == nodes - 1);
  write_file(dir + "/edits.json", "{\"retype\": [[\"Hiroshi Tanaka\", \"ORGANIZATION\"]], \"delete\": [\"Myanmar\"]}");
  CHECK(run(binary() + " curate --db " + db + " " + dir + "/edits.json").exit_code == 0);
  CHECK(parse(stats_without_timings(db))["nodes"].GetInt() == nodes - 2);
  auto listed = run(binary() + " curate --list --json --db " + db);
  REQUIRE(listed.exit_code == 0);
  auto rows = parse(listed.out);
  REQUIRE(rows.IsArray());
  std::set<std::string> kinds;
  for (const auto& r : rows.GetArray()) kinds.insert(r["kind"].GetString());
  CHECK(kinds == std::set<std::string>{"merge", "type", "delete"});
  write_file(dir + "/badtype.json", "{\"retype\": [[\"Iran\", \"PLANET\"]]}");
  CHECK(run(binary() + " curate --db " + db + " " + dir + "/badtype.json").exit_code == 2);
  write_file(dir + "/unknown.json", "{\"merge\": [[\"Iran\", \"Atlantis\"]]}");
  CHECK(run(binary() + " curate --db " + db + " " + dir + "/unknown.json").exit_code == 1);
}

TEST_CASE("stats on a missing store fails with exit code 3 and --help works everywhere", "[cli][store]") {
  CHECK(run(binary() + " stats --db " + temp_dir() + "/none.db").exit_code == 3);
  for (const char* c : {"ingest", "stats", "remove", "curate"})
    CHECK(run(binary() + " " + c + " --help").exit_code == 0);
  CHECK(run(binary() + " stats --top lots").exit_code == 2);
  CHECK(run(binary() + " ingest").exit_code == 2);
}

TEST_CASE("stats --quality reports evidence and modality, and --no-cooccurs keeps typed relations only",
          "[cli][store]") {
  auto db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  auto all = parse(run(binary() + " stats --json --quality --db " + db).out);
  REQUIRE(all.HasMember("quality"));
  const auto& q = all["quality"];
  CHECK(q["typed"].GetInt() + q["cooccurs"].GetInt() == all["edges"].GetInt());
  CHECK(q["evidence_share"].GetDouble() == Approx(1.0));
  CHECK(q["modality"].HasMember("asserted"));
  auto typed = parse(run(binary() + " stats --json --no-cooccurs --db " + db).out);
  CHECK(typed["edges"].GetInt() == q["typed"].GetInt());
  CHECK_FALSE(typed["edges_by_predicate"].HasMember("CO_OCCURS"));
}

TEST_CASE("stats names its stages on a terminal only, and its output stays clean", "[cli][store]") {
  auto db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  std::string errors = temp_dir() + "/stderr.txt";
  auto piped = run(binary() + " stats --json --db " + db, errors);
  REQUIRE(piped.exit_code == 0);
  CHECK(read_file(errors).empty());
  CHECK_FALSE(parse(piped.out).HasParseError());
  if (run("script --version").exit_code != 0) {
    WARN("script (util-linux) missing: the terminal display is not checked");
    return;
  }
  auto shown = run("script -qec " + shell_quote(binary() + " stats --db " + db) + " /dev/null");
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("reading " + db) && Catch::Contains("measuring"));
}

TEST_CASE("serve announces its port and stops cleanly on SIGTERM with exit code 0", "[cli][server]") {
  auto dir = temp_dir();
  REQUIRE(run(binary() + " ingest --db " + dir + "/g.db " + source_dir() + "/examples").exit_code == 0);
  auto r = run(binary() + " serve --port 0 --db " + dir + "/g.db > " + dir + "/out & pid=$!; " +
               "n=0; until grep -q listening " + dir + "/out 2>/dev/null; do n=$((n+1)); [ $n -gt 2000 ] && break; "
               "sleep 0.005; done; kill -TERM $pid; wait $pid; echo $?");
  CHECK(r.out == "0\n");
  CHECK_THAT(read_file(dir + "/out"), Catch::StartsWith("newsgraph serve: listening on http://127.0.0.1:"));
  CHECK(run(binary() + " serve --port 99999").exit_code == 2);
}

TEST_CASE("serve stops on a SIGTERM sent the moment it listens, and will not share its port", "[cli][server]") {
  auto dir = temp_dir();
  const std::string db = dir + "/g.db", out = dir + "/out";
  REQUIRE(run(binary() + " ingest --quiet --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  // Waits (by polling, up to 10 s) for the listening line in OUT, which each run removes
  // first: a line left by the run before would send the signal too early.
  const std::string wait_listening = "n=0; until grep -q listening " + out +
                                     " 2>/dev/null; do n=$((n+1)); [ $n -gt 2000 ] && break; sleep 0.005; done; ";
  auto r = run("for i in $(seq 15); do rm -f " + out + "; " + binary() + " serve --port 0 --db " + db + " > " + out + " 2> " + out +
               ".err & pid=$!; " + wait_listening +
               "kill -TERM $pid; n=0; while kill -0 $pid 2>/dev/null; do n=$((n+1)); "
               "[ $n -gt 500 ] && { kill -KILL $pid; echo hung; break; }; sleep 0.01; done; "
               "wait $pid; echo rc $?; [ -s " + out + ".err ] && cat " + out + ".err; done");
  INFO(r.out);
  CHECK(r.out.find("hung") == std::string::npos);
  size_t clean = 0;
  for (size_t at = 0; (at = r.out.find("rc 0\n", at)) != std::string::npos; ++at) ++clean;
  CHECK(clean == 15);
  auto second = run("rm -f " + out + "; " + binary() + " serve --port 0 --db " + db + " > " + out + " 2>/dev/null & pid=$!; " + wait_listening +
                    "port=$(sed -n 's/.*:\\([0-9]*\\)\\/api.*/\\1/p' " + out + "); " + binary() +
                    " serve --port $port --db " + db + " >/dev/null 2>&1; echo second $?; kill -TERM $pid; wait $pid");
  CHECK(second.out == "second 3\n");
}

TEST_CASE("serve takes its token from a file, kept out of the process list", "[cli][server]") {
  auto dir = temp_dir();
  const std::string db = dir + "/g.db", out = dir + "/out";
  REQUIRE(run(binary() + " ingest --quiet --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  CHECK(run(binary() + " serve --token-file " + dir + "/missing --db " + db).exit_code == 2);
  write_file(dir + "/empty", "\n");
  CHECK(run(binary() + " serve --token-file " + dir + "/empty --db " + db).exit_code == 2);
  write_file(dir + "/token", "s3kret-from-file\n");
  auto started = run(binary() + " serve --host 0.0.0.0 --port 0 --token-file " + dir + "/token --db " + db + " > " +
                     out + " 2>/dev/null & echo $!; n=0; until grep -q listening " + out +
                     " 2>/dev/null; do n=$((n+1)); [ $n -gt 2000 ] && break; sleep 0.005; done");
  const std::string pid = started.out.substr(0, started.out.find('\n'));
  const std::string listening = read_file(out);
  const size_t colon = listening.rfind(':');
  REQUIRE(colon != std::string::npos);
  const int port = std::stoi(listening.substr(colon + 1));
  CHECK(read_file("/proc/" + pid + "/cmdline").find("s3kret") == std::string::npos);
  httplib::Client client("127.0.0.1", port);
  const std::string body = R"({"id": "t", "text": "Rusia mengancam Jepang."})";
  auto refused = client.Post("/api/v1/documents", body, "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 401);
  auto stored = client.Post("/api/v1/documents", {{"Authorization", "Bearer s3kret-from-file"}}, body, "application/json");
  REQUIRE(stored);
  CHECK(stored->status == 201);
  CHECK(run("kill -TERM " + pid + "; while kill -0 " + pid + " 2>/dev/null; do sleep 0.01; done").exit_code == 0);
}

TEST_CASE("ingest counts undated articles and takes --published only as a real day", "[cli][store][dates]") {
  auto dir = temp_dir();
  write_file(dir + "/a.txt", "Judul A\nKamis, 14/9/2023\n\nPresiden Joko Widodo bertemu Presiden Vladimir Putin.\n");
  write_file(dir + "/b.txt", "Judul B\n\nPresiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida.\n");
  auto db = dir + "/g.db";
  auto bad = run(binary() + " ingest --published 2019-02-29 --db " + db + " " + dir + "/a.txt", dir + "/err.txt");
  CHECK(bad.exit_code == 2);
  CHECK_THAT(read_file(dir + "/err.txt"), Catch::Contains("2019-02-29"));
  auto r = run(binary() + " ingest --json --db " + db + " " + dir + "/a.txt " + dir + "/b.txt");
  REQUIRE(r.exit_code == 0);
  CHECK(parse(r.out)["undated"].GetInt() == 1);
  auto dated = run(binary() + " ingest --json --published 2020-01-02 --db " + dir + "/h.db " + dir + "/a.txt " + dir + "/b.txt");
  REQUIRE(dated.exit_code == 0);
  CHECK(parse(dated.out)["undated"].GetInt() == 0);
}

TEST_CASE("re-extracting stored articles with a new gazetteer gives what a fresh ingest with it gives",
          "[cli][store]") {
  auto dir = temp_dir();
  write_file(dir + "/g.json",
             R"({"entities": [{"label": "Hiroshi Tanaka", "type": "PERSON", "aliases": ["Tanaka-san"]},
                              {"label": "Brussel Summit", "type": "EVENT"}]})");
  const std::string examples = source_dir() + "/examples";
  const std::string old_db = dir + "/old.db", fresh_db = dir + "/fresh.db";
  REQUIRE(run(binary() + " ingest --quiet --db " + old_db + " " + examples).exit_code == 0);
  const std::string before = stats_without_timings(old_db);
  auto unchanged = run(binary() + " ingest --json --gazetteer " + dir + "/g.json --db " + old_db + " " + examples);
  REQUIRE(unchanged.exit_code == 0);
  CHECK(parse(unchanged.out)["unchanged"].GetInt() == 3);  // without --reextract a new gazetteer changes nothing
  CHECK(stats_without_timings(old_db) == before);
  auto again = run(binary() + " ingest --json --reextract --gazetteer " + dir + "/g.json --db " + old_db + " " + examples);
  REQUIRE(again.exit_code == 0);
  CHECK(parse(again.out)["reextracted"].GetInt() == 3);
  REQUIRE(run(binary() + " ingest --quiet --gazetteer " + dir + "/g.json --db " + fresh_db + " " + examples).exit_code == 0);
  // Every table by what it says, not by its keys (re-extraction makes new rows).
  const char* content =
      "SELECT 'e', id, label, type, from_gazetteer FROM entities UNION ALL "
      "SELECT 'a', e.id, a.alias_key, '', 0 FROM aliases a JOIN entities e USING (entity_key) UNION ALL "
      "SELECT 'r', s.id || ' ' || p.name || ' ' || o.id, r.weight, r.evidence_count, r.independent "
      "FROM relations r JOIN predicates p ON p.code = r.predicate JOIN entities s ON s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key "
      "UNION ALL SELECT 'd', id, title, published, bytes FROM documents UNION ALL "
      "SELECT 'm', e.id, x.label, x.mention_count, hex(x.mentions) FROM doc_entities x "
      "JOIN entities e ON e.entity_key = x.entity_key ORDER BY 1, 2, 3, 4, 5";
  auto old_rows = run("sqlite3 " + old_db + " \"" + content + "\"");
  auto fresh_rows = run("sqlite3 " + fresh_db + " \"" + content + "\"");
  REQUIRE(old_rows.exit_code == 0);
  CHECK(old_rows.out.size() > 1000);
  CHECK(old_rows.out == fresh_rows.out);
  auto hiroshi = run("sqlite3 " + old_db + " \"SELECT from_gazetteer FROM entities WHERE label = 'Hiroshi Tanaka'\"");
  CHECK(hiroshi.out == "1\n");  // the gazetteer's entity now, not the name the first extraction guessed
}

TEST_CASE("NEWSGRAPH_SQL_PROFILE prints the time of each statement on standard error, and nothing without it",
          "[cli][store]") {
  const std::string dir = temp_dir();
  const std::string err = dir + "/err.txt";
  auto plain = run(binary() + " ingest --quiet --db " + dir + "/a.db " + source_dir() + "/examples", err);
  REQUIRE(plain.exit_code == 0);
  CHECK(read_file(err).find("SQL profile") == std::string::npos);
  auto profiled = run("NEWSGRAPH_SQL_PROFILE=1 " + binary() + " ingest --quiet --db " + dir + "/b.db " +
                          source_dir() + "/examples",
                      err);
  REQUIRE(profiled.exit_code == 0);
  const std::string report = read_file(err);
  CHECK(report.find("SQL profile: ") != std::string::npos);
  CHECK(report.find("INSERT INTO documents") != std::string::npos);
  CHECK(report.find("INSERT INTO relations") != std::string::npos);
}

TEST_CASE("an article's url, outlet and category from JSON Lines are stored, shown and exported on its edges",
          "[cli][store]") {
  const std::string dir = temp_dir();
  write_file(dir + "/a.jsonl",
             "{\"id\":\"cited-1\",\"title\":\"Menlu bertemu\",\"url\":\"https://example.org/a;b?x=1\","
             "\"outlet\":\"Contoh News\",\"category\":\"dunia\",\"text\":\"Menteri Luar Negeri Jepang Yoshimasa "
             "Hayashi bertemu Menteri Luar Negeri Korea Selatan Park Jin di Tokyo pada Kamis.\"}\n");
  const std::string db = dir + "/s.db";
  REQUIRE(run(binary() + " ingest --quiet --db " + db + " " + dir + "/a.jsonl").exit_code == 0);
  auto shown = run("sqlite3 " + db + " \"SELECT url || '|' || outlet || '|' || category FROM documents\"");
  CHECK(shown.out == "https://example.org/a;b?x=1|Contoh News|dunia\n");
  auto exported = run(binary() + " export --format json --no-layout --db " + db);
  REQUIRE(exported.exit_code == 0);
  auto d = parse(exported.out);
  REQUIRE(d["links"].Size() >= 1);
  for (const auto& link : d["links"].GetArray()) {
    REQUIRE(link["article_urls"].Size() == 1);
    CHECK(std::string(link["article_urls"][0].GetString()) == "https://example.org/a;b?x=1");
  }
  auto graphml = run(binary() + " export --no-layout --db " + db);
  CHECK_THAT(graphml.out, Catch::Contains("<data key=\"e_article_urls\">https://example.org/a;b?x=1</data>"));
}

TEST_CASE("a store an older newsgraph wrote is upgraded when a read-only command opens it", "[cli][store]") {
  const std::string dir = temp_dir();
  const std::string db = dir + "/old.db";
  REQUIRE(run(binary() + " ingest --quiet --db " + db + " " + source_dir() + "/examples").exit_code == 0);
  // Make it a schema-5 store: no url, outlet or category yet, every relation indexed by predicate.
  REQUIRE(run("sqlite3 " + db + " \"ALTER TABLE documents DROP COLUMN url; ALTER TABLE documents DROP COLUMN outlet; "
                                "ALTER TABLE documents DROP COLUMN category; DROP INDEX relations_typed_by_predicate; "
                                "CREATE INDEX relations_by_predicate ON relations(predicate); PRAGMA user_version = 5;\"")
              .exit_code == 0);
  auto exported = run(binary() + " export --format json --no-layout --db " + db);
  REQUIRE(exported.exit_code == 0);
  CHECK(parse(exported.out)["links"].Size() > 0);
  CHECK(run("sqlite3 " + db + " 'PRAGMA user_version'").out == std::to_string(newsgraph::store::kSchemaVersion) + "\n");
  CHECK(run("sqlite3 " + db + " \"SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'relations%predicate'\"")
            .out == "relations_typed_by_predicate\n");
  CHECK(run("sqlite3 " + db + " \"SELECT COUNT(*) FROM documents WHERE url = ''\"").out == "3\n");
}
