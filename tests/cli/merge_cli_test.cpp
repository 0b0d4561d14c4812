// `newsgraph merge`: stores of disjoint articles, built in any order, merge in any order
// and tree into the store one ingest in canonical order (date, then id) writes; and a
// merge that cannot be done leaves no output.
#include <rapidjson/document.h>
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <sstream>

#include "store/cooccurrences.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

// Every row of every table a merge writes, with keys replaced by what they stand for
// (entity ids, article ids, an article entity's local id): the store's content, whatever
// numbers its rows were given. The time of ingest is left out (a merge keeps the inputs').
const std::pair<const char*, const char*> kNaturalRows[] = {
    {"documents", "SELECT id, content_hash, title, source, published, bytes, url, outlet, category FROM documents"},
    {"entities", "SELECT id, label, type, from_gazetteer, label_key, attributes FROM entities"},
    {"short_forms", "SELECT s.short_key, e.id FROM short_forms s JOIN entities e USING (entity_key)"},
    {"aliases", "SELECT e.id, a.alias, a.alias_key FROM aliases a JOIN entities e USING (entity_key)"},
    {"doc_entities",
     "SELECT d.id, x.local_id, x.label, x.aliases, x.type, x.from_gazetteer, e.id, x.type_guessed, "
     "x.mention_count, hex(x.mentions), x.extracted FROM doc_entities x JOIN documents d USING (doc_key) "
     "JOIN entities e ON e.entity_key = x.entity_key"},
    {"relations",
     "SELECT s.id, r.predicate, o.id, r.weight, r.independent, r.evidence_count, r.modality, "
     "r.confidence_permille, r.first_seen, r.last_seen FROM relations r JOIN entities s ON s.entity_key = "
     "r.subject_key JOIN entities o ON o.entity_key = r.object_key"},
    {"sentences", "SELECT d.id, s.idx, s.start, s.end, s.text, s.hash, s.syndicated FROM sentences s "
                  "JOIN documents d USING (doc_key)"},
    {"evidence",
     "SELECT s.id, r.predicate, o.id, d.id, v.sentence, sx.local_id, ox.local_id, v.predicate, v.cue, v.rule, "
     "v.modality, v.confidence FROM evidence v JOIN relations r USING (relation_key) JOIN entities s ON "
     "s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key JOIN documents d ON d.doc_key = "
     "v.doc_key JOIN doc_entities sx ON sx.doc_entity_key = v.subject_doc_entity JOIN doc_entities ox ON "
     "ox.doc_entity_key = v.object_doc_entity"},
    {"merge_log",
     "SELECT m.at, d.id, m.name, e.id, m.rule, m.detail, x.local_id FROM merge_log m LEFT JOIN documents d USING "
     "(doc_key) JOIN entities e ON e.entity_key = m.entity_key LEFT JOIN doc_entities x ON x.doc_entity_key = "
     "m.doc_entity_key"},
    {"overrides", "SELECT kind, name_a, name_b FROM overrides"},
    {"glued_forms", "SELECT g.core_key, d.id, x.local_id FROM glued_forms g JOIN doc_entities x USING "
                    "(doc_entity_key) JOIN documents d USING (doc_key)"},
};

using Rows = std::map<std::string, std::vector<std::string>>;

