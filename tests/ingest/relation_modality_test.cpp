// The modality of relations on real news, one behaviour a test: a cue's own clause,
// conditions and questions, what is urged, wanted, hoped for, suggested or ready to be
// done, what is ahead, planned or attempted, denied, claimed, suspended or called off, and
// aid asked for or offered.
#include <catch2/catch.hpp>
#include <string>

#include "tests/ingest/extraction_helpers.h"
#include "tests/ingest/relation_checks.h"

using namespace newsgraph;
using namespace newsgraph::testing;

TEST_CASE("a denial covers its own clause, not a verb coordinated after it",
          "[relations][modality]") {
  auto x = run("Turki membantah laporan tersebut dan menolak permintaan Swedia.");
  CHECK(modality_between(x, "Turkey", Predicate::kReject, "Sweden") == Modality::kAsserted);

  auto denied = run("Rusia membantah menyerang Ukraina.");
  CHECK(modality_between(denied, "Russia", Predicate::kAttack, "Ukraine") == Modality::kDenied);
}

TEST_CASE("what a party urges or wants another to do is hypothetical", "[relations][modality]") {
  auto x = run("Jepang mendesak Dewan Keamanan PBB menjatuhkan sanksi terhadap Iran.");
  CHECK(modality_between(x, "UN Security Council", Predicate::kSanction, "Iran") == Modality::kHypothetical);
  auto asked = run("Jepang meminta dana tambahan untuk membantu Palestina.");
  CHECK(modality_between(asked, "Japan", Predicate::kSupport, "Palestine") != Modality::kHypothetical);
}

TEST_CASE("a suspended tie is negated and a reported act alleged", "[relations][modality]") {
  auto x = run("Selandia Baru menangguhkan kerja sama militer dengan Fiji.");
  CHECK(modality_between(x, "Fiji", Predicate::kCooperate, "New Zealand") == Modality::kNegated);
}

TEST_CASE("a stalled or called-off act is negated", "[relations][modality]") {
  auto x =
      run("Ketika Macron membatalkan rencananya untuk bertemu Putin di Paris, hubungan memburuk.");
  CHECK(modality_between(x, "Emmanuel Macron", Predicate::kMeet, "Vladimir Putin") == Modality::kNegated);
}

TEST_CASE("a claim over verbs covers each of them", "[relations][modality]") {
  auto x = run("Pengusaha Wang Wei dituduh membeli dan menyelundupkan senjata ke Korea Utara.");
  CHECK(modality_between(x, "Wang Wei", Predicate::kSupply, "North Korea") == Modality::kAlleged);
}

TEST_CASE("ready or willing to act is hypothetical", "[relations][modality]") {
  auto x = run("Lula da Silva mengaku siap bertemu Javier Milei.");
  CHECK(modality_between(x, "Javier Milei", Predicate::kMeet, "Luiz Inacio Lula da Silva") == Modality::kHypothetical);
}

TEST_CASE("'tidak perlu ragu' urges an act and negates nothing", "[relations][modality]") {
  auto x = run("Menteri itu menegaskan Kenya tidak perlu ragu bekerja sama dengan Indonesia.");
  CHECK(modality_between(x, "Indonesia", Predicate::kCooperate, "Kenya") != Modality::kNegated);
}

TEST_CASE("a suggested act is the suggested party's, and hypothetical", "[relations][modality]") {
  auto x = run("Vladimir Putin menyarankan Mesir untuk membeli sistem pertahanan dari Rusia.");
  CHECK(modality_between(x, "Russia", Predicate::kSupply, "Egypt") == Modality::kHypothetical);
}

TEST_CASE("what is ahead is planned, and a clause of duration keeps its own modality",
          "[relations][modality]") {
  auto ahead = run("Johnson menyatakan yakin menjelang pertemuan dengan Kanselir Jerman Angela Merkel.");
  CHECK(modality_between(ahead, "Angela Merkel", Predicate::kMeet, "Johnson") == Modality::kPlanned);

  auto during = run("Iran menegaskan tidak akan ada perundingan selama Amerika Serikat masih menerapkan sanksi terhadap Iran.");
  CHECK(modality_between(during, "United States", Predicate::kSanction, "Iran") == Modality::kAsserted);
}

TEST_CASE("aid is goods given, and aid asked for or offered is not given yet", "[relations][modality]") {
  auto aid = run("Bantuan Jepang untuk Filipina tiba kemarin.");
  CHECK(modality_between(aid, "Japan", Predicate::kSupply, "Philippines") == Modality::kAsserted);
  CHECK_FALSE(find_relation(aid, "Japan", Predicate::kSupport, "Philippines"));

  auto asked = run("Arab Saudi meminta bantuan Korea Selatan untuk memperkuat pertahanan udara.");
  CHECK(modality_between(asked, "South Korea", Predicate::kSupply, "Saudi Arabia") == Modality::kHypothetical);
}

