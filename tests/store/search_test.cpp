// Search over a real store built from short articles through the real extractor: names by
// any word, typo correction, evidence sentences with entity and date filters, and the
// index kept current by removal and rebuilt for a store from before search existed.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "store/queries.h"
#include "store/search.h"
#include "store/store.h"
#include "tests/ingest/extraction_helpers.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

const char* const kArticles[][2] = {
    {"fr-1",
     "Macron Terima Putin di Paris\nSelasa, 10 April 2018 09:00 WIB\n\nPresiden Prancis Emmanuel Macron bertemu "
     "Presiden Rusia Vladimir Putin di Paris. Ia meminta Rusia berhenti mengirim senjata ke Suriah."},
    {"kp-1",
     "Korut Uji Rudal Baru\nMinggu, 3 September 2017 08:00 WIB\n\nKorea Utara menguji rudal baru pada hari Minggu. "
     "Pemimpin Korut Kim Jong-un memuji para ilmuwan. Rusia membeli senjata dari Korea Utara, kata Amerika Serikat."},
    {"kp-2",
     "Rusia Dituduh Kirim Senjata\nMinggu, 15 Oktober 2017 08:00 WIB\n\nAmerika Serikat menuduh Rusia mengirim "
     "senjata ke Korea Utara."},
};

Document document(const char* id, const char* text) {
  Document d;
  d.id = id;
  d.text = text;
  return d;
}

void ingest_articles(store::Store& store) {
  for (const auto& [id, text] : kArticles) {
    Extraction x = extract_text(text, id);
    Document d = document(id, text);
    d.published = x.published;
    store::IngestResult r;
    REQUIRE(store.ingest(d, x, &r).is_ok());
  }
}

// Runs `sql` on the store file at `path` behind the store's back, to make it what an
// older newsgraph wrote.
void rewrite_as_older(const std::string& path, const char* sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &h) == SQLITE_OK);
  CHECK(sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
}

std::unique_ptr<store::Store> news_store(const std::string& path) {
  auto store = open_store(path);
  ingest_articles(*store);
  return store;
}

store::EntityHits search(store::Store& s, const std::string& q) {
  store::EntitySearch query;
  query.q = q;
  store::EntityHits hits;
  REQUIRE(store::search_entities(s, query, &hits).is_ok());
  return hits;
}

bool finds(store::Store& s, const std::string& q, const std::string& id) {
  auto hits = search(s, q);
  return std::any_of(hits.items.begin(), hits.items.end(), [&](const store::EntityRow& e) { return e.id == id; });
}

int64_t entity_key(store::Store& s, const std::string& name) {
  std::vector<store::EntityRow> candidates;
  REQUIRE(store::resolve_entity(s, name, &candidates).is_ok());
  REQUIRE(candidates.size() == 1);
  return candidates[0].key;
}

std::vector<store::SentenceHit> sentences(store::Store& s, store::SentenceSearch q) {
  std::vector<store::SentenceHit> hits;
  int64_t total = -1;
  REQUIRE(store::search_sentences(s, q, &hits, &total).is_ok());
  CHECK(total == static_cast<int64_t>(hits.size()));  // every test page holds them all
  return hits;
}

}  // namespace

TEST_CASE("entities are found by any word of any name, whatever the case, and punctuation finds none",
          "[store][search]") {
  auto store = news_store(temp_dir() + "/search.db");
  CHECK(search(*store, "Macron").items.at(0).label == "Emmanuel Macron");  // named in full only
  CHECK(search(*store, "macron").items.at(0).label == "Emmanuel Macron");
  CHECK(search(*store, "MACRON").corrected.empty());
  CHECK(finds(*store, "Jong", "kim_jong_un"));     // a middle word
  CHECK(finds(*store, "kim jo", "kim_jong_un"));   // words, the last one begun
  CHECK(finds(*store, "Korut", "north_korea"));    // an alias
  CHECK(search(*store, "Korut").items.at(0).matched_alias);
  auto none = search(*store, "!!! ...");
  CHECK(none.items.empty());
  CHECK(none.total == 0);
  CHECK(search(*store, "").total >= 6);  // an empty query lists every entity
}

