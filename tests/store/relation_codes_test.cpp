// Relations keep their predicate and modality as codes (schema 9): every name has its own
// code, stores written before are given codes when opened, and a store that cannot be
// upgraded is read through a view that gives the same codes.
#include "store/relation_codes.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "store/queries.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

// Two articles with typed relations (one alleged) besides their co-occurrences.
void ingest_two_articles(store::Store& store) {
  Article a = article("a", "Finlandia menuduh Rusia. Putin bertemu Kim.");
  add_entity(a, "Finlandia", EntityType::kCountry);
  add_entity(a, "Rusia", EntityType::kCountry);
  add_entity(a, "Putin", EntityType::kPerson);
  add_relation(a, "Finlandia", Predicate::kAccuse, "Rusia");
  a.x.relations.back().evidence.back().modality = Modality::kAlleged;
  add_relation(a, "Putin", Predicate::kMeet, "Rusia");
  add_relation(a, "Finlandia", Predicate::kCoOccurs, "Rusia");
  ingest(store, a);
  Article b = article("b", "Rusia memasok Iran.");
  add_entity(b, "Rusia", EntityType::kCountry);
  add_entity(b, "Iran", EntityType::kCountry);
  add_relation(b, "Rusia", Predicate::kSupply, "Iran");
  ingest(store, b);
}

// Every relation as the API lists it: subject, predicate, object, modality, weight, confidence.
std::set<std::string> listed(store::Store& store) {
  store::RelationQuery q;
  q.limit = 1000;
  std::vector<store::RelationRow> rows;
  REQUIRE(store::find_relations(store, q, &rows, nullptr).is_ok());
  std::set<std::string> out;
  for (const store::RelationRow& r : rows)
    out.insert(r.subject_label + " " + r.predicate + " " + r.object_label + " " + r.modality + " " +
               std::to_string(r.weight) + " " + std::to_string(r.confidence));
  return out;
}

// What schema 8 kept: names and a float confidence in relations, no code tables.
const char kBackToNames[] = R"SQL(
  CREATE TABLE relations_v8 (
    relation_key INTEGER PRIMARY KEY, subject_key INTEGER NOT NULL, predicate TEXT NOT NULL,
    object_key INTEGER NOT NULL, weight INTEGER NOT NULL, independent INTEGER NOT NULL,
    evidence_count INTEGER NOT NULL, modality TEXT NOT NULL, confidence REAL NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, UNIQUE (subject_key, predicate, object_key));
  INSERT INTO relations_v8 SELECT r.relation_key, r.subject_key, p.name, r.object_key, r.weight, r.independent,
    r.evidence_count, m.name, r.confidence_permille / 1000.0, r.first_seen, r.last_seen
    FROM relations r JOIN predicates p ON p.code = r.predicate JOIN modalities m ON m.code = r.modality;
  DROP TABLE relations;
  ALTER TABLE relations_v8 RENAME TO relations;
  CREATE INDEX relations_by_object ON relations(object_key);
  CREATE INDEX relations_typed_by_predicate ON relations(predicate) WHERE predicate <> 'CO_OCCURS';
  DROP TABLE predicates;
  DROP TABLE modalities;
  PRAGMA user_version = 8;)SQL";

}  // namespace

TEST_CASE("every predicate and modality has a code of its own that gives it back",
          "[store][codes]") {
  std::set<int64_t> codes;
  for (int i = 0; i <= static_cast<int>(Predicate::kCoOccurs); ++i) {
    const auto p = static_cast<Predicate>(i);
    INFO(predicate_name(p));
    CHECK(codes.insert(store::predicate_code(p)).second);
    CHECK(store::predicate_of_code(store::predicate_code(p)) == p);
  }
  CHECK(store::predicate_code(Predicate::kCoOccurs) == store::kCoOccursCode);
  CHECK_FALSE(store::predicate_of_code(-1).has_value());
  CHECK(std::string(store::predicate_name_of_code(999)).empty());
  codes.clear();
  for (int i = 0; i <= static_cast<int>(Modality::kQuestion); ++i) {
    const auto m = static_cast<Modality>(i);
    INFO(modality_name(m));
    CHECK(codes.insert(store::modality_code(m)).second);
    CHECK(store::modality_of_code(store::modality_code(m)) == m);
  }
  CHECK(store::modality_code(Modality::kAsserted) == store::kAssertedCode);
}

