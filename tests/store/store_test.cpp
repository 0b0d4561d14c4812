#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;

namespace {

Article putin_meets_kim(const std::string& id, const std::string& text) {
  Article a = article(id, text);
  add_entity(a, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  add_entity(a, "Kim Jong Un", EntityType::kPerson, "kim_jong_un");
  add_relation(a, "Vladimir Putin", Predicate::kMeet, "Kim Jong Un");
  return a;
}

// putin_meets_kim with its one sentence said twice, as sentences 0 and 1; the meeting's
// evidence is in the first.
Article repeats_itself(const std::string& id, const std::string& said) {
  Article a = putin_meets_kim(id, said + " " + said);
  const auto end = static_cast<uint32_t>(said.size());
  a.x.sentences = {{{0, end}}, {{end + 1, 2 * end + 1}}};
  return a;
}

}  // namespace

TEST_CASE("re-ingesting an article changes nothing", "[store]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  Article a = putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang.");
  store::IngestResult r;
  ingest(*store, a, &r);
  CHECK(r.outcome == store::IngestOutcome::kNew);
  Snapshot once = snapshot(*store);
  ingest(*store, a, &r);
  CHECK(r.outcome == store::IngestOutcome::kUnchanged);
  CHECK(snapshot(*store) == once);
  CHECK(scalar(db, "SELECT COUNT(*) FROM evidence") == 1);
}

TEST_CASE("the same text under another id is recognised as already stored", "[store]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang."));
  store::IngestResult r;
  ingest(*store, putin_meets_kim("copy-of-a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang."), &r);
  CHECK(r.outcome == store::IngestOutcome::kUnchanged);
  CHECK(r.doc_id == "a");
}

TEST_CASE("a relation's weight is the number of distinct articles supporting it", "[store]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang pada Rabu."));
  ingest(*store, putin_meets_kim("b", "Kim Jong Un dan Vladimir Putin bertemu lagi di Moskow."));
  Snapshot s = snapshot(*store);
  REQUIRE(s.relations.size() == 1);
  CHECK(std::get<3>(*s.relations.begin()) == 2);
}

TEST_CASE("a changed article replaces its old evidence", "[store]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  ingest(*store, putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang."));
  Article changed = article("a", "Vladimir Putin mengecam Joe Biden.");
  add_entity(changed, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  add_entity(changed, "Joe Biden", EntityType::kPerson, "joe_biden");
  add_relation(changed, "Vladimir Putin", Predicate::kAccuse, "Joe Biden");
  store::IngestResult r;
  ingest(*store, changed, &r);
  CHECK(r.outcome == store::IngestOutcome::kReplaced);
  Snapshot s = snapshot(*store);
  CHECK(s.labels == std::set<std::string>{"Vladimir Putin", "Joe Biden"});
  CHECK(s.relations.size() == 1);
  CHECK(scalar(db, "SELECT COUNT(*) FROM documents") == 1);
}

TEST_CASE("removing an article leaves the store as if it had never been ingested", "[store]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang."));
  Snapshot before = snapshot(*store);
  Article b = putin_meets_kim("b", "Kim Jong Un menerima Vladimir Putin; John Kirby mengecam pertemuan itu.");
  add_entity(b, "John Kirby", EntityType::kPerson);
  add_relation(b, "John Kirby", Predicate::kAccuse, "Kim Jong Un");
  ingest(*store, b);
  CHECK(snapshot(*store).labels.count("John Kirby") == 1);
  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK(found);
  CHECK(snapshot(*store) == before);
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK_FALSE(found);
}

namespace {

// An article naming `person` with a tie to the Pentagon (MEMBER_OF), as a spokesman's would.
Article pentagon_voice(const std::string& id, const std::string& person) {
  Article a = article(id, person + ", juru bicara Pentagon, berbicara.");
  add_entity(a, person, EntityType::kPerson);
  add_entity(a, "Pentagon", EntityType::kOrganization, "pentagon");
  add_relation(a, person, Predicate::kMemberOf, "Pentagon");
  return a;
}

}  // namespace

TEST_CASE("a short name merges with the one full name it shortens when its article ties it alike",
          "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, pentagon_voice("a", "John Kirby"));
  ingest(*store, pentagon_voice("b", "Kirby"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"John Kirby", "Pentagon"});
}

