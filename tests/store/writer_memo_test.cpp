// The writer's memo of stored names (store/writer_memo.h) skips look-ups only where SQL
// would have found nothing: names another connection stored since, and rows a rollback
// took back, are not taken from a memo that no longer holds.
#include "store/writer_memo.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>

#include "store/store.h"
#include "store/store_internal.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Article naming(const std::string& id,
               const std::vector<std::pair<std::string, std::string>>& names) {
  std::string text = "Berita " + id + ": ";  // no two articles alike
  for (const auto& [label, gazetteer_id] : names) text += label + " hadir. ";
  Article a = article(id, text);
  for (const auto& [label, gazetteer_id] : names)
    add_entity(a, label, gazetteer_id.empty() ? EntityType::kPerson : EntityType::kCountry,
               gazetteer_id);
  return a;
}

}  // namespace

TEST_CASE("a hash filter finds every key added, and almost never one that was not",
          "[store][memo]") {
  store::HashFilter filter;
  CHECK_FALSE(filter.may_contain("jakarta"));
  for (int i = 0; i < 20000; ++i) filter.add("name " + std::to_string(i));
  filter.add("");
  CHECK(filter.size() == 20001);
  int missed = 0, false_hits = 0;
  for (int i = 0; i < 20000; ++i) {
    missed += !filter.may_contain("name " + std::to_string(i));
    false_hits += filter.may_contain("other " + std::to_string(i));
  }
  CHECK(missed == 0);
  CHECK(filter.may_contain(""));
  CHECK(false_hits <= 1);  // 64-bit hashes: a shared one is a one-in-billions event
  filter.clear();
  CHECK_FALSE(filter.may_contain("name 1"));
}

TEST_CASE(
    "a name another connection stored after this writer's last article is merged with, not made "
    "twice",
    "[store][memo]") {
  const std::string path = temp_dir() + "/memo_two_writers.db";
  auto first = open_store(path);
  ingest(*first, naming("a1", {{"Ani Susanti", ""}}));  // the first writer's memo is loaded here
  {
    auto second = open_store(path);
    ingest(*second, naming("b1", {{"Budi Santoso", ""}}));
  }
  ingest(*first, naming("a2", {{"Budi Santoso", ""}}));
  CHECK(scalar(path, "SELECT COUNT(*) FROM documents") == 3);
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities WHERE label = 'Budi Santoso'") == 1);
  CHECK(scalar(path, "SELECT COUNT(*) FROM doc_entities WHERE label = 'Budi Santoso'") == 2);
  CHECK(
      scalar(path,
             "SELECT COUNT(DISTINCT entity_key) FROM doc_entities WHERE label = 'Budi Santoso'") ==
      1);
}

TEST_CASE(
    "a gazetteer entity an article made in a batch that was rolled back is not merged into later",
    "[store][memo]") {
  const std::string path = temp_dir() + "/memo_rollback.db";
  { open_store(path); }
  REQUIRE(
      run_sql(path,
              "CREATE TRIGGER refuse_boom BEFORE INSERT ON doc_entities WHEN NEW.label = 'Boom' "
              "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;") == SQLITE_OK);
  {
    auto store = open_store(path);
    REQUIRE(store->begin_batch().is_ok());
    store::IngestResult r;
    const Article failing = naming("failing", {{"Negeri Antah", "negeri_antah"}, {"Boom", ""}});
    REQUIRE_FALSE(store->ingest(failing.doc, failing.x, &r).is_ok());
    // The entity key the rolled-back country had goes to the next new entity.
    const Article after =
        naming("after", {{"Citra Lestari", ""}, {"Negeri Antah", "negeri_antah"}});
    REQUIRE(store->ingest(after.doc, after.x, &r).is_ok());
    REQUIRE(store->commit_batch().is_ok());
  }
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities") == 2);
  CHECK(scalar(
            path,
            "SELECT COUNT(*) FROM entities WHERE id = 'negeri_antah' AND label = 'Negeri Antah'") ==
        1);
  CHECK(scalar(path,
               "SELECT COUNT(DISTINCT entity_key) FROM doc_entities WHERE doc_key IN "
               "(SELECT doc_key FROM documents WHERE id = 'after')") == 2);
}

