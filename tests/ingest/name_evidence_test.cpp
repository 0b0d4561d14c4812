// A name no gazetteer knows is typed only on evidence: cue nouns before it, English
// endings, verbs after it; ordinary nouns written capitalised are no names at all.
#include <catch2/catch.hpp>

#include "ingest/name_typing.h"
#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph;

namespace {

struct Case {
  const char* text;   // one sentence of an article (a title line is added)
  const char* label;  // the name looked for
  const char* type;   // its expected type, or "" when it must be no entity
};

std::string type_of(const std::string& text, const std::string& label) {
  auto x = testing::extract_text("Judul\n\n" + text);
  const Entity* e = testing::find_entity(x, label);
  return e ? std::string(entity_type_name(e->type)) : std::string();
}

void check_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.text << " -> " << c.label);
    CHECK(type_of(c.text, c.label) == c.type);
  }
}

}  // namespace

TEST_CASE("a lowercase cue noun before a name says what kind of name it is", "[ner]") {
  check_all({
      {"Serangan itu dilakukan kelompok Jaish Ahrar di perbatasan.", "Jaish Ahrar", "ORGANIZATION"},
      {"Ribuan warga etnis Rohingya mengungsi ke Bangladesh.", "Rohingya", "ORGANIZATION"},
      {"Pasukan pemerintah menyerang kota Qarmasa kemarin.", "Qarmasa", "LOCATION"},
      {"Laporan itu dimuat harian The Daily Lantern pekan lalu.", "Daily Lantern", "ORGANIZATION"},
      {"Mereka ikut latihan Ulchi Freedom Guardian setiap tahun.", "Ulchi Freedom Guardian",
       "EVENT"},
      // no cue: a name after an ordinary verb keeps the default
      {"Ia bertemu Marlina Sitompul di pasar.", "Marlina Sitompul", "PERSON"},
  });
}

TEST_CASE("English endings make a body, a patronymic makes a person", "[ner]") {
  check_all({
      {"Desa itu dikuasai Free Syrian Army sejak Juni.", "Free Syrian Army", "ORGANIZATION"},
      {"Kabar itu dimuat Lakeside Times pagi ini.", "Lakeside Times", "ORGANIZATION"},
      {"Ia disambut Hamdan bin Zayed di bandara.", "Hamdan bin Zayed", "PERSON"},
      {"Bupati Kuru Timur menolak rencana itu.", "Kuru Timur", "LOCATION"},
      {"Ia dirawat di RS Sumber Waras sejak Senin.", "RS Sumber Waras", "ORGANIZATION"},
  });
}

TEST_CASE("ordinary nouns, plurals and amounts written capitalised are no names", "[ner]") {
  check_all({
      {"Menurut Konvensi tersebut, Utusan khusus itu datang dari Timur.", "Konvensi", ""},
      {"Menurut Konvensi tersebut, Utusan khusus itu datang dari Timur.", "Utusan", ""},
      {"Menurut Konvensi tersebut, Utusan khusus itu datang dari Timur.", "Timur", ""},
      {"Sikap Negara - negara itu sudah jelas, kata Budi Santoso.", "Negara-negara", ""},
      {"Sikap Negara - negara itu sudah jelas, kata Budi Santoso.", "Negara - negara", ""},
      {"Ia membayar Rp100 ribu untuk Kerja Sama itu.", "Rp100", ""},
      {"Ia membayar Rp100 ribu untuk Kerja Sama itu.", "Kerja Sama", ""},
      {"Sekolah itu meraih gelar Juara Umum II tahun ini.", "Juara Umum II", ""},
      {"Partai itu menggelar Munas di Bali.", "Munas", ""},
      {"Ponsel F68 dijual murah, kata Budi Santoso.", "F68", ""},
      {"Menurut Sultan, acara itu batal.", "Sultan", ""},  // a title alone
  });
}

TEST_CASE("a word the article also writes in lowercase is a common word, unless a cue typed it",
          "[ner]") {
  check_all({
      {"Ia melihat Ombak itu tinggi, dan ombak terus datang.", "Ombak", ""},
      {"Ia melihat Marlina itu tinggi, dan Marlina terus datang.", "Marlina", "PERSON"},
  });
}

TEST_CASE("a sentence's first word is a name when a verb follows it, not when it is a common word",
          "[ner]") {
  check_all({
      {"Sutrisno mengatakan hutan itu rusak.", "Sutrisno", "PERSON"},
      {"Tsvangirai, mantan tokoh buruh, ditangkap.", "Tsvangirai", "PERSON"},
      {"Fanshurullah mengatakan harga naik.", "Fanshurullah",
       "PERSON"},  // looks inflected, but speaks
      {"Idrus juga yakin partainya menang.", "Idrus", "PERSON"},
      {"Slamet berharap hujan turun.", "Slamet", "PERSON"},
      {"Gates, yang juga menteri, tiba kemarin.", "Gates", "PERSON"},
      {"Anas sendiri terlilit kasus korupsi.", "Anas", "PERSON"},
      {"Bambang juga mampu bekerja keras.", "Bambang", "PERSON"},
      {"Kebakaran melanda Sumatra.", "Kebakaran", ""},  // an inflected word
      {"Hutan mengering setiap tahun, dan hutan lain terbakar.", "Hutan",
       ""},  // written lowercase too
      {"Sutrisno pergi ke pasar.", "Sutrisno", "PERSON"},
      {"Kemarau datang lebih awal.", "Kemarau", ""},  // no verb that takes a person: no evidence
      {"Pasukannya mengatakan kota itu aman.", "Pasukannya", ""},  // a possessive noun
      {"Melihat menjelaskan banyak hal.", "Melihat", ""},          // a verb itself
  });
}