TEST_CASE("a short name the user keeps apart from a full name stays apart, even tied alike", "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, pentagon_voice("a", "John Kirby"));
  store::Overrides o;
  o.never.emplace_back("John Kirby", "Kirby");
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  ingest(*store, pentagon_voice("b", "Kirby"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"John Kirby", "Kirby", "Pentagon"});
}

TEST_CASE("a bare short name with nothing tying it to the full name's person stays apart", "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article kane = article("a", "Harry Kane, kapten Tottenham, mencetak gol.");
  add_entity(kane, "Harry Kane", EntityType::kPerson);
  add_entity(kane, "Tottenham Hotspur", EntityType::kOrganization);
  add_relation(kane, "Harry Kane", Predicate::kMemberOf, "Tottenham Hotspur");
  ingest(*store, kane);
  Article prince = article("b", "Pangeran Harry dan istrinya Meghan Markle tiba di London.");
  add_entity(prince, "Harry", EntityType::kPerson);
  add_entity(prince, "Meghan Markle", EntityType::kPerson);
  add_relation(prince, "Harry", Predicate::kFamily, "Meghan Markle");
  ingest(*store, prince);
  Article bare = article("c", "Harry mengatakan hal itu.");
  add_entity(bare, "Harry", EntityType::kPerson);
  ingest(*store, bare);
  CHECK(snapshot(*store).labels ==
        std::set<std::string>{"Harry Kane", "Tottenham Hotspur", "Harry", "Meghan Markle"});
  store::StoreCounts counts;
  REQUIRE(store->counts(&counts).is_ok());
  CHECK(counts.entities == 5);  // the two bare "Harry"s, untied, are two entities
  Article again = article("d", "Pangeran Harry kembali bersama Meghan Markle.");
  add_entity(again, "Harry", EntityType::kPerson);
  add_entity(again, "Meghan Markle", EntityType::kPerson);
  add_relation(again, "Harry", Predicate::kFamily, "Meghan Markle");
  ingest(*store, again);
  REQUIRE(store->counts(&counts).is_ok());
  CHECK(counts.entities == 5);  // tied to Meghan Markle alike: the prince again
}

TEST_CASE("a father and a daughter sharing a family name are not one person through it", "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article father = article("a", "Abdurrahman Wahid, mantan ketua PBNU, wafat.");
  add_entity(father, "Abdurrahman Wahid", EntityType::kPerson);
  add_entity(father, "PBNU", EntityType::kOrganization);
  add_relation(father, "Abdurrahman Wahid", Predicate::kLeads, "PBNU");
  ingest(*store, father);
  Article bare = article("b", "Wahid dikenang banyak orang.");  // the father, named by his family name alone
  add_entity(bare, "Wahid", EntityType::kPerson);
  ingest(*store, bare);
  Article daughter = article("c", "Anita Wahid, putri Gus Dur, berbicara di Jakarta.");
  add_entity(daughter, "Anita Wahid", EntityType::kPerson);
  ingest(*store, daughter);
  const auto labels = snapshot(*store).labels;
  CHECK(labels.count("Abdurrahman Wahid"));
  CHECK(labels.count("Anita Wahid"));  // not absorbed, nor absorbing the father through "Wahid"
  CHECK(labels.count("Wahid"));
}

TEST_CASE("a full name arriving after its short form takes the short form over when tied alike",
          "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, pentagon_voice("a", "Kirby"));
  ingest(*store, pentagon_voice("b", "John Kirby"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"John Kirby", "Pentagon"});
  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK(snapshot(*store).labels == std::set<std::string>{"Kirby", "Pentagon"});
}

