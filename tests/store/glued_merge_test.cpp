// The glued-form merge rule: a name with words glued in front of a person's name
// ("Fraksi Adies Kadir") is that person when a stored person has the name, whichever
// article comes first; not when the stored "person" was only a default type, nor for a
// place or an event (often named after a person).
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

// A person the article types by a title ("Anggota DPR Adies Kadir ..."), so no guess.
Article typed_person(const std::string& id, const std::string& name) {
  Article a = article(id, "Anggota DPR " + name + " berbicara di Jakarta.");
  add_entity(a, name, EntityType::kPerson);
  return a;
}

// An article whose entity is `label`, offered `core` as the name after glued words.
Article glued(const std::string& id, const std::string& label, EntityType type, const std::string& core) {
  Article a = article(id, label + " hadir di Senayan.");
  add_entity(a, label, type);
  a.x.entities.back().glued_cores = {core};
  return a;
}

std::string text_of(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  std::string v = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

}  // namespace

TEST_CASE("a person's name with a body glued in front joins the stored person and goes by the name",
          "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, typed_person("a", "Adies Kadir"));
  ingest(*store, glued("b", "Fraksi Golkar Adies Kadir", EntityType::kOrganization, "Adies Kadir"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"Adies Kadir"});
  CHECK(text_of(db, "SELECT rule FROM merge_log m JOIN documents d USING(doc_key) WHERE d.id = 'b'") ==
        "glued-form");
  CHECK(text_of(db, "SELECT label || ' ' || type FROM doc_entities") == "Adies Kadir PERSON");
  // the glued words are no name of the person
  CHECK(text_of(db, "SELECT COUNT(*) FROM aliases WHERE alias_key LIKE 'fraksi%'") == "0");
}

TEST_CASE("a person's name arriving after a stored glued form takes it over", "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, glued("a", "Universitas Trisakti Dheatantra Dimas", EntityType::kOrganization,
                       "Dheatantra Dimas"));
  ingest(*store, typed_person("b", "Dheatantra Dimas"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"Dheatantra Dimas"});
  CHECK(text_of(db, "SELECT type FROM entities") == "PERSON");
  CHECK(text_of(db, "SELECT COUNT(*) FROM glued_forms") == "0");
  // the same two articles in the other order end alike
  auto db2 = temp_dir() + "/g2.db";
  auto other = open_store(db2);
  ingest(*other, typed_person("b", "Dheatantra Dimas"));
  ingest(*other, glued("a", "Universitas Trisakti Dheatantra Dimas", EntityType::kOrganization,
                       "Dheatantra Dimas"));
  CHECK(snapshot(*other).labels == snapshot(*store).labels);
  // removing the person's article leaves the glued article's entity, by the person's name
  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK(snapshot(*store).labels == std::set<std::string>{"Dheatantra Dimas"});
}

TEST_CASE("glued names join no person whose type was only a default, and no place does",
          "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  Article guessed = article("a", "Bendera Merah Putih berkibar.");
  add_entity(guessed, "Merah Putih", EntityType::kPerson);
  guessed.x.entities.back().type_guessed = true;
  ingest(*store, guessed);
  ingest(*store, glued("b", "Komunitas Merah Putih", EntityType::kOrganization, "Merah Putih"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"Merah Putih", "Komunitas Merah Putih"});
  // a place named after a person is no person, typed or not
  ingest(*store, typed_person("e", "Jalak Harupat"));
  ingest(*store, glued("f", "Stadion Si Jalak Harupat", EntityType::kLocation, "Jalak Harupat"));
  CHECK(snapshot(*store).labels.count("Stadion Si Jalak Harupat"));
  // a default-typed full name does not take a stored glued form over either
  ingest(*store, glued("c", "Ketua Panitia Budi Santoso", EntityType::kPerson, "Budi Santoso"));
  Article bare = article("d", "Budi Santoso hadir.");
  add_entity(bare, "Budi Santoso", EntityType::kPerson);
  bare.x.entities.back().type_guessed = true;
  ingest(*store, bare);
  CHECK(snapshot(*store).labels.count("Ketua Panitia Budi Santoso"));
}

TEST_CASE("a name whose type was only guessed is the stored name of the type an article gave it",
          "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  auto guessed_person = [](const std::string& id) {
    Article a = article(id, "Banjir melanda Kelapa Gading kemarin.");
    add_entity(a, "Kelapa Gading", EntityType::kPerson);
    a.x.entities.back().type_guessed = true;
    return a;
  };
  Article district = article("a", "Warga Kecamatan Kelapa Gading mengungsi.");
  add_entity(district, "Kelapa Gading", EntityType::kLocation);
  // a guess joins the typed name, either order of arrival, and the type the words gave holds
  ingest(*store, guessed_person("b"));
  ingest(*store, district);
  ingest(*store, guessed_person("c"));
  store::StoreCounts counts;
  REQUIRE(store->counts(&counts).is_ok());
  CHECK(counts.entities == 1);
  CHECK(text_of(db, "SELECT type FROM entities") == "LOCATION");
  // two articles whose words typed one name two ways keep two entities
  Article person = article("d", "Kata Kelapa Gading, juru bicara panitia.");
  add_entity(person, "Kelapa Gading", EntityType::kPerson);
  ingest(*store, person);
  REQUIRE(store->counts(&counts).is_ok());
  CHECK(counts.entities == 2);
  // many guesses outvote one article's typing ("Lewis Hamilton" beside "tim" once)
  auto db2 = temp_dir() + "/g2.db";
  auto other = open_store(db2);
  Article once = article("a", "Tim Lewis Hamilton menang.");
  add_entity(once, "Lewis Hamilton", EntityType::kOrganization);
  ingest(*other, once);
  for (const char* id : {"b", "c", "d", "e"}) {
    Article a = article(id, std::string("Lewis Hamilton menang lagi di seri ") + id + ".");
    add_entity(a, "Lewis Hamilton", EntityType::kPerson);
    a.x.entities.back().type_guessed = true;
    ingest(*other, a);
  }
  CHECK(text_of(db2, "SELECT type || ' ' || COUNT(*) FROM entities") == "PERSON 1");
}

TEST_CASE("a type the user set holds when names of other types join by a guess", "[store][merge]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  Article district = article("a", "Warga Kecamatan Kelapa Gading mengungsi.");
  add_entity(district, "Kelapa Gading", EntityType::kLocation);
  ingest(*store, district);
  store::Overrides o;
  o.retype = {{"Kelapa Gading", "ORGANIZATION"}};
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  for (const char* id : {"b", "c", "d", "e"}) {  // guesses enough to outvote one typed article
    Article a = article(id, std::string("Kelapa Gading disebut lagi di berita ") + id + ".");
    add_entity(a, "Kelapa Gading", EntityType::kPerson);
    a.x.entities.back().type_guessed = true;
    ingest(*store, a);
  }
  CHECK(text_of(db, "SELECT type || ' ' || COUNT(*) FROM entities") == "ORGANIZATION 1");
}
