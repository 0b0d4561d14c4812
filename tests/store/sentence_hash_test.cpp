// Sentence hashes find syndicated copies: copies that differ in case, accents and spacing
// hash alike, the store keeps the hash as an integer (schema 9), and a store that kept
// 16 hex digits is converted on open without losing its search index.
#include <algorithm>
#include <catch2/catch.hpp>
#include <climits>

#include "store/hashing.h"
#include "store/search.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Article putin_in(const std::string& id, const std::string& text) {
  Article a = article(id, text);
  add_entity(a, "Putin", EntityType::kPerson);
  add_entity(a, "Pyongyang", EntityType::kLocation);
  add_relation(a, "Putin", Predicate::kVisit, "Pyongyang");
  return a;
}

// The ids of the articles whose sentences hold `word`.
std::vector<std::string> found(store::Store& store, const std::string& word) {
  store::SentenceSearch s;
  s.q = word;
  std::vector<store::SentenceHit> hits;
  int64_t total = 0;
  REQUIRE(store::search_sentences(store, s, &hits, &total).is_ok());
  std::vector<std::string> ids;
  for (const store::SentenceHit& h : hits) ids.push_back(h.doc_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("copies that differ in case, accents and spacing hash alike; short sentences do not hash",
          "[store][hash]") {
  const auto h = store::sentence_hash("Putin tiba di Pyongyang pada hari Rabu malam.");
  REQUIRE(h.has_value());
  CHECK(store::sentence_hash("PUTIN tiba di  Pyongyang, pada hari Rabu malam") == h);
  CHECK(store::sentence_hash("Putin tiba di Pyongyang pada hari Kamis malam.") != h);
  CHECK_FALSE(store::sentence_hash("Putin tiba.").has_value());
}

TEST_CASE("an article's content hash is core/fnv.h's 64 bits as 16 lowercase hex digits",
          "[store][hash]") {
  // Stores keep it to know an article met again: neither the hash nor its form may change.
  CHECK(store::hash_hex("") == "14650fb0739d0383");
  CHECK(store::hash_hex("a") == "44bd8ad473cd9906");
  CHECK(store::hash_of_hex(store::hash_hex("Putin")) ==
        store::hash_of_hex(store::content_hash("Putin")));
}

TEST_CASE("a hash written as 16 hex digits reads as the integer the store keeps", "[store][hash]") {
  CHECK(store::hash_of_hex("00000000000000ff") == 255);
  CHECK(store::hash_of_hex("ffffffffffffffff") == -1);
  CHECK(store::hash_of_hex("8000000000000000") == INT64_MIN);
  for (const char* bad : {"", "ff", "00000000000000fg", "00000000000000FF", "000000000000000000"}) {
    INFO(bad);
    CHECK_FALSE(store::hash_of_hex(bad).has_value());
  }
}

TEST_CASE(
    "a schema-8 store's hex sentence hashes become integers on open, and copies are still found",
    "[store][hash]") {
  auto db = temp_dir() + "/g.db";
  const std::string text = "Putin tiba di Pyongyang pada hari Rabu malam.";
  {
    auto store = open_store(db);
    ingest(*store, putin_in("gone", "Putin pulang dari Pyongyang pada hari Kamis pagi."));
    ingest(*store, putin_in("a", text));
    ingest(*store, putin_in("short", "Putin tiba."));
    bool removed = false;
    REQUIRE(store->remove("gone", &removed).is_ok());  // a gap in the rowids the index refers to
  }
  const int64_t a_rowid = scalar(
      db, "SELECT s.rowid FROM sentences s JOIN documents d USING (doc_key) WHERE d.id = 'a'");
  REQUIRE(a_rowid > 1);
  // What schema 8 kept: the hash as 16 hex digits, '' for a sentence too short to hash.
  REQUIRE(run_sql(db, R"SQL(
    CREATE TABLE sentences_v8 (doc_key INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
      end INTEGER NOT NULL, text TEXT NOT NULL, hash TEXT NOT NULL, syndicated INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (doc_key, idx));
    INSERT INTO sentences_v8(rowid, doc_key, idx, start, end, text, hash, syndicated)
      SELECT rowid, doc_key, idx, start, end, text, CASE WHEN hash IS NULL THEN '' ELSE printf('%016x', hash) END, syndicated FROM sentences;
    DROP TABLE sentences;
    ALTER TABLE sentences_v8 RENAME TO sentences;
    CREATE INDEX sentences_by_hash ON sentences(hash);
    PRAGMA user_version = 8;)SQL") == 0);
  REQUIRE(scalar(db, "SELECT COUNT(*) FROM sentences WHERE typeof(hash) = 'text' AND hash <> ''") ==
          1);
  auto store = open_store(db);  // migrates
  CHECK(scalar(db, "SELECT COUNT(*) FROM sentences WHERE typeof(hash) = 'integer'") == 1);
  CHECK(scalar(db, "SELECT COUNT(*) FROM sentences WHERE hash IS NULL") == 1);
  CHECK(scalar(db, "SELECT hash FROM sentences WHERE hash IS NOT NULL") ==
        *store::sentence_hash(text));
  CHECK(
      scalar(db,
             "SELECT s.rowid FROM sentences s JOIN documents d USING (doc_key) WHERE d.id = 'a'") ==
      a_rowid);
  CHECK(found(*store, "rabu") == std::vector<std::string>{"a"});
  // A copy ingested after the upgrade is known as one, and stands alone once the first goes.
  Article copy =
      putin_in("b", text + " Baca juga: berita lain.");  // another article, the same sentence
  copy.x.sentences[0].span.end = static_cast<uint32_t>(text.size());
  ingest(*store, copy);
  CHECK(scalar(db,
               "SELECT s.syndicated FROM sentences s JOIN documents d USING (doc_key) WHERE d.id = "
               "'b'") == 1);
  CHECK(found(*store, "rabu") == (std::vector<std::string>{"a", "b"}));
  bool removed = false;
  REQUIRE(store->remove("a", &removed).is_ok());
  REQUIRE(removed);
  CHECK(scalar(db,
               "SELECT s.syndicated FROM sentences s JOIN documents d USING (doc_key) WHERE d.id = "
               "'b'") == 0);
  CHECK(found(*store, "rabu") == std::vector<std::string>{"b"});
  // The index itself dropped the removed article's sentence: the rebuilt table has its triggers.
  CHECK(scalar(db, "SELECT COUNT(*) FROM sentence_search WHERE sentence_search MATCH 'rabu'") == 1);
}