TEST_CASE("people sharing only a family name stay distinct, and a bare shared name is not guessed",
          "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article a = article("a", "Kim Jong Un, putra Kim Jong Il, bertemu Kim Young-ho.");
  add_entity(a, "Kim Jong Un", EntityType::kPerson, "kim_jong_un");
  add_entity(a, "Kim Jong Il", EntityType::kPerson);
  add_entity(a, "Kim Young-ho", EntityType::kPerson);
  ingest(*store, a);
  Article b = article("b", "Kim mengirim surat.");
  add_entity(b, "Kim", EntityType::kPerson);
  ingest(*store, b);
  CHECK(snapshot(*store).labels ==
        std::set<std::string>{"Kim Jong Un", "Kim Jong Il", "Kim Young-ho", "Kim"});
  Article c = article("c", "Kim Yo Jong mengecam Kim Kardashian.");
  add_entity(c, "Kim Yo Jong", EntityType::kPerson);
  add_entity(c, "Kim Kardashian", EntityType::kPerson);
  ingest(*store, c);
  Article d = article("d", "Kim tampil di acara televisi.");
  add_entity(d, "Kim", EntityType::kPerson);
  ingest(*store, d);
  CHECK(snapshot(*store).labels == std::set<std::string>{"Kim Jong Un", "Kim Jong Il", "Kim Young-ho", "Kim",
                                                          "Kim Yo Jong", "Kim Kardashian"});
}

TEST_CASE("names of different types do not merge", "[store][merge]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article a = article("a", "Jordan bertemu Jordan.");
  add_entity(a, "Jordan", EntityType::kPerson);
  ingest(*store, a);
  Article b = article("b", "Negara Jordan menolak.");
  add_entity(b, "Jordan", EntityType::kCountry, "jordan");
  ingest(*store, b);
  CHECK(snapshot(*store).nodes == 2);
}

TEST_CASE("a sentence copied by a second outlet is marked syndicated", "[store]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  const std::string text = "Vladimir Putin bertemu Kim Jong Un di Pyongyang pada hari Rabu.";
  ingest(*store, putin_meets_kim("outlet-a", text));
  Article copy = putin_meets_kim("outlet-b", text + " Baca juga: berita lain.");
  copy.x.sentences[0].span.end = static_cast<uint32_t>(text.size());
  ingest(*store, copy);
  CHECK(scalar(db, "SELECT weight FROM relations") == 2);
  CHECK(scalar(db, "SELECT independent FROM relations") == 1);
  bool found = false;
  REQUIRE(store->remove("outlet-a", &found).is_ok());
  CHECK(scalar(db, "SELECT independent FROM relations") == 1);
  CHECK(scalar(db, "SELECT syndicated FROM sentences") == 0);
}

TEST_CASE("a sentence an article repeats is no syndicated copy; the same sentence in a later article is", "[store]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  const std::string said = "Vladimir Putin bertemu Kim Jong Un di Pyongyang pada hari Rabu.";
  Article a = repeats_itself("a", said);
  Evidence again = a.x.relations[0].evidence[0];
  again.sentence = 1;
  again.span = a.x.sentences[1].span;
  a.x.relations[0].evidence.push_back(again);
  ingest(*store, a);
  CHECK(scalar(db, "SELECT COUNT(*) FROM sentences WHERE syndicated = 0") == 2);
  ingest(*store, putin_meets_kim("b", said));
  CHECK(scalar(db, "SELECT syndicated FROM sentences JOIN documents USING (doc_key) WHERE id = 'b'") == 1);
  CHECK(scalar(db, "SELECT independent FROM relations") == 1);
  // Taking another article out recounts the shared sentence's flags: they stay as they were.
  bool found = false;
  REQUIRE(store->remove("b", &found).is_ok());
  CHECK(scalar(db, "SELECT COUNT(*) FROM sentences WHERE syndicated = 0") == 2);
}

TEST_CASE("a store an older newsgraph wrote loses the syndicated flags of sentences its articles only repeat",
          "[store][syndication]") {
  auto db = temp_dir() + "/g.db";
  const std::string said = "Vladimir Putin bertemu Kim Jong Un di Pyongyang pada hari Rabu.";
  {
    auto store = open_store(db);
    Article a = repeats_itself("a", said);
    a.x.relations[0].evidence[0].sentence = 1;  // the relation is in the repeat alone
    a.x.relations[0].evidence[0].span = a.x.sentences[1].span;
    add_relation(a, "Vladimir Putin", Predicate::kCoOccurs, "Kim Jong Un");  // in the first
    ingest(*store, a);
  }
  // What schema 11 wrote: the repeat a copy, so no article gave the relation on its own.
  REQUIRE(run_sql(db, "UPDATE sentences SET syndicated = 1 WHERE idx = 1; UPDATE relations SET independent = 0 "
                      "WHERE predicate <> 0; PRAGMA user_version = 11") == SQLITE_OK);
  auto store = open_store(db);  // migrates
  CHECK(scalar(db, "SELECT COUNT(*) FROM sentences WHERE syndicated = 1") == 0);
  CHECK(scalar(db, "SELECT independent FROM relations WHERE predicate <> 0") == 1);
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == store::kSchemaVersion);
}