Rows natural_rows(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  Rows out;
  auto each_row = [db](const std::string& sql, auto&& f) {
    sqlite3_stmt* s = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) f(s);
    sqlite3_finalize(s);
  };
  auto text = [](sqlite3_stmt* s, int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string("NULL");
  };
  for (const auto& [table, sql] : kNaturalRows) {
    std::vector<std::string>& rows = out[table];
    each_row(sql, [&](sqlite3_stmt* s) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) row += text(s, i) + "\x1f";
      rows.push_back(row);
    });
  }
  // Co-occurrences: each article's pairs by the local ids of their entities.
  std::map<int64_t, std::string> local;
  each_row("SELECT doc_entity_key, local_id FROM doc_entities",
           [&](sqlite3_stmt* s) { local[sqlite3_column_int64(s, 0)] = text(s, 1); });
  each_row("SELECT d.id, c.pairs, c.confidence FROM cooccurrences c JOIN documents d USING (doc_key)",
           [&](sqlite3_stmt* s) {
             std::vector<store::ArticlePair> pairs;
             const std::string_view blob(static_cast<const char*>(sqlite3_column_blob(s, 1)),
                                         static_cast<size_t>(sqlite3_column_bytes(s, 1)));
             REQUIRE(store::decode_article_pairs(blob, &pairs));
             for (const store::ArticlePair& p : pairs) {
               std::string row = text(s, 0) + "|" + local[p.first] + "|" + local[p.second] + "|" + text(s, 2);
               for (uint32_t k : p.sentences) row += " " + std::to_string(k);
               out["cooccurrences"].push_back(row);
             }
           });
  sqlite3_close(db);
  for (auto& [table, rows] : out) std::sort(rows.begin(), rows.end());
  return out;
}

// The tables that differ, with a row of each side that the other lacks.
std::string differences(const Rows& a, const Rows& b) {
  std::string out;
  for (const auto& [table, rows] : a) {
    const std::vector<std::string>& other = b.at(table);
    if (rows == other) continue;
    std::vector<std::string> only_a, only_b;
    std::set_difference(rows.begin(), rows.end(), other.begin(), other.end(), std::back_inserter(only_a));
    std::set_difference(other.begin(), other.end(), rows.begin(), rows.end(), std::back_inserter(only_b));
    out += table + ": " + std::to_string(rows.size()) + " rows against " + std::to_string(other.size()) + "\n";
    if (!only_a.empty()) out += "  first only:  " + only_a.front() + "\n";
    if (!only_b.empty()) out += "  second only: " + only_b.front() + "\n";
  }
  return out;
}

std::string ng() { return shell_quote(binary()); }

void ingest(const std::string& db, const std::string& jsonl) {
  REQUIRE(run(ng() + " ingest --quiet --db " + shell_quote(db) + " " + shell_quote(jsonl)).exit_code == 0);
}

int merge(const std::string& out, const std::vector<std::string>& inputs, const std::string& err = "") {
  std::string command = ng() + " merge --quiet " + shell_quote(out);
  for (const std::string& in : inputs) command += " " + shell_quote(in);
  return run(command, err).exit_code;
}

std::string integrity(const std::string& db) { return run("sqlite3 " + shell_quote(db) + " 'PRAGMA integrity_check'").out; }

// (published, id) of a JSON line, the canonical order's key.
std::pair<std::string, std::string> canonical_key(const std::string& line) {
  rapidjson::Document d;
  d.Parse(line.c_str());
  REQUIRE(d.IsObject());
  auto field = [&d](const char* name) {
    return d.HasMember(name) && d[name].IsString() ? std::string(d[name].GetString()) : std::string();
  };
  return {field("published"), field("id")};
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> pool_lines(size_t count) {
  std::vector<std::string> out;
  if (shared_dir().empty()) return out;
  std::istringstream in(read_file(shared_dir() + "/corpus/news/news_pool.jsonl"));
  std::string line;
  size_t n = 0;
  while (out.size() < count && std::getline(in, line))
    if (n++ % 7 == 0) out.push_back(line);  // spread over the pool
  return out;
}

// `copies` articles made from the examples, dated over two months, in a shuffled order;
// each names its source, as the pool's articles do (else it is the file read).
std::vector<std::string> example_lines(size_t copies) {
  const char* examples[] = {"01_menlu_bertemu.txt", "02_bantuan_pangan.txt", "03_sanksi.txt"};
  std::vector<std::string> out;
  for (size_t i = 0; i < copies; ++i) {
    std::string text = read_file(source_dir() + "/examples/" + examples[i % 3]);
    std::string escaped;
    for (char c : text + "\nEdisi " + std::to_string(i) + ".") {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') escaped += "\\n";
      else if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
    }
    const std::string date = "2023-0" + std::to_string(3 + i % 2) + "-1" + std::to_string(i % 10);
    const std::string id = "ex-" + std::to_string(i);
    out.push_back("{\"id\":\"" + id + "\",\"source\":\"https://example.org/" + id + "\",\"published\":\"" + date +
                  "\",\"text\":\"" + escaped + "\"}");
  }
  std::mt19937 shuffle_seed(11);
  std::shuffle(out.begin(), out.end(), shuffle_seed);
  return out;
}

}  // namespace

