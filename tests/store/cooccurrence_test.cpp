// Co-occurrence kept as one row per pair and a per-article list of pairs, with its
// sentences answered on demand (store/cooccurrences.h).
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/cooccurrences.h"
#include "store/store_internal.h"
#include "store/queries.h"
#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

// An article of `sentences` sentences ("... bicara ke-N di ID."), each naming Vladimir
// Putin and Kim Jong Un together, published on `date`.
Article named_together(const std::string& id, int sentences, const std::string& date) {
  std::string text;
  std::vector<Span> spans;
  for (int i = 0; i < sentences; ++i) {
    const auto start = static_cast<uint32_t>(text.size());
    text += "Vladimir Putin dan Kim Jong Un bicara ke-" + std::to_string(i) + " di " + id + ". ";
    spans.push_back({start, static_cast<uint32_t>(text.size() - 1)});
  }
  Article a = article(id, text);
  a.doc.published = date;
  a.x.sentences.clear();
  for (Span s : spans) a.x.sentences.push_back({s});
  add_entity(a, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  add_entity(a, "Kim Jong Un", EntityType::kPerson, "kim_jong_un");
  for (int i = 0; i < sentences; ++i) {  // kim_jong_un (added second) sorts first
    a.x.cooccurrences.push_back({1, 0, static_cast<uint32_t>(i)});
  }
  return a;
}

struct Row {
  int64_t key = 0, weight = 0, independent = 0, evidence = 0;
  std::string first_seen, last_seen;
};

// The CO_OCCURS rows as `db` sees them, in key order.
std::vector<Row> rows_in(store::Db& db) {
  std::vector<Row> rows;
  store::Statement q = db.prepare(
      "SELECT relation_key, weight, independent, evidence_count, first_seen, last_seen "
      "FROM relations WHERE predicate = 0 /* CO_OCCURS */ ORDER BY relation_key");
  while (q.step())
    rows.push_back({q.column_int(0), q.column_int(1), q.column_int(2), q.column_int(3), q.column_text(4),
                    q.column_text(5)});
  return rows;
}

// The same, read from the store file at `path` on a connection of its own.
std::vector<Row> cooccurrence_rows(const std::string& path) {
  store::StoreOptions options;
  options.create = false;
  options.read_only = true;
  std::unique_ptr<store::Store> reader;
  REQUIRE(store::Store::open(path, options, &reader).is_ok());
  return rows_in(reader->impl().db);
}

std::vector<store::EvidenceRow> evidence_of(store::Store& store, int64_t relation, int64_t after, size_t limit,
                                            int64_t* total) {
  std::vector<store::EvidenceRow> rows;
  REQUIRE(store::relation_evidence(store, relation, after, limit, &rows, total).is_ok());
  return rows;
}

}  // namespace

TEST_CASE("an article's pairs survive their compact form, and bytes it did not write are refused",
          "[store][cooccurrence]") {
  const std::vector<std::vector<store::ArticlePair>> accepted = {
      {},
      {{7, 9, {0}}},
      {{1000, 12, {3, 1, 200000}}, {12, 13, {}}, {5'000'000'000, 5'000'000'001, {4'000'000'000u}}},
  };
  for (const auto& pairs : accepted) {
    std::vector<store::ArticlePair> back;
    REQUIRE(store::decode_article_pairs(store::encode_article_pairs(pairs), &back));
    REQUIRE(back.size() == pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i) {
      CHECK(back[i].first == pairs[i].first);
      CHECK(back[i].second == pairs[i].second);
      std::vector<uint32_t> sorted = pairs[i].sentences;
      std::sort(sorted.begin(), sorted.end());
      CHECK(back[i].sentences == sorted);
    }
  }
  const std::string good = store::encode_article_pairs({{7, 9, {0, 2}}});
  const std::vector<std::string> refused = {
      "",                                // no count
      good.substr(0, good.size() - 1),   // cut short
      good + "x",                        // bytes after the end
      std::string("\x05\x00", 2),        // five pairs announced, none there
      std::string(11, '\xff'),           // a number that never ends
  };
  for (const std::string& bytes : refused) {
    std::vector<store::ArticlePair> out;
    CHECK_FALSE(store::decode_article_pairs(bytes, &out));
  }
}

TEST_CASE("co-occurrence is one row per pair with counts, and its sentences are answered from the articles",
          "[store][cooccurrence]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, named_together("a", 2, "2024-01-05"));
  ingest(*store, named_together("b", 1, "2024-03-01"));
  auto rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].weight == 2);
  CHECK(rows[0].independent == 2);
  CHECK(rows[0].evidence == 3);
  CHECK(rows[0].first_seen == "2024-01-05");
  CHECK(rows[0].last_seen == "2024-03-01");
  CHECK(scalar(db, "SELECT COUNT(*) FROM evidence") == 0);

  int64_t total = 0;
  auto page = evidence_of(*store, rows[0].key, 0, 2, &total);
  CHECK(total == 3);
  REQUIRE(page.size() == 2);
  CHECK(page[0].doc_id == "a");
  CHECK(page[0].sentence == "Vladimir Putin dan Kim Jong Un bicara ke-0 di a.");
  CHECK(page[1].sentence == "Vladimir Putin dan Kim Jong Un bicara ke-1 di a.");
  CHECK(page[1].sentence_index == 1);
  CHECK(page[0].rule == store::kCooccurrenceRule);
  auto rest = evidence_of(*store, rows[0].key, page[1].key, 2, &total);
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].doc_id == "b");

  store::StoreCounts counts;
  REQUIRE(store->counts(&counts).is_ok());
  CHECK(counts.evidence == 3);
}