TEST_CASE("opening an older store to upgrade it while another process writes it fails as busy, and changes nothing",
          "[store]") {
  auto db = temp_dir() + "/g.db";
  open_store(db);
  REQUIRE(run_sql(db, "PRAGMA user_version = 11") == SQLITE_OK);
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  store::StoreOptions options;
  options.lock_wait_ms = 100;
  std::unique_ptr<store::Store> store;
  const Status st = store::Store::open(db, options, &store);
  CHECK(st.code() == StatusCode::kBusy);  // not "not a newsgraph store"
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == 11);
  REQUIRE(store::Store::open(db, options, &store).is_ok());  // the upgrade, once the other is done
  CHECK(scalar(db, "SELECT user_version FROM pragma_user_version") == store::kSchemaVersion);
}

TEST_CASE("curate merges two entities and their relations' weights add up", "[store][curate]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article a = article("a", "Presiden Jokowi menerima Vladimir Putin.");
  add_entity(a, "Jokowi", EntityType::kPerson);
  add_entity(a, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  add_relation(a, "Jokowi", Predicate::kMeet, "Vladimir Putin");
  ingest(*store, a);
  Article b = article("b", "Joko Widodo bertemu Vladimir Putin.");
  add_entity(b, "Joko Widodo", EntityType::kPerson);
  add_entity(b, "Vladimir Putin", EntityType::kPerson, "vladimir_putin");
  add_relation(b, "Joko Widodo", Predicate::kMeet, "Vladimir Putin");
  ingest(*store, b);
  CHECK(snapshot(*store).relations.size() == 2);
  store::Overrides o;
  o.merge.push_back({"Joko Widodo", "Jokowi"});
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(report.merged == 1);
  Snapshot s = snapshot(*store);
  CHECK(s.labels == std::set<std::string>{"Joko Widodo", "Vladimir Putin"});
  REQUIRE(s.relations.size() == 1);
  CHECK(std::get<3>(*s.relations.begin()) == 2);
  // Later articles naming "Jokowi" join the merged entity.
  Article c = article("c", "Jokowi tiba di Moskow.");
  add_entity(c, "Jokowi", EntityType::kPerson);
  ingest(*store, c);
  CHECK(snapshot(*store).labels.size() == 2);
}

TEST_CASE("curate splits a wrong merge and keeps the names apart afterwards", "[store][curate]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, pentagon_voice("a", "John Kirby"));
  ingest(*store, pentagon_voice("b", "Kirby"));  // merged: tied alike, but the user knows better
  REQUIRE(snapshot(*store).labels.size() == 2);
  store::Overrides o;
  o.never.emplace_back("John Kirby", "Kirby");
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(report.split == 1);
  CHECK(snapshot(*store).labels == std::set<std::string>{"John Kirby", "Kirby", "Pentagon"});
  ingest(*store, pentagon_voice("c", "Kirby"));
  CHECK(snapshot(*store).labels == std::set<std::string>{"John Kirby", "Kirby", "Pentagon"});
}

TEST_CASE("curate splitting a name an article gave as another name takes the name and its mentions along",
          "[store][curate]") {
  auto db = temp_dir() + "/g.db";
  auto store = open_store(db);
  Article a = article("a", "Donald Trump menelepon. Vladimir menjawab.");
  add_entity(a, "Donald Trump", EntityType::kPerson);
  a.x.entities.back().aliases = {"Vladimir", "Trump"};
  Mention m;
  m.span = {24, 32};
  m.text = "Vladimir";
  a.x.entities.back().mentions.push_back(m);
  ingest(*store, a);
  auto on = [&](const std::string& sql) { return scalar(db, sql); };
  REQUIRE(on("SELECT COUNT(*) FROM aliases WHERE alias_key = 'vladimir'") == 1);
  store::Overrides o;
  o.never.emplace_back("Donald Trump", "Vladimir");
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(report.split == 1);
  CHECK(snapshot(*store).labels == std::set<std::string>{"Donald Trump", "Vladimir"});
  CHECK(on("SELECT COUNT(*) FROM aliases a JOIN entities e USING(entity_key) WHERE a.alias_key = 'vladimir' "
           "AND e.label = 'Donald Trump'") == 0);
  CHECK(on("SELECT COUNT(*) FROM aliases a JOIN entities e USING(entity_key) WHERE a.alias_key = 'trump' "
           "AND e.label = 'Donald Trump'") == 1);  // its other names stay
  CHECK(on("SELECT SUM(d.mention_count) FROM doc_entities d JOIN entities e USING(entity_key) "
           "WHERE e.label = 'Vladimir' AND instr(d.mentions, CAST('Vladimir' AS BLOB)) > 0") == 1);
  CHECK(on("SELECT SUM(d.mention_count) FROM doc_entities d JOIN entities e USING(entity_key) "
           "WHERE e.label = 'Donald Trump' AND instr(d.mentions, CAST('Vladimir' AS BLOB)) = 0") == 1);
}

TEST_CASE("a merge naming an ambiguous name is refused whole and changes nothing", "[store][curate]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article a = article("a", "Georgia mengecam Rusia. Badai melanda Georgia.");
  add_entity(a, "Georgia", EntityType::kCountry, "georgia");
  add_entity(a, "Georgia", EntityType::kLocation);
  add_entity(a, "Tbilisi", EntityType::kLocation);
  ingest(*store, a);
  const Snapshot before = snapshot(*store);
  store::Overrides o;
  o.merge.push_back({"Georgia", "Tbilisi"});
  o.never.emplace_back("Georgia", "Rusia");
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  REQUIRE(report.rejected.size() == 1);
  CHECK_THAT(report.rejected[0], Catch::Contains("names 2 entities") && Catch::Contains("georgia"));
  CHECK(report.merged == 0);
  CHECK(snapshot(*store).labels == before.labels);
  o.merge = {{"georgia", "Tbilisi"}};  // by id: one entity, but a COUNTRY and a LOCATION
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(report.rejected.size() == 1);
  store::CurateOptions force;
  force.force = true;
  force.dry_run = true;
  REQUIRE(store->curate(o, force, &report).is_ok());
  CHECK(report.rejected.empty());
  REQUIRE(report.changes.size() == 1);
  CHECK_THAT(report.changes[0], Catch::Contains("merge 'Tbilisi'"));
  CHECK(snapshot(*store).labels == before.labels);  // a dry run keeps nothing
}

TEST_CASE("a merged entity is labelled by its best-supported full form, not by words glued on once",
          "[store][curate]") {
  auto store = open_store(temp_dir() + "/g.db");
  auto named = [&](const std::string& id, const std::string& name) {
    Article a = article(id, name + " berbicara kepada wartawan (" + id + ").");  // distinct texts
    add_entity(a, name, EntityType::kPerson);
    ingest(*store, a);
  };
  for (const char* id : {"w1", "w2", "w3"}) named(id, "Wiranto");
  named("w4", "Keamanan Wiranto");
  named("k1", "Kirby");
  named("k2", "Kirby");
  named("k3", "John Kirby");
  store::Overrides o;  // each bare name is its own entity until merged: name them by id
  o.merge.push_back({"Keamanan Wiranto", "wiranto", "wiranto_2", "wiranto_3"});
  o.merge.push_back({"kirby", "kirby_2", "John Kirby"});
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(report.rejected.empty());
  CHECK(report.merged == 5);
  CHECK(snapshot(*store).labels == std::set<std::string>{"Wiranto", "John Kirby"});
}

TEST_CASE("rename, retype and delete hold through recounts and later ingests, and are listed", "[store][curate]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un."));
  Article junk = article("b", "Baca Juga: Realme meluncurkan ponsel baru.");
  add_entity(junk, "Baca Juga", EntityType::kPerson);
  add_entity(junk, "Realme", EntityType::kLocation);
  add_relation(junk, "Baca Juga", Predicate::kCoOccurs, "Realme");
  ingest(*store, junk);
  store::StoreCounts before;
  REQUIRE(store->counts(&before).is_ok());
  store::Overrides o;
  o.rename.emplace_back("Kim Jong Un", "Kim Jong-un (Korea Utara)");
  o.retype.emplace_back("Realme", "ORGANIZATION");
  o.remove.push_back("Baca Juga");
  store::CurateReport report;
  REQUIRE(store->curate(o, &report).is_ok());
  CHECK(report.rejected.empty());
  CHECK(report.edited == 3);
  store::StoreCounts after;
  REQUIRE(store->counts(&after).is_ok());
  CHECK(after.entities == before.entities - 1);
  CHECK(after.relations == before.relations - 1);  // the junk's relation went with it
  CHECK(after.documents == before.documents);
  auto labels = snapshot(*store).labels;
  CHECK(labels.count("Kim Jong-un (Korea Utara)"));
  CHECK_FALSE(labels.count("Baca Juga"));
  // Later articles: the rename and the type hold through the recount, the deleted name stays out.
  Article later = putin_meets_kim("c", "Vladimir Putin kembali bertemu Kim Jong Un.");
  add_entity(later, "Baca Juga", EntityType::kPerson);
  add_entity(later, "Realme", EntityType::kLocation);
  ingest(*store, later);
  bool found = false;
  REQUIRE(store->remove("a", &found).is_ok());  // recounts Kim Jong Un from what is left
  labels = snapshot(*store).labels;
  CHECK(labels.count("Kim Jong-un (Korea Utara)"));
  CHECK_FALSE(labels.count("Baca Juga"));
  store::StoreCounts last;
  REQUIRE(store->counts(&last).is_ok());
  CHECK(last.entities == after.entities);  // the later "Realme", typed LOCATION again, joined the retyped one
  std::vector<store::OverrideRow> rows;
  REQUIRE(store->list_overrides(&rows).is_ok());
  std::set<std::string> kinds;
  for (const auto& r : rows) kinds.insert(r.kind);
  CHECK(kinds == std::set<std::string>{"delete", "label", "type"});
}

