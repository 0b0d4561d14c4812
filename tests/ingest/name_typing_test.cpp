// How names no gazetteer knows are cut and typed: institution names with "dan",
// title phrases, company endings, lone head words and acronyms of common nouns.
#include <catch2/catch.hpp>

#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph;

namespace {

Extraction run(const std::string& text) { return testing::extract_text(text); }
const Entity* find(const Extraction& x, const std::string& label) { return testing::find_entity(x, label); }

}  // namespace

TEST_CASE("an institution's name runs on over 'dan' to the end of its name", "[ner]") {
  auto x = run("Judul\n\nPejabat Dinas Kependudukan dan Catatan Sipil Kota Bogor hadir kemarin.");
  const Entity* dinas = find(x, "Dinas Kependudukan dan Catatan Sipil Kota Bogor");
  REQUIRE(dinas);
  CHECK(dinas->type == EntityType::kOrganization);
  CHECK_FALSE(find(x, "Catatan Sipil"));
}

TEST_CASE("a title phrase with 'dan' is a cue, not part of the person's name", "[ner]") {
  auto x = run("Judul\n\nHal itu disampaikan Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia kemarin.");
  const Entity* person = find(x, "Bahlil Lahadalia");
  REQUIRE(person);
  CHECK(person->type == EntityType::kPerson);
  CHECK_FALSE(find(x, "Daya Mineral"));
}

TEST_CASE("an abbreviated minister's title is not part of the name", "[ner]") {
  auto x = run("Judul\n\nKemarin Menhub Jonan meninjau pelabuhan itu.");
  const Entity* jonan = find(x, "Jonan");
  REQUIRE(jonan);
  CHECK(jonan->type == EntityType::kPerson);
  CHECK_FALSE(find(x, "Menhub Jonan"));
}

TEST_CASE("company endings make an organisation, lone head words are an institution or nothing", "[ner]") {
  auto x = run("Judul\n\nHarga saham Great Lakes Holdings naik, kata mahasiswa Unpad kepada anggota Fraksi itu.");
  const Entity* company = find(x, "Great Lakes Holdings");
  REQUIRE(company);
  CHECK(company->type == EntityType::kOrganization);
  const Entity* unpad = find(x, "Unpad");
  REQUIRE(unpad);
  CHECK(unpad->type == EntityType::kOrganization);
  CHECK_FALSE(find(x, "Fraksi"));
}

TEST_CASE("acronyms of common nouns are not organisations", "[ner]") {
  auto x = run("Judul\n\nHarga BBM naik setelah RUU itu disahkan, kata Budi Santoso.");
  CHECK_FALSE(find(x, "BBM"));
  CHECK_FALSE(find(x, "RUU"));
  CHECK(find(x, "Budi Santoso"));
}

TEST_CASE("a single capital letter standing alone is not a name", "[ner]") {
  auto x = run("Judul\n\nIa menjadi kader PDI - P sejak lama dan tinggal di Blok P, kata Hasto Kristiyanto.");
  CHECK_FALSE(find(x, "P"));
  CHECK(find(x, "PDI Perjuangan"));  // the spaced hyphen joins a name the gazetteer knows
  CHECK(find(x, "Hasto Kristiyanto"));
}

TEST_CASE("a name never ends in 'dan' or a connector, and a lone connector is no name", "[ner]") {
  auto x = run("Judul\n\nPejabat dari Kementerian Energi dan Sumber Daya Mineral Laos hadir dengan mobil OB - Van , "
               "kata Somchai.");
  for (const Entity& e : x.entities) {
    INFO(e.label);
    CHECK(e.label.substr(e.label.size() >= 4 ? e.label.size() - 4 : 0) != " dan");
    CHECK(e.label != "Van");
  }
  CHECK(find(x, "Somchai"));
}

TEST_CASE("a name heading a list of places is a place; a person after a place stays a person", "[ner]") {
  auto x = run("Judul\n\nPembangunan proyek Hambalang, Bogor, Jawa Barat, dihentikan. \"Kami menolak,\" kata Duta Besar "
               "Rusia untuk Amerika Serikat, Anatoly Antonov.");
  const Entity* hambalang = find(x, "Hambalang");
  REQUIRE(hambalang);
  CHECK(hambalang->type == EntityType::kLocation);
  const Entity* antonov = find(x, "Anatoly Antonov");
  REQUIRE(antonov);
  CHECK(antonov->type == EntityType::kPerson);
}

TEST_CASE("police and military ranks are titles, not part of the name", "[ner]") {
  auto x = run("Judul\n\nKapolri Komjen Pol Budi Santosa dan Irjen Pol Andi Wijaya hadir.");
  CHECK(find(x, "Budi Santosa"));
  CHECK(find(x, "Andi Wijaya"));
  CHECK_FALSE(find(x, "Komjen Pol Budi Santosa"));
  CHECK_FALSE(find(x, "Irjen Pol Andi Wijaya"));
}