TEST_CASE("the codes stores keep do not change", "[store][codes]") {
  // Stores on disk hold these numbers: a new name takes a new code, none is renumbered.
  const std::vector<std::pair<Predicate, int64_t>> predicates = {
      {Predicate::kCoOccurs, 0},  {Predicate::kLeads, 1},      {Predicate::kMemberOf, 2},
      {Predicate::kMeet, 3},      {Predicate::kVisit, 4},      {Predicate::kCommunicate, 5},
      {Predicate::kInvite, 6},    {Predicate::kAccept, 7},     {Predicate::kSupport, 8},
      {Predicate::kCooperate, 9}, {Predicate::kSupply, 10},    {Predicate::kAccuse, 11},
      {Predicate::kReject, 12},   {Predicate::kThreaten, 13},  {Predicate::kSanction, 14},
      {Predicate::kAttack, 15},   {Predicate::kRecognize, 16}, {Predicate::kFamily, 17}};
  for (const auto& [p, code] : predicates) {
    INFO(predicate_name(p));
    CHECK(store::predicate_code(p) == code);
  }
  const std::vector<std::pair<Modality, int64_t>> modalities = {
      {Modality::kAsserted, 0}, {Modality::kAlleged, 1}, {Modality::kDenied, 2},
      {Modality::kNegated, 3},  {Modality::kPlanned, 4}, {Modality::kHypothetical, 5},
      {Modality::kQuestion, 6}};
  for (const auto& [m, code] : modalities) {
    INFO(modality_name(m));
    CHECK(store::modality_code(m) == code);
  }
}

TEST_CASE("a store keeps relations' predicates and modalities as codes its tables name",
          "[store][codes]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest_two_articles(*store);
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM relations WHERE typeof(predicate) <> 'integer' "
               "OR typeof(modality) <> 'integer'") == 0);
  // Read in the sqlite3 shell by the names beside the codes.
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM relations r JOIN predicates p ON p.code = r.predicate "
               "JOIN modalities m ON m.code = r.modality WHERE p.name = 'ACCUSE' AND m.name = "
               "'alleged'") == 1);
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM relations r JOIN predicates p ON p.code = r.predicate "
               "WHERE p.name = 'CO_OCCURS'") ==
        scalar(db, "SELECT COUNT(*) FROM relations WHERE predicate = 0"));
  const std::set<std::string> rows = listed(*store);
  CHECK(rows.count("Finlandia ACCUSE Rusia alleged 1 0.800000"));
  CHECK(rows.count("Rusia SUPPLY Iran asserted 1 0.800000"));
  CHECK(scalar(
            db,
            "SELECT confidence_permille FROM relations r JOIN predicates p ON p.code = r.predicate "
            "WHERE p.name = 'ACCUSE'") == 800);
  // Filters by predicate, modality and quad class find them by code.
  store::RelationQuery q;
  q.predicate = "ACCUSE";
  q.modality = "alleged";
  std::vector<store::RelationRow> found;
  REQUIRE(store::find_relations(*store, q, &found, nullptr).is_ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].object_label == "Rusia");
  q = store::RelationQuery();
  q.quad_class = "material-cooperation";
  q.predicates_in_quad = {"SUPPLY", "NOT_A_PREDICATE"};
  found.clear();
  REQUIRE(store::find_relations(*store, q, &found, nullptr).is_ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].predicate == "SUPPLY");
  // A co-occurrence has no evidence rows: its own modality code answers the filter.
  q = store::RelationQuery();
  q.modality = "asserted";
  found.clear();
  REQUIRE(store::find_relations(*store, q, &found, nullptr).is_ok());
  std::set<std::string> asserted;
  for (const store::RelationRow& r : found) asserted.insert(r.predicate);
  CHECK(asserted == std::set<std::string>{"CO_OCCURS", "MEET", "SUPPLY"});
}