TEST_CASE("taking back a rename or a merge restores what the articles say", "[store][curate]") {
  auto store = open_store(temp_dir() + "/g.db");
  ingest(*store, putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un."));
  Article b = article("b", "Presiden Jokowi tiba di Moskow.");
  add_entity(b, "Jokowi", EntityType::kPerson);
  ingest(*store, b);
  Article c = article("c", "Joko Widodo tiba di Beijing.");
  add_entity(c, "Joko Widodo", EntityType::kPerson);
  ingest(*store, c);
  const auto original = snapshot(*store).labels;
  store::Overrides edit;
  edit.rename.emplace_back("Kim Jong Un", "Marsekal Kim");
  edit.merge.push_back({"Joko Widodo", "Jokowi"});
  store::CurateReport report;
  REQUIRE(store->curate(edit, &report).is_ok());
  REQUIRE(snapshot(*store).labels != original);
  store::Overrides undo;
  undo.unset = {{"label", "Marsekal Kim"}, {"merge", "Joko Widodo", "Jokowi"}};
  REQUIRE(store->curate(undo, &report).is_ok());
  CHECK(report.unknown_names.empty());
  CHECK(snapshot(*store).labels == original);
  std::vector<store::OverrideRow> rows;
  REQUIRE(store->list_overrides(&rows).is_ok());
  CHECK(rows.empty());
  undo.unset = {{"never", "A", "B"}};
  REQUIRE(store->curate(undo, &report).is_ok());
  CHECK(report.unknown_names.size() == 1);  // nothing to take back: said so
}

TEST_CASE("overrides files are checked before anything is applied", "[store][curate]") {
  store::Overrides o;
  CHECK(store::parse_overrides(R"({"merge": [["A", "B", "C"]], "never": [["X", "Y"]]})", "o.json", &o).is_ok());
  CHECK(o.merge.size() == 1);
  CHECK(o.never.size() == 1);
  const char* rejected[] = {"[1, 2]", R"({"merge": [["only one"]]})", R"({"never": [["a", "b", "c"]]})",
                            R"({"merge": [[1, 2]]})", R"({"mrege": []})", "{", ""};
  for (const char* bad : rejected) {
    store::Overrides ignored;
    Status st = store::parse_overrides(bad, "o.json", &ignored);
    CHECK_FALSE(st.is_ok());
    CHECK_THAT(st.message(), Catch::Contains("o.json"));
  }
}

TEST_CASE("overrides files read edits and take-backs, and refuse malformed ones by place", "[store][curate]") {
  store::Overrides o;
  REQUIRE(store::parse_overrides(R"({"rename": [["Kirby", "John Kirby"]], "retype": [["Realme", "ORGANIZATION"]],
                                     "delete": ["Baca Juga"],
                                     "unset": [["label", "Wiranto"], ["merge", "John Kirby", "Kirby"]]})",
                                 "o.json", &o)
              .is_ok());
  CHECK(o.rename == std::vector<std::pair<std::string, std::string>>{{"Kirby", "John Kirby"}});
  CHECK(o.retype == std::vector<std::pair<std::string, std::string>>{{"Realme", "ORGANIZATION"}});
  CHECK(o.remove == std::vector<std::string>{"Baca Juga"});
  CHECK(o.unset == std::vector<std::vector<std::string>>{{"label", "Wiranto"}, {"merge", "John Kirby", "Kirby"}});
  const char* rejected[] = {R"({"unset": [["label"]]})",           R"({"unset": [["merge", "a"]]})",
                            R"({"unset": [["label", "a", "b"]]})", R"({"unset": [["frob", "a"]]})",
                            R"({"retype": [["Realme", "COMPANY"]]})", R"({"rename": [["only"]]})",
                            R"({"delete": [""]})"};
  for (const char* bad : rejected) {
    store::Overrides ignored;
    Status st = store::parse_overrides(bad, "o.json", &ignored);
    INFO(bad);
    CHECK_FALSE(st.is_ok());
    CHECK_THAT(st.message(), Catch::Contains("o.json"));
  }
}

