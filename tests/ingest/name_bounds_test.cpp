// Where a name no gazetteer knows begins and ends: names that continue a known one,
// bodies with "untuk" inside, two institutions side by side, and a person after the
// title and body that announce them.
#include <catch2/catch.hpp>

#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph;

namespace {

struct Case {
  const char* text;     // one sentence of an article (a title line is added)
  const char* present;  // a name that must be found whole, with this type
  const char* type;
  const char* absent;  // a piece that must not be an entity of its own ("" for none)
};

void check_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.text);
    auto x = testing::extract_text(std::string("Judul\n\n") + c.text);
    const Entity* e = testing::find_entity(x, c.present);
    INFO(c.present);
    REQUIRE(e);
    CHECK(std::string(entity_type_name(e->type)) == c.type);
    if (*c.absent) CHECK_FALSE(testing::find_entity(x, c.absent));
  }
}

}  // namespace

TEST_CASE("a capitalised run that continues a known name stays whole", "[ner]") {
  check_all({
      {"Pasukan itu bergerak ke Zambezi Utara pekan lalu.", "Zambezi Utara", "LOCATION", "Utara"},
      {"Trump bermain golf di Trump National Golf Club bersama Abe.", "Trump National Golf Club",
       "ORGANIZATION", "National Golf Club"},
      {"Pesawat itu mendarat di Pangkalan Udara Jarrah kemarin.", "Pangkalan Udara Jarrah",
       "LOCATION", "Udara Jarrah"},
  });
}

TEST_CASE("'untuk' stays inside a body's name, but not before a country", "[ner]") {
  check_all({
      {"Menurut Observatorium Suriah untuk Hak Asasi Manusia, 20 orang tewas.",
       "Observatorium Suriah untuk Hak Asasi Manusia", "ORGANIZATION", "Hak Asasi Manusia"},
      {"Ia bekerja di Komite Nasional untuk Rusia sejak lama.", "Komite Nasional", "ORGANIZATION",
       ""},
  });
}

TEST_CASE("a second institution inside a body's name is a name of its own", "[ner]") {
  check_all({
      {"Ia kuliah di Fakultas Ekonomi Universitas Indonesia sejak 2010.", "Universitas Indonesia",
       "ORGANIZATION", "Fakultas Ekonomi Universitas Indonesia"},
      {"Ia kuliah di Fakultas Ekonomi Universitas Indonesia sejak 2010.", "Fakultas Ekonomi",
       "ORGANIZATION", ""},
      {"Petugas Dinas Pariwisata dan Dinas Perhubungan hadir.", "Dinas Perhubungan", "ORGANIZATION",
       "Dinas Pariwisata dan Dinas Perhubungan"},
  });
}

TEST_CASE("after a title, the body and the person it runs into are two names", "[ner]") {
  check_all({
      {"Rapat dipimpin Ketua Komisi XI DPR Johnny Plate kemarin.", "Johnny Plate", "PERSON",
       "Xi Jinping"},
      {"Rapat dipimpin Ketua Komisi XI DPR Johnny Plate kemarin.", "Komisi XI DPR", "ORGANIZATION",
       "Komisi XI DPR Johnny Plate"},
      {"Wali Kota Medan Dzulmi Eldin hadir di acara itu.", "Dzulmi Eldin", "PERSON",
       "Kota Medan Dzulmi Eldin"},
      {"Acara dibuka Bupati Kutai Timur Isran Noor kemarin.", "Kutai Timur", "LOCATION",
       "Kutai Timur Isran Noor"},
      {"Acara dibuka Bupati Kutai Timur Isran Noor kemarin.", "Isran Noor", "PERSON", ""},
      {"Hal itu disampaikan Menteri Koordinator Politik, Hukum, dan Keamanan Wiranto di Jakarta.",
       "Wiranto", "PERSON", "Keamanan Wiranto"},
      {"Acara itu dihadiri Emir Kuwait Sheikh Rashid bin Fahad kemarin.", "Rashid bin Fahad",
       "PERSON", "Emir"},
      // with no title before it, a body's name is not cut
      {"Mereka mendatangi Komisi Hukum DPR pekan lalu.", "Komisi Hukum DPR", "ORGANIZATION", ""},
      // a rank between body and person belongs to neither
      {"Kepala Humas Polda Metro Jaya Kombes Argo Yuwono menjelaskan hal itu.", "Argo Yuwono",
       "PERSON", "Polda Metro Jaya Kombes"},
      // a run ending in "and X Y" is not a body before a person
      {"Direktur Eksekutif Institute for Law and Justice Reform datang.",
       "Institute for Law and Justice Reform", "ORGANIZATION", "Justice Reform"},
  });
}