TEST_CASE("a namesake stored after its name's pile was kept in memory is found by the next article",
          "[store][memo]") {
  const std::string path = temp_dir() + "/memo_pile.db";
  auto store = open_store(path);
  auto ahmad_of = [](const std::string& id, const std::string& party) {
    Article a = article(id, "Berita " + id + ": Ahmad, anggota " + party + ", hadir.");
    add_entity(a, "Ahmad", EntityType::kPerson);
    add_entity(a, party, EntityType::kOrganization);
    add_relation(a, "Ahmad", Predicate::kMemberOf, party);
    return a;
  };
  // Eight men named Ahmad, each of his own party: a bare name untied is a new person.
  for (int i = 1; i <= 8; ++i)
    ingest(*store, ahmad_of("a" + std::to_string(i), "Partai " + std::to_string(i)));
  ingest(*store, ahmad_of("again", "Partai 1"));   // the pile of eight, kept since "ahmad" was first read
  ingest(*store, ahmad_of("new", "Partai Baru"));  // a ninth Ahmad, after the pile was kept
  ingest(*store, ahmad_of("new-again", "Partai Baru"));
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities WHERE label = 'Ahmad'") == 9);
  CHECK(
      scalar(
          path,
          "SELECT COUNT(DISTINCT de.entity_key) FROM doc_entities de JOIN documents d "
          "ON d.doc_key = de.doc_key WHERE de.label = 'Ahmad' AND d.id IN ('new', 'new-again')") ==
      1);
  CHECK(scalar(path,
               "SELECT COUNT(DISTINCT de.entity_key) FROM doc_entities de JOIN documents d "
               "ON d.doc_key = de.doc_key WHERE de.label = 'Ahmad' AND d.id IN ('a1', 'again')") ==
        1);
}

TEST_CASE("the memo reads the stored keys only at the write after the number it waits for, and asks SQL before",
          "[store][memo]") {
  auto store = open_store(temp_dir() + "/memo_wait.db");
  ingest(*store, naming("a1", {{"Ani Susanti", ""}}));
  store::WriterMemo memo(2);
  store::Db& db = store->impl().db;
  for (int write = 1; write <= 2; ++write) {
    memo.prepare(db);
    CHECK_FALSE(memo.loaded());
    CHECK(memo.may_have_alias_key("nama yang tidak ada"));  // unknown: SQL is asked
  }
  memo.prepare(db);
  CHECK(memo.loaded());
  CHECK(memo.may_have_alias_key("ani susanti"));
  CHECK_FALSE(memo.may_have_alias_key("nama yang tidak ada"));
}

namespace {

// Every article entity with the stored entity it joined (id, label, type), by article.
std::string merges_of(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "SELECT d.id || ' ' || de.label || ' -> ' || e.id || ' ' || e.label || ' ' || e.type "
                             "FROM doc_entities de JOIN documents d ON d.doc_key = de.doc_key "
                             "JOIN entities e ON e.entity_key = de.entity_key ORDER BY d.id, de.label",
                             -1, &q, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(q) == SQLITE_ROW) out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) + "\n";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

}  // namespace

TEST_CASE("with the memo's piles of namesakes, every merge is decided as SQL alone decides it", "[store][memo]") {
  // A name guessed a person, then typed a place by more articles than guessed it (its type
  // is voted again, and a kept pile must say so); a name two things go by; a bare name
  // met with and without the party it belongs to.
  struct Named {
    std::string label;
    EntityType type;
    bool guessed;
  };
  const std::vector<std::vector<Named>> articles = {
      {{"Kelapa Gading", EntityType::kPerson, true}, {"Budi Santoso", EntityType::kPerson, false}},
      {{"Kelapa Gading", EntityType::kPerson, true}},
      {{"Kelapa Gading", EntityType::kLocation, false}, {"Budi Santoso", EntityType::kOrganization, false}},
      {{"Kelapa Gading", EntityType::kLocation, false}},
      {{"Kelapa Gading", EntityType::kLocation, false}, {"Ahmad", EntityType::kPerson, false}},
      {{"Kelapa Gading", EntityType::kPerson, true}, {"Budi Santoso", EntityType::kPerson, false}},
      {{"Kelapa Gading", EntityType::kLocation, false}, {"Ahmad", EntityType::kPerson, false}},
      {{"Budi Santoso", EntityType::kOrganization, false}, {"Kelapa Gading", EntityType::kPerson, true}},
  };
  auto write = [&](const std::string& path, size_t memo_after) {
    std::unique_ptr<store::Store> store;
    store::StoreOptions options;
    options.memo_after_articles = memo_after;
    REQUIRE(store::Store::open(path, options, &store).is_ok());
    for (size_t i = 0; i < articles.size(); ++i) {
      std::string text = "Berita " + std::to_string(i) + ":";
      for (const Named& n : articles[i]) text += " " + n.label + " hadir.";
      Article a = article("n" + std::to_string(i), text);
      for (const Named& n : articles[i]) {
        add_entity(a, n.label, n.type);
        a.x.entities.back().type_guessed = n.guessed;
      }
      ingest(*store, a);
    }
  };
  const std::string with_memo = temp_dir() + "/piles_memo.db", sql_only = temp_dir() + "/piles_sql.db";
  write(with_memo, 0);
  write(sql_only, 1'000'000);
  const std::string merges = merges_of(sql_only);
  INFO(merges);
  CHECK(merges_of(with_memo) == merges);
  // The name the places outvoted is one place in the end, not a person beside a place.
  CHECK(scalar(sql_only, "SELECT COUNT(*) FROM entities WHERE label = 'Kelapa Gading'") ==
        scalar(with_memo, "SELECT COUNT(*) FROM entities WHERE label = 'Kelapa Gading'"));
}