TEST_CASE("a file that is not a store is refused with a clear message and left untouched", "[store]") {
  auto dir = temp_dir();
  write_file(dir + "/notes.db", "these are my notes, not a database\n");
  std::unique_ptr<store::Store> store;
  Status st = store::Store::open(dir + "/notes.db", {}, &store);
  CHECK_FALSE(st.is_ok());
  CHECK_THAT(st.message(), Catch::Contains("notes.db"));
  CHECK(read_file(dir + "/notes.db") == "these are my notes, not a database\n");
  store::StoreOptions no_create;
  no_create.create = false;
  CHECK_FALSE(store::Store::open(dir + "/missing.db", no_create, &store).is_ok());
}

TEST_CASE("a store from a newer newsgraph is refused", "[store]") {
  auto db = temp_dir() + "/g.db";
  open_store(db);
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_exec(h, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  std::unique_ptr<store::Store> store;
  Status st = store::Store::open(db, {}, &store);
  CHECK_FALSE(st.is_ok());
  CHECK_THAT(st.message(), Catch::Contains("newer"));
}

TEST_CASE("a version 1 store's ingest-day first and last seen are redone from publication dates on open",
          "[store][dates]") {
  auto db = temp_dir() + "/g.db";
  {
    auto store = open_store(db);
    Article dated = putin_meets_kim("a1", "Putin bertemu Kim.");
    dated.doc.published = "2018-04-27";
    ingest(*store, dated);
    Article undated = putin_meets_kim("a2", "Putin bertemu Kim lagi.");
    undated.doc.published.clear();
    ingest(*store, undated);
  }
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  // What version 1 wrote: the undated article dated by the day it was ingested.
  sqlite3_exec(h, "UPDATE relations SET last_seen = '2026-12-02'; PRAGMA user_version = 1", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  auto store = open_store(db);  // migrates
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(h, "SELECT MIN(first_seen), MAX(last_seen), (SELECT user_version FROM pragma_user_version) "
                        "FROM relations", -1, &q, nullptr);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) == "2018-04-27");
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 1))) == "2018-04-27");
  CHECK(sqlite3_column_int(q, 2) == store::kSchemaVersion);
  sqlite3_finalize(q);
  sqlite3_close(h);
}