TEST_CASE("a known person ends a body's name only once the body is named in full", "[ner]") {
  check_all({
      {"Dewan Pembina Partai Demokrat Susilo Bambang Yudhoyono hadir.", "Susilo Bambang Yudhoyono",
       "PERSON", "Dewan Pembina Partai Demokrat Susilo Bambang Yudhoyono"},
      {"Laga itu digelar di Stadion Utama Gelora Bung Karno malam ini.",
       "Stadion Utama Gelora Bung Karno", "LOCATION", "Stadion Utama Gelora"},
  });
}

TEST_CASE("two bodies joined by 'dan' are two names, and a range of days is no name", "[ner]") {
  check_all({
      {"Kontrak itu diteken PT Sinar Jaya dan PT Bumi Raya kemarin.", "PT Sinar Jaya",
       "ORGANIZATION", "PT Sinar Jaya dan PT Bumi Raya"},
      {"Ia aktif di Himpunan Pelajar Islam sejak 2010.", "Himpunan Pelajar Islam", "ORGANIZATION",
       "Himpunan Pelajar"},
      {"Kantor itu buka Senin-Jumat, kata Budi Santoso.", "Budi Santoso", "PERSON", "Senin-Jumat"},
  });
}

TEST_CASE("a common noun for a place before a known place is no part of its name", "[ner]") {
  check_all({
      {"Mereka mengakui Yerusalem sebagai Ibu Kota Israel pekan lalu.", "Israel", "COUNTRY",
       "Kota Israel"},
      {"Bentrokan terjadi di Wilayah Palestina kemarin.", "Palestine", "COUNTRY",
       "Wilayah Palestina"},
      {"Banjir melanda Provinsi Jawa Tengah kemarin.", "Jawa Tengah", "LOCATION",
       "Provinsi Jawa Tengah"},
  });
}

TEST_CASE(
    "a name after a title and body keeps its hyphenated body, suffix, connector and unit whole",
    "[ner]") {
  check_all({
      {"Kepala Komisi HAM Perserikatan Bangsa-Bangsa Volker Turk mengecam Sudan.", "Volker Turk",
       "PERSON", "Bangsa Volker Turk"},
      {"Kepala ekonom PT Bank Mandiri Tbk menilai rupiah melemah.", "PT Bank Mandiri Tbk",
       "ORGANIZATION", "Tbk"},
      {"Pejabat Kementerian Koordinator bidang Perekonomian mengatakan ekspor naik.",
       "Kementerian Koordinator bidang Perekonomian", "ORGANIZATION", "Perekonomian"},
      {"Pangeran Mohammed bin Salman Al Saud tiba di Kairo.", "Mohammed bin Salman", "PERSON",
       "Al Saud"},
  });
}

TEST_CASE("a leader's title alone is no name", "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\nPolisi menahan Haradinaj setelah mantan PM Kosovo itu tiba di Prancis.");
  REQUIRE(testing::find_entity(x, "Kosovo"));
  CHECK_FALSE(testing::find_entity(x, "PM"));
}

TEST_CASE("a word for a kind of body alone is no name, and the body it opens still is", "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\nGrup itu mengunjungi Jepang. Mungkin nanti ada Politeknik untuk industri. Kepala Dinas "
      "Pariwisata Bali Budi Santoso tiba.");
  REQUIRE(testing::find_entity(x, "Japan"));
  CHECK_FALSE(testing::find_entity(x, "Grup"));
  CHECK_FALSE(testing::find_entity(x, "Politeknik"));
  CHECK(testing::find_entity(x, "Dinas Pariwisata Bali"));
}

TEST_CASE("a company named after its parent is a name of its own, and legal forms or titles alone are none",
          "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\nKPK menetapkan Managing Director Pertamina Energy Services Pte. Ltd (PES) Bambang "
      "Irianto sebagai tersangka. Kerja sama antara Garuda Indonesia Group dan Sriwijaya Air Group berlanjut.");
  CHECK(testing::find_entity(x, "Pertamina Energy Services Pte. Ltd"));
  CHECK(testing::find_entity(x, "Garuda Indonesia Group"));
  CHECK_FALSE(testing::find_entity(x, "Managing Director"));
  CHECK_FALSE(testing::find_entity(x, "Energy Services Pte"));
}