TEST_CASE("pool shards ingested in any order merge, in any tree, into the store of one ingest in date and id order",
          "[cli][merge]") {
  std::vector<std::string> lines = pool_lines(600);
  if (lines.empty()) {
    WARN("../shared is absent: skipped");
    return;
  }
  const std::string dir = temp_dir();
  std::vector<std::string> canonical = lines;
  std::sort(canonical.begin(), canonical.end(),
            [](const std::string& a, const std::string& b) { return canonical_key(a) < canonical_key(b); });
  write_file(dir + "/whole.jsonl", joined(canonical));
  ingest(dir + "/whole.db", dir + "/whole.jsonl");
  // Four shards, each a quarter of the articles spread over the pool, each ingested in
  // an order of its own: their cross-article merges differ from the whole's.
  std::mt19937 seed(3);
  std::vector<std::string> shards;
  for (size_t k = 0; k < 4; ++k) {
    std::vector<std::string> part;
    for (size_t i = k; i < lines.size(); i += 4) part.push_back(lines[i]);
    std::shuffle(part.begin(), part.end(), seed);
    const std::string base = dir + "/s" + std::to_string(k);
    write_file(base + ".jsonl", joined(part));
    ingest(base + ".db", base + ".jsonl");
    shards.push_back(base + ".db");
  }
  const Rows whole = natural_rows(dir + "/whole.db");
  REQUIRE(whole.at("documents").size() == lines.size());
  REQUIRE(whole.at("merge_log").size() > 50);  // articles that joined others' entities
  REQUIRE(whole.at("evidence").size() > 50);

  SECTION("all four at once, named in any order") {
    REQUIRE(merge(dir + "/m.db", {shards[2], shards[0], shards[3], shards[1]}) == 0);
    CHECK(differences(whole, natural_rows(dir + "/m.db")) == "");
    CHECK(integrity(dir + "/m.db") == "ok\n");
  }
  SECTION("pairs, then the pairs") {
    REQUIRE(merge(dir + "/a.db", {shards[0], shards[1]}) == 0);
    REQUIRE(merge(dir + "/b.db", {shards[3], shards[2]}) == 0);
    REQUIRE(merge(dir + "/m.db", {dir + "/b.db", dir + "/a.db"}) == 0);
    CHECK(differences(whole, natural_rows(dir + "/m.db")) == "");
  }
  SECTION("three, then the fourth") {
    REQUIRE(merge(dir + "/a.db", {shards[3], shards[0], shards[2]}) == 0);
    REQUIRE(merge(dir + "/m.db", {shards[1], dir + "/a.db"}) == 0);
    CHECK(differences(whole, natural_rows(dir + "/m.db")) == "");
  }
  SECTION("a shard's own merges are not what the merge keeps") {
    // Merging one shard alone rewrites it in canonical order: a shard ingested shuffled
    // differs from that somewhere, or this test would prove nothing above.
    size_t differing = 0;
    for (size_t k = 0; k < 4; ++k) {
      const std::string alone = dir + "/alone" + std::to_string(k) + ".db";
      REQUIRE(merge(alone, {shards[k]}) == 0);
      if (!differences(natural_rows(shards[k]), natural_rows(alone)).empty()) ++differing;
    }
    CHECK(differing > 0);
  }
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
    ingest(dir + "/" + name + ".db", dir + "/" + name + ".jsonl");
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
