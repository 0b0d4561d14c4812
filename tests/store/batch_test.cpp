// A batch's articles stay atomic without a savepoint each: an article that fails part-way
// (here, a trigger that refuses one name) leaves nothing of itself, and what the batch
// wrote before it is written again and kept.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

// A store at `path` that refuses any article entity named "Boom" part-way through the
// article (its document row and its first entity are written by then).
void refuse_boom(const std::string& path) {
  { open_store(path); }
  REQUIRE(run_sql(path,
                  "CREATE TRIGGER refuse_boom BEFORE INSERT ON doc_entities WHEN NEW.label = 'Boom' "
                  "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;") == SQLITE_OK);
}

Status ingest_status(store::Store& s, const Article& a) {
  store::IngestResult r;
  return s.ingest(a.doc, a.x, &r);
}

}  // namespace

TEST_CASE("an article failing part-way in a batch leaves nothing of itself, and the batch's others are kept",
          "[store][batch]") {
  const std::string path = temp_dir() + "/batch.db";
  refuse_boom(path);
  {
    auto store = open_store(path);
    REQUIRE(ingest_status(*store, two_people_meet("before", "Ani Susanti", "Budi Santoso")).is_ok());
    REQUIRE(store->begin_batch().is_ok());
    REQUIRE(ingest_status(*store, two_people_meet("first", "Citra Lestari", "Dewi Anggraini")).is_ok());
    bool found = false;
    REQUIRE(store->remove("before", &found).is_ok());
    REQUIRE(found);
    const Status failed = ingest_status(*store, two_people_meet("failing", "Eko Prasetyo", "Boom"));
    CHECK_FALSE(failed.is_ok());
    CHECK_THAT(failed.message(), Catch::Contains("refused for the test"));
    REQUIRE(ingest_status(*store, two_people_meet("after", "Fajar Nugroho", "Gita Permata")).is_ok());
    REQUIRE(store->commit_batch().is_ok());
  }
  CHECK(scalar(path, "SELECT COUNT(*) FROM documents") == 2);
  CHECK(scalar(path, "SELECT COUNT(*) FROM documents WHERE id IN ('first', 'after')") == 2);
  CHECK(scalar(path, "SELECT COUNT(*) FROM doc_entities WHERE label IN ('Eko Prasetyo', 'Boom')") == 0);
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities WHERE label = 'Eko Prasetyo'") == 0);
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities WHERE label IN ('Citra Lestari', 'Fajar Nugroho')") == 2);
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities WHERE label = 'Ani Susanti'") == 0);  // removal redone
  CHECK(scalar(path, "SELECT COUNT(*) FROM relations r JOIN predicates p ON p.code = r.predicate WHERE p.name = 'MEET'") == 2);
}

TEST_CASE("a curation inside a batch is a transaction of its own: what came before it stays when a later article fails",
          "[store][batch][curate]") {
  const std::string path = temp_dir() + "/batch.db";
  refuse_boom(path);
  {
    auto store = open_store(path);
    REQUIRE(store->begin_batch().is_ok());
    REQUIRE(ingest_status(*store, two_people_meet("first", "Citra Lestari", "Dewi Anggraini")).is_ok());
    store::Overrides o;
    o.rename.emplace_back("Citra Lestari", "Citra L.");
    store::CurateReport report;
    REQUIRE(store->curate(o, &report).is_ok());
    CHECK(report.edited == 1);
    CHECK_FALSE(ingest_status(*store, two_people_meet("failing", "Eko Prasetyo", "Boom")).is_ok());
    REQUIRE(store->commit_batch().is_ok());
  }
  CHECK(scalar(path, "SELECT COUNT(*) FROM documents WHERE id = 'first'") == 1);
  CHECK(scalar(path, "SELECT COUNT(*) FROM entities WHERE label = 'Citra L.'") == 1);
  CHECK(scalar(path, "SELECT COUNT(*) FROM documents WHERE id = 'failing'") == 0);
}