TEST_CASE("a misspelt name is searched under the closest word of a stored name", "[store][search]") {
  auto store = news_store(temp_dir() + "/search.db");
  auto putin = search(*store, "Puttin");
  CHECK(putin.corrected == "putin");
  REQUIRE_FALSE(putin.items.empty());
  CHECK(putin.items[0].id == "vladimir_putin");
  CHECK(putin.items[0].fuzzy);
  CHECK(search(*store, "Vladimir Puttin").corrected == "vladimir putin");
  CHECK(search(*store, "Macorn").corrected == "macron");  // two letters swapped
  auto far = search(*store, "Xyzzyq");
  CHECK(far.items.empty());
  CHECK(far.corrected.empty());
  CHECK(search(*store, "Macron").corrected.empty());  // found as typed: nothing corrected
}

TEST_CASE("evidence sentences are found by their words, limited to an entity and a month", "[store][search]") {
  auto store = news_store(temp_dir() + "/search.db");
  store::SentenceSearch q;
  q.q = "senjata";
  auto all = sentences(*store, q);
  std::set<std::string> docs;
  for (const auto& h : all) docs.insert(h.doc_id);
  CHECK(docs == std::set<std::string>{"fr-1", "kp-1", "kp-2"});
  q.entity = entity_key(*store, "Rusia");
  q.since = "2017-09-01";
  q.until = "2017-09-30";
  auto september = sentences(*store, q);
  REQUIRE(september.size() == 1);
  CHECK(september[0].doc_id == "kp-1");
  CHECK(september[0].published.substr(0, 10) == "2017-09-03");
  std::string text, matched;
  for (const auto& [piece, hit] : september[0].parts) {
    text += piece;
    if (hit) matched += piece;
  }
  CHECK(text == "Rusia membeli senjata dari Korea Utara, kata Amerika Serikat.");
  CHECK(matched == "senjata");
  q.entity = entity_key(*store, "Emmanuel Macron");  // named in no sentence of September
  CHECK(sentences(*store, q).empty());
  store::SentenceSearch empty;
  empty.q = "?!";
  std::vector<store::SentenceHit> hits;
  CHECK(store::search_sentences(*store, empty, &hits, nullptr).code() == StatusCode::kUsage);
}

TEST_CASE("the search index follows a removal and is built for a store from before it", "[store][search]") {
  const std::string path = temp_dir() + "/search.db";
  {
    auto store = news_store(path);
    bool found = false;
    REQUIRE(store->remove("kp-1", &found).is_ok());
    store::SentenceSearch q;
    q.q = "ilmuwan";  // only in kp-1
    CHECK(sentences(*store, q).empty());
    q.q = "senjata";
    for (const auto& h : sentences(*store, q)) CHECK(h.doc_id != "kp-1");
  }
  // As a store of schema 4 was: no search tables, no triggers.
  rewrite_as_older(path,
                   "DROP TABLE name_words; DROP TABLE name_search; DROP TABLE sentence_search; "
                   "DROP TRIGGER aliases_unsearched; DROP TRIGGER aliases_researched; "
                   "DROP TRIGGER sentences_unsearched; DROP TRIGGER sentences_researched; PRAGMA user_version = 4;");
  auto store = open_store(path);
  CHECK(finds(*store, "Macron", "emmanuel_macron"));
  store::SentenceSearch q;
  q.q = "senjata";
  CHECK(sentences(*store, q).size() >= 2);
}