TEST_CASE("queries inside a read snapshot see one state while another connection writes", "[store]") {
  std::string db = temp_dir() + "/g.db";
  auto writer = open_store(db);
  ingest(*writer, putin_meets_kim("a1", "Putin bertemu Kim."));
  auto reader = open_store(db);
  store::StoreCounts before, during, after;
  {
    store::ReadSnapshot snapshot(*reader);
    REQUIRE(reader->counts(&before).is_ok());
    ingest(*writer, putin_meets_kim("a2", "Putin bertemu Kim lagi."));
    REQUIRE(reader->counts(&during).is_ok());
  }
  REQUIRE(reader->counts(&after).is_ok());
  CHECK(before.documents == 1);
  CHECK(during.documents == 1);  // the write landed, but not in this snapshot
  CHECK(after.documents == 2);
}

TEST_CASE("a store tells before extraction whether an article would change nothing", "[store]") {
  auto store = open_store(temp_dir() + "/g.db");
  Article a = putin_meets_kim("a", "Vladimir Putin bertemu Kim Jong Un di Pyongyang.");
  ingest(*store, a);
  bool same = false;
  store::IngestResult r;
  REQUIRE(store->unchanged(a.doc, {}, &same, &r).is_ok());
  CHECK(same);
  CHECK(r.outcome == store::IngestOutcome::kUnchanged);
  Document copy = a.doc;  // the same text under another id: a syndicated copy
  copy.id = "b";
  REQUIRE(store->unchanged(copy, {}, &same, &r).is_ok());
  CHECK(same);
  CHECK(r.doc_id == "a");
  Document edited = a.doc;
  edited.text += " Keduanya makan malam.";
  REQUIRE(store->unchanged(edited, {}, &same, &r).is_ok());
  CHECK_FALSE(same);
  store::IngestOptions again;
  again.reextract = true;
  REQUIRE(store->unchanged(a.doc, again, &same, &r).is_ok());
  CHECK_FALSE(same);
}