TEST_CASE("removing an article takes its co-occurrence out and redoes the dates it bounded",
          "[store][cooccurrence]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, named_together("early", 1, "2020-01-01"));
  ingest(*store, named_together("middle", 2, "2021-06-01"));
  ingest(*store, named_together("late", 1, "2023-01-01"));
  bool found = false;
  REQUIRE(store->remove("late", &found).is_ok());
  auto rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].weight == 2);
  CHECK(rows[0].evidence == 3);
  CHECK(rows[0].last_seen == "2021-06-01");
  REQUIRE(store->remove("early", &found).is_ok());
  rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].first_seen == "2021-06-01");
  CHECK(rows[0].evidence == 2);
  REQUIRE(store->remove("middle", &found).is_ok());
  CHECK(cooccurrence_rows(db).empty());
  CHECK(scalar(db, "SELECT COUNT(*) FROM cooccurrences") == 0);
}

TEST_CASE("a copied sentence's co-occurrence counts once as independent until the first copy goes",
          "[store][cooccurrence]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, named_together("outlet-a", 1, "2024-01-01"));
  Article copy = named_together("outlet-a", 1, "2024-01-02");
  copy.doc.id = copy.x.doc = "outlet-b";
  copy.doc.text += " Baca juga.";  // another text, the same sentence
  ingest(*store, copy);
  auto rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].weight == 2);
  CHECK(rows[0].independent == 1);
  bool found = false;
  REQUIRE(store->remove("outlet-a", &found).is_ok());
  rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].weight == 1);
  CHECK(rows[0].independent == 1);
}

TEST_CASE("curating a merge and taking it back moves co-occurrence with the names", "[store][cooccurrence]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  auto with_putin = [](const std::string& id, const std::string& name) {
    Article a = article(id, name + " dan Vladimir Putin.");
    add_entity(a, name, EntityType::kPerson);
    add_entity(a, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
    add_relation(a, name, Predicate::kCoOccurs, "Vladimir Putin");
    return a;
  };
  ingest(*store, with_putin("a", "Jokowi"));
  ingest(*store, with_putin("b", "Joko Widodo"));
  REQUIRE(cooccurrence_rows(db).size() == 2);
  store::Overrides merge;
  merge.merge.push_back({"Joko Widodo", "Jokowi"});
  store::CurateReport report;
  REQUIRE(store->curate(merge, &report).is_ok());
  auto rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].weight == 2);
  CHECK(rows[0].evidence == 2);
  int64_t total = 0;
  evidence_of(*store, rows[0].key, 0, 10, &total);
  CHECK(total == 2);

  store::Overrides apart;
  apart.never.emplace_back("Joko Widodo", "Jokowi");
  REQUIRE(store->curate(apart, &report).is_ok());
  rows = cooccurrence_rows(db);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].weight == 1);
  CHECK(rows[1].weight == 1);
}