TEST_CASE("a schema-8 store's relation names become codes when it is opened, and read the same",
          "[store][codes]") {
  auto db = temp_dir() + "/g.db";
  std::set<std::string> before;
  {
    auto store = open_store(db);
    ingest_two_articles(*store);
    before = listed(*store);
  }
  REQUIRE(run_sql(db, kBackToNames) == 0);
  REQUIRE(scalar(db, "SELECT COUNT(*) FROM relations WHERE predicate = 'ACCUSE'") == 1);
  auto store = open_store(db);  // migrates
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == store::kSchemaVersion);
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM relations WHERE typeof(predicate) <> 'integer' "
               "OR typeof(modality) <> 'integer'") == 0);
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM sqlite_master WHERE name = 'relations_typed_by_predicate' "
               "AND sql LIKE '%predicate <> 0%'") == 1);
  CHECK(listed(*store) == before);
  // It goes on taking articles.
  Article c = article("c", "Rusia memasok Iran lagi.");
  add_entity(c, "Rusia", EntityType::kCountry);
  add_entity(c, "Iran", EntityType::kCountry);
  add_relation(c, "Rusia", Predicate::kSupply, "Iran");
  ingest(*store, c);
  CHECK(listed(*store).count("Rusia SUPPLY Iran asserted 2 0.800000"));
}

TEST_CASE(
    "a schema-8 store with a predicate no newsgraph wrote is refused by name and left as it was",
    "[store][codes]") {
  auto db = temp_dir() + "/g.db";
  {
    auto store = open_store(db);
    ingest_two_articles(*store);
  }
  REQUIRE(run_sql(db, kBackToNames) == 0);
  REQUIRE(run_sql(db, "UPDATE relations SET predicate = 'LOVES' WHERE predicate = 'ACCUSE'") == 0);
  std::unique_ptr<store::Store> store;
  const Status s = store::Store::open(db, store::StoreOptions(), &store);
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains("'LOVES'"));
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == 8);
  CHECK(scalar(db, "SELECT COUNT(*) FROM relations WHERE predicate = 'LOVES'") == 1);
}

TEST_CASE("an older store that cannot be upgraded is read through a view that gives codes",
          "[store][codes]") {
  auto path = temp_dir() + "/g.db";
  {
    auto store = open_store(path);
    ingest_two_articles(*store);
  }
  REQUIRE(run_sql(path, kBackToNames) == 0);
  // A connection that may not write, as Store::open leaves one on such a file.
  store::Db db;
  REQUIRE(db.open(path, false, true).is_ok());
  db.exec(store::relations_by_code_view_sql().c_str());
  store::Statement q = db.prepare(
      "SELECT predicate, modality FROM relations WHERE predicate <> 0 /* CO_OCCURS */ ORDER BY "
      "predicate");
  std::vector<std::pair<int64_t, int64_t>> rows;
  while (q.step()) rows.emplace_back(q.column_int(0), q.column_int(1));
  const std::vector<std::pair<int64_t, int64_t>> expected = {
      {store::predicate_code(Predicate::kMeet), store::kAssertedCode},
      {store::predicate_code(Predicate::kSupply), store::kAssertedCode},
      {store::predicate_code(Predicate::kAccuse), store::modality_code(Modality::kAlleged)}};
  std::vector<std::pair<int64_t, int64_t>> sorted = expected;
  std::sort(sorted.begin(), sorted.end());
  CHECK(rows == sorted);
  // The file itself still holds names.
  CHECK(scalar(path, "SELECT COUNT(*) FROM relations WHERE predicate = 'ACCUSE'") == 1);
}