TEST_CASE("words glued before a person's name the article also gives alone are no part of it", "[ner]") {
  check_all({
      {"Kepala BPBD Kabupaten Sukabumi Yana Rusyana mengatakan banjir surut. \"Warga sudah kembali,\" kata Yana "
       "Rusyana.",
       "Yana Rusyana", "PERSON", "BPBD Kabupaten Sukabumi Yana Rusyana"},
      {"Kontrak Borja Valero dengan Fiorentina selesai. Borja Valero tiba di Florence kemarin.", "Borja Valero",
       "PERSON", "Kontrak Borja Valero"},
      // a longer name of the same person is no glued word ("Nguyen" is part of the name)
      {"Nguyen Phu Trong tiba di Jakarta. Phu Trong bertemu presiden.", "Nguyen Phu Trong", "PERSON", ""},
      // a body named after a person keeps the person's name inside it
      {"Yayasan Hasyim Muzadi Sejahtera menggelar acara. Yayasan Hasyim Muzadi menyalurkan bantuan. Hasyim Muzadi "
       "dikenang warga.",
       "Yayasan Hasyim Muzadi", "ORGANIZATION", ""},
  });
}

TEST_CASE("a name after glued words the article never gives alone is offered for the store to match",
          "[ner]") {
  struct Offer {
    std::string text, label;
    std::vector<std::string> cores;
  };
  for (const Offer& c : std::vector<Offer>{
           // a body or a title before the name: the names after them are offered, longest first
           {"Ketua Fraksi Karya Bangsa Adies Kadir mengatakan rapat ditunda.", "Fraksi Karya Bangsa Adies Kadir",
            {"Adies Kadir"}},
           {"Koordinator ICW Adnan Topan Husodo mengatakan hal itu.", "Koordinator ICW Adnan Topan Husodo",
            {"Adnan Topan Husodo", "Topan Husodo"}},
           // a relative is another person, and a body named after someone keeps the name
           {"Istri Ahmad Dhani hadir di pengadilan.", "", {}},
           {"Pesawat mendarat di Bandara Sultan Syarif Kasim kemarin.", "Bandara Sultan Syarif Kasim", {}},
           {"Pasien dirawat di RSPAD Gatot Subroto kemarin.", "RSPAD Gatot Subroto", {}},
           // a longer name of a person has no glued words
           {"Muhammad Bobby Afif Nasution hadir di Medan.", "Muhammad Bobby Afif Nasution", {}},
       }) {
    INFO(c.text);
    auto x = testing::extract_text("Judul\n\n" + c.text);
    if (c.label.empty()) {
      for (const Entity& e : x.entities) CHECK(e.glued_cores.empty());
      continue;
    }
    const Entity* e = testing::find_entity(x, c.label);
    REQUIRE(e);
    CHECK(e->glued_cores == c.cores);
  }
}

TEST_CASE("a title before common nouns names a field, no person, while a one-word name after it stays",
          "[ner]") {
  auto field = testing::extract_text("Judul\n\nHal itu disampaikan Pengamat Pemberantasan Korupsi, Kristiawanto.");
  CHECK_FALSE(testing::find_entity(field, "Pemberantasan Korupsi"));
  CHECK(testing::find_entity(field, "Kristiawanto"));
  auto name = testing::extract_text("Judul\n\nKepala Desa Sutarman mengatakan warga sudah kembali.");
  CHECK(testing::find_entity(name, "Sutarman"));
}

TEST_CASE("a capitalised run of common words from the word list names no one, a personal name stays",
          "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\nRencana Detail Tata Ruang disusun ulang. Harga Kelapa Sawit turun pekan ini. Warga menyambut "
      "Abu Bakar di desa itu.");
  CHECK_FALSE(testing::find_entity(x, "Tata Ruang"));
  CHECK_FALSE(testing::find_entity(x, "Rencana Detail Tata Ruang"));
  CHECK_FALSE(testing::find_entity(x, "Kelapa Sawit"));
  CHECK(testing::find_entity(x, "Abu Bakar"));
}