TEST_CASE("the type of a name is voted by its mentions with evidence", "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\nPasukan itu tiba di Sweida pagi tadi. Sweida dikuasai pemberontak. "
      "Warga Sweida mengungsi ke kota Sweida yang lain.");
  const Entity* e = testing::find_entity(x, "Sweida");
  REQUIRE(e);
  CHECK(e->type == EntityType::kLocation);
}

TEST_CASE(
    "an untyped one-word name said once in a longer article is no entity; said twice, it stays",
    "[ner]") {
  const std::string once =
      "Judul\n\nPasukan itu menembakkan Scud ke sebuah kota. Serangan terjadi malam hari. Warga "
      "panik.";
  CHECK_FALSE(testing::find_entity(testing::extract_text(once), "Scud"));
  const std::string twice =
      "Judul\n\nIa bertemu Marlina di pasar. Pertemuan terjadi malam hari. Keduanya lalu pulang "
      "bersama Marlina.";
  CHECK(testing::find_entity(testing::extract_text(twice), "Marlina"));
  const std::string short_article = "Judul\n\nIa bertemu Marlina di pasar.";
  CHECK(testing::find_entity(testing::extract_text(short_article), "Marlina"));
}

TEST_CASE("a word that is chrome alone ('News') belongs to a body's name that ends with it",
          "[ner]") {
  check_all({
      {"Ia berbicara kepada Qatar News Agency saat tiba di Doha.", "Qatar News Agency",
       "ORGANIZATION"},
  });
}

TEST_CASE("a definition after a name outweighs a title before another of its mentions", "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\n\"Kami bertahan,\" kata juru bicara Jaish Ahrar al Ashaer. Jaish Ahrar al Ashaer "
      "adalah sebuah "
      "kelompok pemberontak di selatan. Serangan berlanjut pekan ini.");
  const Entity* e = testing::find_entity(x, "Jaish Ahrar al Ashaer");
  REQUIRE(e);
  CHECK(e->type == EntityType::kOrganization);
  check_all({
      {"Ia bertemu Marlina Sitompul, seorang peneliti, di pasar.", "Marlina Sitompul", "PERSON"},
      {"Mereka berlayar di perairan sekitar Kuruyama pada Kamis.", "Kuruyama", "LOCATION"},
  });
}

TEST_CASE("an acronym in parentheses after a name no gazetteer knows is that name's short form",
          "[ner]") {
  auto x = testing::extract_text(
      "Judul\n\nDana itu dikirim ke Pusat Studi dan Penelitian Ilmiah Suriah (SSRC) tahun lalu. "
      "SSRC membantah.");
  const Entity* e = testing::find_entity(x, "Pusat Studi dan Penelitian Ilmiah Suriah");
  REQUIRE(e);
  CHECK(e->type == EntityType::kOrganization);
  CHECK(e->mentions.size() == 3);
  CHECK_FALSE(testing::find_entity(x, "SSRC"));
}

TEST_CASE("numerals, codes and amounts are word shapes that are never names; names are not",
          "[ner]") {
  using namespace newsgraph::ingest;
  // The word as a list of one token (the list keeps the token's key).
  auto token = [](const std::string& w) {
    TokenList t = tokenize(w, 0, static_cast<uint32_t>(w.size()));
    REQUIRE(t.size() == 1);
    return t;
  };
  for (const char* w : {"II", "XI", "XXIV"}) {
    INFO(w);
    CHECK(is_roman_numeral(token(w)[0]));
  }
  for (const char* w : {"Xi", "Vivi", "MIX", "ii"}) {
    INFO(w);
    CHECK_FALSE(is_roman_numeral(token(w)[0]));
  }
  for (const char* w : {"F68", "W510", "GSX2"}) {
    INFO(w);
    CHECK(is_code(token(w)[0]));
  }
  for (const char* w : {"Fatima", "2019", "KPK"}) {
    INFO(w);
    CHECK_FALSE(is_code(token(w)[0]));
  }
  for (const char* w : {"Rp100", "Senin", "Yang"}) {
    INFO(w);
    CHECK(is_not_name(token(w)[0]));
  }
  for (const char* w : {"Rpk", "Sutrisno", "Medan"}) {
    INFO(w);
    CHECK_FALSE(is_not_name(token(w)[0]));
  }
}
