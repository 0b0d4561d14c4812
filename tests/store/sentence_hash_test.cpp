// Sentence hashes find syndicated copies: copies that differ in case, accents and spacing
// hash alike, the store keeps the hash as an integer (schema 9), and a store that kept
// 16 hex digits is converted on open without losing its search index.
#include <algorithm>
#include <catch2/catch.hpp>
#include <climits>
#include <cstdint>
#include <optional>

#include "core/fnv.h"
#include "core/text.h"
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

TEST_CASE("an article's content hash is 128 bits as 32 lowercase hex digits, fixed for good",
          "[store][hash]") {
  // Stores keep it to know an article met again: neither the hash nor its form may change.
  CHECK(store::content_hash("") == "c3f49c40543bf2b7c001f26eaae4d7e5");
  CHECK(store::content_hash("Putin tiba di Pyongyang pada hari Rabu malam.") == "c74635d6e0c52eebd3eece89b0476b99");
  for (const std::string& text : {std::string(""), std::string("a"), std::string(1000, 'x')}) {
    const std::string h = store::content_hash(text);
    CHECK(h.size() == 32);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
}

TEST_CASE("a content hash changes with any one byte, in the 16-byte steps and in the tail",
          "[store][hash]") {
  const std::string text = "Kim Jong Un mengundang Vladimir Putin ke Pyongyang.";  // 3 steps and a tail
  const std::string h = store::content_hash(text);
  for (size_t at = 0; at < text.size(); ++at) {
    std::string changed = text;
    changed[at] = static_cast<char>(changed[at] ^ 1);
    INFO(at);
    CHECK(store::content_hash(changed) != h);
  }
  // Bytes the tail pads with are told apart by the length.
  CHECK(store::content_hash(std::string("a", 1)) != store::content_hash(std::string("a\0", 2)));
  CHECK(store::content_hash(text.substr(0, 32)) != store::content_hash(text.substr(0, 32) + std::string(16, '\0')));
}

TEST_CASE("the content hash of stores before schema 10 is core/fnv.h's 64 bits as 16 hex digits",
          "[store][hash]") {
  // Those stores still hold it: an article they keep is recognised by it.
  CHECK(store::hash_hex("") == "14650fb0739d0383");
  CHECK(store::hash_hex("a") == "44bd8ad473cd9906");
  CHECK(store::legacy_content_hash("Putin") == store::hash_hex("Putin"));
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

TEST_CASE("a store from before schema 10 still knows its articles by their older content hashes",
          "[store][hash]") {
  auto db = temp_dir() + "/g.db";
  const std::string text = "Putin tiba di Pyongyang pada hari Rabu malam.";
  const std::string other = "Putin pulang dari Pyongyang pada hari Kamis pagi.";
  {
    auto store = open_store(db);
    ingest(*store, putin_in("a", text));
    ingest(*store, putin_in("b", other));
    ingest(*store, putin_in("c", other + " Lagi."));
  }
  // What schema 9 kept: FNV-1a's 16 hex digits, and no count of them.
  REQUIRE(run_sql(db, "UPDATE documents SET content_hash = CASE id WHEN 'a' THEN '" + store::legacy_content_hash(text) +
                          "' WHEN 'b' THEN '" + store::legacy_content_hash(other) + "' ELSE '" +
                          store::legacy_content_hash(other + " Lagi.") +
                          "' END; DELETE FROM meta WHERE key = 'legacy_content_hashes'; PRAGMA user_version = 9;") == 0);
  auto store = open_store(db);  // migrates
  CHECK(scalar(db, "SELECT value FROM meta WHERE key = 'legacy_content_hashes'") == 3);
  store::IngestResult r;
  ingest(*store, putin_in("a", text), &r);
  CHECK(r.outcome == store::IngestOutcome::kUnchanged);
  ingest(*store, putin_in("copy-of-a", text), &r);
  CHECK(r.outcome == store::IngestOutcome::kUnchanged);
  CHECK(r.doc_id == "a");
  store::IngestOptions again;
  again.reextract = true;
  Article b = putin_in("b", other);
  REQUIRE(store->ingest(b.doc, b.x, again, &r).is_ok());
  CHECK(r.outcome == store::IngestOutcome::kReextracted);  // the same text, its old hash
  ingest(*store, putin_in("c", other + " Lagi!"), &r);
  CHECK(r.outcome == store::IngestOutcome::kReplaced);
  // Rows written since hold the new form.
  CHECK(scalar(db, "SELECT COUNT(*) FROM documents WHERE length(content_hash) = 32") == 2);
}

TEST_CASE("a store created new holds no content hash of the older form", "[store][hash]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, putin_in("a", "Putin tiba di Pyongyang pada hari Rabu malam."));
  CHECK(scalar(db, "SELECT value FROM meta WHERE key = 'legacy_content_hashes'") == 0);
  CHECK(scalar(db, "SELECT length(content_hash) FROM documents") == 32);
}

namespace {

// The sentence hash by its definition: FNV-1a over the letters, digits and non-ASCII
// bytes of fold_key(sentence), nullopt under 24 of them.
std::optional<int64_t> hash_by_definition(std::string_view sentence) {
  std::string compact;
  for (char c : text::fold_key(sentence))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) compact.push_back(c);
  if (compact.size() < 24) return std::nullopt;
  return static_cast<int64_t>(fnv1a(compact));
}

}  // namespace

TEST_CASE("the one-pass sentence hash equals its definition, on written cases and on the pool's sentences", "[store]") {
  const std::vector<std::string> written = {
      "Putin tiba di Pyongyang pada hari Rabu malam.",
      "\xE2\x80\x9CKami tidak akan mundur,\xE2\x80\x9D kata Menteri Luar Negeri \xC3\x89" "douard Philippe \xE2\x80\x94 lagi.",
      "S\xC3\xA3o Tom\xC3\xA9 dan Pr\xC3\xADncipe, M\xC3\xBCnchen; \xC3\x85land \xE2\x80\x93 DAS STRA\xC3\x9F"
      "E 12_000 \xE2\x80\x98kutipan\xE2\x80\x99 (catatan) \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE5\x8C\x97\xE4\xBA\xAC",
      "Pendek.",
      "\xC2\xA0\xE2\x80\x8B  --  __  ..",
      ""};
  for (const std::string& s : written) {
    INFO(s);
    CHECK(store::sentence_hash(s) == hash_by_definition(s));
  }
  // The first 300 pool lines: JSON lines of text with quotes, dashes, escapes and
  // accents, checked whole and in 150-byte pieces.
  const std::vector<std::string> lines = pool_pieces(300, SIZE_MAX), pieces = pool_pieces(300, 150);
  if (lines.empty()) {
    WARN("../shared is absent: the pool's sentences are not checked");
    return;
  }
  for (const std::string& line : lines) CHECK(store::sentence_hash(line) == hash_by_definition(line));
  size_t checked = 0;
  for (const std::string& piece : pieces) {
    if (store::sentence_hash(piece) != hash_by_definition(piece)) FAIL_CHECK(piece);
    ++checked;
  }
  CHECK(checked > 1000);
}