TEST_CASE("a version 3 store's co-occurrence evidence moves into its articles' pairs on open",
          "[store][cooccurrence]") {
  auto db = temp_dir() + "/g.db";
  {
    auto store = open_store(db);
    ingest(*store, named_together("a", 2, "2024-01-05"));
  }
  const auto before = cooccurrence_rows(db);
  REQUIRE(before.size() == 1);
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  // What version 3 wrote: one evidence row per sentence, no `cooccurrences` table.
  const char* v3 = R"SQL(
    INSERT INTO evidence(relation_key, doc_key, sentence, subject_doc_entity, object_doc_entity, predicate,
                         cue, rule, modality, confidence)
    SELECT r.relation_key, d.doc_key, s.idx, x.doc_entity_key, y.doc_entity_key, 'CO_OCCURS', '',
           'sentence.cooccurs', 'asserted', 0.3
    FROM relations r, documents d, sentences s, doc_entities x, doc_entities y
    WHERE s.doc_key = d.doc_key AND x.local_id = 'kim_jong_un' AND y.local_id = 'vladimir_putin';
    DROP TABLE cooccurrences;
    PRAGMA user_version = 3;)SQL";
  REQUIRE(sqlite3_exec(h, v3, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
  REQUIRE(scalar(db, "SELECT COUNT(*) FROM evidence") == 2);
  auto store = open_store(db);  // migrates
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == store::kSchemaVersion);
  CHECK(scalar(db, "SELECT COUNT(*) FROM evidence") == 0);
  auto after = cooccurrence_rows(db);
  REQUIRE(after.size() == 1);
  CHECK(after[0].weight == before[0].weight);
  CHECK(after[0].evidence == 2);
  int64_t total = 0;
  auto rows = evidence_of(*store, after[0].key, 0, 10, &total);
  CHECK(total == 2);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].sentence == "Vladimir Putin dan Kim Jong Un bicara ke-1 di a.");
  bool found = false;
  REQUIRE(store->remove("a", &found).is_ok());
  CHECK(cooccurrence_rows(db).empty());
}

namespace {

// Every CO_OCCURS row as kept up by ingest and remove, then as recounted from the
// articles' pairs (in a transaction rolled back): equal when the two agree. There must be
// more than `at_least` rows, so that the comparison compares something.
void check_counts_match_a_recount(const std::string& db, size_t at_least) {
  const auto kept = cooccurrence_rows(db);
  REQUIRE(kept.size() > at_least);
  std::unique_ptr<store::Store> store = open_store(db);
  store::Db& sql = store->impl().db;
  std::vector<store::EntityPair> pairs;
  {
    store::Statement q = sql.prepare("SELECT subject_key, object_key FROM relations WHERE predicate = 0 /* CO_OCCURS */");
    while (q.step()) pairs.emplace_back(q.column_int(0), q.column_int(1));
  }
  sql.exec("BEGIN");
  for (const store::EntityPair& p : pairs) store::recount_cooccurrence(sql, p);
  const std::vector<Row> recounted = rows_in(sql);
  sql.exec("ROLLBACK");
  REQUIRE(recounted.size() == kept.size());
  size_t differ = 0;
  for (size_t i = 0; i < kept.size(); ++i) {
    const Row &a = kept[i], &b = recounted[i];
    differ += a.key != b.key || a.weight != b.weight || a.independent != b.independent ||
              a.evidence != b.evidence || a.first_seen != b.first_seen || a.last_seen != b.last_seen;
  }
  CHECK(differ == 0);
}

}  // namespace

TEST_CASE("co-occurrence counts kept article by article equal a recount from the articles, also after removals",
          "[store][cooccurrence]") {
  std::string inputs = source_dir() + "/examples";
  const auto shared = shared_dir();
  if (shared.empty()) WARN("../shared absent: the examples only");
  else inputs += " " + shared + "/corpus/dev " + shared + "/corpus/seeds";
  auto db = temp_dir() + "/g.db";
  REQUIRE(run(binary() + " ingest --quiet --db " + db + " " + inputs).exit_code == 0);
  check_counts_match_a_recount(db, shared.empty() ? 20 : 50);  // the examples alone give a few dozen
  // Take out every second article: withdrawn counts and dates must still agree.
  std::vector<std::string> ids;
  {
    auto store = open_store(db);
    std::vector<store::DocumentRow> docs;
    int64_t total = 0;
    REQUIRE(store::list_documents(*store, 0, 1000, &docs, &total).is_ok());
    for (size_t i = 0; i < docs.size(); i += 2) ids.push_back(docs[i].id);
    for (const std::string& id : ids) {
      bool found = false;
      REQUIRE(store->remove(id, &found).is_ok());
      CHECK(found);
    }
  }
  REQUIRE(ids.size() >= 2);
  check_counts_match_a_recount(db, shared.empty() ? 5 : 25);  // the examples: one article is left
}