TEST_CASE("within a batch, rows are indexed once it commits, and one removed before that never is",
          "[store][search]") {
  const std::string path = temp_dir() + "/search.db";
  {
    auto store = open_store(path);
    REQUIRE(store->begin_batch().is_ok());
    ingest_articles(*store);
    bool found = false;
    REQUIRE(store->remove("kp-1", &found).is_ok());  // its rows were waiting, never indexed
    REQUIRE(store->commit_batch().is_ok());
    store::SentenceSearch q;
    q.q = "ilmuwan";
    CHECK(sentences(*store, q).empty());
    q.q = "senjata";
    std::set<std::string> docs;
    for (const auto& hit : sentences(*store, q)) docs.insert(hit.doc_id);
    CHECK(docs == std::set<std::string>{"fr-1", "kp-2"});
    CHECK(finds(*store, "Macron", "emmanuel_macron"));
  }
  CHECK(scalar(path, "SELECT COUNT(*) FROM name_search_queue") == 0);
  CHECK(scalar(path, "SELECT COUNT(*) FROM sentence_search_queue") == 0);
  // FTS5's own check that the index holds exactly the rows of its table.
  CHECK(run_sql(path,
                "INSERT INTO name_search(name_search) VALUES ('integrity-check'); "
                "INSERT INTO sentence_search(sentence_search) VALUES ('integrity-check');") == SQLITE_OK);
}

TEST_CASE("curation keeps the name index current: a renamed entity is found by its new name", "[store][search][curate]") {
  const std::string path = temp_dir() + "/search.db";
  auto store = news_store(path);
  store::Overrides o;
  o.rename.emplace_back("Emmanuel Macron", "Presiden Prancis Macron");
  store::CurateReport report;
  REQUIRE(store->curate(o, store::CurateOptions{}, &report).is_ok());
  CHECK(finds(*store, "Prancis Macron", "emmanuel_macron"));
  CHECK(search(*store, "presiden prancis").items.at(0).label == "Presiden Prancis Macron");
  store.reset();
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &h) == SQLITE_OK);
  CHECK(sqlite3_exec(h, "INSERT INTO name_search(name_search) VALUES ('integrity-check');", nullptr, nullptr, nullptr) ==
        SQLITE_OK);
  sqlite3_close(h);
}

TEST_CASE("edit distance counts a swap of two letters as one edit and stops past its bound", "[store][search]") {
  struct Case {
    const char *a, *b;
    size_t bound, expected;
  };
  const Case cases[] = {
      {"putin", "putin", 2, 0},   {"puttin", "putin", 2, 1},  {"macorn", "macron", 2, 1},
      {"kishda", "kishida", 2, 1}, {"trupm", "trump", 1, 1},  {"abc", "xyz", 1, 2},  // past the bound: bound + 1
      {"a", "abcdef", 2, 3},      {"", "ab", 2, 2},
  };
  for (const Case& c : cases) {
    INFO(c.a << " / " << c.b);
    CHECK(store::edit_distance(c.a, c.b, c.bound) == c.expected);
  }
}

TEST_CASE("a store whose triggers queued new rows for search finds, once each, what is ingested after its upgrade",
          "[store][search]") {
  const std::string path = temp_dir() + "/queued.db";
  {
    auto store = open_store(path);
    const auto& [id, text] = kArticles[0];
    Extraction x = extract_text(text, id);
    store::IngestResult r;
    REQUIRE(store->ingest(document(id, text), x, &r).is_ok());
  }
  // As a store of schema 6 was: a trigger queued every inserted name and sentence.
  rewrite_as_older(path,
                   "CREATE TRIGGER aliases_searched AFTER INSERT ON aliases BEGIN "
                   "INSERT OR IGNORE INTO name_search_queue VALUES (new.rowid); END; "
                   "CREATE TRIGGER sentences_searched AFTER INSERT ON sentences BEGIN "
                   "INSERT OR IGNORE INTO sentence_search_queue VALUES (new.rowid); END; "
                   "PRAGMA user_version = 6;");
  auto store = news_store(path);  // upgrades it, then ingests every article (the first is unchanged)
  CHECK(finds(*store, "Kim", "kim_jong_un"));
  store::SentenceSearch q;
  q.q = "ilmuwan";  // only in kp-1, ingested after the upgrade
  const auto hits = sentences(*store, q);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].doc_id == "kp-1");
  q.q = "senjata";  // in fr-1, kp-1 and kp-2: each sentence once
  std::set<std::pair<std::string, int64_t>> distinct;
  const auto all = sentences(*store, q);
  for (const auto& hit : all) distinct.insert({hit.doc_id, hit.sentence_index});
  CHECK(all.size() >= 3);
  CHECK(distinct.size() == all.size());
}