TEST_CASE("counts read what their scope asks for and leave the rest at 0", "[store][counts]") {
  auto store = open_store(temp_dir() + "/counts.db");
  ingest(*store, two_people_meet("a", "Joko Widodo", "Anthony Albanese"));
  using Scope = store::Store::CountScope;
  store::StoreCounts all, no_mentions, graph;
  REQUIRE(store->counts(&all, Scope::kAll).is_ok());
  REQUIRE(store->counts(&no_mentions, Scope::kNoMentions).is_ok());
  REQUIRE(store->counts(&graph, Scope::kGraph).is_ok());
  CHECK(all.documents == 1);
  CHECK(all.entities == 2);
  CHECK(all.relations == 1);
  CHECK(all.evidence == 1);
  CHECK(all.mentions == 2);
  CHECK(no_mentions.evidence == all.evidence);
  CHECK(no_mentions.mentions == 0);
  CHECK(graph.relations == all.relations);
  CHECK(graph.evidence == 0);
  CHECK(graph.mentions == 0);
}

TEST_CASE("counts kept at the store's version are read back until the next write counts afresh",
          "[store][counts]") {
  const std::string path = temp_dir() + "/kept_counts.db";
  auto store = open_store(path);
  ingest(*store, two_people_meet("a", "Joko Widodo", "Anthony Albanese"));
  store::StoreCounts first;
  REQUIRE(store->counts(&first).is_ok());
  CHECK(first.entities == 2);
  CHECK(scalar(path, "SELECT value FROM meta WHERE key = 'counted_at'") ==
        scalar(path, "SELECT value FROM meta WHERE key = 'version'"));
  // A kept count is what the next call answers, without counting again...
  REQUIRE(run_sql(path, "UPDATE meta SET value = 99 WHERE key = 'count_entities'") == SQLITE_OK);
  store::StoreCounts kept;
  REQUIRE(store->counts(&kept).is_ok());
  CHECK(kept.entities == 99);
  // ...until a write moves the version on.
  ingest(*store, two_people_meet("b", "Joko Widodo", "Lee Hsien Loong"));
  store::StoreCounts after;
  REQUIRE(store->counts(&after).is_ok());
  CHECK(after.documents == 2);
  CHECK(after.entities == 3);
  CHECK(after.relations == 2);
  CHECK(after.evidence == 2);
  CHECK(after.mentions == 4);
}