TEST_CASE("an effort a few words before the act it aims at keeps the act unhappened",
          "[relations][modality]") {
  auto x = run("China mendukung upaya Korea Selatan untuk memulai kembali dialog dengan Korea Utara.");
  CHECK(modality_between(x, "North Korea", Predicate::kMeet, "South Korea") != Modality::kAsserted);
}

TEST_CASE("a post held 'saat itu' is no post now, and hoping another acts is hypothetical",
          "[relations][modality]") {
  auto then = run("Ibnu Sutowo, Presiden Pertamina saat itu, menyumbangkan pemikirannya.");
  require_named(then, {"Ibnu Sutowo", "Pertamina"});
  CHECK_FALSE(find_relation(then, "Ibnu Sutowo", Predicate::kLeads, "Pertamina"));

  auto hope = run("Presiden Joko Widodo berharap pemerintah Tiongkok mengimpor minyak sawit dari Indonesia.");
  CHECK(modality_between(hope, "Indonesia", Predicate::kSupply, "China") == Modality::kHypothetical);
}

TEST_CASE("modality acts on the cue's own clause", "[relations][modality]") {
  auto q = run("AS menjatuhkan sanksi terhadap Iran, tetapi apakah Rusia akan mendukung Iran?");
  const Relation* sanction = find_relation(q, "United States", Predicate::kSanction, "Iran");
  const Relation* support = find_relation(q, "Russia", Predicate::kSupport, "Iran");
  REQUIRE(sanction);
  REQUIRE(support);
  CHECK(sanction->modality == Modality::kAsserted);
  CHECK(support->modality == Modality::kQuestion);

  const Relation* not_only =
      find_relation(run("Rusia bukan hanya mendukung Suriah, namun juga melatih tentaranya."),
                    "Russia", Predicate::kSupport, "Syria");
  REQUIRE(not_only);
  CHECK(not_only->modality == Modality::kAsserted);

  const Relation* withdrawn =
      find_relation(run("Partai Golkar mencabut dukungannya untuk Ridwan Kamil."), "Partai Golkar",
                    Predicate::kSupport, "Ridwan Kamil");
  REQUIRE(withdrawn);
  CHECK(withdrawn->modality == Modality::kNegated);

  const Relation* can = find_relation(run("Korea Utara dapat menyerang Jepang."), "North Korea",
                                      Predicate::kAttack, "Japan");
  REQUIRE(can);
  CHECK(can->modality == Modality::kHypothetical);

  const Relation* wants =
      find_relation(run("Jepang ingin mendukung India."), "Japan", Predicate::kSupport, "India");
  REQUIRE(wants);
  CHECK(wants->modality == Modality::kPlanned);

  const Relation* that = find_relation(run("Pertemuan itu menandakan kalau Jepang mendukung AS."),
                                       "Japan", Predicate::kSupport, "United States");
  REQUIRE(that);
  CHECK(that->modality == Modality::kAsserted);

  auto cond = run("Jika AS menyerang Iran, Rusia akan mengecam AS.");
  const Relation* attack = find_relation(cond, "United States", Predicate::kAttack, "Iran");
  const Relation* accuse = find_relation(cond, "Russia", Predicate::kAccuse, "United States");
  REQUIRE(attack);
  REQUIRE(accuse);
  CHECK(attack->modality == Modality::kHypothetical);
  CHECK(accuse->modality == Modality::kHypothetical);
}

TEST_CASE("what must, can or should happen is hypothetical", "[relations][modality]") {
  const Relation* must = find_relation(
      run("Status kota itu mesti diputuskan melalui perundingan antara Israel dan Palestina."),
      "Israel", Predicate::kMeet, "Palestine");
  REQUIRE(must);
  CHECK(must->modality == Modality::kHypothetical);
}

TEST_CASE("a purpose clause is planned, and a noun cue takes the modal words said of it",
          "[relations][modality]") {
  const Relation* purpose = find_relation(run("AS menekan DK PBB agar Rusia mengecam Korea Utara."),
                                          "Russia", Predicate::kAccuse, "North Korea");
  REQUIRE(purpose);
  CHECK(purpose->modality == Modality::kPlanned);
  const Relation* door = find_relation(
      run("Moon Jae-in mengatakan pintu dialog dengan Korea Utara masih harus dibuka."),
      "Moon Jae-in", Predicate::kMeet, "North Korea");
  REQUIRE(door);
  CHECK(door->modality == Modality::kHypothetical);
  const Relation* reported = find_relation(
      run("Kerja sama antara Suriah dan Korea Utara yang dilaporkan terjadi diselidiki PBB."),
      "North Korea", Predicate::kCooperate, "Syria");
  REQUIRE(reported);
  CHECK(reported->modality == Modality::kAlleged);
}
