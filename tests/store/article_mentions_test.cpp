// An article entity's mentions kept as one blob in its doc_entities row
// (store/article_mentions.h): the compact form, the SQL filter by sentence, and the
// upgrade from a store that kept a row per mention.
#include <catch2/catch.hpp>

#include "store/article_mentions.h"
#include "store/schema.h"
#include "store/varint.h"
#include "store/search.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Mention mention(uint32_t sentence, uint32_t start, uint32_t end, const std::string& text) {
  Mention m;
  m.sentence = sentence;
  m.span = {start, end};
  m.text = text;
  return m;
}

bool same(const std::vector<Mention>& a, const std::vector<Mention>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].sentence != b[i].sentence || a[i].span.start != b[i].span.start || a[i].span.end != b[i].span.end ||
        a[i].text != b[i].text)
      return false;
  return true;
}

}  // namespace

TEST_CASE("an entity's mentions survive their compact form, and bytes it did not write are refused",
          "[store][mentions]") {
  const std::vector<Mention> mentions = {
      mention(0, 12, 26, "Vladimir Putin"), mention(3, 400, 405, "Putin"),  mention(3, 470, 475, "Putin"),
      mention(1, 90, 95, "Putin"),          mention(7, 70000, 70016, "Presiden Rusia"), mention(7, 0, 0, ""),
      mention(9, 5, 12, "Pútin\xE2\x80\x99s"),
  };
  const std::string bytes = store::encode_mentions(mentions);
  std::vector<Mention> back;
  REQUIRE(store::decode_mentions(bytes, &back));
  CHECK(same(back, mentions));
  auto times = [&](const std::string& word) {
    size_t n = 0;
    for (size_t at = bytes.find(word); at != std::string::npos; at = bytes.find(word, at + 1)) ++n;
    return n;
  };
  CHECK(times("Putin") == 2);  // in "Vladimir Putin", and once for its three mentions as "Putin"

  for (size_t cut = 1; cut < bytes.size(); ++cut) {
    std::vector<Mention> partial;
    CHECK_FALSE(store::decode_mentions(bytes.substr(0, cut), &partial));
  }
  std::vector<Mention> none;
  CHECK(store::decode_mentions("", &none));
  CHECK(none.empty());
  CHECK_FALSE(store::decode_mentions(bytes + "x", &none));           // bytes past the last mention
  CHECK_FALSE(store::decode_mentions(std::string("\x01\x00\x00\x00\x05", 5), &none));  // a text never given
  // A sentence past 32 bits, and a length that would wrap, are no mentions encode writes.
  std::string past;
  store::put_varint(1, &past);
  store::put_varint(store::zigzag(int64_t{1} << 32), &past);
  past += std::string("\x00\x00\x00\x00", 4);
  CHECK_FALSE(store::decode_mentions(past, &none));
  std::string wrapping("\x01\x00\x00", 3);
  store::put_varint(~uint64_t{0}, &wrapping);
  wrapping += std::string("\x00\x00", 2);
  CHECK_FALSE(store::decode_mentions(wrapping, &none));
}

TEST_CASE("an entity's mentions tell which sentences name it", "[store][mentions]") {
  const std::string bytes = store::encode_mentions({mention(4, 10, 15, "Putin"), mention(2, 0, 5, "Putin")});
  CHECK(store::mentions_sentence(bytes, 4));
  CHECK(store::mentions_sentence(bytes, 2));
  CHECK_FALSE(store::mentions_sentence(bytes, 3));
  CHECK_FALSE(store::mentions_sentence("", 0));
  CHECK_FALSE(store::mentions_sentence("\x7f", 0));  // unreadable: names nothing
}

TEST_CASE("sentences searched for one entity are those its article entity is mentioned in", "[store][mentions]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  Article a = article("a", "Putin bertemu Kim di Moskow. Kim pulang bersama Lavrov.");
  a.x.sentences = {{{0, 28}}, {{29, 55}}};
  add_entity(a, "Kim", EntityType::kPerson);
  a.x.entities.back().mentions = {mention(0, 14, 17, "Kim"), mention(1, 29, 32, "Kim")};
  add_entity(a, "Putin", EntityType::kPerson);
  a.x.entities.back().mentions = {mention(0, 0, 5, "Putin")};
  add_entity(a, "Lavrov", EntityType::kPerson);
  a.x.entities.back().mentions = {mention(1, 48, 54, "Lavrov")};
  add_relation(a, "Putin", Predicate::kMeet, "Kim");
  add_relation(a, "Kim", Predicate::kMeet, "Lavrov");
  a.x.relations.back().evidence.back().sentence = 1;
  a.x.relations.back().evidence.back().span = a.x.sentences[1].span;
  ingest(*store, a);
  auto hits_for = [&](const std::string& q, const std::string& entity) {
    store::SentenceSearch s;
    s.q = q;
    s.entity = scalar(db, "SELECT entity_key FROM entities WHERE label = '" + entity + "'");
    std::vector<store::SentenceHit> hits;
    int64_t total = 0;
    REQUIRE(store::search_sentences(*store, s, &hits, &total).is_ok());
    return total;
  };
  CHECK(hits_for("kim", "Kim") == 2);
  CHECK(hits_for("kim", "Putin") == 1);
  CHECK(hits_for("pulang", "Putin") == 0);
  CHECK(hits_for("pulang", "Lavrov") == 1);
}

TEST_CASE("a version 7 store's mention rows fold into their article entities on open", "[store][mentions]") {
  auto db = temp_dir() + "/g.db";
  {
    auto store = open_store(db);
    Article a = article("a", "Kim Jong Un datang. Kim pulang.");
    add_entity(a, "Kim Jong Un", EntityType::kPerson);
    ingest(*store, a);
  }
  // What version 7 kept: a row per mention, and no blob in doc_entities.
  REQUIRE(run_sql(db, R"SQL(
    CREATE TABLE mentions (doc_entity_key INTEGER NOT NULL, sentence INTEGER NOT NULL, start INTEGER NOT NULL,
                           end INTEGER NOT NULL, text TEXT NOT NULL);
    CREATE INDEX mentions_by_doc_entity ON mentions(doc_entity_key);
    INSERT INTO mentions SELECT doc_entity_key, 0, 0, 11, 'Kim Jong Un' FROM doc_entities;
    INSERT INTO mentions SELECT doc_entity_key, 1, 20, 23, 'Kim' FROM doc_entities;
    ALTER TABLE doc_entities DROP COLUMN mentions;
    ALTER TABLE doc_entities DROP COLUMN mention_count;
    PRAGMA user_version = 7;)SQL") == 0);
  auto store = open_store(db);  // migrates
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == store::kSchemaVersion);
  CHECK(scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'mentions%'") == 0);
  CHECK(scalar(db, "SELECT mention_count FROM doc_entities") == 2);
  store::StoreCounts counts;
  REQUIRE(store->counts(&counts).is_ok());
  CHECK(counts.mentions == 2);
  // Both texts, in order: "Kim Jong Un", then "Kim" after it.
  CHECK(scalar(db, "SELECT instr(substr(mentions, instr(mentions, CAST('Kim Jong Un' AS BLOB)) + 11), "
                   "CAST('Kim' AS BLOB)) > 0 FROM doc_entities") == 1);
}
